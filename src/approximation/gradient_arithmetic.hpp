// Forward differentiation in interval arithmetic, as an Arithmetic of
// expression_evaluator: each value carries an enclosure of the expression
// and of its partial derivatives over a box.  Where the derivative does not
// exist (abs, min, max at a kink) the hull of the one-sided derivatives
// stands for it, which contains Clarke's generalized gradient.
#pragma once

#include "nnsim/numbers/interval_number.hpp"
#include "numbers/interval_arithmetic.hpp"

#include <mpfi.h>

#include <vector>

namespace nnsim {

class gradient_arithmetic {
 public:
  struct value {
    interval_number v;
    std::vector<interval_number> d;
  };

  // variables[i] is the interval of variable i, which is coordinate[i].
  gradient_arithmetic(mpfr_prec_t precision, const std::vector<interval_number>& variables,
                      const std::vector<std::size_t>& coordinate, std::size_t dimension)
      : inner_(precision, variables), precision_(precision), coordinate_(coordinate), dimension_(dimension) {}

  value number(const rational& q) { return constant(inner_.number(q)); }
  value pi() { return constant(inner_.pi()); }
  value e() { return constant(inner_.e()); }
  value variable(std::size_t index) {
    value r = constant(inner_.variable(index));
    mpfi_set_ui(r.d[coordinate_[index]].get(), 1);
    return r;
  }
  value negate(value a) {
    mpfi_neg(a.v.get(), a.v.get());
    for (auto& d : a.d) mpfi_neg(d.get(), d.get());
    return a;
  }
  value add(value a, const value& b) {
    mpfi_add(a.v.get(), a.v.get(), b.v.get());
    for (std::size_t i = 0; i < dimension_; ++i) mpfi_add(a.d[i].get(), a.d[i].get(), b.d[i].get());
    return a;
  }
  value subtract(value a, const value& b) { return add(std::move(a), negate(b)); }
  value multiply(value a, const value& b) {
    interval_number t(precision_);
    for (std::size_t i = 0; i < dimension_; ++i) {
      mpfi_mul(a.d[i].get(), a.d[i].get(), b.v.get());
      mpfi_mul(t.get(), a.v.get(), b.d[i].get());
      mpfi_add(a.d[i].get(), a.d[i].get(), t.get());
    }
    mpfi_mul(a.v.get(), a.v.get(), b.v.get());
    return a;
  }
  value divide(value a, const value& b, const real_expression& n) {
    value r;
    r.v = inner_.divide(a.v, b.v, n);  // checks the divisor
    r.d = std::move(a.d);
    interval_number t(precision_);
    for (std::size_t i = 0; i < dimension_; ++i) {  // (a' - r b') / b
      mpfi_mul(t.get(), r.v.get(), b.d[i].get());
      mpfi_sub(r.d[i].get(), r.d[i].get(), t.get());
      mpfi_div(r.d[i].get(), r.d[i].get(), b.v.get());
    }
    return r;
  }
  value power(const value& a, long exponent, const real_expression& n) {
    value r;
    r.v = inner_.power(a.v, exponent, n);
    if (exponent == 0) return constant(std::move(r.v));
    // k a^(k-1) a'
    interval_number factor = inner_.power(a.v, exponent - 1, n);
    mpfi_mul_si(factor.get(), factor.get(), exponent);
    r.d = a.d;
    for (auto& d : r.d) mpfi_mul(d.get(), d.get(), factor.get());
    return r;
  }
  value call(real_function f, std::vector<value>& arguments, const real_expression& n) {
    value& a = arguments[0];
    std::vector<interval_number> values;
    values.reserve(arguments.size());
    for (const value& argument : arguments) values.push_back(argument.v);
    value r;
    r.v = inner_.call(f, values, n);  // checks the domain
    interval_number factor(precision_);
    switch (f) {
      case real_function::sqrt:  // a' / (2 sqrt a)
        mpfi_mul_ui(factor.get(), r.v.get(), 2);
        mpfi_inv(factor.get(), factor.get());
        break;
      case real_function::exp: mpfi_set(factor.get(), r.v.get()); break;
      case real_function::log: mpfi_inv(factor.get(), a.v.get()); break;
      case real_function::sin: mpfi_cos(factor.get(), a.v.get()); break;
      case real_function::cos:
        mpfi_sin(factor.get(), a.v.get());
        mpfi_neg(factor.get(), factor.get());
        break;
      case real_function::tanh:  // 1 - tanh^2
        mpfi_sqr(factor.get(), r.v.get());
        mpfi_ui_sub(factor.get(), 1, factor.get());
        break;
      case real_function::abs:
        if (mpfi_is_nonneg(a.v.get()) > 0) {
          mpfi_set_ui(factor.get(), 1);
        } else if (mpfi_is_nonpos(a.v.get()) > 0) {
          mpfi_set_si(factor.get(), -1);
        } else {
          mpfi_interv_si(factor.get(), -1, 1);
        }
        break;
      case real_function::min:
      case real_function::max: {
        // The hull of the derivatives of the arguments that can be the
        // minimum (maximum) somewhere in the box.
        const bool is_min = f == real_function::min;
        r.d.assign(dimension_, interval_number(precision_));
        bool first = true;
        for (const value& argument : arguments) {
          const bool candidate = is_min ? mpfr_cmp(&argument.v.get()->left, &r.v.get()->right) <= 0
                                        : mpfr_cmp(&argument.v.get()->right, &r.v.get()->left) >= 0;
          if (!candidate) continue;
          for (std::size_t i = 0; i < dimension_; ++i) {
            if (first) {
              mpfi_set(r.d[i].get(), argument.d[i].get());
            } else {
              mpfi_union(r.d[i].get(), r.d[i].get(), argument.d[i].get());
            }
          }
          first = false;
        }
        return r;
      }
    }
    r.d = std::move(a.d);
    for (auto& d : r.d) mpfi_mul(d.get(), d.get(), factor.get());
    return r;
  }

 private:
  value constant(interval_number v) {
    value r;
    r.v = std::move(v);
    r.d.assign(dimension_, interval_number(precision_));
    return r;
  }

  interval_arithmetic inner_;
  mpfr_prec_t precision_;
  const std::vector<std::size_t>& coordinate_;
  std::size_t dimension_;
};

}  // namespace nnsim
