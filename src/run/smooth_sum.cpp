#include "run/smooth_sum.hpp"

#include <algorithm>
#include <climits>
#include <limits>

namespace nnsim {
namespace {

// The primes below 256.
constexpr std::array<unsigned, 54> small_primes = {
    2,   3,   5,   7,   11,  13,  17,  19,  23,  29,  31,  37,  41,  43,  47,  53,  59,  61,
    67,  71,  73,  79,  83,  89,  97,  101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151,
    157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233, 239, 241, 251};

}  // namespace

smooth_sum::smooth_sum() {
  for (__mpz_struct& power : last_power_) mpz_init(&power);
  mpz_init(sum_);
  mpz_init(term_);
  mpz_init(denominator_);
  mpz_init(scratch_);
  mpz_init(common_denominator_);
  keep_primes(0);
  add_primes_of(rational(1, 2));
}

smooth_sum::~smooth_sum() {
  for (auto& list : powers_) {
    for (__mpz_struct& power : list) mpz_clear(&power);
  }
  for (__mpz_struct& power : last_power_) mpz_clear(&power);
  mpz_clear(sum_);
  mpz_clear(term_);
  mpz_clear(denominator_);
  mpz_clear(scratch_);
  mpz_clear(common_denominator_);
}

void smooth_sum::keep_primes(std::size_t count) {
  for (std::size_t s = count; s < max_primes; ++s) {
    primes_[s] = 0;
    word_powers_[s][0] = 1;
    word_power_count_[s] = 1;
    for (__mpz_struct& power : powers_[s]) mpz_clear(&power);
    powers_[s].clear();
    last_exponent_[s] = 0;
  }
  prime_count_ = std::min(prime_count_, count);
  packed_primes_ = std::bit_cast<std::uint32_t>(basis_note().primes);
}

compact_rational::denominator_note smooth_sum::basis_note() const {
  compact_rational::denominator_note note;
  for (std::size_t s = 0; s < prime_count_; ++s) note.primes[s] = static_cast<std::uint8_t>(primes_[s]);
  return note;
}

unsigned long smooth_sum::strip_basis(unsigned long denominator, exponent_vector& exponents) const {
  for (std::size_t s = 0; s < prime_count_; ++s) {
    std::uint32_t count = 0;
    for (; denominator % primes_[s] == 0; ++count) denominator /= primes_[s];
    exponents[s] = count;  // below 64
  }
  return denominator;
}

bool smooth_sum::add_primes_of(const rational& value) {
  return add_primes_of_denominator(mpq_denref(value.backend().data()));
}

bool smooth_sum::add_primes_of(const compact_rational& value) {
  // A word's denominator is a power of two, and 2 is always in the basis.
  return value.is_small() || add_primes_of_denominator(mpq_denref(value.big()));
}

bool smooth_sum::add_primes_of_denominator(mpz_srcptr denominator) {
  // Most denominators are small and over the basis already: decided in a
  // machine word.
  exponent_vector unused;
  if (mpz_fits_ulong_p(denominator) != 0 && strip_basis(mpz_get_ui(denominator), unused) == 1) return true;
  mpz_set(scratch_, denominator);
  std::array<unsigned, max_primes> found{};
  std::size_t found_count = 0;
  for (unsigned p : small_primes) {
    if (mpz_cmp_ui(scratch_, 1) == 0) break;
    if (mpz_divisible_ui_p(scratch_, p) == 0) continue;
    while (mpz_divisible_ui_p(scratch_, p) != 0) mpz_divexact_ui(scratch_, scratch_, p);
    if (std::find(primes_.begin(), primes_.begin() + prime_count_, p) != primes_.begin() + prime_count_) continue;
    if (prime_count_ + found_count == max_primes) return false;
    found[found_count++] = p;
  }
  if (mpz_cmp_ui(scratch_, 1) != 0) return false;  // a prime of 256 or more
  for (std::size_t i = 0; i < found_count; ++i) {
    const std::size_t s = prime_count_++;
    primes_[s] = found[i];
    std::uint32_t& count = word_power_count_[s];
    word_powers_[s][0] = 1;
    for (count = 1; word_powers_[s][count - 1] <= std::numeric_limits<std::int64_t>::max() / found[i]; ++count) {
      word_powers_[s][count] = word_powers_[s][count - 1] * found[i];
    }
  }
  keep_primes(prime_count_);  // packs the primes
  return true;
}

bool smooth_sum::make_coefficient(const compact_rational& value, coefficient& out) {
  out.word = value.is_small();
  if (out.word) {
    out.numerator = value.numerator();
    out.exponents = {};
    out.exponents[0] = value.shift();
    return value.shift() <= max_exponent;
  }
  const mpz_srcptr numerator = mpq_numref(value.big());
  if (mpz_fits_slong_p(numerator) == 0 || mpz_get_si(numerator) == LONG_MIN) return false;
  out.numerator = mpz_get_si(numerator);
  return exponents_of(value, out.exponents);
}

bool smooth_sum::exponents_of_other(const compact_rational& value, exponent_vector& out) {
  out = {};
  if (value.noted()) {  // over another basis (an earlier run's)
    const compact_rational::denominator_note note = value.note();
    for (std::size_t i = 0; i < max_primes; ++i) {
      if (note.exponents[i] == 0) continue;
      const auto slot = std::find(primes_.begin(), primes_.begin() + prime_count_, note.primes[i]);
      if (slot == primes_.begin() + prime_count_) return false;
      out[static_cast<std::size_t>(slot - primes_.begin())] = note.exponents[i];
    }
    return true;
  }
  // Factored once, then noted; in a machine word when the denominator fits one.
  compact_rational::denominator_note note = basis_note();
  const mpz_srcptr denominator = mpq_denref(value.big());
  if (mpz_fits_ulong_p(denominator) != 0) {
    if (strip_basis(mpz_get_ui(denominator), out) != 1) return false;
    for (std::size_t s = 0; s < prime_count_; ++s) note.exponents[s] = static_cast<std::uint16_t>(out[s]);
    value.set_note(note);
    return true;
  }
  mpz_set(scratch_, denominator);
  for (std::size_t s = 0; s < prime_count_; ++s) {
    mp_bitcnt_t count = 0;
    if (primes_[s] == 2) {
      count = mpz_scan1(scratch_, 0);
      mpz_tdiv_q_2exp(scratch_, scratch_, count);
    } else if (mpz_divisible_ui_p(scratch_, primes_[s]) != 0) {
      count = mpz_remove(scratch_, scratch_, power(s, 1));
    }
    if (count > max_exponent) return false;
    out[s] = static_cast<std::uint32_t>(count);
    note.exponents[s] = static_cast<std::uint16_t>(count);
  }
  if (mpz_cmp_ui(scratch_, 1) != 0) return false;
  value.set_note(note);
  return true;
}

mpz_srcptr smooth_sum::power(std::size_t slot, std::uint32_t k) {
  if (k >= cached_powers) {
    mpz_ptr last = &last_power_[slot];
    const std::uint32_t had = last_exponent_[slot];
    const std::array<std::int64_t, max_word_powers>& words = word_powers_[slot];
    const std::uint32_t word_count = word_power_count_[slot];
    if (had != 0 && k >= had && k - had < word_count) {
      mpz_mul_ui(last, last, static_cast<unsigned long>(words[k - had]));
    } else if (had != 0 && k < had && had - k < word_count) {
      mpz_divexact_ui(last, last, static_cast<unsigned long>(words[had - k]));
    } else {
      mpz_ui_pow_ui(last, primes_[slot], k);
    }
    last_exponent_[slot] = k;
    return last;
  }
  std::vector<__mpz_struct>& list = powers_[slot];
  while (list.size() <= k) {
    __mpz_struct next;
    mpz_init(&next);
    if (list.empty()) {
      mpz_set_ui(&next, 1);
    } else {
      mpz_mul_ui(&next, &list.back(), primes_[slot]);
    }
    list.push_back(next);
  }
  return &list[k];
}

void smooth_sum::make_denominator(const exponent_vector& exponents, mpz_ptr out) {
  if (denominator_cache_.empty()) denominator_cache_.resize(std::size_t{1} << denominator_cache_bits);
  if (cached_primes_ != packed_primes_) {  // the exponents now mean other numbers
    for (cached_denominator& entry : denominator_cache_) entry.filled = false;
    cached_primes_ = packed_primes_;
  }
  std::uint64_t mixed = 0;
  for (std::uint32_t exponent : exponents) mixed = (mixed ^ exponent) * 0x9E3779B97F4A7C15ULL;
  cached_denominator& entry = denominator_cache_[mixed >> (64 - denominator_cache_bits)];
  if (entry.filled && entry.exponents == exponents) {
    const auto size = static_cast<mp_size_t>(entry.limbs.size());
    std::copy(entry.limbs.begin(), entry.limbs.end(), mpz_limbs_write(out, size));
    mpz_limbs_finish(out, size);  // positive
    return;
  }
  mpz_set_ui(out, 1);
  for (std::size_t s = 0; s < prime_count_; ++s) {
    if (primes_[s] != 2 && exponents[s] != 0) mpz_mul(out, out, power(s, exponents[s]));
  }
  mpz_mul_2exp(out, out, exponents[0]);
  const std::size_t size = mpz_size(out);
  if (size <= cached_limbs) {
    entry.limbs.assign(mpz_limbs_read(out), mpz_limbs_read(out) + size);
    entry.exponents = exponents;
    entry.filled = true;
  }
}

void smooth_sum::add_scaled(mpz_srcptr value, std::int64_t multiplier, const exponent_vector& have,
                            const exponent_vector& target) {
  mpz_mul_si(term_, value, multiplier);
  for (std::size_t s = 0; s < prime_count_; ++s) {
    const std::uint32_t missing = target[s] - have[s];
    if (missing == 0) continue;
    if (primes_[s] == 2) {
      mpz_mul_2exp(term_, term_, missing);
    } else {
      mpz_mul(term_, term_, power(s, missing));
    }
  }
  mpz_add(sum_, sum_, term_);
}

bool smooth_sum::evaluate(const coefficient& bias, const coefficient* weights, const std::uint32_t* sources,
                          std::size_t count, const compact_rational* y, activation act, compact_rational& out) {
  if (!piecewise_linear(act)) return false;
  // First pass: every term's exponents and the common denominator's.
  if (term_exponents_.size() < count) term_exponents_.resize(count);
  bool all_words = bias.word;
  exponent_vector target{};
  if (bias.numerator != 0) target = bias.exponents;
  for (std::size_t k = 0; k < count; ++k) {
    const compact_rational& value = y[sources[k]];
    if (weights[k].numerator == 0 || value.sign() == 0) continue;
    all_words = all_words && weights[k].word && value.is_small();
    exponent_vector& exponents = term_exponents_[k];
    if (!exponents_of(value, exponents)) return false;
    for (std::size_t s = 0; s < max_primes; ++s) {  // the unused slots hold 0
      exponents[s] += weights[k].exponents[s];
      target[s] = std::max(target[s], exponents[s]);
    }
  }
  if (all_words) return false;

  // Second pass: the numerators over the common denominator, added.
  mpz_set_ui(sum_, 0);
  std::int64_t multiplier = 0;
  bool common_denominator_made = false;
  if (bias.numerator != 0) {
    if (scaled_word(bias.numerator, bias.exponents, target, multiplier)) {
      mpz_set_si(sum_, multiplier);
    } else {
      mpz_set_si(scratch_, bias.numerator);
      add_scaled(scratch_, 1, bias.exponents, target);
    }
  }
  for (std::size_t k = 0; k < count; ++k) {
    const compact_rational& value = y[sources[k]];
    if (weights[k].numerator == 0 || value.sign() == 0) continue;
    const exponent_vector& exponents = term_exponents_[k];
    if (scaled_word(weights[k].numerator, exponents, target, multiplier)) {
      if (value.is_small()) {
        std::int64_t product = 0;
        if (!__builtin_mul_overflow(value.numerator(), multiplier, &product)) {
          if (product >= 0) {
            mpz_add_ui(sum_, sum_, static_cast<unsigned long>(product));
          } else {
            mpz_sub_ui(sum_, sum_, static_cast<unsigned long>(0) - static_cast<unsigned long>(product));
          }
        } else {
          mpz_set_si(term_, value.numerator());
          mpz_mul_si(term_, term_, multiplier);
          mpz_add(sum_, sum_, term_);
        }
      } else if (multiplier > 0) {
        mpz_addmul_ui(sum_, mpq_numref(value.big()), static_cast<unsigned long>(multiplier));
      } else {
        mpz_submul_ui(sum_, mpq_numref(value.big()), static_cast<unsigned long>(-multiplier));
      }
    } else if (std::int64_t divisor = 0; scaled_word(1, exponent_vector{}, exponents, divisor)) {
      // The term's own denominator is a word, the factor it lacks is not:
      // typically a small value (1 of a clamp, an integer) times a weight
      // k/3 in a sum over 3^100 5^80 7^70.  The factor is the common
      // denominator divided by that word -- one division of a number made
      // once per sum (and the result's denominator too when nothing
      // cancels), where the powers of each prime would cost a product of
      // big numbers per prime.
      if (!common_denominator_made) {
        make_denominator(target, common_denominator_);
        common_denominator_made = true;
      }
      mpz_divexact_ui(term_, common_denominator_, static_cast<unsigned long>(divisor));
      if (value.is_small()) {
        mpz_mul_si(term_, term_, value.numerator());
      } else {
        mpz_mul(term_, term_, mpq_numref(value.big()));
      }
      mpz_mul_si(term_, term_, weights[k].numerator);
      mpz_add(sum_, sum_, term_);
    } else if (value.is_small()) {
      mpz_set_si(scratch_, value.numerator());
      add_scaled(scratch_, weights[k].numerator, exponents, target);
    } else {
      add_scaled(mpq_numref(value.big()), weights[k].numerator, exponents, target);
    }
  }

  if (activate_by_sign(act, mpz_sgn(sum_), out)) return true;
  // Lowest terms: the sum's numerator shares with Π p^E_p only the primes p
  // that divide it.
  exponent_vector exponents = target;
  for (std::size_t s = 0; s < prime_count_; ++s) {
    if (exponents[s] == 0) continue;
    if (primes_[s] == 2) {
      const auto common = static_cast<std::uint32_t>(std::min<mp_bitcnt_t>(mpz_scan1(sum_, 0), exponents[s]));
      mpz_tdiv_q_2exp(sum_, sum_, common);  // exact
      exponents[s] -= common;
      continue;
    }
    // Usually p does not divide the sum at all, and when it does, mostly
    // once or twice: the first few factors are divided out one at a time
    // (a pass over the limbs each; mpz_remove costs several times one), and
    // if p still divides the sum, all the rest at once (one at a time would
    // cost the exponent times the size), those beyond p^E_p coming back.
    constexpr std::uint32_t one_at_a_time = 3;
    const unsigned p = primes_[s];
    std::uint32_t removed = 0;
    while (removed < exponents[s] && mpz_divisible_ui_p(sum_, p) != 0) {
      if (removed == one_at_a_time) {
        const mp_bitcnt_t rest = mpz_remove(sum_, sum_, power(s, 1));  // the sum is not 0 here
        const mp_bitcnt_t beyond = removed + rest > exponents[s] ? removed + rest - exponents[s] : 0;
        if (beyond != 0) mpz_mul(sum_, sum_, power(s, static_cast<std::uint32_t>(beyond)));
        removed = static_cast<std::uint32_t>(removed + rest - beyond);
        break;
      }
      mpz_divexact_ui(sum_, sum_, p);
      ++removed;
    }
    exponents[s] -= removed;
  }
  bool notable = true;
  compact_rational::denominator_note note = basis_note();
  for (std::size_t s = 0; s < prime_count_; ++s) {
    note.exponents[s] = static_cast<std::uint16_t>(exponents[s]);
    notable = notable && exponents[s] <= max_exponent;
  }
  if (common_denominator_made && exponents == target) {
    mpz_swap(denominator_, common_denominator_);
  } else {
    make_denominator(exponents, denominator_);
  }
  if (act == activation::sat && mpz_cmp(sum_, denominator_) > 0) {
    out.assign_integer(1);
    return true;
  }
  out.set_lowest_terms(sum_, denominator_, notable ? &note : nullptr);
  return true;
}

}  // namespace nnsim
