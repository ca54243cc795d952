// The lecture's "Power of ReLU" (two-layer networks, one input, ReLU hidden
// neurons, an identity output): for every continuous f : [0,1] → [0,1] and
// ε > 0 a network computes F with |f(x) - F(x)| <= ε on [0,1].  As a
// construction: F is the piecewise-linear interpolation of f at knots
// t_0 < … < t_N, written as
//
//     F(x) = v_0 + Σ_{i<N} c_i relu(x - t_i),
//
// v_0 the value at t_0 and c_i the change of slope at t_i (c_0 the first
// slope), all rational; a knot where the slope does not change needs no
// neuron.  On [t_0, t_N] the sum is exactly the interpolation: left of t_i the
// neuron adds nothing, right of it its slope c_i.
//
// The error on a cell C = [l, r] of width h (the proof, per cell):
// F = P + (F - P) with P the interpolation of the exact values f(l), f(r).
// F - P interpolates the rounding errors of the two knot values, so
// |F - P| <= max(e_l, e_r) (e = the proven error of the knot value, 0 when it
// is exact; function_sample.hpp).  For x = l + t h,
//     f(x) - P(x) = (1 - t)(f(x) - f(l)) + t (f(x) - f(r)),
// hence |f - P| <= oscillation of f on C, and, with every difference
// quotient of f on C in [g_lo, g_hi] (function_variation.hpp: interval
// forward differentiation),
//     f(x) - f(l) = g1 t h,  f(x) - f(r) = -g2 (1 - t) h,  g1, g2 ∈ [g_lo, g_hi],
//     f(x) - P(x) = t (1 - t) h (g1 - g2),  |f - P| <= h (g_hi - g_lo) / 4.
// So on C:  |f - F| <= min(h (g_hi - g_lo) / 4, osc_C) + max(e_l, e_r).
// This is never worse than the textbook's L h / 2 (g_hi - g_lo <= 2 L), is 0
// where f is linear, and uses the oscillation where f' is unbounded (sqrt
// near 0).  The bound reported is the maximum over the cells.
//
// The grid: by default adaptive, dyadic: a cell is bisected until its bound
// is <= ε.  With a Lipschitz constant L supplied by the user, the textbook's
// uniform grid: N = ⌈L (b - a) / (2 (ε - δ))⌉ cells, δ the rounding allowed
// for the knot values, so that L h / 2 + δ <= ε *if* L is right; the bound
// proven by interval arithmetic on that grid is reported beside it.
#pragma once

#include "nnsim/approximation/box.hpp"
#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/rational.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace nnsim {

struct relu_approximation_options {
  rational epsilon;                    // > 0
  box domain = unit_box(1);            // [a, b]
  std::optional<rational> lipschitz;   // given: the uniform grid for this Lipschitz constant
  std::size_t max_neurons = 100000;    // more hidden neurons (or cells) than this: input_error
};

struct relu_approximation {
  network net;
  std::vector<rational> knots;         // t_0 = a < … < t_N = b
  std::vector<rational> values;        // v_i, F(t_i) = v_i
  std::vector<rational> value_errors;  // proven |v_i - f(t_i)|; 0 where v_i = f(t_i)
  std::size_t hidden = 0;              // ReLU neurons: knots t_i (i < N) with c_i != 0
  rational bound;                      // proven: |f(x) - F(x)| <= bound on [a, b]
  rational worst_low, worst_high;      // the cell where the bound is attained
  std::optional<rational> lipschitz;   // proven Lipschitz constant of f on [a, b] (max over the cells); nothing: unbounded
  std::optional<rational> assumed_lipschitz;  // the user's L
  std::optional<rational> assumed_bound;      // L h / 2 + δ: the bound if the user's L is right
  std::optional<integer> textbook_units;      // ⌈L (b - a) / (2 ε)⌉ with L the user's or the proven constant
  rational rounding_allowed;           // δ: the largest knot-value error allowed
};

// Throws input_error when ε <= 0, the domain is not one-dimensional, f is not
// defined on all of it, or the grid would need more than max_neurons cells.
relu_approximation build_relu_approximation(const function_enclosure& f, const relu_approximation_options& options);

}  // namespace nnsim
