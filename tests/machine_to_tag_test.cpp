// The Cocke–Minsky conversion of a Turing machine into a 2-tag system: the
// letters and words checked by hand on small cases, and the tag system run
// (by a direct run written here) against the machine's direct run on every
// short word, for the committed machines and random ones: it halts iff the
// machine halts, only on its halting letter, and decodes to the machine's
// verdict, final tape and step count.
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/universal/machine_to_tag.hpp"

#include "random_machines.hpp"

#include "test_words.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace nnsim;

namespace {

turing_machine committed(const std::string& path) { return load_machine_file(std::string(NNSIM_SOURCE_DIR) + "/" + path); }

struct tag_run {
  bool halted = false;
  tag_word word;
  std::uint64_t steps = 0;
  std::uint64_t step_letters = 0;  // letters read for which begins_machine_step holds
  std::size_t shortest = 0;
};

// The 2-tag semantics, straight: read the first letter, stop on a halting
// letter, delete two, append its production.  Stops too on reading
// the `max_step_letters`-th letter that begins a machine step.
tag_run run_tag(const machine_tag_conversion& c, tag_word word, std::uint64_t max_step_letters) {
  tag_run run;
  std::size_t front = 0;
  run.shortest = word.size();
  for (;;) {
    run.shortest = std::min(run.shortest, word.size() - front);
    if (word.size() - front < 2) break;  // a short word: must never happen
    const tag_letter first = word[front];
    if (begins_machine_step(c, first) && ++run.step_letters == max_step_letters) break;
    const auto& production = c.system.productions[first];
    if (!production) {
      run.halted = true;
      break;
    }
    front += 2;
    word.insert(word.end(), production->begin(), production->end());
    ++run.steps;
    if (front > word.size() / 2) {
      word.erase(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(front));
      front = 0;
    }
  }
  run.word.assign(word.begin() + static_cast<std::ptrdiff_t>(front), word.end());
  return run;
}

std::string names(const machine_tag_conversion& c, const tag_word& w) {
  std::string text;
  for (tag_letter l : w) text += (text.empty() ? "" : " ") + c.system.letters[l];
  return text;
}

// Runs the machine and its tag system on `word`: the tag system halts iff the
// machine halts within `bound` steps, and then decodes to the same result.
// Returns whether both ran (false when the word was too long to try).
bool compare_runs(const turing_machine& machine, const machine_tag_conversion& c, const std::string& word,
                  std::uint64_t bound, std::size_t max_cells) {
  INFO("word '" << word << "'");
  std::size_t cells = 0;
  const machine_run direct = run_machine(machine, word, bound, [&](std::uint64_t, const machine_configuration& k) {
    cells = std::max(cells, k.tape.size());
  });
  if (cells > max_cells) return false;  // the tag word would be too long for a test
  const bool halted = direct.outcome == machine_outcome::accepted || direct.outcome == machine_outcome::rejected;
  // Not halted within `bound` steps: the tag system passes through the
  // configuration after `bound` steps (the bound + 1st) without halting.
  const tag_run run = run_tag(c, initial_tag_word(c, word), halted ? UINT64_MAX : bound + 1);
  CHECK(run.shortest >= 2);
  INFO("direct: " << name_of(direct.outcome) << " after " << direct.steps << " steps; tag: " << run.step_letters
                  << " step letters, word " << (run.word.size() < 40 ? names(c, run.word) : std::string("...")));
  REQUIRE(run.halted == halted);
  if (!halted) {
    CHECK(run.step_letters == bound + 1);
    return true;
  }
  INFO("halted word " << names(c, run.word));
  const machine_tag_result result = decode_tag_word(c, run.word, run.step_letters);
  CHECK(result.outcome == direct.outcome);
  CHECK(result.halted_without_transition == direct.halted_without_transition);
  CHECK(result.steps == direct.steps);
  const char blank = machine.symbols[machine.blank];
  const machine_configuration expected = seen_from_head(direct.final_configuration, blank);
  CHECK(result.final_configuration.state == expected.state);
  CHECK(result.final_configuration.tape == expected.tape);
  CHECK(result.final_configuration.first_cell == expected.first_cell);
  CHECK(result.final_configuration.head == 0);
  return true;
}

std::uint64_t count_of(const tag_word& w, std::size_t front, tag_letter l) {
  return static_cast<std::uint64_t>(std::count(w.begin() + static_cast<std::ptrdiff_t>(front), w.end(), l));
}

const std::vector<std::string> committed_machines{
    "networks/machines/palindromes.tm",    "networks/machines/zeros_then_ones.tm", "networks/machines/even_ones.tm",
    "networks/machines/divisible_by_3.tm", "networks/machines/ends_01.tm",         "networks/machines/equal_count.tm",
    "examples/networks/bounce.tm"};

}  // namespace

TEST_CASE("the start word counts the tape right of the head in unary", "[machine-tag]") {
  const turing_machine even = committed("networks/machines/even_ones.tm");
  const machine_tag_conversion c = machine_to_tag(even);
  // 1 is block 10: n = 1 (the head's cell least significant), m = 0.
  CHECK(names(c, initial_tag_word(c, "1")) == "A.even x B.even x b.even x");
  // 01 is 01 10: from the head 0, 1, 1, 0, so n = 2 + 4 = 6.
  tag_word w = initial_tag_word(c, "01");
  CHECK(w.size() == 2 * 6 + 4);
  CHECK(std::count(w.begin(), w.end(), *c.system.letter_index("b.even")) == 6);
  CHECK(names(c, initial_tag_word(c, "")) == "A.even x B.even x");
  CHECK_THROWS_AS(initial_tag_word(c, "1111111111", 1000), limit_error);
}

TEST_CASE("the letters: 4, one per halting state, 8 per state, 4 or 5 per transition, 13 per left move's target",
          "[machine-tag]") {
  for (const auto& path : committed_machines) {
    INFO(path);
    const machine_tag_conversion c = machine_to_tag(committed(path));
    const turing_machine& b = c.binary.machine;
    std::size_t expected = 4;
    std::set<std::pair<std::uint32_t, std::uint32_t>> left_targets;  // (next state, bit written)
    for (std::uint32_t q = 0; q < b.state_count(); ++q) {
      if (b.halts_in(q)) {
        expected += 1;
        continue;
      }
      expected += 8;
      for (std::uint32_t r = 0; r < 2; ++r) {
        const auto& t = b.transition(q, r);
        expected += t ? 4 : 5;
        if (t && t->move == head_move::left) left_targets.insert({t->next_state, t->write});
      }
    }
    expected += 13 * left_targets.size();
    CHECK(c.system.letter_count() == expected);
    // Exactly one halting letter, H.
    std::size_t halting = 0;
    for (tag_letter l = 0; l < c.system.letter_count(); ++l) halting += c.system.halts_on(l) ? 1 : 0;
    CHECK(halting == 1);
    CHECK(c.system.halts_on(c.halt));
  }
}

TEST_CASE("even_ones on the empty word, tag step by tag step", "[machine-tag]") {
  // The binary machine: read 0 (R), read 0 = blank (write, L), write 0 and
  // stay (R), then back (L) into `yes`.  From m = n = 0 a right move takes
  // 2 + 2 + 2 tag steps (passes 1, 2, 3), a left move 2 + 2 + 2 + 2 + 2.
  const machine_tag_conversion c = machine_to_tag(committed("networks/machines/even_ones.tm"));
  const tag_run run = run_tag(c, initial_tag_word(c, ""), UINT64_MAX);
  REQUIRE(run.halted);
  CHECK(run.steps == 6 + 10 + 6 + 10);
  CHECK(names(c, run.word) == "H x M.yes x");
  const machine_tag_result result = decode_tag_word(c, run.word, run.step_letters);
  CHECK(result.outcome == machine_outcome::accepted);
  CHECK(result.steps == 1);
  CHECK(result.final_configuration.tape == "_");
  CHECK_THROWS_AS(decode_tag_word(c, initial_tag_word(c, "")), input_error);
}

TEST_CASE("a machine that starts halted gives a halted start word", "[machine-tag]") {
  const turing_machine m = parse_machine("tape 0 1 _\nblank _\nstart yes\naccept yes\n", "m.tm");
  const machine_tag_conversion c = machine_to_tag(m);
  const tag_word w = initial_tag_word(c, "10");
  // 10 is the blocks 10 01: from the head the bits 1, 0, 0, 1, so n = 1 + 8.
  CHECK(names(c, tag_word(w.begin(), w.begin() + 4)) == "H x M.yes x");
  CHECK(w.size() == 4 + 2 * 9);
  const machine_tag_result result = decode_tag_word(c, w, 0);
  CHECK(result.outcome == machine_outcome::accepted);
  CHECK(result.steps == 0);
  CHECK(result.final_configuration.tape == "10");
}

TEST_CASE("the committed machines' tag systems halt iff the machines do, with their results", "[machine-tag]") {
  for (const auto& path : committed_machines) {
    INFO(path);
    const turing_machine machine = committed(path);
    const machine_tag_conversion c = machine_to_tag(machine);
    for (const auto& word : words_up_to(5)) CHECK(compare_runs(machine, c, word, 500, 1000));
  }
}

TEST_CASE("random machines' tag systems halt iff the machines do, with their results", "[machine-tag]") {
  std::mt19937_64 random(20260602);
  int runs = 0, halted = 0;
  for (int trial = 0; trial < 600; ++trial) {
    const turing_machine machine = random_machine(random, 1 + trial % 4, trial % 3);
    const machine_tag_conversion c = machine_to_tag(machine);
    // Tapes of up to 18 bits: tag words of up to 2^19 letters.
    const std::size_t max_cells = 18 / c.binary.block_width;
    for (const auto& word : words_up_to(3)) {
      const std::uint64_t bound = 10;
      if (!compare_runs(machine, c, word, bound, max_cells)) continue;
      ++runs;
      const machine_run direct = run_machine(machine, word, bound);
      halted += direct.outcome == machine_outcome::accepted || direct.outcome == machine_outcome::rejected ? 1 : 0;
    }
  }
  CHECK(runs > 6000);
  CHECK(halted > runs / 4);
  CHECK(runs - halted > runs / 20);
}

TEST_CASE("a binary step takes the tag steps its passes read", "[machine-tag]") {
  // From the configuration word of (q, m, n), with k = n div 2: passes 1 to 3
  // read m + n + 2, m + k + 2 and m + k + 2 letters; a left move's passes 4
  // and 5 read (m div 2) + k + 2 each; without a transition pass 3 writes
  // the halted word.
  int checked = 0, stuck = 0;
  for (const auto& path : committed_machines) {
    const machine_tag_conversion c = machine_to_tag(committed(path));
    const turing_machine& b = c.binary.machine;
    for (const auto& word : words_up_to(3)) {
      INFO(path << " on '" << word << "'");
      tag_word w = initial_tag_word(c, word);
      std::size_t front = 0;
      std::uint64_t steps_since = 0, expected = 0;
      bool first = true;
      for (int configurations = 0; configurations < 200;) {
        const tag_letter l = w[front];
        const auto& role = c.roles[l];
        if (role.what == machine_tag_letter_role::kind::configuration || l == c.halt) {
          if (!first) {
            CHECK(steps_since == expected);
            ++checked;
          }
          first = false;
          steps_since = 0;
          ++configurations;
          if (l == c.halt) break;
          const std::uint32_t q = role.state;
          const std::uint64_t m = count_of(w, front, c.left_letters[q]);
          const std::uint64_t n = count_of(w, front, c.right_letters[q]);
          const std::uint64_t k = n / 2;
          const auto& t = b.transition(q, static_cast<std::uint32_t>(n % 2));
          expected = (m + n + 2) + 2 * (m + k + 2);
          stuck += t ? 0 : 1;
          if (t && t->move == head_move::left) expected += 2 * (m / 2 + k + 2);
        }
        const auto& production = c.system.productions[l];
        if (!production) break;
        front += 2;
        w.insert(w.end(), production->begin(), production->end());
        ++steps_since;
        if (front > w.size() / 2) {
          w.erase(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(front));
          front = 0;
        }
      }
    }
  }
  CHECK(checked > 2000);
  CHECK(stuck > 10);
}
