// Languages (docs/python.md, "Languages"): δ-codes, words in shortlex
// order, Turing machines run directly and compiled into networks, and
// language recognition by a network -- `nnsim encode`, `decode`, `tm`,
// `build machine`, `recognize` and `check machine`.
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/languages/machine_check.hpp"
#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/languages/turing_machine.hpp"
#include "python/bindings.hpp"
#include "python/computation_arguments.hpp"
#include "python/named_tuple.hpp"
#include "python/network_class.hpp"
#include "python/python_values.hpp"

#include <fmt/format.h>
#include <pybind11/stl.h>

#include <limits>

namespace py = pybind11;

namespace nnsim::python {
namespace {

using machine_ptr = std::shared_ptr<turing_machine>;

py::handle recognition_class;
py::handle machine_run_class;
py::handle machine_check_class;

py::list state_names(const turing_machine& machine, const std::vector<char>& flags) {
  py::list list;
  for (std::size_t s = 0; s < machine.state_count(); ++s) {
    if (flags[s]) list.append(py::str(machine.states[s]));
  }
  return list;
}

std::size_t length_argument(const py::object& value, const char* name) {
  return whole_number_argument(value, name, 0, max_enumerated_length);
}

recognition_options recognition_arguments(const computation_arguments& arguments) {
  recognition_options options;
  apply(arguments, options);
  options.monitor = interrupt_monitor();
  return options;
}

}  // namespace

void bind_languages(py::module_& m) {
  m.def(
      "encode", [](const std::string& word) { return to_python(delta_encode(word)); }, py::arg("word"),
      "δ(word) as a Fraction: the binary fraction 0.w1...wn1, so encode('11001') == Fraction(51, 64) and "
      "encode('') == Fraction(1, 2).  Raises InputError for a character other than 0 and 1.");
  m.def(
      "decode", [](const py::object& code) { return delta_decode(rational_from_python(code, "δ-code")); },
      py::arg("code"),
      "The word whose δ-code is `code` (a Fraction, int, float or str such as '51/64'): decode('51/64') == "
      "'11001'.  Raises InputError when it is not a δ-code (a/2^m with a odd, m >= 1, between 0 and 1).");
  m.def(
      "all_words", [](const py::object& max_length) { return all_words_up_to(length_argument(max_length, "max_length")); },
      py::arg("max_length"),
      "Every word over 0/1 of length 0 ... max_length in shortlex order: ['', '0', '1', '00', ...] "
      "(max_length at most 24).");

  recognition_class = define_named_tuple(
      m, "Recognition", {"word", "verdict", "steps"},
      "The verdict of a network on one word (Network.recognize): 'accept' (halted with output > 0), 'reject' "
      "(halted with output <= 0), 'reject-diverges' (provably never halts) or 'undecided' (max_steps came "
      "first), and the steps of the computation.");
  machine_run_class = define_named_tuple(
      m, "MachineRun", {"outcome", "steps", "cycle"},
      "A Turing machine run directly on one word (Machine.run): outcome 'accept', 'reject', 'runs-forever' "
      "(a configuration repeated) or 'undecided', the transitions applied, and (start, period) of the "
      "repetition when it runs forever, else None.");
  machine_check_class = define_named_tuple(
      m, "MachineCheck",
      {"words", "accept", "reject", "reject_diverges", "undecided", "mismatches", "neurons", "edges"},
      "The result of check_machine: how many words were checked, the network's verdict counts, the words on "
      "which the network and the machine disagree (a list), and the size of the compiled network.");

  py::class_<turing_machine, machine_ptr>(m, "Machine",
                                          "A deterministic one-tape Turing machine over the input alphabet {0, 1} "
                                          "(docs/machine-format.md).  Made by load_machine and parse_machine.")
      .def_property_readonly("name", [](const turing_machine& tm) { return tm.name; })
      .def_property_readonly(
          "states", [](const turing_machine& tm) { return tm.states; }, "Every state, in order of appearance.")
      .def_property_readonly(
          "symbols", [](const turing_machine& tm) { return std::string(tm.symbols.begin(), tm.symbols.end()); },
          "The tape symbols, in the order of the `tape` statement.")
      .def_property_readonly(
          "blank", [](const turing_machine& tm) { return std::string(1, tm.symbols[tm.blank]); }, "The blank.")
      .def_property_readonly(
          "start", [](const turing_machine& tm) { return tm.states[tm.start]; }, "The start state.")
      .def_property_readonly(
          "accepting", [](const turing_machine& tm) { return state_names(tm, tm.accepting); },
          "The accepting states.")
      .def_property_readonly(
          "rejecting", [](const turing_machine& tm) { return state_names(tm, tm.rejecting); },
          "The rejecting states.")
      .def(
          "run",
          [](const turing_machine& tm, const std::string& word, const py::object& max_steps) {
            const machine_run run = run_machine(
                tm, word, whole_number_argument(max_steps, "max_steps", 0, std::numeric_limits<std::uint64_t>::max()));
            const py::object cycle = run.outcome == machine_outcome::runs_forever
                                         ? py::object(py::make_tuple(run.cycle_start, run.cycle_period))
                                         : py::object(py::none());
            return machine_run_class(std::string(name_of(run.outcome)), run.steps, cycle);
          },
          py::arg("word"), py::kw_only(), py::arg("max_steps") = default_max_steps,
          "Runs the machine on `word` for at most max_steps transitions, as `nnsim tm` does, and returns a "
          "MachineRun.")
      .def("__repr__", [](const turing_machine& tm) {
        return fmt::format("<nnsim.Machine {}: {} states, tape {}>", tm.name, tm.state_count(),
                           std::string(tm.symbols.begin(), tm.symbols.end()));
      });

  m.def(
      "load_machine", [](const std::string& path) { return std::make_shared<turing_machine>(load_machine_file(path)); },
      py::arg("path"), "Loads a `.tm` file (docs/machine-format.md).  Raises InputError.");
  m.def(
      "parse_machine",
      [](const std::string& text, const std::string& name) {
        return std::make_shared<turing_machine>(parse_machine(text, name));
      },
      py::arg("text"), py::arg("name") = "<string>",
      "Parses the text of a `.tm` file; `name` stands for the file in error messages.  Raises InputError.");
  m.def(
      "compile_machine",
      [](const turing_machine& tm) { return std::make_shared<network>(compile_machine(tm)); }, py::arg("machine"),
      "The machine compiled into a network of sat neurons with rational weights, one input and one output "
      "neuron, that recognizes its language on δ-codes (what `nnsim build machine` writes; "
      "docs/languages.md).");
  m.def(
      "check_machine",
      [](const turing_machine& tm, const py::object& max_length, const py::object& max_steps,
         const py::object& max_bits, const py::object& max_memory) {
        const computation_arguments arguments =
            read_computation_arguments(py::none(), "rational", max_steps, max_bits, max_memory);
        const machine_check_report report =
            check_compiled_machine(tm, length_argument(max_length, "max_length"), recognition_arguments(arguments),
                                   [](std::uint64_t, std::uint64_t) { check_interrupt(); });
        const recognition_report& r = report.recognition;
        py::list mismatches;
        for (const recognized_word& w : r.words) mismatches.append(py::str(w.result.word));
        return machine_check_class(report.words, r.accepted, r.rejected, r.rejected_diverging, r.undecided,
                                   mismatches, report.neurons, report.edges);
      },
      py::arg("machine"), py::arg("max_length") = 8, py::kw_only(), py::arg("max_steps") = default_max_steps,
      py::arg("max_bits") = default_max_bits, py::arg("max_memory") = default_max_memory,
      "Compiles the machine and compares the network's verdict with the machine run directly on every word of "
      "length 0 ... max_length, as `nnsim check machine` does; returns a MachineCheck.");

  network_class cls = network_class_of(m);
  cls.def(
      "recognize",
      [](const network_ptr& net, const py::object& words, const py::object& rule, const std::string& numbers,
         const py::object& max_steps, const py::object& max_bits, const py::object& max_memory,
         const py::object& max_precision) {
        const std::vector<std::string> list = strings_from_python(words, "words");
        const recognition_options options =
            recognition_arguments(
                read_computation_arguments(rule, numbers, max_steps, max_bits, max_memory, max_precision));
        py::list results;
        recognize_each(*net, {list.size(), [&](std::uint64_t i) { return list[i]; }}, options, nullptr,
                       [&](std::uint64_t, recognized_word&& entry) {
                         results.append(recognition_class(entry.result.word,
                                                          std::string(name_of(entry.result.verdict)),
                                                          entry.result.steps));
                         check_interrupt();
                       });
        return results;
      },
      py::arg("words"), py::kw_only(), py::arg("rule") = py::none(), py::arg("numbers") = "rational",
      py::arg("max_steps") = default_max_steps, py::arg("max_bits") = default_max_bits,
      py::arg("max_memory") = default_max_memory, py::arg("max_precision") = default_max_precision,
      "Classifies each word (a list of str over 0/1; '' is the empty word) by the network's computation on its "
      "δ-code, as `nnsim recognize` does: a list of Recognition (word, verdict, steps).  The network must have "
      "one input and one output neuron.  The other arguments are those of run.");
}

}  // namespace nnsim::python
