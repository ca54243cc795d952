// What `nnsim eval` gains by compiling a network once (network_runner)
// instead of once per input (run_network): the time of one input, the
// points of a 60 x 60 grid over [0, 1]^2 taken in turn, for the lecture's
// XOR and for a feed-forward network of 203 neurons and 10,300 edges (the
// network of bench/make_layered_network.py, built here by the same formula),
// in rational and double arithmetic.
//
//   build/bench/nnsim_eval_bench --benchmark_counters_tabular=true

#include "nnsim/io/network_parser.hpp"
#include "nnsim/run/input_grid.hpp"
#include "nnsim/run/simulation.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

namespace {

// bench/make_layered_network.py, with its default width of 100.
int coefficient(int layer, int i, int j) {
  const int k = (7 * i + 13 * j + layer) % 17 - 8;
  return k != 0 ? k : 1;
}

std::string equation(const std::string& name, const char* activation, int layer, int i,
                     const std::vector<std::string>& sources) {
  std::string text = fmt::format("{} = {}({}/8", name, activation, coefficient(layer, i, 0));
  for (std::size_t j = 1; j <= sources.size(); ++j) {
    const int k = coefficient(layer, i, static_cast<int>(j));
    text += fmt::format(" {} {}/8 {}", k < 0 ? '-' : '+', k < 0 ? -k : k, sources[j - 1]);
  }
  return text + ")\n";
}

nnsim::network layered_network(int width = 100) {
  std::vector<std::string> first, second;
  for (int i = 1; i <= width; ++i) {
    first.push_back(fmt::format("a{}", i));
    second.push_back(fmt::format("b{}", i));
  }
  std::string text = "network layered\ninput x1, x2\noutput y\nrule parallel\n\n";
  for (int i = 1; i <= width; ++i) text += equation(first[i - 1], "sat", 1, i, {"x1", "x2"});
  for (int i = 1; i <= width; ++i) text += equation(second[i - 1], "sat", 2, i, first);
  text += equation("y", "step", 3, 1, second);
  return nnsim::parse_network(text, "layered.nn");
}

const nnsim::network& network_named(const std::string& name) {
  static const nnsim::network xor_net = nnsim::load_network_file(NNSIM_SOURCE_DIR "/networks/lecture/xor.nn");
  static const nnsim::network layered = layered_network();
  return name == "xor" ? xor_net : layered;
}

// One input per iteration, the grid's points in turn.
void per_input(benchmark::State& state, const char* network, const char* mode, bool compile_once) {
  const nnsim::network& net = network_named(network);
  const nnsim::input_grid grid({nnsim::parse_grid_axis("0:1:60"), nnsim::parse_grid_axis("0:1:60")});
  nnsim::run_request request;
  request.numbers = nnsim::number_mode::parse(mode);
  std::optional<nnsim::network_runner> runner;
  if (compile_once) runner.emplace(net, request);
  std::vector<nnsim::rational> point;
  std::uint64_t row = 0;
  std::uint64_t steps = 0;
  for (auto _ : state) {
    grid.point(row, point);
    row = (row + 1) % grid.size();
    if (compile_once) {
      steps += runner->run(point).steps;
    } else {
      request.input = point;
      steps += nnsim::run_network(net, request).steps;
    }
  }
  state.counters["steps"] = static_cast<double>(steps) / static_cast<double>(state.iterations());
}

}  // namespace

BENCHMARK_CAPTURE(per_input, xor_rational_run_network, "xor", "rational", false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(per_input, xor_rational_runner, "xor", "rational", true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(per_input, xor_double_run_network, "xor", "double", false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(per_input, xor_double_runner, "xor", "double", true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(per_input, layered_rational_run_network, "layered", "rational", false)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(per_input, layered_rational_runner, "layered", "rational", true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(per_input, layered_double_run_network, "layered", "double", false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(per_input, layered_double_runner, "layered", "double", true)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
