// The universal network against direct runs: random 2-tag systems, random
// small Turing machines and Rogozhin's published example, each through
// every level of check_universal_* (the reference of each level is a direct
// run that shares no code with the network).
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/universal/tag_run.hpp"
#include "nnsim/universal/universal_check.hpp"
#include "nnsim/universal/universal_encoding.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <random>

using namespace nnsim;

namespace {

#ifdef NNSIM_SANITIZED_TESTS
constexpr std::uint64_t random_systems = 2;
constexpr int random_machines = 3;
#else
constexpr std::uint64_t random_systems = 8;
constexpr int random_machines = 12;
#endif

void require_all_agree(const universal_case_report& report, std::size_t levels) {
  INFO(report.label);
  REQUIRE(report.levels.size() == levels);
  for (const auto& level : report.levels) {
    INFO(level.name << ": " << level.result);
    CHECK(level.verdict == level_verdict::agrees);
  }
  CHECK_FALSE(report.mismatch);
}

}  // namespace

TEST_CASE("Rogozhin's example through the universal network leaves a1 a2 on the tape", "[universal]") {
  tag_system system;
  const tag_letter a1 = system.intern_letter("a1");
  system.intern_letter("a2");
  system.productions[a1] = tag_word{a1, a1};
  const universal_case_report report = check_universal_tag(system, {0, 0, 1}, "517", {});
  require_all_agree(report, 3);
  CHECK(report.tape_cells == 18);
  // The published fact: 517 transitions leave 1c11111 right of the leftmost
  // c, a1 a2; the machine here adds 13 of its prelude and the halting one.
  CHECK(report.levels[1].steps == 531);
  CHECK_THAT(report.levels[1].result, Catch::Matchers::EndsWith(": a1 a2"));
  CHECK_THAT(report.levels[2].result, Catch::Matchers::EndsWith(": a1 a2"));
}

TEST_CASE("random halting 2-tag systems agree at every level, the network included", "[universal]") {
  for (std::uint64_t seed = 101; seed < 101 + random_systems; ++seed) {
    const auto [system, word] = random_halting_tag_system(seed, 20, 80);
    // The generator's promise, checked by a direct run.
    const tag_run run = run_tag_system(system, word);
    REQUIRE(run.outcome == tag_outcome::halted);
    REQUIRE(run.reason == tag_stop_reason::halting_letter);
    require_all_agree(check_universal_tag(system, word, fmt::format("seed {}", seed), {}), 3);
  }
}

TEST_CASE("a system that needs the normalisation, through the network", "[universal]") {
  // P(a) = b, P(b) = h: not in Rogozhin's form (no production starts with a
  // doubled letter).  On a a: a a -> b -> (too short) in the original; the
  // normal form z z b ... keeps words long, so it runs on, and the check
  // says so; on a a h: a a h -> h b -> halts.
  const tag_system system = [] {
    tag_system s;
    const tag_letter a = s.intern_letter("a");
    const tag_letter b = s.intern_letter("b");
    const tag_letter h = s.intern_letter("h");
    s.productions[a] = tag_word{b};
    s.productions[b] = tag_word{h};
    return s;
  }();
  const universal_case_report report = check_universal_tag(system, {0, 0, 2}, "a a h", {});
  require_all_agree(report, 3);
  CHECK(report.levels[0].name == "tag system (normalised)");
}

// A random machine over the tape 0 1 (blank 0, input 1) with two working
// states, some transitions missing.
turing_machine random_binary_machine(std::mt19937& random) {
  std::string text = "tape 0 1\ninput 1\nblank 0\nstart q0\naccept yes\nreject no\n";
  const char* moves[] = {"L", "R", "S"};
  const char* targets[] = {"yes", "no", "q0", "q1"};
  for (const char* state : {"q0", "q1"}) {
    for (const char* read : {"0", "1"}) {
      if (random() % 4 == 0) continue;
      text += fmt::format("{} {} -> {} {} {}\n", state, read, targets[random() % 4], random() % 2, moves[random() % 3]);
    }
  }
  return parse_machine(text, "random.tm");
}

TEST_CASE("a system that stops on a short word has no verdict to compare", "[universal]") {
  // P(a) = ε: a a -> ε, a stop on a word shorter than 2 letters, which the
  // normal form (whose words never shrink) cannot simulate: neither "runs
  // forever" nor "halts" may be claimed for it.
  tag_system system;
  const tag_letter a = system.intern_letter("a");
  system.intern_letter("h");
  system.productions[a] = tag_word{};
  universal_check_options options;
  options.run_network = false;
  options.max_machine_steps = 200000;
  const universal_case_report report = check_universal_tag(system, {a, a}, "a a", options);
  REQUIRE(report.levels.size() == 2);
  CHECK(report.levels[0].verdict == level_verdict::undecided);
  CHECK_THAT(report.levels[0].result, Catch::Matchers::Contains("shorter than 2 letters"));
  CHECK(report.levels[1].verdict == level_verdict::undecided);
  CHECK_FALSE(report.mismatch);
}

TEST_CASE("random small Turing machines agree with their Cocke–Minsky systems", "[universal]") {
  std::mt19937 random(1201);
  int checked = 0;
  while (checked < 2 * random_machines) {
    const turing_machine machine = random_binary_machine(random);
    const std::string word = std::string(random() % 3, '1');
    const machine_run direct = run_machine(machine, word, 3);
    if (direct.outcome != machine_outcome::accepted && direct.outcome != machine_outcome::rejected) continue;
    universal_check_options options;
    options.run_network = false;
    options.max_machine_steps = 0;  // Rogozhin's machine: the next test
    INFO(machine.source_lines.size() << " lines, word '" << word << "'");
    require_all_agree(check_universal_machine(machine, word, "random", options), 2);
    ++checked;
  }
}

TEST_CASE("machines that halt at once agree through Rogozhin's machine", "[universal]") {
  // A machine with a single transition already makes Rogozhin's machine
  // take over 10^8 transitions (docs/universal.md): these have none.
  for (const char* text : {"tape 0 1\ninput 1\nblank 0\nstart yes\naccept yes\n",
                           "tape 0 1\ninput 1\nblank 0\nstart no\naccept yes\nreject no\n"}) {
    const turing_machine machine = parse_machine(text, "at_once.tm");
    for (const char* word : {"1", "11"}) {
      universal_check_options options;
      options.run_network = false;
      INFO(text << "word " << word);
      require_all_agree(check_universal_machine(machine, word, "at once", options), 3);
    }
  }
}

TEST_CASE("a machine that halts at once, through the universal network", "[universal]") {
#ifdef NNSIM_SANITIZED_TESTS
  SUCCEED("about a million network steps: left to the optimised build");
#else
  const turing_machine machine =
      parse_machine("tape 0 1\ninput 1\nblank 0\nstart yes\naccept yes\n", "accept_at_once.tm");
  const universal_case_report report = check_universal_machine(machine, "1", "accept at once", {});
  require_all_agree(report, 4);
  CHECK_THAT(report.levels[3].result, Catch::Matchers::EndsWith(": accept yes  [1]"));
#endif
}
