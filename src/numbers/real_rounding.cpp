#include "nnsim/numbers/real_rounding.hpp"

#include "nnsim/numbers/interval_number.hpp"
#include "numbers/expression_evaluation.hpp"
#include "numbers/interval_arithmetic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace nnsim {
namespace {

using interval = interval_number;

// The enclosure at `precision` bits, or nothing when a domain condition is
// undecided there (`question` says which).
std::optional<interval> enclose(const real_expression& expression, mpfr_prec_t precision,
                                std::optional<undecided_domain>& question) {
  interval_arithmetic arithmetic(precision);
  expression_evaluator<interval_arithmetic> evaluator(arithmetic);
  try {
    interval result = evaluator.evaluate(expression);
    if (mpfi_nan_p(result.get()) != 0 || mpfi_bounded_p(result.get()) == 0) {
      throw expression_error("the value is too large to evaluate", expression.offset);
    }
    return result;
  } catch (const undecided_domain& undecided) {
    question = undecided;
    return std::nullopt;
  }
}

// Ziv's loop.  `round_endpoint` rounds an endpoint to the target;
// `same` and `adjacent` compare two rounded values; `midpoint` rounds the
// enclosure's midpoint.
template <class Target, class Round, class Same, class Adjacent>
Target ziv(const real_expression& expression, mpfr_prec_t target_precision, Round round_endpoint, Same same,
           Adjacent adjacent) {
  std::optional<undecided_domain> question;
  mpfr_t endpoint;
  mpfr_init2(endpoint, 2);
  struct clear_on_exit {
    mpfr_ptr p;
    ~clear_on_exit() { mpfr_clear(p); }
  } clear{endpoint};
  for (mpfr_prec_t precision = target_precision + 32;; precision = std::min(2 * precision, max_rounding_precision)) {
    std::optional<interval> enclosure = enclose(expression, precision, question);
    const bool last = precision >= max_rounding_precision;
    if (enclosure) {
      mpfr_set_prec(endpoint, precision);
      mpfi_get_left(endpoint, enclosure->get());
      Target low = round_endpoint(endpoint);
      mpfi_get_right(endpoint, enclosure->get());
      Target high = round_endpoint(endpoint);
      if (same(low, high)) return low;
      if (last) {
        if (!adjacent(low, high)) {
          throw expression_error(fmt::format("cannot enclose the value closely enough to round it to {} bits "
                                             "(tried up to {} bits)",
                                             target_precision, max_rounding_precision),
                                 expression.offset);
        }
        mpfi_mid(endpoint, enclosure->get());
        return round_endpoint(endpoint);
      }
    } else if (last) {
      throw expression_error(fmt::format("cannot decide {} (tried up to {} bits)", question->question,
                                         max_rounding_precision),
                             question->offset);
    }
  }
}

}  // namespace

void round_correctly(const real_expression& expression, mpfr_ptr out) {
  if (expression.value) {
    mpfr_set_q(out, expression.value->backend().data(), MPFR_RNDN);
    return;
  }
  const mpfr_prec_t target = mpfr_get_prec(out);
  struct owned {
    mpfr_t v;
    explicit owned(mpfr_prec_t p) { mpfr_init2(v, p); }
    owned(const owned& o) {
      mpfr_init2(v, mpfr_get_prec(o.v));
      mpfr_set(v, o.v, MPFR_RNDN);
    }
    owned& operator=(const owned&) = delete;
    ~owned() { mpfr_clear(v); }
  };
  const owned result = ziv<owned>(
      expression, target,
      [&](mpfr_srcptr x) {
        owned r(target);
        mpfr_set(r.v, x, MPFR_RNDN);
        return r;
      },
      [](const owned& a, const owned& b) { return mpfr_equal_p(a.v, b.v) != 0; },
      [&](const owned& a, const owned& b) {
        owned next(a);
        mpfr_nextabove(next.v);
        return mpfr_equal_p(next.v, b.v) != 0;
      });
  mpfr_set(out, result.v, MPFR_RNDN);
  if (mpfr_zero_p(out) != 0) mpfr_set_zero(out, 1);  // the ends were -0 and +0
}

double round_to_double(const real_expression& expression) {
  const double value = ziv<double>(
      expression, 53, [](mpfr_srcptr x) { return mpfr_get_d(x, MPFR_RNDN); },
      [](double a, double b) { return a == b; },
      [](double a, double b) { return std::nextafter(a, INFINITY) == b; });
  return value == 0 ? 0.0 : value;  // the ends were -0 and +0
}

void enclose_value(const real_expression& expression, mpfi_ptr out) {
  if (expression.value) {
    mpfi_set_q(out, expression.value->backend().data());
    return;
  }
  std::optional<undecided_domain> question;
  for (mpfr_prec_t precision = std::max<mpfr_prec_t>(mpfi_get_prec(out), 64);;
       precision = std::min(2 * precision, max_rounding_precision)) {
    if (std::optional<interval> enclosure = enclose(expression, precision, question)) {
      mpfi_set(out, enclosure->get());  // rounded outward to out's precision
      return;
    }
    if (precision >= max_rounding_precision) {
      throw expression_error(fmt::format("cannot decide {} (tried up to {} bits)", question->question,
                                         max_rounding_precision),
                             question->offset);
    }
  }
}

void check_enclosure(const real_expression& expression) {
  if (expression.value) return;
  std::optional<undecided_domain> question;
  enclose(expression, 128, question);
}

}  // namespace nnsim
