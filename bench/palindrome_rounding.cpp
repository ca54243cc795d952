// Rounding errors made visible: the compiled palindrome network
// (networks/machines/palindromes.tm) run with IEEE doubles on growing words,
// compared with the machine run directly.  Prints, for each length, how many
// of a fixed sample of words (half of them palindromes) get a wrong verdict,
// and the first length where one does (docs/performance.md).
//
//   build/bench/nnsim_palindrome_rounding [max_length]

#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/run/simulation.hpp"

#include <fmt/format.h>

#include <random>
#include <string>

int main(int argc, char** argv) {
  const int max_length = argc > 1 ? std::stoi(argv[1]) : 32;
  const auto machine = nnsim::load_machine_file(NNSIM_SOURCE_DIR "/networks/machines/palindromes.tm");
  const nnsim::network net = nnsim::compile_machine(machine);
  std::mt19937_64 random(1);
  int first_wrong = 0;
  for (int length = 1; length <= max_length; ++length) {
    int wrong = 0;
    std::string example;
    constexpr int samples = 8;
    for (int sample = 0; sample < samples; ++sample) {
      std::string word;
      for (int i = 0; i < length; ++i) word += static_cast<char>('0' + random() % 2);
      if (sample % 2 == 0) {
        for (int i = 0; i < length / 2; ++i) word[static_cast<std::size_t>(length - 1 - i)] = word[static_cast<std::size_t>(i)];
      }
      const bool expected = nnsim::run_machine(machine, word, 10'000'000).outcome == nnsim::machine_outcome::accepted;
      nnsim::run_request request;
      request.input = {nnsim::delta_encode(word)};
      request.numbers = nnsim::number_mode::parse("double");
      request.limits.max_steps = 2'000'000;
      const auto result = nnsim::run_network(net, request);
      const bool accepted = result.status == nnsim::run_status::halted && result.outputs.sign(0) > 0;
      if (accepted != expected) {
        ++wrong;
        example = fmt::format("{}: {} ({}), machine: {}", word, accepted ? "accept" : "reject", nnsim::name_of(result.status),
                              expected ? "accept" : "reject");
      }
    }
    fmt::print("length {:2}: {}/{} wrong{}\n", length, wrong, samples, example.empty() ? "" : "  e.g. " + example);
    if (wrong != 0 && first_wrong == 0) first_wrong = length;
  }
  if (first_wrong != 0) fmt::print("first wrong verdict at length {}\n", first_wrong);
}
