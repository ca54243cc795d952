// Network.run and its Result, Network.truth_table (docs/python.md,
// "Running"): one computation, as `nnsim run` makes it, and one for every
// 0/1 input, as `nnsim truth` does.
#include "nnsim/boolean/truth_table.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "python/bindings.hpp"
#include "python/computation_arguments.hpp"
#include "python/named_tuple.hpp"
#include "python/network_class.hpp"
#include "python/python_values.hpp"
#include "python/run_result_class.hpp"

#include <fmt/format.h>

namespace py = pybind11;

namespace nnsim::python {
namespace {

py::handle truth_row_class;

struct truth_table_result {
  network_ptr net;
  truth_table table;
};

py::list truth_rows(const truth_table_result& t) {
  py::list rows;
  for (std::size_t r = 0; r < t.table.rows.size(); ++r) {
    const truth_table_row& row = t.table.rows[r];
    py::tuple input(t.table.arity);
    for (unsigned j = 1; j <= t.table.arity; ++j) input[j - 1] = py::int_(t.table.input_bit(r, j) ? 1 : 0);
    rows.append(truth_row_class(input, std::string(name_of(row.status)), row.steps, to_python(row.outputs.view())));
  }
  return rows;
}

}  // namespace

void bind_runs(py::module_& m) {
  bind_run_result(m);

  truth_row_class = define_named_tuple(
      m, "TruthRow", {"input", "status", "steps", "outputs"},
      "One row of Network.truth_table: the input vector (a tuple of 0 and 1), the verdict ('halted', "
      "'diverges', 'undecided'), the steps and the output neurons' values.");

  py::class_<truth_table_result>(m, "TruthTable",
                                 "The computations of a network on every 0/1 input (Network.truth_table), in "
                                 "binary counting order with the first input neuron as the most significant bit.")
      .def_property_readonly("rows", &truth_rows, "One TruthRow per input vector.")
      .def_property_readonly(
          "function",
          [](const truth_table_result& t) -> py::object {
            const auto f = computed_function(t.table);
            return f ? py::object(py::str(f->table())) : py::object(py::none());
          },
          "The Boolean function computed, as a truth table such as '0110', when the network has one output and "
          "every row halted with 0 or 1; None otherwise.")
      .def("__iter__", [](const truth_table_result& t) { return py::iter(truth_rows(t)); })
      .def("__len__", [](const truth_table_result& t) { return t.table.rows.size(); })
      .def("__repr__", [](const truth_table_result& t) {
        const auto f = computed_function(t.table);
        return fmt::format("<nnsim.TruthTable of {} rows, function {}>", t.table.rows.size(),
                           f ? "'" + f->table() + "'" : "None");
      });

  network_class cls = network_class_of(m);
  cls.def(
      "run",
      [](const network_ptr& net, const py::object& input, const py::object& word, const py::object& rule,
         const std::string& numbers, const py::object& max_steps, const py::object& max_bits,
         const py::object& max_memory, const py::object& max_precision) {
        const computation_arguments arguments =
            read_computation_arguments(rule, numbers, max_steps, max_bits, max_memory, max_precision);
        run_request request = make_run_request(*net, input, word, arguments);
        request.monitor = interrupt_monitor();
        return run_result_object{net, run_network(*net, request)};
      },
      py::arg("input") = py::none(), py::kw_only(), py::arg("word") = py::none(), py::arg("rule") = py::none(),
      py::arg("numbers") = "rational", py::arg("max_steps") = default_max_steps,
      py::arg("max_bits") = default_max_bits, py::arg("max_memory") = default_max_memory,
      py::arg("max_precision") = default_max_precision,
      "Runs one computation, as `nnsim run` does, and returns its Result.\n\n"
      "input: one value per input neuron, in input order: int, Fraction, float (its exact binary value) or "
      "str ('1/3', '-0.25', '2e-3').  word: instead of input, a str over 0/1 whose δ-code is the input of a "
      "network with one input neuron.  rule: None (the network's rule), 'parallel', 'sequential', 'layered', "
      "'random' or 'random:SEED'.  numbers: 'rational' (exact), 'double', 'real:P', 'interval:P' or "
      "'certified' (docs/reals.md).  max_steps: the states "
      "y(0) ... y(max_steps) are examined.  max_bits: LimitError when an exact value needs more bits.  "
      "max_memory: LimitError when the computation would keep more bytes (its saved states and table of seen "
      "states).  max_precision: numbers='certified' tries 64, 128, ... bits up to this.\n\nRaises InputError for a bad input, rule or number mode, LimitError past a limit, and "
      "KeyboardInterrupt on Ctrl-C.");

  cls.def(
      "truth_table",
      [](const network_ptr& net, const py::object& rule, const std::string& numbers, const py::object& max_steps,
         const py::object& max_bits, const py::object& max_memory, const py::object& max_precision) {
        truth_table_request request;
        apply(read_computation_arguments(rule, numbers, max_steps, max_bits, max_memory, max_precision), request);
        request.progress = [](std::uint64_t, std::uint64_t) { check_interrupt(); };
        return truth_table_result{net, compute_truth_table(*net, request)};
      },
      py::kw_only(), py::arg("rule") = py::none(), py::arg("numbers") = "rational",
      py::arg("max_steps") = default_max_steps, py::arg("max_bits") = default_max_bits,
      py::arg("max_memory") = default_max_memory, py::arg("max_precision") = default_max_precision,
      "Runs the network on every 0/1 input vector, as `nnsim truth` does, and returns a TruthTable.  The "
      "arguments are those of run.");
}

}  // namespace nnsim::python
