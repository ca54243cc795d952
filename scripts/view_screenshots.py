#!/usr/bin/env python3
"""Makes the screenshots of the trace viewer shown in the documentation:
`nnsim view` writes the page of a run, headless Chromium opens it
(tests/scripts/browser_session.py), a few clicks set it up as a reader would,
and the browser's screenshot is saved as PNG:

  view-xor.png       the lecture's XOR on input (1, 0) at its last step, h1
                     plotted with the output y, the mouse on h2 (its tooltip)
  view-machine.png   the compiled Turing machine even_ones on the word 0110
                     at step 120, the group tm opened, two of its registers
                     plotted with the output, the drawing fitted
  view-hopfield.png  the Hopfield network of networks/lecture at step 1, drawn
                     as a ring, the mouse on n0 (just repaired)

Usage: python3 scripts/view_screenshots.py [PATH_TO_nnsim] [FOLDER]
(default build/nnsim and docs/pictures; run from the repository root).
Prints each command it ran and each file it wrote.  Needs Chromium
(scripts/install-deps.sh installs it).  Standard library only.
"""

import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "scripts"))
import browser_session  # noqa: E402

WIDTH, HEIGHT = 1200, 800
# "neuron|NAME" or "group|PREFIX" of the first element shown that matches a
# selector, or null.
FIRST_SHOWN = """(() => {
    const e = [...document.querySelectorAll("%s")].find((e) => e.getClientRects().length > 0);
    return e ? (e.hasAttribute("data-neuron") ? "neuron|" + e.getAttribute("data-neuron")
                                              : "group|" + e.getAttribute("data-group")) : null;
})()"""


def view(nnsim, network, arguments, path):
    command = [nnsim, "view", network, *arguments, "-o", path]
    print("$ nnsim view " + " ".join([network, *arguments, "-o", os.path.basename(path)]))
    subprocess.run(command, check=True, cwd=ROOT)


def xor(nnsim, folder, target):
    page_path = os.path.join(folder, "xor.html")
    view(nnsim, "networks/lecture/xor.nn", ["--input", "1,0"], page_path)
    with browser_session.open_page("file://" + page_path, WIDTH, HEIGHT) as page:
        page.click("#last")
        page.click(".neuron[data-neuron='h1']")   # beside the output y, plotted from the start
        page.hover(".neuron[data-neuron='h2']")
        page.screenshot(target)
        errors = page.console_errors()
    return errors


def machine(nnsim, folder, target):
    page_path = os.path.join(folder, "machine.html")
    view(nnsim, "networks/machines/even_ones.nn", ["--word", "0110"], page_path)
    # The address plots two of the machine's registers beside the output y
    # (docs/viewing.md); then, as a reader would: the group tm opened, step
    # 120 on the slider, the drawing fitted to the window.
    address = "file://" + page_path + "#plot=y,tm.A.s.even,tm.A.L"
    with browser_session.open_page(address, 1800, 720) as page:
        page.click(".group[data-group='tm']")
        page.set_slider("#step-slider", 120)
        page.click("#zoom-fit")
        page.hover(".group[data-group='tm.loop']")
        page.screenshot(target)
        errors = page.console_errors()
    return errors


def hopfield(nnsim, folder, target):
    page_path = os.path.join(folder, "hopfield.html")
    view(nnsim, "networks/lecture/hopfield.nn", [], page_path)
    with browser_session.open_page("file://" + page_path, 1100, 620) as page:
        page.click("#forward")
        page.hover(".neuron[data-neuron='n0']")
        page.screenshot(target)
        errors = page.console_errors()
    return errors


def main():
    nnsim = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "build", "nnsim")
    folder = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(ROOT, "docs", "pictures")
    if browser_session.find_chromium() is None:
        print("scripts/view_screenshots.py: chromium not found (scripts/install-deps.sh installs it)", file=sys.stderr)
        return 1
    os.makedirs(folder, exist_ok=True)
    failed = False
    with tempfile.TemporaryDirectory(prefix="nnsim-screenshots-") as scratch:
        for name, make in (("view-xor.png", xor), ("view-machine.png", machine), ("view-hopfield.png", hopfield)):
            target = os.path.join(folder, name)
            errors = make(nnsim, scratch, target)
            print(f"wrote {os.path.relpath(target, ROOT)}")
            if errors:
                failed = True
                print(f"{name}: the page reported errors:\n  " + "\n  ".join(errors), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
