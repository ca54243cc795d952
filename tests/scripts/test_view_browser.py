#!/usr/bin/env python3
"""Test of the trace viewer `nnsim view` as a person uses it: the HTML file
it writes is opened in headless Chromium (tests/scripts/browser_session.py),
and the test clicks, drags the slider, presses keys and hovers, and checks
what the page then shows against `nnsim trace --format jsonl` and `nnsim
run`, which compute the same run by another route.

The page it relies on (the viewer's contract with its tests):
  #step-slider   input type=range, min 0, max T (the last step of the run)
  #first #back #play #forward #last   buttons; #last goes to the last state
  #to-cycle      button, enabled only when the verdict is "diverges": goes
                 to the start of the cycle
  #time          the current t, a plain decimal integer
  #verdict       holds the status line of `nnsim run` ("halted after 2 steps")
  .neuron[data-neuron=NAME][data-value=VALUE]   each neuron shown, with its
                 value at the current t written as `trace --format jsonl`
                 writes it
  .group[data-group=PREFIX]   the neurons whose names start with PREFIX.,
                 collapsed; a click opens it; a click on its .group-title (or
                 on the group again) closes it
  #tooltip       shown on hovering a neuron: its name and exact value
  #plot          an SVG panel showing the outputs at first; clicking a neuron
                 adds .series[data-neuron=NAME] to it, clicking it again
                 removes it
  keys           ArrowRight / ArrowLeft: a step forward / back; Home / End:
                 first / last; Space: play / pause

Networks: the lecture's XOR (every step clicked forward and back, the slider,
the keys, hovering, the plot, a screenshot); the compiled Turing machine
even_ones on 0110 (the group tm and the groups inside it opened, every step
through the slider, tm closed, play and pause); the compiled zeros_then_ones
on a word of 5,886 steps (loading time, sampled steps in random order); and
two cyclic networks that diverge (#to-cycle).  Each page must be
self-contained (nothing loaded from elsewhere), at most HTML_BYTES long, and
report no JavaScript error.

Until `nnsim view` exists (`nnsim view --help` fails), and without Chromium,
the test prints a visible `SKIP: ...` line and passes.

Usage: python3 tests/scripts/test_view_browser.py PATH_TO_nnsim
Run from the repository root (CTest does).  Set NNSIM_KEEP_PNG=FOLDER to keep
the screenshots and the HTML files.  Standard library only.  Prints one line
per failure and `N passed, M failed`; exits 1 when anything failed.
"""

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_session  # noqa: E402
import checks  # noqa: E402

WIDTH, HEIGHT = 1200, 800
# Generous bounds: the viewer must open a 200-neuron compiled machine over
# 5,000 steps "without trouble" (issue 13).
LOAD_SECONDS = 15
HTML_BYTES = 20_000_000
# What loads something from elsewhere: a script, style sheet, picture or frame
# with an address, or a CSS import or url() of one.
EXTERNAL_RESOURCE = re.compile(r"<(?:script|link|img|iframe|image)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//"
                               r"|@import|url\(\s*[\"']?(?:https?:)?//", re.IGNORECASE)
# A network whose cycle does not start at step 0: c counts up to 1 in three
# steps, and only then do a and b start the oscillator of
# networks/lecture/oscillator.nn: (0,0) -> (1,0) -> (1,1) -> (0,1) -> (0,0).
# y(3) = y(7): the cycle starts at 3 with period 4.
LATE_CYCLE = """network late_cycle
output a
rule parallel

c = sat(c + 1/3)
a = step(-b + 3 c - 3)
b = step(a - 1)
"""

# The names of the JavaScript values the page shows (see `shown`).
SHOWN_SCRIPT = """(() => {
    const rendered = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
    const neurons = {}, duplicates = [], valueless = [];
    for (const e of document.querySelectorAll(".neuron[data-neuron]")) {
        if (e.closest("#plot") || !rendered(e)) continue;
        const name = e.getAttribute("data-neuron");
        if (name in neurons) duplicates.push(name);
        if (!e.hasAttribute("data-value")) valueless.push(name);
        neurons[name] = e.getAttribute("data-value");
    }
    const groups = [...document.querySelectorAll(".group[data-group]")].filter(rendered)
                       .map((e) => e.getAttribute("data-group"));
    return {neurons, duplicates, valueless, groups,
            time: document.getElementById("time").textContent,
            slider: document.getElementById("step-slider").value};
})()"""


def run_nnsim(nnsim, *args):
    return subprocess.run([nnsim, *args], capture_output=True, text=True, timeout=120)


class Computation:
    """One run computed by nnsim's other commands: the states of `trace
    --format jsonl` (states[t] maps each neuron to its value text), the
    result object, and the status line of `run`."""

    def __init__(self, nnsim, network, arguments):
        self.network = network
        self.arguments = list(arguments)
        trace = run_nnsim(nnsim, "trace", network, *arguments, "--format", "jsonl")
        if trace.returncode != 0:
            raise RuntimeError(f"nnsim trace {network} {' '.join(arguments)}: {trace.stderr}")
        lines = [json.loads(line) for line in trace.stdout.splitlines() if line.strip()]
        self.result = lines[-1]
        self.states = [line["state"] for line in lines[:-1]]
        if [line["t"] for line in lines[:-1]] != list(range(len(self.states))):
            raise RuntimeError(f"trace {network}: the rows are not t = 0, 1, 2, ...")
        self.last = self.result["steps"]
        self.names = list(self.states[0])
        run = run_nnsim(nnsim, "run", network, *arguments)
        status = [line for line in run.stdout.splitlines() if line.startswith(self.result["status"])]
        if run.returncode != 0 or len(status) != 1:
            raise RuntimeError(f"nnsim run {network}: no single status line:\n{run.stdout}{run.stderr}")
        self.status_line = status[0]


class Viewer:
    """A page of `nnsim view` open in the browser, with the computation it
    must show."""

    def __init__(self, t, page, computation, label):
        self.t = t
        self.page = page
        self.computation = computation
        self.label = label

    def shown(self):
        return self.page.evaluate(SHOWN_SCRIPT)

    def time(self):
        text = self.page.evaluate("document.getElementById('time').textContent").strip()
        return int(text) if text.isdigit() else text

    def problems(self, t, shown=None):
        """What the page shows wrongly for the state y(t): the time, the
        slider, and each neuron shown whose value differs from the trace's."""
        shown = shown or self.shown()
        problems = []
        if shown["time"].strip() != str(t):
            problems.append(f"t = {t}: #time shows {shown['time']!r}")
        if shown["slider"] != str(t):
            problems.append(f"t = {t}: the slider is at {shown['slider']!r}")
        for name in shown["duplicates"]:
            problems.append(f"t = {t}: {name} shown twice")
        for name in shown["valueless"]:
            problems.append(f"t = {t}: {name} without data-value")
        state = self.computation.states[t] if 0 <= t < len(self.computation.states) else {}
        for name, value in shown["neurons"].items():
            if name not in state:
                problems.append(f"t = {t}: a neuron {name!r} the network does not have")
            elif value != state[name]:
                problems.append(f"t = {t}: {name} shows {value!r}, the trace has {state[name]!r}")
        return problems

    def check_state(self, name, t):
        return self.t.none(f"{self.label}: {name}", self.problems(t))

    def click(self, selector):
        self.page.click(selector)

    def go(self, t):
        """Drags the slider to t; returns the problems of the state shown."""
        self.page.set_slider("#step-slider", t)
        return self.problems(t)

    def covered(self, name, shown):
        """Whether a neuron is shown, or a group that holds it."""
        return name in shown["neurons"] or any(name.startswith(prefix + ".") for prefix in shown["groups"])

    def rendered(self, selector):
        return self.page.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                                  "return !!e && e.getClientRects().length > 0 && "
                                  "getComputedStyle(e).visibility !== 'hidden'; })()")

    def text(self, selector):
        return " ".join((self.page.evaluate(f"(document.querySelector({json.dumps(selector)}) || {{}}).textContent")
                         or "").split())

    def wait_time(self, condition, timeout=10):
        """Waits until condition(t) holds for the t shown; returns that t or
        None after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.time()
            if isinstance(shown, int) and condition(shown):
                return shown
            time.sleep(0.05)
        return None


def neuron(name):
    return f'.neuron[data-neuron={json.dumps(name)}]'


def group(prefix):
    return f'.group[data-group={json.dumps(prefix)}]'


def write_view(t, nnsim, folder, name, network, arguments):
    """Runs `nnsim view` into folder/name.html; returns its path or None."""
    path = os.path.join(folder, name + ".html")
    result = run_nnsim(nnsim, "view", network, *arguments, "-o", path)
    ok = t.check(f"{name}: nnsim view writes the page", result.returncode == 0 and os.path.isfile(path),
                 f"exit code {result.returncode}: {result.stderr}")
    if ok:
        size = os.path.getsize(path)
        t.check(f"{name}: the page is at most {HTML_BYTES} bytes", size <= HTML_BYTES, f"{size} bytes")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        # Self-contained: nothing fetched from elsewhere (a plain link to
        # follow would be allowed).
        external = EXTERNAL_RESOURCE.search(text)
        t.check(f"{name}: no external resource", external is None, external and external.group(0))
    return path if ok else None


def not_blank(t, label, picture):
    """At least 0.5% of the pixels differ from the most common colour (five
    neurons and the controls on a plain background are about 2%) and at
    least 8 colours are used."""
    colours = Counter()
    for y in range(0, picture.height, 2):
        row = picture.rows[y]
        for x in range(0, picture.width, 2):
            start = x * picture.channels
            colours[bytes(row[start:start + 3])] += 1
    total = sum(colours.values())
    background = colours.most_common(1)[0][1]
    t.equal(f"{label}: screenshot size", (picture.width, picture.height), (WIDTH, HEIGHT))
    t.check(f"{label}: the screenshot is not blank", total - background >= 0.005 * total and len(colours) >= 8,
            f"{total - background} of {total} sampled pixels differ from the background, {len(colours)} colours")


def crop(picture, box):
    left, top, right, bottom = (int(round(v)) for v in box)
    return [bytes(picture.rows[y][max(left, 0) * picture.channels:min(right, picture.width) * picture.channels])
            for y in range(max(top, 0), min(bottom, picture.height))]


def keep_file(path, keep, name):
    if keep and path and os.path.isfile(path):
        shutil.copy(path, os.path.join(keep, name))


# --- XOR: every step, the controls, hovering, the plot ----------------------

def test_xor(t, nnsim, folder, keep):
    computation = Computation(nnsim, "networks/lecture/xor.nn", ["--input", "1,0"])
    last = computation.last
    t.equal("xor: the trace has states 0..T", len(computation.states), last + 1)
    path = write_view(t, nnsim, folder, "xor", computation.network, computation.arguments)
    if not path:
        return
    keep_file(path, keep, "view-xor.html")
    with browser_session.open_page("file://" + path, WIDTH, HEIGHT) as page:
        v = Viewer(t, page, computation, "xor")
        t.check("xor: loads within the time allowed", page.load_seconds < LOAD_SECONDS, f"{page.load_seconds:.1f} s")
        slider = page.evaluate("(() => { const s = document.getElementById('step-slider'); "
                               "return s && [s.type, s.min, s.max]; })()")
        t.equal("xor: the slider's type and range", slider, ["range", "0", str(last)])
        t.check("xor: the verdict is run's status line", computation.status_line in v.text("#verdict"),
                f"{computation.status_line!r} not in {v.text('#verdict')!r}")
        t.equal("xor: #to-cycle is disabled when the run halts",
                page.evaluate("document.getElementById('to-cycle').disabled"), True)

        shown = v.shown()
        t.equal("xor: every neuron shown (no dotted names, no groups)", sorted(shown["neurons"]),
                sorted(computation.names))
        t.equal("xor: no group", shown["groups"], [])

        picture = page.screenshot(os.path.join(keep, "view-xor.png") if keep else None)
        not_blank(t, "xor", picture)

        # Every step forward with the button, then back.
        v.click("#first")
        problems = v.problems(0)
        for step in range(1, last + 1):
            v.click("#forward")
            problems += v.problems(step)
        v.click("#forward")
        problems += v.problems(last)  # nothing after the last state
        for step in range(last - 1, -1, -1):
            v.click("#back")
            problems += v.problems(step)
        v.click("#back")
        problems += v.problems(0)
        t.none("xor: #forward through every step and #back again", problems)
        v.click("#last")
        v.check_state("#last goes to the last state", last)
        v.click("#first")
        v.check_state("#first goes to y(0)", 0)

        # The slider, in an order that jumps both ways.
        problems = []
        for step in [last, 0, 1, last, 1, 0]:
            problems += v.go(step)
        t.none("xor: the slider", problems)

        # Keys, with the focus where a click leaves it: on a button.
        v.click("#first")
        problems = []
        for key, expected in [("ArrowRight", 1), ("ArrowRight", 2), ("ArrowRight", last), ("ArrowLeft", last - 1),
                              ("End", last), ("Home", 0), ("ArrowLeft", 0)]:
            page.press(key)
            problems += [f"after {key}: {p}" for p in v.problems(expected)]
        t.none("xor: the keys ArrowRight, ArrowLeft, End, Home", problems)
        v.go(1)  # the slider has the focus now, as after dragging it
        page.press("ArrowRight")
        v.check_state("ArrowRight after the slider is one step", 2)
        page.press("ArrowLeft")
        page.press("ArrowLeft")
        v.check_state("ArrowLeft twice after the slider", 0)

        # Hovering shows the name and the exact value.
        v.go(1)
        for name in ("h2", "x1"):
            page.hover(neuron(name))
            text = v.text("#tooltip")
            t.check(f"xor: hovering {name} shows the tooltip", v.rendered("#tooltip"))
            t.check(f"xor: the tooltip of {name} has its name and value",
                    name in text and computation.states[1][name] in text, repr(text))
        page.hover("#time")

        # The neuron's colour follows its value: y is 0 at t = 1 and 1 at t = 2.
        if computation.states[1]["y"] != computation.states[2]["y"]:
            page.element_point(neuron("y"))
            box = page.evaluate(f"(() => {{ const b = document.querySelector({json.dumps(neuron('y'))})"
                                ".getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; })()")
            v.go(1)
            before = crop(page.screenshot(), box)
            v.go(2)
            after = crop(page.screenshot(), box)
            t.check("xor: y looks different when its value changes", before != after)

        # The plot panel: the outputs (y) are plotted from the start.
        series = "[...document.querySelectorAll('#plot .series')].map((e) => e.getAttribute('data-neuron')).sort()"
        t.equal("xor: the output is plotted at first", page.evaluate(series), ["y"])
        v.click(neuron("h1"))
        t.equal("xor: clicking h1 adds its series", page.evaluate(series), ["h1", "y"])
        v.click(neuron("y"))
        t.equal("xor: clicking y removes its series", page.evaluate(series), ["h1"])
        v.click(neuron("h1"))
        t.equal("xor: and h1's", page.evaluate("document.querySelectorAll('#plot .series').length"), 0)
        v.click(neuron("y"))
        t.equal("xor: clicking y again brings it back", page.evaluate(series), ["y"])
        v.check_state("the plot leaves the step alone", 2)

        t.equal("xor: no errors on the page", page.console_errors(), [])


# --- compiled Turing machines ------------------------------------------------

def check_groups(t, v, shown):
    """Every neuron is shown or in a group shown; every group holds neurons."""
    names = v.computation.names
    t.none(f"{v.label}: every neuron is shown or in a group shown",
           [name for name in names if not v.covered(name, shown)])
    t.none(f"{v.label}: every group holds neurons",
           [prefix for prefix in shown["groups"] if not any(n.startswith(prefix + ".") for n in names)])


def open_groups(t, v, prefix, limit=60):
    """Clicks the group `prefix`, then the groups shown inside it, one after
    the other, until none is left closed or `limit` were opened; returns
    the neurons of the group then shown."""
    opened = []
    waiting = [prefix]
    while waiting and len(opened) < limit:
        target = waiting.pop(0)
        v.click(group(target))
        opened.append(target)
        shown = v.shown()
        inner = inside(target, shown)
        t.check(f"{v.label}: opening {target} shows what it holds", inner, repr(shown["groups"]))
        waiting = [g for g in shown["groups"] if g.startswith(prefix + ".") and g not in opened]
    members = [name for name in v.shown()["neurons"] if name.startswith(prefix + ".")]
    t.check(f"{v.label}: opening the groups of {prefix} shows its neurons", members, f"opened {opened}")
    return members


def close_group(v, prefix):
    """Clicks the title of the open group: a .group-title of the group's
    own (not of a group inside it), else one with data-group=prefix; without
    a title, the group itself."""
    title = f"""(() => {{
        const group = document.querySelector({json.dumps(group(prefix))});
        const own = group && [...group.querySelectorAll(".group-title")].find((e) => e.closest(".group") === group);
        return own || document.querySelector({json.dumps(f".group-title[data-group={json.dumps(prefix)}]")});
    }})()"""
    if v.page.evaluate(f"!!{title}"):
        v.page.click(f"the title of {prefix}", title)
    else:
        v.click(group(prefix))


def inside(prefix, shown):
    return [n for n in shown["neurons"] if n.startswith(prefix + ".")] + \
           [g for g in shown["groups"] if g.startswith(prefix + ".")]


def test_play(t, v):
    """#play and Space start and stop playing, also one after the other:
    Space pressed while #play has the focus (after clicking it) must pause
    once, not pause and then press the button again."""
    page = v.page
    v.click("#first")
    for how, action in [("#play", lambda: v.click("#play")), ("Space (#play focused)", lambda: page.press("Space")),
                        ("Space", lambda: page.press("Space")), ("#play again", lambda: v.click("#play"))]:
        if how in ("#play", "Space"):
            before = v.time()
            action()
            moved = v.wait_time(lambda shown: isinstance(before, int) and shown > before)
            t.check(f"{v.label}: {how} plays", moved is not None, f"t stayed {before} for 10 s")
        else:
            action()
            paused = v.time()
            time.sleep(0.5)
            t.equal(f"{v.label}: {how} pauses", v.time(), paused)
            if isinstance(paused, int):
                v.check_state(f"the state where {how} paused", paused)


def test_even_ones(t, nnsim, folder, keep):
    computation = Computation(nnsim, "networks/machines/even_ones.nn", ["--word", "0110"])
    path = write_view(t, nnsim, folder, "even_ones", computation.network, computation.arguments)
    if not path:
        return
    with browser_session.open_page("file://" + path, WIDTH, HEIGHT) as page:
        v = Viewer(t, page, computation, "even_ones")
        last = computation.last
        t.check("even_ones: loads within the time allowed", page.load_seconds < LOAD_SECONDS,
                f"{page.load_seconds:.1f} s")
        t.check("even_ones: the verdict is run's status line", computation.status_line in v.text("#verdict"),
                f"{computation.status_line!r} not in {v.text('#verdict')!r}")
        shown = v.shown()
        t.check("even_ones: tm is a group", "tm" in shown["groups"], repr(shown["groups"]))
        check_groups(t, v, shown)
        v.check_state("y(0) as loaded", 0)

        members = open_groups(t, v, "tm")
        check_groups(t, v, v.shown())
        picture = page.screenshot(os.path.join(keep, "view-machine.png") if keep else None)
        not_blank(t, "even_ones", picture)

        # Every step through the slider, with the group open.
        problems = []
        for step in range(last + 1):
            problems += v.go(step)
        t.none(f"even_ones: the slider at every t = 0..{last} ({len(members)} neurons of tm shown)", problems)

        # Hovering the input: its exact value δ(0110) = 13/32.
        page.hover(neuron("x"))
        text = v.text("#tooltip")
        t.check("even_ones: the tooltip of x has 13/32", "x" in text and computation.states[last]["x"] in text,
                repr(text))
        varying = [n for n in members if len({s[n] for s in computation.states}) > 1]
        if varying:
            name = max(varying, key=lambda n: len(computation.states[last][n]))
            page.hover(neuron(name))
            text = v.text("#tooltip")
            t.check(f"even_ones: the tooltip of {name}", name in text and computation.states[last][name] in text,
                    repr(text))
        page.hover("#time")

        # Closing tm hides everything in it, open or not.
        close_group(v, "tm")
        shown = v.shown()
        t.none("even_ones: closing tm hides what it holds", inside("tm", shown))
        t.check("even_ones: tm is shown again", "tm" in shown["groups"], repr(shown["groups"]))

        test_play(t, v)
        t.equal("even_ones: #to-cycle is disabled when the run halts",
                page.evaluate("document.getElementById('to-cycle').disabled"), True)
        t.equal("even_ones: no errors on the page", page.console_errors(), [])


def test_long_machine(t, nnsim, folder):
    word = "0" * 13 + "1" * 13
    computation = Computation(nnsim, "networks/machines/zeros_then_ones.nn", ["--word", word])
    last = computation.last
    t.check("zeros_then_ones: a run of more than 5,000 steps", last > 5000, f"{last} steps")
    start = time.monotonic()
    path = write_view(t, nnsim, folder, "zeros_then_ones", computation.network, computation.arguments)
    if not path:
        return
    t.check("zeros_then_ones: nnsim view takes at most 10 s", time.monotonic() - start < 10,
            f"{time.monotonic() - start:.1f} s")
    with browser_session.open_page("file://" + path, WIDTH, HEIGHT) as page:
        v = Viewer(t, page, computation, "zeros_then_ones")
        t.check("zeros_then_ones: loads within the time allowed", page.load_seconds < LOAD_SECONDS,
                f"{page.load_seconds:.1f} s")
        t.check("zeros_then_ones: the verdict is run's status line", computation.status_line in v.text("#verdict"),
                f"{computation.status_line!r} not in {v.text('#verdict')!r}")
        check_groups(t, v, v.shown())
        v.click("#last")
        v.check_state("#last goes to the halting step", last)
        members = open_groups(t, v, "tm")

        # Steps in random order, both ways, and their neighbours by the keys.
        generator = random.Random(13)
        steps = [0, 1, last // 2, last - 1, last] + generator.sample(range(last + 1), 40)
        generator.shuffle(steps)
        problems = []
        started = time.monotonic()
        for step in steps:
            problems += v.go(step)
        seconds = time.monotonic() - started
        t.none(f"zeros_then_ones: the slider at {len(steps)} steps in random order ({len(members)} neurons of tm "
               "shown)", problems)
        t.check("zeros_then_ones: each jump takes less than 0.5 s", seconds < 0.5 * len(steps),
                f"{seconds:.1f} s for {len(steps)}")
        v.go(last // 3)
        v.click("#forward")  # the focus on a button, as after a click
        problems = v.problems(last // 3 + 1)
        page.press("ArrowLeft")
        page.press("ArrowLeft")
        problems += v.problems(last // 3 - 1)
        page.press("End")
        problems += v.problems(last)
        page.press("ArrowLeft")
        problems += v.problems(last - 1)
        page.press("Home")
        problems += v.problems(0)
        t.none("zeros_then_ones: #forward and the keys from the slider's place", problems)

        close_group(v, "tm")
        t.none("zeros_then_ones: closing tm hides what it holds", inside("tm", v.shown()))
        t.equal("zeros_then_ones: no errors on the page", page.console_errors(), [])


# --- cyclic networks ----------------------------------------------------------

def test_cycles(t, nnsim, folder):
    late = os.path.join(folder, "late_cycle.nn")
    with open(late, "w", encoding="utf-8") as f:
        f.write(LATE_CYCLE)
    for name, network in [("oscillator", "networks/lecture/oscillator.nn"), ("late_cycle", late)]:
        computation = Computation(nnsim, network, [])
        result = computation.result
        if not t.equal(f"{name}: run diverges", result["status"], "diverges"):
            continue
        cycle_start = result["cycle"]["start"]
        t.equal(f"{name}: y(start) = y(start + period)", computation.states[cycle_start],
                computation.states[cycle_start + result["cycle"]["period"]])
        path = write_view(t, nnsim, folder, name, network, [])
        if not path:
            continue
        with browser_session.open_page("file://" + path, WIDTH, HEIGHT) as page:
            v = Viewer(t, page, computation, name)
            t.check(f"{name}: the verdict is run's status line", computation.status_line in v.text("#verdict"),
                    f"{computation.status_line!r} not in {v.text('#verdict')!r}")
            t.equal(f"{name}: #to-cycle is enabled", page.evaluate("document.getElementById('to-cycle').disabled"),
                    False)
            v.click("#last")
            v.check_state("#last goes to the end of the run", computation.last)
            v.click("#to-cycle")
            v.check_state(f"#to-cycle goes to the cycle's start t = {cycle_start}", cycle_start)
            problems = []
            for step in range(computation.last + 1):
                problems += v.go(step)
            t.none(f"{name}: the slider at every step", problems)
            t.equal(f"{name}: no errors on the page", page.console_errors(), [])


def main():
    if len(sys.argv) != 2:
        print(f"usage: {os.path.basename(sys.argv[0])} PATH_TO_nnsim", file=sys.stderr)
        return 2
    nnsim = os.path.abspath(sys.argv[1])
    if run_nnsim(nnsim, "view", "--help").returncode != 0:
        print("SKIP: nnsim view not available")
        return 0
    browser_session.chromium_or_skip()
    keep = os.environ.get("NNSIM_KEEP_PNG")
    if keep:
        os.makedirs(keep, exist_ok=True)
    t = checks.Checks()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="nnsim-view-") as folder:
        for test in (test_xor, test_even_ones, test_long_machine, test_cycles):
            arguments = (t, nnsim, folder, keep) if test in (test_xor, test_even_ones) else (t, nnsim, folder)
            try:
                test(*arguments)
            except (browser_session.BrowserError, RuntimeError) as error:
                t.check(f"{test.__name__} ran to its end", False, str(error))
    return t.report(f" in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
