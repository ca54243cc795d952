// The super-Turing network: built for languages from each source, run
// exactly on every word up to the prefix's length and one longer, and
// compared with the language computed independently (the word list itself,
// the machine run directly, the demonstration language's definition
// written again here); its size and its one non-literal number; and
// `check oracle` on it.
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/languages/oracle_check.hpp"
#include "nnsim/languages/oracle_network.hpp"
#include "nnsim/run/simulation.hpp"

#include "test_words.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace nnsim;

namespace {

// Sanitizer builds run the same checks on shorter words, to keep CI time.
#ifdef NNSIM_SANITIZED_TESTS
constexpr std::size_t checked_length = 3;
#else
constexpr std::size_t checked_length = 5;
#endif

struct verdict {
  std::string status;  // "accept", "reject", "diverges", "undecided"
  std::uint64_t steps = 0;
};

verdict run_on(const network& net, const std::string& word) {
  run_request request;
  request.input = {delta_encode(word)};
  request.limits.max_steps = 1000000;
  const run_result result = run_network(net, request);
  switch (result.status) {
    case run_status::halted: return {result.outputs.sign(0) > 0 ? "accept" : "reject", result.steps};
    case run_status::diverges: return {"diverges", result.steps};
    case run_status::undecided: return {"undecided", result.steps};
  }
  return {"?", 0};
}

// Every word of length 0..n is accepted exactly when `member` says so, and
// every word of length n + 1 (past the prefix) is rejected; the run halts.
template <class Member>
void check_recognizes(const network& net, std::size_t n, Member member) {
  for (const std::string& word : words_up_to(n + 1)) {
    INFO("word '" << word << "'");
    const verdict v = run_on(net, word);
    if (word.size() <= n) {
      CHECK(v.status == (member(word) ? "accept" : "reject"));
    } else {
      CHECK(v.status == "reject");
    }
  }
}

// The numbers of the network written as a constant's name.
std::size_t constant_uses(const network& net) {
  std::size_t uses = 0;
  for (const neuron& n : net.neurons) uses += n.init_constant ? 1 : 0;
  for (const equation& e : net.equations) {
    uses += (e.bias_constant ? 1 : 0) + (e.lambda_constant ? 1 : 0) + (e.offset_constant ? 1 : 0) +
            (e.scale_constant ? 1 : 0);
    for (const weighted_input& term : e.inputs) uses += term.weight_constant ? 1 : 0;
    for (const distance_argument& argument : e.arguments) uses += argument.centre_constant ? 1 : 0;
  }
  return uses;
}

bool is_palindrome(const std::string& w) { return std::string(w.rbegin(), w.rend()) == w; }

}  // namespace

TEST_CASE("the oracle network of a word list recognizes exactly those words", "[oracle]") {
  const std::vector<std::string> words{"0", "11", "101"};
  const network net = build_oracle_network(language_from_words(words, 3), "three words");
  check_recognizes(net, 3, [&](const std::string& w) { return std::find(words.begin(), words.end(), w) != words.end(); });
}

TEST_CASE("the oracle network of a machine's language agrees with the machine run directly", "[oracle]") {
  const turing_machine machine =
      load_machine_file(std::string(NNSIM_SOURCE_DIR) + "/networks/machines/zeros_then_ones.tm");
  const network net = build_oracle_network(language_from_machine(machine, checked_length, 100000), "0^n 1^n");
  check_recognizes(net, checked_length, [&](const std::string& w) {
    return run_machine(machine, w, 100000).outcome == machine_outcome::accepted;
  });
}

TEST_CASE("the oracle network of a demonstration language", "[oracle]") {
  const network net = build_oracle_network(language_from_demo(find_demo_language("palindromes"), checked_length),
                                           "binary palindromes");
  check_recognizes(net, checked_length, is_palindrome);
}

TEST_CASE("the empty language and the language of every word", "[oracle]") {
  check_recognizes(build_oracle_network(language_from_words({}, 2), "none"), 2, [](const std::string&) { return false; });
  language_prefix all(2);
  for (std::uint64_t i = 1; i <= all.word_count(); ++i) all.set_position(i, true);
  check_recognizes(build_oracle_network(all, "all"), 2, [](const std::string&) { return true; });
}

TEST_CASE("the oracle network has the same size for every language, and one real weight", "[oracle]") {
  const std::vector<network> nets{
      build_oracle_network(language_from_words({}, 0), "none"),
      build_oracle_network(language_from_words({"1"}, 2), "one word"),
      build_oracle_network(language_from_demo(find_demo_language("ones-mod-3"), 9), "ones"),
  };
  for (const network& net : nets) {
    CHECK(net.size() == oracle_network_neurons);
    CHECK(net.size() < 1000);
    CHECK(net.inputs.size() == 1);
    CHECK(net.outputs.size() == 1);
    CHECK(net.rule.kind == rule_kind::parallel);
    for (const equation& e : net.equations) {
      CHECK(e.act == activation::sat);
      CHECK(e.kind == potential_kind::weighted_sum);
    }
    // One constant, used once (the bias of `weight`); every other number is a literal.
    REQUIRE(net.constants.size() == 1);
    CHECK(net.constants[0]->name == "w_L");
    CHECK(constant_uses(net) == 1);
    const equation* weight = net.equation_of(*net.find("weight"));
    REQUIRE(weight != nullptr);
    CHECK(weight->bias_constant.constant == net.constants[0]);
    // The file keeps the constant and loads back as the same network.
    const std::string text = write_network(net);
    const network reloaded = parse_network(text, "oracle.nn");
    CHECK(same_network(net, reloaded));
    REQUIRE(reloaded.constants.size() == 1);
    CHECK(reloaded.constants[0]->expression->op == real_expression::kind::divide);  // N / 4^M, as written
    CHECK(*reloaded.constants[0]->value() == *net.constants[0]->value());
    CHECK(constant_uses(reloaded) == 1);
  }
  CHECK(write_network(nets[1]).find("\nconst w_L = 5973 / 4^7\n") != std::string::npos);  // 1131111
}

TEST_CASE("the steps grow with the position of the word", "[oracle]") {
  // Each bit costs i(prefix) + 1 rounds of the loop after it is read: the
  // steps are the same for every language, and those of 1^k grow like 2^k.
  const network net = build_oracle_network(language_from_words({}, 4), "none");
  CHECK(run_on(net, "").steps == 7);
  CHECK(run_on(net, "1").steps == 92);
  CHECK(run_on(net, "11").steps == 220);
  CHECK(run_on(net, "1111").steps == 890);
  const network other = build_oracle_network(language_from_demo(find_demo_language("palindromes"), 4), "p");
  for (const std::string& w : words_up_to(4)) CHECK(run_on(net, w).steps == run_on(other, w).steps);
}

TEST_CASE("check oracle confirms every word the weight decides", "[oracle]") {
  const network net = build_oracle_network(language_from_demo(find_demo_language("palindromes"), 3), "palindromes");
  recognition_options options;
  const oracle_check_report report = check_oracle_network(net, std::nullopt, options);
  CHECK(report.all_correct());
  CHECK(report.neurons == oracle_network_neurons);
  CHECK(report.digits == 15);
  CHECK(report.decided_length == std::optional<std::size_t>(3));
  CHECK(report.max_length == 3);
  REQUIRE(report.lengths.size() == 4);
  const std::vector<std::uint64_t> in_language{1, 2, 2, 4};
  for (std::size_t k = 0; k <= 3; ++k) {
    CHECK(report.lengths[k].words == (std::uint64_t{1} << k));
    CHECK(report.lengths[k].in_language == in_language[k]);
    CHECK(report.lengths[k].accepted == in_language[k]);
    CHECK(report.lengths[k].correct == report.lengths[k].words);
    CHECK_FALSE(report.lengths[k].precision.has_value());
  }
  CHECK(report.lengths[3].largest_steps == 453);
  // A shorter check, and one the weight cannot answer.
  CHECK(check_oracle_network(net, 1, options).lengths.size() == 2);
  CHECK_THROWS_WITH(check_oracle_network(net, 4, options),
                    "digit 16 of the weight is 0, not 1 or 3, so it does not say whether the word '0000' is in the "
                    "language; the weight decides the words of length 0..3 only");
}

TEST_CASE("check oracle reports wrong and undecided words", "[oracle]") {
  const network net = build_oracle_network(language_from_demo(find_demo_language("palindromes"), 4), "palindromes");
  // In double the weight keeps 53 bits, about 26 digits: the words at
  // positions 27 … 31 read digits rounded away.
  recognition_options rounded;
  rounded.numbers = number_mode::parse("double");
  const oracle_check_report report = check_oracle_network(net, std::nullopt, rounded);
  CHECK_FALSE(report.all_correct());
  REQUIRE(report.lengths.size() == 5);
  CHECK(report.lengths[3].correct == 8);
  CHECK(report.lengths[4].correct == 13);
  CHECK(report.lengths[4].precision == std::optional<unsigned>(53));
  std::vector<std::string> failed;
  for (const recognized_word& w : report.failures) failed.push_back(w.result.word);
  CHECK(failed == std::vector<std::string>{"1100", "1101", "1110"});
  // Too few steps: undecided, which is not correct either.
  recognition_options short_run;
  short_run.limits.max_steps = 100;
  const oracle_check_report cut = check_oracle_network(net, 2, short_run);
  CHECK_FALSE(cut.all_correct());
  CHECK(cut.lengths[2].undecided == 4);
  CHECK(cut.lengths[1].undecided == 0);
  CHECK(cut.failures.size() == 4);
}

TEST_CASE("check oracle needs an exact weight w_L", "[oracle]") {
  const network plain = parse_network("input x\noutput y\ny = sat(x)\n", "plain.nn");
  CHECK_THROWS_WITH(check_oracle_network(plain, std::nullopt, {}),
                    "the network has no constant 'w_L': check oracle reads the language from the weight that nnsim "
                    "build oracle writes as `const w_L = …`");
  const network irrational = parse_network("input x\noutput y\nconst w_L = sqrt(2) / 2\ny = sat(w_L x)\n", "r.nn");
  CHECK_THROWS_WITH(check_oracle_network(irrational, std::nullopt, {}),
                    "constant 'w_L' (line 3) is irrational: check oracle reads the language from the digits of an "
                    "exact (finite) weight");
  const network no_word = parse_network("input x\noutput y\nconst w_L = 1/2\ny = sat(w_L x)\n", "h.nn");
  CHECK_THROWS_WITH(check_oracle_network(no_word, std::nullopt, {}),
                    "the weight w_L decides no word: its first base-4 digit is not 1 or 3");
}
