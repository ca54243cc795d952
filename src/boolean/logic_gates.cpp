// The gates of logic_gates.hpp.  The weights are the lecture's (XOR: the
// lines P1 and P2); everything is integer, so every network is exact in any
// number mode.
#include "nnsim/boolean/logic_gates.hpp"

#include "boolean/boolean_network_builder.hpp"
#include "nnsim/support/error.hpp"
#include "support/spelling_suggestion.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>
#include <utility>
#include <vector>

namespace nnsim {
namespace {

using namespace construction;

std::string_view gate_names_list() { return "and, or, not, nand, nor, majority, atleast:K, xor, parity"; }

std::string gate_network_name(const gate_spec& gate) {
  switch (gate.kind) {
    case gate_kind::and_gate: return fmt::format("and{}", gate.arity);
    case gate_kind::or_gate: return fmt::format("or{}", gate.arity);
    case gate_kind::not_gate: return "not";
    case gate_kind::nand_gate: return fmt::format("nand{}", gate.arity);
    case gate_kind::nor_gate: return fmt::format("nor{}", gate.arity);
    case gate_kind::majority: return fmt::format("majority{}", gate.arity);
    case gate_kind::at_least: return fmt::format("atleast{}_of_{}", gate.threshold, gate.arity);
    case gate_kind::xor_gate: return "xor";
    case gate_kind::parity: return fmt::format("parity{}", gate.arity);
  }
  return "gate";
}

// A gate of one neuron y = step(bias + weight (x1 + ... + xn)).
network single_neuron_gate(const gate_spec& gate, long bias, int weight, std::string why) {
  network_builder b(gate_network_name(gate), gate.arity);
  b.net.comment = fmt::format(
      "{} with one unit-step neuron.\n"
      "The lecture: one neuron computes AND, OR and NOT; so does any threshold of the number of ones.",
      describe_gate(gate));
  b.add_step(b.y, bias, b.all_inputs(weight), std::move(why));
  return std::move(b.net);
}

network xor_network() {
  network_builder b("xor", 2);
  b.net.comment =
      "XOR of two bits: the lecture's two-layer network of unit-step neurons (no single neuron\n"
      "computes XOR: its ones (1,0), (0,1) and zeros (0,0), (1,1) are not linearly separable).";
  const neuron_id h1 = b.add_step("h1", -1, {{b.x[0], 2}, {b.x[1], 2}},
                                  "P1: -1 + 2 x1 + 2 x2 >= 0, at least one input is 1 (OR)");
  const neuron_id h2 =
      b.add_step("h2", 3, {{b.x[0], -2}, {b.x[1], -2}}, "P2: 3 - 2 x1 - 2 x2 >= 0, not both inputs are 1 (NAND)");
  b.add_step(b.y, -2, {{h1, 1}, {h2, 1}}, "AND of the two half-planes");
  return std::move(b.net);
}

network parity_network(const gate_spec& gate) {
  const unsigned n = gate.arity;
  network_builder b(gate_network_name(gate), n);
  b.net.comment = fmt::format(
      "Parity of {} (y = 1 iff an odd number of them is 1): {} unit-step neurons, two layers.\n"
      "h_k fires iff at least k inputs are 1, so with s ones exactly h_1 ... h_s fire, and the\n"
      "alternating sum h_1 - h_2 + h_3 - ... is 1 for odd s and 0 for even s.\n"
      "(The lecture's two-layer construction needs 2^{} hidden neurons, one per vector with F = 1.)",
      inputs_text(n), n + 1, n - 1);
  std::vector<term> alternating;
  for (unsigned k = 1; k <= n; ++k) {
    const std::string comment =
        k == 1 ? fmt::format("h_k = step({} - k) fires iff at least k inputs are 1, k = 1 ... {}", sum_text(n), n)
               : std::string();
    const neuron_id h = b.add_step(fmt::format("h{}", k), -static_cast<long>(k), b.all_inputs(1), comment);
    alternating.push_back({h, k % 2 == 1 ? 1 : -1});
  }
  b.add_step(b.y, -1, alternating, "y = 1 iff h_1 - h_2 + h_3 - ... = 1, i.e. the number of ones is odd");
  return std::move(b.net);
}

}  // namespace

// --------------------------------------------------------- gates, public --

gate_spec parse_gate(std::string_view name, std::optional<unsigned> arity) {
  gate_spec gate;
  if (name == "and") {
    gate.kind = gate_kind::and_gate;
  } else if (name == "or") {
    gate.kind = gate_kind::or_gate;
  } else if (name == "not") {
    gate.kind = gate_kind::not_gate;
  } else if (name == "nand") {
    gate.kind = gate_kind::nand_gate;
  } else if (name == "nor") {
    gate.kind = gate_kind::nor_gate;
  } else if (name == "majority") {
    gate.kind = gate_kind::majority;
  } else if (name == "xor") {
    gate.kind = gate_kind::xor_gate;
  } else if (name == "parity") {
    gate.kind = gate_kind::parity;
  } else if (name.starts_with("atleast")) {
    gate.kind = gate_kind::at_least;
    if (!name.starts_with("atleast:")) {
      throw input_error(fmt::format("gate '{}' needs its threshold: atleast:K, e.g. atleast:2", name));
    }
    const std::string_view k = name.substr(8);
    unsigned value = 0;
    const auto [end, error] = std::from_chars(k.data(), k.data() + k.size(), value);
    if (k.empty() || error != std::errc() || end != k.data() + k.size()) {
      throw input_error(fmt::format("gate '{}': the threshold '{}' is not a whole number", name, k));
    }
    if (value == 0) throw input_error(fmt::format("gate '{}': the threshold must be at least 1", name));
    gate.threshold = value;
  } else {
    static constexpr std::array<std::string_view, 9> gates{"and",      "or",      "not", "nand",  "nor",
                                                           "majority", "atleast", "xor", "parity"};
    const std::string hint = did_you_mean(name, gates);
    if (!hint.empty()) throw input_error(fmt::format("unknown gate '{}'{}", name, hint));
    throw input_error(fmt::format("unknown gate '{}' (the gates are {})", name, gate_names_list()));
  }

  const unsigned default_arity = gate.kind == gate_kind::not_gate  ? 1
                                 : gate.kind == gate_kind::majority ? 3
                                 : gate.kind == gate_kind::at_least ? std::max(2u, gate.threshold)
                                                                    : 2;
  gate.arity = arity.value_or(default_arity);
  if (gate.arity < 1 || gate.arity > max_gate_arity) {
    throw input_error(fmt::format("a gate has 1 to {} inputs, not {}", max_gate_arity, gate.arity));
  }
  if (gate.kind == gate_kind::not_gate && gate.arity != 1) {
    throw input_error(fmt::format("not has one input, not {}", gate.arity));
  }
  if (gate.kind == gate_kind::xor_gate && gate.arity != 2) {
    throw input_error(fmt::format("xor is the lecture's network for two inputs, not {}; for n inputs use parity",
                                  gate.arity));
  }
  if (gate.kind == gate_kind::at_least && gate.threshold > gate.arity) {
    throw input_error(fmt::format("atleast:{} needs at least {} inputs, not {}", gate.threshold, gate.threshold,
                                  gate.arity));
  }
  return gate;
}

std::string gate_name(const gate_spec& gate) {
  switch (gate.kind) {
    case gate_kind::and_gate: return "and";
    case gate_kind::or_gate: return "or";
    case gate_kind::not_gate: return "not";
    case gate_kind::nand_gate: return "nand";
    case gate_kind::nor_gate: return "nor";
    case gate_kind::majority: return "majority";
    case gate_kind::at_least: return fmt::format("atleast:{}", gate.threshold);
    case gate_kind::xor_gate: return "xor";
    case gate_kind::parity: return "parity";
  }
  return "?";
}

std::string describe_gate(const gate_spec& gate) {
  const unsigned n = gate.arity;
  switch (gate.kind) {
    case gate_kind::and_gate: return fmt::format("AND of {}", inputs_text(n));
    case gate_kind::or_gate: return fmt::format("OR of {}", inputs_text(n));
    case gate_kind::not_gate: return "NOT of 1 input";
    case gate_kind::nand_gate: return fmt::format("NAND of {}", inputs_text(n));
    case gate_kind::nor_gate: return fmt::format("NOR of {}", inputs_text(n));
    case gate_kind::majority: return fmt::format("Majority of {} (more than half are 1)", inputs_text(n));
    case gate_kind::at_least: return fmt::format("At least {} of {} are 1", gate.threshold, inputs_text(n));
    case gate_kind::xor_gate: return "XOR of 2 inputs";
    case gate_kind::parity: return fmt::format("Parity of {} (an odd number are 1)", inputs_text(n));
  }
  return "?";
}

network build_gate(const gate_spec& gate) {
  const long n = gate.arity;
  switch (gate.kind) {
    case gate_kind::and_gate:
      return single_neuron_gate(gate, -n, 1, fmt::format("y = 1 iff {} >= {}: all inputs are 1", sum_text(gate.arity), n));
    case gate_kind::or_gate:
      return single_neuron_gate(gate, -1, 1, fmt::format("y = 1 iff {} >= 1: some input is 1", sum_text(gate.arity)));
    case gate_kind::not_gate: return single_neuron_gate(gate, 0, -1, "y = 1 iff -x1 >= 0: x1 is 0");
    case gate_kind::nand_gate:
      return single_neuron_gate(gate, n - 1, -1,
                                fmt::format("y = 1 iff {} <= {}: some input is 0", sum_text(gate.arity), n - 1));
    case gate_kind::nor_gate:
      return single_neuron_gate(gate, 0, -1, fmt::format("y = 1 iff {} <= 0: all inputs are 0", sum_text(gate.arity)));
    case gate_kind::majority:
      return single_neuron_gate(gate, -(n / 2 + 1), 1,
                                fmt::format("y = 1 iff {} >= {}: more than half of the {} inputs are 1",
                                            sum_text(gate.arity), n / 2 + 1, n));
    case gate_kind::at_least:
      return single_neuron_gate(gate, -static_cast<long>(gate.threshold), 1,
                                fmt::format("y = 1 iff {} >= {}", sum_text(gate.arity), gate.threshold));
    case gate_kind::xor_gate: return xor_network();
    case gate_kind::parity: return parity_network(gate);
  }
  throw std::logic_error("unknown gate kind");
}

}  // namespace nnsim
