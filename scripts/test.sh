#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root) to the whole test suite: installs what
# is missing, then
#   1. builds (Release, gcc, unity) and runs every test through ctest: doctest unit tests, the
#      end-to-end PDF tests and the hostile-input tests (every PDF opened by five readers);
#   2. builds again with clang, AddressSanitizer and UndefinedBehaviorSanitizer and runs the
#      same ctest suites on that build;
#   3. fuzzes each libFuzzer target for HANDOUT_FUZZ_SECONDS (default 20) seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --for test
# One translation unit per batch of source files (CMake's unity build): the gcc build takes half
# the time, which CI's 30 minutes need. The sanitizer build below compiles file by file, so a
# missing #include still fails the suite.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON -DCMAKE_UNITY_BUILD=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j2  # the sections are independent

echo "== the same suites under AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DHANDOUT_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
# Sanitizer reports exit 199, which no handout exit code (0, 1, 2) can be mistaken for.
export ASAN_OPTIONS=exitcode=199:detect_leaks=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:exitcode=199
export LSAN_OPTIONS=exitcode=199:print_suppressions=0:suppressions=$PWD/tests/sanitizers/lsan.supp
HANDOUT_SANITIZED=1 ctest --test-dir build-fuzz --output-on-failure -j2

echo "== fuzz smoke run"
scripts/fuzz.sh "${HANDOUT_FUZZ_SECONDS:-20}"
echo "test.sh: 3 passed, 0 failed"
