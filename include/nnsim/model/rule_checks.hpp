// The conditions an update rule puts on a network (semantics.md, section 3),
// each checked here once: by the loader (network_parser.hpp), located at the
// file's `rule` statement, and by the run (update_rule.hpp) for a rule given
// on the command line or a network built in code.
#pragma once

#include "nnsim/model/network.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace nnsim {

// Rule layered needs an acyclic network: nothing when it is, else the
// message naming a cycle ("rule 'layered' needs an acyclic network, but it
// has the cycle a -> b -> a").
std::optional<std::string> layered_rule_problem(const network& net);

// A sequential order names each neuron at most once.  Fed the order one
// neuron at a time, so that the loader reports the repetition as soon as it
// reads it.
class sequential_order_check {
 public:
  // False when the order already named `id`.
  bool add(neuron_id id) { return seen_.insert(index(id)).second; }
  // The message for a neuron named twice.
  static std::string repeated(std::string_view neuron_name);

 private:
  std::unordered_set<std::size_t> seen_;
};

}  // namespace nnsim
