// Every verdict a run prints must be true, whatever its shortcuts meet:
// crafted hash collisions, a hash under which every state collides, and
// floating values that leave the finite numbers (docs/semantics.md, "Why
// each verdict is sound").  The expected results are worked out by hand in
// the comments.
#include "nnsim/model/network.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"
#include "numbers/number_arithmetic.hpp"
#include "test_networks.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <string_view>

using namespace nnsim;

namespace {

using nnsim_test::add;
using nnsim_test::term_list;

run_result run(const network& net, std::vector<rational> input, const char* rule, std::uint64_t max_steps,
               const char* mode = "rational") {
  run_request request;
  request.input = std::move(input);
  request.rule = parse_rule_option(rule);
  request.numbers = number_mode::parse(mode);
  request.limits.max_steps = max_steps;
  return run_network(net, request);
}

// x = id(x + D) from x(0) = A: x(t) = A + tD, never the same value twice, so
// the run can only end undecided.
network arithmetic_progression(const rational& a, const rational& d) {
  network net;
  add(net, "x", activation::id, d, {{"x", 1}});
  net.set_init(*net.find("x"), a);
  net.add_output(*net.find("x"));
  return net;
}

// Sets NNSIM_TEST_COLLIDING_HASH for the lifetime of the object: every state
// then gets the same key, and every earlier state with the same phase is a
// candidate that only the exact comparison can reject.
class colliding_hash {
 public:
  colliding_hash() { setenv("NNSIM_TEST_COLLIDING_HASH", "1", 1); }
  ~colliding_hash() { unsetenv("NNSIM_TEST_COLLIDING_HASH"); }
  colliding_hash(const colliding_hash&) = delete;
  colliding_hash& operator=(const colliding_hash&) = delete;
};

rational power_of_ten(unsigned exponent) {
  rational r(1);
  for (unsigned i = 0; i < exponent; ++i) r *= 10;
  return r;
}

// x -> h = id(10^300 x) -> y = id(w h), input 1: h(1) = 10^300 and y's
// potential on the next state is w * 10^300, beyond the largest double
// (about 1.8 * 10^308) when |w| = 10^300.
network overflows_to(int sign) {
  network net;
  net.add_input("x");
  add(net, "h", activation::id, 0, {{"x", power_of_ten(300)}});
  add(net, "y", activation::id, 0, {{"h", sign * power_of_ten(300)}});
  net.add_output(*net.find("y"));
  return net;
}

// y = id(10^300 h1 + 10^300 h2) with h1 = 10^300, h2 = -10^300: in doubles
// the potential is 0 + inf + (-inf) = NaN.
network overflows_to_nan() {
  network net;
  net.add_input("x");
  add(net, "h1", activation::id, 0, {{"x", power_of_ten(300)}});
  add(net, "h2", activation::id, 0, {{"x", -power_of_ten(300)}});
  add(net, "y", activation::step, 0, {{"h1", power_of_ten(300)}, {"h2", power_of_ten(300)}});
  net.add_output(*net.find("y"));
  return net;
}

}  // namespace

TEST_CASE("a crafted 64-bit hash collision does not make a progression diverge", "[simulator][soundness]") {
  // The hash of an integer with two limbs l0 + l1 2^64 ends, before the
  // denominator's part, in mix(g(l0) + l1) with g(l0) = mix(mix(s) + l0), so
  // for any P = p0 + p1 2^64 and any q0 the integer Q = q0 + q1 2^64 with
  // q1 = g(p0) + p1 - g(q0) (mod 2^64) has the same hash.  q0 has the parity
  // of p0, so D = (Q - P) / 2 is an integer; A = P - 3D puts P at step 3 and
  // Q at step 5.  Step 3 is not a checkpoint (0, 1, 2, 4), so confirming the
  // candidate replays a step from y(2).
  const std::uint64_t seed = 0x5851F42D4C957F2DULL;  // the start of the rational hash (src/numbers/number_arithmetic.hpp)
  auto g = [&](std::uint64_t limb) { return mix_hash(mix_hash(seed ^ 2) + limb); };
  const std::uint64_t p0 = 12345, p1 = 1, q0 = 98765;
  const std::uint64_t q1 = g(p0) + p1 - g(q0);
  REQUIRE(q1 != 0);
  const rational two_64 = rational(4294967296) * rational(4294967296);
  const rational p = rational(p0) + rational(p1) * two_64;
  const rational q = rational(q0) + rational(q1) * two_64;
  REQUIRE(arithmetic<rational>::hash(p) == arithmetic<rational>::hash(q));
  // Rational mode's engine holds these two-limb integers in GMP form, with
  // the same hash: the collision reaches the run.
  REQUIRE(arithmetic<compact_rational>::hash(compact_rational(p)) ==
          arithmetic<compact_rational>::hash(compact_rational(q)));
  REQUIRE(p != q);

  const rational d = (q - p) / 2;
  const rational a = p - 3 * d;
  const network net = arithmetic_progression(a, d);
  for (const char* rule : {"parallel", "sequential"}) {
    INFO("rule " << rule);
    const run_result result = run(net, {}, rule, 40);
    CHECK(result.status == run_status::undecided);
    CHECK(result.steps == 40);
    CHECK(result.outputs.exact().at(0) == a + 40 * d);
  }
}

TEST_CASE("when every state collides the verdicts stay the same", "[simulator][soundness]") {
  struct verdict {
    run_status status;
    std::uint64_t steps, start, period;
    std::vector<rational> state;
    bool operator==(const verdict&) const = default;
  };
  auto verdict_of = [](const run_result& r) {
    return verdict{r.status, r.steps, r.cycle_start, r.cycle_period, r.state.exact()};
  };

  SECTION("hand-worked runs") {
    colliding_hash colliding;
    // x(t) = t never repeats: undecided at the limit, x(300) = 300.
    const run_result counter = run(arithmetic_progression(0, 1), {}, "parallel", 300);
    CHECK(counter.status == run_status::undecided);
    CHECK(counter.outputs.exact().at(0) == 300);
    // a = sat(1 - b), b = sat(a) from (0, 0): (1,0) (1,1) (0,1) (0,0): y(4) = y(0).
    network oscillator;
    add(oscillator, "a", activation::sat, 1, {{"b", -1}});
    add(oscillator, "b", activation::sat, 0, {{"a", 1}});
    oscillator.add_output(*oscillator.find("a"));
    const run_result cycle = run(oscillator, {}, "parallel", 1000);
    CHECK(cycle.status == run_status::diverges);
    CHECK(cycle.cycle_start == 0);
    CHECK(cycle.cycle_period == 4);
    // c = sat(c + 1/7): 1/7, 2/7, ..., 7/7 = 1 at step 7, fixed from then on.
    network sat_counter;
    add(sat_counter, "c", activation::sat, rational(1, 7), {{"c", 1}});
    const run_result halts = run(sat_counter, {}, "parallel", 1000);
    CHECK(halts.status == run_status::halted);
    CHECK(halts.steps == 7);
  }

  SECTION("random networks under every periodic rule, against the ordinary hash") {
    // Small sat/id/step networks with weights in {-1, -1/2, 0, 1/2, 1}: many
    // of them cycle, some halt, some run to the limit.
    std::mt19937 rng(20261130);
    const activation acts[] = {activation::sat, activation::step, activation::id, activation::sign};
    const rational weights[] = {-1, rational(-1, 2), rational(1, 2), 1};
    for (int n = 0; n < 150; ++n) {
      network net;
      const int size = 1 + static_cast<int>(rng() % 4);
      for (int v = 0; v < size; ++v) {
        term_list terms;
        for (int u = 0; u < size; ++u) {
          if (rng() % 2) terms.emplace_back("n" + std::to_string(u), weights[rng() % 4]);
        }
        add(net, "n" + std::to_string(v), acts[rng() % 4], weights[rng() % 4], terms);
      }
      net.set_init(*net.find("n0"), rational(1, 2));
      for (const char* rule : {"parallel", "sequential"}) {
        INFO("network " << n << ", rule " << rule);
        const verdict plain = verdict_of(run(net, {}, rule, 60));
        colliding_hash colliding;
        CHECK(verdict_of(run(net, {}, rule, 60)) == plain);
      }
    }
  }
}

TEST_CASE("a floating value that leaves the finite numbers stops the run in every rule", "[simulator][soundness]") {
  struct expectation {
    network net;
    const char* shown;            // how the non-finite value is written in the message
    std::uint64_t sequential_time;  // y's first evaluation on a state holding the hidden values
  };
  const expectation cases[] = {
      {overflows_to(1), "+inf", 1}, {overflows_to(-1), "-inf", 1}, {overflows_to_nan(), "NaN", 2}};
  // The hidden neurons take their values at step 0 (their inputs are fixed),
  // and y, evaluated on that state, is applied at step 1 in parallel and
  // layered (layer 2); sequentially (equation order) after every hidden
  // neuron had its turn.  Under random the step depends on the draws; only
  // the neuron is checked.
  for (const expectation& c : cases) {
    for (const char* rule : {"parallel", "sequential", "layered", "random:3"}) {
      INFO("rule " << rule << ", value " << c.shown);
      try {
        run(c.net, {1}, rule, 100, "double");
        FAIL("no error");
      } catch (const non_finite_error& e) {
        CHECK(e.neuron() == "y");
        const std::string_view r(rule);
        if (r == "parallel" || r == "layered") CHECK(e.state_time() == 1);
        if (r == "sequential") CHECK(e.state_time() == c.sequential_time);
        // Under random, y may meet h1 alone (+inf) before it meets both (NaN).
        if (r != "random:3") CHECK_THAT(e.what(), Catch::Contains(c.shown));
        CHECK_THAT(e.what(), Catch::Contains("neuron 'y'"));
      }
    }
    // schedule {every hidden neuron}, {y}: the hidden values at step 0, y on
    // y(1) at step 1.
    run_request request;
    request.input = {1};
    request.numbers = number_mode::parse("double");
    rule_spec schedule;
    schedule.kind = rule_kind::schedule;
    schedule.sets.emplace_back();
    for (const equation& eq : c.net.equations) {
      if (c.net.name_of(eq.target) != "y") schedule.sets.back().push_back(eq.target);
    }
    schedule.sets.push_back({*c.net.find("y")});
    request.rule = schedule;
    INFO("rule schedule, value " << c.shown);
    try {
      run_network(c.net, request);
      FAIL("no error");
    } catch (const non_finite_error& e) {
      CHECK(e.neuron() == "y");
      CHECK(e.state_time() == 1);
      CHECK_THAT(e.what(), Catch::Contains(c.shown));
    }
  }
  // The same in real:P for the two infinities: MPFR's exponent range is far
  // larger, so the value is squared until it overflows: s(t) = 2^(2^t), and
  // s(29)^2 = 2^(2^30) is past the default largest exponent 2^30 - 1.
  network squares;
  equation& e = add(squares, "s", activation::id, 0, {});
  e.kind = potential_kind::distance;
  e.norm = norm_kind::sqdist;
  e.scale = 1;
  e.offset = 0;
  e.arguments.push_back({*squares.find("s"), 0});
  squares.set_init(*squares.find("s"), 2);
  squares.add_output(*squares.find("s"));
  for (const char* rule : {"parallel", "sequential", "random"}) {
    INFO("rule " << rule);
    try {
      run(squares, {}, rule, 1000, "real:20");
      FAIL("no error");
    } catch (const non_finite_error& error) {
      CHECK(error.neuron() == "s");
      if (std::string_view(rule) != "random") CHECK(error.state_time() == 29);
      CHECK_THAT(error.what(), Catch::Contains("+inf"));
    }
  }
  // In doubles s(9)^2 = 2^1024 overflows already.
  try {
    run(squares, {}, "parallel", 1000, "double");
    FAIL("no error");
  } catch (const non_finite_error& error) {
    CHECK(error.state_time() == 9);
  }
}

TEST_CASE("a potential that would be NaN at every step stops the run at the first one", "[simulator][soundness]") {
  // h1 = 10^300 and h2 = -10^300 are fixed points; y's potential
  // 10^300 h1 + 10^300 h2 is inf + (-inf) = NaN in doubles on every state.
  // Were NaN let into the state, no state would equal itself: no fixed point
  // and no repetition could ever be confirmed, and every step would
  // hash-match every earlier state and replay it (a cost cubic in the
  // steps).  The run must stop the first time y is applied.
  network net;
  add(net, "h1", activation::id, 0, {{"h1", 1}});
  add(net, "h2", activation::id, 0, {{"h2", 1}});
  add(net, "y", activation::id, 0, {{"h1", power_of_ten(300)}, {"h2", power_of_ten(300)}});
  net.set_init(*net.find("h1"), power_of_ten(300));
  net.set_init(*net.find("h2"), -power_of_ten(300));
  net.add_output(*net.find("y"));
  const equation_index y = 2;

  for (const char* rule : {"parallel", "sequential", "random:5", "random:11"}) {
    INFO("rule " << rule);
    // The first step whose selection holds y: 0 in parallel, 2 sequentially
    // (h1 at step 0, h2 at step 1), the first draw of y under random.
    const auto rule_object = make_update_rule(net, parse_rule_option(rule));
    std::uint64_t first = 0;
    while (true) {
      const auto selected = rule_object->select(first);
      if (std::find(selected.begin(), selected.end(), y) != selected.end()) break;
      ++first;
    }
    if (std::string_view(rule) == "parallel") CHECK(first == 0);
    if (std::string_view(rule) == "sequential") CHECK(first == 2);
    try {
      run(net, {}, rule, 2000, "double");
      FAIL("no error");
    } catch (const non_finite_error& e) {
      CHECK(e.neuron() == "y");
      CHECK(e.state_time() == first);
      CHECK(std::string(e.what()) ==
            fmt::format("step {0}: the potential of neuron 'y' evaluated on y({0}) is NaN: the computation left the "
                        "finite floating-point numbers, and nothing can be concluded from it (exact arithmetic, "
                        "--numbers rational, has no such limit)",
                        first));
    }
  }
  // Exactly, the potential is 10^600 - 10^600 = 0 = y(0): y(0) is a fixed point.
  const run_result exact = run(net, {}, "parallel", 2000);
  CHECK(exact.status == run_status::halted);
  CHECK(exact.steps == 0);
}

TEST_CASE("a distmax potential does not lose an infinite term", "[simulator][soundness]") {
  // m = id(distmax(a, b)) with centres 0 and -10^308: |b + 10^308| = 2 10^308
  // is +inf in doubles; the maximum must not skip it.
  network net;
  net.add_input("b");
  equation& e = add(net, "m", activation::id, 0, {});
  e.kind = potential_kind::distance;
  e.norm = norm_kind::distmax;
  e.scale = 1;
  e.offset = 0;
  e.arguments.push_back({*net.find("b"), -power_of_ten(308)});
  net.add_output(*net.find("m"));
  CHECK_THROWS_AS(run(net, {power_of_ten(308)}, "parallel", 10, "double"), non_finite_error);
  // Exactly, the distance is 2 10^308 and the run halts after one step.
  const run_result exact = run(net, {power_of_ten(308)}, "parallel", 10);
  CHECK(exact.status == run_status::halted);
  CHECK(exact.outputs.exact().at(0) == 2 * power_of_ten(308));
}

TEST_CASE("constants and inputs that round to infinity are refused before the run", "[simulator][soundness]") {
  network weights;
  weights.add_input("x");
  add(weights, "y", activation::id, 0, {{"x", power_of_ten(400)}});
  weights.add_output(*weights.find("y"));
  CHECK_THROWS_WITH(run(weights, {1}, "parallel", 10, "double"),
                    "a number in the equation of neuron 'y' is +inf in this number mode: it is too large to be a "
                    "finite floating-point number");
  network identity;
  identity.add_input("x");
  add(identity, "y", activation::id, 0, {{"x", 1}});
  identity.add_output(*identity.find("y"));
  CHECK_THROWS_WITH(run(identity, {-power_of_ten(400)}, "parallel", 10, "double"),
                    "the input value of neuron 'x' is -inf in this number mode: it is too large to be a finite "
                    "floating-point number");
  // Exactly, both are ordinary numbers.
  CHECK(run(identity, {-power_of_ten(400)}, "parallel", 10).status == run_status::halted);
}

TEST_CASE("a limit named with its word or row keeps its type", "[simulator][soundness]") {
  // recognize and truth put the word or the input row in front of a limit's
  // message; a non-finite value must stay a non_finite_error for the caller.
  try {
    rethrow_in_context(limit_error("a limit"), "on word '0'");
  } catch (const non_finite_error&) {
    FAIL("a plain limit error became a non-finite one");
  } catch (const limit_error& e) {
    CHECK(std::string(e.what()) == "on word '0': a limit");
  }
  try {
    rethrow_in_context(non_finite_error("y is NaN", "y", 4), "on input 1,0");
    FAIL("no error");
  } catch (const non_finite_error& e) {
    CHECK(std::string(e.what()) == "on input 1,0: y is NaN");
    CHECK(e.neuron() == "y");
    CHECK(e.state_time() == 4);
  }
}
