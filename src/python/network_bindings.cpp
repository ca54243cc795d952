// nnsim.Network, nnsim.load and nnsim.parse: a network from a `.nn` file or
// text, what it consists of, and its canonical text (docs/python.md,
// "Networks").
#include "nnsim/io/dot_writer.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "python/bindings.hpp"
#include "python/network_class.hpp"
#include "python/python_values.hpp"

#include <fmt/format.h>

namespace py = pybind11;

namespace nnsim::python {
namespace {

std::string repr(const network& net) {
  return fmt::format("<nnsim.Network {}: inputs {}; outputs {}; {} neurons>", net.name.empty() ? "(unnamed)" : net.name,
                     net.inputs.empty() ? "none" : join_neuron_names(net, net.inputs),
                     net.outputs.empty() ? "none" : join_neuron_names(net, net.outputs), net.size());
}

py::dict equations(const network& net) {
  py::dict dict;
  for (const equation& e : net.equations) {
    dict[py::str(net.name_of(e.target))] = fmt::format("{}({})", write_activation(e), write_potential(net, e));
  }
  return dict;
}

// A rational init value is its Fraction, however written; an irrational
// constant has no Fraction, and is its name as written ('r', '-r').
py::dict init_values(const network& net) {
  py::dict dict;
  for (const neuron& n : net.neurons) {
    if (!n.init) continue;
    dict[py::str(n.name)] = n.init_constant.is_irrational() ? py::object(py::str(write_value(*n.init, n.init_constant)))
                                                            : to_python(*n.init);
  }
  return dict;
}

// {name: expression} for the `const` statements, as the canonical form
// writes them.
py::dict constants(const network& net) {
  py::dict dict;
  for (const real_constant_ptr& c : net.constants) dict[py::str(c->name)] = to_string(*c->expression);
  return dict;
}

}  // namespace

void bind_networks(py::module_& m) {
  network_class cls(m, "Network",
                    "A network of neurons, one update equation each, as a `.nn` file writes it (docs/format.md).\n\n"
                    "Made by nnsim.load, nnsim.parse and the constructions (build_gate, build_boolean, "
                    "compile_machine).  str(net) is its canonical text.");
  cls.def_property_readonly(
         "name", [](const network& net) { return net.name; }, "The name of `network NAME`, or '' without one.")
      .def_property_readonly(
          "neurons",
          [](const network& net) {
            py::list list;
            for (const neuron& n : net.neurons) list.append(py::str(n.name));
            return list;
          },
          "Every neuron's name, in order of first appearance in the text.")
      .def_property_readonly(
          "inputs", [](const network& net) { return names(net, net.inputs); }, "The input neurons, in order.")
      .def_property_readonly(
          "outputs", [](const network& net) { return names(net, net.outputs); }, "The output neurons, in order.")
      .def_property_readonly(
          "rule", [](const network& net) { return describe_rule(net, net.rule); },
          "The network's update rule as the file states it: 'parallel', 'sequential h1, h2', "
          "'random seed 42', ...")
      .def_property_readonly("equations", &equations,
                             "{neuron: equation} for every neuron with an equation, in the order of the text: "
                             "{'h1': 'step(-1 + 2 x1 + 2 x2)', ...}.")
      .def_property_readonly("init", &init_values,
                             "{neuron: Fraction} for the neurons with an `init` value; an irrational constant's "
                             "name as written ('r', '-r') where the value is one.")
      .def_property_readonly("constants", &constants,
                             "{name: expression} for the `const` statements, in the order of the text: "
                             "{'r': 'sqrt(2) / 2'}.")
      .def("to_text", &write_network, "The network in canonical form (what `nnsim fmt` prints).")
      .def("__str__", &write_network)
      .def("to_dot", &write_dot, "The network for Graphviz (what `nnsim dot` prints).")
      .def("__repr__", &repr)
      .def(
          "__eq__",
          [](const network& a, const py::object& b) -> py::object {
            if (!py::isinstance<network>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(same_network(a, b.cast<const network&>()));
          },
          py::is_operator())
      .attr("__hash__") = py::none();

  m.def(
      "load", [](const std::string& path) { return std::make_shared<network>(load_network_file(path)); },
      py::arg("path"),
      "Loads a `.nn` file (docs/format.md); '-' reads standard input.  Raises InputError, located at the "
      "offending token, for a file that does not load.");
  m.def(
      "parse",
      [](const std::string& text, const std::string& name) {
        return std::make_shared<network>(parse_network(text, name));
      },
      py::arg("text"), py::arg("name") = "<string>",
      "Parses the text of a `.nn` file; `name` stands for the file in error messages.  Raises InputError.");
}

}  // namespace nnsim::python
