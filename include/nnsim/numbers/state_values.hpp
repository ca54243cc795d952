// The values of a run in the number type of its mode: exact rationals
// (rational mode), MPFR values (real:P), doubles (double) or intervals that
// enclose the exact values (interval:P, certified).  A library user
// reads them as numbers (exact(), as<Num>(), sign(), to_rational()); text is
// made only on request, by text(), through value_format.hpp.
//
//   const run_result r = run_network(net, request);
//   if (r.state.is_exact()) rational y = r.state.exact()[0];
//   int s = r.outputs.sign(0);           // -1, 0 or 1, in every mode
//   std::string shown = r.outputs.text(0);
//
// state_view is the same interface over values that belong to someone else
// (the engine's state during a run, for trace observers); state_values owns
// its values and is copyable.
#pragma once

#include "nnsim/numbers/interval_number.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_number.hpp"

#include <cstddef>
#include <span>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace nnsim {

namespace detail {

// The operations shared by the owning and the viewing form, on a variant of
// four sequences (vectors or spans) of rational, real_number, double and
// interval_number.
template <class Derived>
class value_access {
 public:
  std::size_t size() const {
    return std::visit([](const auto& v) { return v.size(); }, self().storage());
  }
  bool empty() const { return size() == 0; }
  // Whether the values are exact rationals (rational mode).
  bool is_exact() const { return self().storage().index() == 0; }
  // Whether the values are intervals (interval:P, certified).
  bool is_interval() const { return self().storage().index() == 3; }
  // -1, 0 or 1 (0 also for a floating -0; NaN counts as 0).  Throws
  // std::out_of_range for a bad index, and std::domain_error for an
  // interval whose reals do not all have one sign.
  int sign(std::size_t i) const;
  // An interval that is not a point: its bounds as decimal text, rounded
  // outward (value_format.hpp).  Nothing for any other value.
  std::optional<std::pair<std::string, std::string>> bounds_text(std::size_t i) const;
  // The value as text (value_format.hpp).  Throws std::out_of_range.
  std::string text(std::size_t i) const;
  // Every value as text.
  std::vector<std::string> texts() const;
  // The exact value of value i: a double or an MPFR value is a dyadic
  // rational, and so is an interval that is a point.  Throws
  // std::out_of_range, and std::domain_error for an infinity, NaN or an
  // interval that is not a point.
  rational to_rational(std::size_t i) const;
  // Value i as the nearest double, or near it (an interval: its midpoint;
  // a rational too big for a double: an infinity): for pictures and plots,
  // never for a verdict.  Throws std::out_of_range.
  double approximation(std::size_t i) const;
  // Whether value i equals value j of `other` as numbers, as operator==
  // compares them (0 == -0; intervals with the same bounds); values of two
  // number types are never equal.  Throws std::out_of_range.
  template <class Other>
  bool same_value(std::size_t i, const value_access<Other>& other, std::size_t j) const;

 private:
  const Derived& self() const { return static_cast<const Derived&>(*this); }
};

}  // namespace detail

class state_view;

// Values owned, in one number type.  Default: no values, rational.
class state_values : public detail::value_access<state_values> {
 public:
  using storage_type = std::variant<std::vector<rational>, std::vector<real_number>, std::vector<double>,
                                    std::vector<interval_number>>;

  state_values() = default;
  explicit state_values(std::vector<rational> values) : values_(std::move(values)) {}
  explicit state_values(std::vector<real_number> values) : values_(std::move(values)) {}
  explicit state_values(std::vector<double> values) : values_(std::move(values)) {}
  explicit state_values(std::vector<interval_number> values) : values_(std::move(values)) {}

  // The values when they have type Num; throws std::logic_error otherwise.
  template <class Num>
  const std::vector<Num>& as() const;
  // The rationals of a rational-mode run; throws std::logic_error in the
  // floating modes.
  const std::vector<rational>& exact() const { return as<rational>(); }

  const storage_type& storage() const { return values_; }
  state_view view() const;
  // Value i becomes value j of `from`, in place: for keeping a copy of a
  // state up to date one changed value at a time.  Throws std::out_of_range,
  // and std::logic_error when `from` holds another number type.
  void assign(std::size_t i, const state_view& from, std::size_t j);

  // Same number type and equal values (as numbers: 0 == -0; intervals with
  // the same bounds).
  friend bool operator==(const state_values& a, const state_values& b);

 private:
  storage_type values_;
};

// Values someone else owns, valid as long as they are (during an observer
// call, for the engine's state).  Cheap to copy.
class state_view : public detail::value_access<state_view> {
 public:
  using storage_type =
      std::variant<std::span<const rational>, std::span<const real_number>, std::span<const double>,
                   std::span<const interval_number>>;

  state_view() = default;
  explicit state_view(std::span<const rational> values) : values_(values) {}
  explicit state_view(std::span<const real_number> values) : values_(values) {}
  explicit state_view(std::span<const double> values) : values_(values) {}
  explicit state_view(std::span<const interval_number> values) : values_(values) {}

  template <class Num>
  std::span<const Num> as() const;
  std::span<const rational> exact() const { return as<rational>(); }

  const storage_type& storage() const { return values_; }
  // A copy that owns its values.
  state_values copy() const;

 private:
  storage_type values_;
};

extern template class detail::value_access<state_values>;
extern template class detail::value_access<state_view>;

}  // namespace nnsim
