// Interval evaluation of a function f : ℝ^k → ℝ written in the expression
// language (parse_real_function) over a box: an interval that contains f(x)
// for every x of the box, and an enclosure of its gradient there (forward
// differentiation in interval arithmetic).  For abs, min and max at a kink
// the gradient is the hull of the one-sided ones, which contains Clarke's
// generalized gradient, so |f(x) - f(y)| <= sup |grad| * |x - y| still holds
// (Lebourg's mean value theorem).  The same for a predicate describing a set:
// yes, no, or unknown on the whole box.
#pragma once

#include "nnsim/approximation/box.hpp"
#include "nnsim/numbers/interval_number.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/numbers/real_predicate.hpp"

#include <optional>
#include <vector>

namespace nnsim {

// Working precision of the approximation checks: far below any bound they
// report, and cheap.
inline constexpr mpfr_prec_t approximation_precision = 128;

// A value and its gradient over a box; `gradient_bounded` is false when
// some partial derivative could not be bounded (f may jump, or its slope is
// unbounded there, as sqrt's at 0).
struct gradient_enclosure {
  interval_number value;
  std::vector<interval_number> gradient;
  bool gradient_bounded = true;
};

class function_enclosure {
 public:
  // f on ℝ^dimension; its variables are variables_for(dimension).
  function_enclosure(real_expression_ptr f, std::size_t dimension, mpfr_prec_t precision = approximation_precision);

  const real_expression& expression() const { return *f_; }
  std::size_t dimension() const { return dimension_; }

  // f over the box; nothing when a domain condition cannot be decided on it
  // (the argument of log straddles 0).  Throws expression_error when f is
  // undefined at every point of the box (sqrt of a negative number).
  std::optional<interval_number> over(const box& b) const;
  std::optional<gradient_enclosure> with_gradient(const box& b) const;

 private:
  std::vector<interval_number> bind(const box& b) const;
  real_expression_ptr f_;
  std::size_t dimension_;
  mpfr_prec_t precision_;
  variable_list variables_;
};

enum class truth { no, yes, unknown };

// Whether the predicate holds at every point of the box (yes), at none (no),
// or neither could be shown (unknown).  A comparison is false where one of
// its sides is undefined (`sqrt(x - 2) < 1` on [0, 1]); `not` makes it true.
truth holds_over(const real_predicate& predicate, const box& b, mpfr_prec_t precision = approximation_precision);

// Whether the interval is a finite one (no NaN, no infinite endpoint).
bool is_bounded(const interval_number& v);
// Its endpoints, exactly (MPFR numbers are dyadic rationals).
rational lower_end(const interval_number& v);
rational upper_end(const interval_number& v);

// The interval as an exact rational upper bound of its absolute value, and a
// lower bound (0 when it contains 0).
rational magnitude_upper(const interval_number& v);
rational magnitude_lower(const interval_number& v);

}  // namespace nnsim
