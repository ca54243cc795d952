// Numbers between Python and the library (docs/python.md, "Values"):
//
//   to Python    rational -> fractions.Fraction, double -> float,
//                real:P value -> str, the text nnsim prints for it
//                (value_format.hpp; it reads back to the same P-bit value)
//   from Python  int, fractions.Fraction, float (its exact binary value),
//                str in the syntax of --input ("1/3", "-0.25", "2e-3",
//                "1/3 + 2^-10"; an irrational "sqrt(2)/2" only as a network
//                input), anything with as_integer_ratio() (decimal.Decimal)
//
// Integers cross in base 16, which Python converts in linear time and
// without its limit on decimal digits (sys.set_int_max_str_digits).
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/numbers/real_number.hpp"
#include "nnsim/numbers/state_values.hpp"

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <vector>

namespace nnsim::python {

pybind11::int_ to_python(const integer& value);
pybind11::object to_python(const rational& value);      // a Fraction
pybind11::object to_python(double value);               // a float
pybind11::object to_python(const real_number& value);   // a str
// A point as a Fraction, any other interval as a tuple (lo, hi) of Fractions.
pybind11::object to_python(const interval_number& value);

// The values in their mode's Python type, in order.
pybind11::list to_python(const state_view& values);
// Every value exactly, as a Fraction (a double or P-bit value is a dyadic
// rational); raises ValueError for inf or NaN.
pybind11::list to_fractions(const state_view& values);
// {neuron name: value} for a whole state, in neuron order.
pybind11::dict state_dict(const network& net, const state_view& values);

// The number a Python value stands for; `what` names it in errors
// ("input value").  Throws input_error for a bad text or a float that is
// not finite, and TypeError for any other type.
rational rational_from_python(pybind11::handle value, std::string_view what);
integer integer_from_python(pybind11::handle value);
// The same, where an irrational value is allowed (a network input): a str
// may also be an irrational expression ("sqrt(2)/2", parse_real_value).
real_value real_from_python(pybind11::handle value, std::string_view what);

// A list (or any iterable but a str) of values.
std::vector<rational> rationals_from_python(pybind11::handle values, std::string_view what);
// A list (or any iterable but a str) of strs.
std::vector<std::string> strings_from_python(pybind11::handle values, std::string_view what);

// "x1, x2" -> ["x1", "x2"]: the names of neurons.
pybind11::list names(const network& net, const std::vector<neuron_id>& ids);

}  // namespace nnsim::python
