#!/usr/bin/env python3
"""Command-line tests of `--shard K/N` and `nnsim merge`: for every command
that can be split (check machine, check boolean, recognize, eval --grid,
check approx),
the shards' records merged give exactly the report of the unsharded run --
the same text, the same JSON, the same exit code -- for N = 1, 2, 3, 4, 7
(7 is more than the items of some of these jobs, so some shards are empty),
with mismatches, undecided items and limits among them; the records given
in any order.  Then the errors: bad --shard values, and merges of missing,
repeated, foreign, malformed or outdated records.  Last, four shards run
side by side through GNU parallel (skipped, with a SKIP line, without it).

The reference is the unsharded run of the same nnsim, whose reports the
other scripts check by hand; here what is checked is that splitting and
merging changes nothing.

Usage: python3 tests/scripts/test_shard_cli.py PATH_TO_nnsim
"""

import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_tester  # noqa: E402

REPOSITORY = os.getcwd()

# The lecture's XOR network, as the repository holds it.
with open(os.path.join(REPOSITORY, "networks", "lecture", "xor.nn"), encoding="utf-8") as xor_file:
    XOR = xor_file.read()

SHARD_COUNTS = [1, 2, 3, 4, 7]


def without_time(text):
    """check boolean's last line is the time it took, which no two runs share."""
    return re.sub(r"time: [0-9.]+ s", "time: T s", text)


def check_merged(t, name, args, code, mask=lambda text: text):
    """Runs `args` whole and in N shards for each N, merges the records
    (last shard first) and compares the reports and exit codes, text and JSON."""
    whole = t.run(*args)
    whole_json = t.run(*args, "--json")
    t.check(f"{name}: the unsharded run exits {code}", whole.returncode == code,
            f"{whole.returncode}: {whole.stderr}")
    for n in SHARD_COUNTS:
        files = []
        for k in range(1, n + 1):
            shard = t.run(*args, "--shard", f"{k}/{n}")
            t.check(f"{name}: shard {k}/{n} exits 0", shard.returncode == 0, shard.stderr)
            record = json.loads(shard.stdout) if shard.returncode == 0 else {}
            t.check(f"{name}: shard {k}/{n} names itself", record.get("shard") == f"{k}/{n}", shard.stdout[:200])
            files.append(t.write(f"shard-{k}-of-{n}.json", shard.stdout))
        files.reverse()
        merged = t.run("merge", *files)
        t.check(f"{name}: {n} shards merged: the text report", mask(merged.stdout) == mask(whole.stdout),
                f"merged:\n{merged.stdout}\n     whole:\n{whole.stdout}\n     {merged.stderr}")
        t.check(f"{name}: {n} shards merged: exit code {code}", merged.returncode == code,
                f"{merged.returncode}: {merged.stderr}")
        merged_json = t.run("merge", "--json", *files)
        t.check(f"{name}: {n} shards merged: the JSON report", mask(merged_json.stdout) == mask(whole_json.stdout),
                f"merged:\n{merged_json.stdout}\n     whole:\n{whole_json.stdout}")
        t.check(f"{name}: {n} shards merged: exit code {code} with --json",
                merged_json.returncode == whole_json.returncode)


def test_check_machine(t):
    palindromes = os.path.join(REPOSITORY, "networks/machines/palindromes.tm")
    check_merged(t, "check machine", ["check", "machine", palindromes, "--words", "5"], 0)
    # A step limit too small for the longer words: undecided words.
    check_merged(t, "check machine, undecided",
                 ["check", "machine", palindromes, "--words", "4", "--max-steps", "60"], 0)
    # A tape alphabet of more than two symbols: words in block code.
    check_merged(t, "check machine, block code",
                 ["check", "machine", os.path.join(REPOSITORY, "networks/machines/abc.tm"), "--words", "3"], 0)


def test_check_boolean(t):
    check_merged(t, "check boolean 2", ["check", "boolean", "--arity", "2"], 0, without_time)
    check_merged(t, "check boolean 4", ["check", "boolean", "--arity", "4", "--threads", "1"], 0, without_time)
    check_merged(t, "check boolean 4 --npn-classes", ["check", "boolean", "--arity", "4", "--npn-classes"], 0,
                 without_time)
    check_merged(t, "check boolean 3 --cnf --minimize", ["check", "boolean", "--arity", "3", "--cnf", "--minimize"], 0,
                 without_time)


def test_recognize(t):
    net = os.path.join(REPOSITORY, "examples/networks/starts_with_1.nn")
    # Right on every word.
    check_merged(t, "recognize", ["recognize", net, "--all-words", "5", "--expect-regex", "1[01]*"], 0)
    # Wrong on half of them: mismatches, more than the ten the text lists.
    check_merged(t, "recognize, mismatches", ["recognize", net, "--all-words", "5", "--expect-regex", "0[01]*"], 1)
    # Given words before the enumerated ones, and a step limit that leaves
    # words undecided.
    cycles = os.path.join(REPOSITORY, "examples/networks/starts_with_1_or_cycles.nn")
    check_merged(t, "recognize, undecided", ["recognize", cycles, "0110", "", "--all-words", "3", "--max-steps", "1",
                                             "--expect-words", "1,10"], 1)
    check_merged(t, "recognize, interval numbers",
                 ["recognize", net, "--all-words", "3", "--numbers", "interval:64"], 0)
    # Outputs that are intervals, {"lo": ..., "hi": ...}: the merged JSON
    # keeps the order of their members.
    check_merged(t, "recognize, interval outputs",
                 ["recognize", os.path.join(REPOSITORY, "networks/machines/even_ones.nn"), "--all-words", "1",
                  "--numbers", "interval:20", "--max-steps", "500"], 0)


def shard_files(t, name, args, n, stdin=None, words=()):
    """Runs the n shards of `args` (then `--` and `words`, if any) and writes
    their records; their names."""
    files = []
    for k in range(1, n + 1):
        shard = t.run(*args, "--shard", f"{k}/{n}", *(["--", *words] if words else []), stdin=stdin)
        t.check(f"{name}: shard {k}/{n} exits 0", shard.returncode == 0, shard.stderr)
        files.append(t.write(f"{name.replace(' ', '-')}-{k}-of-{n}.json", shard.stdout))
    return files


def test_recognize_words_after_dashes(t):
    # Words after `--`: merge --json puts its --json before them, where the
    # unsharded run has it.
    net = os.path.join(REPOSITORY, "examples/networks/starts_with_1.nn")
    job = ["recognize", net, "--all-words", "1"]
    whole = t.run(*job, "--json", "--", "0", "1")
    t.check("recognize -- 0 1: the unsharded run", whole.returncode == 0, whole.stderr)
    files = shard_files(t, "dashes", job, 2, words=["0", "1"])
    merged = t.run("merge", "--json", *files)
    t.check("recognize -- 0 1: merge --json", merged.stdout == whole.stdout and merged.returncode == 0,
            f"merged:\n{merged.stdout}{merged.stderr}\n     whole:\n{whole.stdout}")


def test_recognize_memory_limit(t):
    # The whole run stops when the results it keeps for the report pass
    # --max-memory; the merge keeps the same results and stops there too.
    net = os.path.join(REPOSITORY, "examples/networks/starts_with_1.nn")
    job = ["recognize", net, "--all-words", "10", "--max-memory", "100000"]
    whole = t.run(*job)
    t.check("recognize --max-memory: the unsharded run stops at the limit",
            whole.returncode == 3 and "needs more than the memory limit of 100000 bytes" in whole.stderr,
            f"{whole.returncode}: {whole.stderr}")
    for n in (2, 4):
        merged = t.run("merge", *shard_files(t, f"memory {n}", job, n))
        t.check(f"recognize --max-memory, {n} shards merged: the same stop",
                (merged.returncode, merged.stdout, merged.stderr) == (whole.returncode, whole.stdout, whole.stderr),
                f"merged: {merged.returncode} {merged.stderr}\n     whole: {whole.returncode} {whole.stderr}")


def test_standard_input(t):
    # A job that reads its machine from standard input: the record holds
    # what it read, and merge compares it with its own standard input.
    machines = os.path.join(REPOSITORY, "networks/machines")
    with open(os.path.join(machines, "even_ones.tm"), encoding="utf-8") as f:
        even_ones = f.read()
    with open(os.path.join(machines, "ends_01.tm"), encoding="utf-8") as f:
        ends_01 = f.read()
    job = ["check", "machine", "-", "--words", "3"]
    whole = t.run(*job, stdin=even_ones)
    files = shard_files(t, "stdin", job, 2, stdin=even_ones)
    merged = t.run("merge", *files, stdin=even_ones)
    t.check("check machine -: merged = whole", (merged.returncode, merged.stdout) == (whole.returncode, whole.stdout),
            f"merged:\n{merged.stdout}{merged.stderr}\n     whole:\n{whole.stdout}")
    t.expect("check machine -: merged with another standard input", ["merge", *files], 2, stdout="",
             stderr="nnsim: error: merge: the files that nnsim check machine - --words 3 names have changed since the "
                    "shards ran; run them again\n", stdin=ends_01)
    other = t.run(*job, "--shard", "2/2", stdin=ends_01)
    t.write("stdin-other-2-of-2.json", other.stdout)
    t.expect("check machine -: shards of two standard inputs", ["merge", files[0], "stdin-other-2-of-2.json"], 2,
             stdout="", stderr=f"nnsim: error: stdin-other-2-of-2.json: a shard of the same command line as {files[0]}, "
                               "but over different files (the files it names changed between the shards)\n",
             stdin=even_ones)
    # The same through /dev/stdin, a pipe named by a path: read once, and
    # fingerprinted as standard input is.
    job = ["check", "machine", "/dev/stdin", "--words", "3"]
    files = shard_files(t, "dev-stdin", job, 2, stdin=even_ones)
    merged = t.run("merge", *files, stdin=even_ones)
    t.check("check machine /dev/stdin: merged = whole", (merged.returncode, merged.stdout) ==
            (whole.returncode, whole.stdout),
            f"merged:\n{merged.stdout}{merged.stderr}\n     whole:\n{whole.stdout}")
    t.expect("check machine /dev/stdin: merged with another machine there", ["merge", *files], 2, stdout="",
             stderr="nnsim: error: merge: the files that nnsim check machine /dev/stdin --words 3 names have changed "
                    "since the shards ran; run them again\n", stdin=ends_01)


def test_eval(t):
    t.write("xor.nn", XOR)
    check_merged(t, "eval 3x3", ["eval", "xor.nn", "--grid", "0:1:3"], 0)
    check_merged(t, "eval 2x2 (fewer points than shards)", ["eval", "xor.nn", "--grid", "0:1:2"], 0)
    check_merged(t, "eval, a step limit", ["eval", "xor.nn", "--grid", "0:1:3", "--max-steps", "1"], 0)
    # -o FILE: where the merge writes the rows, not a file the job reads, so
    # merging again after a merge wrote it is the same merge.
    whole = t.run("eval", "xor.nn", "--grid", "0:1:3", "-o", "whole.csv")
    t.check("eval -o: the unsharded run", whole.returncode == 0, whole.stderr)
    files = shard_files(t, "eval -o", ["eval", "xor.nn", "--grid", "0:1:3", "-o", "merged.csv"], 3)
    for attempt in ("first", "second"):
        merged = t.run("merge", *files)
        t.check(f"eval -o: the {attempt} merge", merged.returncode == 0 and t.read("merged.csv") == t.read("whole.csv"),
                f"{merged.returncode}: {merged.stderr}")


def test_check_approx(t):
    t.write("xor.nn", XOR)
    # F(x) = x against f: the error is exactly the added term.
    t.write("identity.nn", "input x\noutput y\nh = relu(x)\ny = id(h)\n")
    built = t.run("build", "approx", "relu", "--function", "sin(3*x)^2", "--epsilon", "1/1000", "-o", "sin.nn")
    t.check("check approx: the network to check is built", built.returncode == 0, built.stderr)
    check_merged(t, "check approx, met", ["check", "approx", "sin.nn", "--function", "sin(3*x)^2",
                                          "--epsilon", "1/1000"], 0)
    check_merged(t, "check approx, not met", ["check", "approx", "identity.nn", "--function", "x + sin(20*x)/1000",
                                              "--epsilon", "1/2000"], 1)
    check_merged(t, "check approx, undecided at --max-boxes",
                 ["check", "approx", "identity.nn", "--function", "x + sin(20*x)/1000", "--epsilon", "1/1000",
                  "--max-boxes", "300"], 1)
    check_merged(t, "check approx --set", ["check", "approx", "xor.nn", "--set", "x1 + x2 > 1/2 and x1 + x2 < 3/2",
                                           "--epsilon", "1/1000"], 0)
    check_merged(t, "check approx --set, not met", ["check", "approx", "xor.nn", "--set", "x1^2 + x2^2 < 1/2",
                                                    "--epsilon", "1/10", "--max-boxes", "2000"], 1)
    # f undefined on part of the domain: the shards record where, and the
    # merge stops with the error of the whole run.
    undefined = ["check", "approx", "identity.nn", "--function", "sqrt(x - 1/2)", "--epsilon", "1/10"]
    whole = t.run(*undefined)
    t.check("check approx, f undefined: the whole run fails", whole.returncode == 2 and "f is not defined" in
            whole.stderr, whole.stderr)
    merged = t.run("merge", *shard_files(t, "undefined", undefined, 3))
    t.check("check approx, f undefined: the merge fails the same way",
            (merged.returncode, merged.stdout, merged.stderr) == (2, "", whole.stderr), merged.stderr)

    # The merge evaluates what no shard did: records stripped of every box
    # below the first two levels still merge into the whole report.
    job = ["check", "approx", "sin.nn", "--function", "sin(3*x)^2", "--epsilon", "1/1000"]
    whole = t.run(*job)
    files = shard_files(t, "approx", job, 3)
    for name in files:
        record = json.loads(t.read(name))
        record["result"]["boxes"] = [entry for entry in record["result"]["boxes"] if len(entry[0]) < 2]
        t.write("stripped-" + name, json.dumps(record))
    merged = t.run("merge", *["stripped-" + name for name in files])
    t.check("check approx: boxes missing from the records are evaluated by the merge",
            merged.stdout == whole.stdout and merged.returncode == 0, merged.stdout + merged.stderr)

    # --plot FILE: written by the merge, not read by the job, so a second
    # merge is the same merge; the picture is the whole run's.
    t.run(*job, "--plot", "whole.svg")
    files = shard_files(t, "approx --plot", [*job, "--plot", "merged.svg"], 2)
    t.check("check approx --plot: no picture from the shards", not os.path.exists(os.path.join(t.directory,
                                                                                               "merged.svg")))
    for attempt in ("first", "second"):
        merged = t.run("merge", *files)
        t.check(f"check approx --plot: the {attempt} merge draws the whole run's picture",
                merged.returncode == 0 and t.read("merged.svg") == t.read("whole.svg"),
                f"{merged.returncode}: {merged.stderr}")

    # Records that are not a check approx's.
    record = json.loads(t.read(files[0]))
    second = files[1]

    def refused(name, change, message):
        changed = json.loads(json.dumps(record))
        change(changed["result"])
        t.write(name, json.dumps(changed))
        t.expect(f"check approx merge: {name}", ["merge", name, second], 2, stdout="",
                 stderr=f"nnsim: error: merge: {name}: {message}\n")

    refused("set-mode.json", lambda r: r.update(mode="set"), "not the record of a check of a function")
    refused("bad-path.json", lambda r: r["boxes"][1].__setitem__(0, "0x1"),
            "'0x1' where a box's path (0s and 1s) belongs")
    refused("bad-bound.json", lambda r: r["boxes"][0].__setitem__(1, "-1/2"), '"-1/2" where a bound belongs')
    refused("bad-entry.json", lambda r: r["boxes"].append(["01"]), '["01"] where a box\'s evaluation belongs')
    refused("empty-entry.json", lambda r: r["boxes"].append([]), "[] where a box's evaluation belongs")
    refused("no-boxes.json", lambda r: r.pop("boxes"), 'no "boxes" array')
    refused("midpoint-above.json", lambda r: r["boxes"][0].__setitem__(2, "1000"),
            "box '' has an error at its midpoint above its bound")
    # The root box is in every shard's record (their common start).
    set_files = shard_files(t, "approx --set", ["check", "approx", "xor.nn", "--set", "x1 > 1/3", "--epsilon", "1/100"],
                            2)
    set_record = json.loads(t.read(set_files[0]))
    set_record["result"]["boxes"][0][1:] = ["unknown", "yes"]
    t.write("set-record.json", json.dumps(set_record))
    t.expect("check approx merge: a set record with the network decided where A is not",
             ["merge", "set-record.json", set_files[1]], 2, stdout="",
             stderr="nnsim: error: merge: set-record.json: box '' has the network decided where A is not\n")
    changed = json.loads(json.dumps(record))
    changed["result"]["boxes"][0][1] = "1/3"
    t.write("disagreeing.json", json.dumps(changed))
    t.expect("check approx merge: disagreeing records", ["merge", "disagreeing.json", second], 2, stdout="",
             stderr=f"nnsim: error: merge: {second}: box '' is evaluated differently in disagreeing.json\n")


def test_shard_option_errors(t):
    def refused(value, message):
        t.expect(f"--shard {value!r}", ["check", "boolean", "--arity", "2", "--shard", value], 2, stdout="",
                 stderr=f"nnsim: error: --shard: {message}\n(see 'nnsim check boolean --help')\n")
    refused("0/3", "'0/3': K must be from 1 to N = 3")
    refused("4/3", "'4/3': K must be from 1 to N = 3")
    refused("1/0", "'1/0': N must be from 1 to 1000000")
    refused("3", "'3' is not of the form K/N (shard K of N, e.g. 2/4)")
    refused("a/b", "'a/b' is not of the form K/N with whole numbers K and N of at most 1000000 (e.g. 2/4)")
    refused("-1/2", "'-1/2' is not of the form K/N with whole numbers K and N of at most 1000000 (e.g. 2/4)")
    t.write("xor.nn", XOR)
    t.write("in.csv", "0,1\n")
    t.expect("eval --shard with --inputs", ["eval", "xor.nn", "--inputs", "in.csv", "--shard", "1/2"], 2, stdout="",
             stderr="nnsim: error: --shard splits the points of --grid, not the rows of --inputs\n")


def test_merge_errors(t):
    t.write("xor.nn", XOR)

    def shard(name, k, n, *extra):
        result = t.run("eval", "xor.nn", "--grid", "0:1:3", *extra, "--shard", f"{k}/{n}")
        return t.write(name, result.stdout)

    a1, a2, a3 = shard("a1.json", 1, 3), shard("a2.json", 2, 3), shard("a3.json", 3, 3)
    t.expect("a shard missing", ["merge", a1, a3], 2, stdout="",
             stderr="nnsim: error: merge: a shard is missing: 2/3 (of nnsim eval xor.nn --grid 0:1:3)\n")
    t.expect("a shard twice", ["merge", a1, a2, a3, a2], 2, stdout="",
             stderr="nnsim: error: a2.json: shard 2/3 is given twice (also a2.json)\n")
    b2 = shard("b2.json", 2, 3, "--max-steps", "5")
    t.expect("a shard of another job", ["merge", a1, b2, a3], 2, stdout="",
             stderr="nnsim: error: b2.json: a shard of another job (nnsim eval xor.nn --grid 0:1:3 --max-steps 5) "
                    "than a1.json (nnsim eval xor.nn --grid 0:1:3)\n")
    c2 = shard("c2.json", 2, 4)
    t.expect("a shard of another split", ["merge", a1, c2], 2, stdout="",
             stderr="nnsim: error: c2.json: shard 2/4 of a job split into 4, but a1.json is shard 1/3 of 3\n")
    t.write("bad.json", '{"nnsim-shard": 1,\n  "version": }\n')
    result = t.expect("malformed JSON", ["merge", a1, "bad.json"], 2, stdout="")
    t.check("malformed JSON: located",
            result.stderr.startswith("bad.json:2:14: error: not a shard record: malformed JSON"),
            result.stderr)
    result = t.expect("malformed JSON on standard input", ["merge", "-"], 2, stdout="", stdin="x\n")
    t.check("malformed JSON on standard input: located at <stdin>",
            result.stderr.startswith("<stdin>:1:1: error: not a shard record: malformed JSON"), result.stderr)
    record = json.loads(t.read(a1))
    record["result"]["items"][0][0] = 1  # item 1 is shard 2's
    t.write("foreign-item.json", json.dumps(record))
    t.expect("an item of another shard", ["merge", "foreign-item.json", a2, a3], 2, stdout="",
             stderr="nnsim: error: foreign-item.json: not a shard record of nnsim --shard: item 1 is not one of "
                    "shard 1/3's items in order\n")
    t.write("other.json", '{"status": "halted"}\n')
    t.expect("not a record", ["merge", "other.json"], 2, stdout="",
             stderr="nnsim: error: other.json: not a shard record of nnsim --shard: no \"nnsim-shard\" member\n")
    record = json.loads(t.read(a1))
    record["arguments"] = ["run", "xor.nn", "--input", "0,1"]
    record["shard"] = "1/1"
    t.write("run.json", json.dumps(record))
    t.expect("a command that is not split", ["merge", "run.json"], 2, stdout="",
             stderr="nnsim: error: run.json: not a shard record of nnsim --shard: nnsim run xor.nn --input 0,1 does "
                    "not take --shard\n")
    t.expect("no file", ["merge", "absent.json"], 2, stdout="",
             stderr="nnsim: error: cannot read 'absent.json': No such file or directory\n")
    # The network changed after the shards ran.
    t.write("xor.nn", XOR.replace("network xor", "network xor2"))
    t.expect("changed files", ["merge", a1, a2, a3], 2, stdout="",
             stderr="nnsim: error: merge: the files that nnsim eval xor.nn --grid 0:1:3 names have changed since the "
                    "shards ran; run them again\n")
    t.write("xor.nn", XOR)
    t.expect("merge --json error", ["merge", "--json", a1], 2,
             stdout='{"error":"merge: shards are missing: 2/3, 3/3 (of nnsim eval xor.nn --grid 0:1:3)"}\n')
    t.expect("merge without files", ["merge"], 2, stdout="",
             stderr="nnsim: error: nnsim merge needs at least one FILE argument\n(see 'nnsim merge --help')\n")


def test_gnu_parallel(t):
    if shutil.which("parallel") is None:
        print("SKIP GNU parallel is not installed (Debian: apt-get install parallel)")
        return
    palindromes = os.path.join(REPOSITORY, "networks/machines/palindromes.tm")
    job = ["check", "machine", palindromes, "--words", "6"]
    whole = t.run(*job)
    command = " ".join([t.nnsim, *job, "--shard", "{}/4", ">", "parallel-{}.json"])
    ran = subprocess.run(["parallel", "--will-cite", "--jobs", "2", command, ":::", "1", "2", "3", "4"],
                         cwd=t.directory, capture_output=True, text=True, timeout=600)
    t.check("GNU parallel: four shards ran", ran.returncode == 0, ran.stderr)
    merged = t.run("merge", *[f"parallel-{k}.json" for k in (1, 2, 3, 4)])
    t.check("GNU parallel: merged = whole", merged.stdout == whole.stdout and merged.returncode == whole.returncode,
            f"merged:\n{merged.stdout}{merged.stderr}\n     whole:\n{whole.stdout}")


if __name__ == "__main__":
    sys.exit(cli_tester.main([test_check_machine, test_check_boolean, test_recognize,
                              test_recognize_words_after_dashes, test_recognize_memory_limit, test_standard_input,
                              test_eval, test_check_approx, test_shard_option_errors, test_merge_errors, test_gnu_parallel],
                             "nnsim-shard-"))
