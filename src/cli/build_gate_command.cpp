// nnsim build gate NAME: the lecture's logic gates as networks of unit-step
// neurons (logic_gates.hpp): one neuron for and, or, not, nand,
// nor, majority and atleast:K; two layers for xor and parity.
#include "cli/boolean_options.hpp"
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "nnsim/boolean/logic_gates.hpp"
#include "nnsim/io/network_writer.hpp"

#include <fmt/format.h>

#include <bit>
#include <memory>

namespace nnsim::cli {
namespace {

// The truth table of the gate, computed from its definition (not from the
// network), for the "check with" line; empty past 6 inputs.
std::string gate_table(const gate_spec& gate) {
  if (gate.arity > 6) return {};
  std::string table;
  const unsigned n = gate.arity;
  for (std::uint32_t v = 0; v < (std::uint32_t{1} << n); ++v) {
    const auto s = static_cast<unsigned>(std::popcount(v));
    bool value = false;
    switch (gate.kind) {
      case gate_kind::and_gate: value = s == n; break;
      case gate_kind::or_gate: value = s > 0; break;
      case gate_kind::not_gate: value = s == 0; break;
      case gate_kind::nand_gate: value = s < n; break;
      case gate_kind::nor_gate: value = s == 0; break;
      case gate_kind::majority: value = 2 * s > n; break;
      case gate_kind::at_least: value = s >= gate.threshold; break;
      case gate_kind::xor_gate:
      case gate_kind::parity: value = s % 2 == 1; break;
    }
    table += value ? '1' : '0';
  }
  return table;
}

}  // namespace

command add_build_gate_command(CLI::App& build) {
  struct gate_options {
    std::string name;
    std::string arity;
    std::string output;
    CLI::Option* arity_option = nullptr;
  };
  auto options = std::make_shared<gate_options>();
  CLI::App* sub = build.add_subcommand("gate", "A logic gate of unit-step neurons: and, or, not, nand, nor, "
                                                "majority, atleast:K, xor, parity");
  sub->add_option("NAME", options->name,
                  "and, or, not, nand, nor, majority, atleast:K (at least K inputs are 1), xor, parity")
      ->required()
      ->type_name("");
  options->arity_option = sub->add_option("--arity", options->arity,
                                          "the number of inputs n (default: 1 for not, 3 for majority, max(2, K) "
                                          "for atleast:K, 2 otherwise; xor has 2, for n use parity)")
                              ->type_name("N");
  add_output_option(*sub, options->output);
  sub->footer(help_footer(
      "The lecture shows that one unit-step neuron computes AND, OR and NOT; so does it every threshold of the "
      "number of ones (nand, nor, majority, atleast:K), with integer weights. XOR needs two layers: xor is the "
      "lecture's network (lines P1 and P2). parity of n inputs uses n + 1 neurons: h_k fires when at least k "
      "inputs are 1, and y adds them with alternating signs. Inputs are x1 ... xn, the output is y.",
      {
      "nnsim build gate and --arity 3              # y = step(-3 + x1 + x2 + x3)",
      "nnsim build gate xor -o xor.nn              # the lecture's XOR network",
      "nnsim build gate atleast:2 --arity 4",
      "nnsim build gate parity --arity 4 | nnsim truth -",
      }));

  command result;
  result.app = sub;
  result.execute = [options]() {
    std::optional<unsigned> arity;
    if (options->arity_option->count() > 0) arity = parse_count(options->arity, "--arity");
    const gate_spec gate = parse_gate(options->name, arity);
    network net = build_gate(gate);
    std::string command_line = "nnsim build gate " + gate_name(gate);
    if (arity) command_line += fmt::format(" --arity {}", gate.arity);
    if (!options->output.empty() && options->output != "-") command_line += " -o " + options->output;
    const std::string file = options->output.empty() || options->output == "-" ? "FILE" : options->output;
    const std::string table = gate_table(gate);
    net.comment += fmt::format("\nBuilt with: {}\nCheck with: nnsim truth {}{}", command_line, file,
                               table.empty() ? "" : " --expect " + table);
    write_output(write_network(net), options->output);
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
