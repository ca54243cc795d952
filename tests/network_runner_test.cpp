// network_runner: many computations of one compiled network give exactly
// what run_network gives for each input, in any order, under every rule and
// number mode, and after a run that stopped at a limit.
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"
#include "test_networks.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace nnsim;
using nnsim_test::add;

namespace {

// Everything of a result that a report shows.
std::string summary(const run_result& r) {
  std::string text = std::string(name_of(r.status)) + " " + std::to_string(r.steps) + " " +
                     std::to_string(r.cycle_start) + " " + std::to_string(r.cycle_period) + " " +
                     std::to_string(r.largest_value_bits) + ":";
  for (const std::string& v : r.state.texts()) text += " " + v;
  return text;
}

// c = sat(c + x) (halts at step 1/x for x = 1/n) beside a toggle t =
// step(x - 1/2 - t) that flips for ever when x >= 1/2, and a neuron s that
// follows c one step late: halted, diverging and undecided runs by input.
network mixed() {
  network net;
  net.add_input("x");
  add(net, "c", activation::sat, 0, {{"c", 1}, {"x", 1}});
  add(net, "t", activation::step, rational(-1, 2), {{"x", 1}, {"t", -1}});
  add(net, "s", activation::id, 0, {{"c", 1}});
  net.add_output(*net.find("c"));
  net.add_output(*net.find("t"));
  return net;
}

run_request request_for(const char* rule, const char* mode, std::uint64_t max_steps) {
  run_request request;
  request.rule = parse_rule_option(rule);
  request.numbers = number_mode::parse(mode);
  request.limits.max_steps = max_steps;
  return request;
}

}  // namespace

TEST_CASE("a runner gives what run_network gives, input after input", "[runner]") {
  const network net = mixed();
  const std::vector<rational> inputs = {rational(1, 3), rational(3, 4), 0, rational(1, 7), rational(1, 3), 1,
                                        rational(-1, 2)};
  for (const char* rule : {"parallel", "sequential", "random", "random:7", "layered"}) {
    for (const char* mode : {"rational", "double", "real:80"}) {
      for (std::uint64_t max_steps : {4, 100}) {
        CAPTURE(rule, mode, max_steps);
        run_request request = request_for(rule, mode, max_steps);
        if (std::string(rule) == "layered") {
          CHECK_THROWS_AS(network_runner(net, request), input_error);  // the network has cycles
          continue;
        }
        network_runner runner(net, request);
        for (const rational& x : inputs) {
          CAPTURE(to_string(x));
          request.input = {x};
          CHECK(summary(runner.run({x})) == summary(run_network(net, request)));
        }
      }
    }
  }
}

TEST_CASE("a runner draws a random rule's steps from the seed in every run", "[runner]") {
  // Without drawing anew, the second run of the same input would select other
  // neurons than the first.
  network net;
  net.add_input("x");
  add(net, "a", activation::step, 0, {{"b", -1}, {"x", 1}});
  add(net, "b", activation::step, 0, {{"a", -1}});
  add(net, "c", activation::sat, 0, {{"c", 1}, {"x", rational(1, 5)}});
  net.add_output(*net.find("a"));
  run_request request = request_for("random:3", "rational", 1000);
  request.input = {1};
  const std::string expected = summary(run_network(net, request));
  network_runner runner(net, request);
  for (int i = 0; i < 5; ++i) CHECK(summary(runner.run({1})) == expected);
}

TEST_CASE("a runner checks each input's length and runs on after a limit", "[runner]") {
  const network net = mixed();
  run_request request = request_for("parallel", "rational", 100);
  request.limits.max_bits = 8;
  network_runner runner(net, request);
  CHECK_THROWS_WITH(runner.run({}), "the network has 1 input neuron (x) but 0 input values were given");
  // 1/255: c grows to 255/255 in numerator and denominator of 8 bits each.
  CHECK_THROWS_AS(runner.run({rational(1, 255)}), limit_error);
  request.input = {rational(1, 3)};
  CHECK(summary(runner.run({rational(1, 3)})) == summary(run_network(net, request)));
}

TEST_CASE("a runner checks the rule and the number mode once, when it is made", "[runner]") {
  network net;
  net.add_input("x");
  add(net, "y", activation::logistic, 0, {{"x", 1}});
  net.add_output(*net.find("y"));
  CHECK_THROWS_AS(network_runner(net, request_for("parallel", "rational", 10)), input_error);
  network_runner runner(net, request_for("parallel", "double", 10));
  CHECK(runner.run({0}).outputs.text(0) == "0.5");
}

TEST_CASE("a runner's budget holds its compiled network and gets each run's tables back", "[runner]") {
  const network net = mixed();
  memory_budget budget;
  run_request request = request_for("parallel", "double", 100);
  request.budget = &budget;
  {
    network_runner runner(net, request);
    const std::size_t compiled = budget.used();
    CHECK(compiled > 0);
    runner.run({rational(3, 4)});  // diverges: states saved, a table of seen states
    const std::size_t after_one = budget.used();
    for (int i = 0; i < 100; ++i) runner.run({rational(3, 4)});
    CHECK(budget.used() == after_one);
  }
  CHECK(budget.used() == 0);
}
