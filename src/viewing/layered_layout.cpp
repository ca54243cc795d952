#include "nnsim/viewing/layered_layout.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <iterator>
#include <numeric>
#include <set>

namespace nnsim {
namespace {

// Edge indexes stored on the edges, so that a back edge found by the search
// names the edge of the caller's list.
using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    boost::property<boost::edge_index_t, std::size_t>>;

struct back_edge_recorder : boost::default_dfs_visitor {
  std::vector<std::size_t>* found;
  explicit back_edge_recorder(std::vector<std::size_t>& out) : found(&out) {}
  void back_edge(graph::edge_descriptor e, const graph& g) const {
    if (boost::source(e, g) != boost::target(e, g)) found->push_back(boost::get(boost::edge_index, g, e));
  }
};

// How many rounds of the barycentre sweeps: more change little in practice.
constexpr int ordering_rounds = 4;

}  // namespace

namespace {

// The layers of a graph without rings: ranks, orders and back edges.
layered_layout lay_out_layers(std::uint32_t node_count,
                              const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  graph g(node_count);
  std::vector<bool> has_predecessor(node_count, false);
  for (std::size_t k = 0; k < edges.size(); ++k) {
    boost::add_edge(edges[k].first, edges[k].second, k, g);
    if (edges[k].first != edges[k].second) has_predecessor[edges[k].second] = true;
  }

  layered_layout layout;
  // Roots: the nodes nothing feeds first, then the rest in order.
  std::vector<std::uint32_t> roots;
  for (std::uint32_t v = 0; v < node_count; ++v) {
    if (!has_predecessor[v]) roots.push_back(v);
  }
  for (std::uint32_t v = 0; v < node_count; ++v) {
    if (has_predecessor[v]) roots.push_back(v);
  }
  std::vector<boost::default_color_type> colours(node_count, boost::white_color);
  auto colour_map = boost::make_iterator_property_map(colours.begin(), boost::get(boost::vertex_index, g));
  back_edge_recorder recorder(layout.back_edges);
  for (std::uint32_t root : roots) {
    if (colours[root] == boost::white_color) boost::depth_first_visit(g, root, recorder, colour_map);
  }
  std::sort(layout.back_edges.begin(), layout.back_edges.end());

  // The acyclic graph: every edge but the back edges and the self-loops.
  std::vector<bool> is_back(edges.size(), false);
  for (std::size_t k : layout.back_edges) is_back[k] = true;
  graph forward(node_count);
  std::vector<std::vector<std::uint32_t>> predecessors(node_count), successors(node_count);
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const auto [from, to] = edges[k];
    if (is_back[k] || from == to) continue;
    boost::add_edge(from, to, k, forward);
    predecessors[to].push_back(from);
    successors[from].push_back(to);
  }

  // Longest path from a source, in topological order.
  std::vector<std::uint32_t> reverse_topological;
  boost::topological_sort(forward, std::back_inserter(reverse_topological));
  layout.rank.assign(node_count, 0);
  for (auto v = reverse_topological.rbegin(); v != reverse_topological.rend(); ++v) {
    for (std::uint32_t p : predecessors[*v]) layout.rank[*v] = std::max(layout.rank[*v], layout.rank[p] + 1);
  }

  // Rows: the given order first, then barycentre sweeps.
  const std::uint32_t rank_count =
      node_count == 0 ? 0 : *std::max_element(layout.rank.begin(), layout.rank.end()) + 1;
  std::vector<std::vector<std::uint32_t>> rows(rank_count);
  for (std::uint32_t v = 0; v < node_count; ++v) rows[layout.rank[v]].push_back(v);
  std::vector<double> position(node_count);
  const auto number_rows = [&] {
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) position[row[i]] = static_cast<double>(i);
    }
  };
  number_rows();
  std::vector<double> key(node_count);
  const auto sort_row = [&](std::vector<std::uint32_t>& row, const std::vector<std::vector<std::uint32_t>>& by) {
    for (std::uint32_t v : row) {
      if (by[v].empty()) {
        key[v] = position[v];
        continue;
      }
      double sum = 0;
      for (std::uint32_t u : by[v]) sum += position[u];
      key[v] = sum / static_cast<double>(by[v].size());
    }
    std::stable_sort(row.begin(), row.end(), [&](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
    for (std::size_t i = 0; i < row.size(); ++i) position[row[i]] = static_cast<double>(i);
  };
  for (int round = 0; round < ordering_rounds; ++round) {
    for (std::uint32_t r = 1; r < rank_count; ++r) sort_row(rows[r], predecessors);
    for (std::uint32_t r = rank_count; r-- > 1;) sort_row(rows[r - 1], successors);
  }
  layout.order.assign(node_count, 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) layout.order[row[i]] = static_cast<std::uint32_t>(i);
  }
  return layout;
}

// The strongly connected components of at least three nodes that layers
// draw badly: more than a quarter of their edges would point back.  Each is
// its members in node order.
std::vector<std::vector<std::uint32_t>> find_rings(
    std::uint32_t node_count, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  graph g(node_count);
  for (std::size_t k = 0; k < edges.size(); ++k) {
    if (edges[k].first != edges[k].second) boost::add_edge(edges[k].first, edges[k].second, k, g);
  }
  std::vector<std::uint32_t> component(node_count);
  const auto count = boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  std::vector<std::vector<std::uint32_t>> members(count);
  for (std::uint32_t v = 0; v < node_count; ++v) members[component[v]].push_back(v);

  std::vector<std::vector<std::uint32_t>> rings;
  for (const auto& nodes : members) {
    if (nodes.size() < 3) continue;
    // The component alone, its edges once each, laid out in layers.
    std::vector<std::uint32_t> local(node_count, 0);
    for (std::size_t i = 0; i < nodes.size(); ++i) local[nodes[i]] = static_cast<std::uint32_t>(i);
    std::set<std::pair<std::uint32_t, std::uint32_t>> inside;
    for (const auto& [from, to] : edges) {
      if (from != to && component[from] == component[to] && component[from] == component[nodes[0]]) {
        inside.emplace(local[from], local[to]);
      }
    }
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> inside_edges(inside.begin(), inside.end());
    const layered_layout alone = lay_out_layers(static_cast<std::uint32_t>(nodes.size()), inside_edges);
    if (4 * alone.back_edges.size() > inside_edges.size()) rings.push_back(nodes);
  }
  return rings;
}

}  // namespace

layered_layout lay_out_in_layers(std::uint32_t node_count,
                                 const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  // Each ring becomes one node of the layers; the others stay themselves.
  const std::vector<std::vector<std::uint32_t>> rings = find_rings(node_count, edges);
  std::vector<std::uint32_t> merged(node_count);
  std::vector<std::int32_t> ring_of(node_count, -1);
  std::uint32_t merged_count = 0;
  std::vector<std::int32_t> ring_node(rings.size(), -1);
  for (std::size_t r = 0; r < rings.size(); ++r) {
    for (std::uint32_t v : rings[r]) ring_of[v] = static_cast<std::int32_t>(r);
  }
  for (std::uint32_t v = 0; v < node_count; ++v) {
    if (ring_of[v] < 0) {
      merged[v] = merged_count++;
    } else {
      auto& node = ring_node[static_cast<std::size_t>(ring_of[v])];
      if (node < 0) node = static_cast<std::int32_t>(merged_count++);
      merged[v] = static_cast<std::uint32_t>(node);
    }
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> merged_edges;
  std::vector<std::size_t> original;   // merged edge -> the caller's edge
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const auto [from, to] = edges[k];
    if (from != to && merged[from] == merged[to]) continue;   // a chord of a ring
    merged_edges.emplace_back(merged[from], merged[to]);
    original.push_back(k);
  }
  const layered_layout layers = lay_out_layers(merged_count, merged_edges);

  layered_layout layout;
  layout.rank.resize(node_count);
  layout.order.resize(node_count);
  layout.ring_slot.assign(node_count, -1);
  layout.ring_size.assign(node_count, 0);
  for (std::uint32_t v = 0; v < node_count; ++v) {
    layout.rank[v] = layers.rank[merged[v]];
    layout.order[v] = layers.order[merged[v]];
  }
  for (const auto& ring : rings) {
    for (std::size_t i = 0; i < ring.size(); ++i) {
      layout.ring_slot[ring[i]] = static_cast<std::int32_t>(i);
      layout.ring_size[ring[i]] = static_cast<std::uint32_t>(ring.size());
    }
  }
  for (std::size_t k : layers.back_edges) layout.back_edges.push_back(original[k]);
  return layout;
}

}  // namespace nnsim
