#include "python/python_values.hpp"

#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/numbers/value_format.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <cmath>
#include <variant>

namespace py = pybind11;

namespace nnsim::python {
namespace {

// fractions.Fraction, looked up once and kept for the life of the process.
py::handle fraction_class() {
  static const py::handle cls = py::object(py::module_::import("fractions").attr("Fraction")).release();
  return cls;
}

py::int_ int_from_mpz(mpz_srcptr z) {
  std::string digits(mpz_sizeinbase(z, 16) + 2, '\0');
  mpz_get_str(digits.data(), 16, z);
  PyObject* value = PyLong_FromString(digits.c_str(), nullptr, 16);
  if (value == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::int_>(value);
}

std::string type_name(py::handle value) { return py::str(py::type::handle_of(value).attr("__name__")); }

}  // namespace

py::int_ to_python(const integer& value) { return int_from_mpz(value.backend().data()); }

py::object to_python(const rational& value) {
  const mpq_srcptr q = value.backend().data();
  return fraction_class()(int_from_mpz(mpq_numref(q)), int_from_mpz(mpq_denref(q)));
}

py::object to_python(double value) { return py::float_(value); }

py::object to_python(const real_number& value) { return py::str(format_value(value)); }

py::object to_python(const interval_number& value) {
  const auto exact = [](mpfr_srcptr bound) {
    rational q;
    mpfr_get_q(q.backend().data(), bound);
    return to_python(q);
  };
  if (value.is_point()) return exact(&value.get()->left);
  return py::make_tuple(exact(&value.get()->left), exact(&value.get()->right));
}

py::list to_python(const state_view& values) {
  py::list list;
  std::visit(
      [&](const auto& span) {
        for (const auto& v : span) list.append(to_python(v));
      },
      values.storage());
  return list;
}

py::list to_fractions(const state_view& values) {
  py::list list;
  if (values.is_interval()) return to_python(values);  // points as Fractions, others as (lo, hi)
  for (std::size_t i = 0; i < values.size(); ++i) list.append(to_python(values.to_rational(i)));
  return list;
}

py::dict state_dict(const network& net, const state_view& values) {
  py::dict dict;
  std::visit(
      [&](const auto& span) {
        for (std::size_t i = 0; i < span.size(); ++i) dict[py::str(net.neurons[i].name)] = to_python(span[i]);
      },
      values.storage());
  return dict;
}

integer integer_from_python(py::handle value) {
  // "0x1f" or "-0x1f"
  PyObject* hex = PyNumber_ToBase(value.ptr(), 16);
  if (hex == nullptr) throw py::error_already_set();
  std::string text = py::reinterpret_steal<py::str>(hex);
  const bool negative = text.starts_with('-');
  integer result;
  mpz_set_str(result.backend().data(), text.c_str() + (negative ? 3 : 2), 16);
  return negative ? integer(-result) : result;
}

rational rational_from_python(py::handle value, std::string_view what) {
  if (PyLong_Check(value.ptr())) return rational(integer_from_python(value));
  if (PyUnicode_Check(value.ptr())) return parse_rational_value(value.cast<std::string>(), what);
  if (PyFloat_Check(value.ptr())) {
    const double d = value.cast<double>();
    if (!std::isfinite(d)) {
      throw input_error(fmt::format("invalid {} {}: not a finite number", what, std::string(py::repr(value))));
    }
    return rational(d);  // exact: mpq_set_d
  }
  if (py::hasattr(value, "as_integer_ratio")) {
    const py::tuple ratio = value.attr("as_integer_ratio")();
    rational result(integer_from_python(ratio[0]), integer_from_python(ratio[1]));
    return result;
  }
  throw py::type_error(fmt::format("{} must be an int, a Fraction, a float or a str such as '1/3', not {}", what,
                                   type_name(value)));
}

std::vector<rational> rationals_from_python(py::handle values, std::string_view what) {
  if (PyUnicode_Check(values.ptr())) {
    throw py::type_error(fmt::format("{} must be a list of values, not a str", what));
  }
  std::vector<rational> result;
  for (py::handle item : py::iter(values)) result.push_back(rational_from_python(item, "input value"));
  return result;
}

real_value real_from_python(py::handle value, std::string_view what) {
  if (PyUnicode_Check(value.ptr())) return parse_real_value(value.cast<std::string>(), what);
  return {rational_from_python(value, what), nullptr};
}

std::vector<std::string> strings_from_python(py::handle values, std::string_view what) {
  if (PyUnicode_Check(values.ptr())) {
    throw py::type_error(fmt::format("{} must be a list of str, not a str", what));
  }
  std::vector<std::string> result;
  for (py::handle item : py::iter(values)) {
    if (!PyUnicode_Check(item.ptr())) {
      throw py::type_error(fmt::format("{} must be a list of str, not of {}", what, type_name(item)));
    }
    result.push_back(item.cast<std::string>());
  }
  return result;
}

py::list names(const network& net, const std::vector<neuron_id>& ids) {
  py::list list;
  for (neuron_id id : ids) list.append(py::str(net.name_of(id)));
  return list;
}

}  // namespace nnsim::python
