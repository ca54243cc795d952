#!/usr/bin/env bash
# Builds nnsim and runs every test: once with -Werror, then once more under
# AddressSanitizer and UndefinedBehaviorSanitizer, then runs each fuzz target
# for 60 seconds (scripts/fuzz.sh).  This is the README's second quick-start
# command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DNNSIM_WERROR=ON
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNNSIM_WERROR=ON -DNNSIM_SANITIZE=ON
cmake --build build-sanitize -j "$jobs"
ctest --test-dir build-sanitize --output-on-failure -j "$jobs"

scripts/fuzz.sh 60
