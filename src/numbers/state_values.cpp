#include "nnsim/numbers/state_values.hpp"

#include "numbers/number_arithmetic.hpp"
#include "nnsim/numbers/value_format.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>
#include <type_traits>

namespace nnsim {
namespace {

template <class Sequence>
void check_index(const Sequence& values, std::size_t i) {
  if (i >= values.size()) {
    throw std::out_of_range(fmt::format("value {} of {} asked for", i, values.size()));
  }
}

template <class Num>
constexpr const char* type_name() {
  if constexpr (std::is_same_v<Num, rational>) return "rational";
  else if constexpr (std::is_same_v<Num, real_number>) return "real:P";
  else if constexpr (std::is_same_v<Num, interval_number>) return "interval";
  else return "double";
}

const char* mode_of(std::size_t index) {
  static constexpr const char* names[] = {"rational", "real:P", "double", "interval"};
  return names[index];
}

rational exact_value(const rational& value) { return value; }

rational exact_value(const real_number& value) {
  if (!mpfr_number_p(value.get())) throw std::domain_error("an infinity or NaN is not a rational number");
  rational result;
  mpfr_get_q(result.backend().data(), value.get());
  return result;
}

rational exact_value(const interval_number& value) {
  if (!value.is_point()) throw std::domain_error("an interval that is not a point is not one rational number");
  if (!mpfr_number_p(&value.get()->left)) throw std::domain_error("an infinity or NaN is not a rational number");
  rational result;
  mpfr_get_q(result.backend().data(), &value.get()->left);
  return result;
}

rational exact_value(double value) {
  if (!std::isfinite(value)) throw std::domain_error("an infinity or NaN is not a rational number");
  return rational(value);  // mpq_set_d: exact
}

double nearest_double(const rational& value) { return value.convert_to<double>(); }
double nearest_double(const real_number& value) { return mpfr_get_d(value.get(), MPFR_RNDN); }
double nearest_double(double value) { return value; }
double nearest_double(const interval_number& value) {
  const double lower = mpfr_get_d(&value.get()->left, MPFR_RNDN);
  const double upper = mpfr_get_d(&value.get()->right, MPFR_RNDN);
  return lower == upper ? lower : lower / 2 + upper / 2;
}

// One value against another of the same type: equal as numbers, intervals
// with equal bounds.
template <class Num>
bool equal_values(const Num& left, const Num& right) {
  if constexpr (std::is_same_v<Num, interval_number>) {
    using ops = arithmetic<Num>;
    return mpfr_equal_p(ops::lower(left), ops::lower(right)) != 0 &&
           mpfr_equal_p(ops::upper(left), ops::upper(right)) != 0;
  } else {
    return arithmetic<Num>::equal(left, right);
  }
}

[[noreturn]] void wrong_type(const char* wanted, std::size_t held) {
  throw std::logic_error(fmt::format("the values are {} numbers, not {} ones", mode_of(held), wanted));
}

}  // namespace

namespace detail {

template <class Derived>
int value_access<Derived>::sign(std::size_t i) const {
  return std::visit(
      [i](const auto& values) {
        check_index(values, i);
        using num = std::remove_cvref_t<decltype(values[i])>;
        return arithmetic<num>::sign(values[i]);
      },
      self().storage());
}

template <class Derived>
std::optional<std::pair<std::string, std::string>> value_access<Derived>::bounds_text(std::size_t i) const {
  return std::visit(
      [i](const auto& values) -> std::optional<std::pair<std::string, std::string>> {
        check_index(values, i);
        using num = std::remove_cvref_t<decltype(values[i])>;
        if constexpr (std::is_same_v<num, interval_number>) {
          return interval_bounds_text(values[i]);
        } else {
          return std::nullopt;
        }
      },
      self().storage());
}

template <class Derived>
std::string value_access<Derived>::text(std::size_t i) const {
  return std::visit(
      [i](const auto& values) {
        check_index(values, i);
        return format_value(values[i]);
      },
      self().storage());
}

template <class Derived>
std::vector<std::string> value_access<Derived>::texts() const {
  return std::visit(
      [](const auto& values) {
        std::vector<std::string> text;
        text.reserve(values.size());
        for (const auto& v : values) text.push_back(format_value(v));
        return text;
      },
      self().storage());
}

template <class Derived>
rational value_access<Derived>::to_rational(std::size_t i) const {
  return std::visit(
      [i](const auto& values) {
        check_index(values, i);
        return exact_value(values[i]);
      },
      self().storage());
}

template <class Derived>
double value_access<Derived>::approximation(std::size_t i) const {
  return std::visit(
      [i](const auto& values) {
        check_index(values, i);
        return nearest_double(values[i]);
      },
      self().storage());
}

template <class Derived>
template <class Other>
bool value_access<Derived>::same_value(std::size_t i, const value_access<Other>& other, std::size_t j) const {
  return std::visit(
      [&](const auto& left, const auto& right) {
        check_index(left, i);
        check_index(right, j);
        using left_num = std::remove_cvref_t<decltype(left[i])>;
        using right_num = std::remove_cvref_t<decltype(right[j])>;
        if constexpr (std::is_same_v<left_num, right_num>) {
          return equal_values(left[i], right[j]);
        } else {
          return false;
        }
      },
      self().storage(), static_cast<const Other&>(other).storage());
}

template class value_access<state_values>;
template class value_access<state_view>;
template bool value_access<state_values>::same_value(std::size_t, const value_access<state_values>&, std::size_t) const;
template bool value_access<state_values>::same_value(std::size_t, const value_access<state_view>&, std::size_t) const;
template bool value_access<state_view>::same_value(std::size_t, const value_access<state_values>&, std::size_t) const;
template bool value_access<state_view>::same_value(std::size_t, const value_access<state_view>&, std::size_t) const;

}  // namespace detail

template <class Num>
const std::vector<Num>& state_values::as() const {
  if (const auto* values = std::get_if<std::vector<Num>>(&values_)) return *values;
  wrong_type(type_name<Num>(), values_.index());
}

template const std::vector<rational>& state_values::as<rational>() const;
template const std::vector<real_number>& state_values::as<real_number>() const;
template const std::vector<double>& state_values::as<double>() const;
template const std::vector<interval_number>& state_values::as<interval_number>() const;

state_view state_values::view() const {
  return std::visit([](const auto& values) { return state_view(std::span(values)); }, values_);
}

void state_values::assign(std::size_t i, const state_view& from, std::size_t j) {
  std::visit(
      [&](auto& values) {
        using num = typename std::remove_cvref_t<decltype(values)>::value_type;
        const std::span<const num> source = from.as<num>();
        check_index(values, i);
        check_index(source, j);
        values[i] = source[j];
      },
      values_);
}

bool operator==(const state_values& a, const state_values& b) {
  if (a.values_.index() != b.values_.index() || a.size() != b.size()) return false;
  return std::visit(
      [&b](const auto& left) {
        using num = typename std::remove_cvref_t<decltype(left)>::value_type;
        const auto& right = std::get<std::vector<num>>(b.values_);
        for (std::size_t i = 0; i < left.size(); ++i) {
          if (!equal_values(left[i], right[i])) return false;
        }
        return true;
      },
      a.values_);
}

template <class Num>
std::span<const Num> state_view::as() const {
  if (const auto* values = std::get_if<std::span<const Num>>(&values_)) return *values;
  wrong_type(type_name<Num>(), values_.index());
}

template std::span<const rational> state_view::as<rational>() const;
template std::span<const real_number> state_view::as<real_number>() const;
template std::span<const double> state_view::as<double>() const;
template std::span<const interval_number> state_view::as<interval_number>() const;

state_values state_view::copy() const {
  return std::visit(
      [](const auto& values) {
        using num = typename std::remove_cvref_t<decltype(values)>::value_type;
        return state_values(std::vector<std::remove_const_t<num>>(values.begin(), values.end()));
      },
      values_);
}

}  // namespace nnsim
