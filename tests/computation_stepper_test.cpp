// computation_stepper: moving back and forth gives exactly the states of
// run_network's observer; breakpoints stop where computed by hand; a small
// memory budget forgets old steps and going back there computes them again.
#include "nnsim/io/network_parser.hpp"
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"
#include "nnsim/viewing/computation_stepper.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

using namespace nnsim;

namespace {

struct observed_state {
  std::vector<neuron_id> selected;
  state_values state;
};

std::vector<observed_state> observed(const network& net, run_request request) {
  std::vector<observed_state> states;
  request.observer = [&](const trace_event& e) {
    states.push_back({e.selected != nullptr ? *e.selected : std::vector<neuron_id>{}, e.state.copy()});
  };
  run_network(net, request);
  return states;
}

// The stepper's current state and last step against the observer's.
void check_at(const computation_stepper& stepper, const std::vector<observed_state>& expected) {
  const std::uint64_t t = stepper.time();
  REQUIRE(t < expected.size());
  CHECK(stepper.state().copy() == expected[t].state);
  if (t == 0) return;
  const std::optional<step_record> step = stepper.last_step();
  REQUIRE(step);
  std::vector<std::uint32_t> changed;
  for (std::size_t i = 0; i < expected[t].state.size(); ++i) {
    if (!expected[t].state.same_value(i, expected[t - 1].state, i)) changed.push_back(static_cast<std::uint32_t>(i));
  }
  std::vector<std::uint32_t> recorded(step->changed.begin(), step->changed.end());
  std::sort(recorded.begin(), recorded.end());
  CHECK(recorded == changed);
  for (std::size_t k = 0; k < step->changed.size(); ++k) {
    CHECK(step->old_values.same_value(k, expected[t - 1].state, step->changed[k]));
    CHECK(step->new_values.same_value(k, expected[t].state, step->changed[k]));
  }
  if (!step->all_selected) {
    std::vector<neuron_id> selected;
    for (std::uint32_t i : step->selected) selected.push_back(make_neuron_id(i));
    CHECK(selected == expected[t].selected);
  }
}

// Random moves over the whole computation, each landing checked.
void wander(const network& net, const run_request& request, unsigned seed) {
  const std::vector<observed_state> expected = observed(net, request);
  const std::uint64_t last = expected.size() - 1;
  computation_stepper stepper(net, request);
  check_at(stepper, expected);
  std::mt19937 random(seed);
  for (int move = 0; move < 200; ++move) {
    const std::uint64_t k = random() % 7;
    switch (random() % 4) {
      case 0: stepper.forward(k); break;
      case 1: stepper.back(k); break;
      case 2: stepper.go_to(random() % (last + 3)); break;
      default: if (random() % 10 == 0) stepper.to_end(); break;
    }
    check_at(stepper, expected);
  }
  stepper.to_end();
  CHECK(stepper.time() == last);
  CHECK(stepper.at_end());
  REQUIRE(stepper.result());
  CHECK(stepper.result()->steps == last);
}

const char* xor_text =
    "input x1, x2\noutput y\nh1 = step(-1 + 2 x1 + 2 x2)\nh2 = step(3 - 2 x1 - 2 x2)\ny = step(-2 + h1 + h2)\n";
const char* counter_text = "input x\noutput c\nc = sat(c + x)\n";

}  // namespace

TEST_CASE("going back and forth gives the observer's states", "[stepper]") {
  const network xor_net = parse_network(xor_text, "xor.nn");
  for (const char* rule : {"parallel", "sequential", "random:3", "layered"}) {
    run_request request;
    request.input = {0, 1};
    request.rule = parse_rule_option(rule);
    wander(xor_net, request, 1);
  }
  const network counter = parse_network(counter_text, "counter.nn");
  run_request request;
  request.input = {rational(1, 37)};
  wander(counter, request, 2);
  request.numbers = number_mode::parse("interval:20");
  wander(counter, request, 3);
  // A compiled Turing machine: hundreds of neurons, a few change per step.
  const network machine = load_network_file(NNSIM_SOURCE_DIR "/networks/machines/palindromes.nn");
  run_request word;
  word.input = {delta_encode("0110")};
  wander(machine, word, 4);
}

TEST_CASE("the stepper knows the end only at the last state", "[stepper]") {
  const network net = parse_network(xor_text, "xor.nn");
  run_request request;
  request.input = {1, 0};
  computation_stepper stepper(net, request);
  CHECK_FALSE(stepper.at_end());
  move_outcome o = stepper.forward(1);
  CHECK(o.why == move_outcome::reason::reached);
  CHECK_FALSE(stepper.at_end());
  // XOR(1, 0) halts after 2 steps: y(2) is the last state.
  o = stepper.forward(5);
  CHECK(o.why == move_outcome::reason::ended);
  CHECK(stepper.time() == 2);
  CHECK(stepper.at_end());
  REQUIRE(stepper.result());
  CHECK(stepper.result()->status == run_status::halted);
  o = stepper.back(5);
  CHECK(o.why == move_outcome::reason::at_start);
  CHECK(stepper.time() == 0);
  CHECK(stepper.state().exact()[4] == 0);   // y
  stepper.go_to(2);
  CHECK(stepper.state().exact()[4] == 1);
}

TEST_CASE("breakpoints stop where they first hold, exactly", "[stepper][breakpoints]") {
  const network net = parse_network(counter_text, "counter.nn");
  const neuron_id c = *net.find("c");
  run_request request;
  request.input = {rational(1, 10)};   // c(t) = t/10 up to 1 at t = 10, the fixed point
  computation_stepper stepper(net, request);
  const int half = stepper.add_breakpoint(breakpoint::compare(c, comparison::greater_equal, rational(1, 2)));
  move_outcome o = stepper.run_to_breakpoint();
  CHECK(o.why == move_outcome::reason::breakpoint);
  CHECK(o.triggered == std::vector<int>{half});
  CHECK(stepper.time() == 5);
  // It still holds at y(6): continue stops again at the next state.
  o = stepper.run_to_breakpoint();
  CHECK(stepper.time() == 6);
  CHECK(stepper.delete_breakpoint(half));
  CHECK_FALSE(stepper.delete_breakpoint(half));
  const int eight = stepper.add_breakpoint(breakpoint::at_step(8));
  CHECK(eight == 2);   // numbers are not given again
  o = stepper.run_to_breakpoint();
  CHECK(stepper.time() == 8);
  CHECK(o.triggered == std::vector<int>{eight});
  // From the start, `changed c` stops at once: step 0 changes c from 0 to 1/10.
  stepper.delete_breakpoints();
  stepper.go_to(0);
  stepper.add_breakpoint(breakpoint::on_change(c));
  stepper.run_to_breakpoint();
  CHECK(stepper.time() == 1);
  // A condition that never holds runs to the end: halted after 10 steps.
  stepper.delete_breakpoints();
  stepper.add_breakpoint(breakpoint::compare(c, comparison::greater, rational(1)));
  o = stepper.run_to_breakpoint();
  CHECK(o.why == move_outcome::reason::ended);
  CHECK(stepper.time() == 10);
  CHECK(stepper.at_end());
}

TEST_CASE("floating values are compared as the rationals they are; intervals may decide nothing",
          "[stepper][breakpoints]") {
  const network net = parse_network(counter_text, "counter.nn");
  const neuron_id c = *net.find("c");
  run_request request;
  request.input = {rational(1, 10)};
  const breakpoint above = breakpoint::compare(c, comparison::greater, rational(3, 10));
  {
    computation_stepper exact(net, request);
    exact.add_breakpoint(above);
    exact.run_to_breakpoint();
    CHECK(exact.time() == 4);   // 3/10 is not > 3/10
  }
  {
    // In doubles 0.1 + 0.1 + 0.1 = 0.30000000000000004440892098500626...,
    // which is above 3/10.
    request.numbers = number_mode::parse("double");
    computation_stepper doubles(net, request);
    doubles.add_breakpoint(above);
    doubles.run_to_breakpoint();
    CHECK(doubles.time() == 3);
  }
  {
    // An enclosure of 3/10 holds numbers on both sides of it.
    request.numbers = number_mode::parse("interval:53");
    computation_stepper intervals(net, request);
    const int number = intervals.add_breakpoint(above);
    const move_outcome o = intervals.run_to_breakpoint();
    CHECK(intervals.time() == 3);
    CHECK(o.triggered.empty());
    CHECK(o.undecided == std::vector<int>{number});
  }
}

TEST_CASE("compare_value decides exactly or says it cannot", "[breakpoints]") {
  const state_values exact(std::vector<rational>{rational(1, 3)});
  CHECK(compare_value(exact.view(), 0, comparison::less, rational(1, 2)) == truth::yes);
  CHECK(compare_value(exact.view(), 0, comparison::equal, rational(1, 3)) == truth::yes);
  CHECK(compare_value(exact.view(), 0, comparison::not_equal, rational(1, 3)) == truth::no);
  const state_values doubles(std::vector<double>{0.1});
  // The double 0.1 is 3602879701896397/2^55, a little above 1/10.
  CHECK(compare_value(doubles.view(), 0, comparison::greater, rational(1, 10)) == truth::yes);
  CHECK(compare_value(doubles.view(), 0, comparison::equal,
                      rational(integer(3602879701896397), integer(1) << 55)) == truth::yes);
  CHECK(parse_comparison(">=") == comparison::greater_equal);
  CHECK_FALSE(parse_comparison("=>"));
  CHECK(symbol_of(comparison::not_equal) == "!=");
}

TEST_CASE("a small budget forgets old steps; going back there computes them again", "[stepper][memory]") {
  // The random rule looks for no repetition, so the run itself keeps no
  // table of seen states, and the history takes nearly all of the budget.
  const network net = parse_network(counter_text, "counter.nn");
  run_request request;
  request.input = {rational(1, 1000000)};
  request.rule = parse_rule_option("random:1");
  request.limits.max_steps = 100000;
  std::vector<rational> expected;
  run_request observing = request;
  observing.observer = [&](const trace_event& e) { expected.push_back(e.state.exact()[1]); };
  run_network(net, observing);
  REQUIRE(expected.size() == 100001);

  request.limits.max_memory = 1 << 20;
  computation_stepper stepper(net, request);
  move_outcome o = stepper.forward(60000);
  CHECK(o.why == move_outcome::reason::reached);
  CHECK(stepper.time() == 60000);
  CHECK(o.forgot);
  const std::uint64_t oldest = stepper.oldest_kept();
  CHECK(oldest > 0);
  CHECK(stepper.state().exact()[1] == expected[60000]);
  // Within the window: undone.
  o = stepper.go_to(oldest);
  CHECK_FALSE(o.recomputed);
  CHECK(stepper.state().exact()[1] == expected[oldest]);
  // Before it: computed again from y(0).
  o = stepper.back(1);
  CHECK(o.recomputed);
  CHECK(stepper.time() == oldest - 1);
  CHECK(stepper.state().exact()[1] == expected[oldest - 1]);
  o = stepper.forward(3);
  CHECK(stepper.state().exact()[1] == expected[oldest + 2]);
  stepper.to_end();
  CHECK(stepper.time() == 100000);
  CHECK(stepper.state().exact()[1] == expected[100000]);
  REQUIRE(stepper.result());
  CHECK(stepper.result()->status == run_status::undecided);
}

TEST_CASE("a budget too small for one more step stops the computation, with a message", "[stepper][memory]") {
  // The random rule keeps no table of seen states: only the history charges
  // the shared budget once the run has started.
  const network net = parse_network(counter_text, "counter.nn");
  run_request request;
  request.input = {rational(1, 1000000)};
  request.rule = parse_rule_option("random:1");
  memory_budget budget(1 << 20);
  request.budget = &budget;
  computation_stepper stepper(net, request);
  // Everything but a few bytes taken by someone else: the first step's
  // changes cannot be kept, and no step kept could make room.
  REQUIRE(budget.try_charge(budget.limit() - budget.used() - 8));
  const move_outcome o = stepper.forward(100000);
  CHECK(o.why == move_outcome::reason::limit);
  CHECK(stepper.at_end());
  CHECK(stepper.time() == 0);
  CHECK(stepper.stop_message().find("steps kept for going back need more than the memory limit of 1048576 bytes") !=
        std::string::npos);
  // Still usable: at y(0), which it shows.
  CHECK(stepper.state().exact()[1] == 0);
  CHECK(stepper.forward(1).why == move_outcome::reason::limit);
}

TEST_CASE("a limit stops the computation at the last state it reached", "[stepper][memory]") {
  const network grow = parse_network("input x\noutput s\ns = sat(1/3 s + x)\n", "grow.nn");
  run_request request;
  request.input = {rational(1, 2)};
  request.limits.max_bits = 40;
  computation_stepper stepper(grow, request);
  // y(13) is past 40 bits (see the stream's test): the stepper stays at 12.
  move_outcome o = stepper.to_end();
  CHECK(o.why == move_outcome::reason::limit);
  CHECK(stepper.time() == 12);
  CHECK(stepper.at_end());
  CHECK_FALSE(stepper.result());
  CHECK(stepper.stop_message().find("at step 13") != std::string::npos);
  o = stepper.forward(1);
  CHECK(o.why == move_outcome::reason::limit);
  CHECK(stepper.time() == 12);
  stepper.back(12);
  CHECK(stepper.state().exact()[1] == 0);
}
