#!/usr/bin/env bash
# Builds nnsim and runs every test: once with -Werror, then once more under
# AddressSanitizer and UndefinedBehaviorSanitizer, then runs each fuzz target
# for 30 seconds (scripts/fuzz.sh; longer runs: scripts/fuzz.sh 600).  Each
# stage says how long it took.  This is the README's second quick-start
# command and what CI runs.  The Python module and its tests are in the
# first build only: an instrumented module would need the sanitizers'
# run-time libraries preloaded into python (docs/python.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)

# The Python module for the python3 on PATH, as scripts/quickstart.sh builds it.
python=$(python3 -c 'import sys; print(sys.executable)')
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DNNSIM_WERROR=ON -DPython3_EXECUTABLE="$python"
cmake --build build -j "$jobs"
echo "test.sh: Release build done after ${SECONDS} s"
ctest --test-dir build --output-on-failure -j "$jobs"
echo "test.sh: Release tests done after ${SECONDS} s"

cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNNSIM_WERROR=ON -DNNSIM_SANITIZE=ON
cmake --build build-sanitize -j "$jobs"
echo "test.sh: sanitizer build done after ${SECONDS} s"
ctest --test-dir build-sanitize --output-on-failure -j "$jobs"
echo "test.sh: sanitizer tests done after ${SECONDS} s"

scripts/fuzz.sh 30
echo "test.sh: fuzzing done after ${SECONDS} s"
