"""The baselines of bench/compare.py compute what nnsim computes.

The raw-GMP floor (bench/gmp_floor.cpp), the numpy/scipy CSR script
(bench/numpy_csr_sim.py) and the Python `fractions` simulator
(bench/fractions_sim.py) are only worth comparing with if they run the same
steps.  This test checks them on a network small enough to follow by hand,
checks that the floor rejects what it does not read with a located error,
and runs `bench/compare.py --quick` on tiny networks, which must report
every program in agreement with nnsim (agreement only: no timing is
checked here).

Run by CTest as `python3 tests/scripts/test_bench_baselines.py PATH_TO_nnsim`
from the repository root.  The floor is BUILD/bench/nnsim_gmp_floor (built
with the benchmarks; the sanitizer build has none) or $NNSIM_GMP_FLOOR;
without it, or without numpy and scipy, the parts that need them print a
SKIP line.
"""
import os
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "bench"))
import compare  # noqa: E402  (bench/compare.py)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checks  # noqa: E402  (tests/scripts/checks.py)

NNSIM = sys.argv[1]
FLOOR = os.environ.get("NNSIM_GMP_FLOOR") or str(Path(NNSIM).resolve().parent / "bench" / "nnsim_gmp_floor")
checks_done = checks.Checks()
check = checks_done.check


def state_of(path):
    return dict(line.split(" ", 1) for line in Path(path).read_text().splitlines())


if not Path(FLOOR).exists():
    print(f"SKIP: {FLOOR} not built (the benchmarks are not part of this build); nothing checked")
    sys.exit(0)
NUMPY = compare.python_with_numpy()

with tempfile.TemporaryDirectory() as folder:
    folder = Path(folder)
    # s(t+1) = sat(1/4 s(t) + 3/4 one(t)), one = sat(1), s(0) = 1/2; x is read with weight 2/3
    # and bias -1/2 by z, and a repeated term adds up: z = sat(2/3 x + x/3 - 1/2) = sat(x - 1/2).
    # By hand: one = 0, 1, 1, ...; s = 1/2, 1/8, 1/32 + 3/4 = 25/32, 25/128 + 3/4 = 121/128;
    # with x = 9/10: z = 0, 2/5, 2/5, ...
    net = folder / "hand.nn"
    net.write_text("# by hand\nnetwork hand\ninput x\noutput s\nrule parallel\ninit s = 1/2\n"
                   "one = sat(1)\ns = sat(1/4 s + 3/4 one)\nz = sat(2/3 x + x/3 - 0.5)\n")
    expected = {1: {"x": "9/10", "one": "1", "s": "1/8", "z": "2/5"},
                2: {"x": "9/10", "one": "1", "s": "25/32", "z": "2/5"},
                3: {"x": "9/10", "one": "1", "s": "121/128", "z": "2/5"}}
    for steps, values in expected.items():
        for plain in ([], ["--plain"]):
            out = folder / "floor.state"
            run = subprocess.run([FLOOR, str(net), "--steps", str(steps), "--input", "9/10", "--state", str(out), *plain],
                                 capture_output=True, text=True)
            check(f"floor {steps} steps {plain}: exit 0", run.returncode == 0, run.stderr)
            check(f"floor {steps} steps {plain}: the values by hand", state_of(out) == values, state_of(out))
            check(f"floor {steps} steps {plain}: counts", "neurons 4 edges 3 " in run.stdout, run.stdout)
        out = folder / "fractions.state"
        run = subprocess.run([sys.executable, "bench/fractions_sim.py", str(net), "--steps", str(steps),
                              "--input", "9/10", "--state", str(out)], capture_output=True, text=True)
        check(f"fractions {steps} steps: the values by hand", run.returncode == 0 and state_of(out) == values, run.stderr)
        if NUMPY:
            out = folder / "numpy.state"
            run = subprocess.run([NUMPY, "bench/numpy_csr_sim.py", str(net), "--steps", str(steps),
                                  "--input", "9/10", "--state", str(out)], capture_output=True, text=True)
            got = state_of(out) if run.returncode == 0 else {}
            check(f"numpy {steps} steps: the values by hand, to the double",
                  run.returncode == 0 and {k: float(v) for k, v in got.items()}
                  == {k: float(Fraction(v)) for k, v in values.items()}, run.stderr + str(got))

    # What the floor does not read, it rejects where it is, with exit code 2.
    for text, message in [("input x\ny = relu(x)\n", "2:5: error: only 'sat' equations are read by this floor"),
                          ("rule sequential\n", "1:6: error: only 'rule parallel' is read by this floor"),
                          ("y = sat(x)\n", "1:9: error: neuron 'x' is not defined"),
                          ("y = sat(dist1(x))\ninit x = 1\n", "1:14: error: expected ')'"),
                          ("y = sat(1)\ny = sat(2)\n", "2:1: error: second equation for 'y'"),
                          ("init y = 1/0\n", "1:11: error: denominator 0")]:
        bad = folder / "bad.nn"
        bad.write_text(text)
        run = subprocess.run([FLOOR, str(bad), "--steps", "1"], capture_output=True, text=True)
        check(f"floor rejects {text!r}", run.returncode == 2 and run.stderr == f"{bad}:{message}\n",
              f"{run.returncode} {run.stderr!r}")
    run = subprocess.run([FLOOR, str(net), "--steps", "1"], capture_output=True, text=True)
    check("floor: a missing input is an error", run.returncode == 2 and "1 input values expected, 0 given" in run.stderr,
          run.stderr)

# The whole comparison on tiny networks: every program agrees with nnsim.
run = subprocess.run([sys.executable, "bench/compare.py", "--quick", "--sizes", "40,150", "--machine-word", "0011",
                      "--no-build", "--no-repeat", "--nnsim", NNSIM, "--floor", FLOOR,
                      "--step-timer", str(Path(FLOOR).parent / "nnsim_step_timer")], capture_output=True, text=True)
check("compare --quick: exit 0", run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:])
agree = [line for line in run.stdout.splitlines() if line.startswith("agree")]
for family in ["random-dyadic 40", "random-dyadic 150", "random-357 40", "random-357 150", "counters 40",
               "counters 150", "machine on 0011"]:
    for program in ["floor", "fractions"] + (["numpy"] if NUMPY and not family.startswith("machine") else []):
        check(f"compare: {program} agrees on {family}",
              any(line.startswith(f"agree     {family}: {program} = nnsim") for line in agree), run.stdout[-2000:])
for family in ["counters 40", "counters 150"]:
    check(f"compare: the trace shows every counter changing ({family})",
          any(line.startswith(f"agree     {family}: trace: every value changes") for line in agree))
check("compare: no disagreement", "DISAGREE" not in run.stdout)
if not NUMPY:
    print("SKIP: numpy/scipy not found (Debian: python3-numpy python3-scipy); the doubles baseline was not checked")

sys.exit(checks_done.report())
