// Loading and running must cost time near-linear in the input and the steps
// (docs/performance.md, "Scaling with the size of the input").  Each case
// builds its input in memory, at growing sizes, and times the library call
// that the command line makes on it:
//
//   equation_terms/N      `nnsim info` on one equation with N terms: load and analyze
//   schedule_set/N        a `schedule` set of N neurons: load and build the update rule
//   decimal_literals/L    2 MB of decimal literals of L characters each: load
//   machine_states/N      a `.tm` file with N states: load
//   compile_machine/N     the same machine compiled into a network
//   rightward_writer/T    a machine that writes rightwards forever, run for T steps
//   leftward_writer/T     the same, writing leftwards
//   late_cycle/N          a machine that walks over a word of N cells, then moves back
//                         and forth forever: its cycle starts after N steps
//
//   build/bench/nnsim_scaling_bench --benchmark_counters_tabular=true
//
// Each family also prints the fitted complexity (`_BigO`): near-linear cases
// report N or NlgN, a quadratic one N^2.

#include "nnsim/io/network_parser.hpp"
#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/languages/turing_machine.hpp"
#include "nnsim/model/network_analysis.hpp"
#include "nnsim/run/update_rule.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdint>
#include <string>

namespace {

std::size_t size_of(const benchmark::State& state) { return static_cast<std::size_t>(state.range(0)); }

// input x0, ..., x(N-1)
// y = sat(x0 + x1 + ... + x(N-1))
std::string one_long_equation(std::size_t terms) {
  std::string inputs = "input ";
  std::string sum;
  for (std::size_t i = 0; i < terms; ++i) {
    inputs += fmt::format("{}x{}", i == 0 ? "" : ", ", i);
    sum += fmt::format("{}x{}", i == 0 ? "" : " + ", i);
  }
  return inputs + "\noutput y\ny = sat(" + sum + ")\n";
}

void equation_terms(benchmark::State& state) {
  const std::string text = one_long_equation(size_of(state));
  for (auto _ : state) {
    const nnsim::network net = nnsim::parse_network(text, "bench.nn");
    const nnsim::network_summary summary = nnsim::analyze(net);
    benchmark::DoNotOptimize(summary.edges);
  }
  state.SetComplexityN(state.range(0));
}

// n0 = step(1), ..., n(N-1) = step(1)
// rule schedule {n0, ..., n(N-1)}
void schedule_set(benchmark::State& state) {
  const std::size_t n = size_of(state);
  std::string text = "rule schedule {";
  std::string equations;
  for (std::size_t i = 0; i < n; ++i) {
    text += fmt::format("{}n{}", i == 0 ? "" : ", ", i);
    equations += fmt::format("n{} = step(1)\n", i);
  }
  text += "}\n" + equations;
  for (auto _ : state) {
    const nnsim::network net = nnsim::parse_network(text, "bench.nn");
    const auto rule = nnsim::make_update_rule(net, net.rule);
    benchmark::DoNotOptimize(rule->universe().size());
  }
  state.SetComplexityN(state.range(0));
}

// About 2 MB of `init cK = D.DDDD...` lines, each literal L characters long,
// the digits a fixed pseudo-random sequence.
void decimal_literals(benchmark::State& state) {
  const std::size_t length = size_of(state);
  constexpr std::size_t total = 2'000'000;
  std::uint64_t seed = 12345;
  std::string text;
  for (std::size_t k = 0; k * length < total; ++k) {
    std::string literal = "1.";
    while (literal.size() < length) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      literal += static_cast<char>('0' + (seed >> 33) % 10);
    }
    text += fmt::format("init c{} = {}\n", k, literal);
  }
  for (auto _ : state) {
    const nnsim::network net = nnsim::parse_network(text, "bench.nn");
    benchmark::DoNotOptimize(net.size());
  }
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
  state.SetComplexityN(state.range(0));
}

// A chain q0 -> q1 -> ... -> h over the input.
std::string machine_with_states(std::size_t states) {
  std::string text = "machine chain\ntape 0 1 _\nblank _\nstart q0\naccept h\n";
  for (std::size_t i = 0; i < states; ++i) {
    const std::string next = i + 1 == states ? "h" : fmt::format("q{}", i + 1);
    text += fmt::format("q{} 0 -> {} 0 R\nq{} 1 -> {} 1 R\n", i, next, i, next);
  }
  return text;
}

void machine_states(benchmark::State& state) {
  const std::string text = machine_with_states(size_of(state));
  for (auto _ : state) {
    const nnsim::turing_machine machine = nnsim::parse_machine(text, "bench.tm");
    benchmark::DoNotOptimize(machine.state_count());
  }
  state.SetComplexityN(state.range(0));
}

void compile_machine(benchmark::State& state) {
  const nnsim::turing_machine machine = nnsim::parse_machine(machine_with_states(size_of(state)), "bench.tm");
  for (auto _ : state) {
    const nnsim::network net = nnsim::compile_machine(machine);
    benchmark::DoNotOptimize(net.size());
  }
  state.SetComplexityN(state.range(0));
}

const nnsim::turing_machine& writer(char move) {
  static const nnsim::turing_machine right = nnsim::parse_machine(
      "machine right\ntape 0 1 _\nblank _\nstart q\naccept h\n# writes 1 on every cell to the right, forever\n"
      "q _ -> q 1 R\n",
      "right.tm");
  static const nnsim::turing_machine left = nnsim::parse_machine(
      "machine left\ntape 0 1 _\nblank _\nstart q\naccept h\n# writes 1 on every cell to the left, forever\n"
      "q _ -> q 1 L\n",
      "left.tm");
  return move == 'R' ? right : left;
}

void run_writer(benchmark::State& state, char move) {
  const std::uint64_t steps = static_cast<std::uint64_t>(state.range(0));
  nnsim::machine_run run;
  for (auto _ : state) {
    run = nnsim::run_machine(writer(move), "", steps);
    benchmark::DoNotOptimize(run.steps);
  }
  if (run.outcome != nnsim::machine_outcome::undecided) state.SkipWithError("expected undecided");
  state.SetComplexityN(state.range(0));
}

void rightward_writer(benchmark::State& state) { run_writer(state, 'R'); }
void leftward_writer(benchmark::State& state) { run_writer(state, 'L'); }

// Over 0^N: turn every 0 into 1 walking right, then bounce between the last
// cell and the blank after it forever (period 2, the cycle starts at N).
void late_cycle(benchmark::State& state) {
  static const nnsim::turing_machine machine = nnsim::parse_machine(
      "machine bounce\ntape 0 1 _\nblank _\nstart q\naccept h\n"
      "q 0 -> q 1 R\nq _ -> b _ L\nb 1 -> c 1 R\nc _ -> b _ L\n",
      "bounce.tm");
  const std::string word(size_of(state), '0');
  nnsim::machine_run run;
  for (auto _ : state) {
    run = nnsim::run_machine(machine, word, 100'000'000);
    benchmark::DoNotOptimize(run.steps);
  }
  if (run.outcome != nnsim::machine_outcome::runs_forever) state.SkipWithError("expected runs-forever");
  state.counters["cycle_start"] = static_cast<double>(run.cycle_start);
  state.SetComplexityN(state.range(0));
}

}  // namespace

BENCHMARK(equation_terms)->RangeMultiplier(2)->Range(25'000, 200'000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(schedule_set)->RangeMultiplier(2)->Range(25'000, 200'000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(decimal_literals)->RangeMultiplier(10)->Range(1'000, 100'000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(machine_states)->RangeMultiplier(2)->Range(10'000, 80'000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(compile_machine)->RangeMultiplier(2)->Range(2'500, 20'000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(rightward_writer)->RangeMultiplier(2)->Range(12'500, 100'000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(leftward_writer)->RangeMultiplier(2)->Range(12'500, 100'000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(late_cycle)->RangeMultiplier(2)->Range(12'500, 100'000)->Unit(benchmark::kMillisecond)->Complexity();

BENCHMARK_MAIN();
