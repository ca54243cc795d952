// A polynomial p of two variables close to f on a box, with a proven bound
// on sup |f - p| there: the first step of the two-input Cybenko-style
// construction (sigmoid_approximation.hpp).
//
// p is written in the box's normalized coordinates z_i = (2 x_i - lo_i -
// hi_i) / (hi_i - lo_i) ∈ [-1, 1].  Its coefficients come from Chebyshev
// interpolation in floating point (the discrete Chebyshev transform of f at
// an M × M grid of Chebyshev nodes, kept to total degree <= d, each
// coefficient rounded to a multiple of 2^-40 and turned into monomials
// exactly); how p was found does not matter for the bound, which is proven
// afterwards for the exact rational p by branch and bound
// (check_function_approximation on f - p against a network computing 0).
#pragma once

#include "nnsim/approximation/box.hpp"
#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/numbers/rational.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace nnsim {

struct box_polynomial {
  box domain;          // two coordinates
  unsigned degree = 0;
  // coefficients[i][j], i + j <= degree: the coefficient of z1^i z2^j.
  std::vector<std::vector<rational>> coefficients;

  // p as an expression of x1 and x2 (Horner's scheme in z1, then z2), for
  // parse_real_function with variables_for(2).
  std::string text() const;
};

struct polynomial_fit {
  box_polynomial polynomial;
  rational error;           // proven: |f(x) - p(x)| <= error on the box
  double estimated = 0;     // sup |f - p| seen on a grid, in floating point
};

// The Chebyshev fit of total degree `degree` (unproven).
box_polynomial chebyshev_fit(const function_enclosure& f, const box& domain, unsigned degree);

// A proven upper bound of sup |f - p| on p's box, tight to within a few
// percent or target / 1024, evaluating at most max_boxes boxes.
rational proven_polynomial_error(const function_enclosure& f, const box_polynomial& p, const rational& target,
                                 std::size_t max_boxes = 20000);

// The fit of the least degree <= max_degree whose proven error is <= target.
// Throws input_error when f is not defined on the box, or no degree is
// enough.
polynomial_fit fit_polynomial(const function_enclosure& f, const box& domain, const rational& target,
                              unsigned max_degree = 12);

}  // namespace nnsim
