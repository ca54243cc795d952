#!/usr/bin/env bash
# Makes the pictures of docs/viewing.md (docs/images/view-*.png) with the
# nnsim under test and headless Chromium: the page's address picks the step,
# the open groups and the plotted neurons (docs/viewing.md, "Moving through
# the computation").
#
# Usage: scripts/view_screenshots.sh [PATH_TO_nnsim]   (default: build/nnsim)
set -euo pipefail
cd "$(dirname "$0")/.."
nnsim=$(realpath "${1:-build/nnsim}")
chromium=$(command -v chromium || command -v chromium-browser) || { echo "chromium not found" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shoot() {  # PAGE ADDRESS_PARAMETERS WIDTH HEIGHT PICTURE
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size="$3,$4" --screenshot="$5" "file://$work/$1#$2" 2>/dev/null
  echo "wrote $5"
}

"$nnsim" view networks/lecture/xor.nn --input 1,0 -o "$work/xor.html" 2>/dev/null
shoot xor.html "t=1&plot=h1,y" 1200 560 docs/images/view-xor.png
"$nnsim" view networks/machines/even_ones.nn --word 0110 -o "$work/machine.html" 2>/dev/null
shoot machine.html "t=120&open=tm&plot=y,tm.A.s.even,tm.A.L&zoom=fit" 1800 700 docs/images/view-machine.png
