"""nnsim.load, nnsim.parse, what a Network shows, and InputError.

Run by CTest from the repository root with PYTHONPATH=build/python:
    PYTHONPATH=build/python python3 tests/python/test_networks.py
"""
import unittest
from fractions import Fraction

import nnsim

XOR_TEXT = """network xor
input x1, x2
output y
rule parallel

h1 = step(-1 + 2 x1 + 2 x2)
h2 = step(3 - 2 x1 - 2 x2)
y = step(-2 + h1 + h2)
"""


class LoadTest(unittest.TestCase):
    def test_load_reads_the_file(self):
        xor = nnsim.load("networks/lecture/xor.nn")
        self.assertEqual(xor.name, "xor")
        self.assertEqual(xor.neurons, ["x1", "x2", "y", "h1", "h2"])
        self.assertEqual(xor.inputs, ["x1", "x2"])
        self.assertEqual(xor.outputs, ["y"])
        self.assertEqual(xor.rule, "parallel")
        self.assertEqual(xor.equations, {"h1": "step(-1 + 2 x1 + 2 x2)", "h2": "step(3 - 2 x1 - 2 x2)",
                                         "y": "step(-2 + h1 + h2)"})
        self.assertEqual(xor.init, {})
        self.assertEqual(repr(xor), "<nnsim.Network xor: inputs x1, x2; outputs y; 5 neurons>")

    def test_text_is_the_canonical_form(self):
        xor = nnsim.load("networks/lecture/xor.nn")
        self.assertEqual(str(xor), XOR_TEXT)
        self.assertEqual(xor.to_text(), XOR_TEXT)

    def test_parse_and_equality(self):
        xor = nnsim.load("networks/lecture/xor.nn")
        self.assertEqual(nnsim.parse(XOR_TEXT), xor)
        self.assertNotEqual(nnsim.load("networks/lecture/and.nn"), xor)
        self.assertNotEqual(xor, "xor")

    def test_init_values_are_fractions(self):
        net = nnsim.parse("network n\noutput a\ninit a = 0.25\na = id(a)\n")
        self.assertEqual(net.init, {"a": Fraction(1, 4)})
        self.assertIsInstance(net.init["a"], Fraction)

    def test_constants(self):
        net = nnsim.parse("input x\noutput y\nconst r = sqrt(2)/2\nconst h = sqrt(9/4) - 1\n"
                          "init s = -r\ninit t = h\ny = id(r x + s + t)\n")
        self.assertEqual(net.constants, {"r": "sqrt(2) / 2", "h": "sqrt(9/4) - 1"})
        # An irrational init value has no Fraction: the constant as written.
        self.assertEqual(net.init, {"s": "-r", "t": Fraction(1, 2)})
        self.assertEqual(net.equations, {"y": "id(r x + s + t)"})
        self.assertEqual(nnsim.load("networks/lecture/xor.nn").constants, {})

    def test_dot(self):
        dot = nnsim.load("networks/lecture/xor.nn").to_dot()
        self.assertTrue(dot.startswith('// network xor\ndigraph "xor" {\n'), dot)

    def test_no_constructor(self):
        with self.assertRaises(TypeError):
            nnsim.Network()


class InputErrorTest(unittest.TestCase):
    def test_located_error_of_a_string(self):
        with self.assertRaises(nnsim.InputError) as caught:
            nnsim.parse("network broken\ninput a\ny = step(a +)\n")
        e = caught.exception
        self.assertIsInstance(e, ValueError)
        self.assertEqual(e.file, "<string>")
        self.assertEqual(e.line, 3)
        self.assertEqual(e.column, 13)
        self.assertEqual(e.message, "expected a number or a neuron name, found ')'")
        self.assertEqual(e.source_line, "y = step(a +)")
        self.assertEqual(str(e), "<string>:3:13: error: expected a number or a neuron name, found ')'\n"
                                 "  y = step(a +)\n"
                                 "              ^")

    def test_the_name_stands_for_the_file(self):
        with self.assertRaises(nnsim.InputError) as caught:
            nnsim.parse("network n\noutput y\ny = sigmoid(1)\n", name="cell 3")
        e = caught.exception
        self.assertEqual((e.file, e.line, e.column), ("cell 3", 3, 5))
        self.assertTrue(str(e).startswith("cell 3:3:5: error: "), str(e))

    def test_missing_file(self):
        with self.assertRaises(nnsim.InputError) as caught:
            nnsim.load("no/such/file.nn")
        e = caught.exception
        self.assertEqual(str(e), "cannot read 'no/such/file.nn': No such file or directory")
        self.assertEqual(e.message, str(e))
        self.assertIsNone(e.file)
        self.assertIsNone(e.line)
        self.assertIsNone(e.column)
        self.assertIsNone(e.source_line)

    def test_error_classes(self):
        self.assertTrue(issubclass(nnsim.InputError, ValueError))
        self.assertTrue(issubclass(nnsim.LimitError, RuntimeError))
        self.assertTrue(issubclass(nnsim.NonFiniteError, nnsim.LimitError))
        self.assertEqual(nnsim.InputError.__module__, "nnsim")


if __name__ == "__main__":
    unittest.main()
