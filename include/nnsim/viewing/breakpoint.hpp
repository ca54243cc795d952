// Where a stepper moving forward stops (nnsim step's `break`): at a step, at
// a state where a neuron's value compares with a number, or at a step that
// changed a neuron.  A comparison is exact in every number mode: a rational
// as it is, a double or MPFR value as the dyadic rational it is, and an
// interval only when all of its numbers compare the same way -- one that
// holds numbers on both sides decides nothing, and says so.
//
//   breakpoint b = breakpoint::compare(y, comparison::greater, rational(0));
//   truth t = compare_value(state, index(y), comparison::greater, rational(0));
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/state_values.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace nnsim {

enum class comparison { greater, greater_equal, less, less_equal, equal, not_equal };

// ">", ">=", "<", "<=", "==", "!=".
std::string_view symbol_of(comparison c);
// The comparison a symbol names; nothing for any other text.
std::optional<comparison> parse_comparison(std::string_view symbol);

// The answer of an exact comparison: an interval may leave it open.
enum class truth { no, yes, undecided };

// Whether value i of `values` `c` `bound`.  A NaN decides nothing
// (undecided); an infinity compares as the limit it stands for.
truth compare_value(const state_view& values, std::size_t i, comparison c, const rational& bound);

struct breakpoint {
  enum class kind {
    step,     // the state y(time) is reached
    compare,  // neuron's value `relation` value holds in the state reached
    changed,  // the step that reached the state changed neuron's value
  };
  kind what = kind::step;
  std::uint64_t time = 0;
  neuron_id neuron{};
  comparison relation = comparison::equal;
  rational value;

  static breakpoint at_step(std::uint64_t time) { return {kind::step, time, {}, comparison::equal, {}}; }
  static breakpoint compare(neuron_id neuron, comparison relation, rational value) {
    return {kind::compare, 0, neuron, relation, std::move(value)};
  }
  static breakpoint on_change(neuron_id neuron) { return {kind::changed, 0, neuron, comparison::equal, {}}; }
};

// Whether `b` stops at y(time), `state`, which the step with the changed
// neurons `changed` (by index) produced.
truth breakpoint_holds(const breakpoint& b, std::uint64_t time, const state_view& state,
                       std::span<const std::uint32_t> changed);

}  // namespace nnsim
