#!/usr/bin/env bash
# The universal network (docs/universal.md) on Rogozhin's second published
# example, P(a1) = a3 a3 a2 a1 a4, P(a2) = a3 a3 a1, P(a3) = a3 a3, word
# a2 a1 a1 (124,767 transitions of the paper's machine), level by level:
# the tag system and Rogozhin's machine run directly, then the network in
# exact arithmetic.  Prints each level's steps, the network's largest value,
# the wall-clock time and the peak memory.  docs/performance.md shows the
# figures.
#
#   bench/universal_bench.sh build/nnsim
set -euo pipefail
nnsim=${1:-build/nnsim}
system=$(dirname "$0")/../networks/universal/rogozhin-124767.tag
for levels in --no-network ""; do
  echo "== nnsim check universal --tag rogozhin-124767.tag --word 'a2 a1 a1' $levels"
  # shellcheck disable=SC2086  # $levels is one flag or none
  /usr/bin/time -f 'wall %e s, peak memory %M KB' "$nnsim" check universal --tag "$system" --word 'a2 a1 a1' $levels
done
