// The matcher of `recognize --expect-regex` (word_pattern.hpp,
// docs/performance.md): one full match of a word of 10^3 ... 10^5
// characters against (0|1)* (which overflowed the stack of a backtracking
// matcher at 20,000 characters), (1|11)*0 (which backtracked for more than
// 30 s at 40) and (0|1)*1(0|1){20} (2^21 states as a DFA, 89 as an NFA).
// The time per character should not depend on the length.  Also the
// compilation of a pattern with a large counted repetition.
//
//   build/bench/nnsim_word_pattern_bench --benchmark_counters_tabular=true

#include "nnsim/languages/word_pattern.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace {

// A word of `length` characters that the pattern `which` matches: a mix of
// 0 and 1 for (0|1)*, ones then a 0 for (1|11)*0, a 1 at the 21st place
// from the end for the third.
std::string matching_word(int which, std::size_t length) {
  switch (which) {
    case 0: {
      std::string word(length, '0');
      for (std::size_t k = 0; k < length; k += 3) word[k] = '1';
      return word;
    }
    case 1: return std::string(length - 1, '1') + "0";
    default: {
      std::string word(length, '0');
      word[length - 21] = '1';
      return word;
    }
  }
}

const char* const patterns[] = {"(0|1)*", "(1|11)*0", "(0|1)*1(0|1){20}"};

void match_word(benchmark::State& state) {
  const auto which = static_cast<int>(state.range(0));
  const auto length = static_cast<std::size_t>(state.range(1));
  const nnsim::word_pattern pattern(patterns[which]);
  const std::string word = matching_word(which, length);
  state.SetLabel(patterns[which]);
  for (auto _ : state) {
    const bool matched = pattern.matches(word);
    if (!matched) state.SkipWithError("the word does not match");
    benchmark::DoNotOptimize(matched);
  }
  state.counters["states"] = static_cast<double>(pattern.state_count());
  state.counters["per_char"] = benchmark::Counter(static_cast<double>(length),
                                                  benchmark::Counter::kIsIterationInvariantRate |
                                                      benchmark::Counter::kInvert);
}
BENCHMARK(match_word)
    ->ArgNames({"pattern", "length"})
    ->ArgsProduct({{0, 1, 2}, {1'000, 10'000, 100'000}})
    ->Unit(benchmark::kMicrosecond);

// Parsing and compiling ((0|1){1000}){200}: 800,202 states.
void compile_repetition(benchmark::State& state) {
  std::size_t states = 0;
  for (auto _ : state) {
    const nnsim::word_pattern pattern("((0|1){1000}){200}");
    states = pattern.state_count();
  }
  state.counters["states"] = static_cast<double>(states);
}
BENCHMARK(compile_repetition)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
