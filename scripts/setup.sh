#!/usr/bin/env bash
# One command from a fresh Debian 12 machine (as root) to the example clinic's handouts in out/:
# installs what building and running need (no test tools), builds handout, renders every
# handout of handout.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --for run
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j"$(nproc)"
./build/handout build --config handout.yaml
