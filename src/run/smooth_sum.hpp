// Exact weighted sums b + Σ w_k·y_k without a single gcd, for the case that
// every denominator involved is a product of powers of a few primes known
// in advance.
//
// That is the case of almost every exact network: the denominators of a
// state divide those of the weights and biases times those of the state
// before (σ maps a rational to itself, 0, 1 or -1), so from the initial
// values and the inputs on, only the primes of those numbers and of the
// weights ever appear -- 3, 5 and 7 for weights k/3, k/5, k/7; 2 and 5 for a
// compiled Turing machine (weights 1/10, 1/100).  A sum of mpq fractions
// reduces every partial result by a gcd of the big denominators; here the
// terms are brought to the common denominator Π p^E_p (E_p the largest
// exponent of p among the terms) by multiplying each numerator with the
// small factor Π p^(E_p - e_p) it lacks, the numerators are added as
// integers, and the sum is put in lowest terms by dividing out the primes
// while the numerator is divisible by them.  The result is the same
// rational in lowest terms that mpq arithmetic gives, so hashing and
// comparing states see no difference.
//
// The exponents of a value's denominator are read from the note its
// compact_rational carries (numbers/compact_rational.hpp); a value without
// one is factored once and noted.  A value whose denominator has another
// prime makes evaluate() decline, and the caller evaluates that equation the
// general way.
#pragma once

#include "nnsim/model/network.hpp"  // activation
#include "nnsim/numbers/rational.hpp"
#include "numbers/compact_rational.hpp"

#include <gmp.h>

#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <vector>

namespace nnsim {

// Whether the exact sums below handle σ: step, sign, sat, relu and id.
inline bool piecewise_linear(activation act) {
  return act == activation::step || act == activation::sign || act == activation::sat || act == activation::relu ||
         act == activation::id;
}

// σ(ξ) from the sign of ξ alone, when that decides it (always for step and
// sign; at 0 for the others, and below 0 for sat and relu): writes out and
// returns true; false when σ(ξ) needs ξ's value.
inline bool activate_by_sign(activation act, int sign, compact_rational& out) {
  if (act == activation::step || act == activation::sign) {
    out.assign_integer(sign >= 0 ? 1 : (act == activation::step ? 0 : -1));
    return true;
  }
  if (sign == 0 || (sign < 0 && act != activation::id)) {
    out.assign_integer(0);
    return true;
  }
  return false;
}

class smooth_sum {
 public:
  static constexpr std::size_t max_primes = compact_rational::noted_primes;
  static constexpr std::uint32_t max_exponent = 0xFFFF;  // what a note holds
  using exponent_vector = std::array<std::uint32_t, max_primes>;

  // A weight or a bias as numerator / Π prime_s^exponents_s over the basis.
  struct coefficient {
    std::int64_t numerator = 0;
    exponent_vector exponents{};
    bool word = true;  // the engine holds it as a word k / 2^j
  };

  smooth_sum();
  ~smooth_sum();
  smooth_sum(const smooth_sum&) = delete;
  smooth_sum& operator=(const smooth_sum&) = delete;

  // The basis: 2 and the primes added so far, in their order.
  std::size_t prime_count() const { return prime_count_; }
  void keep_primes(std::size_t count);  // forgets the primes added after the first `count`
  // Adds the primes of the denominator of `value` to the basis.  False, with
  // the basis as it was, when one of them is 256 or more or the basis would
  // have more than max_primes primes.
  bool add_primes_of(const rational& value);
  bool add_primes_of(const compact_rational& value);
  // `value` as a coefficient: false when its numerator does not fit 63 bits
  // or its denominator is not over the basis.
  bool make_coefficient(const compact_rational& value, coefficient& out);

  // out = σ(bias + Σ_{k < count} weights[k] · y[sources[k]]) for σ one of
  // step, sign, sat, relu and id.  False, with out untouched, when a value
  // of y is not over the basis, or when every number of the sum is a word
  // (the engine's word arithmetic is faster there).
  bool evaluate(const coefficient& bias, const coefficient* weights, const std::uint32_t* sources,
                std::size_t count, const compact_rational* y, activation act, compact_rational& out);

 private:
  bool add_primes_of_denominator(mpz_srcptr denominator);
  // A note with the basis's primes and no exponents yet.
  compact_rational::denominator_note basis_note() const;
  // What is left of `denominator` once the basis's primes are divided out;
  // their exponents go to `exponents`.
  unsigned long strip_basis(unsigned long denominator, exponent_vector& exponents) const;
  // The exponents of the denominator of `value` over the basis; false when
  // it has another prime or too large an exponent.  Here, inline since it
  // is asked for every term, the cases of almost every term: a word, and a
  // value noted over this basis.
  bool exponents_of(const compact_rational& value, exponent_vector& out) {
    if (value.is_small()) {
      out = {};
      out[0] = value.shift();  // primes_[0] is 2
      return true;
    }
    if (value.noted()) {
      const compact_rational::denominator_note note = value.note();
      if (std::bit_cast<std::uint32_t>(note.primes) == packed_primes_) {
        for (std::size_t s = 0; s < max_primes; ++s) out[s] = note.exponents[s];
        return true;
      }
    }
    return exponents_of_other(value, out);
  }
  // exponents_of(value, out) for a value in the mpq form without a note
  // over this basis: a note over another basis (an earlier run's) is read
  // slot by slot; a value without a note is factored once, then noted.
  bool exponents_of_other(const compact_rational& value, exponent_vector& out);
  // p_slot^k, valid until the next call for the same slot.
  mpz_srcptr power(std::size_t slot, std::uint32_t k);
  // numerator · Π p^(target - have) as an int64, when it fits.  Every slot,
  // the unused ones too (their factor is p^0 = 1).
  bool scaled_word(std::int64_t numerator, const exponent_vector& have, const exponent_vector& target,
                   std::int64_t& out) const {
    std::int64_t result = numerator;
    for (std::size_t s = 0; s < max_primes; ++s) {
      const std::uint32_t missing = target[s] - have[s];
      if (missing >= word_power_count_[s] || __builtin_mul_overflow(result, word_powers_[s][missing], &result)) {
        return false;
      }
    }
    if (result == std::numeric_limits<std::int64_t>::min()) return false;  // -result must fit
    out = result;
    return true;
  }
  // out = Π p^exponents[s] over the basis, from the cache of denominators
  // when it holds them.
  void make_denominator(const exponent_vector& exponents, mpz_ptr out);
  // sum_ += value · multiplier · Π p^(target - have), in mpz.
  void add_scaled(mpz_srcptr value, std::int64_t multiplier, const exponent_vector& have,
                  const exponent_vector& target);

  std::array<unsigned, max_primes> primes_{};
  std::size_t prime_count_ = 0;
  std::uint32_t packed_primes_ = 0;  // primes_ as a note packs them
  // word_powers_[s][k] = p_s^k for k < word_power_count_[s], the powers
  // below 2^63; a slot without a prime has just p^0 = 1.  Fixed arrays, so
  // that the loops over the slots, run for every term of a sum, have a
  // length known when compiling and no branch per slot.
  static constexpr std::size_t max_word_powers = 63;  // 2^0 .. 2^62
  std::array<std::array<std::int64_t, max_word_powers>, max_primes> word_powers_{};
  std::array<std::uint32_t, max_primes> word_power_count_{};
  // powers_[s][k] = p_s^k for k < cached_powers (made on demand; GMP's
  // structs hold their limbs by pointer, so a vector may move them).  A
  // larger power is made from the last one of its prime, which the sums of
  // one network mostly ask for again or a few factors of p apart; a table of
  // all of them would grow with the square of the exponent.
  static constexpr std::uint32_t cached_powers = 64;
  std::array<std::vector<__mpz_struct>, max_primes> powers_;
  std::array<__mpz_struct, max_primes> last_power_{};
  std::array<std::uint32_t, max_primes> last_exponent_{};  // 0: none yet
  mpz_t sum_, term_, denominator_, scratch_;
  // Π p^E_p of the sum being evaluated, once made; like the other
  // scratch numbers it lives in GMP's counted memory, one number's worth.
  mpz_t common_denominator_;
  // Denominators made before, by their exponents, in a direct-mapped table:
  // the sums of a network ask for a few thousand distinct ones again and
  // again (7,872 distinct among 135,225 in 100 steps of a network of 2,000
  // neurons with weights k/3, k/5, k/7), and a copy costs a fraction of
  // the products of powers.  Only denominators of up to cached_limbs limbs
  // are kept, so that the table holds at most 1 MiB of them; their limbs
  // are the table's own, not GMP's, so that they do not count as numbers
  // of the computation against --max-memory (number_memory.hpp) -- the
  // table is scratch of a bounded size, like the powers above.  It is made
  // at the first denominator, and emptied at the first denominator asked
  // for over other primes than its entries' (cached_primes_), since the
  // exponents then mean other numbers; a run whose inputs bring back the
  // primes of the run before keeps it.
  struct cached_denominator {
    exponent_vector exponents{};
    bool filled = false;
    std::vector<mp_limb_t> limbs;  // the denominator, least significant first
  };
  static constexpr std::size_t denominator_cache_bits = 12;
  static constexpr std::size_t cached_limbs = 32;
  std::vector<cached_denominator> denominator_cache_;
  std::uint32_t cached_primes_ = 0;  // the basis of its entries, packed as packed_primes_
  std::vector<exponent_vector> term_exponents_;  // per term of the sum being evaluated
};

}  // namespace nnsim
