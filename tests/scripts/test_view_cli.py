"""Command-line tests of `nnsim view`: the page's recorded computation is
checked, state by state and neuron by neuron, against `nnsim trace --format
jsonl` (the independent route: another command, another output path); the
page is self-contained; errors are located.

The page is also opened in a browser by tests/scripts/test_view_browser.py.

Run by CTest as `python3 tests/scripts/test_view_cli.py PATH_TO_nnsim`
from the repository root.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from fractions import Fraction

NNSIM = sys.argv[1]
passed = failed = 0
DATA = re.compile(r'<script id="nnsim-data" type="application/json">(.*?)</script>', re.S)


def run(*args):
    return subprocess.run([NNSIM, *args], capture_output=True, text=True)


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def page_of(folder, name, *args):
    path = os.path.join(folder, name + ".html")
    result = run("view", *args, "-o", path)
    check(f"{name}: exit 0", result.returncode == 0, result.stderr)
    with open(path, encoding="utf-8") as f:
        return f.read(), result


def replay(data):
    """Every state y(0) ... y(T) of the page as lists of value texts."""
    state = list(data["initial"])
    states = [[data["values"][v] for v in state]]
    offsets, changes = data["change_offsets"], data["changes"]
    for t in range(1, len(offsets)):
        for k in range(offsets[t - 1], offsets[t]):
            state[changes[2 * k]] = changes[2 * k + 1]
        states.append([data["values"][v] for v in state])
    return states


def compare_with_trace(name, folder, args):
    html, _ = page_of(folder, name, *args)
    data = json.loads(DATA.search(html).group(1))
    rows = [json.loads(line) for line in run("trace", *args, "--format", "jsonl").stdout.splitlines()]
    trace_states, final = rows[:-1], rows[-1]
    states = replay(data)
    names = [n["name"] for n in data["neurons"]]
    check(f"{name}: as many states as trace", len(states) == len(trace_states), f"{len(states)} {len(trace_states)}")
    mismatches = 0
    for t, row in enumerate(trace_states[: len(states)]):
        # An interval that is not a point: trace gives its bounds, the page "[lo, hi]".
        expected = [v if isinstance(v, str) else f"[{v['lo']}, {v['hi']}]" for v in (row["state"][n] for n in names)]
        if states[t] != expected:
            mismatches += 1
            if mismatches == 1:
                print(f"  {name}: first difference at t = {t}: {states[t]} vs {expected}")
        # The selection: the updated neurons of the trace row.
        if t > 0:
            if data["selected_all"][t - 1]:
                selected = [n["name"] for n, item in zip(data["neurons"], names) if "equation" in n]
            else:
                selected = [names[i] for i in data["selected"][data["selected_offsets"][t - 1]:data["selected_offsets"][t]]]
            if sorted(selected) != sorted(row["updated"]):
                mismatches += 1
        # Only changes are stored: each step lists exactly the neurons that differ.
        if t > 0:
            listed = sorted(data["changes"][2 * k] for k in range(data["change_offsets"][t - 1], data["change_offsets"][t]))
            differing = [i for i in range(len(names)) if states[t][i] != states[t - 1][i]]
            if listed != differing:
                mismatches += 1
    check(f"{name}: every state and selection equal to trace's", mismatches == 0, f"{mismatches} differences")
    verdict = data["verdict"]
    check(f"{name}: verdict", verdict["status"] == final["status"] and verdict["steps"] == final["steps"],
          f"{verdict} {final}")
    if final["status"] == "diverges":
        check(f"{name}: cycle", (verdict["cycle_start"], verdict["cycle_period"]) ==
              (final["cycle"]["start"], final["cycle"]["period"]))
    check(f"{name}: values kept once", len(set(data["values"])) == len(data["values"]))
    return data, html


with tempfile.TemporaryDirectory() as folder:
    # The lecture's XOR on its four inputs; by hand, y = x1 XOR x2.
    for x1 in (0, 1):
        for x2 in (0, 1):
            data, html = compare_with_trace(f"xor{x1}{x2}", folder, ["networks/lecture/xor.nn", "--input", f"{x1},{x2}"])
            last = replay(data)[-1]
            y = [n["name"] for n in data["neurons"]].index("y")
            check(f"xor{x1}{x2}: y", last[y] == str(x1 ^ x2), last)
            # By hand: h1 and h2 both fire only when x1 != x2, and y one step later;
            # otherwise y(1) is already the fixed point.
            steps = "halted after 2 steps" if x1 != x2 else "halted after 1 step"
            check(f"xor{x1}{x2}: verdict line", data["verdict"]["lines"][0] == steps, data["verdict"])
    # Other rules and number modes.
    compare_with_trace("xor-sequential", folder, ["networks/lecture/xor.nn", "--input", "1,1", "--rule", "sequential"])
    compare_with_trace("xor-random", folder, ["networks/lecture/xor.nn", "--input", "0,1", "--rule", "random:7"])
    compare_with_trace("xor-double", folder, ["networks/lecture/xor.nn", "--input", "1,0", "--numbers", "double"])
    compare_with_trace("xor-real", folder, ["networks/lecture/xor.nn", "--input", "sqrt(2)/2,1/3", "--numbers", "real:64"])
    logistic = os.path.join(folder, "logistic.nn")
    with open(logistic, "w") as f:
        f.write("input x\noutput y\nh = logistic(x - 1/3)\ny = logistic(2 h - 1)\n")
    data, _ = compare_with_trace("logistic-interval", folder, [logistic, "--input", "1/7", "--numbers", "interval:64"])
    check("logistic-interval: bounds shown", any(v.startswith("[0.4525244048739520225") for v in data["values"]), data["values"])
    compare_with_trace("logistic-certified", folder, [logistic, "--input", "1/7", "--numbers", "certified"])
    # A cycle: the oscillator repeats y(0) at step 4.
    data, _ = compare_with_trace("oscillator", folder, ["networks/lecture/oscillator.nn"])
    check("oscillator: diverges at 4, cycle from 0", (data["verdict"]["status"], data["verdict"]["steps"],
          data["verdict"]["cycle_start"], data["verdict"]["cycle_period"]) == ("diverges", 4, 0, 4), data["verdict"])
    # Hopfield: one sweep of the sequential rule repairs the two flipped
    # neurons (by hand: networks/lecture/hopfield.nn's comment), and every
    # neuron feeds every other, so the six sit on one ring.
    data, _ = compare_with_trace("hopfield", folder, ["networks/lecture/hopfield.nn"])
    check("hopfield: halted after 4 steps", (data["verdict"]["status"], data["verdict"]["steps"]) == ("halted", 4))
    check("hopfield: the stored pattern", replay(data)[-1] == ["1", "1", "-1", "-1", "1", "-1"], replay(data)[-1])
    items = data["groups"][0]["items"]
    check("hopfield: one ring of six", sorted(item[4] for item in items) == list(range(6)) and
          {item[5] for item in items} == {6} and len({(item[2], item[3]) for item in items}) == 1, items)
    # Compiled Turing machines: groups by dotted prefix, a long run.
    data, html = compare_with_trace("even_ones", folder, ["networks/machines/even_ones.nn", "--word", "0110"])
    group_names = {g["name"] for g in data["groups"]}
    check("even_ones: groups tm, in, boot", {"tm", "in", "boot"} <= group_names, group_names)
    # Every neuron's group chain ends at the whole network, parents first.
    for i, g in enumerate(data["groups"]):
        check(f"group {g['name']}: parent before it", (g["parent"] is None) == (i == 0) and (i == 0 or g["parent"] < i))
    # Each group's items: every neuron exactly once over all groups.
    neurons_listed = sorted(item[1] for g in data["groups"] for item in g["items"] if item[0] == 0)
    check("even_ones: each neuron in one group", neurons_listed == list(range(len(data["neurons"]))))
    data, html = compare_with_trace("palindromes", folder,
                                    ["networks/machines/palindromes.nn", "--word", "0110101101011010110"])
    check("palindromes: 240 neurons over 3627 steps", (len(data["neurons"]), data["verdict"]["steps"]) == (240, 3627))
    # Compact: far less than a full state per step (240 × 3628 values).
    check("palindromes: compact trace", len(data["changes"]) // 2 < 240 * 3628 // 10, len(data["changes"]))
    check("palindromes: page under 1 MB", len(html) < 1_000_000, len(html))

    # Self-contained: nothing is fetched (the SVG namespace is a name, not a fetch).
    for tag, attribute in re.findall(r"<(\w+)[^>]*\s(src|href)=", html):
        check("self-contained", False, f"<{tag} {attribute}=...>")
    check("no external script or style", "<link" not in html and "@import" not in html and "fetch(" not in html)

    # The title is text, never markup; a name cannot end the data's script.
    html, _ = page_of(folder, "title", "networks/lecture/xor.nn", "--input", "1,0", "--title", "</title><script>x</script>")
    check("title escaped", "&lt;/title&gt;&lt;script&gt;" in html and "<script>x</script>" not in html)

    # A title that looks like a placeholder of the page's template is text too.
    html, _ = page_of(folder, "placeholder", "networks/lecture/xor.nn", "--input", "1,0", "--title", "{{SCRIPT}} {{DATA}}")
    check("placeholder title: text", "<title>{{SCRIPT}} {{DATA}} · nnsim view</title>" in html, html[:300])
    check("placeholder title: the data parses", json.loads(DATA.search(html).group(1))["title"] == "{{SCRIPT}} {{DATA}}")

    # The verdict on standard error names the file; standard output when asked.
    result = run("view", "networks/lecture/xor.nn", "--input", "1,0", "-o", "-")
    check("-o -: the page on standard output", result.returncode == 0 and result.stdout.startswith("<!DOCTYPE html>"))

    # Errors: located, exit code 2, no page written.
    bad = os.path.join(folder, "bad.nn")
    with open(bad, "w") as f:
        f.write("input x\ny = step(x +)\n")
    result = run("view", bad, "--input", "1", "-o", os.path.join(folder, "bad.html"))
    check("syntax error: exit 2", result.returncode == 2, result.returncode)
    check("syntax error: located", f"{bad}:2:" in result.stderr, result.stderr)
    check("syntax error: no page", not os.path.exists(os.path.join(folder, "bad.html")))
    result = run("view", "networks/lecture/xor.nn", "--input", "1", "-o", os.path.join(folder, "short.html"))
    check("wrong input length: exit 2", result.returncode == 2 and "error" in result.stderr, result.stderr)
    result = run("view", "networks/lecture/xor.nn", "--input", "1,0", "-o", os.path.join(folder, "no", "such", "x.html"))
    check("missing folder: exit 2", result.returncode == 2, result.stderr)
    # A limit: the trace kept for the page counts against --max-memory.
    result = run("view", "networks/machines/palindromes.nn", "--word", "0110101101011010110", "--max-memory", "200000",
                 "-o", os.path.join(folder, "limit.html"))
    check("memory limit: exit 3", result.returncode == 3, (result.returncode, result.stderr))
    check("memory limit: says so", "memory limit" in result.stderr, result.stderr)
    # The page is charged too: 25,001 states of thousand-digit values fit
    # the limit while recorded, but not the page written from them.
    halving = os.path.join(folder, "halving.nn")
    with open(halving, "w") as f:
        f.write("output a\ninit a = 1/3\na = sat(1/2 a)\n")
    result = run("view", halving, "--max-steps", "25000", "--max-memory", "200000000", "-o", os.path.join(folder, "h.html"))
    check("page over the memory limit: exit 3", result.returncode == 3, (result.returncode, result.stderr))
    check("page over the memory limit: says so", "the page of 25001 states needs more than the memory limit" in result.stderr
          or "the trace needs more than the memory limit" in result.stderr, result.stderr)
    check("page over the memory limit: no page", not os.path.exists(os.path.join(folder, "h.html")))
    result = run("view", "networks/machines/palindromes.nn", "--word", "0110101101011010110", "--max-steps", "100",
                 "-o", os.path.join(folder, "steps.html"))
    check("step limit: undecided", result.returncode == 0 and "undecided" in result.stderr, result.stderr)
    # --max-bits: s(t) = 3/4 (1 - 3^-t) from s(0) = 0 (grow.nn, x = 1/2);
    # s(13) needs 41 bits, so the page holds y(0) ... y(12), says why it
    # stops, and view exits with 3.
    grow_page = os.path.join(folder, "grow.html")
    result = run("view", "examples/networks/grow.nn", "--word", "", "--max-bits", "40", "-o", grow_page)
    check("bit limit: exit 3", result.returncode == 3, (result.returncode, result.stderr))
    stopped = "stopped: the value of neuron 's' at step 13 has 41 bits, more than the limit of 40"
    check("bit limit: says so", result.stderr.startswith(stopped) and "wrote " in result.stderr, result.stderr)
    if os.path.exists(grow_page):
        with open(grow_page, encoding="utf-8") as f:
            data = json.loads(DATA.search(f.read()).group(1))
        states = replay(data)
        check("bit limit: y(0) ... y(12)", len(states) == 13, len(states))
        s_index = [n["name"] for n in data["neurons"]].index("s")
        expected = [Fraction(3, 4) * (1 - Fraction(1, 3 ** t)) for t in range(13)]
        check("bit limit: s(t) = 3/4 (1 - 3^-t)", [Fraction(row[s_index]) for row in states] == expected,
              [row[s_index] for row in states])
        check("bit limit: the verdict line", any(line.startswith(stopped) for line in data["verdict"]["lines"]),
              data["verdict"])
    else:
        check("bit limit: a page", False)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
