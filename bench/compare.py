#!/usr/bin/env python3
"""nnsim against its baselines, on the same networks, in one run.

Generates the benchmark networks (bench/make_random_network.py and
`nnsim build machine`), runs on each of them

  - nnsim, `--numbers rational`: the CPU time of S steps, timed inside the
    process by build/bench/nnsim_step_timer as the floor times its own (the
    load of a file of 10^6 neurons varies by seconds from run to run, which
    swamped the difference of two whole runs that this figure used to be);
    a run under a second is timed three times more and the least kept.  Its
    load is the CPU time of reading the file and compiling the network;
  - nnsim, `--numbers double`: the steps timed by the same program, as the
    numpy script times its own, the least of R runs (--double-repeat,
    default 3; the numpy script likewise), and with --double-rounds K the
    two programs in turns K times, the least of each kept.  The table shows
    the wall-clock times of both, since double mode evaluates a large step
    on two threads where that pays, and numpy/nnsim is their ratio: the
    time one waits for each.  Their CPU times are beside them (the numpy
    baseline runs on one thread, so its wall-clock time is its CPU time plus
    what the machine took away -- on a virtual machine whose host lends its
    cores to others, that share is in nnsim's wall-clock time as well).  In both modes the final state
    compared with the baselines' is the one `nnsim run` prints, and the
    timer must reach the same status after as many steps;
  - the raw-GMP floor, build/bench/nnsim_gmp_floor (exact; load and steps
    timed apart);
  - the numpy/scipy CSR script, bench/numpy_csr_sim.py (doubles);
  - the Python `fractions` simulator, bench/fractions_sim.py (exact; only up
    to 2,000 neurons unless --fractions-limit says otherwise);

checks that they reach the same final state (exactly for the exact programs,
within 1e-9 for the doubles -- after 20 steps where rounding differences grow
until the final states part), and prints a table of CPU nanoseconds per
edge-update (step time / (steps x edges)) and the ratios.  The baselines
evaluate every equation in every step; nnsim evaluates only the equations
whose inputs changed, so "per edge-update" is the cost of a step spread over
all edges.  The baselines run exactly as many steps as nnsim did (a run that
halts or repeats stops early).

    python3 bench/compare.py [--quick] [--sizes N1,N2,...] [--only NETWORKS] [--machine-word W]
                             [--doubles-only] [--double-steps S] [--double-repeat R] [--double-rounds K]
                             [--build DIR | --nnsim P --floor P --step-timer P] [--no-build] [--no-repeat]
                             [--keep DIR] [--json OUT]

Without --no-build it first builds the targets nnsim, nnsim_gmp_floor and nnsim_step_timer in
the build folder (default build/, which must be configured).  numpy and scipy
(Debian: python3-numpy python3-scipy) are looked for in this interpreter and
in /usr/bin/python3; without them the doubles baseline is skipped with a
visible SKIP line.  Exit code 1 if any two programs disagree.
"""

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "reference"))
import make_random_network as generator  # noqa: E402
import nn_reference  # noqa: E402

DOUBLE_TOLERANCE = 1e-9
SHORT_DOUBLE_STEPS = 20      # where the doubles part after many steps, they are compared after these
REPEAT_SHORT_RUNS = True    # --no-repeat turns it off
FRACTIONS_LIMIT = 2000       # neurons; --fractions-limit changes it


@dataclass
class Case:
    family: str              # random-dyadic, random-357, counters, machine
    neurons: int
    exact_steps: int | None  # None: exact programs skipped at this size
    double_steps: int | None
    word: str | None = None  # the machine's input word
    notes: list = field(default_factory=list)


def full_cases(sizes, word):
    """Steps per size: fewer exact steps on the large networks, where a step costs seconds
    (the values of random-357 grow to thousands of bits)."""
    exact = {"random-dyadic": {2000: 200, 20000: 100, 100000: 40, 1000000: 10},
             "random-357": {2000: 100, 20000: 40, 100000: 20, 1000000: 8},
             "counters": {2000: 200, 20000: 60, 100000: 20, 1000000: 10}}
    cases = []
    for family, steps in exact.items():
        for n in sizes:
            nearest = min(steps, key=lambda size: abs(size - n))
            exact_steps = steps[nearest] if n <= max(steps) else None
            cases.append(Case(family, n, exact_steps, 200 if n <= 100000 else 50))
    cases.append(Case("machine", 0, 1000000, None, word=word or "0" * 8 + "1" * 8))
    return cases


def quick_cases(sizes, word):
    cases = [Case(family, n, 40, 40) for family in ["random-dyadic", "random-357", "counters"] for n in sizes]
    cases.append(Case("machine", 0, 100000, None, word=word or "00001111"))
    return cases


# ---------------------------------------------------------------------------
# Running and timing

def run_measured(command, stdout_path=None):
    """(exit code, stdout text (None when it went to stdout_path), stderr text)."""
    with open(stdout_path or os.devnull, "w") as out:
        process = subprocess.Popen(command, stdout=out if stdout_path else subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        stdout, stderr = process.communicate()
        # communicate() has reaped the child; its rusage is in RUSAGE_CHILDREN.
    return process.returncode, stdout, stderr


class ChildClock:
    """CPU time of the children waited for since the last reading."""

    def __init__(self):
        self.last = self.now()

    @staticmethod
    def now():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)   # microseconds, where os.times() counts ticks
        return usage.ru_utime + usage.ru_stime

    def lap(self):
        now = self.now()
        elapsed, self.last = now - self.last, now
        return elapsed


REUSE_KEPT = False  # --keep: use the networks an earlier run left there


def checked(command, stdout_path=None):
    clock = ChildClock()
    code, stdout, stderr = run_measured(command, stdout_path)
    seconds = clock.lap()
    if code != 0:
        raise RuntimeError(f"{' '.join(map(str, command))}: exit code {code}\n{stderr}")
    return seconds, stdout, stderr


SUMMARY = re.compile(r"(\w+) ([0-9.]+)")


def summary(line):
    """The `key value` pairs of a baseline's summary line."""
    return {key: float(value) for key, value in SUMMARY.findall(line.split(":", 1)[1])}


def read_state(path):
    with open(path, encoding="utf-8") as lines:
        return dict(line.split(" ", 1) for line in lines.read().splitlines())


def python_with_numpy():
    for python in [sys.executable, "/usr/bin/python3"]:
        if python and Path(python).exists() and subprocess.run(
                [python, "-c", "import numpy, scipy.sparse"], capture_output=True).returncode == 0:
            return python
    return None


# ---------------------------------------------------------------------------
# The networks

def write_network(case, folder, nnsim):
    """(path, input arguments for nnsim, input text for the baselines)."""
    if case.family == "machine":
        path = folder / "zeros_then_ones.nn"
        if not path.exists():
            checked([nnsim, "build", "machine", str(ROOT / "networks/machines/zeros_then_ones.tm"), "-o", str(path)])
        value = nn_reference.delta_encode(case.word)
        return path, ["--word", case.word], f"{value.numerator}/{value.denominator}"
    path = folder / f"{case.family}-{case.neurons}.nn"
    if REUSE_KEPT and path.exists():
        # A network of 10^6 neurons takes minutes to generate; the generator
        # is deterministic, so the file kept by an earlier run is the same.
        return path, ([] if case.family == "counters" else ["--input", "1/3"]), \
            (None if case.family == "counters" else "1/3")
    if case.family == "counters":
        text = generator.make_counters(case.neurons)
        return write_once(path, text), [], None
    denominators = (3, 5, 7) if case.family == "random-357" else (1, 2, 4, 8)
    text = generator.make_network(case.neurons, denominators=denominators)
    return write_once(path, text), ["--input", "1/3"], "1/3"


def write_once(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def verify_counters(nnsim, path, steps=4):
    """Every neuron of a counters network changes in every step, by exactly 2^-20 (from a trace)."""
    _, trace, _ = checked([nnsim, "trace", str(path), "--max-steps", str(steps), "--format", "jsonl"])
    rows = [row for row in map(json.loads, trace.splitlines()) if "t" in row]   # then a summary line
    start = {name: Fraction(value) for name, value in rows[0]["state"].items()}
    for row in rows[1:]:
        t = row["t"]
        for name, value in row["state"].items():
            if Fraction(value) != start[name] + Fraction(t, 2 ** 20):
                return f"{name} at step {t} is {value}, not its start + {t}/2^20"
    return None if len(rows) == steps + 1 else f"the trace has {len(rows)} rows, not {steps + 1}"


# ---------------------------------------------------------------------------

@dataclass
class Row:
    case: Case
    edges: int = 0
    neurons: int = 0
    exact_steps: int | None = None
    double_steps: int | None = None
    times: dict = field(default_factory=dict)      # program -> CPU seconds of its steps
    loads: dict = field(default_factory=dict)      # program -> CPU seconds of loading
    bits: int | None = None
    agreement: list = field(default_factory=list)
    disagreement: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


def nnsim_result(nnsim, path, inputs, mode, steps, folder):
    """The JSON result of `nnsim run` for S steps: the state compared with the baselines'."""
    out = folder / f"nnsim-{mode}.json"
    checked([nnsim, "run", str(path), *inputs, "--numbers", mode, "--json", "--max-memory", str(16 << 30),
             "--max-steps", str(steps)], out)
    with open(out, encoding="utf-8") as result:
        return json.load(result)


def timed_steps(step_timer, path, inputs, mode, steps, repeat):
    """The step timer's measurements: the least CPU and wall-clock seconds of `repeat` runs of S
    steps, loading and compiling timed apart."""
    _, out, _ = checked([step_timer, str(path), "--numbers", mode, "--steps", str(steps), "--repeat", str(repeat),
                         *inputs])
    return json.loads(out)


def check_timed(row, timed, result, mode):
    if timed["steps"] != result["steps"] or timed["status"] != result["status"]:
        row.disagreement.append(f"nnsim_step_timer --numbers {mode}: {timed['status']} after {timed['steps']} "
                                f"steps, nnsim run: {result['status']} after {result['steps']}")


def run_case(case, args, folder, numpy_python):
    row = Row(case)
    path, nnsim_inputs, input_text = write_network(case, folder, args.nnsim)
    baseline_inputs = ["--input", input_text] if input_text else []
    name = case.family if case.family != "machine" else f"machine 0^{case.word.count('0')}1^{case.word.count('1')}"
    print(f"-- {name}, {path.name}", flush=True)
    if case.family == "counters" and case.neurons <= 2000:
        problem = verify_counters(args.nnsim, path)
        if problem:
            row.disagreement.append(f"counters: {problem}")
        else:
            row.agreement.append("trace: every value changes by 2^-20 in each of the first 4 steps")

    if case.exact_steps is not None:
        result = nnsim_result(args.nnsim, path, nnsim_inputs, "rational", case.exact_steps, folder)
        steps = result["steps"]
        # Timed inside the process, as the floor times itself; a run under a second is timed
        # three times more and the least kept.
        timed = timed_steps(args.step_timer, path, baseline_inputs, "rational", steps, 1)
        if timed["run_cpu_seconds"] < 1.0 and REPEAT_SHORT_RUNS:
            again = timed_steps(args.step_timer, path, baseline_inputs, "rational", steps, 3)
            for key in ("run_cpu_seconds", "load_cpu_seconds", "compile_cpu_seconds"):
                timed[key] = min(timed[key], again[key])
        check_timed(row, timed, result, "rational")
        row.exact_steps, row.times["nnsim"] = steps, timed["run_cpu_seconds"]
        row.loads["nnsim"] = timed["load_cpu_seconds"] + timed["compile_cpu_seconds"]
        exact = result["state"]
        floor_state = folder / "floor.state"
        _, out, _ = checked([args.floor, str(path), "--steps", str(steps), *baseline_inputs, "--state", str(floor_state)])
        floor = summary(out)
        row.edges, row.bits, row.neurons = int(floor["edges"]), int(floor["largest_bits"]), int(floor["neurons"])
        row.times["floor"], row.loads["floor"] = floor["step_cpu_s"], floor["load_cpu_s"]
        compare_exact(row, "floor", exact, read_state(floor_state))
        if case.neurons <= FRACTIONS_LIMIT:
            fractions_state = folder / "fractions.state"
            _, out, _ = checked([sys.executable, str(ROOT / "bench/fractions_sim.py"), str(path), "--steps", str(steps),
                                 *baseline_inputs, "--state", str(fractions_state)])
            match = re.search(r"load ([0-9.]+) s, ([0-9.]+) s total", out)
            row.times["fractions"], row.loads["fractions"] = float(match.group(2)), float(match.group(1))
            compare_exact(row, "fractions", exact, read_state(fractions_state))
        else:
            row.skipped.append(f"fractions: not run above {FRACTIONS_LIMIT} neurons")
        print(f"   exact: {result['status']} after {steps} steps", flush=True)
    else:
        row.skipped.append("exact: not run (--doubles-only)" if args.doubles_only else
                           "exact: not run at this size (one step takes too long)")

    if case.double_steps is None:
        row.skipped.append("doubles: not run (the machine needs exact values)")
    else:
        result = nnsim_result(args.nnsim, path, nnsim_inputs, "double", case.double_steps, folder)
        steps = result["steps"]
        numpy_state = folder / "numpy.state"
        numbers = None
        row.double_steps = steps
        # Round by round, nnsim and then numpy, each keeping its least time: a machine whose speed
        # drifts from minute to minute then slows both alike.
        for round_number in range(args.double_rounds):
            timed = timed_steps(args.step_timer, path, baseline_inputs, "double", steps, args.double_repeat)
            if round_number == 0:
                check_timed(row, timed, result, "double")
            for key, column in (("run_cpu_seconds", "nnsim double CPU"), ("run_seconds", "nnsim double")):
                row.times[column] = min(row.times.get(column, timed[key]), timed[key])
            if numpy_python is None:
                continue
            _, out, _ = checked([numpy_python, str(ROOT / "bench/numpy_csr_sim.py"), str(path), "--steps", str(steps),
                                 "--repeat", str(args.double_repeat), *baseline_inputs, "--state", str(numpy_state)])
            numbers = summary(out)
            for key, column in (("step_wall_s", "numpy"), ("step_cpu_s", "numpy CPU")):
                row.times[column] = min(row.times.get(column, numbers[key]), numbers[key])
        if numpy_python is None:
            row.skipped.append("numpy: SKIP (numpy or scipy missing: apt-get install python3-numpy python3-scipy)")
        else:
            row.edges = row.edges or int(numbers["edges"])
            row.neurons = row.neurons or int(numbers["neurons"])
            row.loads["numpy"] = numbers["load_cpu_s"]  # the last round's; the table does not show it
            worst = largest_difference(read_state(numpy_state), result["state"])
            if worst is None:
                row.disagreement.append("numpy: not the same neurons as nnsim")
            elif worst <= DOUBLE_TOLERANCE:
                row.agreement.append(f"numpy = nnsim double within {worst:.1e} ({len(result['state'])} values, {steps} steps)")
            else:
                # The two programs round in another order (scipy sums a row, then adds the bias); where
                # the network amplifies small differences, they part after a while.  They must
                # agree on the first steps, before the differences have grown.
                short = min(steps, SHORT_DOUBLE_STEPS)
                short_result = nnsim_result(args.nnsim, path, nnsim_inputs, "double", short, folder)
                checked([numpy_python, str(ROOT / "bench/numpy_csr_sim.py"), str(path), "--steps", str(short),
                         *baseline_inputs, "--state", str(numpy_state)])
                early = largest_difference(read_state(numpy_state), short_result["state"])
                if early is None:
                    early = float("inf")
                (row.agreement if early <= DOUBLE_TOLERANCE else row.disagreement).append(
                    f"numpy = nnsim double within {early:.1e} after {short_result['steps']} steps; after {steps} "
                    f"steps they differ by {worst:.1e} (rounding differences grow in this network)")
    return row


def largest_difference(theirs, ours):
    if set(theirs) != set(ours):
        return None
    return max((abs(float(theirs[v]) - float(ours[v])) for v in ours), default=0.0)


def compare_exact(row, program, exact, theirs):
    if set(theirs) != set(exact):
        row.disagreement.append(f"{program}: not the same neurons as nnsim")
        return
    wrong = [v for v in exact if exact[v] != theirs[v] and Fraction(exact[v]) != Fraction(theirs[v])]
    if wrong:
        row.disagreement.append(f"{program}: {len(wrong)} values differ from nnsim, e.g. {wrong[0]}: "
                                f"{exact[wrong[0]][:40]} against {theirs[wrong[0]][:40]}")
    else:
        row.agreement.append(f"{program} = nnsim exactly ({len(exact)} values, {row.exact_steps} steps)")


# ---------------------------------------------------------------------------
# The table

def per_edge(row, program):
    steps = row.double_steps if program in ("numpy", "numpy CPU", "nnsim double", "nnsim double CPU") else row.exact_steps
    seconds = row.times.get(program)
    if seconds is None or not steps or not row.edges:
        return None
    return seconds * 1e9 / (steps * row.edges)


def ratio(a, b):
    return None if a is None or b is None or b <= 0 else a / b


def cell(value, digits=2):
    if value is None:
        return "–"
    if value <= 0:   # a difference of two CPU times below their resolution
        return "~0"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}" if value >= 1 else f"{value:.{digits + 1}f}"


def table(rows):
    header = ["network", "neurons", "edges", "steps exact/double", "bits",
              "nnsim ns/edge", "floor ns/edge", "nnsim/floor", "fractions ns/edge", "fractions/nnsim",
              "nnsim double ns/edge", "(its CPU)", "numpy ns/edge", "(its CPU)", "numpy/nnsim",
              "load nnsim s", "load floor s", "load nnsim/floor"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        case = row.case
        name = case.family if case.family != "machine" else f"machine {case.word.count('0')}+{case.word.count('1')} bits"
        nnsim, floor, fractions = per_edge(row, "nnsim"), per_edge(row, "floor"), per_edge(row, "fractions")
        double, numpy = per_edge(row, "nnsim double"), per_edge(row, "numpy")
        double_cpu, numpy_cpu = per_edge(row, "nnsim double CPU"), per_edge(row, "numpy CPU")
        load_nnsim, load_floor = row.loads.get("nnsim"), row.loads.get("floor")
        steps = f"{row.exact_steps if row.exact_steps is not None else '–'}/{row.double_steps if row.double_steps is not None else '–'}"
        neurons = row.neurons or case.neurons
        values = [name, f"{neurons:,}", f"{row.edges:,}", steps, "–" if row.bits is None else str(row.bits),
                  cell(nnsim), cell(floor), cell(ratio(nnsim, floor)), cell(fractions), cell(ratio(fractions, nnsim), 1),
                  cell(double), cell(double_cpu), cell(numpy), cell(numpy_cpu), cell(ratio(numpy, double)),
                  cell(load_nnsim, 3), cell(load_floor, 3), cell(ratio(load_nnsim, load_floor))]
        lines.append("| " + " | ".join(values) + " |")
    return "\n".join(lines)


def main():
    global FRACTIONS_LIMIT
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="2,000 neurons, 40 steps, the machine on 0^4 1^4")
    ap.add_argument("--only", help="only these networks: random-dyadic, random-357, counters, machine")
    ap.add_argument("--sizes", help="neurons of the random and counters networks, e.g. 2000,20000")
    ap.add_argument("--doubles-only", action="store_true",
                    help="run only nnsim double and the numpy baseline (not the exact programs, not the machine)")
    ap.add_argument("--double-steps", type=int, help="steps of the double runs (default 200, 50 above 100,000 neurons)")
    ap.add_argument("--machine-word", help="the word for zeros_then_ones (default 0^8 1^8, --quick 0^4 1^4)")
    ap.add_argument("--fractions-limit", type=int, default=FRACTIONS_LIMIT,
                    help=f"run the Python fractions simulator up to this many neurons (default {FRACTIONS_LIMIT})")
    ap.add_argument("--no-repeat", action="store_true",
                    help="run nnsim once per measurement (short runs are otherwise repeated three times)")
    ap.add_argument("--build", default=str(ROOT / "build"), help="the build folder (default build/)")
    ap.add_argument("--nnsim", help="the nnsim program (default BUILD/nnsim)")
    ap.add_argument("--floor", help="the floor program (default BUILD/bench/nnsim_gmp_floor)")
    ap.add_argument("--step-timer", help="the in-process timer of double runs (default BUILD/bench/nnsim_step_timer)")
    ap.add_argument("--double-repeat", type=int, default=3,
                    help="time the double steps of nnsim and numpy this many times each, keep the least (default 3)")
    ap.add_argument("--double-rounds", type=int, default=1,
                    help="time nnsim double and numpy in turns, this many rounds, and keep the least of each "
                         "(default 1)")
    ap.add_argument("--no-build", action="store_true", help="do not build the programs first")
    ap.add_argument("--keep", help="write the networks and states into this folder and keep them (a network "
                                   "already there from an earlier run is used again)")
    ap.add_argument("--json", help="write the measurements to this file as well")
    args = ap.parse_args()
    if args.double_rounds < 1 or args.double_repeat < 1:
        ap.error("--double-rounds and --double-repeat must be at least 1")
    FRACTIONS_LIMIT = args.fractions_limit
    build = Path(args.build)
    args.nnsim = args.nnsim or str(build / "nnsim")
    args.floor = args.floor or str(build / "bench" / "nnsim_gmp_floor")
    args.step_timer = args.step_timer or str(build / "bench" / "nnsim_step_timer")
    targets = ["nnsim", "nnsim_gmp_floor", "nnsim_step_timer"]
    if not args.no_build:
        if not (build / "CMakeCache.txt").exists():
            sys.exit(f"compare: error: {build} is not a configured build folder (see docs/performance.md)")
        subprocess.run(["cmake", "--build", str(build), "--target", *targets], check=True, stdout=subprocess.DEVNULL)
    for program in (args.nnsim, args.floor, args.step_timer):
        if not Path(program).exists():
            sys.exit(f"compare: error: {program} not found (cmake --build {build} --target {' '.join(targets)})")

    sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else None
    cases = (quick_cases if args.quick else full_cases)(sizes or ([2000] if args.quick else [2000, 20000, 100000, 1000000]),
                                                        args.machine_word)
    global REPEAT_SHORT_RUNS
    REPEAT_SHORT_RUNS = not args.no_repeat
    if args.only:
        cases = [case for case in cases if case.family in args.only.split(",")]
    if args.doubles_only:
        cases = [case for case in cases if case.double_steps is not None]
        for case in cases:
            case.exact_steps = None
    if args.double_steps:
        for case in cases:
            if case.double_steps is not None:
                case.double_steps = args.double_steps
    numpy_python = python_with_numpy()
    if numpy_python is None:
        print("SKIP: numpy/scipy not found (Debian: python3-numpy python3-scipy); the doubles baseline is not run")
    global REUSE_KEPT
    REUSE_KEPT = bool(args.keep)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nnsim-compare-"))
    folder.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    started = time.time()
    rows = []
    try:
        for case in cases:
            rows.append(run_case(case, args, folder, numpy_python))
            print("  ", table(rows[-1:]).splitlines()[-1], flush=True)   # in case the run is cut short
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    print()
    print(f"CPU times, but the wall-clock times of nnsim double (which may use several threads) and of numpy, "
          f"each with its CPU time beside it; load average {load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end; "
          f"{time.time() - started:.0f} s in all")
    print(table(rows))
    print()
    failed = False
    for row in rows:
        case = row.case
        name = f"{case.family} {case.neurons}" if case.family != "machine" else f"machine on {case.word}"
        for line in row.agreement:
            print(f"agree     {name}: {line}")
        for line in row.skipped:
            print(f"skipped   {name}: {line}")
        for line in row.disagreement:
            print(f"DISAGREE  {name}: {line}")
            failed = True
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump([{"family": r.case.family, "neurons": r.case.neurons, "word": r.case.word, "edges": r.edges,
                        "exact_steps": r.exact_steps, "double_steps": r.double_steps, "bits": r.bits,
                        "step_cpu_s": r.times, "load_cpu_s": r.loads, "agreement": r.agreement,
                        "disagreement": r.disagreement, "skipped": r.skipped} for r in rows], out, indent=1)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
