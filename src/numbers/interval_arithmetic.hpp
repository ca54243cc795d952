// The interval arithmetic of expression_evaluator (expression_evaluation.hpp):
// each result encloses the exact value of the operation for every real of
// its arguments, so the evaluation of an expression encloses its value (and,
// with variables bound to intervals, its range over a box).  A domain
// condition that the enclosure cannot decide (the argument of log straddles
// 0) is thrown as undecided_domain; one it proves wrong as expression_error.
#pragma once

#include "nnsim/numbers/interval_number.hpp"
#include "nnsim/numbers/real_expression.hpp"

#include <fmt/format.h>
#include <mpfi.h>

#include <string>
#include <vector>

namespace nnsim {

// A domain condition the enclosure cannot decide at this precision (the
// argument of log straddles 0); a higher precision or a smaller box may.
struct undecided_domain {
  std::size_t offset;
  std::string question;
};

class interval_arithmetic {
 public:
  using value = interval_number;
  explicit interval_arithmetic(mpfr_prec_t precision) : precision_(precision) {}
  // The values of the variables (parse_real_function), as intervals: the
  // enclosure is then of the expression over that box.
  interval_arithmetic(mpfr_prec_t precision, const std::vector<interval_number>& variables)
      : precision_(precision), variables_(&variables) {}

  mpfr_prec_t precision() const { return precision_; }

  value number(const rational& q) {
    value v(precision_);
    mpfi_set_q(v.get(), q.backend().data());
    return v;
  }
  value variable(std::size_t index) {
    if (variables_ == nullptr || index >= variables_->size()) {
      throw expression_error("a variable has no value here", 0);
    }
    value v(precision_);
    mpfi_set(v.get(), (*variables_)[index].get());
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
  const std::vector<interval_number>* variables_ = nullptr;
};

}  // namespace nnsim
