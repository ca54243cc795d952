// The second half of the lecture's "Power of ReLU": for every open
// A ⊆ [0,1] a two-layer network (ReLU hidden neurons, an identity output)
// has x ∈ A iff F(x) > 0 for "most" x.  The lecture's proof: approximate
// the distance from x to the boundary of A.  As a construction for a set
// given as a predicate (real_predicate.hpp):
//
//   1. Cut the domain [a, b] into cells, each decided by interval
//      arithmetic (holds_over) as inside A, outside A, or ambiguous; the
//      longest ambiguous cells are bisected until their total length is
//      <= ε.
//   2. Every maximal run [p, q] of adjacent inside cells gets the distance
//      to its ends, which is > 0 exactly on (p, q) and 0 outside it:
//          relu(x - p) - 2 relu(x - m) + relu(x - q),  m = (p + q) / 2
//      (a triangle of height (q - p) / 2), or only relu(q - x) when p is the
//      domain's left end, only relu(x - p) when q is its right end, and the
//      constant 1 when the run is the whole domain.  F is their sum.
//
// Then F(x) > 0 exactly on the runs' interiors, so x is classified rightly
// on every inside and every outside cell but at the runs' ends (finitely
// many points), and the measure of the misclassified points is at most the
// total length of the ambiguous cells: a proven bound <= ε.
#pragma once

#include "nnsim/approximation/box.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_predicate.hpp"

#include <cstddef>
#include <utility>
#include <vector>

namespace nnsim {

struct relu_set_options {
  rational epsilon;                  // the misclassified measure allowed, > 0
  box domain = unit_box(1);
  std::size_t max_neurons = 100000;  // cells examined and hidden neurons, at most
};

struct interval_run {
  rational low, high;  // F > 0 exactly on (low, high)
};

struct relu_set_approximation {
  network net;
  std::vector<interval_run> runs;  // in order
  std::size_t hidden = 0;
  std::size_t cells = 0;           // cells of the final partition
  rational inside, outside, ambiguous;  // their lengths; ambiguous is the bound
  rational bound() const { return ambiguous; }
};

// Throws input_error when ε <= 0, the domain is not an interval, or the
// ambiguous length cannot be brought under ε within max_neurons cells.
relu_set_approximation build_relu_set_approximation(const real_predicate& set, const relu_set_options& options);

}  // namespace nnsim
