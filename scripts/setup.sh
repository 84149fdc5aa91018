#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root) to the example clinic's handouts in out/:
# installs what is missing, builds handout, renders every handout of handout.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
./build/handout build --config handout.yaml
