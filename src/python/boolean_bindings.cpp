// Boolean functions (docs/python.md, "Boolean functions"): the lecture's
// gates, the two-layer network for any function, and exact linear
// separability with its proof -- `nnsim build gate`, `build boolean` and
// `separable`.
#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/boolean/linear_separability.hpp"
#include "nnsim/boolean/logic_gates.hpp"
#include "nnsim/boolean/neuron_network.hpp"
#include "nnsim/boolean/two_layer_network.hpp"
#include "nnsim/support/error.hpp"
#include "python/bindings.hpp"
#include "python/computation_arguments.hpp"
#include "python/named_tuple.hpp"
#include "python/network_class.hpp"
#include "python/python_values.hpp"

#include <fmt/format.h>

#include <limits>

namespace py = pybind11;

namespace nnsim::python {
namespace {

py::handle certificate_class;

// The function given as a truth table ("0110") or a formula ("x1 ^ x2").
boolean_function function_argument(const py::object& table, const py::object& formula, const py::object& arity) {
  if (!table.is_none() && !formula.is_none()) {
    throw input_error("give the function as a truth table or a formula, not both");
  }
  if (table.is_none() && formula.is_none()) {
    throw input_error("give the function as a truth table (e.g. '0110') or a formula (e.g. formula='x1 ^ x2')");
  }
  if (!table.is_none()) {
    if (!arity.is_none()) throw input_error("arity goes with a formula; a truth table of 2^n characters has n inputs");
    return boolean_function::from_table(table.cast<std::string>());
  }
  const auto n = arity.is_none() ? 0 : whole_number_argument(arity, "arity", 0, std::numeric_limits<unsigned>::max());
  return boolean_function::from_formula(formula.cast<std::string>(), static_cast<unsigned>(n));
}

// A separability answer with the points as the caller knows them: the
// Python objects given, or the 0/1 input vectors of a truth table as
// tuples of ints.
struct separability_object {
  separability_result result;
  py::list points;
};

py::object weights(const separability_object& s) {
  if (!s.result.separable) return py::none();
  py::list list;
  for (const integer& w : s.result.neuron.weights) list.append(to_python(w));
  return list;
}

py::object bias(const separability_object& s) {
  return s.result.separable ? py::object(to_python(s.result.neuron.bias)) : py::object(py::none());
}

py::object certificate(const separability_object& s) {
  if (s.result.separable) return py::none();
  const hull_certificate& c = s.result.certificate;
  const auto side = [&](const convex_combination& combination, py::list& points, py::list& coefficients) {
    for (std::size_t k = 0; k < combination.points.size(); ++k) {
      points.append(s.points[combination.points[k]]);
      coefficients.append(to_python(combination.coefficients[k]));
    }
  };
  py::list ones, ones_coefficients, zeros, zeros_coefficients, meeting_point;
  side(c.ones, ones, ones_coefficients);
  side(c.zeros, zeros, zeros_coefficients);
  for (const rational& x : c.meeting_point) meeting_point.append(to_python(x));
  return certificate_class(ones, ones_coefficients, zeros, zeros_coefficients, py::tuple(meeting_point));
}

std::string repr(const separability_object& s) {
  if (s.result.separable) {
    return fmt::format("Separability(separable=True, weights={}, bias={})", std::string(py::repr(weights(s))),
                       std::string(py::repr(bias(s))));
  }
  return fmt::format("Separability(separable=False, certificate={})", std::string(py::repr(certificate(s))));
}

labelled_points points_argument(const py::object& points, const py::object& labels, py::list& kept) {
  labelled_points data;
  for (py::handle point : py::iter(points)) {
    kept.append(point);
    data.points.push_back(rationals_from_python(point, "a point"));
  }
  data.dimension = data.points.empty() ? 0 : data.points.front().size();
  for (py::handle label : py::iter(labels)) {
    if (!PyLong_Check(label.ptr()) || (integer_from_python(label) != 0 && integer_from_python(label) != 1)) {
      throw input_error(fmt::format("a label must be 0 or 1 (or False or True), not {}", std::string(py::repr(label))));
    }
    data.labels.push_back(integer_from_python(label) == 1);
  }
  return data;
}

}  // namespace

void bind_boolean(py::module_& m) {
  m.def(
      "build_gate",
      [](const std::string& name, const py::object& arity) {
        std::optional<unsigned> n;
        if (!arity.is_none()) n = static_cast<unsigned>(whole_number_argument(arity, "arity", 0, max_gate_arity));
        return std::make_shared<network>(build_gate(parse_gate(name, n)));
      },
      py::arg("name"), py::arg("arity") = py::none(),
      "The logic gate `name` as a network of unit-step neurons, as `nnsim build gate` builds it: 'and', 'or', "
      "'not', 'nand', 'nor', 'majority', 'atleast:K', 'xor' (the lecture's two-layer network) or 'parity'.  "
      "arity: the number of inputs (default 1 for not, 3 for majority, max(2, K) for atleast:K, 2 otherwise).  "
      "Inputs x1 ... xn, output y.");
  m.def(
      "build_boolean",
      [](const py::object& table, const py::object& formula, const py::object& arity, bool cnf, bool minimize,
         bool layered) {
        two_layer_options options;
        options.form = cnf ? normal_form::cnf : normal_form::dnf;
        options.minimize = minimize;
        options.layered = layered;
        return std::make_shared<network>(build_two_layer(function_argument(table, formula, arity), options));
      },
      py::arg("table") = py::none(), py::kw_only(), py::arg("formula") = py::none(), py::arg("arity") = py::none(),
      py::arg("cnf") = false, py::arg("minimize") = false, py::arg("layered") = false,
      "The lecture's two-layer network for a Boolean function, as `nnsim build boolean` builds it.  The "
      "function is a truth table of 2^n characters 0/1 in binary counting order, x1 most significant ('0110' "
      "is XOR), or formula='x1 & !x2 | x3' (with arity when it has more inputs than its largest variable).  "
      "cnf: the dual construction; minimize: one hidden neuron per prime implicant of a minimum cover; "
      "layered: rule layered instead of parallel.");

  certificate_class = define_named_tuple(
      m, "Certificate", {"ones", "ones_coefficients", "zeros", "zeros_coefficients", "meeting_point"},
      "Proof that no unit-step neuron separates the points: the convex combination of the points labelled 1 "
      "(ones, with their coefficients) equals that of the points labelled 0, both being meeting_point.");

  py::class_<separability_object>(m, "Separability",
                                  "The answer of nnsim.separable, with its proof.  True in a condition when "
                                  "separable.")
      .def_property_readonly(
          "separable", [](const separability_object& s) { return s.result.separable; },
          "Whether one unit-step neuron y = 1 iff w·x + b >= 0 labels every point correctly.")
      .def_property_readonly("weights", &weights, "The neuron's integer weights when separable, else None.")
      .def_property_readonly("bias", &bias, "The neuron's integer bias when separable, else None.")
      .def_property_readonly("certificate", &certificate,
                             "A Certificate that no neuron exists when not separable, else None.")
      .def(
          "network",
          [](const separability_object& s, const std::string& name) {
            if (!s.result.separable) throw input_error("not separable: no neuron to write as a network");
            return std::make_shared<network>(neuron_network(s.result.neuron, name));
          },
          py::arg("name") = "separable",
          "The separating neuron as a network (inputs x1 ... xn, output y), as `nnsim separable` shows it.  "
          "Raises InputError "
          "when not separable.")
      .def("__bool__", [](const separability_object& s) { return s.result.separable; })
      .def("__repr__", &repr);

  m.def(
      "separable",
      [](const py::object& table, const py::object& formula, const py::object& arity, const py::object& points,
         const py::object& labels) {
        separability_object answer;
        if (!points.is_none() || !labels.is_none()) {
          if (!table.is_none() || !formula.is_none()) {
            throw input_error("give a Boolean function or points with labels, not both");
          }
          if (points.is_none() || labels.is_none()) throw input_error("points go with labels, one label per point");
          const labelled_points data = points_argument(points, labels, answer.points);
          answer.result = decide_separability(data, weight_choice::small);
          return answer;
        }
        const boolean_function f = function_argument(table, formula, arity);
        const labelled_points data = points_of(f);
        for (const std::vector<rational>& point : data.points) {
          py::tuple bits(point.size());
          for (std::size_t i = 0; i < point.size(); ++i) bits[i] = py::int_(point[i] == 0 ? 0 : 1);
          answer.points.append(bits);
        }
        answer.result = decide_separability(f, weight_choice::small);
        return answer;
      },
      py::arg("table") = py::none(), py::kw_only(), py::arg("formula") = py::none(), py::arg("arity") = py::none(),
      py::arg("points") = py::none(), py::arg("labels") = py::none(),
      "Decides exactly whether one unit-step neuron computes a Boolean function (a truth table or "
      "formula=..., as for build_boolean) or labels points (points=[(x1, ..., xn), ...] of rational values, "
      "labels=[0 or 1, ...]), as `nnsim separable` does.  Returns a Separability: integer weights and bias, "
      "checked on every point, or a Certificate that no neuron can exist.");
}

}  // namespace nnsim::python
