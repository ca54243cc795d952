// Tests of run_monitor.hpp: a run, a list of words and the Boolean check can
// be watched and stopped, a stopped run reports exactly the state it reached
// (the same as a run whose step limit is that step), and a stop never turns
// into a verdict: a verdict found first is reported as usual.
#include "nnsim/boolean/boolean_check.hpp"
#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/run/run_monitor.hpp"
#include "nnsim/run/simulation.hpp"
#include "test_networks.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <vector>

using namespace nnsim;

namespace {

using nnsim_test::add;

// c = id(c + 1): c(t) = t, never a fixed point, never a repetition.
network endless_counter() {
  network net;
  add(net, "c", activation::id, 1, {{"c", 1}});
  net.add_output(*net.find("c"));
  return net;
}

// One input x, s = sat(1/3 s + x): on x = 1/4 the values grow by about 3
// bits a step and never repeat (examples/networks/grow.nn).
network grow() {
  network net;
  net.add_input("x");
  add(net, "s", activation::sat, 0, {{"s", rational(1, 3)}, {"x", 1}});
  net.add_output(*net.find("s"));
  return net;
}

run_request request_for(std::uint64_t max_steps, const char* mode = "rational") {
  run_request request;
  request.numbers = number_mode::parse(mode);
  request.limits.max_steps = max_steps;
  return request;
}

// A monitor whose progress callback sets the stop flag once `at` steps are done.
struct stop_at {
  std::atomic<bool> stop{false};
  std::vector<run_progress> seen;
  run_monitor monitor(std::uint64_t at) {
    run_monitor m;
    m.stop_requested = &stop;
    m.interval = std::chrono::milliseconds(0);
    m.progress = [this, at](const run_progress& p) {
      seen.push_back(p);
      if (p.steps >= at) stop = true;
    };
    return m;
  }
};

}  // namespace

TEST_CASE("run monitor: a stopped run reports the state it reached", "[run_monitor]") {
  const network net = endless_counter();
  for (const char* mode : {"rational", "double", "real:64"}) {
    stop_at watcher;
    run_request request = request_for(1'000'000'000, mode);
    request.monitor = watcher.monitor(5000);
    const run_result stopped = run_network(net, request);
    CHECK(stopped.status == run_status::undecided);
    CHECK(stopped.interrupted);
    CHECK(stopped.steps >= 5000);
    CHECK(stopped.steps < 1'000'000'000);
    CHECK(stopped.state.text(0) == std::to_string(stopped.steps));  // c(t) = t

    // The same as a run that the step limit ends there.
    const run_result limited = run_network(net, request_for(stopped.steps, mode));
    CHECK_FALSE(limited.interrupted);
    CHECK(limited.steps == stopped.steps);
    CHECK(limited.state.texts() == stopped.state.texts());
    CHECK(limited.outputs.texts() == stopped.outputs.texts());

    REQUIRE(!watcher.seen.empty());
    for (std::size_t i = 1; i < watcher.seen.size(); ++i) CHECK(watcher.seen[i].steps > watcher.seen[i - 1].steps);
    CHECK(watcher.seen.back().steps <= stopped.steps);
  }
}

TEST_CASE("run monitor: progress has the largest value's size in rational mode", "[run_monitor]") {
  const network net = grow();
  stop_at watcher;
  run_request request = request_for(1'000'000'000);
  request.input = {rational(1, 4)};
  request.monitor = watcher.monitor(200);
  const run_result stopped = run_network(net, request);
  REQUIRE(stopped.interrupted);
  REQUIRE(!watcher.seen.empty());
  // s(t) has a denominator 4 * 3^(t-1) or so: its size grows with t.
  CHECK(watcher.seen.back().largest_value_bits > watcher.seen.back().steps);
  CHECK(stopped.largest_value_bits >= watcher.seen.back().largest_value_bits);

  stop_at in_doubles;
  request.numbers = number_mode::parse("double");
  request.monitor = in_doubles.monitor(1);
  run_network(net, request);  // settles in doubles: stopped or halted, the size is 0 either way
  for (const run_progress& p : in_doubles.seen) CHECK(p.largest_value_bits == 0);
}

TEST_CASE("run monitor: a stop before the first step leaves y(0)", "[run_monitor]") {
  std::atomic<bool> stop{true};
  run_request request = request_for(1000);
  request.monitor.stop_requested = &stop;
  const run_result result = run_network(endless_counter(), request);
  CHECK(result.status == run_status::undecided);
  CHECK(result.interrupted);
  CHECK(result.steps == 0);
  CHECK(result.state.text(0) == "0");
}

TEST_CASE("run monitor: a verdict found is reported, never replaced by a stop", "[run_monitor]") {
  std::atomic<bool> stop{true};
  // y(0) is already a fixed point: halted at 0, even though a stop was asked.
  network still;
  add(still, "c", activation::id, 0, {{"c", 1}});
  run_request request = request_for(1000);
  request.monitor.stop_requested = &stop;
  const run_result halted = run_network(still, request);
  CHECK(halted.status == run_status::halted);
  CHECK_FALSE(halted.interrupted);

  // A watched run that is not stopped gives exactly the verdict of an unwatched one.
  std::atomic<bool> never{false};
  const network xor_net = nnsim_test::xor_network();
  network toggling;
  add(toggling, "c", activation::step, 0, {{"c", -1}});
  const network toggle = toggling;
  for (const network* net : {&xor_net, &toggle}) {
    run_request plain = request_for(1000);
    plain.input.assign(net->inputs.size(), rational(1));
    run_request watched = plain;
    watched.monitor.stop_requested = &never;
    watched.monitor.interval = std::chrono::milliseconds(0);
    watched.monitor.progress = [](const run_progress&) {};
    const run_result a = run_network(*net, plain);
    const run_result b = run_network(*net, watched);
    CHECK(a.status == b.status);
    CHECK(a.steps == b.steps);
    CHECK(a.cycle_start == b.cycle_start);
    CHECK(a.cycle_period == b.cycle_period);
    CHECK_FALSE(b.interrupted);
    CHECK(a.state.texts() == b.state.texts());
  }
}

TEST_CASE("run monitor: a list of words stops between words or within one", "[run_monitor]") {
  const network net = grow();
  const word_source words{100, shortlex_word};

  // Between words: the flag is set while the third word is reported.
  std::atomic<bool> stop{false};
  recognition_options options;
  options.limits.max_steps = 20;
  options.monitor.stop_requested = &stop;
  std::vector<std::uint64_t> reported;
  const auto report_and_stop = [&](std::uint64_t i, recognized_word&&) {
    reported.push_back(i);
    if (i == 2) stop = true;
  };
  const recognition_report between = recognize_each(net, words, options, nullptr, report_and_stop);
  CHECK(between.interrupted);
  CHECK(between.classified == 3);
  CHECK(reported == std::vector<std::uint64_t>{0, 1, 2});
  CHECK(between.accepted + between.rejected + between.rejected_diverging + between.undecided == 3);

  // Within a word: its run is stopped, and the word is not reported.
  stop_at watcher;
  options.limits.max_steps = 1'000'000'000;
  options.monitor = watcher.monitor(100);
  reported.clear();
  const recognition_report within =
      recognize_each(net, words, options, nullptr, [&](std::uint64_t i, recognized_word&&) { reported.push_back(i); });
  CHECK(within.interrupted);
  CHECK(within.classified == 0);
  CHECK(reported.empty());
  CHECK(within.undecided == 0);

  // Not stopped: every word.
  std::atomic<bool> never{false};
  options.limits.max_steps = 20;
  options.monitor = {};
  options.monitor.stop_requested = &never;
  const recognition_report all = recognize_each(net, words, options, nullptr, [](std::uint64_t, recognized_word&&) {});
  CHECK_FALSE(all.interrupted);
  CHECK(all.classified == 100);
}

TEST_CASE("run monitor: the Boolean check stops between blocks", "[run_monitor][boolean_check]") {
  std::atomic<bool> stop{false};
  boolean_check_options options;
  options.threads = 1;
  options.stop_requested = &stop;
  std::uint64_t calls = 0;
  options.progress = [&](std::uint64_t, std::uint64_t) {
    ++calls;
    stop = true;
  };
  const boolean_check_summary s = check_boolean_functions(4, options);
  CHECK(s.interrupted);
  CHECK(s.functions == 65536);
  CHECK(s.checked == 512);  // one block
  CHECK(s.verified == s.checked);
  CHECK(s.separable <= s.checked);
  CHECK(calls == 1);  // no call with the total

  const boolean_check_summary whole = check_boolean_functions(2, {});
  CHECK_FALSE(whole.interrupted);
  CHECK(whole.checked == whole.functions);
}
