#!/usr/bin/env bash
# Builds the fuzz targets of tests/fuzz with clang into build-fuzz/ (the
# library instrumented for libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs each one for SECONDS seconds (default
# 60), starting from its seed corpus in tests/fuzz/corpus/TARGET/.  Fails on
# any finding: a crash, a memory error, a leak, undefined behaviour, a broken
# property (see each target's first comment), an input that takes more than
# 10 s or 2 GB.  The input that caused it is saved in build-fuzz/fuzz/TARGET/
# and the message says how to replay it.  scripts/test.sh runs this last.
#
#   scripts/fuzz.sh [SECONDS [TARGET...]]    e.g. scripts/fuzz.sh 600 network
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

seconds=${1:-60}
shift || true
all_targets=(network machine training_data boolean_formula cli_values word_pattern tag)
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")

# The longest input each target is given: a little above its largest seed
# (the compiled machines are 11-16 KB), short for one-line values.
declare -A max_len=([network]=16384 [machine]=4096 [training_data]=4096 [boolean_formula]=1024 [cli_values]=256 [word_pattern]=256 [tag]=4096)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNNSIM_FUZZ=ON -DNNSIM_PRECOMPILED_HEADERS=OFF -DNNSIM_BUILD_TESTS=OFF -DNNSIM_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target nnsim_fuzz_targets

# Reports with file and line, when clang's symbolizer is installed (llvm-14).
for symbolizer in llvm-symbolizer /usr/lib/llvm-14/bin/llvm-symbolizer; do
  if command -v "$symbolizer" >/dev/null; then
    export ASAN_SYMBOLIZER_PATH UBSAN_SYMBOLIZER_PATH
    ASAN_SYMBOLIZER_PATH=$(command -v "$symbolizer")
    UBSAN_SYMBOLIZER_PATH=$ASAN_SYMBOLIZER_PATH
    break
  fi
done
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=()
summary=$(printf '%-16s %12s %10s %8s %10s' target executions "execs/s" "new" "peak MB")
for target in "${targets[@]}"; do
  if [[ -z "${max_len[$target]:-}" ]]; then
    echo "fuzz.sh: unknown target '$target' (the targets: ${all_targets[*]})" >&2
    exit 2
  fi
  work=build-fuzz/fuzz/$target
  mkdir -p "$work/corpus"
  echo "fuzzing $target for $seconds s"
  # The first folder receives the inputs that add coverage; the seeds are
  # only read, so the repository is never written to.
  if build-fuzz/tests/fuzz/fuzz_"$target" "$work/corpus" "tests/fuzz/corpus/$target" \
       -dict="tests/fuzz/$target.dict" -max_total_time="$seconds" -max_len="${max_len[$target]}" \
       -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/" \
       >"$work/log" 2>&1; then
    stat_of() { sed -n "s/^stat::$1: *//p" "$work/log"; }
    summary+=$(printf '\n%-16s %12s %10s %8s %10s' "$target" "$(stat_of number_of_executed_units)" \
                 "$(stat_of average_exec_per_sec)" "$(stat_of new_units_added)" "$(stat_of peak_rss_mb)")
  else
    failed+=("$target")
    echo "fuzz.sh: $target found a problem; the end of $work/log:" >&2
    tail -n 80 "$work/log" >&2
    echo "replay it with: build-fuzz/tests/fuzz/fuzz_$target $work/<crash-, leak-, timeout- or oom-file>" >&2
  fi
done

echo "$summary"
if ((${#failed[@]})); then
  echo "fuzz.sh: findings in: ${failed[*]}" >&2
  exit 1
fi
