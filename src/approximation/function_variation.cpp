#include "nnsim/approximation/function_variation.hpp"

#include "approximation/construction_numbers.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nnsim {

std::optional<rational> function_variation::lipschitz() const {
  if (!slope_low || !slope_high) return std::nullopt;
  return std::max(abs(*slope_low), abs(*slope_high));
}

std::optional<rational> function_variation::slope_spread() const {
  if (!slope_low || !slope_high) return std::nullopt;
  return *slope_high - *slope_low;
}

std::optional<function_variation> variation_over(const function_enclosure& f, const rational& l, const rational& r,
                                                 unsigned pieces) {
  pieces = std::max(pieces, 1U);
  const rational width = (r - l) / pieces;
  function_variation result;
  bool slopes_bounded = true;
  for (unsigned p = 0; p < pieces; ++p) {
    const rational lo = l + width * p;
    const rational hi = p + 1 == pieces ? r : lo + width;
    const box piece{{lo}, {hi}};
    std::optional<gradient_enclosure> g;
    try {
      g = f.with_gradient(piece);
    } catch (const expression_error& error) {
      throw input_error(fmt::format("f is not defined at {}: {}", point_text(piece.midpoint()),
                                    error.what()));
    }
    if (!g) return std::nullopt;
    const rational value_low = lower_end(g->value);
    const rational value_high = upper_end(g->value);
    if (p == 0 || value_low < result.low) result.low = value_low;
    if (p == 0 || value_high > result.high) result.high = value_high;
    if (!slopes_bounded || !g->gradient_bounded) {
      slopes_bounded = false;
      continue;
    }
    const rational slope_low = lower_end(g->gradient[0]);
    const rational slope_high = upper_end(g->gradient[0]);
    if (!result.slope_low || slope_low < *result.slope_low) result.slope_low = slope_low;
    if (!result.slope_high || slope_high > *result.slope_high) result.slope_high = slope_high;
  }
  if (!slopes_bounded) {
    result.slope_low.reset();
    result.slope_high.reset();
  }
  return result;
}

}  // namespace nnsim
