// The two ways of finding the first repetition of (y(t), t mod p) -- the
// table of seen states and Brent's cycle finding with a second pass
// (run_limits.hpp, simulator.hpp) -- and a switch from one to the other in
// the middle of a run give the same verdict, steps, cycle and state, and the
// same as a brute force written here that keeps every state.  Tagged
// [simulator], so that CTest runs them again with a hash under which every
// state collides.
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"
#include "test_networks.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace nnsim;

namespace {

using nnsim_test::add;

// The verdict of a brute force: step by step from the spec (semantics.md,
// sections 3 and 4) on the network's equations, every (y(t), t mod p) kept
// in a map.  Only weighted sums with step, sat, relu and id.
struct brute_verdict {
  run_status status = run_status::undecided;
  std::uint64_t steps = 0;
  std::uint64_t cycle_start = 0;
  std::uint64_t cycle_period = 0;
  std::vector<rational> state;
};

rational activate(activation act, const rational& xi) {
  switch (act) {
    case activation::step: return xi >= 0 ? rational(1) : rational(0);
    case activation::sat: return xi < 0 ? rational(0) : xi > 1 ? rational(1) : xi;
    case activation::relu: return xi < 0 ? rational(0) : xi;
    case activation::id: return xi;
    default: FAIL("activation not in the brute force"); return xi;
  }
}

rational evaluate(const network& net, const equation& eq, const std::vector<rational>& y) {
  rational xi = eq.bias;
  for (const auto& term : eq.inputs) xi += term.weight * y[index(term.source)];
  (void)net;
  return activate(eq.act, xi);
}

// S_t as equation indices, and p, for parallel, sequential (file order) and
// schedule rules.
struct brute_rule {
  std::vector<std::vector<std::size_t>> phases;  // S_t = phases[t mod p]
  std::vector<std::size_t> universe;
};

brute_rule brute_rule_of(const network& net, const rule_spec& rule) {
  brute_rule r;
  std::vector<std::size_t> all(net.equations.size());
  for (std::size_t e = 0; e < all.size(); ++e) all[e] = e;
  switch (rule.kind) {
    case rule_kind::parallel:
      r.phases = {all};
      r.universe = all;
      break;
    case rule_kind::sequential:
      for (std::size_t e : all) r.phases.push_back({e});
      r.universe = all;
      break;
    case rule_kind::schedule:
      for (const auto& set : rule.sets) {
        std::vector<std::size_t> phase;
        for (neuron_id v : set) {
          const std::size_t e = *net.at(v).equation;
          if (std::find(phase.begin(), phase.end(), e) == phase.end()) phase.push_back(e);
          if (std::find(r.universe.begin(), r.universe.end(), e) == r.universe.end()) r.universe.push_back(e);
        }
        r.phases.push_back(phase);
      }
      break;
    default: FAIL("rule not in the brute force");
  }
  return r;
}

brute_verdict brute_force(const network& net, const rule_spec& rule, std::uint64_t max_steps) {
  const brute_rule r = brute_rule_of(net, rule);
  const std::uint64_t p = r.phases.size();
  std::vector<rational> y(net.size());
  for (std::size_t v = 0; v < net.size(); ++v) y[v] = net.neurons[v].init.value_or(rational(0));
  std::map<std::pair<std::vector<rational>, std::uint64_t>, std::uint64_t> seen;
  for (std::uint64_t t = 0;; ++t) {
    const bool fixed = std::all_of(r.universe.begin(), r.universe.end(), [&](std::size_t e) {
      const equation& eq = net.equations[e];
      return evaluate(net, eq, y) == y[index(eq.target)];
    });
    if (fixed) return {run_status::halted, t, 0, 0, y};
    const auto [where, inserted] = seen.emplace(std::make_pair(y, t % p), t);
    if (!inserted) return {run_status::diverges, t, where->second, t - where->second, y};
    if (t == max_steps) return {run_status::undecided, t, 0, 0, y};
    std::vector<rational> next = y;
    for (std::size_t e : r.phases[t % p]) next[index(net.equations[e].target)] = evaluate(net, net.equations[e], y);
    y = std::move(next);
  }
}

run_result run_with(const network& net, const rule_spec& rule, std::uint64_t max_steps, repetition_method method,
                    std::size_t max_memory = run_limits{}.max_memory) {
  run_request request;
  request.rule = rule;
  request.limits.max_steps = max_steps;
  request.limits.repetitions = method;
  request.limits.max_memory = max_memory;
  return run_network(net, request);
}

void check_same(const run_result& result, const brute_verdict& expected, std::string_view what) {
  INFO(what);
  CHECK(result.status == expected.status);
  CHECK(result.steps == expected.steps);
  CHECK(result.cycle_start == expected.cycle_start);
  CHECK(result.cycle_period == expected.cycle_period);
  CHECK(result.state.exact() == expected.state);
}

// A budget under which the automatic method switches to Brent at step 512:
// the table's first 1024 slots (16 KB) fit in a sixteenth of it, 18,750
// bytes, but not the 2048 slots it grows to when its 513th state comes
// (32 KB while the 16 KB ones still exist).
constexpr std::size_t switch_at_512 = 300000;

// Every method against the brute force, for the step limits around the
// first repetition (or the halting time) and a large one.
void check_methods(const network& net, const rule_spec& rule, std::uint64_t max_steps) {
  const brute_verdict expected = brute_force(net, rule, max_steps);
  check_same(run_with(net, rule, max_steps, repetition_method::table), expected, "table");
  const run_result brent = run_with(net, rule, max_steps, repetition_method::brent);
  check_same(brent, expected, "brent");
  // A run that halts at step 0 looks for no repetition.
  if (expected.status != run_status::halted || expected.steps > 0) {
    CHECK(brent.repetitions == repetition_method::brent);
    CHECK(brent.brent_from == 0);
  }
  const run_result switched = run_with(net, rule, max_steps, repetition_method::automatic, switch_at_512);
  check_same(switched, expected, "automatic, switched at step 512");
  if (switched.repetitions == repetition_method::brent) CHECK(switched.brent_from == 512);
}

void check_methods_around(const network& net, const rule_spec& rule) {
  const brute_verdict full = brute_force(net, rule, 100000);
  REQUIRE(full.status != run_status::undecided);
  const std::uint64_t end = full.steps;
  for (std::uint64_t n : {std::uint64_t{0}, end / 2, end > 0 ? end - 1 : 0, end, end + 1, 2 * end + 7,
                          std::uint64_t{100000}}) {
    INFO("max steps " << n);
    check_methods(net, rule, n);
  }
}

// x = sat(x + 1/K - 2r), r = step(x - 1), both 0 at first, beside a timer
// s = sat(s - 1/L), s(0) = 1 (when L > 0), which nothing reads: s(t) =
// 1 - t/L until it is 0 at t = L and stays there.  Parallel rule: x climbs
// 0, 1/K, ..., 1 (step K), stays 1 while r turns 1 (K + 1), drops to 0
// (K + 2), and r to 0 (K + 3): (x, r) has period K + 3 from 0.  With the
// timer, the states before L all differ in s, so the first repetition is
// y(L + K + 3) = y(L).
network sawtooth(int k, int timer) {
  network net;
  add(net, "x", activation::sat, rational(1, k), {{"x", 1}, {"r", -2}});
  add(net, "r", activation::step, -1, {{"x", 1}});
  if (timer > 0) {
    net.set_init(net.intern("s"), 1);
    add(net, "s", activation::sat, 0, {{"s", 1}}).bias = rational(-1, timer);
  }
  return net;
}

// n neurons with step activations, weights and biases in -2 ... 2 and
// initial values 0 or 1: small state spaces with transients and cycles of
// every kind.
network random_boolean_network(std::mt19937_64& random, int n) {
  std::uniform_int_distribution<int> small(-2, 2);
  std::uniform_int_distribution<int> bit(0, 1);
  network net;
  for (int v = 0; v < n; ++v) net.intern("v" + std::to_string(v));
  for (int v = 0; v < n; ++v) {
    nnsim_test::term_list terms;
    for (int u = 0; u < n; ++u) {
      if (bit(random) != 0) terms.emplace_back("v" + std::to_string(u), small(random));
    }
    add(net, "v" + std::to_string(v), activation::step, small(random), terms);
    net.set_init(*net.find("v" + std::to_string(v)), bit(random));
  }
  return net;
}

rule_spec random_schedule(std::mt19937_64& random, const network& net) {
  std::uniform_int_distribution<int> phases(1, 4);
  std::uniform_int_distribution<int> bit(0, 1);
  rule_spec rule{rule_kind::schedule, false, {}, 0, {}};
  const int p = phases(random);
  for (int i = 0; i < p; ++i) {
    std::vector<neuron_id> set;
    for (const equation& eq : net.equations) {
      if (bit(random) != 0) set.push_back(eq.target);
    }
    rule.sets.push_back(set);  // may be empty
  }
  return rule;
}

// Sets NNSIM_TEST_COLLIDING_HASH=1 for the lifetime of the object, and
// then gives back what it was (CTest runs these tests with it set too).
class colliding_hash {
 public:
  colliding_hash() {
    if (const char* before = std::getenv("NNSIM_TEST_COLLIDING_HASH")) before_ = before;
    setenv("NNSIM_TEST_COLLIDING_HASH", "1", 1);
  }
  ~colliding_hash() {
    if (before_) {
      setenv("NNSIM_TEST_COLLIDING_HASH", before_->c_str(), 1);
    } else {
      unsetenv("NNSIM_TEST_COLLIDING_HASH");
    }
  }
  colliding_hash(const colliding_hash&) = delete;
  colliding_hash& operator=(const colliding_hash&) = delete;

 private:
  std::optional<std::string> before_;
};

const rule_spec parallel{rule_kind::parallel, false, {}, 0, {}};
const rule_spec sequential{rule_kind::sequential, false, {}, 0, {}};

}  // namespace

TEST_CASE("Brent's method finds the first repetition of sawtooths the brute force finds", "[simulator][repetitions]") {
  // The hand-worked cycle first: K = 5, no timer: start 0, period 8.
  const brute_verdict small = brute_force(sawtooth(5, 0), parallel, 1000);
  CHECK(small.status == run_status::diverges);
  CHECK(small.cycle_start == 0);
  CHECK(small.cycle_period == 8);
  CHECK(small.steps == 8);
  // K = 40 behind a timer 300: start 300, period 43.
  const brute_verdict timed = brute_force(sawtooth(40, 300), parallel, 1000);
  CHECK(timed.cycle_start == 300);
  CHECK(timed.cycle_period == 43);

  // Cycle start 0, 1 and long transients; periods short and longer than
  // the 512 states after which the automatic method switches; the switch
  // before the cycle starts (timer 700), inside the first cycle (K = 1000,
  // timer 100) and after it would have been found (K = 40).
  for (const auto& [k, timer] : std::vector<std::pair<int, int>>{
           {1, 0}, {5, 0}, {5, 1}, {40, 300}, {40, 0}, {1000, 100}, {2000, 700}, {3, 1500}}) {
    INFO(fmt::format("K = {}, timer {}", k, timer));
    check_methods_around(sawtooth(k, timer), parallel);
  }
  // The same under the sequential rule (p = number of equations).
  for (const auto& [k, timer] : std::vector<std::pair<int, int>>{{5, 0}, {40, 3}, {300, 0}}) {
    INFO(fmt::format("sequential, K = {}, timer {}", k, timer));
    check_methods_around(sawtooth(k, timer), sequential);
  }
}

TEST_CASE("Brent's method agrees with the table on random Boolean networks under every periodic rule",
          "[simulator][repetitions]") {
  std::mt19937_64 random(20261201);
  std::uniform_int_distribution<int> size(1, 9);
  int diverging = 0;
  int halting = 0;
  for (int i = 0; i < 150; ++i) {
    const network net = random_boolean_network(random, size(random));
    const rule_spec rule = i % 3 == 0 ? parallel : i % 3 == 1 ? sequential : random_schedule(random, net);
    INFO(fmt::format("network {}, rule {}", i, i % 3));
    const brute_verdict full = brute_force(net, rule, 100000);
    (full.status == run_status::diverges ? diverging : halting) += 1;
    check_methods(net, rule, 100000);
    if (full.steps > 1) check_methods(net, rule, full.steps - 1);
  }
  // Both kinds were met (the seed is fixed; these only guard the test's reach).
  CHECK(diverging > 30);
  CHECK(halting > 10);
}

TEST_CASE("the state repeats with another phase before the pair repeats", "[simulator][repetitions]") {
  // One toggle under schedule {c0}, {}: y = 0, 1, 1, 0, 0; y(2) = y(1) with
  // another phase, the first repetition is y(4) = y(0).
  network net;
  add(net, "c0", activation::step, 0, {{"c0", -1}});
  const rule_spec schedule{rule_kind::schedule, false, {}, 0, {{*net.find("c0")}, {}}};
  for (repetition_method method : {repetition_method::table, repetition_method::brent}) {
    const run_result result = run_with(net, schedule, 100, method);
    CHECK(result.status == run_status::diverges);
    CHECK(result.steps == 4);
    CHECK(result.cycle_start == 0);
    CHECK(result.cycle_period == 4);
  }
  check_methods_around(net, schedule);
}

TEST_CASE("Brent's method keeps memory that does not grow with the steps", "[simulator][repetitions]") {
  // The sawtooth with K = 10^6 does not repeat within these limits.  What
  // the run keeps charged at its end (the runner keeps it until the next
  // run) is the same after 2,000 and after 40,000 steps under Brent's
  // method, and grows with the table (1,000 and 3,000 steps: under
  // colliding hashes the table's work is quadratic).
  const network net = sawtooth(1000000, 0);
  const auto kept_after = [&](std::uint64_t steps, repetition_method method) {
    memory_budget budget;
    run_request request;
    request.limits.max_steps = steps;
    request.limits.repetitions = method;
    request.budget = &budget;
    network_runner runner(net, request);
    const run_result result = runner.run({});
    CHECK(result.status == run_status::undecided);
    CHECK(result.steps == steps);
    // x = steps / K, r = 0 at the limit, Brent's search past it notwithstanding.
    CHECK(result.state.exact() == std::vector<rational>{rational(steps, 1000000), rational(0)});
    return budget.used();
  };
  CHECK(kept_after(2000, repetition_method::brent) == kept_after(40000, repetition_method::brent));
  CHECK(kept_after(1000, repetition_method::table) < kept_after(3000, repetition_method::table));

  // A budget of 300,000 bytes holds a table of at most 8,192 slots (4,096
  // states): the table stops with a limit error, the automatic method and
  // Brent's go on to 100,000 steps.
  CHECK_THROWS_AS(run_with(net, parallel, 100000, repetition_method::table, 300000), limit_error);
  for (repetition_method method : {repetition_method::automatic, repetition_method::brent}) {
    const run_result result = run_with(net, parallel, 100000, method, 300000);
    CHECK(result.status == run_status::undecided);
    CHECK(result.steps == 100000);
    CHECK(result.repetitions == repetition_method::brent);
  }
}

TEST_CASE("Brent's method needs exact comparisons only, not the hash", "[simulator][repetitions]") {
  // With NNSIM_TEST_COLLIDING_HASH=1 every state gets the same hash: every
  // comparison with the tortoise and in the second pass is decided by the
  // exact states.
  const colliding_hash every_state_collides;
  for (const auto& [k, timer] : std::vector<std::pair<int, int>>{{5, 0}, {40, 300}, {1000, 100}}) {
    INFO(fmt::format("K = {}, timer {}", k, timer));
    check_methods_around(sawtooth(k, timer), parallel);
  }
  check_methods_around(sawtooth(5, 2), sequential);
}
