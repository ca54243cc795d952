#include "nnsim/viewing/breakpoint.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>
#include <utility>

namespace nnsim {
namespace {

constexpr std::array<std::pair<comparison, std::string_view>, 6> symbols{{
    {comparison::greater, ">"},
    {comparison::greater_equal, ">="},
    {comparison::less, "<"},
    {comparison::less_equal, "<="},
    {comparison::equal, "=="},
    {comparison::not_equal, "!="},
}};

// Which orders the value can have against the bound: below, equal, above.
// A point value has exactly one; an interval may have several.
struct possible_orders {
  bool below = false;
  bool equal = false;
  bool above = false;
};

possible_orders order_of_sign(int sign) { return {sign < 0, sign == 0, sign > 0}; }

bool holds(comparison c, int order) {
  switch (c) {
    case comparison::greater: return order > 0;
    case comparison::greater_equal: return order >= 0;
    case comparison::less: return order < 0;
    case comparison::less_equal: return order <= 0;
    case comparison::equal: return order == 0;
    case comparison::not_equal: return order != 0;
  }
  return false;
}

std::optional<possible_orders> orders(const state_view& values, std::size_t i, const rational& bound) {
  return std::visit(
      [&](auto span) -> std::optional<possible_orders> {
        using Num = std::remove_const_t<typename decltype(span)::element_type>;
        const Num& value = span[i];
        if constexpr (std::is_same_v<Num, rational>) {
          return order_of_sign(value.compare(bound));
        } else if constexpr (std::is_same_v<Num, double>) {
          if (std::isnan(value)) return std::nullopt;
          if (std::isinf(value)) return order_of_sign(value > 0 ? 1 : -1);
          return order_of_sign(rational(value).compare(bound));  // a double is a dyadic rational, exactly
        } else if constexpr (std::is_same_v<Num, real_number>) {
          if (mpfr_nan_p(value.get())) return std::nullopt;
          return order_of_sign(mpfr_cmp_q(value.get(), bound.backend().data()));
        } else {
          const auto* lo = &value.get()->left;
          const auto* hi = &value.get()->right;
          if (mpfr_nan_p(lo) || mpfr_nan_p(hi)) return std::nullopt;
          const int low = mpfr_cmp_q(lo, bound.backend().data());
          const int high = mpfr_cmp_q(hi, bound.backend().data());
          return possible_orders{low < 0, low <= 0 && high >= 0, high > 0};
        }
      },
      values.storage());
}

}  // namespace

std::string_view symbol_of(comparison c) {
  for (const auto& [kind, symbol] : symbols) {
    if (kind == c) return symbol;
  }
  return "?";
}

std::optional<comparison> parse_comparison(std::string_view symbol) {
  for (const auto& [kind, text] : symbols) {
    if (text == symbol) return kind;
  }
  return std::nullopt;
}

truth compare_value(const state_view& values, std::size_t i, comparison c, const rational& bound) {
  if (i >= values.size()) throw std::out_of_range("compare_value: no such value");
  const std::optional<possible_orders> possible = orders(values, i, bound);
  if (!possible) return truth::undecided;
  bool some_true = false;
  bool some_false = false;
  const std::array<std::pair<bool, int>, 3> cases{{{possible->below, -1}, {possible->equal, 0}, {possible->above, 1}}};
  for (const auto& [can, order] : cases) {
    if (!can) continue;
    (holds(c, order) ? some_true : some_false) = true;
  }
  if (some_true && some_false) return truth::undecided;
  return some_true ? truth::yes : truth::no;
}

truth breakpoint_holds(const breakpoint& b, std::uint64_t time, const state_view& state,
                       std::span<const std::uint32_t> changed) {
  switch (b.what) {
    case breakpoint::kind::step: return time == b.time ? truth::yes : truth::no;
    case breakpoint::kind::compare: return compare_value(state, index(b.neuron), b.relation, b.value);
    case breakpoint::kind::changed:
      return std::find(changed.begin(), changed.end(), static_cast<std::uint32_t>(index(b.neuron))) !=
                     changed.end()
                 ? truth::yes
                 : truth::no;
  }
  return truth::no;
}

}  // namespace nnsim
