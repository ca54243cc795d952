#include "python/computation_arguments.hpp"

#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/support/error.hpp"
#include "python/python_values.hpp"

#include <fmt/format.h>

#include <limits>

namespace py = pybind11;

namespace nnsim::python {
std::uint64_t whole_number_argument(const py::object& value, const char* name, std::uint64_t min, std::uint64_t max) {
  if (!PyLong_Check(value.ptr()) || PyBool_Check(value.ptr())) {
    throw py::type_error(fmt::format("{} must be an int, not {}", name,
                                     std::string(py::str(py::type::handle_of(value).attr("__name__")))));
  }
  const integer number = integer_from_python(value);
  if (number < min) throw input_error(fmt::format("{}: {} is too small (at least {})", name, number.str(), min));
  if (number > max) throw input_error(fmt::format("{}: {} is too large (at most {})", name, number.str(), max));
  return number.convert_to<std::uint64_t>();
}

computation_arguments read_computation_arguments(const py::object& rule, const std::string& numbers,
                                                 const py::object& max_steps, const py::object& max_bits,
                                                 const py::object& max_memory, const py::object& max_precision) {
  computation_arguments arguments;
  if (!rule.is_none()) {
    if (!PyUnicode_Check(rule.ptr())) throw py::type_error("rule must be a str such as 'sequential', or None");
    arguments.rule = parse_rule_option(rule.cast<std::string>());
  }
  arguments.numbers = number_mode::parse(numbers);
  constexpr std::uint64_t size_max = std::numeric_limits<std::size_t>::max();
  arguments.limits.max_steps = whole_number_argument(max_steps, "max_steps", 0, std::numeric_limits<std::uint64_t>::max());
  arguments.limits.max_bits = whole_number_argument(max_bits, "max_bits", 1, size_max);
  arguments.limits.max_memory = whole_number_argument(max_memory, "max_memory", 1, size_max);
  arguments.limits.max_precision =
      static_cast<unsigned>(whole_number_argument(max_precision, "max_precision", 2, 100000));
  return arguments;
}

run_request make_run_request(const network& net, const py::object& input, const py::object& word,
                             const computation_arguments& arguments) {
  run_request request;
  if (!input.is_none() && !word.is_none()) throw input_error("give the input or a word, not both");
  if (!word.is_none()) {
    if (!PyUnicode_Check(word.ptr())) throw py::type_error("word must be a str over 0 and 1, such as '0110'");
    if (net.inputs.size() != 1) {
      throw input_error(fmt::format("word needs a network with one input neuron, but the network has {}{}; use input",
                                    net.inputs.size(),
                                    net.inputs.empty() ? "" : " (" + join_neuron_names(net, net.inputs) + ")"));
    }
    request.input.push_back(delta_encode(word.cast<std::string>()));
  } else if (!input.is_none()) {
    if (PyUnicode_Check(input.ptr())) throw py::type_error("input must be a list of values, not a str");
    for (py::handle item : py::iter(input)) {
      real_value value = real_from_python(item, "input value");
      if (value.irrational) {
        request.input_expressions.resize(request.input.size() + 1);
        request.input_expressions.back() = std::move(value.irrational);
      }
      request.input.push_back(std::move(value.exact));
    }
    // One entry per input value, or none at all.
    if (!request.input_expressions.empty()) request.input_expressions.resize(request.input.size());
  }
  apply(arguments, request);
  return request;
}

void check_interrupt() {
  if (PyErr_CheckSignals() != 0) throw py::error_already_set();
}

run_monitor interrupt_monitor() {
  run_monitor monitor;
  monitor.progress = [](const run_progress&) { check_interrupt(); };
  return monitor;
}

}  // namespace nnsim::python
