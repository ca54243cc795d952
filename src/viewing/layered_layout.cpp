#include "nnsim/viewing/layered_layout.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <iterator>
#include <numeric>

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

layered_layout lay_out_in_layers(std::uint32_t node_count,
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

}  // namespace nnsim
