#!/usr/bin/env bash
# The README's first command: installs what is missing, builds nnsim, and runs
# the lecture's XOR network on all four inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target nnsim
for input in 0,0 0,1 1,0 1,1; do
  echo "\$ nnsim run networks/lecture/xor.nn --input $input"
  build/nnsim run networks/lecture/xor.nn --input "$input"
  echo
done
