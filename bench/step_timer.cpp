// The steps of one run timed inside the process, as bench/numpy_csr_sim.py
// times its own: loading the file and compiling the network are timed
// apart, so that their variance (seconds at 10^6 neurons) does not swamp
// the difference of two runs.  bench/compare.py uses it for both modes, as
// the floor (bench/gmp_floor.cpp) times its own loading and steps.
//
//   build/bench/nnsim_step_timer FILE --numbers MODE --steps S [--input V1,V2,...]
//                                [--threads T] [--repeat R]
//
// Prints one JSON object: the wall-clock and CPU seconds of loading and of
// compiling, the least wall-clock and CPU seconds of R runs (each starts
// from y(0)), the steps and status.

#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/text_file.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/support/huge_page_heap.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace {

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::vector<nnsim::rational> parse_inputs(std::string_view text) {
  std::vector<nnsim::rational> values;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    values.push_back(nnsim::parse_value(text.substr(0, comma), "input"));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return values;
}

int usage() {
  fmt::print(stderr,
             "usage: nnsim_step_timer FILE --numbers MODE --steps S [--input V1,...] [--threads T] [--repeat R]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) try {
  nnsim::use_huge_page_heap();  // as the nnsim command does
  if (argc < 2) return usage();
  const std::string path = argv[1];
  nnsim::run_request request;
  request.numbers = nnsim::number_mode::parse("double");
  request.limits.max_steps = 100;
  request.limits.max_bits = std::size_t{1} << 40;
  request.limits.max_memory = std::size_t{16} << 30;
  std::vector<nnsim::rational> input;
  int repeat = 1;
  for (int i = 2; i < argc; ++i) {
    const std::string_view option = argv[i];
    if (i + 1 >= argc) return usage();
    const char* value = argv[++i];
    if (option == "--numbers") {
      request.numbers = nnsim::number_mode::parse(value);
    } else if (option == "--steps") {
      request.limits.max_steps = std::strtoull(value, nullptr, 10);
    } else if (option == "--input") {
      input = parse_inputs(value);
    } else if (option == "--threads") {
      request.limits.threads = static_cast<unsigned>(std::strtoul(value, nullptr, 10));
    } else if (option == "--repeat") {
      repeat = std::max(1, std::atoi(value));
    } else {
      return usage();
    }
  }
  // As the command line does: files up to an eighth of the memory limit.
  nnsim::limit_text_file_size(request.limits.max_memory);
  double wall = wall_seconds(), cpu = cpu_seconds();
  const nnsim::network net = nnsim::load_network_file(path);
  const double load_wall = wall_seconds() - wall, load_cpu = cpu_seconds() - cpu;
  wall = wall_seconds();
  cpu = cpu_seconds();
  nnsim::network_runner runner(net, request);
  const double compile_wall = wall_seconds() - wall, compile_cpu = cpu_seconds() - cpu;
  double best_wall = std::numeric_limits<double>::infinity(), best_cpu = best_wall;
  nnsim::run_result result;
  for (int r = 0; r < repeat; ++r) {
    wall = wall_seconds();
    cpu = cpu_seconds();
    result = runner.run(input);
    best_wall = std::min(best_wall, wall_seconds() - wall);
    best_cpu = std::min(best_cpu, cpu_seconds() - cpu);
  }
  fmt::print(
      "{{\"load_seconds\": {:.6f}, \"load_cpu_seconds\": {:.6f}, \"compile_seconds\": {:.6f}, "
      "\"compile_cpu_seconds\": {:.6f}, \"run_seconds\": {:.6f}, \"run_cpu_seconds\": {:.6f}, \"steps\": {}, "
      "\"status\": \"{}\"}}\n",
      load_wall, load_cpu, compile_wall, compile_cpu, best_wall, best_cpu, result.steps,
      nnsim::name_of(result.status));
  return 0;
} catch (const std::exception& error) {
  fmt::print(stderr, "nnsim_step_timer: {}\n", error.what());
  return 2;
}
