#include "nnsim/languages/compiled_configuration.hpp"

#include "nnsim/languages/machine_compiler.hpp"

#include "languages/machine_labels.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nnsim {
namespace {

const rational& value_of(const network& net, std::span<const rational> state, const std::string& name) {
  const auto id = net.find(name);
  if (!id || index(*id) >= state.size()) {
    throw input_error(fmt::format("the network has no neuron {}: it is not the compiled machine", name));
  }
  return state[index(*id)];
}

// The symbols of a stack, top first: X = Σ d_i B^-i with odd digits d_i in
// 1 .. B - 1, so the top digit is floor(B X) (the rest is less than 1).
std::string stack_cells(const turing_machine& machine, const std::vector<std::optional<std::uint32_t>>& order,
                        rational x, const std::string& name) {
  const rational base(static_cast<long>(2 * order.size()));
  std::string cells;
  if (x < 0 || x >= 1) throw input_error(fmt::format("{} = {} is not a stack code: it is not in [0, 1)", name, to_string(x)));
  // A stack code has a finite expansion in base B: its reduced denominator
  // divides a power of B.  Checked first, so that the loop below ends.
  integer rest = denominator(x);
  const integer b = integer(2 * order.size());
  for (integer g = boost::multiprecision::gcd(rest, b); g > 1; g = boost::multiprecision::gcd(rest, b)) rest /= g;
  if (rest != 1) {
    throw input_error(fmt::format("{} = {} is not a stack code: its expansion in base {} does not end", name,
                                  to_string(x), to_string(base)));
  }
  while (x != 0) {
    x *= base;
    const integer digit = numerator(x) / denominator(x);  // floor: x > 0
    x -= rational(digit);
    if (digit % 2 == 0) {
      throw input_error(fmt::format("{} is not a stack code: digit {} of it is even", name, cells.size() + 1));
    }
    const auto rank = integer((digit - 1) / 2).convert_to<std::size_t>();
    if (!order[rank]) {
      cells.push_back('?');  // an unassigned block of the input, never a tape symbol
    } else {
      cells.push_back(machine.symbols[*order[rank]]);
    }
  }
  return cells;
}

}  // namespace

machine_configuration read_compiled_configuration(const turing_machine& machine, const network& net,
                                                  std::span<const rational> state) {
  machine_configuration configuration;
  bool found = false;
  for (std::uint32_t q = 0; q < machine.state_count(); ++q) {
    const std::string name = "tm.A.s." + state_label(machine, q);
    const rational& v = value_of(net, state, name);
    if (v == 1) {
      if (found) throw input_error("two state neurons of configuration A are 1: the state is between two steps");
      found = true;
      configuration.state = q;
    } else if (v != 0) {
      throw input_error(fmt::format("{} = {}: the state is between two steps of the machine", name, to_string(v)));
    }
  }
  if (!found) throw input_error("no state neuron of configuration A is 1: the state is between two steps");
  const auto order = compiled_digit_order(machine);
  const std::string left = stack_cells(machine, order, value_of(net, state, "tm.A.L"), "tm.A.L");
  std::string right = stack_cells(machine, order, value_of(net, state, "tm.A.R"), "tm.A.R");
  if (right.empty()) right.push_back(machine.symbols[machine.blank]);  // the head's cell
  configuration.tape.assign(left.rbegin(), left.rend());
  configuration.tape += right;
  configuration.first_cell = -static_cast<std::int64_t>(left.size());
  configuration.head = 0;
  return configuration;
}

}  // namespace nnsim
