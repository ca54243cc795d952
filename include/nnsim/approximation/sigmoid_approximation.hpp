// Cybenko's theorem (1989) as a construction: a two-layer network with
// logistic hidden neurons and a linear (identity) output approximates a
// continuous f : [0,1]^n → ℝ within ε, for n = 1 and n = 2, with a bound
// that is proven, not observed.
//
// One input: the staircase of steep logistic steps of sigmoid_staircase.hpp
// on the domain [a, b]: hidden neurons logistic[λ](x - s_i), output
// y = v_0 + Σ d_i h_i, |f - F| <= I + T <= ε.
//
// Two inputs: one hidden layer of sigmoids still suffices, by way of ridge
// functions:
//   1. a polynomial p of least degree d with sup |f - p| <= ε/4 on the box,
//      proven by branch and bound (polynomial_fit.hpp);
//   2. p written exactly as c + Σ_k g_k(u_k), u_k = α_k z1 + β_k z2 linear in
//      the inputs (ridge_decomposition.hpp; z the box's normalized
//      coordinates, so u_k ranges over [-R_k, R_k], R_k = |α_k| + |β_k|);
//   3. each g_k, a polynomial of one variable, rounded to ĝ_k with
//      coefficients that are multiples of 2^-64 (the exact ones can be long
//      fractions), |g_k - ĝ_k| <= ρ_k = Σ_m |a_m - â_m| R_k^m on [-R_k, R_k];
//      and ĝ_k as a staircase G_k of logistic steps on [-R_k, R_k] within
//      ε_k, the ε_k adding up to ε - sup |f - p| - Σ ρ_k (shared in
//      proportion to sqrt(L_k R_k), which keeps the total number of steps
//      Σ L_k R_k / ε_k near its least);
//   4. a hidden neuron logistic[λ_k](u_k(x) - s) for each step s of each
//      G_k (u_k(x) is affine in x1, x2, so it is the neuron's potential),
//      and y = c + Σ_k (G_k's base + Σ d h).
// Then |f - F| <= |f - p| + Σ_k (|g_k - ĝ_k| + |ĝ_k(u_k) - G_k(u_k)|)
// <= sup |f - p| + Σ_k (ρ_k + bound_k) <= ε, every term proven.
//
// What it cannot do: an f that no polynomial of degree <= 12 approximates
// within ε/4 (a kink such as abs(x1 - x2) with a small ε) is refused, and
// three or more inputs are not built.
#pragma once

#include "nnsim/approximation/box.hpp"
#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/approximation/sigmoid_staircase.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/rational.hpp"

#include <cstddef>
#include <vector>

namespace nnsim {

struct sigmoid_approximation_options {
  rational epsilon;                  // > 0
  box domain = unit_box(1);          // one or two coordinates
  std::size_t max_neurons = 100000;  // hidden neurons at most
  unsigned max_degree = 12;          // two inputs: of the polynomial
};

struct sigmoid_ridge {
  // u = weights[0] x1 + weights[1] x2 + offset, the ridge's linear form in the inputs.
  std::vector<rational> weights;
  rational offset;
  rational low, high;  // u's range over the domain
  rational epsilon;    // the error allowed for this ridge's staircase
  rational rounding;   // ρ: proven |g - ĝ| on [low, high], from rounding g's coefficients
  sigmoid_staircase staircase;
};

struct sigmoid_approximation {
  network net;
  std::size_t hidden = 0;
  rational bound;                     // proven: |f(x) - F(x)| <= bound on the domain
  sigmoid_staircase staircase;        // one input
  unsigned degree = 0;                // two inputs: the polynomial's
  rational polynomial_error;          // two inputs: proven sup |f - p|
  std::vector<sigmoid_ridge> ridges;  // two inputs
};

// Throws input_error when ε <= 0, the domain has more than two coordinates,
// f is not defined on all of it, or the network would need more than
// max_neurons hidden neurons.
sigmoid_approximation build_sigmoid_approximation(const function_enclosure& f,
                                                  const sigmoid_approximation_options& options);

}  // namespace nnsim
