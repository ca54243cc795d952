#include "python/run_result_class.hpp"

#include "nnsim/model/vocabulary.hpp"
#include "python/python_values.hpp"

#include <fmt/format.h>

namespace py = pybind11;

namespace nnsim::python {
namespace {

py::object cycle(const run_result_object& r) {
  if (r.result.status != run_status::diverges) return py::none();
  return py::make_tuple(r.result.cycle_start, r.result.cycle_period);
}

std::string repr(const run_result_object& r) {
  return fmt::format("Result(status='{}', steps={}, cycle={}, outputs={})", name_of(r.result.status), r.result.steps,
                     std::string(py::repr(cycle(r))), std::string(py::repr(to_python(r.result.outputs.view()))));
}

}  // namespace

void bind_run_result(py::module_& m) {
  py::class_<run_result_object>(
      m, "Result",
      "The outcome of one computation (semantics.md, section 4).\n\n"
      "status is 'halted' (y(steps) is a fixed point), 'diverges' (a state repeats without a fixed point: the "
      "computation provably never halts) or 'undecided' (neither within max_steps).  Values are Fractions in "
      "rational mode, floats with numbers='double' and strs with numbers='real:P' (docs/python.md, 'Values').")
      .def_property_readonly(
          "status", [](const run_result_object& r) { return std::string(name_of(r.result.status)); },
          "'halted', 'diverges' or 'undecided'.")
      .def_property_readonly(
          "steps", [](const run_result_object& r) { return r.result.steps; },
          "The halting time T (halted), the step t2 at which y(t1) repeats (diverges), or max_steps (undecided).")
      .def_property_readonly("cycle", &cycle,
                             "(start, period) when the computation diverges: y(start) = y(start + period); "
                             "None otherwise.")
      .def_property_readonly(
          "outputs", [](const run_result_object& r) { return to_python(r.result.outputs.view()); },
          "The output neurons' values in y(steps), in output order (the network output when it halted).")
      .def_property_readonly(
          "state", [](const run_result_object& r) { return state_dict(*r.net, r.result.state.view()); },
          "{neuron: value} for every neuron in y(steps).")
      .def_property_readonly(
          "exact_state",
          [](const run_result_object& r) {
            py::dict dict;
            const py::list values = to_fractions(r.result.state.view());
            for (std::size_t i = 0; i < r.net->size(); ++i) dict[py::str(r.net->neurons[i].name)] = values[i];
            return dict;
          },
          "{neuron: Fraction} for every neuron in y(steps): in the floating modes the exact binary value "
          "(a double or P-bit value is a dyadic rational).  Raises ValueError for inf or NaN.")
      .def_property_readonly(
          "rule", [](const run_result_object& r) { return describe_rule(*r.net, r.result.rule); },
          "The rule that ran, as a file states it.")
      .def_property_readonly(
          "numbers", [](const run_result_object& r) { return r.result.numbers.name(); },
          "The number mode: 'rational', 'double', 'real:P', 'interval:P' or 'certified'.")
      .def_property_readonly(
          "precision", [](const run_result_object& r) { return r.result.precision; },
          "numbers='interval:P' or 'certified': the precision of the intervals in bits (certified: the one that "
          "proved the verdict, or the last one tried); 0 otherwise.")
      .def_property_readonly(
          "shortfall",
          [](const run_result_object& r) -> py::object {
            if (!r.result.shortfall) return py::none();
            return py::str(describe(*r.result.shortfall));
          },
          "Interval modes: why the result is undecided for want of precision (the step, the neuron and the "
          "interval of the decision that could not be made), as a str; None otherwise.")
      .def_property_readonly(
          "largest_bits", [](const run_result_object& r) { return r.result.largest_value_bits; },
          "Rational mode: the size in bits (numerator + denominator) of the largest value seen; 0 otherwise.")
      .def("__repr__", &repr);
}

}  // namespace nnsim::python
