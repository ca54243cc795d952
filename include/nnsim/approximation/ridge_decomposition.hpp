// A polynomial of two variables written exactly as a sum of ridge
// functions, polynomials of one linear form each:
//
//     p(z1, z2) = c + Σ_k g_k(α_k z1 + β_k z2),
//
// the step that turns the two-input approximation into one-input ones
// (sigmoid_approximation.hpp).  It rests on a classical fact: the powers
// (α_k z1 + β_k z2)^m of m + 1 pairwise non-parallel directions (α_k, β_k)
// span the homogeneous polynomials of degree m.  With d + 1 directions and
// p's homogeneous part of degree m, Σ_j p_{m,j} z1^(m-j) z2^j, the
// coefficients a_{m,k} of (α_k z1 + β_k z2)^m solve
//     Σ_k a_{m,k} α_k^(m-j) β_k^j = p_{m,j} / C(m, j),   j = 0 … m,
// an (m + 1) × (d + 1) system of full rank (a generalized Vandermonde
// system); nnsim takes its least-norm solution a = Mᵀ (M Mᵀ)^-1 b, exactly in
// rationals, so that no direction carries a needlessly large multiple.
// Then g_k(u) = Σ_{m>=1} a_{m,k} u^m and c = p's constant term.
//
// The directions are d + 1 angles spread evenly over [0, π), each (cos θ,
// sin θ) rounded to a multiple of 1/64: rational, and still pairwise far
// from parallel for the degrees used (d <= 12).
#pragma once

#include "nnsim/numbers/rational.hpp"

#include <vector>

namespace nnsim {

struct ridge_function {
  rational alpha, beta;                // the direction: u = α z1 + β z2
  std::vector<rational> coefficients;  // g(u) = Σ_m coefficients[m] u^m; coefficients[0] = 0
};

struct ridge_decomposition {
  rational constant;
  std::vector<ridge_function> ridges;  // those with a nonzero coefficient
};

// coefficients[i][j] (i + j <= degree) is the coefficient of z1^i z2^j.
// The sum of the ridges is p exactly (checked by expanding it back).
ridge_decomposition decompose_into_ridges(const std::vector<std::vector<rational>>& coefficients, unsigned degree);

}  // namespace nnsim
