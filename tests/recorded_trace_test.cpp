#include "nnsim/io/network_parser.hpp"
#include "nnsim/support/error.hpp"
#include "nnsim/viewing/recorded_trace.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace nnsim;

namespace {

std::vector<std::string> texts(const recorded_trace& trace, const std::vector<std::uint32_t>& state) {
  std::vector<std::string> out;
  for (std::uint32_t v : state) out.push_back(trace.value_texts[v]);
  return out;
}

}  // namespace

TEST_CASE("a recorded trace replays every state the observer saw", "[viewing]") {
  // Two neurons, one of them changing only some steps; the states are
  // compared with those the run's own observer shows.
  const network halving = parse_network(
      "output f\ninit c = 1\n"
      "c = relu(1/2 c - 1/16)\n"
      "f = step(c - 1/32)\n",
      "t.nn");
  run_request request;
  std::vector<state_values> seen;
  request.observer = [&seen](const trace_event& event) { seen.push_back(event.state.copy()); };
  run_network(halving, request);
  const recorded_trace trace = record_trace(halving, request);
  REQUIRE(trace.steps() + 1 == seen.size());
  for (std::uint64_t t = 0; t <= trace.steps(); ++t) CHECK(texts(trace, trace.state_at(t)) == seen[t].texts());
  // Only changes are kept: each step's list names exactly the neurons whose value differs.
  for (std::uint64_t t = 1; t <= trace.steps(); ++t) {
    std::vector<std::uint32_t> differing;
    for (std::uint32_t i = 0; i < seen[t].size(); ++i) {
      if (!seen[t].same_value(i, seen[t - 1], i)) differing.push_back(i);
    }
    const auto changed = trace.changed_neurons_of(t);
    std::vector<std::uint32_t> kept(changed.begin(), changed.end());   // in equation order
    std::sort(kept.begin(), kept.end());
    CHECK(kept == differing);
    CHECK(trace.selected_all[t - 1] == 1);   // the parallel rule
    CHECK(trace.selected_of(t).empty());
  }
  // Values once each.
  std::set<std::string> distinct(trace.value_texts.begin(), trace.value_texts.end());
  CHECK(distinct.size() == trace.value_texts.size());
}

TEST_CASE("a shrinking value by hand: values, changes and the verdict", "[viewing]") {
  // c(t+1) = relu(c(t)/2 - 1/8): 1, 3/8, 1/16, 0, 0 -> y(3) is a fixed
  // point, halted after 3 steps.
  const network net = parse_network("output c\ninit c = 1\nc = relu(1/2 c - 1/8)\n", "t.nn");
  const recorded_trace trace = record_trace(net, run_request{});
  CHECK(trace.result.status == run_status::halted);
  REQUIRE(trace.steps() == 3);
  CHECK(texts(trace, trace.state_at(0)) == std::vector<std::string>{"1"});
  CHECK(texts(trace, trace.state_at(1)) == std::vector<std::string>{"3/8"});
  CHECK(texts(trace, trace.state_at(2)) == std::vector<std::string>{"1/16"});
  CHECK(texts(trace, trace.state_at(3)) == std::vector<std::string>{"0"});
  CHECK(trace.value_texts == std::vector<std::string>{"1", "3/8", "1/16", "0"});
  CHECK(trace.value_approximations == std::vector<double>{1, 0.375, 0.0625, 0});
  for (std::uint64_t t = 1; t <= 3; ++t) CHECK(trace.changed_neurons_of(t).size() == 1);
}

TEST_CASE("the sequential rule keeps the selected neurons", "[viewing]") {
  const network net = parse_network("input x\noutput y\nh = step(x)\ny = step(h)\n", "t.nn");
  run_request request;
  request.input = {1};
  rule_spec sequential;
  sequential.kind = rule_kind::sequential;
  request.rule = sequential;
  const recorded_trace trace = record_trace(net, request);
  REQUIRE(trace.steps() >= 2);
  CHECK(trace.selected_all[0] == 0);
  // The file's equation order: h, then y (whose id comes first: `output y`).
  const auto h = static_cast<std::uint32_t>(index(*net.find("h")));
  const auto y = static_cast<std::uint32_t>(index(*net.find("y")));
  CHECK(std::vector<std::uint32_t>(trace.selected_of(1).begin(), trace.selected_of(1).end()) ==
        std::vector<std::uint32_t>{h});
  CHECK(std::vector<std::uint32_t>(trace.selected_of(2).begin(), trace.selected_of(2).end()) ==
        std::vector<std::uint32_t>{y});
}

TEST_CASE("a trace too long for the memory limit stops with a limit error that says so", "[viewing]") {
  // A counter that never repeats within the steps: each step changes c.
  const network net = parse_network("output c\nc = relu(c + 1)\n", "t.nn");
  run_request request;
  request.limits.max_steps = 200000;
  request.limits.max_memory = 64 * 1024;
  CHECK_THROWS_WITH(record_trace(net, request), Catch::Contains("the trace needs more than the memory limit"));
}

TEST_CASE("a bit limit ends the trace at the last state it reached", "[viewing]") {
  // s(t) = 3/4 (1 - 3^-t) on x = 1/2: s(12) = 132860/177147 has 36 bits,
  // s(13) = 398580/531441 41, past the limit of 40.
  const network net = parse_network("input x\noutput s\ns = sat(1/3 s + x)\n", "grow.nn");
  run_request request;
  request.input = {rational(1, 2)};
  request.limits.max_bits = 40;
  const recorded_trace trace = record_trace(net, request);
  CHECK(trace.steps() == 12);
  CHECK(trace.stopped_by.find("at step 13 has 41 bits, more than the limit of 40") != std::string::npos);
  CHECK(trace.result.status == run_status::undecided);
  CHECK(trace.result.steps == 12);
  CHECK_FALSE(trace.result.interrupted);
  REQUIRE(trace.result.outputs.size() == 1);
  CHECK(trace.result.outputs.exact()[0] == rational(132860, 177147));
  CHECK(trace.result.state.exact()[1] == rational(132860, 177147));
  CHECK(trace.value_texts[trace.state_at(12)[1]] == "132860/177147");
}
