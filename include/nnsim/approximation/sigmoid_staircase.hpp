// A function g of one variable on [a, b] as a sum of steep logistic steps,
// the building block of the Cybenko-style construction
// (sigmoid_approximation.hpp):
//
//     G(u) = v_0 + Σ_{i=1..N} d_i σ(λ (u - s_i)),   σ(z) = 1 / (1 + e^-z),
//
// on the uniform grid t_i = a + i h (h = (b - a) / N), with v_i ≈ g(t_i)
// (exact where g is rational there, else within δ; function_sample.hpp),
// d_i = v_i - v_{i-1} and s_i = (t_{i-1} + t_i) / 2 the cells' midpoints.
//
// The bound (a proof).  Let u lie in the cell [t_{j-1}, t_j].  Since
// v_0 + Σ_{i<j} d_i = v_{j-1},
//     G(u) = (1 - σ_j) v_{j-1} + σ_j v_j - Σ_{i<j} d_i (1 - σ_i) + Σ_{i>j} d_i σ_i,
// σ_i = σ(λ (u - s_i)).  For i < j, u - s_i >= h/2 + (j - 1 - i) h, and
// 1 - σ(z) <= e^-z; for i > j, s_i - u >= h/2 + (i - j - 1) h, and
// σ(-z) <= e^-z.  With q = e^(-λ h / 2) and D = max |d_i| each of the two
// sums is at most D (q + q^3 + q^5 + …) = D q / (1 - q^2): the tail
//     T = 2 D q / (1 - q^2).
// The first part is the convex combination A(u) = (1 - σ_j) v_{j-1} + σ_j v_j,
// and with |g(u) - v_t| <= |g(u) - g(t)| + e_t (e_t the proven error of the
// knot value) each of the two distances is at most osc_j + e, osc_j the
// oscillation of g on the cell (function_variation.hpp).  With L_j the sup
// of |g'| on the cell and a = u - t_{j-1}:
//     |g(u) - A(u)| <= L_j [(1 - σ_j) a + σ_j (h - a)] + max(e_{j-1}, e_j),
// and the bracket is at most h/2: left of the midpoint (a <= h/2) σ_j <= 1/2,
// so it is a + σ_j (h - 2a) <= a + (h - 2a)/2 = h/2; right of it
// 1 - σ_j <= 1/2 and the same holds with a and h - a exchanged.  (The step
// sits at the middle of the cell, so the weight always leans towards the
// nearer knot.)  So
//     |g(u) - G(u)| <= max_j [min(L_j h / 2, osc_j) + max(e_{j-1}, e_j)] + T.
//
// The choice: N from the largest slope seen on [a, b] (or by doubling where
// a slope is unbounded), raised until the first part, I, is <= 3ε/4, then
// lowered by a short bisection; then λ the smallest power of two (>= 1)
// found with T <= ε - I, T evaluated in interval arithmetic and rounded up.
#pragma once

#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/numbers/rational.hpp"

#include <cstddef>
#include <vector>

namespace nnsim {

struct sigmoid_staircase_options {
  rational epsilon;                // > 0
  rational low, high;              // [a, b]
  std::size_t max_cells = 100000;  // more cells than this: input_error
};

struct sigmoid_step {
  rational centre;  // s_i
  rational height;  // d_i, never 0 (cells where g's value does not change need no step)
};

struct sigmoid_staircase {
  rational base;                   // v_0
  std::vector<sigmoid_step> steps;
  rational lambda = 1;             // the steepness λ
  rational width;                  // h
  std::size_t cells = 0;           // N
  rational largest_step;           // D
  rational interpolation_bound;    // I
  rational tail_bound;             // T
  rational rounding_allowed;       // δ
  rational bound() const { return interpolation_bound + tail_bound; }
};

// Throws input_error when g is not defined on all of [a, b] or the bound
// needs more than max_cells cells.
sigmoid_staircase build_sigmoid_staircase(const function_enclosure& g, const sigmoid_staircase_options& options);

}  // namespace nnsim
