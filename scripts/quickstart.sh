#!/usr/bin/env bash
# The README's first command: installs what is missing, builds nnsim and its
# Python module, makes `import nnsim` work for the python3 on PATH, and runs
# the lecture's XOR network on all four inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The module is built for the python3 that `python3` starts (a pyenv or
# virtual environment's, or Debian's /usr/bin/python3).
python=$(python3 -c 'import sys; print(sys.executable)')
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE="$python" >/dev/null
cmake --build build -j "$(nproc)" --target nnsim nnsim_python
if [[ -f build/python/nnsim/__init__.py ]]; then
  # A .pth file in the interpreter's site folder (the user's, or the virtual
  # environment's) puts build/python on its path; docs/python.md.
  "$python" - "$PWD/build/python" <<'PYTHON'
import os, site, sys, sysconfig
folder = site.getusersitepackages() if site.ENABLE_USER_SITE else sysconfig.get_paths()["purelib"]
os.makedirs(folder, exist_ok=True)
with open(os.path.join(folder, "nnsim.pth"), "w") as pth:
    pth.write(sys.argv[1] + "\n")
print(f"import nnsim: {os.path.join(folder, 'nnsim.pth')} points {sys.executable} to {sys.argv[1]}")
PYTHON
fi
for input in 0,0 0,1 1,0 1,1; do
  echo "\$ nnsim run networks/lecture/xor.nn --input $input"
  build/nnsim run networks/lecture/xor.nn --input "$input"
  echo
done
