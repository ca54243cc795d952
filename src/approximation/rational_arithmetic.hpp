// Exact rational arithmetic as an Arithmetic of expression_evaluator
// (expression_evaluation.hpp): the value of a function at a rational point
// when every operation on the way stays rational (`abs(x - 1/2)` at 1/3),
// so that a construction can interpolate f at its knots exactly.  An
// operation whose result is irrational, or is not known to be rational
// without a proof nnsim does not attempt (sin(1/3), pi), gives up by
// throwing not_rational; the caller then falls back to an interval
// enclosure.  Domain errors it decides exactly (division by 0, log 0, sqrt
// of a negative number) are thrown as expression_error at the operator.
#pragma once

#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_expression.hpp"

#include <gmp.h>

#include <vector>

namespace nnsim {

// The value is irrational, or too large to be worth carrying exactly.
struct not_rational {};

class rational_arithmetic {
 public:
  using value = rational;

  // Bits (numerator plus denominator) beyond which a value is not computed
  // exactly: a knot value that large would only bloat the network.
  static constexpr std::size_t max_bits = 4096;

  explicit rational_arithmetic(const std::vector<rational>& variables) : variables_(variables) {}

  value number(const rational& q) { return q; }
  value variable(std::size_t index) {
    if (index >= variables_.size()) throw expression_error("a variable has no value here", 0);
    return variables_[index];
  }
  value pi() { throw not_rational{}; }
  value e() { throw not_rational{}; }
  value negate(const value& a) { return -a; }
  value add(const value& a, const value& b) { return bounded(a + b); }
  value subtract(const value& a, const value& b) { return bounded(a - b); }
  value multiply(const value& a, const value& b) { return bounded(a * b); }
  value divide(const value& a, const value& b, const real_expression& n) {
    if (b == 0) throw expression_error("division by zero", n.offset);
    return bounded(a / b);
  }
  value power(const value& base, long exponent, const real_expression& n) {
    if (exponent < 0 && base == 0) throw expression_error(fmt_zero_power(exponent), n.offset);
    const unsigned long k = exponent < 0 ? static_cast<unsigned long>(-(exponent + 1)) + 1
                                         : static_cast<unsigned long>(exponent);
    if (base != 0 && base != 1 && base != -1 && (k > max_bits || bit_size(base) * k > max_bits)) throw not_rational{};
    rational result = 1;
    rational square = base;
    for (unsigned long e = k; e > 0; e >>= 1) {
      if ((e & 1UL) != 0) result *= square;
      if (e > 1) square *= square;
    }
    return exponent < 0 ? rational(1) / result : result;
  }
  value call(real_function f, std::vector<value>& arguments, const real_expression& n) {
    const rational& a = arguments[0];
    switch (f) {
      case real_function::sqrt: {
        if (a < 0) throw expression_error("sqrt of a negative number", n.offset);
        // Rational exactly when numerator and denominator (in lowest terms) are squares.
        integer num = numerator(a), den = denominator(a);
        if (mpz_perfect_square_p(num.backend().data()) == 0 || mpz_perfect_square_p(den.backend().data()) == 0) {
          throw not_rational{};
        }
        return rational(sqrt(num), sqrt(den));
      }
      case real_function::log:
        if (a <= 0) throw expression_error("log of a number that is not positive", n.offset);
        if (a == 1) return 0;
        throw not_rational{};
      case real_function::exp:
        if (a == 0) return 1;
        throw not_rational{};
      case real_function::cos:
        if (a == 0) return 1;
        throw not_rational{};
      case real_function::sin:
      case real_function::tanh:
        if (a == 0) return 0;
        throw not_rational{};
      case real_function::abs: return abs(a);
      case real_function::min:
      case real_function::max: {
        rational pick = a;
        for (const rational& b : arguments) pick = f == real_function::min ? (b < pick ? b : pick) : (b > pick ? b : pick);
        return pick;
      }
    }
    throw not_rational{};
  }

 private:
  static rational bounded(rational q) {
    if (bit_size(q) > max_bits) throw not_rational{};
    return q;
  }

  static std::string fmt_zero_power(long exponent) {
    return "0^" + std::to_string(exponent) + " is a division by zero";
  }

  const std::vector<rational>& variables_;
};

}  // namespace nnsim
