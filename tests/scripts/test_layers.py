#!/usr/bin/env python3
"""The layer test: every `#include "..."` in include/ and src/ points to the
same layer or a layer below, and no public header includes an internal one.

The layers, bottom to top (README.md, "Layout of the repository"):

    support < numbers < model < io < run < languages < boolean < learning
            < approximation < universal < viewing
            < (the umbrella header nnsim/nnsim.hpp) < cli, python

The two front ends, cli (the nnsim command) and python (the Python module),
are at the top side by side: each may include any layer, and neither
includes the other.

A file belongs to the layer of its folder: include/nnsim/LAYER/ (public
headers) or src/LAYER/ (sources and internal headers).  An include names
either a public header, "nnsim/LAYER/NAME.hpp" (or the generated
"nnsim/version.hpp", which belongs to support), or an internal one relative
to src/, "LAYER/NAME.hpp".  Anything else is an error too, so that a new
folder cannot slip past the test.

Usage: python3 tests/scripts/test_layers.py [ignored arguments]
Run from the repository root (CTest does).  Prints `FILE:LINE: ...` for each
offending include and exits 1 when there is one.
"""

import os
import re
import sys

LIBRARY = ["support", "numbers", "model", "io", "run", "languages", "boolean", "learning", "approximation", "universal", "viewing", "umbrella"]
FRONT_ENDS = ["cli", "python"]
LAYERS = LIBRARY + FRONT_ENDS
RANK = {name: i for i, name in enumerate(LIBRARY)}
RANK.update({name: len(LIBRARY) for name in FRONT_ENDS})
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
SOURCE_SUFFIXES = (".hpp", ".cpp", ".hpp.in", ".cpp.in")


def layer_of_file(path):
    """(layer, is_public) of a file under include/ or src/, or None."""
    parts = path.split("/")
    if parts[0] == "include" and len(parts) >= 3 and parts[1] == "nnsim":
        if len(parts) == 3:  # include/nnsim/nnsim.hpp, include/nnsim/version.hpp.in
            return ("umbrella" if parts[2] == "nnsim.hpp" else "support"), True
        return (parts[2] if parts[2] in RANK else None), True
    if parts[0] == "src" and len(parts) >= 3:
        return (parts[1] if parts[1] in RANK else None), False
    return None


def layer_of_include(name, root):
    """(layer, is_public) of an included header, or None when it is unknown."""
    parts = name.split("/")
    if parts[0] == "nnsim":
        if name == "nnsim/version.hpp":
            return "support", True
        if name == "nnsim/nnsim.hpp":
            return "umbrella", True
        if len(parts) == 3 and parts[1] in RANK and os.path.isfile(os.path.join(root, "include", name)):
            return parts[1], True
        return None
    if len(parts) == 2 and parts[0] in RANK and os.path.isfile(os.path.join(root, "src", name)):
        return parts[0], False
    return None


def main():
    root = os.getcwd()
    problems = []
    checked = 0
    for top in ("include", "src"):
        for folder, _, files in sorted(os.walk(os.path.join(root, top))):
            for file in sorted(files):
                if not file.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.relpath(os.path.join(folder, file), root).replace(os.sep, "/")
                owner = layer_of_file(path)
                if owner is None or owner[0] is None:
                    problems.append(f"{path}:1: file is in no layer (folders: {', '.join(LAYERS)})")
                    continue
                layer, public = owner
                with open(os.path.join(root, path), encoding="utf-8") as text:
                    for number, line in enumerate(text, 1):
                        match = INCLUDE.match(line)
                        if not match:
                            continue
                        checked += 1
                        name = match.group(1)
                        target = layer_of_include(name, root)
                        where = f"{path}:{number}"
                        if target is None:
                            problems.append(f'{where}: "{name}" is neither a public header (nnsim/LAYER/NAME.hpp) '
                                            f"nor an internal one (LAYER/NAME.hpp under src/)")
                            continue
                        target_layer, target_public = target
                        if RANK[target_layer] > RANK[layer]:
                            problems.append(f'{where}: "{name}" is in layer {target_layer}, above {layer}')
                        elif target_layer in FRONT_ENDS and target_layer != layer:
                            problems.append(f'{where}: "{name}" is in the front end {target_layer}, '
                                            f"which {layer} must not include")
                        if public and not target_public:
                            problems.append(f'{where}: public header includes the internal header "{name}"')
    for problem in problems:
        print(problem)
    print(f"{checked} includes checked, {len(problems)} problem{'' if len(problems) == 1 else 's'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
