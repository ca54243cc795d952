#include "nnsim/model/rule_checks.hpp"

#include "nnsim/model/network_analysis.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

namespace nnsim {

std::optional<std::string> layered_rule_problem(const network& net) {
  const auto cycle = find_cycle(net);
  if (!cycle) return std::nullopt;
  return fmt::format("rule 'layered' needs an acyclic network, but it has the cycle {}", describe_cycle(net, *cycle));
}

std::string sequential_order_check::repeated(std::string_view neuron_name) {
  return fmt::format("neuron '{}' appears twice in the sequential order", shorten(neuron_name));
}

}  // namespace nnsim
