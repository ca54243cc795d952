// Proven bounds on how well a network approximates a function or a set
// (the lecture's approximation theorems), by interval evaluation of both on
// adaptively bisected boxes: branch and bound.
//
// For a function f, the error E = f - F is enclosed on each box B two ways
// and the tighter kept: f(B) - F(B), and the centred (mean value) form
// E(m) + Σ_i (∂_i f(B) - ∂_i F(B)) (B_i - m_i) around B's midpoint m.  The box
// with the largest upper bound of |E| is bisected next; the proven bound is
// the largest upper bound over all boxes, and |E| at the box midpoints
// gives a proven lower bound of the supremum and the point where it is
// attained.  It stops when the bound is within 1/256 (relative) or ε/64
// of the error found and ε is decided either way, or at max_boxes.
//
// For a set A and the network's answer "x ∈ A iff F(x) > 0", a box is
// correct when both are decided the same way on all of it, misclassified
// when both are decided differently, and undecided otherwise; undecided
// boxes are bisected, largest first.  Each box is decided on its interior
// shrunk by side / 2^32 at each face (a point on a cube's face is where a
// step neuron changes), and the shell left out is added to the bound, so the
// misclassified measure is proven to lie in [misclassified, bound()].  It
// stops when the undecided measure is at most ε/64, or at max_boxes.
//
// Shards (docs/distributed.md).  The boxes form one binary tree: the domain,
// and the two halves of each box bisected, named by their path from the
// domain ("" the domain, "0" its lower half, "01" that half's upper half).
// Evaluating a box depends on the box alone, and the search is the same
// wherever the evaluations come from, so a check given the evaluations of
// earlier runs (`known`) reproduces its own report exactly, evaluating only
// the boxes none of them had.  A shard K of N first makes the start of the
// whole check, the same in every shard, until there are 8 N boxes to cut;
// it deals them out in the order the check would take them, in rounds of
// N (1, 2, ..., N, then N, ..., 1, and so on), and goes on with the check's search on its own boxes,
// the check's tolerance and max_boxes shared out among the shards (by the
// measure dealt to it, for a set).  It records every evaluation it made,
// the common start too.  Whatever a shard explores, the merged report is
// the unsharded one; how well the shards guessed what the check needs
// decides only how much is left for the merge to evaluate.
#pragma once

#include "nnsim/approximation/box.hpp"
#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/approximation/network_enclosure.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_predicate.hpp"

#include "nnsim/support/shard.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nnsim {

// What evaluating one box found: the whole of what the search needs of it.
struct box_evaluation {
  // With a function: |E| <= upper on the box (nothing: f could not be
  // evaluated on it), and |E(m)| >= lower at its midpoint m (nothing: E(m)
  // could not be enclosed).
  std::optional<rational> upper, lower;
  // With a set: whether the box's interior is in A, and whether F > 0 on it
  // (unknown when A's answer is).
  truth in_set = truth::unknown, positive = truth::unknown;
  // Not empty: the evaluation stopped with this input error (f is not
  // defined there), which a check that needs the box reports.
  std::string error;
};

// Evaluations by the box's path in the bisection tree.
using box_evaluations = std::unordered_map<std::string, box_evaluation>;

struct approximation_check_options {
  box domain;
  rational epsilon;              // the error (or measure) asked for
  std::size_t max_boxes = 100000;  // boxes evaluated at most (by a shard: its own)
  // Evaluations to take instead of computing them (a merge's, from the
  // shards' records): they must be this check's own (same network,
  // function or set, and domain).
  const box_evaluations* known = nullptr;
};

enum class approximation_verdict { met, not_met, undecided };

struct function_check_result {
  rational bound;                 // proven: |f(x) - F(x)| <= bound on the whole domain
  rational attained;              // proven: |f(witness) - F(witness)| >= attained
  std::vector<rational> witness;  // where the largest error found is
  box worst_box;                  // the box with the largest upper bound
  std::size_t boxes = 0;          // boxes evaluated
  bool budget_exhausted = false;  // stopped at max_boxes before the bound was tight
  approximation_verdict verdict = approximation_verdict::undecided;  // bound <= ε, attained > ε, or neither
};

// Throws input_error when f is undefined somewhere on the domain or cannot
// be evaluated there, or the dimensions differ.
function_check_result check_function_approximation(network_enclosure& network, const function_enclosure& f,
                                                   const approximation_check_options& options);

enum class region_kind { correct_inside, correct_outside, misclassified_inside, misclassified_outside, undecided };

struct classified_box {
  box region;
  region_kind kind;
};

struct set_check_result {
  rational volume;                 // of the domain
  rational misclassified;          // proven misclassified (in A with F <= 0, or not in A with F > 0)
  rational false_negative;         // the part of it in A
  rational undecided;              // measure of the boxes not decided
  rational shell;                  // the faces' shells left out (an upper bound of their measure)
  rational inside;                 // proven in A
  std::vector<classified_box> leaves;  // the final boxes, in no particular order
  std::size_t boxes = 0;
  bool budget_exhausted = false;
  approximation_verdict verdict = approximation_verdict::undecided;
  rational bound() const { return misclassified + undecided + shell; }
};

set_check_result check_set_approximation(network_enclosure& network, const real_predicate& set,
                                         const approximation_check_options& options);

// Shard `part`'s evaluations for a check of f or of A (see above), for a
// merge to pass as `known`.  Evaluating a box may stop with an input error;
// the shard records it and goes on, as the whole check may never need that
// box.  Throws input_error only when the dimensions differ.
box_evaluations explore_function_approximation(network_enclosure& network, const function_enclosure& f,
                                               const approximation_check_options& options, const shard& part);
box_evaluations explore_set_approximation(network_enclosure& network, const real_predicate& set,
                                          const approximation_check_options& options, const shard& part);

}  // namespace nnsim
