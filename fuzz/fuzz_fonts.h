// Small copies of the shipped fonts for the pipeline fuzz target: libharu parses and embeds
// every font file in every PDF, so with the full files it, not our code, takes the fuzzer's time.
#pragma once
#include <hb-subset.h>
#include <sys/stat.h>

#include <cstdio>
#include <string>

namespace handout::fuzz {

// Writes fonts/<stem>.ttf under `dir`, keeping Latin, punctuation, Hebrew, Arabic and the Arabic
// presentation forms the layout draws. False when the font cannot be read or subset.
inline bool write_subset(const std::string& from, const std::string& to) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(from.c_str());
  if (!blob) return false;
  hb_face_t* face = hb_face_create(blob, 0);
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  hb_set_t* unicodes = hb_subset_input_unicode_set(input);
  const hb_codepoint_t ranges[][2] = {{0x20, 0x24F}, {0x300, 0x36F}, {0x590, 0x6FF}, {0x2000, 0x206F},
                                      {0x2190, 0x21FF}, {0xFB1D, 0xFDFF}, {0xFE70, 0xFEFF}};
  for (const auto& r : ranges) hb_set_add_range(unicodes, r[0], r[1]);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_face_t* subset = hb_subset_or_fail(face, input);
  bool ok = false;
  if (subset) {
    hb_blob_t* out = hb_face_reference_blob(subset);
    unsigned size = 0;
    const char* data = hb_blob_get_data(out, &size);
    if (FILE* f = std::fopen(to.c_str(), "wb")) {
      ok = std::fwrite(data, 1, size, f) == size;
      ok = std::fclose(f) == 0 && ok;
    }
    hb_blob_destroy(out);
    hb_face_destroy(subset);
  }
  hb_subset_input_destroy(input);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return ok;
}

/// A data folder with fonts/ holding small subsets of the shipped Noto Sans, Arabic and Hebrew.
inline std::string subset_font_dir(const std::string& source_dir) {
  const std::string dir = "/tmp/handout-fuzz-fonts";
  ::mkdir(dir.c_str(), 0755);
  ::mkdir((dir + "/fonts").c_str(), 0755);
  for (const char* stem : {"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic",
                           "NotoSansArabic-Regular", "NotoSansArabic-Bold", "NotoSansHebrew-Regular",
                           "NotoSansHebrew-Bold"})
    if (!write_subset(source_dir + "/fonts/" + stem + ".ttf", dir + "/fonts/" + stem + ".ttf")) __builtin_trap();
  return dir;
}

}  // namespace handout::fuzz
