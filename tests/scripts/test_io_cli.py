#!/usr/bin/env python3
"""Command-line tests of reading and writing: output that cannot be written
(a full device, a file-size limit) is an error with exit code 3, an `-o` file
is replaced whole or not at all, unreadable input (a closed standard input, a
directory) is an error with exit code 2, every line end (LF, CRLF, CR) and a
byte order mark are accepted by every loader, and a located error shows a
short, escaped window of its line.

Usage: python3 tests/scripts/test_io_cli.py PATH_TO_nnsim

Linux only (/dev/full, RLIMIT_FSIZE).  Standard library only.  Prints one
line per failure and `N passed, M failed` at the end.
"""

import os
import resource
import stat
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

XOR = """\
input x1, x2
output y
h1 = step(-1 + 2 x1 + 2 x2)
h2 = step(3 - 2 x1 - 2 x2)
y = step(-2 + h1 + h2)
"""

FULL = "nnsim: error: cannot write standard output: No space left on device\n"

# Written at most this many bytes per file (ulimit -f): a write past it fails
# with EFBIG, since nnsim ignores SIGXFSZ.
FILE_SIZE_LIMIT = 20000


def run_raw(t, args, stdin=None, stdout=subprocess.PIPE, stderr=subprocess.PIPE, file_size_limit=None,
            close_stdin=False):
    """Runs nnsim with the given streams (files, /dev/full, a closed standard
    input); returns (exit code, standard error as text)."""
    def limit():
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, resource.RLIM_INFINITY))
        if close_stdin:
            os.close(0)
    result = subprocess.run([t.nnsim, *args], cwd=t.directory, stdin=stdin, stdout=stdout, stderr=stderr,
                            preexec_fn=limit, timeout=t.timeout)
    return result.returncode, result.stderr.decode("utf-8", "replace") if result.stderr is not None else None


def expect_raw(t, name, args, code, message, **streams):
    """Runs nnsim as run_raw does and checks the exit code and, unless None,
    the exact standard error."""
    got_code, got_stderr = run_raw(t, args, **streams)
    shown = f"nnsim {' '.join(args)} -> {got_code}, stderr {got_stderr!r}"
    t.check(f"{name}: exit code {code}", got_code == code, shown)
    if message is not None:
        t.check(f"{name}: stderr", got_stderr == message, f"expected {message!r}\n     {shown}")


def big_network():
    """A network whose canonical form is larger than FILE_SIZE_LIMIT."""
    lines = ["input x", "output y"] + [f"h{i} = step(x + {i}/7)" for i in range(3000)] + ["y = step(h1)"]
    return "\n".join(lines) + "\n"


def test_full_device(t):
    xor = t.write("xor.nn", XOR)
    with open("/dev/full", "wb") as full:
        for name, args in [
            ("fmt", ["fmt", xor]),
            ("run", ["run", xor, "--input", "1,0"]),
            ("run --json", ["run", xor, "--input", "1,0", "--json"]),
            ("trace", ["trace", xor, "--input", "1,0"]),
            ("trace csv", ["trace", xor, "--input", "1,0", "--format", "csv"]),
            ("trace jsonl", ["trace", xor, "--input", "1,0", "--format", "jsonl"]),
            ("info", ["info", xor]),
            ("dot", ["dot", xor]),
            ("encode", ["encode", "11001"]),
            ("build gate", ["build", "gate", "and", "--arity", "2"]),
            ("truth", ["truth", xor]),
            ("--help", ["--help"]),
            ("--version", ["--version"]),
        ]:
            expect_raw(t, f"{name} > /dev/full", args, 3, FULL, stdout=full)

    # A long stream (a counter, undecided after 100000 steps) stops at the
    # first row that cannot be written.
    counter = t.write("counter.nn", "c = id(c + 1)\n")
    with open("/dev/full", "wb") as full:
        for format in ["csv", "jsonl"]:
            expect_raw(t, f"trace {format} of a long run > /dev/full", ["trace", counter, "--format", format], 3,
                       FULL, stdout=full)

    # An -o file on a full device: the error names the file.
    t.expect("fmt -o /dev/full", ["fmt", xor, "-o", "/dev/full"], 3,
             stderr="nnsim: error: cannot write '/dev/full': No space left on device\n")
    # With --json, standard output still works and gets the error object.
    t.expect("learn --json -o /dev/full", ["learn", "perceptron", t.write("and.csv", "0,0,0\n1,1,1\n"),
                                           "-o", "/dev/full", "--json"], 3,
             stdout='{"error":"cannot write \'/dev/full\': No space left on device"}\n',
             stderr="nnsim: error: cannot write '/dev/full': No space left on device\n")
    # A device is written, not replaced.
    t.expect("fmt -o /dev/null", ["fmt", xor, "-o", "/dev/null"], 0, stdout="", stderr="")

    # Standard error on a full device: the error cannot be shown, the exit
    # code still says what happened (it was an abort before).
    with open("/dev/full", "wb") as full:
        expect_raw(t, "an error with standard error on /dev/full", ["run", "missing.nn"], 2, None, stderr=full)
        expect_raw(t, "a located error with standard error on /dev/full", ["run", t.write("bad.nn", "y = stpe(1)\n")],
                   2, None, stderr=full)
        expect_raw(t, "trace csv: the verdict on standard error is lost",
                   ["trace", xor, "--input", "1,0", "--format", "csv"], 3, None, stderr=full)


def test_file_size_limit(t):
    text = big_network()
    big = t.write("big.nn", text)
    os.chmod(os.path.join(t.directory, big), 0o640)
    # The canonical form does not fit under the limit: the file is left as
    # it was, with no temporary file beside it.
    before = sorted(os.listdir(t.directory))
    expect_raw(t, "fmt big.nn -o big.nn under a file-size limit", ["fmt", big, "-o", big], 3,
               "nnsim: error: cannot write 'big.nn': File too large\n", file_size_limit=FILE_SIZE_LIMIT)
    t.check("the file is intact", t.read(big) == text)
    t.check("no file left behind", sorted(os.listdir(t.directory)) == before, os.listdir(t.directory))
    t.check("the mode is kept", stat.S_IMODE(os.stat(os.path.join(t.directory, big)).st_mode) == 0o640)

    # Standard output into a file under the same limit.
    with open(os.path.join(t.directory, "out.txt"), "wb") as out:
        expect_raw(t, "fmt > file under a file-size limit", ["fmt", big], 3,
                   "nnsim: error: cannot write standard output: File too large\n", stdout=out,
                   file_size_limit=FILE_SIZE_LIMIT)

    # Without the limit the same command rewrites the file in place, keeping
    # its mode.
    before = sorted(os.listdir(t.directory))
    canonical = t.expect("fmt big.nn", ["fmt", big], 0).stdout
    t.expect("fmt big.nn -o big.nn", ["fmt", big, "-o", big], 0, stdout="", stderr="")
    t.check("fmt -o: the canonical form", t.read(big) == canonical)
    t.check("fmt -o: the mode is kept", stat.S_IMODE(os.stat(os.path.join(t.directory, big)).st_mode) == 0o640)
    t.check("fmt -o: no file left behind", sorted(os.listdir(t.directory)) == before, os.listdir(t.directory))


def test_output_file(t):
    xor = t.write("xor.nn", XOR)
    canonical = t.expect("fmt", ["fmt", xor], 0).stdout
    before = set(os.listdir(t.directory))
    # A new file gets the mode open() gives (0666 without the umask).
    umask = os.umask(0)
    os.umask(umask)
    t.expect("fmt -o new.nn", ["fmt", xor, "-o", "new.nn"], 0)
    t.check("a new file's mode", stat.S_IMODE(os.stat(os.path.join(t.directory, "new.nn")).st_mode) == 0o666 & ~umask)
    # A symbolic link stays a link; the file it points to is replaced.
    t.write("target.nn", "")
    os.symlink("target.nn", os.path.join(t.directory, "link.nn"))
    t.expect("fmt -o link.nn", ["fmt", xor, "-o", "link.nn"], 0)
    t.check("the link is kept", os.path.islink(os.path.join(t.directory, "link.nn")))
    t.check("the link's target is written", t.read("target.nn") == canonical)
    # A folder cannot be replaced.
    os.mkdir(os.path.join(t.directory, "folder"))
    t.expect("fmt -o FOLDER", ["fmt", xor, "-o", "folder"], 2,
             stderr="nnsim: error: cannot write 'folder': Is a directory\n")
    t.check("nothing left behind", set(os.listdir(t.directory)) - before == {"folder", "link.nn", "new.nn", "target.nn"},
            os.listdir(t.directory))


def test_unreadable_input(t):
    # A closed standard input and a directory are read errors, not empty
    # networks (exit 0 before).
    for command, args in [("run", ["run", "-"]), ("tm", ["tm", "-", "01"]),
                          ("learn", ["learn", "perceptron", "-"])]:
        expect_raw(t, f"{command} - <&-", args, 2, "nnsim: error: cannot read standard input: Bad file descriptor\n",
                   close_stdin=True)
        directory = os.open(t.directory, os.O_RDONLY)
        expect_raw(t, f"{command} - < DIRECTORY", args, 2,
                   "nnsim: error: cannot read standard input: Is a directory\n", stdin=directory)
        os.close(directory)
    os.makedirs(os.path.join(t.directory, "folder"), exist_ok=True)
    t.expect("run FOLDER", ["run", "folder"], 2, stderr="nnsim: error: cannot read 'folder': Is a directory\n")
    t.expect("tm FOLDER", ["tm", "folder", "01"], 2, stderr="nnsim: error: cannot read 'folder': Is a directory\n")


def test_line_ends(t):
    xor_output = t.expect("xor, LF", ["run", t.write("lf.nn", "# XOR\n" + XOR), "--input", "1,0"], 0).stdout
    for name, end in [("CRLF", "\r\n"), ("CR", "\r")]:
        text = ("# XOR" + "\n" + XOR).replace("\n", end)
        path = f"{name}.nn"
        with open(os.path.join(t.directory, path), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        t.expect(f"xor, {name}", ["run", path, "--input", "1,0"], 0, stdout=xor_output)
        # Lines are counted at every line end.
        bad = ("# comment\ninput x\ny = stpe(x)\n").replace("\n", end)
        t.expect(f"an error on line 3, {name}", ["run", "-", "--input", "1"], 2, stdin=bad,
                 stderr="<stdin>:3:5: error: unknown activation 'stpe'; did you mean 'step'?\n"
                        "  y = stpe(x)\n"
                        "      ^\n")
        machine = ("# ends in 1\ntape 0 1 _\nblank _\nstart q\naccept yes\n"
                                    "q 0 -> q 0 R\nq 1 -> r 1 R\nr 0 -> q 0 R\nr 1 -> r 1 R\nr _ -> yes _ S\n")
        t.expect(f"a machine, {name}", ["tm", "-", "01"], 0, stdin=machine.replace("\n", end))
        t.expect(f"a machine's error on line 4, {name}", ["tm", "-", "01"], 2,
                 stdin=machine.replace("start q", "start 9").replace("\n", end),
                 stderr_first_line="<stdin>:4:7: error: invalid state name '9'")
        t.expect(f"training data, {name}", ["learn", "perceptron", "-", "--json"], 0,
                 stdin="# AND\nx1,x2,y\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n".replace("\n", end))
        t.expect(f"training data's error on line 3, {name}", ["learn", "perceptron", "-"], 2,
                 stdin="x1,x2,y\n0,0,0\n0,1\n".replace("\n", end),
                 stderr_first_line="<stdin>:3:4: error: expected 3 columns (2 inputs and the target), as on "
                                   "line 1, but found 2")


def test_byte_order_mark(t):
    bom = "\ufeff"
    t.expect("a network with a BOM", ["run", "-", "--input", "1,0"], 0, stdin=bom + XOR)
    machine = "tape 0 1 _\nblank _\nstart q\naccept q\n"
    t.expect("a machine with a BOM", ["tm", "-", "01"], 0, stdin=bom + machine)
    # Columns count the mark (3 bytes), as in a network file; it is not shown.
    t.expect("a machine's error on line 1 after a BOM", ["tm", "-", "01"], 2, stdin=bom + "tape 0 1 _ _\n",
             stderr="<stdin>:1:15: error: tape symbol '_' is listed twice\n"
                    "  tape 0 1 _ _\n"
                    "             ^\n")
    # The header's names are read (the defaults x1, x2, y before).
    result = t.expect("training data with a BOM", ["learn", "perceptron", "-", "--json"], 0,
                      stdin=bom + "a,b,out\n0,0,0\n1,1,1\n")
    obj = t.json_of("training data with a BOM", result)
    t.check("training data with a BOM: the header", obj.get("inputs") == ["a", "b"] and obj.get("target") == "out",
            result.stdout)


def test_echoed_line(t):
    # An escape sequence in a comment reaches the terminal escaped.
    t.expect("ESC in a comment", ["run", "-"], 2, stdin="y = stpe(1) # \x1b]0;title\x07 \x1b[2J\n",
             stderr="<stdin>:1:5: error: unknown activation 'stpe'; did you mean 'step'?\n"
                    "  y = stpe(1) # \\x1b]0;title\\x07 \\x1b[2J\n"
                    "      ^\n")
    # A 1 MB line with its error at the end: a short message, the caret
    # under the right character, the true column.
    line = "y = step(" + "x + " * 250000 + "q)"
    result = t.expect("an error at the end of a 1 MB line", ["run", "-"], 2, stdin="input x\n" + line + "\n",
                      stderr="<stdin>:2:1000010: error: undefined neuron 'q': it is not an input and has no "
                             "equation or init value\n"
                             "  … x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + q)\n"
                             "  " + " " * 78 + "^\n")
    t.check("the message is short", len(result.stderr) < 400, len(result.stderr))


def test_quoted_names_escaped(t):
    # A file name or an option value is quoted in messages: escaped too.
    escape = "\x1b]0;pwn\x07"
    name = t.write(f"bad{escape}.nn", "y = stpe(1)\n")
    t.expect("ESC in a file name", ["run", name], 2,
             stderr="bad\\x1b]0;pwn\\x07.nn:1:5: error: unknown activation 'stpe'; did you mean 'step'?\n"
                    "  y = stpe(1)\n"
                    "      ^\n")
    result = t.expect("ESC in --rule", ["run", name.replace("bad", "missing"), "--rule", f"x{escape}"], 2)
    t.check("ESC in --rule: nothing raw", "\x1b" not in result.stderr and "\x07" not in result.stderr,
            repr(result.stderr))


def test_endless_input(t):
    # /dev/zero or `yes |` would fill the memory: an input stops at 64 MiB.
    t.expect("endless input", ["run", "-"], 2, stdin="#" * ((64 << 20) + 1),
             stderr="nnsim: error: cannot read standard input: it is longer than the limit of 67108864 bytes "
                    "(64 MiB) for an input file\n")
    # A larger --max-memory reads larger files (an eighth of it): 64 MiB + 1
    # comment characters are read (the empty network, which halts at once);
    # 128 MiB + 1 are not.
    t.expect("--max-memory 1 GiB reads more", ["run", "-", "--max-memory", str(1 << 30)], 0,
             stdin="#" * ((64 << 20) + 1), stderr="")
    t.expect("--max-memory 1 GiB: its limit", ["run", "-", "--max-memory", str(1 << 30)], 2,
             stdin="#" * ((128 << 20) + 1),
             stderr="nnsim: error: cannot read standard input: it is longer than the limit of 134217728 bytes "
                    "(an eighth of --max-memory) for an input file\n")


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_full_device, test_file_size_limit, test_output_file, test_unreadable_input,
                              test_line_ends, test_byte_order_mark, test_echoed_line, test_quoted_names_escaped,
                              test_endless_input], "nnsim-io-"))
