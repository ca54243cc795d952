// The layered drawing of a directed graph (Sugiyama, Tagawa and Toda 1981,
// in its simplest form): every node gets a rank (its column, left to right)
// and an order within its rank (its row).
//
// - Cycles are broken by turning round the back edges of a depth-first
//   search that starts from the nodes without predecessors (the inputs,
//   constants) and then from the others in the given order, so that the
//   drawing follows the flow from the inputs.
// - The rank of a node is the longest path to it from a node without
//   predecessors: in an acyclic network this is its layer, the lecture's
//   MLP picture with the inputs on the left.
// - Within a rank, nodes are ordered by the mean position of their
//   neighbours (the barycentre heuristic), sweeping right and then left a few
//   times, to cut crossings; ties keep the given order.
// - A densely cyclic part, such as a Hopfield network where every neuron
//   feeds every other, has no flow to follow: layers would string it out in
//   a line with most edges pointing back.  A strongly connected component of
//   three or more nodes of which more than a quarter of the edges would point
//   back is therefore drawn as a ring: its nodes share one rank and one row
//   and sit on a circle, and its inner edges are chords.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace nnsim {

struct layered_layout {
  std::vector<std::uint32_t> rank;    // by node
  std::vector<std::uint32_t> order;   // by node: the row within its rank, 0, 1, ... (a ring's nodes share theirs)
  // By node: the place on its ring (0, 1, ..., in node order), or -1 for a
  // node on no ring; and the ring's size (0 for no ring).
  std::vector<std::int32_t> ring_slot;
  std::vector<std::uint32_t> ring_size;
  // The edges (indexes into the given list) that point back, against the
  // ranks: the ones a cycle needs.  Self-loops and the chords of a ring are
  // neither.
  std::vector<std::size_t> back_edges;
};

// Nodes 0 ... node_count - 1; edges as (from, to).  Edges repeated, and self-loops, are allowed.
layered_layout lay_out_in_layers(std::uint32_t node_count,
                                 const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges);

}  // namespace nnsim
