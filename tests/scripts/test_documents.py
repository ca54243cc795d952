"""Runs every command shown in the documents and compares its output.

Run by CTest as `python3 tests/scripts/test_documents.py PATH_TO_nnsim` from
the repository root; `--list` prints the commands found without running them,
`--show-time` the seconds each one took.  Standard library only.

The documents are README.md, docs/*.md and examples/*.md.  The rule (also in
docs/testing.md, "Documents"):

- A command is a line of a code block (indented by four spaces or more, or
  fenced with ```) that starts with `$ `.  A command whose line ends in `\\`
  continues on the next line; a command with a here-document (`<<'EOF'`)
  continues up to the delimiter line.  Its output is every following line of the
  block up to the next `$ ` line or the end of the block, with the block's
  indentation removed; blank lines at the end of the block do not count.
- Every command of a document runs with bash, in order, in one scratch copy
  of the repository made for that document (so `nnsim build gate and >
  and.nn` followed by `cat and.nn` works and nothing is written into the
  repository), with `nnsim` on PATH being the binary under test.  `$?` in a
  command is the exit code of the document's previous command (`echo $?`).
- The output shown is exactly what the command writes: its standard output
  followed by its standard error (nnsim writes an error message last, so
  this is what a terminal shows).  A line that is only `...` stands for one
  or more lines left out.
- A block preceded by the line `<!-- doc-test: skip (REASON) -->` is not run.
  This is allowed only for output that depends on the machine (a timing).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

DOCUMENTS = ["README.md", "docs", "examples"]
SKIP_MARKER = re.compile(r"^<!-- doc-test: skip \((.+)\) -->$")
# Seconds one command may take.
TIMEOUT = 120
# Files and folders not copied into the scratch repository.
NOT_COPIED = shutil.ignore_patterns(".git", "build", "build-*")


class Command:
    def __init__(self, document, line, text, expected, skip):
        self.document = document
        self.line = line          # 1-based line of the `$ `
        self.text = text          # the command, continuation lines joined
        self.expected = expected  # the output lines shown
        self.skip = skip          # the reason of an exemption, or None


def document_paths(root):
    paths = []
    for entry in DOCUMENTS:
        full = os.path.join(root, entry)
        if os.path.isdir(full):
            paths += sorted(os.path.join(entry, name) for name in os.listdir(full) if name.endswith(".md"))
        else:
            paths.append(entry)
    return paths


def code_blocks(lines):
    """Yields (first line index, body lines without the block's indentation,
    exemption reason or None) for each code block of a Markdown text."""
    i = 0
    previous_text = ""   # the last non-blank line before the current one
    previous_blank = True
    while i < len(lines):
        line = lines[i]
        skip = SKIP_MARKER.match(previous_text.strip())
        reason = skip.group(1) if skip else None
        fence = re.match(r"^(\s*)(```+|~~~+)", line)
        if fence:
            indent, marker = len(fence.group(1)), fence.group(2)
            body, j = [], i + 1
            while j < len(lines) and not lines[j].strip().startswith(marker):
                body.append(lines[j][indent:] if lines[j][:indent].strip() == "" else lines[j])
                j += 1
            yield i + 1, body, reason
            previous_text, previous_blank, i = line, False, j + 1
            continue
        if previous_blank and line.startswith("    ") and line.strip():
            # An indented block: its indentation is that of its first line;
            # it runs while lines are blank or indented at least as much.
            indent = len(line) - len(line.lstrip(" "))
            body, j = [], i
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith(" " * indent)):
                body.append(lines[j][indent:])
                j += 1
            while body and not body[-1].strip():
                body.pop()
            yield i, body, reason
            previous_text, previous_blank, i = lines[j - 1] if j > i else line, False, j
            continue
        if line.strip():
            previous_text = line
        previous_blank = not line.strip()
        i += 1


def commands_of(root, document):
    with open(os.path.join(root, document), encoding="utf-8") as f:
        lines = f.read().split("\n")
    commands = []
    for start, body, reason in code_blocks(lines):
        k = 0
        while k < len(body):
            if not body[k].startswith("$ "):
                k += 1
                continue
            line = start + k + 1
            text = body[k][2:]
            while text.endswith("\\") and k + 1 < len(body):
                k += 1
                text = text[:-1] + body[k].strip()
            k += 1
            here = re.search(r"<<-?\s*'?(\w+)'?", text)
            if here:
                # A here-document: its lines, up to the delimiter, are the
                # command's input, not its output.
                while k < len(body):
                    text += "\n" + body[k]
                    k += 1
                    if body[k - 1].strip() == here.group(1):
                        break
            expected = []
            while k < len(body) and not body[k].startswith("$ "):
                expected.append(body[k])
                k += 1
            while expected and not expected[-1].strip():
                expected.pop()
            commands.append(Command(document, line, text, expected, reason))
    return commands


def matches(expected, actual):
    """Whether the actual lines are the expected ones, a line `...` standing
    for one or more lines."""
    if not expected:
        return not actual
    if expected[0].strip() == "...":
        return any(matches(expected[1:], actual[n:]) for n in range(1, len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and matches(expected[1:], actual[1:])


def run_document(root, nnsim_dir, document, commands, show_time):
    """Runs the document's commands in a fresh scratch copy of the
    repository; returns (checked, skipped, failures)."""
    checked, skipped, failures = 0, 0, []
    with tempfile.TemporaryDirectory(prefix="nnsim-documents-") as scratch:
        copy = os.path.join(scratch, "repository")
        shutil.copytree(root, copy, ignore=NOT_COPIED, symlinks=True)
        env = dict(os.environ, PATH=nnsim_dir + os.pathsep + os.environ.get("PATH", ""), LC_ALL="C.UTF-8")
        previous_code = 0
        for command in commands:
            if command.skip is not None:
                skipped += 1
                continue
            began = time.monotonic()
            try:
                result = subprocess.run(["bash", "-c", f"(exit {previous_code}); {command.text}"], cwd=copy,
                                        env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
                output = (result.stdout + result.stderr).decode("utf-8", errors="replace")
                previous_code = result.returncode
            except subprocess.TimeoutExpired:
                output = f"(no output: the command took more than {TIMEOUT} s)"
                previous_code = 124
            seconds = time.monotonic() - began
            if show_time:
                print(f"{seconds:7.2f} s  {command.document}:{command.line}: $ {command.text}")
            checked += 1
            actual = output.rstrip("\n").split("\n") if output.rstrip("\n") else []
            if not matches(command.expected, actual):
                failures.append((command, actual))
    return checked, skipped, failures


def main():
    arguments = sys.argv[1:]
    show_time = "--show-time" in arguments
    listing = "--list" in arguments
    arguments = [a for a in arguments if a not in ("--show-time", "--list")]
    if len(arguments) != 1 and not listing:
        print("usage: test_documents.py PATH_TO_nnsim [--show-time] | --list", file=sys.stderr)
        return 2
    root = os.getcwd()
    every = {document: commands_of(root, document) for document in document_paths(root)}
    if listing:
        for document, commands in every.items():
            for command in commands:
                mark = f"  [skip: {command.skip}]" if command.skip is not None else ""
                print(f"{document}:{command.line}: $ {command.text}{mark}")
        return 0
    nnsim = os.path.abspath(arguments[0])
    with tempfile.TemporaryDirectory(prefix="nnsim-path-") as nnsim_dir:
        os.symlink(nnsim, os.path.join(nnsim_dir, "nnsim"))
        checked = skipped = 0
        failures = []
        for document, commands in every.items():
            c, s, f = run_document(root, nnsim_dir, document, commands, show_time)
            checked, skipped, failures = checked + c, skipped + s, failures + f
    for command, actual in failures:
        print(f"FAIL {command.document}:{command.line}: $ {command.text}")
        print("     shown:")
        print("".join(f"       |{line}\n" for line in command.expected), end="")
        print("     printed:")
        print("".join(f"       |{line}\n" for line in actual), end="")
    print(f"{checked - len(failures)} passed, {len(failures)} failed ({checked} commands checked, "
          f"{skipped} exempt)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
