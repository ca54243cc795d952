// How much a function of one variable can vary on an interval [l, r], the
// two facts the one-dimensional constructions bound their error with:
//   - its range: f([l, r]) ⊆ [low, high], so |f(x) - f(y)| <= high - low
//     (the oscillation) for x, y in [l, r];
//   - its slopes: every difference quotient (f(x) - f(y)) / (x - y) lies in
//     [slope_low, slope_high], the hull of the interval enclosures of f'
//     (function_enclosure::with_gradient; for abs, min and max it contains
//     Clarke's generalized gradient, and Lebourg's mean value theorem gives
//     the same inclusion).  Nothing when a derivative is unbounded there
//     (sqrt at 0).
// Both come from `pieces` equal parts of [l, r] evaluated separately, which
// tightens interval arithmetic's overestimate (its dependency problem) at
// the price of more evaluations.
#pragma once

#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/numbers/rational.hpp"

#include <optional>

namespace nnsim {

struct function_variation {
  rational low, high;                            // f([l, r]) ⊆ [low, high]
  std::optional<rational> slope_low, slope_high;  // difference quotients ⊆ [slope_low, slope_high]

  rational oscillation() const { return high - low; }
  // sup |f'| on the interval (a Lipschitz constant there), when bounded.
  std::optional<rational> lipschitz() const;
  // slope_high - slope_low, when bounded.
  std::optional<rational> slope_spread() const;
};

// f (of one variable) on [l, r] cut into `pieces` equal parts.  Nothing
// when a domain condition stays undecided on some part (a smaller interval
// may decide it).  Throws input_error "f is not defined at x = …" when a part
// has no point where f is defined.
std::optional<function_variation> variation_over(const function_enclosure& f, const rational& l, const rational& r,
                                                 unsigned pieces = 1);

}  // namespace nnsim
