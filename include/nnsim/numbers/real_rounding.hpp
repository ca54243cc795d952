// Correctly rounded values of real expressions, for the floating number
// modes (reals.md, section 2: an irrational constant is rounded correctly
// once, at load).  Ziv's strategy: the expression is enclosed in an MPFI
// interval at a working precision a little above the target's; when both
// endpoints round to the same target value, that value is the correctly
// rounded one.  Otherwise the working precision doubles, up to
// max_rounding_precision; a value still undecided there lies within
// 2^-65536 (relative) of a rounding boundary, and the midpoint of the last
// enclosure is rounded (a value exactly on a boundary, such as a tie
// written through irrational operations, never resolves).
#pragma once

#include "nnsim/numbers/real_expression.hpp"

#include <mpfi.h>
#include <mpfr.h>

namespace nnsim {

inline constexpr mpfr_prec_t max_rounding_precision = 65536;

// `out` set to the value of `expression` rounded to nearest (ties to even)
// at out's precision.  Throws expression_error (at the node) when the
// enclosure proves a domain error (log of a number <= 0, sqrt of a negative
// number, 0^-k), or cannot decide one at max_rounding_precision, or the
// value overflows.
void round_correctly(const real_expression& expression, mpfr_ptr out);

// The value rounded to the nearest double (subnormals included).
double round_to_double(const real_expression& expression);

// `out` set to an interval that contains the exact value of `expression`,
// with out's precision (interval:P and certified modes): computed at that
// precision, or higher where a domain condition needs it (whether the
// argument of log is positive), then rounded outward.  Throws
// expression_error as round_correctly does.
void enclose_value(const real_expression& expression, mpfi_ptr out);

// Evaluates the enclosure once at a moderate precision, so that a domain
// error the enclosure already proves is reported where the expression is
// read (`log(sin(pi) - 1)`); nothing is reported when it cannot tell yet.
void check_enclosure(const real_expression& expression);

}  // namespace nnsim
