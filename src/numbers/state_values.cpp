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

template class value_access<state_values>;
template class value_access<state_view>;

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

bool operator==(const state_values& a, const state_values& b) {
  if (a.values_.index() != b.values_.index() || a.size() != b.size()) return false;
  return std::visit(
      [&b](const auto& left) {
        using num = typename std::remove_cvref_t<decltype(left)>::value_type;
        const auto& right = std::get<std::vector<num>>(b.values_);
        for (std::size_t i = 0; i < left.size(); ++i) {
          if constexpr (std::is_same_v<num, interval_number>) {
            using ops = arithmetic<num>;
            if (mpfr_equal_p(ops::lower(left[i]), ops::lower(right[i])) == 0 ||
                mpfr_equal_p(ops::upper(left[i]), ops::upper(right[i])) == 0) {
              return false;
            }
          } else if (!arithmetic<num>::equal(left[i], right[i])) {
            return false;
          }
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
