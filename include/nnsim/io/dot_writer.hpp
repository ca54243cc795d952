// Draws a network's architecture for Graphviz (`dot -Tsvg net.dot`): one node
// per neuron, one arrow per term of each equation, labelled exactly.
#pragma once

#include "nnsim/model/network.hpp"

#include <string>

namespace nnsim {

// A Graphviz digraph of `net`, in neuron-id and equation order so the text is
// reproducible:
// - a node per neuron, named by the neuron's quoted name and labelled with
//   the name, the activation (`logistic[λ]` when λ is not 1), `b=BIAS` for a
//   weighted sum or `NORM a=OFFSET s=SCALE` for a distance, and `init=VALUE`;
// - inputs drawn as `shape=invtriangle`, outputs as `shape=doublecircle`, a
//   neuron that is both as an inverted triangle with a double border;
// - an edge u -> v per term: weighted-sum terms labelled with the weight,
//   distance arguments with their centre (`c=1/2`); all numbers are reduced
//   fractions, and a number the file writes as a constant is its name
//   (`r`, `-r`, `1/r` for `x / r`), the constants' definitions following
//   the first comment line (`// const r = sqrt(2) / 2`);
// - when the network is acyclic, `rankdir=LR` and one `{rank=same; ...}` per
//   layer (semantics.md, section 3), so the layers read left to right.
std::string write_dot(const network& net);

}  // namespace nnsim
