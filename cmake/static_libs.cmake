# Linking the handout binary. A one-handout run takes about 10 ms, and starting a process that
# loads C++ shared libraries is a real part of it: ICU, yaml-cpp and libstdc++ as shared
# libraries cost ~1.5 ms a run in the dynamic loader (mapping, relocating, binding symbols).
# With HANDOUT_STATIC_LIBS (the default) every library whose Debian -dev package also ships a
# static archive is linked from that archive, and libstdc++ and libgcc are linked into the
# binary; HarfBuzz, libharu, fontconfig, libpng and libqrencode have no archive in Debian and
# stay shared. ICU's data (libicudata.a, 30 MB) then lives in the binary; pages are read only
# when used. Sanitized builds (HANDOUT_FUZZ) keep every library shared.
option(HANDOUT_STATIC_LIBS "Link libstdc++ and the libraries Debian ships as static archives into the binary" ON)
if(HANDOUT_FUZZ)  # in the cache too: the install test reads it there
  set(HANDOUT_STATIC_LIBS OFF CACHE BOOL "Link libstdc++ and the libraries Debian ships as static archives into the binary" FORCE)
endif()

# handout_link_library(<target> <shared> <archive name>...): links <target> (privately) with
# lib<name>.a for every name when HANDOUT_STATIC_LIBS is on and Debian ships them all, else
# with <shared> (an imported target or a library's path). An imported target still gives its
# include folders and compile options.
function(handout_link_library target shared)
  set(archives "")
  if(HANDOUT_STATIC_LIBS)
    foreach(name IN LISTS ARGN)
      find_library(HANDOUT_ARCHIVE_${name} NAMES lib${name}.a)
      if(NOT HANDOUT_ARCHIVE_${name})
        set(archives "")
        break()
      endif()
      list(APPEND archives ${HANDOUT_ARCHIVE_${name}})
    endforeach()
  endif()
  if(NOT archives)
    target_link_libraries(${target} PRIVATE ${shared})
    return()
  endif()
  if(TARGET ${shared})
    target_include_directories(${target} PRIVATE $<TARGET_PROPERTY:${shared},INTERFACE_INCLUDE_DIRECTORIES>)
    target_compile_options(${target} PRIVATE $<TARGET_PROPERTY:${shared},INTERFACE_COMPILE_OPTIONS>)
    target_compile_definitions(${target} PRIVATE $<TARGET_PROPERTY:${shared},INTERFACE_COMPILE_DEFINITIONS>)
  endif()
  target_link_libraries(${target} PRIVATE ${archives})
  set_property(GLOBAL APPEND PROPERTY HANDOUT_LINKED_ARCHIVES ${archives})
endfunction()

# handout_static_runtime(<executable>): libstdc++ and libgcc in the binary, and no shared
# library it does not use. The modules loaded later (handout-encrypt.so, handout-thumbnail.so)
# bring the shared libstdc++ with them; their entry points pass only std::string and plain
# structs, allocated with the one malloc both copies use.
function(handout_static_runtime target)
  if(HANDOUT_STATIC_LIBS)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc -Wl,--as-needed)
  endif()
endfunction()

# handout_install_linked_copyrights(<folder>): installs the Debian copyright file of every
# package whose archive is linked into the binary (as <folder>/<package>/copyright): their
# licences (MIT, BSD, ICU, LGPL) ask that copies of the program carry them, and the .deb no
# longer depends on those packages, whose files would otherwise carry them.
function(handout_install_linked_copyrights folder)
  if(NOT HANDOUT_STATIC_LIBS)
    return()
  endif()
  get_property(archives GLOBAL PROPERTY HANDOUT_LINKED_ARCHIVES)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libstdc++.a
    OUTPUT_VARIABLE libstdcxx OUTPUT_STRIP_TRAILING_WHITESPACE)
  list(APPEND archives ${libstdcxx})
  set(packages "")
  foreach(archive IN LISTS archives)
    file(REAL_PATH ${archive} real)
    execute_process(COMMAND dpkg-query -S ${real} OUTPUT_VARIABLE owner RESULT_VARIABLE rc ERROR_QUIET)
    string(REGEX REPLACE "[:,].*" "" package "${owner}")
    if(NOT rc EQUAL 0 OR NOT EXISTS /usr/share/doc/${package}/copyright)
      message(FATAL_ERROR "no Debian copyright file for ${archive} (linked into the binary); "
                          "configure with -DHANDOUT_STATIC_LIBS=OFF to link it as a shared library")
    endif()
    list(APPEND packages ${package})
  endforeach()
  list(REMOVE_DUPLICATES packages)
  foreach(package IN LISTS packages)
    install(FILES /usr/share/doc/${package}/copyright DESTINATION ${folder}/${package})
  endforeach()
endfunction()
