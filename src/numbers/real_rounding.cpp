#include "nnsim/numbers/real_rounding.hpp"

#include "nnsim/numbers/interval_number.hpp"
#include "numbers/expression_evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace nnsim {
namespace {

using interval = interval_number;

// A domain condition the enclosure cannot decide at this precision (the
// argument of log straddles 0); a higher precision may.
struct undecided_domain {
  std::size_t offset;
  std::string question;
};

// The interval arithmetic of expression_evaluator: each result encloses the
// exact value of the operation on every real of its arguments.
class interval_arithmetic {
 public:
  using value = interval;
  explicit interval_arithmetic(mpfr_prec_t precision) : precision_(precision) {}

  value number(const rational& q) {
    value v(precision_);
    mpfi_set_q(v.get(), q.backend().data());
    return v;
  }
  value pi() {
    value v(precision_);
    mpfi_const_pi(v.get());
    return v;
  }
  value e() {
    value v = number(rational(1));
    mpfi_exp(v.get(), v.get());
    return v;
  }
  value negate(value a) {
    mpfi_neg(a.get(), a.get());
    return a;
  }
  value add(value a, const value& b) {
    mpfi_add(a.get(), a.get(), b.get());
    return a;
  }
  value subtract(value a, const value& b) {
    mpfi_sub(a.get(), a.get(), b.get());
    return a;
  }
  value multiply(value a, const value& b) {
    mpfi_mul(a.get(), a.get(), b.get());
    return a;
  }
  value divide(value a, const value& b, const real_expression& n) {
    require_nonzero(b, n, "division by zero", "whether the divisor is 0");
    mpfi_div(a.get(), a.get(), b.get());
    return a;
  }
  value power(const value& base, long exponent, const real_expression& n) {
    unsigned long k = exponent < 0 ? static_cast<unsigned long>(-(exponent + 1)) + 1 : static_cast<unsigned long>(exponent);
    value result = number(rational(1));
    value square = base;
    while (k > 0) {
      if ((k & 1UL) != 0) mpfi_mul(result.get(), result.get(), square.get());
      k >>= 1;
      if (k > 0) mpfi_sqr(square.get(), square.get());
    }
    if (exponent < 0) {
      require_nonzero(result, n, fmt::format("0^{} is a division by zero", exponent), "whether the base is 0");
      mpfi_inv(result.get(), result.get());
    }
    return result;
  }
  value call(real_function f, std::vector<value>& arguments, const real_expression& n) {
    value& a = arguments[0];
    switch (f) {
      case real_function::sqrt:
        if (mpfi_is_strictly_neg(a.get()) > 0) throw expression_error("sqrt of a negative number", n.offset);
        if (mpfi_is_nonneg(a.get()) <= 0) throw undecided_domain{n.offset, "whether the argument of sqrt is negative"};
        mpfi_sqrt(a.get(), a.get());
        return a;
      case real_function::log:
        if (mpfi_is_nonpos(a.get()) > 0) throw expression_error("log of a number that is not positive", n.offset);
        if (mpfi_is_strictly_pos(a.get()) <= 0) throw undecided_domain{n.offset, "whether the argument of log is positive"};
        mpfi_log(a.get(), a.get());
        return a;
      case real_function::exp: mpfi_exp(a.get(), a.get()); return a;
      case real_function::sin: mpfi_sin(a.get(), a.get()); return a;
      case real_function::cos: mpfi_cos(a.get(), a.get()); return a;
      case real_function::tanh: mpfi_tanh(a.get(), a.get()); return a;
      case real_function::abs: mpfi_abs(a.get(), a.get()); return a;
      case real_function::min:
      case real_function::max: {
        // [min(lo), min(hi)] or [max(lo), max(hi)]
        const auto mpfr_pick = f == real_function::min ? mpfr_min : mpfr_max;
        mpfr_t lo, hi, x;
        mpfr_inits2(precision_, lo, hi, x, static_cast<mpfr_ptr>(nullptr));
        mpfi_get_left(lo, a.get());
        mpfi_get_right(hi, a.get());
        for (std::size_t i = 1; i < arguments.size(); ++i) {
          mpfi_get_left(x, arguments[i].get());
          mpfr_pick(lo, lo, x, MPFR_RNDD);
          mpfi_get_right(x, arguments[i].get());
          mpfr_pick(hi, hi, x, MPFR_RNDU);
        }
        mpfi_interv_fr(a.get(), lo, hi);
        mpfr_clears(lo, hi, x, static_cast<mpfr_ptr>(nullptr));
        return a;
      }
    }
    return a;
  }

 private:
  static void require_nonzero(const value& v, const real_expression& n, const std::string& error,
                              const std::string& question) {
    if (mpfi_is_zero(v.get()) > 0) throw expression_error(error, n.offset);
    if (mpfi_has_zero(v.get()) > 0) throw undecided_domain{n.offset, question};
  }

  mpfr_prec_t precision_;
};

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
