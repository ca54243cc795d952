// The simulator on small networks whose computations are worked out by hand
// in the comments (semantics.md, sections 2-5).  Networks are built with the
// model's builder API so that these tests do not depend on the file parser.
#include "nnsim/model/network.hpp"
#include "nnsim/model/network_analysis.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/run/update_rule.hpp"
#include "test_networks.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace nnsim;

namespace {

using nnsim_test::add;
using nnsim_test::term_list;

// The lecture's XOR network (slide "XOR"): lines −1 + 2x1 + 2x2 and 3 − 2x1 − 2x2.
network xor_network() {
  network net;
  net.name = "xor";
  net.add_input("x1");
  net.add_input("x2");
  add(net, "h1", activation::step, -1, {{"x1", 2}, {"x2", 2}});
  add(net, "h2", activation::step, 3, {{"x1", -2}, {"x2", -2}});
  add(net, "y", activation::step, -2, {{"h1", 1}, {"h2", 1}});
  net.add_output(*net.find("y"));
  return net;
}

run_result run(const network& net, std::vector<rational> input = {}, std::optional<rule_spec> rule = {},
               std::uint64_t max_steps = 1000, const char* mode = "rational") {
  run_request request;
  request.input = std::move(input);
  request.rule = std::move(rule);
  request.numbers = number_mode::parse(mode);
  request.limits.max_steps = max_steps;
  return run_network(net, request);
}

rule_spec rule_named(const char* text) { return parse_rule_option(text); }

// a = step(-b), b = step(-a), both 0 at first: the two neurons want to fire
// together, so the result depends on the rule.
network flip_flop() {
  network net;
  add(net, "a", activation::step, 0, {{"b", -1}});
  add(net, "b", activation::step, 0, {{"a", -1}});
  net.add_output(*net.find("a"));
  net.add_output(*net.find("b"));
  return net;
}

// c = step(-c): 0 -> 1 -> 0 -> ..., never a fixed point.
network toggles(int count) {
  network net;
  for (int i = 0; i < count; ++i) {
    const std::string name = "c" + std::to_string(i);
    add(net, name, activation::step, 0, {{name, -1}});
  }
  return net;
}

}  // namespace

TEST_CASE("XOR computes 0 1 1 0 and halts at the hand-worked times", "[simulator]") {
  const network net = xor_network();
  // Parallel, input (1,0): y(0) = (h1,h2,y) = (0,0,0); step 0 gives h1 = step(1) = 1,
  // h2 = step(1) = 1, y = step(-2) = 0; step 1 gives y = step(0) = 1; step 2 changes
  // nothing, so T = 2.  Input (0,0): step 0 gives (0,1,0), step 1 keeps
  // y = step(-1) = 0, so T = 1.  Likewise (1,1) halts at 1 and (0,1) at 2.
  const std::vector<std::pair<std::vector<rational>, std::pair<int, std::uint64_t>>> cases{
      {{0, 0}, {0, 1}}, {{0, 1}, {1, 2}}, {{1, 0}, {1, 2}}, {{1, 1}, {0, 1}}};
  for (const auto& [input, expected] : cases) {
    for (const char* rule : {"parallel", "layered"}) {
      const auto result = run(net, input, rule_named(rule));
      CHECK(result.status == run_status::halted);
      CHECK(result.steps == expected.second);
      CHECK(result.outputs.exact() == std::vector<rational>{expected.first});
    }
  }
  // Sequential h1, h2, y on (1,0): t=0 h1 = 1, t=1 h2 = 1, t=2 y = 1: T = 3.
  const auto sequential = run(net, {1, 0}, rule_named("sequential"));
  CHECK(sequential.status == run_status::halted);
  CHECK(sequential.steps == 3);
  CHECK(sequential.outputs.exact() == std::vector<rational>{rational(1)});
}

TEST_CASE("a sat counter halts after the computed number of steps", "[simulator]") {
  // one = sat(1), c = sat(c + 1/4 one): one becomes 1 at step 0 (c stays 0),
  // then c = 1/4, 1/2, 3/4, 1 after steps 1..4; step 5 changes nothing: T = 5.
  network net;
  add(net, "one", activation::sat, 1, {});
  add(net, "c", activation::sat, 0, {{"c", 1}, {"one", rational(1, 4)}});
  net.add_output(*net.find("c"));
  const auto result = run(net);
  CHECK(result.status == run_status::halted);
  CHECK(result.steps == 5);
  CHECK(result.outputs.exact() == std::vector<rational>{rational(1)});

  // With the limit N = 3 the simulator examines y(0) .. y(3) and reports y(3).
  const auto limited = run(net, {}, std::nullopt, 3);
  CHECK(limited.status == run_status::undecided);
  CHECK(limited.steps == 3);
  CHECK(limited.outputs.exact() == std::vector<rational>{rational(1, 2)});
  // N = 5: y(5) is the fixed point, so it halts exactly at the limit.
  CHECK(run(net, {}, std::nullopt, 5).status == run_status::halted);
  CHECK(run(net, {}, std::nullopt, 4).status == run_status::undecided);
}

TEST_CASE("an oscillator provably never halts", "[simulator]") {
  // c = step(-c): y(0) = 0, y(1) = 1, y(2) = 0 = y(0): start 0, period 2.
  const network net = toggles(1);
  const auto result = run(net);
  CHECK(result.status == run_status::diverges);
  CHECK(result.steps == 2);
  CHECK(result.cycle_start == 0);
  CHECK(result.cycle_period == 2);
  CHECK(result.state.exact() == std::vector<rational>{rational(0)});
  // The repetition at t2 = 2 needs y(2) to be examined.
  CHECK(run(net, {}, std::nullopt, 1).status == run_status::undecided);
  CHECK(run(net, {}, std::nullopt, 2).status == run_status::diverges);
}

TEST_CASE("the result of the flip-flop depends on the rule", "[simulator]") {
  const network net = flip_flop();
  // Parallel: (0,0) -> (1,1) -> (0,0): diverges, start 0, period 2.
  const auto parallel = run(net);
  CHECK(parallel.status == run_status::diverges);
  CHECK(parallel.cycle_start == 0);
  CHECK(parallel.cycle_period == 2);
  // Sequential a, b: a = step(0) = 1 gives (1,0), a fixed point: T = 1.
  const auto sequential = run(net, {}, rule_named("sequential"));
  CHECK(sequential.status == run_status::halted);
  CHECK(sequential.steps == 1);
  CHECK(sequential.outputs.exact() == std::vector<rational>{rational(1), rational(0)});
  // Sequential b, a: (0,1).
  rule_spec reversed{rule_kind::sequential, true, {*net.find("b"), *net.find("a")}, 0, {}};
  CHECK(run(net, {}, reversed).outputs.exact() == std::vector<rational>{rational(0), rational(1)});
  // Random, seed 0: r_0 = 0xE220A8397B1DCDAF is odd, so b goes first: (0,1).
  // Seed 2: r_0 = 0x975835DE1C9756CE is even, so a goes first: (1,0).
  CHECK(run(net, {}, rule_named("random")).outputs.exact() == std::vector<rational>{rational(0), rational(1)});
  CHECK(run(net, {}, rule_named("random:2")).outputs.exact() == std::vector<rational>{rational(1), rational(0)});
  // Schedule {a, b} is the parallel rule; {a}, {b} is sequential.
  rule_spec together{rule_kind::schedule, false, {}, 0, {{*net.find("a"), *net.find("b")}}};
  CHECK(run(net, {}, together).status == run_status::diverges);
  rule_spec apart{rule_kind::schedule, false, {}, 0, {{*net.find("a")}, {*net.find("b")}}};
  const auto scheduled = run(net, {}, apart);
  CHECK(scheduled.status == run_status::halted);
  CHECK(scheduled.steps == 1);
  // Layered needs an acyclic network: this one has the cycle a -> b -> a.
  CHECK_THROWS_WITH(run(net, {}, rule_named("layered")),
                    "rule 'layered' needs an acyclic network, but it has the cycle a -> b -> a");
}

TEST_CASE("random draws S_t from SplitMix64 in equation order", "[simulator]") {
  // Three toggles; seed 1 gives r_t mod 3 = 2, 1, 0, 2, so after four steps
  // c2 has toggled twice and c0, c1 once: y(4) = (1, 1, 0).
  const auto result = run(toggles(3), {}, rule_named("random:1"), 4);
  CHECK(result.status == run_status::undecided);
  CHECK(result.steps == 4);
  CHECK(result.state.exact() == std::vector<rational>{rational(1), rational(1), rational(0)});
}

TEST_CASE("the period counts the phase of the rule", "[simulator]") {
  // Two toggles under sequential c0, c1 (p = 2): (0,0) -> (1,0) -> (1,1) ->
  // (0,1) -> (0,0) at t = 4 with the same phase as t = 0.
  const auto sequential = run(toggles(2), {}, rule_named("sequential"));
  CHECK(sequential.status == run_status::diverges);
  CHECK(sequential.steps == 4);
  CHECK(sequential.cycle_start == 0);
  CHECK(sequential.cycle_period == 4);

  // One toggle under schedule {c0}, {} (p = 2): y = 0, 1, 1, 0, 0 for t = 0..4.
  // y(2) = y(1) but their phases differ, so the first repetition is y(4) = y(0).
  network net = toggles(1);
  rule_spec schedule{rule_kind::schedule, false, {}, 0, {{*net.find("c0")}, {}}};
  const auto scheduled = run(net, {}, schedule);
  CHECK(scheduled.status == run_status::diverges);
  CHECK(scheduled.steps == 4);
  CHECK(scheduled.cycle_start == 0);
  CHECK(scheduled.cycle_period == 4);
}

TEST_CASE("halting looks only at the selection universe", "[simulator]") {
  // a = step(1), b = step(1) under "sequential a": W = {a}; after step 0,
  // a = 1 is fixed and b is never selected, so T = 1 with b still 0.
  network net;
  add(net, "a", activation::step, 1, {});
  add(net, "b", activation::step, 1, {});
  rule_spec only_a{rule_kind::sequential, true, {*net.find("a")}, 0, {}};
  const auto result = run(net, {}, only_a);
  CHECK(result.status == run_status::halted);
  CHECK(result.steps == 1);
  CHECK(result.state.exact() == std::vector<rational>{rational(1), rational(0)});
  // A network without equations is a fixed point at once.
  network constant;
  constant.set_init(constant.intern("k"), rational(3, 7));
  const auto at_once = run(constant, {}, rule_named("sequential"));
  CHECK(at_once.status == run_status::halted);
  CHECK(at_once.steps == 0);
  CHECK(at_once.state.exact() == std::vector<rational>{rational(3, 7)});
}

TEST_CASE("activations are exact on rationals", "[simulator]") {
  // Each neuron reads the input x once; x = -1/2, 0, 3/2.
  network net;
  net.add_input("x");
  for (auto act : {activation::step, activation::sign, activation::sat, activation::relu, activation::id}) {
    add(net, std::string(name_of(act)), act, 0, {{"x", 1}});
  }
  const std::vector<std::pair<rational, std::vector<rational>>> expected{
      {rational(-1, 2), {rational(-1, 2), 0, -1, 0, 0, rational(-1, 2)}},
      {rational(0), {0, 1, 1, 0, 0, 0}},
      {rational(3, 2), {rational(3, 2), 1, 1, 1, rational(3, 2), rational(3, 2)}},
      {rational(1, 3), {rational(1, 3), 1, 1, rational(1, 3), rational(1, 3), rational(1, 3)}},
  };
  for (const auto& [x, state] : expected) CHECK(run(net, {x}).state.exact() == state);
}

TEST_CASE("the simulator evaluates distance potentials", "[simulator]") {
  // r = id(1 - 2 dist1(x1 - 1/2, x2 - 1/2)) and friends at (x1, x2) = (1, 0):
  // the coordinates are 1/2 and -1/2; l1 = 1, l-inf = 1/2, squared l2 = 1/2.
  network net;
  net.add_input("x1");
  net.add_input("x2");
  for (auto n : {norm_kind::dist1, norm_kind::distmax, norm_kind::sqdist}) {
    equation& e = net.add_equation(net.intern(std::string(name_of(n))), activation::id);
    e.kind = potential_kind::distance;
    e.norm = n;
    e.offset = 1;
    e.scale = -2;
    e.arguments = {{*net.find("x1"), rational(1, 2)}, {*net.find("x2"), rational(1, 2)}};
  }
  CHECK(run(net, {1, 0}).state.exact() == std::vector<rational>{1, 0, -1, 0, 0});
  // The Euclidean norm needs a square root: refused in rational mode.
  equation& e = net.add_equation(net.intern("euclid"), activation::id);
  e.kind = potential_kind::distance;
  e.norm = norm_kind::dist;
  e.arguments = {{*net.find("x1"), rational(0)}, {*net.find("x2"), rational(0)}};
  CHECK_THROWS_AS(run(net, {3, 4}), input_error);
  // sqrt(3^2 + 4^2) = 5 exactly in double.
  CHECK(run(net, {3, 4}, std::nullopt, 1000, "double").state.as<double>().back() == 5.0);
}

TEST_CASE("floating modes round once per operation, left to right", "[simulator]") {
  // y = id(0.1 a + 0.2 b) with a = b = 1: in binary64 0.1 + 0.2 rounds to
  // 0.30000000000000004, while the exact result is 3/10.
  network net;
  net.set_init(net.intern("a"), 1);
  net.set_init(net.intern("b"), 1);
  add(net, "y", activation::id, 0, {{"a", rational(1, 10)}, {"b", rational(2, 10)}});
  net.add_output(*net.find("y"));
  CHECK(run(net).outputs.exact() == std::vector<rational>{rational(3, 10)});
  const auto in_double = run(net, {}, std::nullopt, 1000, "double").outputs;
  CHECK(in_double.as<double>() == std::vector<double>{0.1 + 0.2});
  CHECK(in_double.text(0) == "0.30000000000000004");
  const auto in_real = run(net, {}, std::nullopt, 1000, "real:53").outputs;
  CHECK(in_real.to_rational(0) == rational(0.1 + 0.2));
  CHECK(in_real.text(0) == "0.30000000000000004");
  // With 200 bits 1/10 + 2/10 is still not 3/10, but much closer.
  const auto precise = run(net, {}, std::nullopt, 1000, "real:200").outputs.text(0);
  CHECK(precise.substr(0, 20) == "0.300000000000000000");

  // logistic is refused in rational mode, located at the equation, and
  // computed in the floating modes: logistic(0) = 1/2 exactly.
  network smooth;
  smooth.source_name = "smooth.nn";
  smooth.source_lines = {"h = logistic(0)"};
  add(smooth, "h", activation::logistic, 0, {}).location = {1, 1};
  try {
    run(smooth);
    FAIL("expected an error");
  } catch (const input_error& error) {
    CHECK(error.diagnostic() ==
          "smooth.nn:1:1: error: activation 'logistic' of neuron 'h' is not exact in rational mode; run it with "
          "--numbers certified, interval:P, real:P or double\n  h = logistic(0)\n  ^");
  }
  CHECK(run(smooth, {}, std::nullopt, 1000, "double").state.as<double>() == std::vector<double>{0.5});
}

TEST_CASE("the bit limit stops a run whose values grow", "[simulator]") {
  // c = id(2 c), c(0) = 1: c(t) = 2^t has t + 1 numerator bits and 1
  // denominator bit, so with a limit of 10 bits step 8 (value 2^9) is the first
  // to exceed it.
  network net;
  net.set_init(net.intern("c"), 1);
  add(net, "c", activation::id, 0, {{"c", 2}});
  run_request request;
  request.limits.max_bits = 10;
  CHECK_THROWS_WITH(run_network(net, request),
                    "the value of neuron 'c' at step 9 has 11 bits, more than the limit of 10 (raise it with --max-bits)");
}

TEST_CASE("the input must match the input neurons", "[simulator]") {
  CHECK_THROWS_WITH(run(xor_network(), {1}),
                    "the network has 2 input neurons (x1, x2) but 1 input value was given");
}

TEST_CASE("repetitions are confirmed exactly from a recomputed state", "[simulator]") {
  // A ring of 37 id neurons fed once through a delay line: s(0) = 1 and
  // s = step(-1) becomes 0 at step 0; the 1 moves to d1 (step 0), d2 (step 1)
  // and r0 (step 2).  From y(3) on the single 1 goes round the ring, so
  // y(40) = y(3): start 3, period 37.  Only y(0), y(1), y(2), y(4), ... are
  // kept, so confirming the repetition recomputes y(3) from y(2).
  network net;
  net.set_init(net.intern("s"), 1);
  add(net, "s", activation::step, -1, {});
  add(net, "d1", activation::id, 0, {{"s", 1}});
  add(net, "d2", activation::id, 0, {{"d1", 1}});
  constexpr int ring = 37;
  add(net, "r0", activation::id, 0, {{"r" + std::to_string(ring - 1), 1}, {"d2", 1}});
  for (int i = 1; i < ring; ++i) add(net, "r" + std::to_string(i), activation::id, 0, {{"r" + std::to_string(i - 1), 1}});
  const auto result = run(net);
  CHECK(result.status == run_status::diverges);
  CHECK(result.steps == 40);
  CHECK(result.cycle_start == 3);
  CHECK(result.cycle_period == 37);
  CHECK(result.state.exact()[index(*net.find("r0"))] == 1);

  // The table of seen states is bounded by --max-memory.  The compiled
  // network (40 terms, equations and neurons) and its numbers take about
  // 20 KB, the table's first 1024 entries 16 KB, Brent's states and cursors
  // below 14 KB.
  run_request request;
  request.limits.max_memory = 34000;
  request.limits.repetitions = repetition_method::table;
  CHECK_THROWS_WITH(run_network(net, request),
                    "looking for a repeated state needs more than the memory limit of 34000 bytes after 0 steps "
                    "(lower --max-steps or raise --max-memory)");
  // The automatic method does not start a table that would pass a
  // sixteenth of the budget: Brent's method from step 0 (two more states
  // and two cursors) fits, and finds the same repetition.
  request.limits.repetitions = repetition_method::automatic;
  const auto bounded = run_network(net, request);
  CHECK(bounded.repetitions == repetition_method::brent);
  CHECK(bounded.brent_from == 0);
  CHECK(bounded.status == run_status::diverges);
  CHECK(bounded.steps == 40);
  CHECK(bounded.cycle_start == 3);
  CHECK(bounded.cycle_period == 37);
  CHECK(bounded.state.exact() == result.state.exact());
  request.limits.max_memory = 1000;
  CHECK_THROWS_WITH(run_network(net, request),
                    "the compiled network needs more than the memory limit of 1000 bytes (raise --max-memory)");
}

TEST_CASE("the trace observer sees every state", "[simulator]") {
  // The sat counter: y(0) .. y(5), with the updated neurons of each step.
  network net;
  add(net, "one", activation::sat, 1, {});
  add(net, "c", activation::sat, 0, {{"c", 1}, {"one", rational(1, 4)}});
  std::vector<std::string> seen;
  run_request request;
  request.observer = [&](const trace_event& event) {
    seen.push_back(std::to_string(event.time) + ":" + event.state.text(1) + ":" +
                   std::to_string(event.selected->size()));
  };
  const auto result = run_network(net, request);
  CHECK(result.steps == 5);
  CHECK(seen == std::vector<std::string>{"0:0:0", "1:0:2", "2:1/4:2", "3:1/2:2", "4:3/4:2", "5:1:2"});
}

namespace {

// A random acyclic network: neuron i reads only neurons before it.
network random_acyclic(std::mt19937_64& random) {
  network net;
  std::uniform_int_distribution<int> small(-3, 3);
  std::uniform_int_distribution<int> size(1, 9);
  std::uniform_int_distribution<int> activations(0, 4);
  const int inputs = std::uniform_int_distribution<int>(0, 3)(random);
  for (int i = 0; i < inputs; ++i) net.add_input("x" + std::to_string(i));
  const int hidden = size(random);
  for (int i = 0; i < hidden; ++i) {
    const neuron_id id = net.intern("n" + std::to_string(i));
    equation& e = net.add_equation(id, static_cast<activation>(activations(random)));
    e.bias = rational(small(random), 2);
    const std::size_t existing = net.size() - 1;
    for (std::size_t k = 0; k < existing; ++k) {
      if (random() % 3 == 0) e.inputs.push_back({make_neuron_id(k), rational(small(random), 1 + random() % 4)});
    }
  }
  net.add_output(make_neuron_id(net.size() - 1));
  return net;
}

}  // namespace

TEST_CASE("on acyclic networks the layered and parallel rules compute the same outputs", "[simulator][property]") {
  std::mt19937_64 random(20261126);
  for (int trial = 0; trial < 300; ++trial) {
    const network net = random_acyclic(random);
    std::vector<rational> input;
    for (std::size_t i = 0; i < net.inputs.size(); ++i) input.emplace_back(static_cast<int>(random() % 5) - 2, 2);
    const auto layers = compute_layers(net);
    REQUIRE(layers);
    std::size_t depth = 0;
    for (auto l : *layers) depth = std::max(depth, l);
    const auto layered = run(net, input, rule_named("layered"));
    const auto parallel = run(net, input, rule_named("parallel"));
    REQUIRE(layered.status == run_status::halted);
    REQUIRE(parallel.status == run_status::halted);
    CHECK(layered.steps <= depth);
    CHECK(parallel.steps <= depth);
    CHECK(layered.state == parallel.state);
    // A sequential sweep in equation order is a topological order here, so it
    // also ends in the same fixed point.
    CHECK(run(net, input, rule_named("sequential")).state == parallel.state);
  }
}

TEST_CASE("the floating modes agree with the exact one on dyadic networks", "[simulator][property]") {
  // Weights k/2^j, small values and few steps keep every intermediate result
  // exactly representable in binary64, so double must agree exactly.
  std::mt19937_64 random(7);
  for (int trial = 0; trial < 200; ++trial) {
    network net = random_acyclic(random);
    for (auto& e : net.equations) {
      for (auto& term : e.inputs) term.weight = rational(static_cast<int>(random() % 9) - 4, 1 << (random() % 3));
    }
    std::vector<rational> input(net.inputs.size(), rational(1, 2));
    const auto exact = run(net, input);
    const auto approximate = run(net, input, std::nullopt, 1000, "double");
    CHECK(exact.status == approximate.status);
    CHECK(exact.steps == approximate.steps);
    for (std::size_t v = 0; v < net.size(); ++v) {
      CHECK(exact.state.exact()[v] == approximate.state.to_rational(v));
    }
  }
}

TEST_CASE("a schedule set that names a neuron twice selects it once, where it first appears", "[simulator]") {
  network net;
  std::vector<neuron_id> n;
  for (int i = 0; i < 4; ++i) {
    n.push_back(net.intern("n" + std::to_string(i)));
    net.add_equation(n.back(), activation::step).bias = 1;
  }
  // Built through the model (the loader refuses a repeated name in a set).
  net.rule.kind = rule_kind::schedule;
  net.rule.sets = {{n[2], n[0], n[2], n[2], n[1]}, {}, {n[3], n[3]}, {n[0], n[2], n[0]}};
  const auto rule = make_update_rule(net, net.rule);
  auto selected = [&](std::uint64_t t) {
    const auto s = rule->select(t);
    return std::vector<equation_index>(s.begin(), s.end());
  };
  CHECK(selected(0) == std::vector<equation_index>{2, 0, 1});
  CHECK(selected(1).empty());
  CHECK(selected(2) == std::vector<equation_index>{3});
  CHECK(selected(3) == std::vector<equation_index>{0, 2});
  CHECK(selected(4) == std::vector<equation_index>{2, 0, 1});
  CHECK(rule->universe() == std::vector<equation_index>{0, 1, 2, 3});
  CHECK(rule->period() == 4u);
  // One set of 100,000 neurons, each named twice: each selected once, in order.
  network big;
  big.rule.kind = rule_kind::schedule;
  auto& set = big.rule.sets.emplace_back();
  for (int i = 0; i < 100000; ++i) {
    const neuron_id id = big.intern("m" + std::to_string(i));
    big.add_equation(id, activation::step);
    set.push_back(id);
  }
  set.insert(set.end(), set.begin(), set.end());
  const auto big_rule = make_update_rule(big, big.rule);
  const auto all = big_rule->select(0);
  REQUIRE(all.size() == 100000);
  CHECK(std::is_sorted(all.begin(), all.end()));
  CHECK(all.back() == 99999u);
}
