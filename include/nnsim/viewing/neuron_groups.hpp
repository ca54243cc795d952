// Neurons grouped by the dotted prefixes of their names, so that a network
// of hundreds of neurons can be drawn as a dozen boxes that open: the
// constructions name their parts that way (`tm.q0.read`, `in.rho.up1`), and
// so can anyone who writes a .nn file.
//
// A prefix P is a group when at least two neurons are named P or P.<more>.
// A neuron belongs to the longest group prefix of its name, counting the
// whole name: `in.rho` is in the group `in.rho` with `in.rho.c`.  A group
// that would hold a single item (one neuron, or one group) is left out and
// its item takes its place, so no box opens onto just one other box.
// A group of more than 60 items (a layer of 2,000 neurons without dots in
// their names) is split into runs of at most 50 consecutive items, named by
// their first and last neuron, `x1 … x50`, so that no box opens onto more
// than a person can take in.
#pragma once

#include "nnsim/model/network.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nnsim {

// A group's direct member: a neuron (by index) or a subgroup (by index).
struct group_item {
  bool is_group = false;
  std::uint32_t index = 0;
  friend bool operator==(const group_item&, const group_item&) = default;
};

struct neuron_group {
  std::string name;                      // the prefix; empty for the whole network
  std::optional<std::uint32_t> parent;   // none for the whole network
  std::vector<group_item> items;         // in the order of their first neuron in the file
  std::uint32_t neuron_count = 0;        // neurons inside, at any depth
};

struct neuron_grouping {
  // groups[0] is the whole network; a parent comes before its subgroups.
  std::vector<neuron_group> groups;
  // The innermost group of each neuron, by neuron index.
  std::vector<std::uint32_t> group_of;
};

neuron_grouping group_neurons(const network& net);

}  // namespace nnsim
