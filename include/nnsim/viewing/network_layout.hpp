// Where each part of a network is drawn (nnsim view): the neurons grouped by
// the dotted prefixes of their names (neuron_groups.hpp) and, inside each
// group, its items (neurons and closed subgroups) in layers
// (layered_layout.hpp).  An edge between two neurons is laid out in the
// innermost group that holds both, between the two items there that hold
// them; so opening or closing a box moves the others but never reorders
// them, and the drawing needs no new layout when a person opens a group.
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/viewing/neuron_groups.hpp"

#include <cstdint>
#include <vector>

namespace nnsim {

// One edge of the drawing: the term `weight * y_source` of the target's
// equation (or a distance argument, which has no sign: distance is set).
struct drawn_edge {
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  rational weight;
  bool distance = false;
};

struct network_layout {
  neuron_grouping grouping;
  // By group, by item of the group (the order of neuron_group::items).
  std::vector<std::vector<std::uint32_t>> ranks;
  std::vector<std::vector<std::uint32_t>> orders;
  // By group, by item: the place on its ring and the ring's size, or -1
  // and 0 (layered_layout.hpp).
  std::vector<std::vector<std::int32_t>> ring_slots;
  std::vector<std::vector<std::uint32_t>> ring_sizes;
  std::vector<drawn_edge> edges;   // in equation order
};

network_layout lay_out_network(const network& net);

}  // namespace nnsim
