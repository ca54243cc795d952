// The direct run of 2-tag systems: runs worked out by hand, and random
// systems against a naive reference written here (the word as a vector,
// every word kept in a map, so a repetition is found at its first return).
#include "nnsim/universal/tag_parser.hpp"
#include "nnsim/universal/tag_run.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <random>

using namespace nnsim;

namespace {

tag_system system_of(std::string_view text) { return parse_tag_system(text, "t.tag"); }

struct reference_result {
  bool decided = false;
  bool halted = false;
  tag_stop_reason reason = tag_stop_reason::step_limit;
  std::uint64_t steps = 0;  // halted: the steps; a repetition: the step it first returns
  std::uint64_t cycle_start = 0;
  std::uint64_t cycle_period = 0;
  tag_word final_word;
};

reference_result reference_run(const tag_system& system, tag_word word, std::uint64_t max_steps) {
  std::map<tag_word, std::uint64_t> seen;
  reference_result result;
  for (std::uint64_t t = 0; t <= max_steps; ++t) {
    if (word.empty() || (!system.halts_on(word[0]) && word.size() < 2)) {
      result = {true, true, tag_stop_reason::too_short, t, 0, 0, word};
      return result;
    }
    if (system.halts_on(word[0])) {
      result = {true, true, tag_stop_reason::halting_letter, t, 0, 0, word};
      return result;
    }
    if (const auto it = seen.find(word); it != seen.end()) {
      result = {true, false, tag_stop_reason::repeated_word, t, it->second, t - it->second, word};
      return result;
    }
    seen[word] = t;
    const tag_word& production = *system.productions[word[0]];
    word.erase(word.begin(), word.begin() + 2);
    word.insert(word.end(), production.begin(), production.end());
  }
  return result;
}

}  // namespace

TEST_CASE("De Mol's tag system computes the Collatz function", "[tag]") {
  // L. De Mol, "Tag systems and Collatz-like functions", Theoretical
  // Computer Science 390 (2008): a^n becomes a^(n/2) for even n and
  // a^((3n+1)/2) for odd n.  From a^3 (3, 5, 8, 4, 2, 1): a^3 -> abc -> cbc
  // -> caaa -> a^5 (4 steps), a^5 -> a^8 (6), a^8 -> a^4 (8), a^4 -> a^2 (4),
  // a^2 -> bc -> a (2), where the word is too short: 24 steps.
  const tag_system collatz = system_of("a -> b c\nb -> a\nc -> a a a\n");
  std::vector<std::pair<std::uint64_t, std::string>> seen;
  const tag_run run = run_tag_system(collatz, tag_word{0, 0, 0}, {},
                                     [&](std::uint64_t t, const tag_word& w) { seen.emplace_back(t, collatz.word_text(w)); });
  CHECK(run.outcome == tag_outcome::halted);
  CHECK(run.reason == tag_stop_reason::too_short);
  CHECK(run.steps == 24);
  CHECK(run.final_word == tag_word{0});
  CHECK(run.longest_word == 8);
  REQUIRE(seen.size() == 25);
  CHECK(seen[0] == std::pair<std::uint64_t, std::string>{0, "aaa"});
  CHECK(seen[1].second == "abc");
  CHECK(seen[2].second == "cbc");
  CHECK(seen[3].second == "caaa");
  CHECK(seen[4].second == "aaaaa");
  CHECK(seen[10].second == "aaaaaaaa");
  CHECK(seen[14].second == "bcbcbcbc");
  CHECK(seen[18].second == "aaaa");
  CHECK(seen[22].second == "aa");
  CHECK(seen[24] == std::pair<std::uint64_t, std::string>{24, "a"});
}

TEST_CASE("a tag system halts on a halting letter or a short word", "[tag]") {
  const tag_system rogozhin = system_of("a1 -> a1 a1\nhalt a2\n");
  const tag_run by_letter = run_tag_system(rogozhin, {0, 0, 1});
  CHECK(by_letter.outcome == tag_outcome::halted);
  CHECK(by_letter.reason == tag_stop_reason::halting_letter);
  CHECK(by_letter.steps == 1);
  CHECK(by_letter.final_word == tag_word{1, 0, 0});

  // A one-letter word halts by its letter when that letter halts, else as too short.
  CHECK(run_tag_system(rogozhin, {1}).reason == tag_stop_reason::halting_letter);
  CHECK(run_tag_system(rogozhin, {0}).reason == tag_stop_reason::too_short);
  const tag_run empty = run_tag_system(rogozhin, {});
  CHECK(empty.outcome == tag_outcome::halted);
  CHECK(empty.reason == tag_stop_reason::too_short);
  CHECK(empty.steps == 0);
  CHECK_THROWS_AS(run_tag_system(rogozhin, {0, 2}), input_error);
}

TEST_CASE("a repeated word proves an infinite run", "[tag]") {
  // ab -> ab: the word repeats after one step.
  const tag_system loop = system_of("a -> a b\nb -> b\n");
  const tag_run run = run_tag_system(loop, {0, 1});
  CHECK(run.outcome == tag_outcome::runs_forever);
  CHECK(run.reason == tag_stop_reason::repeated_word);
  CHECK(run.cycle_start == 0);
  CHECK(run.cycle_period == 1);
  CHECK(run.steps == 1);
  CHECK(run.word_comparisons >= 1);
  // bbab: read b, delete bb, append b: abb; read a: delete ab, append ab:
  // bab; read b: delete ba, append b: bb; then b: too short after 4 steps.
  const tag_run shrinking = run_tag_system(loop, {1, 1, 0, 1});
  CHECK(shrinking.outcome == tag_outcome::halted);
  CHECK(shrinking.reason == tag_stop_reason::too_short);
  CHECK(shrinking.steps == 4);
  // ccab -> ab: the cycle starts after one step.
  const tag_system with_c = system_of("a -> a b\nb -> b\nc ->\n");
  const tag_run later = run_tag_system(with_c, {2, 2, 0, 1});
  CHECK(later.outcome == tag_outcome::runs_forever);
  CHECK(later.cycle_start == 1);
  CHECK(later.cycle_period == 1);
}

TEST_CASE("the step and length limits leave a run undecided", "[tag]") {
  // a -> aaa: the word grows by one letter a step.
  const tag_system growing = system_of("a -> a a a\n");
  const tag_run by_steps = run_tag_system(growing, {0, 0}, {10, 1000});
  CHECK(by_steps.outcome == tag_outcome::undecided);
  CHECK(by_steps.reason == tag_stop_reason::step_limit);
  CHECK(by_steps.steps == 10);
  CHECK(by_steps.final_word == tag_word(12, 0));
  const tag_run by_length = run_tag_system(growing, {0, 0}, {1000, 5});
  CHECK(by_length.outcome == tag_outcome::undecided);
  CHECK(by_length.reason == tag_stop_reason::length_limit);
  CHECK(by_length.steps == 3);
  CHECK(by_length.final_word == tag_word(5, 0));
  CHECK(by_length.longest_word == 5);
  CHECK(run_tag_system(growing, tag_word(6, 0), {1000, 5}).steps == 0);
  CHECK(name_of(tag_outcome::runs_forever) == "runs-forever");
  CHECK(name_of(tag_stop_reason::length_limit) == "length-limit");
}

TEST_CASE("random tag systems run as the naive reference runs them", "[tag]") {
  std::mt19937 random(20240612);
  std::size_t halted = 0, forever = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    tag_system system;
    const auto letters = std::uniform_int_distribution<int>(1, 4)(random);
    for (int i = 0; i < letters; ++i) system.intern_letter(std::string(1, static_cast<char>('a' + i)));
    for (int i = 0; i < letters; ++i) {
      if (std::uniform_int_distribution<int>(0, 5)(random) == 0) continue;  // a halting letter
      tag_word production(std::uniform_int_distribution<std::size_t>(0, 4)(random));
      for (auto& x : production) x = std::uniform_int_distribution<tag_letter>(0, letters - 1)(random);
      system.productions[i] = production;
    }
    tag_word word(std::uniform_int_distribution<std::size_t>(0, 6)(random));
    for (auto& x : word) x = std::uniform_int_distribution<tag_letter>(0, letters - 1)(random);

    const reference_result expected = reference_run(system, word, 300);
    if (!expected.decided) continue;
    const tag_run run = run_tag_system(system, word, {100000, 1000000});
    INFO("trial " << trial << ": word " << system.word_text(word));
    if (expected.halted) {
      ++halted;
      CHECK(run.outcome == tag_outcome::halted);
      CHECK(run.reason == expected.reason);
      CHECK(run.steps == expected.steps);
      CHECK(run.final_word == expected.final_word);
    } else {
      ++forever;
      CHECK(run.outcome == tag_outcome::runs_forever);
      CHECK(run.cycle_start == expected.cycle_start);
      CHECK(run.cycle_period == expected.cycle_period);
    }
  }
  CHECK(halted > 500);
  CHECK(forever > 200);
}
