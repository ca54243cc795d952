// Deciding 0^n 1^n with the compiled network (networks/machines/
// zeros_then_ones.tm) in rational mode, for n = 4, 8, 16, 32, against the
// direct run of the machine (docs/performance.md).
//
//   build/bench/nnsim_machine_bench --benchmark_counters_tabular=true

#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/run/simulation.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace {

const nnsim::turing_machine& machine() {
  static const auto loaded = nnsim::load_machine_file(NNSIM_SOURCE_DIR "/networks/machines/zeros_then_ones.tm");
  return loaded;
}

std::string word_for(int n) { return std::string(static_cast<std::size_t>(n), '0') + std::string(static_cast<std::size_t>(n), '1'); }

void compiled_network(benchmark::State& state) {
  const nnsim::network net = nnsim::compile_machine(machine());
  nnsim::run_request request;
  request.input = {nnsim::delta_encode(word_for(static_cast<int>(state.range(0))))};
  request.limits.max_steps = 10'000'000;
  nnsim::run_result result;
  for (auto _ : state) {
    result = nnsim::run_network(net, request);
    benchmark::DoNotOptimize(result.steps);
  }
  if (result.status != nnsim::run_status::halted || result.outputs.sign(0) <= 0) state.SkipWithError("not accepted");
  state.counters["steps"] = static_cast<double>(result.steps);
  state.counters["bits"] = static_cast<double>(result.largest_value_bits);
  state.counters["neurons"] = static_cast<double>(net.size());
}

void direct_machine(benchmark::State& state) {
  const std::string word = word_for(static_cast<int>(state.range(0)));
  nnsim::machine_run run;
  for (auto _ : state) {
    run = nnsim::run_machine(machine(), word, 10'000'000);
    benchmark::DoNotOptimize(run.steps);
  }
  if (run.outcome != nnsim::machine_outcome::accepted) state.SkipWithError("not accepted");
  state.counters["steps"] = static_cast<double>(run.steps);
}

}  // namespace

BENCHMARK(compiled_network)->Arg(4)->Arg(8)->Arg(16)->Arg(32)->Unit(benchmark::kMillisecond);
BENCHMARK(direct_machine)->Arg(4)->Arg(8)->Arg(16)->Arg(32)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
