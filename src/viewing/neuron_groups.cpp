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

// More direct items than a person can take in at once: a group with more
// is split into consecutive runs of at most chunk_size, named by their first
// and last neuron ("x1 … x50"), and again if the runs are still too many.
constexpr std::size_t most_items = 60;
constexpr std::size_t chunk_size = 50;

std::string first_name(const network& net, const std::vector<neuron_group>& groups, group_item item) {
  while (item.is_group) item = groups[item.index].items.front();
  return net.neurons[item.index].name;
}

std::string last_name(const network& net, const std::vector<neuron_group>& groups, group_item item) {
  while (item.is_group) item = groups[item.index].items.back();
  return net.neurons[item.index].name;
}

// The network's inputs and outputs stay direct items when their group is
// split (the first and last columns of a drawing should not be hidden in a
// box), unless they alone are too many for one view.
void split_large_groups(const network& net, neuron_grouping& grouping) {
  auto& groups = grouping.groups;
  std::vector<bool> in_view(net.neurons.size(), false);
  for (neuron_id id : net.inputs) in_view[index(id)] = true;
  for (neuron_id id : net.outputs) in_view[index(id)] = true;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    while (groups[g].items.size() > most_items) {
      std::vector<group_item> old;
      std::vector<group_item> inputs_and_outputs;
      for (const group_item& item : groups[g].items) {
        (!item.is_group && in_view[item.index] ? inputs_and_outputs : old).push_back(item);
      }
      if (inputs_and_outputs.size() > most_items / 2) {
        old = std::move(groups[g].items);
        inputs_and_outputs.clear();
      }
      const std::size_t runs = (old.size() + chunk_size - 1) / chunk_size;
      const std::size_t size = (old.size() + runs - 1) / runs;
      std::vector<group_item> replaced = std::move(inputs_and_outputs);
      for (std::size_t start = 0; start < old.size(); start += size) {
        neuron_group run;
        run.parent = static_cast<std::uint32_t>(g);
        run.items.assign(old.begin() + static_cast<std::ptrdiff_t>(start),
                         old.begin() + static_cast<std::ptrdiff_t>(std::min(start + size, old.size())));
        run.name = first_name(net, groups, run.items.front()) + " … " + last_name(net, groups, run.items.back());
        const auto index = static_cast<std::uint32_t>(groups.size());
        for (const group_item& item : run.items) {
          if (item.is_group) {
            groups[item.index].parent = index;
          } else {
            grouping.group_of[item.index] = index;
          }
        }
        groups.push_back(std::move(run));
        replaced.push_back({true, index});
      }
      groups[g].items = std::move(replaced);
    }
  }
}

// Renumbers the groups breadth first from the whole network, so that a
// parent comes before its subgroups, and counts their neurons.
void renumber(neuron_grouping& grouping) {
  const auto& groups = grouping.groups;
  std::vector<std::uint32_t> order = {0};
  for (std::size_t k = 0; k < order.size(); ++k) {
    for (const group_item& item : groups[order[k]].items) {
      if (item.is_group) order.push_back(item.index);
    }
  }
  std::vector<std::uint32_t> new_index(groups.size());
  for (std::size_t k = 0; k < order.size(); ++k) new_index[order[k]] = static_cast<std::uint32_t>(k);
  std::vector<neuron_group> renumbered;
  for (std::uint32_t g : order) {
    neuron_group group = groups[g];
    if (group.parent) group.parent = new_index[*group.parent];
    for (group_item& item : group.items) {
      if (item.is_group) item.index = new_index[item.index];
    }
    group.neuron_count = 0;
    renumbered.push_back(std::move(group));
  }
  grouping.groups = std::move(renumbered);
  for (std::uint32_t& g : grouping.group_of) g = new_index[g];
  for (std::size_t g = grouping.groups.size(); g-- > 0;) {
    for (const group_item& item : grouping.groups[g].items) {
      grouping.groups[g].neuron_count += item.is_group ? grouping.groups[item.index].neuron_count : 1;
    }
  }
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
  split_large_groups(net, grouping);
  renumber(grouping);
  return grouping;
}

}  // namespace nnsim
