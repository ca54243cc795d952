// The benchmark of `nnsim check boolean --arity 4` (docs/performance.md):
// all 65,536 Boolean functions of four inputs, each with its two-layer
// network built and verified on all 16 inputs and its single-neuron
// separability decided with the exact simplex.  Also its parts: the
// separability decisions alone, and arity 3.
//
//   build/bench/nnsim_boolean_bench --benchmark_counters_tabular=true
//
// The same figure from the command line: time nnsim check boolean --arity 4.

#include "nnsim/boolean/boolean_check.hpp"
#include "nnsim/boolean/linear_separability.hpp"

#include <benchmark/benchmark.h>

namespace {

void check_boolean(benchmark::State& state) {
  nnsim::boolean_check_options options;
  const auto arity = static_cast<unsigned>(state.range(0));
  options.threads = static_cast<unsigned>(state.range(1));
  std::uint64_t functions = 0;
  for (auto _ : state) {
    const nnsim::boolean_check_summary summary = nnsim::check_boolean_functions(arity, options);
    if (summary.verified != summary.functions) state.SkipWithError("a network failed");
    functions = summary.functions;
    benchmark::DoNotOptimize(summary.separable);
  }
  state.counters["functions"] = static_cast<double>(functions);
  state.counters["per_function"] = benchmark::Counter(static_cast<double>(functions),
                                                      benchmark::Counter::kIsIterationInvariantRate |
                                                          benchmark::Counter::kInvert);
}
BENCHMARK(check_boolean)
    ->ArgNames({"arity", "threads"})
    ->Args({3, 1})
    ->Args({4, 1})
    ->Args({4, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The 65,536 exact separability decisions alone (no networks).
void separability_arity_4(benchmark::State& state) {
  std::uint64_t separable = 0;
  for (auto _ : state) {
    separable = 0;
    for (std::uint64_t index = 0; index < 65536; ++index) {
      const nnsim::boolean_function f = nnsim::boolean_function_number(4, index);
      separable += nnsim::decide_separability(f, nnsim::weight_choice::any).separable ? 1 : 0;
    }
  }
  if (separable != 1882) state.SkipWithError("wrong count");
  state.counters["per_function"] =
      benchmark::Counter(65536, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(separability_arity_4)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
