// Machines over any input alphabet: the `input` statement, the block code
// (machine_code.hpp) and the compiled networks that read it.  Expected codes
// are written out by hand from the rule "the i-th input symbol is i in w
// bits"; the networks are compared with the machine run directly, which
// shares no code with them.
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/machine_code.hpp"
#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/run/simulation.hpp"

#include "network_verdict.hpp"
#include "test_words.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <random>

using namespace nnsim;

namespace {

turing_machine abc_machine() {
  return load_machine_file(std::string(NNSIM_SOURCE_DIR) + "/networks/machines/abc.tm");
}

constexpr std::uint64_t network_steps = 400000;

// A machine with `states` working states over the input symbols `input`, a
// blank `_` and one more symbol `%`, random transitions (some missing), and
// an accepting state.
turing_machine random_machine(std::mt19937& random, const std::string& input, int states) {
  std::string text = "tape " ;
  for (char c : input) text += fmt::format("{} ", c);
  text += "_ %\ninput";
  for (char c : input) text += fmt::format(" {}", c);
  text += "\nblank _\nstart q0\naccept yes\n";
  const std::string symbols = input + "_%";
  const char* moves[] = {"L", "R", "S"};
  for (int q = 0; q < states; ++q) {
    for (char read : symbols) {
      const int choice = static_cast<int>(random() % 10);
      if (choice == 0) continue;  // no transition: halts and rejects
      const std::string next = choice == 1 ? "yes" : fmt::format("q{}", random() % states);
      text += fmt::format("q{} {} -> {} {} {}\n", q, read, next, symbols[random() % symbols.size()], moves[random() % 3]);
    }
  }
  return parse_machine(text, "random.tm");
}

}  // namespace

TEST_CASE("the block code numbers the input symbols in the order listed", "[machine-code]") {
  const machine_code code(abc_machine());
  CHECK(code.width() == 2);
  CHECK_FALSE(code.is_plain());
  CHECK(code.encode("") == "");
  CHECK(code.encode("abc") == "000110");
  CHECK(code.encode("cba") == "100100");
  CHECK(code.decode("000110") == "abc");
  CHECK(code.decode("0001101") == "abc");  // a trailing incomplete block is dropped
  CHECK(code.decode("1100") == std::string{unassigned_cell, 'a'});
  REQUIRE_THROWS_WITH(code.encode("abd"), "invalid word 'abd': character 'd' at position 3 is not an input symbol (a b c)");
  REQUIRE_THROWS_WITH(code.decode("0120"), "invalid word '0120': character '2' at position 3 is not 0 or 1");
  // Shortlex over a < b < c: ε, a, b, c, aa, ab, ...
  CHECK(code.count_words_up_to(2) == 1 + 3 + 9);
  CHECK(code.shortlex_word(0) == "");
  CHECK(code.shortlex_word(3) == "c");
  CHECK(code.shortlex_word(4) == "aa");
  CHECK(code.shortlex_word(12) == "cc");
  CHECK(code.shortlex_word(13) == "aaa");
}

TEST_CASE("the width is the bits that number the input symbols, at least one", "[machine-code]") {
  const std::string all = "abcdefghi";
  const unsigned widths[] = {1, 1, 2, 2, 3, 3, 3, 3, 4};  // k = 1 .. 9
  for (std::size_t k = 1; k <= 9; ++k) {
    std::string text = "tape _";
    for (std::size_t i = 0; i < k; ++i) text += fmt::format(" {}", all[i]);
    text += "\ninput";
    for (std::size_t i = 0; i < k; ++i) text += fmt::format(" {}", all[i]);
    text += "\nblank _\nstart s\naccept s\n";
    INFO("k = " << k);
    CHECK(machine_code(parse_machine(text, "k.tm")).width() == widths[k - 1]);
  }
  // Without an input statement, and with `input 0 1`, the code is the plain one.
  const auto binary = parse_machine("tape 0 1 _\nblank _\nstart s\naccept s\n", "b.tm");
  CHECK(machine_code(binary).is_plain());
  CHECK(machine_code(binary).encode("0110") == "0110");
  CHECK(machine_code(parse_machine("tape 0 1 _\ninput 0 1\nblank _\nstart s\naccept s\n", "b.tm")).is_plain());
  CHECK_FALSE(machine_code(parse_machine("tape 0 1 _\ninput 1 0\nblank _\nstart s\naccept s\n", "b.tm")).is_plain());
}

TEST_CASE("the input statement is checked where it is written", "[machine-code]") {
  const auto error = [](const std::string& text) {
    try {
      parse_machine(text, "m.tm");
    } catch (const input_error& e) {
      return fmt::format("{}:{}:{}: error: {}", e.file(), e.where().line, e.where().column, e.what());
    }
    return std::string("no error");
  };
  CHECK(error("tape a b _\ninput a c\nblank _\nstart s\naccept s\n") ==
        "m.tm:2:9: error: input symbol 'c' is not in the tape alphabet");
  CHECK(error("tape a b _\ninput a b a\nblank _\nstart s\naccept s\n") ==
        "m.tm:2:11: error: input symbol 'a' is listed twice");
  CHECK(error("tape a b _\ninput a _\nblank _\nstart s\naccept s\n") ==
        "m.tm:2:9: error: the blank '_' cannot be an input symbol");
  CHECK(error("tape a b _\ninput\nblank _\nstart s\naccept s\n") ==
        "m.tm:2:6: error: expected the input symbols after 'input'");
  CHECK(error("tape a b _\ninput a\ninput b\nblank _\nstart s\naccept s\n") ==
        "m.tm:3:1: error: 'input' is given more than once");
  // With an input statement the tape need not contain 0 and 1, and 0 may be the blank.
  CHECK(error("tape 0 1 b\ninput 1 b\nblank 0\nstart s\naccept s\n") == "no error");
  // Without one, as machine-format.md says.
  CHECK(error("tape a b _\nblank _\nstart s\naccept s\n") == "m.tm:1:1: error: the tape alphabet must contain '0'");
}

TEST_CASE("a machine over a b c compiles into a network that reads two bits a symbol", "[machine-code][compiler]") {
  const turing_machine machine = abc_machine();
  const network net = compile_machine(machine);
  const machine_code code(machine);
  // Every tape word up to length 4, through its code: a^n b^n c^n only.
  for (std::uint64_t i = 0; i < code.count_words_up_to(4); ++i) {
    const std::string word = code.shortlex_word(i);
    const bool in_language = word == "" || word == "abc";
    INFO("'" << word << "'");
    CHECK(network_verdict(net, code.encode(word), network_steps) == (in_language ? "accept" : "reject"));
  }
  CHECK(network_verdict(net, code.encode("aabbcc"), network_steps) == "accept");
  CHECK(network_verdict(net, code.encode("aabbcb"), network_steps) == "reject");
  // Words that are no code: an incomplete block is never acted on, and the
  // unassigned block 11 is a cell the machine cannot read.
  CHECK(network_verdict(net, "0001100", network_steps) == "accept");  // abc and a lone 0
  CHECK(network_verdict(net, "0", network_steps) == "accept");        // ε and a lone 0
  CHECK(network_verdict(net, "11", network_steps) == "reject");
}

TEST_CASE("random machines over 1 to 5 input symbols: network and machine agree on every word",
          "[machine-code][compiler]") {
  std::mt19937 random(20261201);
  const std::string inputs[] = {"a", "()", "xyz", "abcd", "01234"};
  for (int trial = 0; trial < 5; ++trial) {
    const std::string& input = inputs[trial % 5];
    const turing_machine machine = random_machine(random, input, 2);
    const network net = compile_machine(machine);
    const machine_code code(machine);
    // All binary words up to length 4: codes, incomplete blocks and (for 3
    // and 5 symbols) unassigned ones, decoded the same way the network reads them.
    for (const std::string& binary : words_up_to(4)) {
      const machine_run direct = run_machine(machine, code.decode(binary), 2000);
      if (direct.outcome == machine_outcome::undecided) continue;
      INFO("trial " << trial << ", input '" << input << "', word " << binary);
      const std::string verdict = network_verdict(net, binary, network_steps);
      if (direct.outcome == machine_outcome::accepted) {
        CHECK(verdict == "accept");
      } else if (direct.outcome == machine_outcome::rejected) {
        CHECK(verdict == "reject");
      } else {
        CHECK(verdict != "accept");
        CHECK(verdict != "reject");
      }
    }
  }
}
