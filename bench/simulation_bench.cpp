// The core benchmark of docs/performance.md: a random network of 2,000 `sat`
// neurons with 8 predecessors each (16,000 edges), weights and biases k/d
// with d in {1, 2, 4, 8}, run for 200 steps under the parallel rule in each
// number mode.  Reported per step and per edge update.  run_counter: the
// cost of the step loop itself, watched by a run_monitor or not
// (docs/performance.md, "Watching a run").
//
//   build/bench/nnsim_bench --benchmark_counters_tabular=true
//
// bench/make_random_network.py writes a network of the same shape as a file,
// for bench/fractions_sim.py (the Python `fractions` baseline).

#include "nnsim/model/network.hpp"
#include "nnsim/run/simulation.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <random>

namespace {

constexpr std::size_t neuron_count = 2000;
constexpr std::size_t predecessors = 8;
constexpr std::uint64_t steps = 200;

nnsim::network make_random_network(std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<int> numerator(-8, 8);
  std::uniform_int_distribution<int> denominator_exponent(0, 3);
  std::uniform_int_distribution<std::size_t> pick(0, neuron_count - 1);
  auto coefficient = [&] {
    int k = 0;
    while (k == 0) k = numerator(random);
    return nnsim::rational(k, 1 << denominator_exponent(random));
  };
  nnsim::network net;
  net.name = "random_sat";
  std::vector<nnsim::neuron_id> ids;
  ids.push_back(net.add_input("x"));
  for (std::size_t i = 1; i < neuron_count; ++i) ids.push_back(net.intern(fmt::format("n{}", i)));
  for (std::size_t i = 1; i < neuron_count; ++i) {
    auto& e = net.add_equation(ids[i], nnsim::activation::sat);
    e.bias = coefficient();
    // Distinct predecessors: a neuron occurs at most once in an equation.
    std::vector<std::size_t> chosen;
    while (chosen.size() < predecessors) {
      const std::size_t p = pick(random);
      if (std::find(chosen.begin(), chosen.end(), p) == chosen.end()) chosen.push_back(p);
    }
    for (std::size_t p : chosen) e.inputs.push_back({ids[p], coefficient()});
  }
  net.add_output(ids.back());
  return net;
}

void run_random_network(benchmark::State& bench_state, const char* mode) {
  const nnsim::network net = make_random_network(2024);
  nnsim::run_request request;
  request.input = {nnsim::rational(1, 3)};
  request.numbers = nnsim::number_mode::parse(mode);
  request.limits.max_steps = steps;
  request.limits.max_bits = std::size_t{1} << 40;
  std::uint64_t executed = 0;
  for (auto _ : bench_state) {
    const auto result = nnsim::run_network(net, request);
    executed += result.steps;
    benchmark::DoNotOptimize(result.state.size());
  }
  const double edges = static_cast<double>((neuron_count - 1) * predecessors);
  bench_state.counters["steps"] = static_cast<double>(executed) / static_cast<double>(bench_state.iterations());
  bench_state.counters["per_step"] =
      benchmark::Counter(static_cast<double>(executed), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  bench_state.counters["per_edge"] = benchmark::Counter(static_cast<double>(executed) * edges,
                                                        benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

}  // namespace

// The cost of the step loop itself: one neuron c = id(c + 1), which never
// repeats, run for 1,000,000 steps.  Every step is one addition, one
// comparison and one entry in the table of seen states, so whatever the loop
// adds per step shows here first.  `watched`: with a run_monitor (a stop
// flag and a progress callback every 100 ms), as the command line runs it.
void run_counter(benchmark::State& bench_state, const char* mode, bool watched) {
  nnsim::network net;
  net.name = "counter";
  const nnsim::neuron_id c = net.intern("c");
  auto& e = net.add_equation(c, nnsim::activation::id);
  e.bias = 1;
  e.inputs.push_back({c, nnsim::rational(1)});
  net.add_output(c);
  nnsim::run_request request;
  request.numbers = nnsim::number_mode::parse(mode);
  request.limits.max_steps = 1'000'000;
  std::atomic<bool> stop{false};
  std::uint64_t reports = 0;
  if (watched) {
    request.monitor.stop_requested = &stop;
    request.monitor.progress = [&](const nnsim::run_progress&) { ++reports; };
  }
  std::uint64_t executed = 0;
  for (auto _ : bench_state) {
    const auto result = nnsim::run_network(net, request);
    executed += result.steps;
    benchmark::DoNotOptimize(result.state.size());
  }
  benchmark::DoNotOptimize(reports);
  bench_state.counters["per_step"] =
      benchmark::Counter(static_cast<double>(executed), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

BENCHMARK_CAPTURE(run_random_network, rational, "rational")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run_random_network, real_128, "real:128")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run_random_network, interval_128, "interval:128")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run_random_network, double, "double")->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(run_counter, rational, "rational", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run_counter, rational_watched, "rational", true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run_counter, double, "double", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(run_counter, double_watched, "double", true)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
