"""Command-line tests of `nnsim tag`: the committed tag systems, located
errors, the limits, and random systems against a 2-tag simulator written here.

Run by CTest as `python3 tests/scripts/test_tag_cli.py PATH_TO_nnsim`
from the repository root.
"""
import json
import random
import subprocess
import sys

NNSIM = sys.argv[1]
passed = failed = 0


def run(*args, stdin=None):
    return subprocess.run([NNSIM, *args], input=stdin, capture_output=True, text=True)


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def reference(productions, halting, word, max_steps):
    """The semantics of docs/tag-systems.md on lists of letters; every word
    kept, so a repetition is found at its first return."""
    seen = {}
    w = list(word)
    for t in range(max_steps + 1):
        if not w:
            return "halted", "too-short", t, w
        if w[0] in halting:
            return "halted", "halting-letter", t, w
        if len(w) < 2:
            return "halted", "too-short", t, w
        key = tuple(w)
        if key in seen:
            return "runs-forever", (seen[key], t - seen[key]), t, w
        seen[key] = t
        w = w[2:] + productions[w[0]]
    return "undecided", "step-limit", max_steps, w


# The committed examples.
collatz = run("tag", "networks/universal/collatz.tag", "--word", "aaa")
check("collatz exit 0", collatz.returncode == 0, collatz.stderr)
check("collatz output", collatz.stdout == "tag system: collatz, word aaa\n"
      "halt: the word has fewer than 2 letters after 24 steps\nsteps: 24\nfinal word: a\n", collatz.stdout)
# Collatz from 7: 7 22 11 34 17 52 26 13 40 20 10 5 16 8 4 2 1; each odd n
# takes n + 1 steps to (3n+1)/2 (n/2 pairs aa -> bc, ...), each even n takes n.
steps = 0
n = 7
while n != 1:
    steps += n + 1 if n % 2 else n
    n = (3 * n + 1) // 2 if n % 2 else n // 2
seven = json.loads(run("tag", "networks/universal/collatz.tag", "--word", "aaaaaaa", "--json").stdout)
check("collatz 7", (seven["verdict"], seven["reason"], seven["steps"], seven["final_word"]) ==
      ("halted", "too-short", steps, "a"), (seven, steps))

small = run("tag", "networks/universal/rogozhin-517.tag", "--word", "a1 a1 a2", "--trace")
check("517 trace", small.stdout == "tag system: rogozhin_517, word a1 a1 a2\n  0  a1 a1 a2\n  1  a2 a1 a1\n"
      "halt: the word starts with the halting letter a2 after 1 step\nsteps: 1\nfinal word: a2 a1 a1\n", small.stdout)
big = json.loads(run("tag", "networks/universal/rogozhin-124767.tag", "--word", "a2 a1 a1", "--json").stdout)
check("124767 json", (big["system"], big["verdict"], big["reason"], big["steps"], big["final_word"]) ==
      ("rogozhin_124767", "halted", "halting-letter", 5, "a4 a3 a3 a3 a3 a3 a3 a1"), big)

# --trace --json: the result, then the words.
traced = json.loads(run("tag", "-", "--word", "ab", "--trace", "--json", stdin="a -> a b\nb -> b\n").stdout)
check("trace json", traced["verdict"] == "runs-forever" and traced["cycle"] == {"start": 0, "period": 1}
      and traced["trace"] == [{"step": 0, "word": "ab"}, {"step": 1, "word": "ab"}], traced)

# The limits: a -> aaa grows one letter a step.
limited = json.loads(run("tag", "-", "--word", "aa", "--max-steps", "10", "--json", stdin="a -> a a a\n").stdout)
check("step limit", (limited["verdict"], limited["reason"], limited["steps"], limited["length"]) ==
      ("undecided", "step-limit", 10, 12), limited)
limited = run("tag", "-", "--word", "aa", "--max-length", "5", stdin="a -> a a a\n")
check("length limit", limited.returncode == 0 and "undecided: after 3 steps the next word would be longer than "
      "5 letters (the --max-length limit)" in limited.stdout, limited.stdout)

# Errors: located in the file, at the column of --word, exit 2.
broken = run("tag", "-", "--word", "a", stdin="a -> b c\nb -> a\n")
check("undefined letter exit 2", broken.returncode == 2)
check("undefined letter located", broken.stderr.startswith(
    "<stdin>:1:8: error: undefined letter 'c': give it a production 'c -> …' or list it after 'halt'"), broken.stderr)
bad_word = run("tag", "networks/universal/collatz.tag", "--word", "aqa", "--json")
check("bad word exit 2", bad_word.returncode == 2)
check("bad word json", json.loads(bad_word.stdout)["error"].startswith(
    "invalid --word 'aqa': undefined letter 'q'") and "(at column 2)" in bad_word.stdout, bad_word.stdout)
check("bad word stderr", bad_word.stderr.startswith("nnsim: error: invalid --word 'aqa'"), bad_word.stderr)
check("missing --word", run("tag", "networks/universal/collatz.tag").returncode == 2)
check("missing file", run("tag", "networks/universal/none.tag", "--word", "a").returncode == 2)

# Random systems against the reference.
rng = random.Random(1961)
compared = 0
for trial in range(80):
    letters = [chr(ord("a") + i) for i in range(rng.randint(1, 4))]
    productions = {}
    halting = set()
    for x in letters:
        if rng.random() < 0.2:
            halting.add(x)
        else:
            productions[x] = [rng.choice(letters) for _ in range(rng.randint(0, 4))]
    text = "".join(f"{x} -> {' '.join(p)}\n" for x, p in productions.items())
    if halting:
        text += "halt " + " ".join(sorted(halting)) + "\n"
    word = "".join(rng.choice(letters) for _ in range(rng.randint(0, 6)))
    verdict, reason, steps, final = reference(productions, halting, word, 200)
    if verdict == "undecided":
        continue
    got = run("tag", "-", "--word", word, "--max-steps", "100000", "--json", stdin=text)
    data = json.loads(got.stdout)
    detail = (text, word, data)
    check(f"random {trial} verdict", data["verdict"] == verdict, detail)
    if verdict == "halted":
        check(f"random {trial} halt", (data["reason"], data["steps"], data["final_word"]) == (reason, steps, "".join(final)),
              detail)
    else:
        check(f"random {trial} cycle", (data["cycle"]["start"], data["cycle"]["period"]) == reason, detail)
    compared += 1
check("random systems compared", compared > 40, compared)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
