"""δ-codes, words, Turing machines and recognition by networks.

Run by CTest from the repository root with PYTHONPATH=build/python:
    PYTHONPATH=build/python python3 tests/python/test_languages.py
"""
import unittest
from fractions import Fraction

import nnsim


class EncodingTest(unittest.TestCase):
    def test_encode(self):
        self.assertEqual(nnsim.encode("0110"), Fraction(13, 32))   # 0.01101 in binary
        self.assertEqual(nnsim.encode("11001"), Fraction(51, 64))  # 0.110011
        self.assertEqual(nnsim.encode(""), Fraction(1, 2))
        self.assertIsInstance(nnsim.encode("1"), Fraction)

    def test_decode(self):
        self.assertEqual(nnsim.decode(Fraction(51, 64)), "11001")
        self.assertEqual(nnsim.decode("51/64"), "11001")
        self.assertEqual(nnsim.decode(0.796875), "11001")
        self.assertEqual(nnsim.decode("0.5"), "")
        for word in nnsim.all_words(6):
            self.assertEqual(nnsim.decode(nnsim.encode(word)), word)

    def assert_error(self, function, argument, message):
        with self.assertRaises(nnsim.InputError) as caught:
            function(argument)
        self.assertEqual(str(caught.exception), message)

    def test_errors(self):
        self.assert_error(nnsim.encode, "01x", "invalid word '01x': character 'x' at position 3 is not 0 or 1")
        self.assert_error(nnsim.decode, "1/3", "'1/3' is not a δ-code: its denominator is not a power of two")
        self.assert_error(nnsim.decode, Fraction(0), "'0' is not a δ-code: it is zero; a δ-code lies strictly "
                                                     "between 0 and 1")
        self.assert_error(nnsim.decode, 1, "'1' is not a δ-code: it is not less than 1; a δ-code lies strictly "
                                           "between 0 and 1")
        with self.assertRaises(TypeError):
            nnsim.decode(None)

    def test_all_words(self):
        self.assertEqual(nnsim.all_words(2), ["", "0", "1", "00", "01", "10", "11"])
        self.assertEqual(len(nnsim.all_words(10)), 2 ** 11 - 1)
        self.assert_error(nnsim.all_words, 25, "max_length: 25 is too large (at most 24)")


class MachineTest(unittest.TestCase):
    def test_machine(self):
        m = nnsim.load_machine("networks/machines/even_ones.tm")
        self.assertEqual((m.name, m.states, m.symbols, m.blank, m.start, m.accepting, m.rejecting),
                         ("even_ones", ["even", "yes", "no", "odd"], "01_", "_", "even", ["yes"], ["no"]))
        self.assertEqual(repr(m), "<nnsim.Machine even_ones: 4 states, tape 01_>")
        self.assertEqual(m.run("1011"), ("reject", 5, None))
        self.assertEqual(m.run("1001"), ("accept", 5, None))
        self.assertEqual(m.run("1001", max_steps=2), ("undecided", 2, None))

    def test_machine_that_runs_forever(self):
        run = nnsim.load_machine("examples/networks/bounce.tm").run("1")
        self.assertEqual((run.outcome, run.steps, run.cycle), ("runs-forever", 3, (0, 2)))

    def test_machine_errors(self):
        with self.assertRaises(nnsim.InputError) as caught:
            nnsim.parse_machine("machine m\ntape 0 1 _\nblank _\nstart q\naccept y\n\nq 0 -> y 2 R\n")
        e = caught.exception
        self.assertEqual((e.file, e.line, e.column, e.message), ("<string>", 7, 10,
                                                                 "symbol '2' is not in the tape alphabet"))


class RecognitionTest(unittest.TestCase):
    MACHINES = ["even_ones", "zeros_then_ones", "ends_01"]

    def test_compiled_machine_agrees_with_the_machine(self):
        # Every word of length 0..5: the network accepts exactly the words
        # the machine accepts (these machines halt on every word).
        words = nnsim.all_words(5)
        for name in self.MACHINES:
            with self.subTest(machine=name):
                machine = nnsim.load_machine(f"networks/machines/{name}.tm")
                net = nnsim.compile_machine(machine)
                self.assertEqual((net.inputs, net.outputs), (["x"], ["y"]))
                self.assertEqual(net, nnsim.load(f"networks/machines/{name}.nn"))
                results = net.recognize(words)
                self.assertEqual([r.word for r in results], words)
                for word, verdict, steps in results:
                    expected = machine.run(word).outcome
                    self.assertIn(expected, ("accept", "reject"))
                    self.assertEqual(verdict, expected, word)
                    self.assertGreater(steps, 0)

    def test_check_machine(self):
        check = nnsim.check_machine(nnsim.load_machine("networks/machines/even_ones.tm"), 4)
        self.assertEqual(check, (31, 16, 15, 0, 0, [], 164, 385))
        self.assertEqual(check.mismatches, [])

    def test_verdicts(self):
        net = nnsim.load("examples/networks/starts_with_1_or_cycles.nn")
        self.assertEqual(net.recognize(["", "0", "1", "01"], max_steps=50),
                         [("", "reject", 0), ("0", "reject-diverges", 5), ("1", "accept", 1),
                          ("01", "reject-diverges", 5)])
        self.assertEqual(net.recognize(["0"], max_steps=3), [("0", "undecided", 3)])

    def test_errors(self):
        with self.assertRaises(nnsim.InputError) as caught:
            nnsim.load("networks/lecture/xor.nn").recognize(["0"])
        self.assertEqual(str(caught.exception), "a recognizer needs exactly one input neuron and one output neuron, "
                                                "but the network has 2 input neurons (x1, x2) and 1 output neuron (y)")
        with self.assertRaises(nnsim.InputError) as caught:
            nnsim.load("examples/networks/starts_with_1.nn").recognize(["0", "2"])
        self.assertEqual(str(caught.exception), "invalid word '2': character '2' at position 1 is not 0 or 1")
        with self.assertRaises(nnsim.LimitError) as caught:
            nnsim.load("examples/networks/grow.nn").recognize(["0"], max_bits=30)
        self.assertEqual(str(caught.exception), "on word '0': the value of neuron 's' at step 11 has 35 bits, more "
                                                "than the limit of 30 (raise it with max_bits)")
        with self.assertRaises(TypeError):
            nnsim.load("examples/networks/starts_with_1.nn").recognize("01")


if __name__ == "__main__":
    unittest.main()
