#include "nnsim/approximation/function_enclosure.hpp"

#include "approximation/gradient_arithmetic.hpp"
#include "numbers/expression_evaluation.hpp"
#include "numbers/interval_arithmetic.hpp"

#include <mpfi.h>
#include <mpfr.h>

namespace nnsim {
namespace {

}  // namespace

function_enclosure::function_enclosure(real_expression_ptr f, std::size_t dimension, mpfr_prec_t precision)
    : f_(std::move(f)), dimension_(dimension), precision_(precision), variables_(variables_for(dimension)) {}

std::vector<interval_number> function_enclosure::bind(const box& b) const {
  std::vector<interval_number> values;
  for (std::size_t i = 0; i < variables_.names.size(); ++i) {
    interval_number v(precision_);
    const std::size_t c = variables_.coordinate[i];
    mpfi_interv_q(v.get(), b.low[c].backend().data(), b.high[c].backend().data());
    values.push_back(std::move(v));
  }
  return values;
}

std::optional<interval_number> function_enclosure::over(const box& b) const {
  const std::vector<interval_number> values = bind(b);
  interval_arithmetic arithmetic(precision_, values);
  expression_evaluator<interval_arithmetic> evaluator(arithmetic);
  try {
    interval_number result = evaluator.evaluate(*f_);
    if (!is_bounded(result)) return std::nullopt;
    return result;
  } catch (const undecided_domain&) {
    return std::nullopt;
  }
}

std::optional<gradient_enclosure> function_enclosure::with_gradient(const box& b) const {
  const std::vector<interval_number> values = bind(b);
  gradient_arithmetic arithmetic(precision_, values, variables_.coordinate, dimension_);
  expression_evaluator<gradient_arithmetic> evaluator(arithmetic);
  try {
    gradient_arithmetic::value result = evaluator.evaluate(*f_);
    if (!is_bounded(result.v)) return std::nullopt;
    gradient_enclosure out{std::move(result.v), std::move(result.d), true};
    for (const interval_number& d : out.gradient) out.gradient_bounded = out.gradient_bounded && is_bounded(d);
    return out;
  } catch (const undecided_domain&) {
    return std::nullopt;
  }
}

truth holds_over(const real_predicate& predicate, const box& b, mpfr_prec_t precision) {
  using kind = real_predicate::kind;
  switch (predicate.op) {
    case kind::all:
    case kind::any: {
      // Kleene's three-valued and / or.
      const truth absorbing = predicate.op == kind::all ? truth::no : truth::yes;
      bool unknown = false;
      for (const auto& operand : predicate.operands) {
        const truth t = holds_over(*operand, b, precision);
        if (t == absorbing) return absorbing;
        unknown = unknown || t == truth::unknown;
      }
      if (unknown) return truth::unknown;
      return predicate.op == kind::all ? truth::yes : truth::no;
    }
    case kind::negation: {
      const truth t = holds_over(*predicate.operands[0], b, precision);
      return t == truth::unknown ? t : (t == truth::yes ? truth::no : truth::yes);
    }
    default: break;
  }
  const function_enclosure left(predicate.left, b.dimension(), precision);
  const function_enclosure right(predicate.right, b.dimension(), precision);
  std::optional<interval_number> l, r;
  try {
    l = left.over(b);
    r = right.over(b);
  } catch (const expression_error&) {
    // A side undefined at every point of the box: the comparison is false
    // there (and `not` of it true), whatever the other operands say.
    return truth::no;
  }
  if (!l || !r) return truth::unknown;
  // d = left - right; `<` holds everywhere when d's upper bound is < 0, nowhere when its lower bound is >= 0.
  interval_number d(precision);
  mpfi_sub(d.get(), l->get(), r->get());
  mpfr_srcptr lo = &d.get()->left;
  mpfr_srcptr hi = &d.get()->right;
  switch (predicate.op) {
    case kind::less:
      if (mpfr_sgn(hi) < 0) return truth::yes;
      if (mpfr_sgn(lo) >= 0) return truth::no;
      break;
    case kind::less_equal:
      if (mpfr_sgn(hi) <= 0) return truth::yes;
      if (mpfr_sgn(lo) > 0) return truth::no;
      break;
    case kind::greater:
      if (mpfr_sgn(lo) > 0) return truth::yes;
      if (mpfr_sgn(hi) <= 0) return truth::no;
      break;
    case kind::greater_equal:
      if (mpfr_sgn(lo) >= 0) return truth::yes;
      if (mpfr_sgn(hi) < 0) return truth::no;
      break;
    default: break;
  }
  return truth::unknown;
}

bool is_bounded(const interval_number& v) { return mpfi_nan_p(v.get()) == 0 && mpfi_bounded_p(v.get()) != 0; }

rational lower_end(const interval_number& v) {
  rational q;
  mpfr_get_q(q.backend().data(), &v.get()->left);
  return q;
}

rational upper_end(const interval_number& v) {
  rational q;
  mpfr_get_q(q.backend().data(), &v.get()->right);
  return q;
}

rational magnitude_upper(const interval_number& v) {
  const rational lo = lower_end(v);
  const rational hi = upper_end(v);
  return std::max(abs(lo), abs(hi));
}

rational magnitude_lower(const interval_number& v) {
  const rational lo = lower_end(v);
  const rational hi = upper_end(v);
  if (lo > 0) return lo;
  if (hi < 0) return -hi;
  return rational(0);
}

}  // namespace nnsim
