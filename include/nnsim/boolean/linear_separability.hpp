// Linear separability: does one unit-step neuron, y = 1 iff w·x + b >= 0,
// compute a given Boolean function, or, generally, classify a labelled set
// of rational points?  Decided exactly with exact_simplex.hpp, and the
// answer comes with its proof, checked before it is returned:
//
//  - separable: integer weights w and bias b, checked on every point;
//  - not separable: a convex combination of points labelled 1 equal to a
//    convex combination of points labelled 0.  No neuron can exist then: if
//    w·p + b >= 0 at the 1-points p, it holds at any convex combination of
//    them, and if w·q + b < 0 at the 0-points q, that holds at any convex
//    combination of those, and one point cannot satisfy both.
//
// The two cases are the two sides of Farkas' lemma for the program "find
// λ, μ >= 0 with Σλ_i = 1, Σμ_j = 1 and Σλ_i p_i = Σμ_j q_j": a basic
// solution is a certificate with at most n + 2 points (n = dimension), and
// the Farkas multipliers of its infeasibility are a separating neuron.
#pragma once

#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/numbers/rational.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace nnsim {

// Points in Q^dimension, each labelled 1 (true) or 0 (false).
struct labelled_points {
  std::size_t dimension = 0;
  std::vector<std::vector<rational>> points;
  std::vector<bool> labels;
};

// The 2^n input vectors of f in binary counting order, labelled by f.
labelled_points points_of(const boolean_function& f);

// One step neuron: y = 1 iff weights·x + bias >= 0.
struct step_neuron {
  std::vector<integer> weights;
  integer bias = 0;
};

// Σ coefficient_k · point[k] over the listed points (indices into the
// labelled_points), the coefficients positive and adding up to 1.
struct convex_combination {
  std::vector<std::size_t> points;
  std::vector<rational> coefficients;
};

// ones and zeros describe the same point `meeting_point`.
struct hull_certificate {
  convex_combination ones;
  convex_combination zeros;
  std::vector<rational> meeting_point;
};

struct separability_result {
  bool separable = false;
  step_neuron neuron;              // when separable
  hull_certificate certificate;    // when not
};

// The largest arity decide_separability takes for a Boolean function (its
// program has 2^n columns).
inline constexpr unsigned max_separability_arity = 16;

enum class weight_choice {
  // Small weights: the least Σ|w_i| + |b| over w·p + b >= 0 on the 1-points
  // and <= -1 on the 0-points (a second linear program, with a row per
  // point, so only for at most small_weight_points points), scaled to
  // integers and divided by their gcd, when that is no larger than the
  // neuron the decision found.  Not always the smallest integer neuron, but
  // close.
  small,
  // Any separating neuron: the one the decision itself produced.
  any,
};

inline constexpr std::size_t small_weight_points = 256;

// Decides separability.  Throws input_error when the points do not all have
// `dimension` coordinates or the labels do not match the points, or for a
// Boolean function of more than max_separability_arity inputs; throws
// std::logic_error if its own answer fails the check (a bug).
separability_result decide_separability(const labelled_points& data, weight_choice choice = weight_choice::small);
separability_result decide_separability(const boolean_function& f, weight_choice choice = weight_choice::small);

// w·x + b for one point.
rational neuron_potential(const step_neuron& neuron, const std::vector<rational>& x);
// Whether the neuron gives every point its label.
bool classifies(const step_neuron& neuron, const labelled_points& data);
// An empty string when the certificate proves non-separability of `data`
// (coefficients positive and adding up to 1, the points labelled as claimed,
// both sides equal to the meeting point, recomputed exactly); else what is
// wrong.
std::string check_certificate(const hull_certificate& certificate, const labelled_points& data);

}  // namespace nnsim
