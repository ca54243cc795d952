// smooth_sum, the gcd-free weighted sums of rational mode: every result is
// checked against the same sum computed with GMP's mpq (Boost's
// mpq_rational) and the activation applied to it, in the one canonical form
// of compact_rational; a note it leaves on a value must describe the value's
// denominator exactly.  The sums cross every path of the implementation:
// multipliers that fit a word and ones that do not, powers beyond the cached
// ones, values with and without notes, and values it must decline.
#include "nnsim/model/network.hpp"
#include "numbers/number_arithmetic.hpp"
#include "run/smooth_sum.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

using namespace nnsim;

namespace {

using ops = arithmetic<compact_rational>;

rational power(unsigned p, unsigned k) {
  rational r;
  mpz_ui_pow_ui(mpq_numref(r.backend().data()), p, k);
  return r;
}

rational apply(activation act, const rational& xi) {
  switch (act) {
    case activation::step: return xi >= 0 ? 1 : 0;
    case activation::sign: return xi >= 0 ? 1 : -1;
    case activation::sat: return xi < 0 ? rational(0) : xi > 1 ? rational(1) : xi;
    case activation::relu: return xi < 0 ? rational(0) : xi;
    default: return xi;
  }
}

// The value's denominator factored over the note, multiplied out again.
rational noted_denominator(const compact_rational& value) {
  const compact_rational::denominator_note note = value.note();
  rational d(1);
  for (std::size_t i = 0; i < compact_rational::noted_primes; ++i) {
    if (note.exponents[i] != 0) d *= power(note.primes[i], note.exponents[i]);
  }
  return d;
}

void require_exact(const compact_rational& result, const rational& expected) {
  REQUIRE(result.to_rational() == expected);
  const compact_rational direct(expected);
  REQUIRE(ops::equal(result, direct));  // the canonical form
  REQUIRE(ops::hash(result) == ops::hash(direct));
  if (result.noted()) REQUIRE(noted_denominator(result) == denominator(expected));
}

// Random numbers k / Π p^e over `primes`, small and huge.
struct number_source {
  std::mt19937_64 rng;
  std::vector<unsigned> primes;
  rational next(bool coefficient) {
    const int shape = static_cast<int>(rng() % 10);
    rational numerator;
    if (shape == 0) {
      numerator = 0;
    } else if (shape < 6 || coefficient) {
      numerator = static_cast<long>(rng() % 17) - 8;
      if (coefficient && shape == 9) numerator = static_cast<long>(rng() >> 2) * ((rng() & 1) ? 1 : -1);
    } else {
      numerator = power(3, static_cast<unsigned>(rng() % 150)) * power(2, static_cast<unsigned>(rng() % 130)) + 1;
      if (rng() & 1) numerator = -numerator;
    }
    rational denominator(1);
    for (unsigned p : primes) {
      const unsigned limit = shape == 8 ? 200 : 6;  // shape 8: multipliers beyond a word
      if (rng() % 2 == 0) denominator *= power(p, static_cast<unsigned>(rng() % limit));
    }
    return numerator / denominator;
  }
};

}  // namespace

TEST_CASE("smooth_sum: random sums over several bases are the mpq sums", "[smooth_sum]") {
  const std::vector<std::vector<unsigned>> bases = {{2}, {3}, {2, 3}, {3, 5, 7}, {2, 5}, {2, 3, 5, 251}};
  const std::vector<activation> activations = {activation::id, activation::sat, activation::relu, activation::step,
                                               activation::sign};
  std::uint64_t seed = 1;
  for (const auto& primes : bases) {
    number_source source{std::mt19937_64(seed++), primes};
    smooth_sum sum;
    for (unsigned p : primes) REQUIRE(sum.add_primes_of(rational(1) / p));
    std::size_t evaluated = 0;
    for (int round = 0; round < 300; ++round) {
      const std::size_t count = source.rng() % 7;
      const rational bias = source.next(true);
      std::vector<rational> weights;
      std::vector<compact_rational> values;
      std::vector<std::uint32_t> sources;
      std::vector<smooth_sum::coefficient> coefficients(count);
      smooth_sum::coefficient bias_coefficient;
      REQUIRE(sum.make_coefficient(compact_rational(bias), bias_coefficient));
      for (std::size_t k = 0; k < count; ++k) {
        weights.push_back(source.next(true));
        REQUIRE(sum.make_coefficient(compact_rational(weights.back()), coefficients[k]));
        values.emplace_back(source.next(false));
        sources.push_back(static_cast<std::uint32_t>(count - 1 - k));  // read in another order
      }
      rational xi = bias;
      for (std::size_t k = 0; k < count; ++k) xi += weights[k] * values[sources[k]].to_rational();
      const activation act = activations[source.rng() % activations.size()];
      INFO("round " << round << ", " << name_of(act) << ", xi = " << to_string(xi));
      compact_rational out(rational(12345));
      if (sum.evaluate(bias_coefficient, coefficients.data(), sources.data(), count, values.data(), act, out)) {
        ++evaluated;
        require_exact(out, apply(act, xi));
      } else {
        // Declined only when every number of a nonzero term is a word; out
        // is untouched.
        bool all_words = bias_coefficient.word;
        for (std::size_t k = 0; k < count; ++k) {
          if (weights[k] == 0 || values[sources[k]].sign() == 0) continue;
          all_words = all_words && coefficients[k].word && values[sources[k]].is_small();
        }
        REQUIRE(all_words);
        REQUIRE(out.to_rational() == 12345);
      }
      // The values now carry notes; a second sum reads them.
      compact_rational again;
      if (sum.evaluate(bias_coefficient, coefficients.data(), sources.data(), count, values.data(), act, again)) {
        require_exact(again, apply(act, xi));
      }
    }
    REQUIRE(evaluated > 150);
  }
}

TEST_CASE("smooth_sum: a value over another prime is declined", "[smooth_sum]") {
  smooth_sum sum;
  REQUIRE(sum.add_primes_of(rational(1, 15)));  // 2, 3 and 5
  REQUIRE(sum.prime_count() == 3);
  smooth_sum::coefficient half, third;
  REQUIRE(sum.make_coefficient(compact_rational(rational(1, 2)), half));
  REQUIRE(sum.make_coefficient(compact_rational(rational(1, 3)), third));
  REQUIRE_FALSE(sum.make_coefficient(compact_rational(rational(1, 7)), third));
  const smooth_sum::coefficient zero;
  const std::vector<smooth_sum::coefficient> weights = {third, half};
  const std::vector<std::uint32_t> sources = {0, 1};
  std::vector<compact_rational> values = {compact_rational(rational(1, 5)), compact_rational(rational(2, 77))};
  compact_rational out(rational(9));
  REQUIRE_FALSE(sum.evaluate(zero, weights.data(), sources.data(), 2, values.data(), activation::id, out));
  REQUIRE(out.to_rational() == 9);
  // With 7 and 11 in the basis the same sum is made: 1/15 + 1/77.
  REQUIRE(sum.add_primes_of(rational(1, 77)) == false);  // five primes: refused, the basis unchanged
  REQUIRE(sum.prime_count() == 3);
  sum.keep_primes(1);
  REQUIRE(sum.add_primes_of(rational(1, 3 * 7 * 11)));
  REQUIRE(sum.make_coefficient(compact_rational(rational(1, 3)), third));
  REQUIRE(sum.make_coefficient(compact_rational(rational(1, 2)), half));
  values[0] = compact_rational(rational(1, 7));  // 1/21 + 1/77 = 14/231 = 2/33
  REQUIRE(sum.evaluate(zero, std::vector<smooth_sum::coefficient>{third, half}.data(), sources.data(), 2,
                       values.data(), activation::id, out));
  require_exact(out, rational(2, 33));
  REQUIRE(out.noted());
  // Primes of 256 or more are refused.
  REQUIRE_FALSE(sum.add_primes_of(rational(1, 257)));
}

TEST_CASE("smooth_sum: a denominator made before is not reused once its slot holds another prime", "[smooth_sum]") {
  // 1/5 is made over the basis 2, 3, 5 (the exponents 0, 0, 1); the basis
  // then loses 5, and 7 takes its slot: the same exponents now mean 7.
  smooth_sum sum;
  REQUIRE(sum.add_primes_of(rational(1, 15)));
  const std::vector<std::uint32_t> sources = {0};
  const std::vector<compact_rational> one = {compact_rational(rational(1))};
  auto sum_of = [&](const rational& weight) {
    smooth_sum::coefficient coefficient;
    REQUIRE(sum.make_coefficient(compact_rational(weight), coefficient));
    compact_rational out;
    REQUIRE(sum.evaluate(smooth_sum::coefficient{}, &coefficient, sources.data(), 1, one.data(), activation::id, out));
    require_exact(out, out.to_rational());
    return out.to_rational();
  };
  REQUIRE(sum_of(rational(2, 5)) == rational(2, 5));
  REQUIRE(sum_of(rational(4, 25)) == rational(4, 25));
  sum.keep_primes(2);  // 2 and 3
  REQUIRE(sum.add_primes_of(rational(1, 7)));
  REQUIRE(sum_of(rational(2, 7)) == rational(2, 7));
  REQUIRE(sum_of(rational(4, 49)) == rational(4, 49));
  REQUIRE(sum_of(rational(1, 3)) == rational(1, 3));
}

TEST_CASE("smooth_sum: lowest terms when the common denominator cancels", "[smooth_sum]") {
  // 1/6 + 1/3 = 1/2 (the 3 cancels), 5/12 + 7/12 = 1 (everything cancels),
  // 1/9 - 1/9 = 0, 3^100 / 3^100 = 1 through multipliers beyond a word.
  smooth_sum sum;
  REQUIRE(sum.add_primes_of(rational(1, 3)));
  auto weighted = [&](const std::vector<rational>& w, const std::vector<rational>& y, activation act) {
    std::vector<smooth_sum::coefficient> c(w.size());
    std::vector<std::uint32_t> sources;
    std::vector<compact_rational> values;
    for (std::size_t k = 0; k < w.size(); ++k) {
      REQUIRE(sum.make_coefficient(compact_rational(w[k]), c[k]));
      sources.push_back(static_cast<std::uint32_t>(k));
      values.emplace_back(y[k]);
    }
    compact_rational out;
    REQUIRE(sum.evaluate(smooth_sum::coefficient{}, c.data(), sources.data(), w.size(), values.data(), act, out));
    require_exact(out, out.to_rational());  // the canonical form, and a note that fits the denominator
    return out.to_rational();
  };
  REQUIRE(weighted({rational(1, 3), 1}, {rational(1, 2), rational(1, 3)}, activation::id) == rational(1, 2));
  REQUIRE(weighted({rational(5, 3), rational(7, 3)}, {rational(1, 4), rational(1, 4)}, activation::id) == 1);
  REQUIRE(weighted({rational(1, 3), rational(-1, 3)}, {rational(1, 3), rational(1, 3)}, activation::id) == 0);
  // More factors of 3 in the sum than in the common denominator: 27/9 = 3,
  // and 3^80 + 3^80 over 3^2.
  REQUIRE(weighted({rational(1, 3), rational(1, 3)}, {rational(1, 3), rational(26, 3)}, activation::id) == 3);
  REQUIRE(weighted({rational(1, 3), rational(1, 3)}, {power(3, 79), power(3, 79)}, activation::id) ==
          2 * power(3, 78));
  REQUIRE(weighted({rational(1, 9), rational(1, 3)}, {rational(1, 3) + power(3, 70), rational(-1, 9)},
                   activation::id) == power(3, 68));
  REQUIRE(weighted({rational(1, 3), rational(-1, 3)}, {rational(1, 3), rational(1, 3)}, activation::step) == 1);
  REQUIRE(weighted({rational(1, 3), rational(-1, 3)}, {rational(1, 3), rational(1, 3)}, activation::sign) == 1);
  REQUIRE(weighted({rational(-1, 3)}, {rational(1, 3)}, activation::sign) == -1);
  REQUIRE(weighted({rational(1, 3)}, {rational(1)}, activation::sat) == rational(1, 3));
  REQUIRE(weighted({rational(1, 3)}, {power(3, 100) + 1}, activation::sat) == 1);
  REQUIRE(weighted({rational(1, 3)}, {rational(-1, 3) / power(3, 100)}, activation::relu) == 0);
  REQUIRE(weighted({rational(1, 3), rational(2, 3)}, {rational(1) / power(3, 100), power(3, 5)}, activation::id) ==
          rational(1) / power(3, 101) + 2 * power(3, 4));
  // Several factors of 3 cancel: four of eleven (81/3^11), and nine where
  // the common denominator has six (3^9/3^6 = 27).
  REQUIRE(weighted({rational(1, 3), rational(1, 3)}, {rational(1) / power(3, 10), rational(80) / power(3, 10)},
                   activation::id) == rational(1) / power(3, 7));
  REQUIRE(weighted({rational(1, 3), rational(1, 3)}, {rational(1) / power(3, 5), (power(3, 9) - 1) / power(3, 5)},
                   activation::id) == 27);
  REQUIRE(weighted({rational(1, 3), rational(1, 3)}, {rational(1) / power(3, 5), (power(3, 6) - 1) / power(3, 5)},
                   activation::id) == 1);
  // A term whose own denominator is a word while the factor it lacks is
  // not (1/3 · 1 in a sum over 3^101): that factor is the common
  // denominator divided by 3; the denominator then is the result's, or the
  // sum cancels down to 1/3.
  REQUIRE(weighted({rational(1, 3), rational(1, 3)}, {rational(1), rational(1) / power(3, 100)}, activation::id) ==
          rational(1, 3) + rational(1) / power(3, 101));
  REQUIRE(weighted({rational(1, 3), rational(1, 3), rational(1, 3)},
                   {rational(1) / power(3, 100), rational(1), rational(-1) / power(3, 100)}, activation::id) ==
          rational(1, 3));
  REQUIRE(weighted({rational(-2, 3), rational(1, 9)}, {rational(5, 4), rational(7) / power(3, 90)}, activation::relu) ==
          0);
  // Exponents beyond the cached powers.
  REQUIRE(weighted({rational(1, 3), rational(1, 3)}, {rational(1) / power(3, 3000), rational(2) / power(3, 3000)},
                   activation::id) == rational(1) / power(3, 3000));
  // Powers made from the one before: up, down, far, and back below the cached ones.
  for (unsigned k : {100U, 103U, 98U, 3000U, 70U, 2990U, 64U, 63U, 62U, 140U, 100U}) {
    INFO("3^" << k);
    REQUIRE(weighted({rational(1, 3), rational(1, 9)}, {rational(1) / power(3, k), rational(1) / power(3, k)},
                     activation::id) == rational(4) / power(3, k + 2));
  }
}

TEST_CASE("compact_rational: the note on a denominator goes with the value and no further", "[smooth_sum]") {
  smooth_sum sum;
  REQUIRE(sum.add_primes_of(rational(1, 3)));
  compact_rational x(rational(1, 9));
  smooth_sum::coefficient c;
  REQUIRE(sum.make_coefficient(x, c));  // factors 9 and notes it
  REQUIRE(x.noted());
  REQUIRE(noted_denominator(x) == 9);
  compact_rational copy(x);
  REQUIRE(copy.noted());
  compact_rational assigned;
  assigned = x;
  REQUIRE(noted_denominator(assigned) == 9);
  compact_rational moved(std::move(copy));
  REQUIRE(noted_denominator(moved) == 9);
  // Any other write drops it: a product, a sum, abs, assign.
  compact_rational out = x;
  ops::mul(out, x, x);
  REQUIRE(out.to_rational() == rational(1, 81));
  REQUIRE_FALSE(out.noted());
  out = x;
  ops::add(out, out, compact_rational(rational(1, 5)));
  REQUIRE_FALSE(out.noted());
  out = x;
  ops::abs(out, compact_rational(rational(-1, 7)));
  REQUIRE_FALSE(out.noted());
  out = x;
  out.assign(rational(2, 27));
  REQUIRE_FALSE(out.noted());
  // A small value read back after the note: the word form knows nothing of it.
  out = x;
  ops::mul(out, compact_rational(rational(1, 2)), compact_rational(rational(1, 2)));
  REQUIRE(out.is_small());
  REQUIRE_FALSE(out.noted());
  ops::mul(out, out, compact_rational(rational(1, 3)));  // big again: 1/12, not noted
  REQUIRE(out.to_rational() == rational(1, 12));
  REQUIRE_FALSE(out.noted());
}
