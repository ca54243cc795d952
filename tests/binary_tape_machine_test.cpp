// The binary form of a Turing machine: its block code, checked by hand, and
// its runs, compared with the original machine's direct runs on every short
// word, for the committed machines and random ones.
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/universal/binary_tape_machine.hpp"
#include "nnsim/universal/machine_to_tag.hpp"

#include "random_machines.hpp"

#include "test_words.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace nnsim;

namespace {

turing_machine committed(const std::string& path) { return load_machine_file(std::string(NNSIM_SOURCE_DIR) + "/" + path); }

const std::vector<std::string> committed_machines{
    "networks/machines/palindromes.tm",    "networks/machines/zeros_then_ones.tm", "networks/machines/even_ones.tm",
    "networks/machines/divisible_by_3.tm", "networks/machines/ends_01.tm",         "networks/machines/equal_count.tm",
    "examples/networks/bounce.tm"};

// Runs both machines on `word` and compares: the binary machine halts iff the
// original halts within `bound` steps, with the same verdict, the same
// number of original steps and the same final configuration.  Returns
// whether the original halted.
bool compare_runs(const turing_machine& original, const binary_tape_machine& binary, const std::string& word,
                  std::uint64_t bound) {
  INFO("word '" << word << "'");
  const machine_run direct = run_machine(original, word, bound);
  const bool halted = direct.outcome == machine_outcome::accepted || direct.outcome == machine_outcome::rejected;
  const std::uint64_t binary_bound = halted ? bound * 3 * binary.block_width : bound;
  std::uint64_t block_starts = 0;
  const machine_run coded = run_machine(binary.machine, binary_tape_word(binary, word), binary_bound,
                                        [&](std::uint64_t, const machine_configuration& c) {
                                          if (binary.origins[c.state].begins_step()) ++block_starts;
                                        });
  if (!halted) {
    // Within `bound` binary steps fewer than `bound` original ones happen.
    CHECK(coded.outcome != machine_outcome::accepted);
    CHECK(coded.outcome != machine_outcome::rejected);
    return false;
  }
  REQUIRE(coded.outcome == direct.outcome);
  CHECK(coded.halted_without_transition == direct.halted_without_transition);
  CHECK(block_starts - 1 == direct.steps);
  const machine_configuration decoded = original_configuration(binary, coded.final_configuration);
  CHECK(decoded.state == direct.final_configuration.state);
  CHECK(decoded.head == direct.final_configuration.head);
  const char blank = original.symbols[original.blank];
  const machine_configuration a = seen_from_head(decoded, blank), b = seen_from_head(direct.final_configuration, blank);
  CHECK(a.tape == b.tape);
  CHECK(a.first_cell == b.first_cell);
  return true;
}

}  // namespace

TEST_CASE("the block code: blank 0…0, the other symbols 1, 2, … in tape order", "[binary-tape]") {
  const turing_machine even = committed("networks/machines/even_ones.tm");  // tape 0 1 _
  const binary_tape_machine b = to_binary_tape_machine(even);
  CHECK(b.block_width == 2);
  CHECK(b.codes == std::vector<std::string>{"01", "10", "00"});
  CHECK(binary_tape_word(b, "011") == "011010");
  CHECK(b.machine.symbols == std::vector<char>{'0', '1'});
  CHECK(b.machine.blank == 0);
  CHECK(b.machine.states[b.machine.start] == "even");
  const turing_machine zeros = committed("networks/machines/zeros_then_ones.tm");  // tape 0 1 X Y _
  const binary_tape_machine z = to_binary_tape_machine(zeros);
  CHECK(z.block_width == 3);
  CHECK(z.codes == std::vector<std::string>{"001", "010", "011", "100", "000"});
  CHECK_THROWS_AS(binary_tape_word(b, "0X"), input_error);
}

TEST_CASE("a step costs 3w - 2 binary steps moving, 2w staying", "[binary-tape]") {
  // even_ones on 1: `even 1 -> odd 1 R`, then `odd _ -> no _ S`; w = 2.
  const turing_machine even = committed("networks/machines/even_ones.tm");
  const binary_tape_machine b = to_binary_tape_machine(even);
  const machine_run run = run_machine(b.machine, binary_tape_word(b, "1"), 100);
  CHECK(run.outcome == machine_outcome::rejected);
  CHECK(run.steps == 4 + 4);
  CHECK(b.machine.states[run.final_configuration.state] == "no");
  CHECK(run.final_configuration.head == 2);  // original cell 1
}

TEST_CASE("the binary machines of the committed machines run as the originals", "[binary-tape]") {
  for (const auto& path : committed_machines) {
    INFO(path);
    const turing_machine original = committed(path);
    const binary_tape_machine binary = to_binary_tape_machine(original);
    for (const auto& word : words_up_to(6)) compare_runs(original, binary, word, 2000);
  }
}

TEST_CASE("the binary machines of random machines run as the originals", "[binary-tape]") {
  std::mt19937_64 random(20260601);
  int halted = 0, runs = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const turing_machine original = random_machine(random, 1 + trial % 4, trial % 6);
    const binary_tape_machine binary = to_binary_tape_machine(original);
    for (const auto& word : words_up_to(4)) {
      halted += compare_runs(original, binary, word, 60) ? 1 : 0;
      ++runs;
    }
  }
  // Both kinds of run were compared, many times.
  CHECK(halted > runs / 4);
  CHECK(runs - halted > runs / 20);
}
