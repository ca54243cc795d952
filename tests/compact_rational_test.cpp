// compact_rational, rational mode's engine number: every result is checked
// against the same operation done on GMP's mpq (Boost's mpq_rational), and
// every result must be in its one canonical form -- small exactly when the
// value is k / 2^j in lowest terms with INT64_MIN < k <= INT64_MAX and
// j <= max_shift -- so that equal values are equal and hash alike whatever
// route reached them.  Then whole runs whose values cross between the two
// forms are compared with a plain mpq simulation written here.
#include "nnsim/model/network.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/run/update_rule.hpp"
#include "numbers/number_arithmetic.hpp"
#include "test_networks.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace nnsim;

namespace {

using ops = arithmetic<compact_rational>;

rational power_of_two(long exponent) {
  rational r(1);
  mpq_ptr q = r.backend().data();
  if (exponent >= 0) {
    mpq_mul_2exp(q, q, static_cast<mp_bitcnt_t>(exponent));
  } else {
    mpq_div_2exp(q, q, static_cast<mp_bitcnt_t>(-exponent));
  }
  return r;
}

rational from_int64(std::int64_t k) {
  rational r;
  mpq_set_si(r.backend().data(), k, 1);
  return r;
}

// The canonical form, decided on the mpq value alone.
bool should_be_small(const rational& value) {
  const integer num = numerator(value);
  const integer den = denominator(value);
  const integer low = integer(std::numeric_limits<std::int64_t>::min());
  const integer high = integer(std::numeric_limits<std::int64_t>::max());
  if (num <= low || num > high) return false;
  const std::size_t lowest = mpz_scan1(den.backend().data(), 0);
  const std::size_t highest = mpz_sizeinbase(den.backend().data(), 2) - 1;
  return lowest == highest && highest <= compact_rational::max_shift;
}

// A value for a failure message, short even when it has a million bits.
std::string describe(const rational& value) {
  return bit_size(value) <= 256 ? to_string(value) : fmt::format("a value of {} bits", bit_size(value));
}

// What a result must be: the exact value, in canonical form, equal to and
// hashing like the same value made directly from the mpq.
void require_exact(const compact_rational& result, const rational& expected) {
  INFO("expected " << describe(expected) << ", got " << describe(result.to_rational()));
  REQUIRE(result.to_rational() == expected);
  REQUIRE(result.is_small() == should_be_small(expected));
  if (result.is_small()) {
    REQUIRE((result.numerator() % 2 != 0 || result.shift() == 0));
  }
  const compact_rational direct(expected);
  REQUIRE(ops::equal(result, direct));
  REQUIRE(ops::hash(result) == ops::hash(direct));
  REQUIRE(ops::bits(result) == bit_size(expected));
}

int sign_of(int c) { return (c > 0) - (c < 0); }

// Every operation on the pair, against mpq, also with the result written
// over one of its operands.
void check_pair(const rational& x, const rational& y) {
  INFO("x = " << describe(x) << ", y = " << describe(y));
  const compact_rational a(x);
  const compact_rational b(y);
  compact_rational out;
  ops::mul(out, a, b);
  require_exact(out, x * y);
  ops::add(out, a, b);
  require_exact(out, x + y);
  ops::sub(out, a, b);
  require_exact(out, x - y);
  ops::square(out, a);
  require_exact(out, x * x);
  ops::abs(out, a);
  require_exact(out, abs(x));
  REQUIRE(ops::compare(a, b) == sign_of(x.compare(y)));
  REQUIRE(ops::equal(a, b) == (x == y));
  REQUIRE(ops::sign(a) == sign_of(x.compare(0)));
  compact_rational aliased = a;
  ops::add(aliased, aliased, b);
  require_exact(aliased, x + y);
  aliased = b;
  ops::mul(aliased, a, aliased);
  require_exact(aliased, x * y);
  aliased = a;
  ops::sub(aliased, aliased, aliased);
  require_exact(aliased, rational(0));
}

std::vector<rational> boundary_values() {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  std::vector<rational> values = {
      rational(0), rational(1), rational(-1), rational(2), rational(3, 2), rational(-7, 8),
      from_int64(max), from_int64(max - 1), from_int64(-max), from_int64(min),  // INT64_MIN: mpq form
      from_int64(max) + 1, from_int64(min) - 1, from_int64(max) / 2, from_int64(max) / power_of_two(62),
      power_of_two(62), power_of_two(63), -power_of_two(62), -power_of_two(63), power_of_two(64),
      power_of_two(31), power_of_two(32), -power_of_two(32), power_of_two(-62), power_of_two(-63),
      power_of_two(-64), rational(3) / power_of_two(63), rational(1, 3), rational(2, 3),
      rational(-5, 7), rational(3), power_of_two(100) + 1, (power_of_two(100) + 1) / 8, power_of_two(-1000),
      power_of_two(70) / 3};
  return values;
}

}  // namespace

TEST_CASE("compact_rational: every operation on boundary values is the mpq result in canonical form",
          "[compact_rational]") {
  const std::vector<rational> values = boundary_values();
  for (const rational& x : values) {
    for (const rational& y : values) check_pair(x, y);
  }
  // Around the largest shift of the word form (values of a million bits:
  // a few pairs only).
  const long shift = compact_rational::max_shift;
  const std::vector<rational> deep = {power_of_two(-shift), power_of_two(-shift - 1), 3 * power_of_two(-shift),
                                      from_int64(std::numeric_limits<std::int64_t>::max()) * power_of_two(-shift)};
  for (const rational& x : deep) {
    for (const rational& y : {rational(2), rational(1, 2), rational(-3), rational(1, 3), x}) check_pair(x, y);
  }
}

TEST_CASE("compact_rational: the form at the edges of a machine word", "[compact_rational]") {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const std::int64_t min = std::numeric_limits<std::int64_t>::min();
  compact_rational v;
  // INT64_MIN itself is an mpq (so that -k and |k| never overflow);
  // INT64_MIN + 1 and INT64_MAX are words.
  ops::assign_integer(v, min);
  REQUIRE_FALSE(v.is_small());
  REQUIRE(v.to_rational() == from_int64(min));
  ops::assign_integer(v, min + 1);
  REQUIRE(v.is_small());
  ops::assign_integer(v, max);
  REQUIRE(v.is_small());

  // 2^31 * 2^31 = 2^62 fits; 2^31 * 2^32 = 2^63 just does not; -2^31 * 2^32 =
  // INT64_MIN does not either.
  const compact_rational p31(power_of_two(31));
  const compact_rational p32(power_of_two(32));
  const compact_rational m32(-power_of_two(32));
  ops::mul(v, p31, p31);
  REQUIRE(v.is_small());
  require_exact(v, power_of_two(62));
  ops::mul(v, p31, p32);
  REQUIRE_FALSE(v.is_small());
  require_exact(v, power_of_two(63));
  ops::mul(v, p31, m32);
  REQUIRE_FALSE(v.is_small());
  require_exact(v, from_int64(min));

  // INT64_MAX + 1 leaves the word; - 1 brings it back, equal to the word
  // made directly.
  compact_rational one;
  ops::assign_integer(one, 1);
  compact_rational top;
  ops::assign_integer(top, max);
  ops::add(v, top, one);
  REQUIRE_FALSE(v.is_small());
  ops::sub(v, v, one);
  REQUIRE(v.is_small());
  REQUIRE(ops::equal(v, top));
  REQUIRE(ops::hash(v) == ops::hash(top));

  // 1 + 2^-62 is (2^62 + 1) / 2^62, a word; 1 + 2^-63 needs 2^63 + 1.
  ops::add(v, one, compact_rational(power_of_two(-62)));
  REQUIRE(v.is_small());
  require_exact(v, 1 + power_of_two(-62));
  ops::add(v, one, compact_rational(power_of_two(-63)));
  REQUIRE_FALSE(v.is_small());
  require_exact(v, 1 + power_of_two(-63));
  // A shift of 64 and more between the operands.
  ops::add(v, one, compact_rational(power_of_two(-64)));
  require_exact(v, 1 + power_of_two(-64));
  ops::sub(v, v, compact_rational(power_of_two(-64)));
  REQUIRE(v.is_small());
  REQUIRE(ops::equal(v, one));
  // 2^-64 + 2^-64 = 2^-63: the sum's common factor 2 is taken out.
  ops::add(v, compact_rational(power_of_two(-64)), compact_rational(power_of_two(-64)));
  REQUIRE(v.is_small());
  REQUIRE(v.numerator() == 1);
  REQUIRE(v.shift() == 63);
  // max_shift is the last small denominator.
  ops::mul(v, compact_rational(power_of_two(-static_cast<long>(compact_rational::max_shift))),
           compact_rational(rational(1, 2)));
  REQUIRE_FALSE(v.is_small());
  ops::mul(v, v, compact_rational(rational(2)));
  REQUIRE(v.is_small());
  REQUIRE(v.shift() == compact_rational::max_shift);

  // Comparisons where aligning the numerators overflows.
  REQUIRE(ops::compare(compact_rational(power_of_two(62)), compact_rational(power_of_two(-62))) == 1);
  REQUIRE(ops::compare(compact_rational(-power_of_two(62)), compact_rational(-power_of_two(-62))) == -1);
  REQUIRE(ops::compare(compact_rational(-power_of_two(-62)), compact_rational(-power_of_two(62))) == 1);
  REQUIRE(ops::compare(compact_rational(from_int64(max) / power_of_two(40)), compact_rational(power_of_two(23))) == -1);
}

TEST_CASE("compact_rational: values reached by different routes are equal and hash alike", "[compact_rational]") {
  compact_rational one;
  ops::assign_integer(one, 1);
  compact_rational v;
  // 1/3 * 3 and 1/3 + 2/3: mpq results that are words.
  ops::mul(v, compact_rational(rational(1, 3)), compact_rational(rational(3)));
  REQUIRE(v.is_small());
  REQUIRE(ops::equal(v, one));
  REQUIRE(ops::hash(v) == ops::hash(one));
  ops::add(v, compact_rational(rational(1, 3)), compact_rational(rational(2, 3)));
  REQUIRE(ops::equal(v, one));
  REQUIRE(ops::hash(v) == ops::hash(one));
  // 2^62 from 2^64 / 4, from 2^31 * 2^31, and read.
  compact_rational quarter;
  ops::assign(quarter, rational(1, 4), {});
  ops::mul(v, compact_rational(power_of_two(64)), quarter);
  compact_rational w;
  ops::mul(w, compact_rational(power_of_two(31)), compact_rational(power_of_two(31)));
  REQUIRE(v.is_small());
  REQUIRE(ops::equal(v, w));
  REQUIRE(ops::hash(v) == ops::hash(w));
  REQUIRE(ops::hash(v) == ops::hash(compact_rational(power_of_two(62))));
  // 5/7 from 5/14 + 5/14 and from (2^80 * 5/7) / 2^80: mpq both ways.
  ops::add(v, compact_rational(rational(5, 14)), compact_rational(rational(5, 14)));
  ops::mul(w, compact_rational(power_of_two(80) * rational(5, 7)), compact_rational(power_of_two(-80)));
  REQUIRE_FALSE(v.is_small());
  REQUIRE(ops::equal(v, w));
  REQUIRE(ops::hash(v) == ops::hash(w));
  // The mpq form hashes as arithmetic<rational> does.
  REQUIRE(ops::hash(v) == arithmetic<rational>::hash(rational(5, 7)));
  // Copies, moves and swaps keep the value and its form.
  compact_rational big(power_of_two(90) + 1);
  compact_rational copy = big;
  REQUIRE(ops::equal(copy, big));
  compact_rational moved = std::move(copy);
  REQUIRE(ops::equal(moved, big));
  using std::swap;
  swap(moved, one);
  REQUIRE(moved.is_small());
  REQUIRE(ops::equal(one, big));
  one = moved;  // a word over a number that holds mpq storage
  REQUIRE(one.is_small());
  REQUIRE(one.to_rational() == 1);
}

TEST_CASE("compact_rational: random operations agree with mpq", "[compact_rational]") {
  // Numerators near the word's limits and small ones, shifts near 0, 63 and
  // the operands' sums; denominators 1, 2^j and 3 * 2^j.
  std::mt19937_64 generator(20261201);
  const auto random_value = [&]() {
    std::int64_t k = 0;
    switch (generator() % 4) {
      case 0: k = static_cast<std::int64_t>(generator() % 17) - 8; break;
      case 1: k = static_cast<std::int64_t>(generator()); break;
      case 2: k = static_cast<std::int64_t>(generator() >> (generator() % 64)); break;
      default: k = std::numeric_limits<std::int64_t>::max() - static_cast<std::int64_t>(generator() % 4); break;
    }
    if (generator() % 2 == 0) k = -k;
    rational value = from_int64(k) * power_of_two(-static_cast<long>(generator() % 70));
    if (generator() % 8 == 0) value /= 3;
    if (generator() % 8 == 0) value *= power_of_two(static_cast<long>(generator() % 70));
    return value;
  };
  for (int i = 0; i < 4000; ++i) check_pair(random_value(), random_value());
  // Chains: a value carried through many operations, in both forms.
  rational exact(1);
  compact_rational fast(exact);
  for (int i = 0; i < 2000; ++i) {
    const rational operand = random_value();
    const compact_rational operand_fast(operand);
    switch (generator() % 3) {
      case 0: exact *= operand; ops::mul(fast, fast, operand_fast); break;
      case 1: exact += operand; ops::add(fast, fast, operand_fast); break;
      default: exact -= operand; ops::sub(fast, fast, operand_fast); break;
    }
    if (bit_size(exact) > 4000) {
      exact = operand;
      ops::copy(fast, operand_fast);
    }
    require_exact(fast, exact);
  }
}

// ---------------------------------------------------------------------------
// Whole runs, against a plain mpq simulation of the parallel rule.

namespace {

using nnsim_test::add;

struct reference_run {
  std::vector<std::vector<rational>> states;  // y(0), y(1), ...
  run_status status = run_status::undecided;
  std::uint64_t steps = 0;
  std::uint64_t cycle_start = 0;
};

rational activate(activation act, const rational& xi) {
  switch (act) {
    case activation::id: return xi;
    case activation::sat: return xi < 0 ? rational(0) : xi > 1 ? rational(1) : xi;
    case activation::relu: return xi < 0 ? rational(0) : xi;
    case activation::step: return xi >= 0 ? rational(1) : rational(0);
    case activation::sign: return xi >= 0 ? rational(1) : rational(-1);
    default: FAIL("activation not in the reference"); return xi;
  }
}

// Steps y(t+1)_v = σ(b + Σ w y_u(t)) and looks for the first t2 with y(t2)
// equal to an earlier y(t1) by comparing with every earlier state.
reference_run simulate_with_mpq(const network& net, std::uint64_t max_steps) {
  reference_run run;
  std::vector<rational> y(net.size());
  for (std::size_t v = 0; v < net.size(); ++v) y[v] = net.neurons[v].init.value_or(rational(0));
  run.states.push_back(y);
  for (std::uint64_t t = 0;; ++t) {
    std::vector<rational> next = y;
    for (const equation& eq : net.equations) {
      rational xi = eq.bias;
      for (const auto& term : eq.inputs) xi += term.weight * y[index(term.source)];
      next[index(eq.target)] = activate(eq.act, xi);
    }
    if (next == y) {
      run.status = run_status::halted;
      run.steps = t;
      return run;
    }
    for (std::uint64_t t1 = 0; t1 <= t; ++t1) {
      if (run.states[t1] == y && t1 < t) {
        run.status = run_status::diverges;
        run.steps = t;
        run.cycle_start = t1;
        return run;
      }
    }
    if (t == max_steps) {
      run.steps = t;
      return run;
    }
    y = std::move(next);
    run.states.push_back(y);
  }
}

template <class Values>
std::vector<rational> exact_values(const Values& values) {
  REQUIRE(values.is_exact());
  std::vector<rational> out;
  for (std::size_t v = 0; v < values.size(); ++v) out.push_back(values.to_rational(v));
  return out;
}

// The run in rational mode, its trace collected.
run_result run_traced(const network& net, std::uint64_t max_steps, std::vector<std::vector<rational>>& trace) {
  run_request request;
  request.rule = parse_rule_option("parallel");
  request.limits.max_steps = max_steps;
  request.observer = [&](const trace_event& event) {
    REQUIRE(event.time == trace.size());
    trace.push_back(exact_values(event.state));
  };
  return run_network(net, request);
}

void require_same_run(const network& net, std::uint64_t max_steps) {
  const reference_run expected = simulate_with_mpq(net, max_steps);
  std::vector<std::vector<rational>> trace;
  const run_result result = run_traced(net, max_steps, trace);
  REQUIRE(result.status == expected.status);
  REQUIRE(result.steps == expected.steps);
  if (expected.status == run_status::diverges) {
    REQUIRE(result.cycle_start == expected.cycle_start);
    REQUIRE(result.cycle_period == expected.steps - expected.cycle_start);
  }
  REQUIRE(trace.size() == expected.steps + 1);
  for (std::size_t t = 0; t < trace.size(); ++t) {
    INFO("y(" << t << ")");
    REQUIRE(trace[t] == expected.states[t]);
  }
  REQUIRE(exact_values(result.state) == expected.states[expected.steps]);
}

}  // namespace

TEST_CASE("compact_rational: a run whose values cross between words and mpq is the mpq run", "[compact_rational]") {
  // u and w trade a value scaled by 2^40 and 2^-40: u is 2^30 (a word) at
  // even steps and 2^70 (mpq) at odd ones; p and q do the same with 3 and
  // 1/3 around 2^61, crossing INT64_MAX; d doubles and h halves until the
  // saturating clock c stops them through the gates; m mixes everything.
  network net;
  add(net, "u", activation::id, 0, {{"w", power_of_two(40)}});
  add(net, "w", activation::id, 0, {{"u", power_of_two(-40)}});
  add(net, "p", activation::id, 0, {{"q", rational(3)}});
  add(net, "q", activation::id, 0, {{"p", rational(1, 3)}});
  add(net, "c", activation::sat, rational(1, 16), {{"c", 1}});
  add(net, "d", activation::id, 0, {{"d", 2}});
  add(net, "h", activation::id, 0, {{"h", rational(1, 2)}});
  add(net, "m", activation::id, rational(-1, 5),
      {{"u", rational(1, 3)}, {"w", -1}, {"p", power_of_two(-61)}, {"d", power_of_two(-70)}, {"h", 7}});
  add(net, "s", activation::sat, rational(1, 2), {{"m", power_of_two(-40)}, {"q", rational(-1, 7)}});
  net.set_init(*net.find("u"), power_of_two(30));
  net.set_init(*net.find("w"), power_of_two(30));
  net.set_init(*net.find("p"), power_of_two(61) + 1);
  net.set_init(*net.find("q"), power_of_two(61) + 1);
  net.set_init(*net.find("d"), rational(3));
  net.set_init(*net.find("h"), rational(5));
  net.add_output(*net.find("m"));
  require_same_run(net, 150);
}

TEST_CASE("compact_rational: a repetition through both forms is found at the first repeated state",
          "[compact_rational]") {
  // u, w as above (period 2, 2^70 at odd steps) and p, q with 3 and 1/3
  // (period 2, p = 3 * (2^62 - 1) > INT64_MAX at odd steps); the clock c
  // counts 1/8, 2/8, ..., 1 and stays at 1 from step 8.  y(8) is the first
  // state that comes back: c(8) = 1 = c(10), u and w are back to 2^30 at
  // every even step, and no earlier state repeats because c differs.  So
  // the run stops at t = 10 with the cycle y(8) ... y(9), period 2.
  network net;
  add(net, "u", activation::id, 0, {{"w", power_of_two(40)}});
  add(net, "w", activation::id, 0, {{"u", power_of_two(-40)}});
  add(net, "p", activation::id, 0, {{"q", rational(3)}});
  add(net, "q", activation::id, 0, {{"p", rational(1, 3)}});
  add(net, "c", activation::sat, rational(1, 8), {{"c", 1}});
  net.set_init(*net.find("u"), power_of_two(30));
  net.set_init(*net.find("w"), power_of_two(30));
  net.set_init(*net.find("p"), power_of_two(62) - 1);
  net.set_init(*net.find("q"), power_of_two(62) - 1);
  net.add_output(*net.find("c"));
  std::vector<std::vector<rational>> trace;
  const run_result result = run_traced(net, 1000, trace);
  REQUIRE(result.status == run_status::diverges);
  REQUIRE(result.steps == 10);
  REQUIRE(result.cycle_start == 8);
  REQUIRE(result.cycle_period == 2);
  REQUIRE(trace[1][index(*net.find("u"))] == power_of_two(70));
  REQUIRE(trace[1][index(*net.find("p"))] == 3 * (power_of_two(62) - 1));
  require_same_run(net, 1000);
}

TEST_CASE("compact_rational: runs whose sums take the gcd-free way are the mpq runs", "[compact_rational][smooth_sum]") {
  // Random networks with weights k/d for d over a few primes: their sums
  // are computed over a common denominator without gcds
  // (run/smooth_sum.hpp) -- but for the network with five primes, and
  // the ones with an activation that way does not take, which mix both
  // ways; every state is compared with the plain mpq simulation above.
  const std::vector<std::vector<long>> denominators = {
      {3, 5, 7}, {2, 4, 8, 3}, {10, 100, 5}, {3, 9, 27, 81, 243}, {2, 3, 5, 7, 11}, {251, 2, 6}};
  std::mt19937_64 rng(2026);
  for (std::size_t n = 0; n < denominators.size(); ++n) {
    const auto& ds = denominators[n];
    INFO("denominators #" << n);
    network net;
    const int size = 12;
    auto number = [&](long range) {
      const long k = static_cast<long>(rng() % static_cast<std::uint64_t>(2 * range + 1)) - range;
      return rational(k, ds[rng() % ds.size()]);
    };
    const std::vector<activation> kinds = {activation::sat, activation::sat, activation::relu, activation::id,
                                           activation::step, activation::sign};
    for (int i = 0; i < size; ++i) {
      nnsim_test::term_list terms;
      for (int k = 0; k < 3; ++k) terms.push_back({"n" + std::to_string(rng() % size), number(6)});
      // id and relu only on small weights, so that the values stay in range
      const activation act = kinds[rng() % kinds.size()];
      if (act == activation::id || act == activation::relu) {
        for (auto& term : terms) term.second /= 4;
      }
      add(net, "n" + std::to_string(i), act, number(4), terms);
    }
    for (int i = 0; i < size; ++i) net.set_init(*net.find("n" + std::to_string(i)), number(3) / 2);
    net.add_output(*net.find("n0"));
    require_same_run(net, 60);
  }
}

TEST_CASE("compact_rational: runs of dyadic sums near the edges of 128 bits are the mpq runs", "[compact_rational]") {
  // Weights and values k/2^j with numerators up to 2^40 and shifts up to
  // 2^-40: the sums of words are added in one 128-bit integer, which
  // overflows now and then (a product of two numerators near 2^62 shifted by
  // the difference of the shifts) and must then fall back to the general
  // way without a trace.
  std::mt19937_64 rng(128);
  for (int n = 0; n < 6; ++n) {
    INFO("network #" << n);
    network net;
    const int size = 10;
    auto number = [&](int bits) {
      rational k(static_cast<long>(rng() % (std::uint64_t{1} << bits)) - (1L << (bits - 1)));
      return k * power_of_two(-static_cast<long>(rng() % 41));
    };
    const std::vector<activation> kinds = {activation::sat, activation::relu, activation::id, activation::step,
                                           activation::sign};
    for (int i = 0; i < size; ++i) {
      nnsim_test::term_list terms;
      for (int k = 0; k < 4; ++k) terms.push_back({"n" + std::to_string(rng() % size), number(n < 3 ? 41 : 20)});
      const activation act = kinds[rng() % kinds.size()];
      if (act == activation::id || act == activation::relu) {
        for (auto& term : terms) term.second = rational(1) / (terms.size() * (rng() % 2 + 1)) * (term.second < 0 ? -1 : 1);
      }
      add(net, "n" + std::to_string(i), act, number(41), terms);
    }
    for (int i = 0; i < size; ++i) net.set_init(*net.find("n" + std::to_string(i)), number(62));
    net.add_output(*net.find("n0"));
    require_same_run(net, 40);
  }
}
