#!/usr/bin/env bash
# Installs the Debian 12 packages nnsim needs, but only those that are missing,
# so a second run is quick and needs no network.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libboost-dev libboost-graph-dev libgmp-dev libmpfr-dev libmpfi-dev
  catch2 libcli11-dev libfmt-dev nlohmann-json3-dev
  libbenchmark-dev python3
  # the doubles baseline of bench/compare.py (bench/numpy_csr_sim.py); without
  # them that baseline prints a SKIP line
  python3-numpy python3-scipy
  # the Python module (src/python/)
  python3-dev pybind11-dev
  # the fuzz build (scripts/fuzz.sh): clang, libFuzzer and the sanitizers'
  # run-time libraries (only recommended by clang), and the symbolizer
  clang libclang-rt-14-dev llvm-14
  # headless Chromium, in which the tests look at the SVG pictures
  # (tests/scripts/svg_render.py); several hundred megabytes, so, like every
  # package here, installed only when missing; without it those tests print
  # a SKIP line
  chromium
  # a terminal multiplexer in which tests/scripts/test_step_cli.py types into
  # nnsim step as a person would (without it that part prints a SKIP line)
  tmux
  # GNU parallel, through which tests/scripts/test_shard_cli.py runs the
  # shards of one job side by side (docs/distributed.md); without it that
  # part prints a SKIP line
  parallel
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
