// Test runner. `unit_tests --update` rewrites the golden layout files instead of comparing.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstring>

#include "test_support.h"

bool g_update_golden = false;

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--update") == 0) g_update_golden = true;
  doctest::Context context(argc, argv);
  return context.run();
}
