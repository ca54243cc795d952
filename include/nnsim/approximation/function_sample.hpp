// The value of a function at one point, as the approximation constructions
// use it at their knots: exact when the expression stays rational there
// (`abs(x - 1/2)` at x = 1/3 is 1/6), otherwise a dyadic rational within a
// given tolerance of f(point), taken from an interval enclosure computed at
// a precision high enough for it.  Either way the error bound is proven and
// carried along, so the constructions' bounds account for it exactly.
#pragma once

#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/numbers/rational.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace nnsim {

struct function_sample {
  rational value;
  rational error;  // proven: |value - f(point)| <= error; 0 when value is f(point)
};

// An exact value with more bits than this (numerator plus denominator) is
// replaced by its rounding: a weight that long helps no bound.
inline constexpr std::size_t max_exact_sample_bits = 128;

// f(point) exactly when it is rational by exact arithmetic (rational
// operations, abs, min, max, sqrt of a square, exp(0), …) and no longer than
// max_exact_sample_bits; nothing otherwise.  Throws expression_error where
// the arithmetic shows f undefined (division by 0, log of 0).
std::optional<rational> exact_value(const function_enclosure& f, const std::vector<rational>& point);

// f(point) exactly, or a multiple of a power of two within `tolerance` (> 0)
// of it.  Throws input_error "f is not defined at x = …: …" where f has no
// value, and when no enclosure narrow enough can be computed.
function_sample sample_function(const function_enclosure& f, const std::vector<rational>& point,
                                const rational& tolerance);

}  // namespace nnsim
