"""Network.trace: a lazy iterator of Steps that ends where run stops.

Run by CTest from the repository root with PYTHONPATH=build/python:
    PYTHONPATH=build/python python3 tests/python/test_traces.py
"""
import gc
import itertools
import unittest
from fractions import Fraction

import nnsim

# (network, arguments) pairs whose trace is compared with run.
CASES = [
    ("networks/lecture/xor.nn", dict(input=[1, 0])),
    ("networks/lecture/xor.nn", dict(input=[1, 1], rule="sequential")),
    ("networks/lecture/xor.nn", dict(input=[0, 1], rule="layered")),
    ("networks/lecture/xor.nn", dict(input=[0, 1], rule="random:7")),
    ("networks/lecture/oscillator.nn", dict()),
    ("networks/lecture/counter.nn", dict(input=["1/7"])),
    ("networks/lecture/counter.nn", dict(input=["1/7"], numbers="double")),
    ("examples/networks/late_cycle.nn", dict()),
    ("examples/networks/thirds.nn", dict(max_steps=20)),
    ("examples/networks/thirds.nn", dict(numbers="real:30")),
]


class TraceTest(unittest.TestCase):
    def test_trace_ends_where_run_stops(self):
        for path, arguments in CASES:
            with self.subTest(path=path, arguments=arguments):
                net = nnsim.load(path)
                run = net.run(**arguments)
                trace = net.trace(**arguments)
                steps = list(trace)
                self.assertEqual([s.time for s in steps], list(range(run.steps + 1)))
                self.assertEqual(steps[-1].state, run.state)
                self.assertEqual(trace.result.status, run.status)
                self.assertEqual(trace.result.steps, run.steps)
                self.assertEqual(trace.result.cycle, run.cycle)
                self.assertEqual(trace.result.state, run.state)

    def test_steps_of_xor(self):
        steps = list(nnsim.load("networks/lecture/xor.nn").trace([1, 0]))
        self.assertEqual([tuple(s) for s in steps], [
            (0, (), {"x1": 1, "x2": 0, "y": 0, "h1": 0, "h2": 0}),
            (1, ("h1", "h2", "y"), {"x1": 1, "x2": 0, "y": 0, "h1": 1, "h2": 1}),
            (2, ("h1", "h2", "y"), {"x1": 1, "x2": 0, "y": 1, "h1": 1, "h2": 1}),
        ])
        self.assertIsInstance(steps[0].state["x1"], Fraction)

    def test_sequential_selects_one_neuron_per_step(self):
        steps = nnsim.load("networks/lecture/xor.nn").trace([0, 1], rule="sequential")
        self.assertEqual([s.selected for s in steps], [(), ("h1",), ("h2",), ("y",)])

    def test_result_only_at_the_end(self):
        trace = nnsim.load("networks/lecture/oscillator.nn").trace()
        self.assertIs(iter(trace), trace)
        next(trace)
        self.assertIsNone(trace.result)
        self.assertEqual(len(list(trace)), 4)
        self.assertEqual(repr(trace.result), "Result(status='diverges', steps=4, cycle=(0, 4), "
                                             "outputs=[Fraction(0, 1)])")
        with self.assertRaises(StopIteration):
            next(trace)

    def test_lazy(self):
        # Two billion steps to the fixed point: only what is read is made.
        counter = nnsim.load("networks/lecture/counter.nn")
        trace = counter.trace(["1/2000000000"], max_steps=3000000000)
        first = list(itertools.islice(trace, 3))
        self.assertEqual([s.state["c"] for s in first], [0, Fraction(1, 2000000000), Fraction(2, 2000000000)])
        del trace
        gc.collect()   # the computation is stopped, not finished

    def test_many_abandoned_traces(self):
        counter = nnsim.load("networks/lecture/counter.nn")
        for _ in range(50):
            next(counter.trace(["1/1000000"], max_steps=10 ** 7))

    def test_error_before_the_first_state(self):
        with self.assertRaises(nnsim.InputError) as caught:
            nnsim.load("networks/lecture/xor.nn").trace([1])
        self.assertEqual(str(caught.exception), "the network has 2 input neurons (x1, x2) but 1 input value was given")

    def test_limit_after_the_states_before_it(self):
        trace = nnsim.load("examples/networks/grow.nn").trace(word="", max_bits=40)
        times = []
        with self.assertRaises(nnsim.LimitError) as caught:
            for step in trace:
                times.append(step.time)
        self.assertEqual(times, list(range(13)))
        self.assertEqual(str(caught.exception), "the value of neuron 's' at step 13 has 41 bits, more than the limit "
                                                "of 40 (raise it with max_bits)")
        self.assertIsNone(trace.result)
        with self.assertRaises(StopIteration):
            next(trace)


if __name__ == "__main__":
    unittest.main()
