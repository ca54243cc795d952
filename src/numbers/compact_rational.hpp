// A rational number held in a machine word when it is a small dyadic
// number k / 2^j, and as a GMP mpq otherwise: the number type of the
// engine in rational mode.  The values of Boolean networks, the control
// neurons of a compiled machine and most values of dyadic networks are of
// the small kind; their arithmetic is a few integer instructions with
// overflow checks (no mpq, no gcd), and an operation whose exact result does
// not fit is redone on mpq.
//
// Every value has exactly one representation, because repetitions are found
// by hashing values and comparing states: the small form is used exactly
// when the value is k / 2^j in lowest terms (k odd, or j = 0) with
// INT64_MIN < k <= INT64_MAX and j <= max_shift, and every result -- an mpq
// one too -- is put in that form.  Equality and the hash can then look at the
// representation.  INT64_MIN is left out so that -k and |k| never overflow.
//
// A value in the mpq form may carry a note of how its denominator factors
// over at most four primes below 256 (run/smooth_sum.hpp writes and
// reads it); the note is a fact about the value alone, is copied with it and
// is dropped whenever the value is written otherwise.  It takes no room: it
// lives in the word and the shift, which the mpq form does not use.
#pragma once

#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/value_format.hpp"

#include <gmp.h>

#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cstdint>
#include <string>

namespace nnsim {

class compact_rational {
 public:
  // Largest j of the small form (its denominator 2^j then has j + 1 bits).
  static constexpr std::uint32_t max_shift = 1U << 20;

  compact_rational() noexcept = default;  // 0
  compact_rational(const compact_rational& other)
      : word_(other.word_), shift_(other.shift_), noted_(other.noted_) {
    if (other.big_) {
      mpq_init(&q_);
      storage_ = true;
      mpq_set(&q_, &other.q_);
      big_ = true;
    }
  }
  compact_rational(compact_rational&& other) noexcept
      : word_(other.word_),
        shift_(other.shift_),
        big_(other.big_),
        storage_(other.storage_),
        noted_(other.noted_),
        q_(other.q_) {
    other.storage_ = false;
    other.big_ = false;
    other.word_ = 0;
    other.shift_ = 0;
  }
  compact_rational& operator=(const compact_rational& other) {
    if (this != &other) copy_from(other);
    return *this;
  }
  compact_rational& operator=(compact_rational&& other) noexcept {
    swap(*this, other);
    return *this;
  }
  ~compact_rational() {
    if (storage_) mpq_clear(&q_);
  }
  friend void swap(compact_rational& a, compact_rational& b) noexcept {
    std::swap(a.word_, b.word_);
    std::swap(a.shift_, b.shift_);
    std::swap(a.big_, b.big_);
    std::swap(a.storage_, b.storage_);
    std::swap(a.noted_, b.noted_);
    std::swap(a.q_, b.q_);  // GMP's structs hold their limbs by pointer: they move as bytes
  }

  explicit compact_rational(const rational& value) { assign(value); }

  // The small form: the value is numerator() / 2^shift().
  bool is_small() const { return !big_; }
  std::int64_t numerator() const { return word_; }
  std::uint32_t shift() const { return shift_; }
  // The mpq form (only when !is_small()).
  mpq_srcptr big() const { return &q_; }

  void assign(const rational& value) { assign(value.backend().data()); }
  void assign(mpq_srcptr value) {
    if (fits(value, word_, shift_)) {
      big_ = false;
      return;
    }
    storage();
    mpq_set(&q_, value);
    big_ = true;
    noted_ = false;
  }
  void assign_integer(long value) {
    if (value == LONG_MIN) {
      storage();
      mpq_set_si(&q_, value, 1);
      big_ = true;
      noted_ = false;
      return;
    }
    word_ = value;
    shift_ = 0;
    big_ = false;
  }
  // The value k / 2^j, given in lowest terms (k odd, or j = 0); false, with
  // nothing changed, when that is not a word (k = INT64_MIN, j > max_shift).
  bool assign_dyadic(std::int64_t k, std::uint32_t j) {
    if (k == INT64_MIN || j > max_shift) return false;
    word_ = k;
    shift_ = k == 0 ? 0 : j;
    big_ = false;
    return true;
  }
  void copy_from(const compact_rational& other) {
    if (other.big_) {
      storage();
      mpq_set(&q_, &other.q_);
      big_ = true;
      noted_ = other.noted_;
      if (noted_) {
        word_ = other.word_;
        shift_ = other.shift_;
      }
    } else {
      word_ = other.word_;
      shift_ = other.shift_;
      big_ = false;
    }
  }
  rational to_rational() const {
    rational r;
    write_to(r.backend().data());
    return r;
  }
  void write_to(mpq_ptr out) const {
    if (big_) {
      mpq_set(out, &q_);
      return;
    }
    mpz_set_si(mpq_numref(out), word_);
    mpz_set_ui(mpq_denref(out), 0);
    mpz_setbit(mpq_denref(out), shift_);
  }

  int sign() const { return big_ ? mpq_sgn(&q_) : (word_ > 0) - (word_ < 0); }
  bool operator==(const compact_rational& other) const {
    if (big_ != other.big_) return false;  // one form per value
    if (!big_) return word_ == other.word_ && shift_ == other.shift_;
    return mpq_equal(&q_, &other.q_) != 0;
  }

  static void mul(compact_rational& out, const compact_rational& a, const compact_rational& b) {
    if (!a.big_ && !b.big_) {
      std::int64_t k = 0;
      if (!__builtin_mul_overflow(a.word_, b.word_, &k) &&
          out.set_small(k, static_cast<std::uint64_t>(a.shift_) + b.shift_)) {
        return;
      }
    }
    slow(operation::mul, out, a, b);
  }
  static void add(compact_rational& out, const compact_rational& a, const compact_rational& b) {
    add_or_sub<operation::add>(out, a, b);
  }
  static void sub(compact_rational& out, const compact_rational& a, const compact_rational& b) {
    add_or_sub<operation::sub>(out, a, b);
  }
  static void abs(compact_rational& out, const compact_rational& a) {
    if (!a.big_) {
      out.word_ = a.word_ < 0 ? -a.word_ : a.word_;  // INT64_MIN is never small
      out.shift_ = a.shift_;
      out.big_ = false;
      return;
    }
    out.storage();
    mpq_abs(&out.q_, &a.q_);
    out.big_ = true;  // |a| does not fit when a does not
    out.noted_ = false;
  }
  static void divide_one_by(compact_rational& out, const compact_rational& a) { slow(operation::invert, out, a, a); }
  static int compare(const compact_rational& a, const compact_rational& b) {
    if (!a.big_ && !b.big_) {
      const int sa = a.sign();
      const int sb = b.sign();
      if (sa != sb) return sa < sb ? -1 : 1;
      // Same sign: compare a.word_ * 2^(j - a.shift_) with b.word_ * 2^(j - b.shift_).
      std::int64_t x = a.word_;
      std::int64_t y = b.word_;
      std::uint32_t j = 0;
      if (align(x, a.shift_, y, b.shift_, j)) return (x > y) - (x < y);
      // The scaled one has an absolute value of at least 2^63, more than
      // any word: it is the larger one when positive.
      const bool a_scaled = a.shift_ < b.shift_;
      return a_scaled == (sa > 0) ? 1 : -1;
    }
    return compare_slow(a, b);
  }

  // The note on the denominator of a value in the mpq form: it is
  // prod over i of primes[i]^exponents[i] (a prime 0 is an unused place).
  static constexpr std::size_t noted_primes = 4;
  struct denominator_note {
    std::array<std::uint8_t, noted_primes> primes{};
    std::array<std::uint16_t, noted_primes> exponents{};
  };
  bool noted() const { return big_ && noted_; }
  denominator_note note() const {
    return {std::bit_cast<std::array<std::uint8_t, noted_primes>>(shift_),
            std::bit_cast<std::array<std::uint16_t, noted_primes>>(word_)};
  }
  // Notes how the denominator factors; the caller has checked it.  Only
  // the note changes (it is a cache), so a value read as const may get one.
  void set_note(const denominator_note& note) const {
    shift_ = std::bit_cast<std::uint32_t>(note.primes);
    word_ = std::bit_cast<std::int64_t>(note.exponents);
    noted_ = true;
  }
  // Sets the value to numerator / denominator, which the caller has in
  // lowest terms with a positive denominator; their limbs are swapped in
  // (the two arguments get this value's old storage).  In the mpq form the
  // value gets `note`, which must describe the denominator, when given.
  void set_lowest_terms(mpz_ptr numerator, mpz_ptr denominator, const denominator_note* note) {
    storage();
    mpz_swap(mpq_numref(&q_), numerator);
    mpz_swap(mpq_denref(&q_), denominator);
    canonicalize();
    if (big_ && note != nullptr) set_note(*note);
  }

  std::uint64_t hash_small() const;
  // Bits of the numerator plus bits of the denominator in lowest terms, as
  // bit_size(rational).
  std::size_t bits() const {
    if (big_) return mpz_sizeinbase(mpq_numref(&q_), 2) + mpz_sizeinbase(mpq_denref(&q_), 2);
    const std::uint64_t magnitude = static_cast<std::uint64_t>(word_ < 0 ? -word_ : word_);
    const std::size_t numerator_bits = magnitude == 0 ? 1 : static_cast<std::size_t>(std::bit_width(magnitude));
    return numerator_bits + shift_ + 1;
  }
  // The limbs this number holds in GMP storage.
  std::size_t limbs() const {
    return storage_ ? mpz_size(mpq_numref(&q_)) + mpz_size(mpq_denref(&q_)) : 0;
  }

 private:
  enum class operation { mul, add, sub, invert };

  // a + b or a - b: on words over their common power of two when both are
  // small and nothing overflows, else on mpq.
  template <operation op>
  static void add_or_sub(compact_rational& out, const compact_rational& a, const compact_rational& b) {
    static_assert(op == operation::add || op == operation::sub);
    if (!a.big_ && !b.big_) {
      std::int64_t x = a.word_;
      std::int64_t y = b.word_;
      std::uint32_t j = 0;
      std::int64_t k = 0;
      if (align(x, a.shift_, y, b.shift_, j)) {
        const bool overflow =
            op == operation::add ? __builtin_add_overflow(x, y, &k) : __builtin_sub_overflow(x, y, &k);
        if (!overflow && out.set_small(k, j)) return;
      }
    }
    slow(op, out, a, b);
  }
  // The small form of k / 2^j in lowest terms, when it has one.
  bool set_small(std::int64_t k, std::uint64_t j) {
    if (k == 0) {
      word_ = 0;
      shift_ = 0;
      big_ = false;
      return true;
    }
    if (j != 0) {
      const std::uint64_t common = std::min<std::uint64_t>(static_cast<std::uint64_t>(std::countr_zero(
                                                               static_cast<std::uint64_t>(k))),
                                                           j);
      k >>= common;  // exact: k is a multiple of 2^common
      j -= common;
    }
    if (k == INT64_MIN || j > max_shift) return false;
    word_ = k;
    shift_ = static_cast<std::uint32_t>(j);
    big_ = false;
    return true;
  }
  // Brings x / 2^jx and y / 2^jy to the common denominator 2^j, j the larger
  // shift; false when the scaled numerator does not fit a word.
  static bool align(std::int64_t& x, std::uint32_t jx, std::int64_t& y, std::uint32_t jy, std::uint32_t& j) {
    if (jx == jy) {
      j = jx;
      return true;
    }
    if (jx < jy) {
      j = jy;
      return scale(x, jy - jx);
    }
    j = jx;
    return scale(y, jx - jy);
  }
  static bool scale(std::int64_t& x, std::uint32_t by) {
    if (by >= 63) return x == 0;
    return !__builtin_mul_overflow(x, std::int64_t{1} << by, &x);
  }
  // Whether `value` has the small form, and which.
  static bool fits(mpq_srcptr value, std::int64_t& k, std::uint32_t& j) {
    const mpz_srcptr num = mpq_numref(value);
    const mpz_srcptr den = mpq_denref(value);
    if (mpz_fits_slong_p(num) == 0) return false;
    const long n = mpz_get_si(num);
    if (n == LONG_MIN) return false;
    const std::size_t den_bits = mpz_sizeinbase(den, 2);
    if (den_bits - 1 > max_shift || mpz_scan1(den, 0) != den_bits - 1) return false;  // not a power of two
    k = n;
    j = static_cast<std::uint32_t>(den_bits - 1);
    return true;
  }
  void storage() {
    if (!storage_) {
      mpq_init(&q_);
      storage_ = true;
    }
  }
  // The mpq result of q_ put in canonical form.
  void canonicalize() {
    big_ = !fits(&q_, word_, shift_);
    noted_ = false;
  }
  static void slow(operation op, compact_rational& out, const compact_rational& a, const compact_rational& b);
  static int compare_slow(const compact_rational& a, const compact_rational& b);

  // Mutable for the note only: the small form's word and shift never change
  // through a const value.
  mutable std::int64_t word_ = 0;     // the small form's k; or the note's exponents
  mutable std::uint32_t shift_ = 0;   // the small form's j; or the note's primes
  bool big_ = false;                  // the value is q_, not word_ / 2^shift_
  bool storage_ = false;              // q_ is initialised (kept while small, to be reused)
  mutable bool noted_ = false;        // in the mpq form: word_ and shift_ hold a note
  __mpq_struct q_{};
};

inline rational to_rational(const compact_rational& value) { return value.to_rational(); }
inline std::string format_value(const compact_rational& value) { return format_value(value.to_rational()); }

}  // namespace nnsim
