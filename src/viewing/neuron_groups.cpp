#include "nnsim/viewing/neuron_groups.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace nnsim {
namespace {

// The name and its dotted prefixes, longest first: `a.b.c`, `a.b`, `a`.
std::vector<std::string_view> prefixes_of(std::string_view name) {
  std::vector<std::string_view> prefixes = {name};
  for (std::size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0;
       dot = name.rfind('.', dot - 1)) {
    prefixes.push_back(name.substr(0, dot));
  }
  return prefixes;
}

// The groups before the ones with a single item are left out: each prefix
// that at least two neurons share, its parent the longest shorter one.
struct prefix_tree {
  std::vector<std::string> names;                      // [0] is the whole network ("")
  std::vector<std::uint32_t> parents;                  // [0] unused
  std::vector<std::vector<group_item>> items;
  std::vector<std::uint32_t> group_of;                 // by neuron
};

prefix_tree build_prefix_tree(const network& net) {
  std::map<std::string_view, std::uint32_t> counts;
  for (const neuron& n : net.neurons) {
    for (std::string_view prefix : prefixes_of(n.name)) ++counts[prefix];
  }
  prefix_tree tree;
  tree.names.push_back("");
  std::map<std::string_view, std::uint32_t> index_of;  // prefix -> group
  const auto innermost = [&](std::string_view name, bool count_whole_name) -> std::uint32_t {
    for (std::string_view prefix : prefixes_of(name)) {
      if (!count_whole_name && prefix == name) continue;
      if (const auto found = index_of.find(prefix); found != index_of.end()) return found->second;
    }
    return 0;
  };
  // Shorter prefixes first, so that a parent exists before its subgroups.
  std::vector<std::string_view> shared;
  for (const auto& [prefix, count] : counts) {
    if (count >= 2) shared.push_back(prefix);
  }
  std::stable_sort(shared.begin(), shared.end(), [](std::string_view a, std::string_view b) {
    return std::count(a.begin(), a.end(), '.') < std::count(b.begin(), b.end(), '.');
  });
  for (std::string_view prefix : shared) {
    const std::uint32_t parent = innermost(prefix, false);
    index_of.emplace(prefix, static_cast<std::uint32_t>(tree.names.size()));
    tree.names.emplace_back(prefix);
    tree.parents.resize(tree.names.size());
    tree.parents.back() = parent;
  }
  tree.parents.resize(tree.names.size());
  tree.items.resize(tree.names.size());
  // Items in the order of their first neuron: a subgroup enters its parent
  // when its first neuron is met.
  std::vector<bool> entered(tree.names.size(), false);
  entered[0] = true;
  for (std::size_t i = 0; i < net.neurons.size(); ++i) {
    const std::uint32_t group = innermost(net.neurons[i].name, true);
    tree.group_of.push_back(group);
    // Enter the chain of groups from the innermost outward, outermost first.
    std::vector<std::uint32_t> chain;
    for (std::uint32_t g = group; !entered[g]; g = tree.parents[g]) chain.push_back(g);
    for (auto g = chain.rbegin(); g != chain.rend(); ++g) {
      entered[*g] = true;
      tree.items[tree.parents[*g]].push_back({true, *g});
    }
    tree.items[group].push_back({false, static_cast<std::uint32_t>(i)});
  }
  return tree;
}

}  // namespace

neuron_grouping group_neurons(const network& net) {
  prefix_tree tree = build_prefix_tree(net);
  const std::size_t count = tree.names.size();

  // A group of one item gives it to its parent, in its place; deepest
  // first, so that a chain of single items collapses whole.  The whole
  // network keeps its place and takes the items of a lone subgroup.
  std::vector<bool> removed(count, false);
  for (std::size_t g = count; g-- > 1;) {
    if (tree.items[g].size() != 1) continue;
    const group_item only = tree.items[g].front();
    auto& siblings = tree.items[tree.parents[g]];
    *std::find(siblings.begin(), siblings.end(), group_item{true, static_cast<std::uint32_t>(g)}) = only;
    if (only.is_group) tree.parents[only.index] = tree.parents[g];
    removed[g] = true;
  }
  while (tree.items[0].size() == 1 && tree.items[0].front().is_group) {
    const std::uint32_t only = tree.items[0].front().index;
    tree.items[0] = tree.items[only];
    for (const group_item& item : tree.items[0]) {
      if (item.is_group) tree.parents[item.index] = 0;
    }
    removed[only] = true;
  }

  // Renumber what is left, parents before subgroups (the order of `names`
  // already has shorter prefixes first).
  std::vector<std::uint32_t> new_index(count, 0);
  neuron_grouping grouping;
  for (std::size_t g = 0; g < count; ++g) {
    if (removed[g]) continue;
    new_index[g] = static_cast<std::uint32_t>(grouping.groups.size());
    neuron_group group;
    group.name = tree.names[g];
    if (g != 0) group.parent = new_index[tree.parents[g]];
    grouping.groups.push_back(std::move(group));
  }
  for (std::size_t g = 0; g < count; ++g) {
    if (removed[g]) continue;
    for (group_item item : tree.items[g]) {
      if (item.is_group) item.index = new_index[item.index];
      grouping.groups[new_index[g]].items.push_back(item);
    }
  }
  // A removed group's neurons belong to the group that took its items.
  const auto surviving = [&](std::uint32_t g) {
    while (removed[g]) {
      // Its items went to its parent, or to the whole network.
      g = g == 0 ? 0 : tree.parents[g];
    }
    return new_index[g];
  };
  for (std::uint32_t g : tree.group_of) grouping.group_of.push_back(surviving(g));
  // Counts, subgroups before their parents.
  for (std::size_t g = grouping.groups.size(); g-- > 0;) {
    for (const group_item& item : grouping.groups[g].items) {
      grouping.groups[g].neuron_count += item.is_group ? grouping.groups[item.index].neuron_count : 1;
    }
  }
  return grouping;
}

}  // namespace nnsim
