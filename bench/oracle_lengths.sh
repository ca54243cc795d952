#!/usr/bin/env bash
# The super-Turing network (docs/reals.md): for n = 1 ... N, builds the
# network of the demonstration language ones-mod-3 with the weight for the
# words of length <= n, and classifies the word 1^n (the most steps of its
# length) in certified mode: steps, CPU seconds, and the precision that
# proved the verdict.  docs/performance.md shows the figures.
#
#   bench/oracle_lengths.sh build/nnsim 12
set -euo pipefail
nnsim=${1:-build/nnsim}
most=${2:-12}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%3s  %8s  %10s  %9s  %s\n' n steps seconds precision verdict
for n in $(seq 1 "$most"); do
  "$nnsim" build oracle --demo ones-mod-3 --max-len "$n" -o "$work/oracle.nn"
  word=$(printf '1%.0s' $(seq 1 "$n"))
  start=$(date +%s.%N)
  "$nnsim" recognize "$work/oracle.nn" "$word" --numbers certified --max-steps 10000000 --json > "$work/out.json"
  end=$(date +%s.%N)
  python3 - "$work/out.json" "$n" "$start" "$end" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
word = report["words"][0]
print(f'{sys.argv[2]:>3}  {word["steps"]:>8}  {float(sys.argv[4]) - float(sys.argv[3]):>10.2f}  {word["precision"]:>9}  {word["verdict"]}')
PY
done
