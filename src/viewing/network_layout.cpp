#include "nnsim/viewing/network_layout.hpp"

#include "nnsim/viewing/layered_layout.hpp"

#include <algorithm>
#include <utility>

namespace nnsim {
namespace {

std::vector<drawn_edge> edges_of(const network& net) {
  std::vector<drawn_edge> edges;
  for (const equation& e : net.equations) {
    const auto target = static_cast<std::uint32_t>(index(e.target));
    for (const weighted_input& input : e.inputs) {
      edges.push_back({static_cast<std::uint32_t>(index(input.source)), target, input.weight, false});
    }
    for (const distance_argument& argument : e.arguments) {
      edges.push_back({static_cast<std::uint32_t>(index(argument.source)), target, rational(1), true});
    }
  }
  return edges;
}

// The groups holding a neuron, innermost first, ending with 0 (the whole network).
std::vector<std::uint32_t> groups_holding(const neuron_grouping& grouping, std::uint32_t neuron) {
  std::vector<std::uint32_t> chain;
  for (std::uint32_t g = grouping.group_of[neuron];; g = *grouping.groups[g].parent) {
    chain.push_back(g);
    if (!grouping.groups[g].parent) break;
  }
  return chain;
}

}  // namespace

network_layout lay_out_network(const network& net) {
  network_layout layout;
  layout.grouping = group_neurons(net);
  layout.edges = edges_of(net);
  const neuron_grouping& grouping = layout.grouping;
  const std::size_t group_count = grouping.groups.size();

  // The position of each neuron and each subgroup in the item list of its group.
  std::vector<std::uint32_t> neuron_slot(net.neurons.size()), group_slot(group_count, 0);
  for (const neuron_group& group : grouping.groups) {
    for (std::size_t k = 0; k < group.items.size(); ++k) {
      (group.items[k].is_group ? group_slot : neuron_slot)[group.items[k].index] = static_cast<std::uint32_t>(k);
    }
  }

  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> item_edges(group_count);
  std::vector<std::vector<std::uint32_t>> chains(net.neurons.size());
  for (std::uint32_t n = 0; n < net.neurons.size(); ++n) chains[n] = groups_holding(grouping, n);
  for (const drawn_edge& edge : layout.edges) {
    const auto& from = chains[edge.source];
    const auto& to = chains[edge.target];
    // The innermost common group, and the items in it that hold either end.
    std::size_t i = from.size(), j = to.size();
    while (i > 0 && j > 0 && from[i - 1] == to[j - 1]) --i, --j;
    const std::uint32_t common = from[i];
    const std::uint32_t from_item = i == 0 ? neuron_slot[edge.source] : group_slot[from[i - 1]];
    const std::uint32_t to_item = j == 0 ? neuron_slot[edge.target] : group_slot[to[j - 1]];
    item_edges[common].emplace_back(from_item, to_item);
  }

  for (std::size_t g = 0; g < group_count; ++g) {
    const auto items = static_cast<std::uint32_t>(grouping.groups[g].items.size());
    layered_layout drawn = lay_out_in_layers(items, item_edges[g]);
    layout.ranks.push_back(std::move(drawn.rank));
    layout.orders.push_back(std::move(drawn.order));
    layout.ring_slots.push_back(std::move(drawn.ring_slot));
    layout.ring_sizes.push_back(std::move(drawn.ring_size));
  }
  return layout;
}

}  // namespace nnsim
