// The arithmetic the simulator needs, for each number type of a mode:
// rational (GMP mpq, exact), real_number (MPFR, P bits, round to nearest),
// double (IEEE binary64) and interval_number (MPFI, P-bit endpoints, every
// result enclosing the exact one).  Every operation writes into an existing value so
// that the hot loop reuses GMP/MPFR storage instead of allocating.  In the
// floating modes each operation rounds once, which is what semantics.md
// section 5 asks for ("accumulated left to right ... starting from the bias").
#pragma once

#include "nnsim/numbers/interval_number.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_number.hpp"
#include "nnsim/numbers/real_rounding.hpp"
#include "numbers/compact_rational.hpp"
#include "support/splitmix64.hpp"  // mix_hash

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>

namespace nnsim {

inline std::uint64_t hash_limbs(std::uint64_t h, mpz_srcptr z) {
  h = mix_hash(h ^ static_cast<std::uint64_t>(static_cast<std::int64_t>(z->_mp_size)));
  const int limbs = z->_mp_size < 0 ? -z->_mp_size : z->_mp_size;
  for (int i = 0; i < limbs; ++i) h = mix_hash(h + static_cast<std::uint64_t>(z->_mp_d[i]));
  return h;
}

inline std::uint64_t hash_mpfr(mpfr_srcptr x) {
  if (mpfr_zero_p(x)) return 0x2545F4914F6CDD1DULL;  // +0 and -0 are equal values
  if (!mpfr_number_p(x)) return mix_hash(static_cast<std::uint64_t>(mpfr_nan_p(x) ? 1 : 2 + mpfr_sgn(x)));
  std::uint64_t h = mix_hash(static_cast<std::uint64_t>(x->_mpfr_exp) ^ (static_cast<std::uint64_t>(x->_mpfr_sign) << 63));
  const auto limbs = static_cast<std::size_t>((mpfr_get_prec(x) + GMP_NUMB_BITS - 1) / GMP_NUMB_BITS);
  for (std::size_t i = 0; i < limbs; ++i) h = mix_hash(h + static_cast<std::uint64_t>(x->_mpfr_d[i]));
  return h;
}

template <class Num>
struct arithmetic;

template <>
struct arithmetic<rational> {
  struct context {};
  static constexpr bool exact = true;
  static constexpr bool encloses = false;  // values are intervals (interval_number only)

  static rational zero(const context&) { return rational(0); }
  static void assign(rational& out, const rational& exact_value, const context&) { out = exact_value; }
  // Never reached: rational mode refuses irrational constants before it
  // compiles a network (run/simulation.cpp).
  static void assign_real(rational& out, const real_expression& value, const context&) {
    if (!value.value) throw std::logic_error("an irrational number in rational mode");
    out = *value.value;
  }
  static void assign_integer(rational& out, long value) { mpq_set_si(ptr(out), value, 1); }
  static void copy(rational& out, const rational& a) { mpq_set(ptr(out), ptr(a)); }
  static void mul(rational& out, const rational& a, const rational& b) { mpq_mul(ptr(out), ptr(a), ptr(b)); }
  static void add(rational& out, const rational& a, const rational& b) { mpq_add(ptr(out), ptr(a), ptr(b)); }
  static void sub(rational& out, const rational& a, const rational& b) { mpq_sub(ptr(out), ptr(a), ptr(b)); }
  static void abs(rational& out, const rational& a) { mpq_abs(ptr(out), ptr(a)); }
  static void square(rational& out, const rational& a) { mpq_mul(ptr(out), ptr(a), ptr(a)); }
  static void divide_one_by(rational& out, const rational& a) { mpq_inv(ptr(out), ptr(a)); }
  static int sign(const rational& a) { return mpq_sgn(ptr(a)); }
  static int compare(const rational& a, const rational& b) { return mpq_cmp(ptr(a), ptr(b)); }
  static bool equal(const rational& a, const rational& b) { return mpq_equal(ptr(a), ptr(b)) != 0; }
  static bool finite(const rational&) { return true; }
  // Not exact on rationals: the run refuses such networks before it starts.
  [[noreturn]] static void sqrt(rational&, const rational&) { not_exact(); }
  [[noreturn]] static void exp(rational&, const rational&) { not_exact(); }
  [[noreturn]] static void tanh(rational&, const rational&) { not_exact(); }

  static std::uint64_t hash(const rational& a) {
    return hash_limbs(hash_limbs(0x5851F42D4C957F2DULL, mpq_numref(ptr(a))), mpq_denref(ptr(a)));
  }
  static std::size_t bits(const rational& a) { return bit_size(a); }
  static std::size_t memory(const rational& a) {
    return sizeof(rational) + sizeof(mp_limb_t) * (mpz_size(mpq_numref(ptr(a))) + mpz_size(mpq_denref(ptr(a))));
  }

 private:
  static mpq_ptr ptr(rational& a) { return a.backend().data(); }
  static mpq_srcptr ptr(const rational& a) { return a.backend().data(); }
  [[noreturn]] static void not_exact() { throw std::logic_error("operation is not exact in rational mode"); }
};

// Rational mode's engine: the same exact values as arithmetic<rational>,
// small dyadic ones in a machine word (numbers/compact_rational.hpp).  The
// hash of a value in mpq form is arithmetic<rational>'s; the small form has
// a hash of its own, which is sound because each value has one form only.
template <>
struct arithmetic<compact_rational> {
  struct context {};
  static constexpr bool exact = true;
  static constexpr bool encloses = false;

  static compact_rational zero(const context&) { return compact_rational(); }
  static void assign(compact_rational& out, const rational& exact_value, const context&) { out.assign(exact_value); }
  // Never reached, as for arithmetic<rational>.
  static void assign_real(compact_rational& out, const real_expression& value, const context&) {
    if (!value.value) throw std::logic_error("an irrational number in rational mode");
    out.assign(*value.value);
  }
  static void assign_integer(compact_rational& out, long value) { out.assign_integer(value); }
  static void copy(compact_rational& out, const compact_rational& a) { out.copy_from(a); }
  static void mul(compact_rational& out, const compact_rational& a, const compact_rational& b) {
    compact_rational::mul(out, a, b);
  }
  static void add(compact_rational& out, const compact_rational& a, const compact_rational& b) {
    compact_rational::add(out, a, b);
  }
  static void sub(compact_rational& out, const compact_rational& a, const compact_rational& b) {
    compact_rational::sub(out, a, b);
  }
  static void abs(compact_rational& out, const compact_rational& a) { compact_rational::abs(out, a); }
  static void square(compact_rational& out, const compact_rational& a) { compact_rational::mul(out, a, a); }
  static void divide_one_by(compact_rational& out, const compact_rational& a) {
    compact_rational::divide_one_by(out, a);
  }
  static int sign(const compact_rational& a) { return a.sign(); }
  static int compare(const compact_rational& a, const compact_rational& b) { return compact_rational::compare(a, b); }
  static bool equal(const compact_rational& a, const compact_rational& b) { return a == b; }
  static bool finite(const compact_rational&) { return true; }
  [[noreturn]] static void sqrt(compact_rational&, const compact_rational&) { not_exact(); }
  [[noreturn]] static void exp(compact_rational&, const compact_rational&) { not_exact(); }
  [[noreturn]] static void tanh(compact_rational&, const compact_rational&) { not_exact(); }

  static std::uint64_t hash(const compact_rational& a) {
    if (a.is_small()) return a.hash_small();
    return hash_limbs(hash_limbs(0x5851F42D4C957F2DULL, mpq_numref(a.big())), mpq_denref(a.big()));
  }
  static std::size_t bits(const compact_rational& a) { return a.bits(); }
  static std::size_t memory(const compact_rational& a) { return sizeof(compact_rational) + sizeof(mp_limb_t) * a.limbs(); }

 private:
  [[noreturn]] static void not_exact() { throw std::logic_error("operation is not exact in rational mode"); }
};

template <>
struct arithmetic<real_number> {
  struct context {
    mpfr_prec_t precision = 53;
  };
  static constexpr bool exact = false;
  static constexpr bool encloses = false;

  static real_number zero(const context& c) { return real_number(c.precision); }
  // Literals are rounded once, to nearest, when a run starts.
  static void assign(real_number& out, const rational& exact_value, const context&) {
    mpfr_set_q(out.get(), exact_value.backend().data(), MPFR_RNDN);
  }
  // An irrational constant, rounded correctly once (reals.md, section 2).
  static void assign_real(real_number& out, const real_expression& value, const context&) {
    round_correctly(value, out.get());
  }
  static void assign_integer(real_number& out, long value) { mpfr_set_si(out.get(), value, MPFR_RNDN); }
  static void copy(real_number& out, const real_number& a) { mpfr_set(out.get(), a.get(), MPFR_RNDN); }
  static void mul(real_number& out, const real_number& a, const real_number& b) {
    mpfr_mul(out.get(), a.get(), b.get(), MPFR_RNDN);
  }
  static void add(real_number& out, const real_number& a, const real_number& b) {
    mpfr_add(out.get(), a.get(), b.get(), MPFR_RNDN);
  }
  static void sub(real_number& out, const real_number& a, const real_number& b) {
    mpfr_sub(out.get(), a.get(), b.get(), MPFR_RNDN);
  }
  static void abs(real_number& out, const real_number& a) { mpfr_abs(out.get(), a.get(), MPFR_RNDN); }
  static void square(real_number& out, const real_number& a) { mpfr_sqr(out.get(), a.get(), MPFR_RNDN); }
  static void divide_one_by(real_number& out, const real_number& a) { mpfr_ui_div(out.get(), 1, a.get(), MPFR_RNDN); }
  static int sign(const real_number& a) { return mpfr_sgn(a.get()); }
  static int compare(const real_number& a, const real_number& b) { return mpfr_cmp(a.get(), b.get()); }
  static bool equal(const real_number& a, const real_number& b) { return mpfr_equal_p(a.get(), b.get()) != 0; }
  static bool finite(const real_number& a) { return mpfr_number_p(a.get()) != 0; }
  static void sqrt(real_number& out, const real_number& a) { mpfr_sqrt(out.get(), a.get(), MPFR_RNDN); }
  static void exp(real_number& out, const real_number& a) { mpfr_exp(out.get(), a.get(), MPFR_RNDN); }
  static void tanh(real_number& out, const real_number& a) { mpfr_tanh(out.get(), a.get(), MPFR_RNDN); }

  static std::uint64_t hash(const real_number& a) { return hash_mpfr(a.get()); }
  static std::size_t bits(const real_number& a) { return static_cast<std::size_t>(mpfr_get_prec(a.get())); }
  static std::size_t memory(const real_number& a) {
    return sizeof(real_number) + static_cast<std::size_t>(mpfr_get_prec(a.get())) / 8 + sizeof(mp_limb_t);
  }
};

template <>
struct arithmetic<double> {
  struct context {};
  static constexpr bool exact = false;
  static constexpr bool encloses = false;

  static double zero(const context&) { return 0.0; }
  // Round to nearest: through MPFR at 53 bits, since mpq_get_d truncates.
  static void assign(double& out, const rational& exact_value, const context&) {
    real_number rounded(53);
    mpfr_set_q(rounded.get(), exact_value.backend().data(), MPFR_RNDN);
    out = mpfr_get_d(rounded.get(), MPFR_RNDN);
  }
  static void assign_integer(double& out, long value) { out = static_cast<double>(value); }
  static void assign_real(double& out, const real_expression& value, const context&) {
    out = round_to_double(value);
  }
  static void copy(double& out, double a) { out = a; }
  static void mul(double& out, double a, double b) { out = a * b; }
  static void add(double& out, double a, double b) { out = a + b; }
  static void sub(double& out, double a, double b) { out = a - b; }
  static void abs(double& out, double a) { out = std::fabs(a); }
  static void square(double& out, double a) { out = a * a; }
  static void divide_one_by(double& out, double a) { out = 1.0 / a; }
  static int sign(double a) { return (a > 0) - (a < 0); }
  static int compare(double a, double b) { return (a > b) - (a < b); }
  static bool equal(double a, double b) { return a == b; }
  static bool finite(double a) { return std::isfinite(a); }
  static void sqrt(double& out, double a) { out = std::sqrt(a); }
  static void exp(double& out, double a) { out = std::exp(a); }
  static void tanh(double& out, double a) { out = std::tanh(a); }

  // The bits themselves: a state's hash mixes each neuron's value hash
  // with the neuron (hash_share, src/run/state_hash.hpp), and a second mix
  // here cost a quarter of a step where every value changes.
  static std::uint64_t hash(double a) {
    if (a == 0.0) return 0;  // +0 and -0 are equal values
    std::uint64_t bits_of_a = 0;
    std::memcpy(&bits_of_a, &a, sizeof a);
    return bits_of_a;
  }
  static std::size_t bits(double) { return 64; }
  static std::size_t memory(double) { return sizeof(double); }
};

// Interval arithmetic (reals.md, sections 2 and 3).  Each operation encloses
// the exact result of the operation for every real of its arguments
// (outward rounding), so a value computed from enclosures encloses the
// exact value of the real computation.  `equal` means *proven* equal: both
// are the same point.  The activations are applied by the simulator, which
// must decide their pieces; the comparisons it needs are `lower`/`upper`.
template <>
struct arithmetic<interval_number> {
  struct context {
    mpfr_prec_t precision = 64;
  };
  static constexpr bool exact = false;
  static constexpr bool encloses = true;

  static interval_number zero(const context& c) { return interval_number(c.precision); }
  // A literal: the smallest interval of P-bit bounds around it (the point
  // when it fits, as every dyadic number of at most P bits does).
  static void assign(interval_number& out, const rational& exact_value, const context&) {
    mpfi_set_q(out.get(), exact_value.backend().data());
  }
  static void assign_real(interval_number& out, const real_expression& value, const context&) {
    enclose_value(value, out.get());
  }
  static void assign_integer(interval_number& out, long value) { mpfi_set_si(out.get(), value); }
  static void copy(interval_number& out, const interval_number& a) { mpfi_set(out.get(), a.get()); }
  static void mul(interval_number& out, const interval_number& a, const interval_number& b) {
    mpfi_mul(out.get(), a.get(), b.get());
  }
  static void add(interval_number& out, const interval_number& a, const interval_number& b) {
    mpfi_add(out.get(), a.get(), b.get());
  }
  static void sub(interval_number& out, const interval_number& a, const interval_number& b) {
    mpfi_sub(out.get(), a.get(), b.get());
  }
  static void abs(interval_number& out, const interval_number& a) { mpfi_abs(out.get(), a.get()); }
  // x^2 as one operation: x * x of a interval around 0 would go below 0.
  static void square(interval_number& out, const interval_number& a) { mpfi_sqr(out.get(), a.get()); }
  static void divide_one_by(interval_number& out, const interval_number& a) { mpfi_inv(out.get(), a.get()); }
  static void sqrt(interval_number& out, const interval_number& a) { mpfi_sqrt(out.get(), a.get()); }
  static void exp(interval_number& out, const interval_number& a) { mpfi_exp(out.get(), a.get()); }
  static void tanh(interval_number& out, const interval_number& a) { mpfi_tanh(out.get(), a.get()); }
  // Both the same point.
  static bool equal(const interval_number& a, const interval_number& b) {
    return a.is_point() && b.is_point() && mpfr_equal_p(&a.get()->left, &b.get()->left) != 0;
  }
  // No real lies in both: the exact values differ.
  static bool disjoint(const interval_number& a, const interval_number& b) {
    return mpfr_less_p(&a.get()->right, &b.get()->left) != 0 || mpfr_less_p(&b.get()->right, &a.get()->left) != 0;
  }
  static bool finite(const interval_number& a) { return mpfi_nan_p(a.get()) == 0 && mpfi_bounded_p(a.get()) != 0; }
  // The sign of every real in the interval, or nothing when it has reals of
  // two signs (or 0 and another sign).
  static std::optional<int> proven_sign(const interval_number& a) {
    if (mpfi_is_strictly_pos(a.get()) > 0) return 1;
    if (mpfi_is_strictly_neg(a.get()) > 0) return -1;
    if (mpfi_is_zero(a.get()) > 0) return 0;
    return std::nullopt;
  }
  // The proven sign; throws std::domain_error when it is not proven.
  static int sign(const interval_number& a) {
    if (const std::optional<int> s = proven_sign(a)) return *s;
    throw std::domain_error("the sign of an interval that contains 0 and other numbers is not proven");
  }
  static mpfr_srcptr lower(const interval_number& a) { return &a.get()->left; }
  static mpfr_srcptr upper(const interval_number& a) { return &a.get()->right; }

  static std::uint64_t hash(const interval_number& a) {
    return mix_hash(hash_mpfr(lower(a)) + 0x9E3779B97F4A7C15ULL * hash_mpfr(upper(a)));
  }
  static std::size_t bits(const interval_number& a) { return static_cast<std::size_t>(mpfi_get_prec(a.get())); }
  static std::size_t memory(const interval_number& a) {
    return sizeof(interval_number) + 2 * (static_cast<std::size_t>(mpfi_get_prec(a.get())) / 8 + sizeof(mp_limb_t));
  }

};

}  // namespace nnsim
