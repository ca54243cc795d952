// The Turing-machine loader and the direct run.  Each committed machine is
// run on every word of length <= 10 and compared with its language written
// independently as a C++ predicate.
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/languages/turing_machine.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <random>
#include <string>

using namespace nnsim;

namespace {

std::vector<std::string> words_up_to(std::size_t length) {
  std::vector<std::string> words{""};
  for (std::size_t begin = 0; words.back().size() < length;) {
    const std::size_t end = words.size();
    for (std::size_t i = begin; i < end; ++i) {
      words.push_back(words[i] + "0");
      words.push_back(words[i] + "1");
    }
    begin = end;
  }
  return words;
}

std::string error_of(std::string_view text) {
  try {
    parse_machine(text, "m.tm");
  } catch (const input_error& error) {
    return error.diagnostic();
  }
  return "no error";
}

const char* const header = "tape 0 1 _\nblank _\nstart q\naccept yes\n";

}  // namespace

TEST_CASE("committed machines recognize their languages", "[machine]") {
  const std::vector<std::pair<const char*, std::function<bool(const std::string&)>>> machines{
      {"even_ones", [](const std::string& w) { return std::count(w.begin(), w.end(), '1') % 2 == 0; }},
      {"ends_01", [](const std::string& w) { return w.size() >= 2 && w.substr(w.size() - 2) == "01"; }},
      {"zeros_then_ones",
       [](const std::string& w) {
         const std::size_t n = w.size() / 2;
         return w.size() % 2 == 0 && w == std::string(n, '0') + std::string(n, '1');
       }},
      {"palindromes", [](const std::string& w) { return std::equal(w.begin(), w.end(), w.rbegin()); }},
      {"equal_count",
       [](const std::string& w) { return 2 * std::count(w.begin(), w.end(), '1') == static_cast<long>(w.size()); }},
      {"divisible_by_3",
       [](const std::string& w) {
         unsigned long value = 0;
         for (char c : w) value = 2 * value + static_cast<unsigned long>(c - '0');
         return value % 3 == 0;
       }},
  };
  for (const auto& [name, in_language] : machines) {
    const auto machine = load_machine_file(std::string(NNSIM_SOURCE_DIR) + "/networks/machines/" + name + ".tm");
    CHECK(machine.name == name);
    for (const auto& w : words_up_to(10)) {
      const auto run = run_machine(machine, w, 100000);
      INFO(name << " on '" << w << "'");
      REQUIRE((run.outcome == machine_outcome::accepted || run.outcome == machine_outcome::rejected));
      CHECK((run.outcome == machine_outcome::accepted) == in_language(w));
    }
  }
}

TEST_CASE("a run reports steps and the final configuration", "[machine]") {
  const auto machine = load_machine_file(std::string(NNSIM_SOURCE_DIR) + "/networks/machines/zeros_then_ones.tm");
  // 01: q0 0 -> X R (1), q1 1 -> Y L (2), q2 X -> R (3), q0 Y -> R (4),
  // q3 _ -> yes (5).
  const auto run = run_machine(machine, "01", 1000);
  CHECK(run.outcome == machine_outcome::accepted);
  CHECK(run.steps == 5);
  CHECK(describe_configuration(machine, run.final_configuration) == "yes  X Y [_]");
  // After a move onto a cell nothing has read, the head's cell is shown.
  std::vector<std::string> seen;
  run_machine(machine, "01", 1000, [&](std::uint64_t, const machine_configuration& c) {
    seen.push_back(describe_configuration(machine, c));
  });
  CHECK(seen == std::vector<std::string>{"q0  [0] 1", "q1  X [1]", "q2  [X] Y", "q0  X [Y]", "q3  X Y [_]",
                                         "yes  X Y [_]"});
  // 10: no transition for (q0, 1): rejected after 0 steps.
  const auto stuck = run_machine(machine, "10", 1000);
  CHECK(stuck.outcome == machine_outcome::rejected);
  CHECK(stuck.halted_without_transition);
  CHECK(stuck.steps == 0);
}

TEST_CASE("a machine that runs forever is recognized by a repeated configuration", "[machine]") {
  // Bounces between two cells: q -> p moving right, p -> q moving left.
  const auto bouncer = parse_machine(std::string(header) + "q 0 -> p 0 R\nq 1 -> p 1 R\nq _ -> p _ R\n"
                                                           "p 0 -> q 0 L\np 1 -> q 1 L\np _ -> q _ L\n",
                                     "bounce.tm");
  const auto run = run_machine(bouncer, "1", 1000);
  CHECK(run.outcome == machine_outcome::runs_forever);
  CHECK(run.cycle_start == 0);
  CHECK(run.cycle_period == 2);
  // Walks right over blanks forever: the configuration repeats relative to
  // the head (state q on an empty tape) from step 1 on.
  const auto walker = parse_machine(std::string(header) + "q 0 -> q _ R\nq 1 -> q _ R\nq _ -> q _ R\n", "walk.tm");
  const auto walk = run_machine(walker, "01", 1000);
  CHECK(walk.outcome == machine_outcome::runs_forever);
  CHECK(walk.cycle_start == 2);
  CHECK(walk.cycle_period == 1);
  // Writes 1s to the right forever: no configuration repeats.
  const auto writer = parse_machine(std::string(header) + "q 0 -> q 1 R\nq 1 -> q 1 R\nq _ -> q 1 R\n", "write.tm");
  const auto limited = run_machine(writer, "", 50);
  CHECK(limited.outcome == machine_outcome::undecided);
  CHECK(limited.steps == 50);
}

TEST_CASE("machine files are checked with located errors", "[machine]") {
  CHECK(error_of("tape 0 1 _\nblank _\nstart q\naccept yes\nq 0 -> q 2 R\n") ==
        "m.tm:5:10: error: symbol '2' is not in the tape alphabet\n  q 0 -> q 2 R\n           ^");
  CHECK(error_of(std::string(header) + "q 0 -> q 0 X\n") ==
        "m.tm:5:12: error: invalid move 'X': expected L, R or S\n  q 0 -> q 0 X\n             ^");
  CHECK(error_of(std::string(header) + "q 0 -> q 0 R\nq 0 -> q 1 L\n") ==
        "m.tm:6:1: error: a second transition for state 'q' reading '0' (the first is on line 5)\n"
        "  q 0 -> q 1 L\n  ^");
  CHECK(error_of(std::string(header) + "yes 0 -> q 0 R\n") ==
        "m.tm:5:1: error: state 'yes' halts (accepting), so it cannot have transitions\n  yes 0 -> q 0 R\n  ^");
  CHECK(error_of("tape 0 1 _\nblank #\n").find("m.tm:2:6: error: incomplete statement") == 0);
  CHECK(error_of("tape 0 _\nblank _\nstart q\naccept yes\n") ==
        "m.tm:1:1: error: the tape alphabet must contain '1'\n  tape 0 _\n  ^");
  CHECK(error_of("tape 0 1 _\nblank b\nstart q\naccept yes\n") ==
        "m.tm:2:7: error: blank symbol 'b' is not in the tape alphabet\n  blank b\n        ^");
  CHECK(error_of("tape 0 1 _ 0\n") == "m.tm:1:12: error: tape symbol '0' is listed twice\n  tape 0 1 _ 0\n             ^");
  CHECK(error_of("tape 0 1 _\ntape 0 1 _\n") == "m.tm:2:1: error: 'tape' is given more than once\n  tape 0 1 _\n  ^");
  CHECK(error_of("tape 0 1 _\nmachine m\n") ==
        "m.tm:2:1: error: 'machine' must come before any other statement\n  machine m\n  ^");
  CHECK(error_of("tape 0 1 _\nblank _\nstart q\n") == "m.tm:1:1: error: missing 'accept' statement\n  tape 0 1 _\n  ^");
  CHECK(error_of(std::string(header) + "q 00 -> q 0 R\n") ==
        "m.tm:5:3: error: invalid tape symbol '00': a symbol is one printable character\n  q 00 -> q 0 R\n    ^");
  CHECK(error_of(std::string(header) + "halt now\n") ==
        "m.tm:5:1: error: unknown statement 'halt'\n  halt now\n  ^");
  CHECK(error_of(std::string(header) + "accept no\n") == "m.tm:5:1: error: 'accept' is given more than once\n  accept no\n  ^");
  CHECK(error_of("tape 0 1 _\nblank _\nstart q\naccept q\nreject q\n") ==
        "m.tm:5:8: error: state 'q' cannot both accept and reject\n  reject q\n         ^");
  CHECK(error_of("tape 0 1 _\x01\n") == "m.tm:1:11: error: unexpected character '\\x01'\n  tape 0 1 _\\x01\n            ^");
  CHECK(error_of(std::string(header) + "strat q\n") ==
        "m.tm:5:1: error: unknown statement 'strat'; did you mean 'start'?\n  strat q\n  ^");
  CHECK(error_of(std::string(header) + "Reject no\n") ==
        "m.tm:5:1: error: unknown statement 'Reject'; did you mean 'reject'?\n  Reject no\n  ^");
  CHECK_THROWS_AS(run_machine(parse_machine(header, "m.tm"), "012", 10), input_error);
}

TEST_CASE("machine files: characters copied from slides are named", "[machine]") {
  CHECK(error_of(std::string(header) + "q 0 \u2192 yes 0 R\n") ==
        "m.tm:5:5: error: '\u2192' (U+2192 RIGHTWARDS ARROW) is not ASCII '->'; use ASCII '->'\n"
        "  q 0 \u2192 yes 0 R\n      ^");
  CHECK(error_of(std::string(header) + "q 0 \u2013> yes 0 R\n") ==
        "m.tm:5:5: error: '\u2013' (U+2013 EN DASH) is not ASCII '-'; use ASCII '-'\n  q 0 \u2013> yes 0 R\n      ^");
  CHECK(error_of("tape 0 1\u00a0_\n") ==
        "m.tm:1:9: error: U+00A0 NO-BREAK SPACE is not an ASCII space; use an ASCII space\n  tape 0 1\u00a0_\n          ^");
  // Other characters outside ASCII are shown by their first byte.
  CHECK(error_of("tape 0 1 \u00e9\n") == "m.tm:1:10: error: unexpected character '\\xc3'\n  tape 0 1 \u00e9\n           ^");
}

TEST_CASE("machine files: every line end, a byte order mark, short messages", "[machine]") {
  const std::string text = "# ends in 1\ntape 0 1 _\nblank _\nstart q\naccept yes\n"
                           "q 0 -> q 0 R\nq 1 -> r 1 R\nr 0 -> q 0 R\nr 1 -> r 1 R\nr _ -> yes _ S\n";
  for (const std::string_view end : {"\r\n", "\r"}) {
    std::string with_end;
    for (char c : text) with_end += c == '\n' ? std::string(end) : std::string(1, c);
    const turing_machine machine = parse_machine(with_end, "m.tm");
    CHECK(run_machine(machine, "01", 100).outcome == machine_outcome::accepted);
    CHECK(run_machine(machine, "10", 100).outcome == machine_outcome::rejected);
    CHECK(machine.transition(machine.start, *machine.symbol_index('1'))->location == text_location{7, 1});
  }
  // A byte order mark is skipped, and counted in columns as in a network file.
  const turing_machine with_mark = parse_machine("\xEF\xBB\xBF" + text, "m.tm");
  CHECK(run_machine(with_mark, "01", 100).outcome == machine_outcome::accepted);
  CHECK(error_of("\xEF\xBB\xBFtape 0 1 _ _\n") ==
        "m.tm:1:15: error: tape symbol '_' is listed twice\n  tape 0 1 _ _\n             ^");
  // A long word is quoted shortened.
  CHECK(error_of(std::string(header) + std::string(100000, 'h') + " x\n") ==
        "m.tm:5:1: error: unknown statement '" + std::string(40, 'h') + "...'\n  " + std::string(79, 'h') +
            "…\n  ^");
}

TEST_CASE("a state may be named like a statement", "[machine]") {
  // machine-format.md: states are identifiers; a line whose third word is
  // '->' is a transition.  The state 'tape' moves right over 1s and accepts
  // at the first blank; 'start' hands over to it.
  const turing_machine machine = parse_machine(
      "tape 0 1 _\nblank _\nstart start\naccept accept\nstart 1 -> tape 1 R\ntape 1 -> tape 1 R\n"
      "tape _ -> accept _ S\n",
      "named.tm");
  CHECK(run_machine(machine, "111", 100).outcome == machine_outcome::accepted);
  CHECK(run_machine(machine, "101", 100).outcome == machine_outcome::rejected);
  CHECK(machine.state_index("tape").has_value());
}

TEST_CASE("states are found by name in machines with many states", "[machine]") {
  // A chain of 20,000 states over the input; state indices follow the first
  // appearance, whatever the number of states.
  std::string text = std::string(header);
  constexpr int n = 20000;
  for (int i = 0; i < n; ++i) text += fmt::format("q{} 0 -> q{} 0 R\n", i == 0 ? std::string() : std::to_string(i), i + 1);
  text += fmt::format("q{} _ -> yes _ S\n", n);
  const turing_machine chain = parse_machine(text, "chain.tm");
  CHECK(chain.state_count() == n + 2);  // q, yes, q1 ... q20000
  CHECK(chain.state_index("q") == 0u);
  CHECK(chain.state_index("yes") == 1u);
  CHECK(chain.state_index("q1") == 2u);
  CHECK(chain.state_index("q20000") == static_cast<std::uint32_t>(n + 1));
  CHECK_FALSE(chain.state_index("q20001").has_value());
  CHECK_FALSE(chain.state_index("").has_value());
  CHECK(run_machine(chain, std::string(n, '0'), 100000).outcome == machine_outcome::accepted);
  CHECK(run_machine(chain, std::string(n - 1, '0'), 100000).halted_without_transition);
  // The messages about states repeated or in conflict are unchanged at the end of a long file.
  CHECK(error_of(text + "q19999 0 -> q 1 L\n") ==
        "m.tm:20006:1: error: a second transition for state 'q19999' reading '0' (the first is on line 20004)\n"
        "  q19999 0 -> q 1 L\n  ^");
  CHECK(error_of(text + "reject no q123 no\n") ==
        "m.tm:20006:16: error: state 'no' is listed twice\n  reject no q123 no\n                 ^");
  CHECK(error_of(text + "reject q20000 yes\n") ==
        "m.tm:20006:15: error: state 'yes' cannot both accept and reject\n  reject q20000 yes\n                ^");
  CHECK(error_of(text + "yes 1 -> q 1 R\n") ==
        "m.tm:20006:1: error: state 'yes' halts (accepting), so it cannot have transitions\n  yes 1 -> q 1 R\n  ^");
  // Interning a known name gives its index and adds nothing.
  turing_machine built;
  CHECK(built.intern_state("a") == 0u);
  CHECK(built.intern_state("b") == 1u);
  CHECK(built.intern_state("a") == 0u);
  CHECK(built.states == std::vector<std::string>{"a", "b"});
  CHECK(built.accepting.size() == 2);
}

namespace {

// The configuration as seen from the head with blank ends dropped, as text:
// two configurations are equal up to translation iff their keys are.
std::string relative_key(const turing_machine& machine, const machine_configuration& c) {
  const char blank = machine.symbols[machine.blank];
  const auto first = c.tape.find_first_not_of(blank);
  if (first == std::string::npos) return fmt::format("{}|", c.state);
  const auto last = c.tape.find_last_not_of(blank);
  return fmt::format("{}|{}|{}", c.state, c.tape.substr(first, last - first + 1),
                     c.head - (c.first_cell + static_cast<std::int64_t>(first)));
}

// The verdict that Brent's method must reach, computed from every
// configuration of the run (the observer's) by plain comparison of keys: the
// tortoise at 0, moved to the hare after 1, 2, 4, ... steps; the cycle start
// is the first mu whose configuration returns lambda steps later.
void check_against_keys(const turing_machine& machine, const std::string& word, std::uint64_t max_steps) {
  std::vector<std::string> keys;
  std::vector<machine_configuration> seen;
  const machine_run run = run_machine(machine, word, max_steps, [&](std::uint64_t, const machine_configuration& c) {
    keys.push_back(relative_key(machine, c));
    seen.push_back(c);
  });
  INFO("word '" << word << "'");
  REQUIRE(keys.size() == run.steps + 1);
  CHECK(describe_configuration(machine, run.final_configuration) == describe_configuration(machine, seen.back()));
  std::uint64_t power = 1, lambda = 0, tortoise = 0;
  std::optional<std::uint64_t> found_at, period;
  for (std::uint64_t t = 1; t < keys.size(); ++t) {
    ++lambda;
    if (keys[t] == keys[tortoise]) {
      found_at = t;
      period = lambda;
      break;
    }
    if (lambda == power) {
      tortoise = t;
      power *= 2;
      lambda = 0;
    }
  }
  if (run.outcome != machine_outcome::runs_forever) {
    CHECK_FALSE(found_at.has_value());
    CHECK(run.tape_comparisons == 0);  // no repetition: no tape was compared cell by cell
    return;
  }
  REQUIRE(found_at.has_value());
  CHECK(*found_at == run.steps);
  CHECK(*period == run.cycle_period);
  std::uint64_t mu = 0;
  // The trace ends at the detection; replaying further is not needed as
  // mu + lambda <= steps whenever Brent's method has found the cycle.
  while (keys[mu] != keys[mu + *period]) ++mu;
  CHECK(mu == run.cycle_start);
  CHECK(run.tape_comparisons == 2);  // the repetition, then the start of the cycle
}

}  // namespace

TEST_CASE("the direct run decides exactly like a plain comparison of every configuration", "[machine]") {
  for (const char* name : {"divisible_by_3", "ends_01", "equal_count", "even_ones", "palindromes", "zeros_then_ones"}) {
    INFO(name);
    const turing_machine machine = load_machine_file(fmt::format("{}/networks/machines/{}.tm", NNSIM_SOURCE_DIR, name));
    for (const std::string& word : words_up_to(7)) check_against_keys(machine, word, 5000);
  }
  // Small random machines, many of which cycle, drift or keep writing.
  std::mt19937_64 rng(20260);
  const std::string symbols = "01_a";
  for (int round = 0; round < 300; ++round) {
    std::string text = "tape 0 1 _ a\nblank _\nstart q0\naccept yes\nreject no\n";
    const int states = 1 + static_cast<int>(rng() % 3);
    for (int q = 0; q < states; ++q) {
      for (char read : symbols) {
        if (rng() % 8 == 0) continue;  // no transition: a rejection
        const auto next = rng() % static_cast<std::uint64_t>(states + 2);
        const std::string target = next == static_cast<std::uint64_t>(states)       ? "yes"
                                   : next == static_cast<std::uint64_t>(states + 1) ? "no"
                                                                                     : fmt::format("q{}", next);
        text += fmt::format("q{} {} -> {} {} {}\n", q, read, target, symbols[rng() % 4], "LRS"[rng() % 3]);
      }
    }
    INFO(text);
    const turing_machine machine = parse_machine(text, "random.tm");
    for (const std::string& word : words_up_to(3)) check_against_keys(machine, word, 300);
  }
}

TEST_CASE("a machine that keeps writing new cells compares no tapes, however long it runs", "[machine]") {
  const std::string writer = "machine right\ntape 0 1 _\nblank _\nstart q\naccept h\nq _ -> q 1 R\n";
  const turing_machine right = parse_machine(writer, "right.tm");
  std::string left_text = writer;
  left_text.replace(left_text.find("1 R"), 3, "1 L");
  const turing_machine left = parse_machine(left_text, "left.tm");
  for (std::uint64_t steps : {10u, 1000u, 200000u}) {
    const machine_run r = run_machine(right, "", steps);
    CHECK(r.outcome == machine_outcome::undecided);
    CHECK(r.steps == steps);
    CHECK(r.tape_comparisons == 0);
    CHECK(r.final_configuration.first_cell == 0);
    CHECK(r.final_configuration.head == static_cast<std::int64_t>(steps));
    CHECK(r.final_configuration.tape == std::string(steps, '1') + "_");
    const machine_run l = run_machine(left, "", steps);
    CHECK(l.outcome == machine_outcome::undecided);
    CHECK(l.tape_comparisons == 0);
    CHECK(l.final_configuration.first_cell == -static_cast<std::int64_t>(steps));
    CHECK(l.final_configuration.head == -static_cast<std::int64_t>(steps));
    CHECK(l.final_configuration.tape == "_" + std::string(steps, '1'));
  }
  CHECK(describe_configuration(right, run_machine(right, "", 3).final_configuration) == "q  1 1 1 [_]");
  CHECK(describe_configuration(left, run_machine(left, "", 3).final_configuration) == "q  [_] 1 1 1");
  // Over 0^n it turns the word into 1s, then moves back and forth at its end
  // forever: the cycle starts after n + 1 steps, and finding it compares two
  // tapes, whatever n.
  const turing_machine bounce = parse_machine(
      "tape 0 1 _\nblank _\nstart q\naccept h\nq 0 -> q 1 R\nq _ -> b _ L\nb 1 -> c 1 R\nc _ -> b _ L\n", "bounce.tm");
  for (std::size_t n : {1u, 10u, 100000u}) {
    const machine_run run = run_machine(bounce, std::string(n, '0'), 10'000'000);
    CHECK(run.outcome == machine_outcome::runs_forever);
    CHECK(run.cycle_start == n + 1);
    CHECK(run.cycle_period == 2);
    CHECK(run.tape_comparisons == 2);
  }
}
