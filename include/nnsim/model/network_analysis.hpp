// What can be said about a network's architecture without running it: the
// digraph u -> v for u in pred(v), its cycles, layers and strongly connected
// components (computed with Boost.Graph), and the kinds of its weights.
#pragma once

#include "nnsim/model/network.hpp"

#include <optional>
#include <string>
#include <vector>

namespace nnsim {

// One directed cycle of the architecture, as the neurons along it
// (a self-loop is a cycle of length 1), or nothing when it is acyclic.
std::optional<std::vector<neuron_id>> find_cycle(const network& net);

// "a -> b -> a"; a long cycle is named by its ends and its length,
// "a -> ... -> z -> a (40 neurons)", which is enough to find it.
std::string describe_cycle(const network& net, const std::vector<neuron_id>& cycle);

// layer(v) of semantics.md, section 3, for every neuron (indexed by id);
// nothing when the network is cyclic.
std::optional<std::vector<std::size_t>> compute_layers(const network& net);

// Strongly connected components, each listed in id order; components are in
// a topological order of the condensation (sources first).
std::vector<std::vector<neuron_id>> strongly_connected_components(const network& net);

enum class weight_kind { integer, dyadic, rational, real };  // each includes the one before

struct weight_summary {
  std::size_t integer = 0;     // weights, biases, offsets, scales, centres that are integers
  std::size_t dyadic = 0;      // ... that are dyadic but not integers
  std::size_t rational = 0;    // ... the other rationals
  std::size_t irrational = 0;  // ... written as an irrational constant (reals.md)
  weight_kind widest() const;
};

// Counts every coefficient of every equation (weights and biases, or the
// offset, scale and centres of a distance) by kind; a coefficient written
// as a rational constant counts as the number it is.
weight_summary summarize_weights(const network& net);

struct network_summary {
  std::size_t neurons = 0, inputs = 0, outputs = 0, updatable = 0, edges = 0;
  bool acyclic = false;
  std::optional<std::vector<neuron_id>> cycle;             // when cyclic
  std::optional<std::vector<std::size_t>> layers;          // when acyclic
  std::size_t layer_count = 0;                             // L
  std::vector<std::vector<neuron_id>> components;          // strongly connected
  weight_summary weights;
};

network_summary analyze(const network& net);

}  // namespace nnsim
