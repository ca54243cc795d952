// computation_stream: the states of run_network's observer, one at a time,
// as the reader asks; the end with the result or the error.
#include "nnsim/io/network_parser.hpp"
#include "nnsim/run/computation_stream.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <vector>

using namespace nnsim;

namespace {

// What the observer of run_network sees, kept.
std::vector<computation_state> observed(const network& net, run_request request) {
  std::vector<computation_state> states;
  request.observer = [&](const trace_event& e) {
    states.push_back({e.time, e.selected != nullptr ? *e.selected : std::vector<neuron_id>{}, e.state.copy()});
  };
  run_network(net, request);
  return states;
}

const char* xor_text =
    "input x1, x2\noutput y\nh1 = step(-1 + 2 x1 + 2 x2)\nh2 = step(3 - 2 x1 - 2 x2)\ny = step(-2 + h1 + h2)\n";

}  // namespace

TEST_CASE("a stream hands over exactly the observer's states, then the result", "[stream]") {
  const network net = parse_network(xor_text, "xor.nn");
  for (const char* rule : {"parallel", "sequential", "random:7", "layered"}) {
    run_request request;
    request.input = {1, 1};
    request.rule = parse_rule_option(rule);
    const std::vector<computation_state> expected = observed(net, request);
    const run_result run = run_network(net, request);
    computation_stream stream(net, request);
    std::size_t count = 0;
    while (std::optional<computation_state> s = stream.next()) {
      REQUIRE(count < expected.size());
      CHECK(s->time == expected[count].time);
      CHECK(s->selected == expected[count].selected);
      CHECK(s->state == expected[count].state);
      ++count;
    }
    CHECK(count == expected.size());
    REQUIRE(stream.ended());
    REQUIRE(stream.result());
    CHECK(stream.result()->status == run.status);
    CHECK(stream.result()->steps == run.steps);
    CHECK(stream.result()->state == run.state);
    CHECK_FALSE(stream.next());
  }
}

TEST_CASE("a stream computes only what is asked for and stops when destroyed", "[stream]") {
  // Two billion steps to the fixed point: three states, then the stream goes.
  const network net = parse_network("input x\noutput c\nc = sat(c + x)\n", "counter.nn");
  run_request request;
  request.input = {rational(1, 2000000000)};
  request.limits.max_steps = 3000000000ULL;
  const auto began = std::chrono::steady_clock::now();
  {
    computation_stream stream(net, request);
    for (int t = 0; t < 3; ++t) {
      const std::optional<computation_view> s = stream.next_view();
      REQUIRE(s);
      CHECK(s->time == static_cast<std::uint64_t>(t));
      CHECK(s->state.exact()[1] == rational(t, 2000000000));
    }
  }
  CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds(10));
}

TEST_CASE("a stream throws an error before y(0), and a limit after the states before it", "[stream]") {
  const network xor_net = parse_network(xor_text, "xor.nn");
  run_request wrong;
  wrong.input = {1};
  computation_stream bad(xor_net, wrong);
  CHECK_THROWS_AS(bad.next(), input_error);
  CHECK_FALSE(bad.next());
  CHECK_FALSE(bad.result());

  // s = sat(1/3 s + x) with x = δ(ε) = 1/2: s(t) = 3/4 (1 - 3^-t), whose
  // denominator 4 * 3^t passes 40 bits at t = 13 (tests/python agrees).
  const network grow = parse_network("input x\noutput s\ns = sat(1/3 s + x)\n", "grow.nn");
  run_request request;
  request.input = {rational(1, 2)};
  request.limits.max_bits = 40;
  computation_stream stream(grow, request);
  std::uint64_t last = 0;
  try {
    while (std::optional<computation_state> s = stream.next()) {
      last = s->time;
      CHECK(s->state.exact()[1] == rational(3, 4) * (1 - rational(1, boost::multiprecision::pow(integer(3), static_cast<unsigned>(s->time)))));
    }
    FAIL("no limit");
  } catch (const limit_error& e) {
    CHECK(std::string(e.what()).find("at step 13") != std::string::npos);
  }
  CHECK(last == 12);
  CHECK_FALSE(stream.next());
}

TEST_CASE("a wait gives up when its hook says so and the state comes later", "[stream]") {
  const network net = parse_network(xor_text, "xor.nn");
  run_request request;
  request.input = {0, 1};
  computation_stream stream(net, request);
  // However fast y(0) comes, a hook that gives up at once may or may not be
  // asked; either way the state is there afterwards.
  int asked = 0;
  stream.wait([&] { ++asked; return false; }, std::chrono::milliseconds(1));
  CHECK(stream.wait());
  const std::optional<computation_state> first = stream.next();
  REQUIRE(first);
  CHECK(first->time == 0);
  CHECK(asked <= 1);
}
