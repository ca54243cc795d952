// The Turing-machine compiler: every committed machine is compiled and the
// network is run on every word up to a length, exactly, and compared with
// the machine run directly (an independent route: the direct run does not
// share any code with the network or the simulator).
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/model/network_analysis.hpp"
#include "nnsim/run/simulation.hpp"

#include "network_verdict.hpp"
#include "test_words.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace nnsim;

namespace {

// Sanitizer builds run the same check on shorter words, to keep CI time.
#ifdef NNSIM_SANITIZED_TESTS
constexpr std::size_t checked_length = 6;
#else
constexpr std::size_t checked_length = 8;
#endif

turing_machine committed_machine(const std::string& name) {
  return load_machine_file(std::string(NNSIM_SOURCE_DIR) + "/networks/machines/" + name + ".tm");
}


const std::vector<std::string> machine_names{"even_ones",   "ends_01",     "zeros_then_ones",
                                             "palindromes", "equal_count", "divisible_by_3"};

}  // namespace

TEST_CASE("compiled machines recognize the machine's language", "[compiler]") {
  for (const auto& name : machine_names) {
    const turing_machine machine = committed_machine(name);
    const network net = compile_machine(machine);
    for (const auto& word : words_up_to(checked_length)) {
      const machine_run direct = run_machine(machine, word, 100000);
      REQUIRE((direct.outcome == machine_outcome::accepted || direct.outcome == machine_outcome::rejected));
      INFO(name << " on '" << word << "'");
      CHECK(network_verdict(net, word) == (direct.outcome == machine_outcome::accepted ? "accept" : "reject"));
    }
  }
}

TEST_CASE("compiled networks use only sat, rational weights, one input and one output", "[compiler]") {
  for (const auto& name : machine_names) {
    const network net = compile_machine(committed_machine(name));
    CHECK(net.inputs.size() == 1);
    CHECK(net.outputs.size() == 1);
    CHECK(net.rule.kind == rule_kind::parallel);
    for (const equation& e : net.equations) {
      CHECK(e.act == activation::sat);
      CHECK(e.kind == potential_kind::weighted_sum);
    }
    // The written file loads back as the same network.
    const network reloaded = parse_network(write_network(net), name + ".nn");
    CHECK(same_network(net, reloaded));
  }
}

TEST_CASE("the network size grows linearly in states times symbols", "[compiler]") {
  // Adding a state with a transition for every symbol adds a constant number
  // of neurons: two registers (A and B), their write neurons, and per symbol
  // one gate and two gated stack values.
  auto machine_with_states = [](int extra) {
    std::string text = "tape 0 1 _\nblank _\nstart q0\naccept yes\n";
    for (int i = 0; i < extra; ++i) {
      for (const char* symbol : {"0", "1", "_"}) {
        text += fmt::format("q{} {} -> q{} {} R\n", i, symbol, i + 1, symbol);
      }
    }
    text += fmt::format("q{} _ -> yes _ S\n", extra);
    return parse_machine(text, "chain.tm");
  };
  const std::size_t n1 = compile_machine(machine_with_states(1)).size();
  const std::size_t n2 = compile_machine(machine_with_states(2)).size();
  const std::size_t n3 = compile_machine(machine_with_states(3)).size();
  CHECK(n2 - n1 == n3 - n2);
  // Two safe registers of one writer each in B (4 neurons), two writers in A
  // (6 neurons), 3 gates and 6 gated stack values: 19 neurons per state.
  CHECK(n2 - n1 == 19);
}

TEST_CASE("a machine that runs forever gives a network that never halts", "[compiler]") {
  // On a word starting with 1 the machine stays on its cell for ever (S), so
  // its configuration repeats: the network's state repeats too and the
  // simulator proves that it never halts.  On other words it accepts.
  const turing_machine machine = parse_machine(
      "tape 0 1 _\nblank _\nstart q\naccept yes\nq 1 -> q 1 S\nq 0 -> yes 0 S\nq _ -> yes _ S\n", "stay.tm");
  const network net = compile_machine(machine);
  CHECK(network_verdict(net, "") == "accept");
  CHECK(network_verdict(net, "01") == "accept");
  CHECK(network_verdict(net, "1") == "diverges");
  CHECK(network_verdict(net, "10") == "diverges");
  // Walking right over blanks for ever pushes a blank onto L at every step:
  // no state repeats, and at the step limit the verdict is undecided.
  const turing_machine walker =
      parse_machine("tape 0 1 _\nblank _\nstart q\naccept yes\nq 0 -> q 0 R\nq 1 -> q 1 R\nq _ -> q _ R\n", "walk.tm");
  CHECK(network_verdict(compile_machine(walker), "1", 3000) == "undecided");
}

TEST_CASE("machines with more symbols and left moves past the word", "[compiler]") {
  // Copies the word to the left of itself with a marker alphabet, then
  // accepts iff the last symbol written on the far left is a 1: exercises
  // moves to the left of the input, a larger alphabet (base 10) and blanks
  // written in the middle of the tape.  Language: words containing a 1.
  const turing_machine machine = parse_machine(
      "tape 0 1 _ a b\nblank _\nstart s\naccept yes\nreject no\n"
      "s 0 -> s a R\ns 1 -> s b R\ns _ -> back _ L\n"
      "back a -> back _ L\nback b -> seen _ L\nback _ -> no _ S\n"
      "seen a -> seen _ L\nseen b -> seen _ L\nseen _ -> left _ L\n"
      "left _ -> yes 1 S\n",
      "marks.tm");
  const network net = compile_machine(machine);
  for (const auto& word : words_up_to(5)) {
    INFO("'" << word << "'");
    CHECK(network_verdict(net, word) == (word.find('1') != std::string::npos ? "accept" : "reject"));
  }
}
