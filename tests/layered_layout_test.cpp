#include "nnsim/io/network_parser.hpp"
#include "nnsim/viewing/layered_layout.hpp"
#include "nnsim/viewing/network_layout.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace nnsim;

TEST_CASE("an acyclic graph is drawn in its layers, every edge left to right", "[viewing]") {
  // The XOR network's shape: 0, 1 -> 2, 3 -> 4, plus a long edge 0 -> 4.
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> edges = {{0, 2}, {1, 2}, {0, 3}, {1, 3},
                                                                       {2, 4}, {3, 4}, {0, 4}};
  const layered_layout layout = lay_out_in_layers(5, edges);
  CHECK(layout.rank == std::vector<std::uint32_t>{0, 0, 1, 1, 2});
  CHECK(layout.back_edges.empty());
  for (const auto& [from, to] : edges) CHECK(layout.rank[from] < layout.rank[to]);
  // Orders within a rank are 0, 1, ... without gaps.
  CHECK(std::set<std::uint32_t>{layout.order[0], layout.order[1]} == std::set<std::uint32_t>{0, 1});
  CHECK(std::set<std::uint32_t>{layout.order[2], layout.order[3]} == std::set<std::uint32_t>{0, 1});
  CHECK(layout.order[4] == 0);
}

TEST_CASE("a cycle is cut at the edge that returns to where the search began", "[viewing]") {
  // 0 feeds the loop 1 -> 2 -> 3 -> 4 -> 1; 2 has a self-loop.  The search
  // starts at 0 (nothing feeds it), so 4 -> 1 is the back edge.
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> edges = {{4, 1}, {0, 1}, {1, 2}, {2, 2}, {2, 3}, {3, 4}};
  const layered_layout layout = lay_out_in_layers(5, edges);
  CHECK(layout.back_edges == std::vector<std::size_t>{0});
  CHECK(layout.rank == std::vector<std::uint32_t>{0, 1, 2, 3, 4});
}

TEST_CASE("barycentre ordering uncrosses a crossed pair", "[viewing]") {
  // 0 -> 3 and 1 -> 2: in the given order the edges cross; after the sweep
  // node 3 sits beside node 0 and node 2 beside node 1.
  const layered_layout layout = lay_out_in_layers(4, {{0, 3}, {1, 2}});
  CHECK(layout.order[0] == 0);
  CHECK(layout.order[1] == 1);
  CHECK(layout.order[3] == 0);
  CHECK(layout.order[2] == 1);
}

TEST_CASE("a network's edges are laid out in the innermost group holding both ends", "[viewing]") {
  const network net = parse_network(
      "input x\noutput y\n"
      "a.p = sat(x)\na.q = sat(a.p + a.q)\n"   // a.p -> a.q inside a; a.q's self-loop
      "y = sat(a.q - x)\n",                     // a.q -> y and x -> y at the top
      "t.nn");
  const network_layout layout = lay_out_network(net);
  REQUIRE(layout.grouping.groups.size() == 2);
  REQUIRE(layout.edges.size() == 5);
  CHECK(layout.edges[1].source == index(*net.find("a.p")));
  CHECK(layout.edges[1].target == index(*net.find("a.q")));
  CHECK(layout.edges[4].weight == -1);
  // Top level, in the order of first mention: x, y, [a], in layers 0, 2, 1.
  CHECK(layout.ranks[0] == std::vector<std::uint32_t>{0, 2, 1});
  // Inside a: a.p then a.q.
  CHECK(layout.ranks[1] == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("a densely cyclic part is drawn as a ring, a plain cycle in layers", "[viewing]") {
  // Node 0 feeds node 1 of a complete graph on nodes 1 ... 5 (every pair
  // both ways: 20 edges, of which a depth-first search turns 10 back).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges = {{0, 1}};
  for (std::uint32_t a = 1; a <= 5; ++a) {
    for (std::uint32_t b = 1; b <= 5; ++b) {
      if (a != b) edges.emplace_back(a, b);
    }
  }
  const layered_layout ring = lay_out_in_layers(6, edges);
  CHECK(ring.rank == std::vector<std::uint32_t>{0, 1, 1, 1, 1, 1});
  CHECK(ring.order == std::vector<std::uint32_t>{0, 0, 0, 0, 0, 0});
  CHECK(ring.ring_slot == std::vector<std::int32_t>{-1, 0, 1, 2, 3, 4});
  CHECK(ring.ring_size == std::vector<std::uint32_t>{0, 5, 5, 5, 5, 5});
  CHECK(ring.back_edges.empty());   // the chords are not back edges

  // A cycle of four has one back edge of four: layers, no ring.
  const layered_layout cycle = lay_out_in_layers(4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
  CHECK(cycle.ring_slot == std::vector<std::int32_t>{-1, -1, -1, -1});
  CHECK(cycle.rank == std::vector<std::uint32_t>{0, 1, 2, 3});
  CHECK(cycle.back_edges == std::vector<std::size_t>{3});
  // A triangle has one of three: a ring.
  const layered_layout triangle = lay_out_in_layers(3, {{0, 1}, {1, 2}, {2, 0}});
  CHECK(triangle.ring_size == std::vector<std::uint32_t>{3, 3, 3});
}
