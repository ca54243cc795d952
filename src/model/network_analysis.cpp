#include "nnsim/model/network_analysis.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <functional>
#include <iterator>
#include <queue>
#include <utility>

namespace nnsim {
namespace {

// The architecture: vertex i is neuron i, an edge u -> v for every u in
// pred(v).  pred(v) lists each neuron once, so there are no parallel edges;
// self-loops stay.  Boost's DFS (and so strong_components and
// topological_sort) is iterative, so deep networks cannot overflow the stack.
using architecture = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using vertex = boost::graph_traits<architecture>::vertex_descriptor;

architecture build_architecture(const network& net) {
  architecture graph(net.size());
  for (const equation& e : net.equations) {
    for (neuron_id source : e.predecessors()) boost::add_edge(index(source), index(e.target), graph);
  }
  return graph;
}

// Remembers the DFS tree and, at the first back edge u -> v, the cycle
// v -> ... -> u -> v it closes: v is an ancestor of u, so the tree path from
// v down to u plus the back edge is a cycle.
class cycle_recorder : public boost::default_dfs_visitor {
 public:
  cycle_recorder(std::vector<vertex>& parent, std::vector<vertex>& cycle) : parent_(&parent), cycle_(&cycle) {}

  void tree_edge(architecture::edge_descriptor e, const architecture& g) const {
    (*parent_)[boost::target(e, g)] = boost::source(e, g);
  }

  void back_edge(architecture::edge_descriptor e, const architecture& g) const {
    if (!cycle_->empty()) return;  // one cycle is enough; later back edges are ignored
    const vertex ancestor = boost::target(e, g);
    for (vertex v = boost::source(e, g); v != ancestor; v = (*parent_)[v]) cycle_->push_back(v);
    cycle_->push_back(ancestor);
    std::reverse(cycle_->begin(), cycle_->end());
  }

 private:
  // Pointers, because Boost copies the visitor by value.
  std::vector<vertex>* parent_;
  std::vector<vertex>* cycle_;
};

// find_cycle on a built graph.  The cycle is rotated to start at its smallest
// id, so that the same cycle is always named the same way.
std::optional<std::vector<neuron_id>> cycle_in(const architecture& graph) {
  std::vector<vertex> parent(boost::num_vertices(graph));
  std::vector<vertex> cycle;
  boost::depth_first_search(graph, boost::visitor(cycle_recorder(parent, cycle)));
  if (cycle.empty()) return std::nullopt;
  std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
  std::vector<neuron_id> result;
  result.reserve(cycle.size());
  for (vertex v : cycle) result.push_back(make_neuron_id(v));
  return result;
}

// compute_layers on a built graph: layer(v) = 0 without an equation, else
// 1 + max over pred(v), evaluated in topological order so that every
// predecessor is final before its successors read it.
std::optional<std::vector<std::size_t>> layers_of(const network& net, const architecture& graph) {
  std::vector<vertex> reverse_order;  // topological_sort writes sinks first
  reverse_order.reserve(boost::num_vertices(graph));
  try {
    boost::topological_sort(graph, std::back_inserter(reverse_order));
  } catch (const boost::not_a_dag&) {
    // Boost reports a cycle (self-loops included) only by throwing.
    return std::nullopt;
  }
  std::vector<std::size_t> layer(net.size(), 0);
  for (std::size_t i = 0; i < net.size(); ++i) {
    if (net.neurons[i].equation) layer[i] = 1;  // the maximum over no predecessors is 0
  }
  for (auto it = reverse_order.rbegin(); it != reverse_order.rend(); ++it) {
    for (auto [edge, end] = boost::out_edges(*it, graph); edge != end; ++edge) {
      const vertex next = boost::target(*edge, graph);
      layer[next] = std::max(layer[next], layer[*it] + 1);
    }
  }
  return layer;
}

// strongly_connected_components on a built graph.  Among the topological
// orders of the condensation it takes the one that always continues with the
// available component of smallest least id (Kahn's algorithm with a heap), so
// the order does not depend on DFS details, and an acyclic network whose ids
// already run sources first comes out in id order.
std::vector<std::vector<neuron_id>> components_of(const architecture& graph) {
  const std::size_t n = boost::num_vertices(graph);
  std::vector<std::size_t> component(n);
  const std::size_t count = n == 0 ? 0 : boost::strong_components(graph, component.data());

  std::vector<std::vector<neuron_id>> members(count);
  for (std::size_t v = 0; v < n; ++v) members[component[v]].push_back(make_neuron_id(v));  // ascending ids

  std::vector<std::vector<std::size_t>> successors(count);
  std::vector<std::size_t> pending_predecessors(count, 0);
  for (auto [edge, end] = boost::edges(graph); edge != end; ++edge) {
    const std::size_t from = component[boost::source(*edge, graph)];
    const std::size_t to = component[boost::target(*edge, graph)];
    if (from == to) continue;
    successors[from].push_back(to);
    ++pending_predecessors[to];  // duplicates are counted on both sides, so they cancel out
  }

  // The heap holds (least id, component) of the components whose
  // predecessors are all placed.
  using entry = std::pair<std::size_t, std::size_t>;
  std::priority_queue<entry, std::vector<entry>, std::greater<>> ready;
  for (std::size_t c = 0; c < count; ++c) {
    if (pending_predecessors[c] == 0) ready.emplace(index(members[c].front()), c);
  }
  std::vector<std::vector<neuron_id>> result;
  result.reserve(count);
  while (!ready.empty()) {
    const std::size_t c = ready.top().second;
    ready.pop();
    for (std::size_t next : successors[c]) {
      if (--pending_predecessors[next] == 0) ready.emplace(index(members[next].front()), next);
    }
    result.push_back(std::move(members[c]));
  }
  return result;
}

void count_weight(weight_summary& summary, const rational& value, const constant_use& use) {
  if (use.is_irrational()) {
    ++summary.irrational;  // the rational field beside it means nothing
  } else if (is_integer(value)) {
    ++summary.integer;
  } else if (is_dyadic(value)) {
    ++summary.dyadic;
  } else {
    ++summary.rational;
  }
}

}  // namespace

std::optional<std::vector<neuron_id>> find_cycle(const network& net) { return cycle_in(build_architecture(net)); }

std::optional<std::vector<std::size_t>> compute_layers(const network& net) {
  return layers_of(net, build_architecture(net));
}

std::vector<std::vector<neuron_id>> strongly_connected_components(const network& net) {
  return components_of(build_architecture(net));
}

weight_kind weight_summary::widest() const {
  if (irrational > 0) return weight_kind::real;
  if (rational > 0) return weight_kind::rational;
  if (dyadic > 0) return weight_kind::dyadic;
  return weight_kind::integer;
}

// The logistic slope and init values are not coefficients of the potential
// and are not counted.
weight_summary summarize_weights(const network& net) {
  weight_summary summary;
  for (const equation& e : net.equations) {
    if (e.kind == potential_kind::weighted_sum) {
      count_weight(summary, e.bias, e.bias_constant);
      for (const weighted_input& term : e.inputs) count_weight(summary, term.weight, term.weight_constant);
    } else {
      count_weight(summary, e.offset, e.offset_constant);
      count_weight(summary, e.scale, e.scale_constant);
      for (const distance_argument& argument : e.arguments) {
        count_weight(summary, argument.centre, argument.centre_constant);
      }
    }
  }
  return summary;
}

network_summary analyze(const network& net) {
  const architecture graph = build_architecture(net);
  network_summary summary;
  summary.neurons = net.size();
  summary.inputs = net.inputs.size();
  summary.outputs = net.outputs.size();
  summary.updatable = net.equations.size();
  summary.edges = boost::num_edges(graph);  // one per distinct predecessor of each equation
  summary.cycle = cycle_in(graph);
  summary.acyclic = !summary.cycle;
  if (summary.acyclic) {
    summary.layers = layers_of(net, graph);
    if (summary.layers && !summary.layers->empty()) {
      summary.layer_count = *std::max_element(summary.layers->begin(), summary.layers->end());
    }
  }
  summary.components = components_of(graph);
  summary.weights = summarize_weights(net);
  return summary;
}

std::string describe_cycle(const network& net, const std::vector<neuron_id>& cycle) {
  constexpr std::size_t shown = 5;
  const std::size_t length = cycle.size();
  std::string path;
  for (std::size_t i = 0; i < length; ++i) {
    if (length > 3 * shown && i == shown) {
      path += "... -> ";
      i = length - shown;
    }
    path += shorten(net.name_of(cycle[i])) + " -> ";
  }
  path += shorten(net.name_of(cycle.front()));
  if (length > 3 * shown) path += fmt::format(" ({} neurons)", length);
  return path;
}

}  // namespace nnsim
