#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root) to the whole test suite: installs what
# is missing, builds, runs the doctest unit tests and the end-to-end PDF tests through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure
