// Language recognition (language_recognition.hpp, semantics.md section 6):
// verdicts of small recognizers designed by hand, each checked on every
// word up to length 8 against its language written independently as a C++
// predicate; the shortlex enumeration; the three kinds of expectation and
// what counts as a mismatch.
#include "nnsim/io/network_parser.hpp"
#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/run/update_rule.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>

using namespace nnsim;

namespace {

network parse(const std::string& text) { return parse_network(text, "test.nn"); }

// Accepts every word: y = sat(1) is 1 from step 1 on, a fixed point.
const char* const accept_all = "input x\noutput y\ny = sat(1)\n";

// Rejects every word by halting: y = sat(-1) stays 0, so y(0) is already a
// fixed point with output 0.
const char* const reject_all = "input x\noutput y\ny = sat(-1)\n";

// Rejects every word by never halting: the lecture's oscillator in `sat`
// form, (a, b) = (0,0) -> (1,0) -> (1,1) -> (0,1) -> (0,0), period 4; the
// input is read by nothing.
const char* const oscillating = "input x\noutput a\na = sat(1 - b)\nb = sat(a)\n";

// The counter c(t) = min(t δ(ω), 1): it halts with output 1 at
// T = ceil(1 / δ(ω)), so it accepts every word, but a word with a small
// code needs many steps (δ(0000000) = 1/256: T = 256).
const char* const counter = "input x\noutput c\nc = sat(c + x)\n";

// "The word starts with 1".  δ(ω) = 0.ω1…ωn1 in binary, so δ(ω) > 1/2 iff
// ω1 = 1: δ(1…) >= 0.11 = 3/4 > 1/2, δ(0…) <= 0.0111… < 1/2 and
// δ(ε) = 1/2 exactly.  y = sat(4x - 2) is > 0 iff x > 1/2 (the factor 4 is
// not needed for the sign, only to make y = 1 on every word starting with
// 1).  y is evaluated on the constant input, so y(1) is a fixed point and
// every word halts at T <= 1: the verdict is exact, never `reject
// (diverges)`.
const char* const first_bit_one = "network first_bit_one\ninput x\noutput y\ny = sat(4 x - 2)\n";

// "The word starts with 11": δ(11…) >= 0.111 = 7/8, δ(1) = 3/4 exactly and
// δ(10…) < 0.1011… < 3/4, so x > 3/4 decides it; y = sat(8x - 6).
const char* const starts_11 = "input x\noutput y\ny = sat(8 x - 6)\n";

bool starts_with_1(const std::string& w) { return !w.empty() && w[0] == '1'; }

std::string machine_path(const std::string& name) {
  return std::string(NNSIM_SOURCE_DIR) + "/networks/machines/" + name + ".tm";
}

std::string input_error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const input_error& e) {
    return e.what();
  }
  return "(no error)";
}

const char* const machine_header = "tape 0 1 _\nblank _\nstart q\naccept yes\nreject no\n";

}  // namespace

TEST_CASE("recognition: verdict names and the mismatch rule", "[recognition]") {
  CHECK(name_of(word_verdict::accept) == "accept");
  CHECK(name_of(word_verdict::reject) == "reject");
  CHECK(name_of(word_verdict::reject_diverges) == "reject-diverges");
  CHECK(name_of(word_verdict::undecided) == "undecided");
  CHECK(name_of(expected_verdict::unknown) == "unknown");

  CHECK(is_mismatch(word_verdict::accept, expected_verdict::reject));
  CHECK(is_mismatch(word_verdict::reject, expected_verdict::accept));
  CHECK(is_mismatch(word_verdict::reject_diverges, expected_verdict::accept));
  CHECK_FALSE(is_mismatch(word_verdict::reject_diverges, expected_verdict::reject));
  CHECK_FALSE(is_mismatch(word_verdict::accept, expected_verdict::accept));
  CHECK_FALSE(is_mismatch(word_verdict::reject, expected_verdict::reject));
  for (auto expected : {expected_verdict::accept, expected_verdict::reject, expected_verdict::unknown}) {
    CHECK_FALSE(is_mismatch(word_verdict::undecided, expected));
  }
  for (auto verdict : {word_verdict::accept, word_verdict::reject, word_verdict::reject_diverges}) {
    CHECK_FALSE(is_mismatch(verdict, expected_verdict::unknown));
  }
}

TEST_CASE("recognition: the four verdicts on hand-made recognizers", "[recognition]") {
  const recognition_options options;

  const auto accepted = classify_word(parse(accept_all), "0110", options);
  CHECK(accepted.verdict == word_verdict::accept);
  CHECK(accepted.steps == 1);
  CHECK(accepted.output.exact() == std::vector<rational>{1});
  CHECK(accepted.code == rational(13, 32));
  CHECK(accepted.word == "0110");

  const auto rejected = classify_word(parse(reject_all), "1", options);
  CHECK(rejected.verdict == word_verdict::reject);
  CHECK(rejected.steps == 0);
  CHECK(rejected.output.exact() == std::vector<rational>{0});

  const auto diverging = classify_word(parse(oscillating), "", options);
  CHECK(diverging.verdict == word_verdict::reject_diverges);
  CHECK(diverging.steps == 4);  // y(4) = y(0)

  // δ(0) = 1/4: c = 0, 1/4, 1/2, 3/4, 1, 1 -- halted at T = 4.
  const network count = parse(counter);
  const auto counted = classify_word(count, "0", options);
  CHECK(counted.verdict == word_verdict::accept);
  CHECK(counted.steps == 4);
  CHECK(counted.largest_value_bits > 0);
  recognition_options low = options;
  low.limits.max_steps = 10;
  const auto limited = classify_word(count, "0000000", low);  // needs T = 256
  CHECK(limited.verdict == word_verdict::undecided);
  CHECK(limited.steps == 10);
  CHECK(classify_word(count, "00", low).verdict == word_verdict::accept);  // T = 8
}

TEST_CASE("recognition: a rule override and the floating modes reach the same verdicts here", "[recognition]") {
  const network net = parse(first_bit_one);
  recognition_options sequential;
  sequential.rule = parse_rule_option("sequential");
  recognition_options in_double;
  in_double.numbers = number_mode::parse("double");
  for (const std::string& w : all_words_up_to(6)) {
    INFO("word '" << w << "'");
    const bool expected = starts_with_1(w);
    CHECK((classify_word(net, w, sequential).verdict == word_verdict::accept) == expected);
    const auto floating = classify_word(net, w, in_double);
    CHECK((floating.verdict == word_verdict::accept) == expected);
    CHECK(floating.largest_value_bits == 0);
  }
}

TEST_CASE("recognition: first bit 1 and first bits 11 are decided exactly on all words up to length 8",
          "[recognition]") {
  const network first = parse(first_bit_one);
  const network eleven = parse(starts_11);
  const recognition_options options;
  for (const std::string& w : all_words_up_to(8)) {
    INFO("word '" << w << "'");
    const auto a = classify_word(first, w, options);
    CHECK(a.verdict == (starts_with_1(w) ? word_verdict::accept : word_verdict::reject));
    CHECK(a.steps <= 1);
    const auto b = classify_word(eleven, w, options);
    CHECK(b.verdict == (w.rfind("11", 0) == 0 ? word_verdict::accept : word_verdict::reject));
  }
}

TEST_CASE("recognition: words up to a length in shortlex order", "[recognition]") {
  CHECK(all_words_up_to(0) == std::vector<std::string>{""});
  CHECK(all_words_up_to(2) == std::vector<std::string>{"", "0", "1", "00", "01", "10", "11"});
  const auto words = all_words_up_to(8);
  CHECK(words.size() == 511);
  CHECK(words[7] == "000");
  CHECK(words.back() == "11111111");
  // Shortlex: shorter words first, then lexicographic; and no repeats.
  CHECK(std::is_sorted(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  }));
  CHECK(std::adjacent_find(words.begin(), words.end()) == words.end());
  CHECK(input_error_of([] { all_words_up_to(25); }) ==
        "cannot enumerate the words of length up to 25: at most 24 (2^25 - 1 words)");
}

TEST_CASE("recognition: a recognizer has one input and one output neuron", "[recognition]") {
  const recognition_options options;
  CHECK(input_error_of([&] { classify_word(parse("input x1, x2\noutput y\ny = sat(x1)\n"), "0", options); }) ==
        "a recognizer needs exactly one input neuron and one output neuron, but the network has 2 input neurons "
        "(x1, x2) and 1 output neuron (y)");
  CHECK(input_error_of([&] { recognize_words(parse("output y\ny = sat(1)\n"), {"0"}, options); }) ==
        "a recognizer needs exactly one input neuron and one output neuron, but the network has no input neurons "
        "and 1 output neuron (y)");
  CHECK(input_error_of([&] { check_recognizer_shape(parse("input x\ny = sat(x)\n")); }) ==
        "a recognizer needs exactly one input neuron and one output neuron, but the network has 1 input neuron (x) "
        "and no output neurons");
  // Every word is checked before the first run.
  CHECK(input_error_of([&] { recognize_words(parse(accept_all), {"01", "0a1"}, options); }) ==
        "invalid word '0a1': character 'a' at position 2 is not 0 or 1");
}

TEST_CASE("recognition: a bit limit stops the work and names the word", "[recognition]") {
  // s(t+1) = s(t)/3 + x approaches 3x/2 without reaching it: the
  // denominators grow by a factor 3 every step.
  const network growing = parse("input x\noutput s\ns = sat(1/3 s + x)\n");
  recognition_options options;
  options.limits.max_bits = 40;
  try {
    classify_word(growing, "", options);
    FAIL("no limit_error");
  } catch (const limit_error& e) {
    CHECK(std::string(e.what()).rfind("on word ε: ", 0) == 0);
  }
}

TEST_CASE("recognition: expectations from a regular expression", "[recognition]") {
  const network net = parse(first_bit_one);
  const auto words = all_words_up_to(8);
  const recognition_options options;

  const auto matching = regex_expectation("1[01]*");
  const auto report = recognize_words(net, words, options, &matching);
  CHECK(report.words.size() == 511);
  CHECK(report.mismatches == 0);
  CHECK(report.accepted == 255);
  CHECK(report.rejected == 256);
  CHECK(report.rejected_diverging == 0);
  CHECK(report.undecided == 0);
  CHECK(report.largest_steps == 1);

  // Full match, not search: "0[01]*" contradicts every verdict except ε's.
  const auto opposite = regex_expectation("0[01]*");
  const auto wrong = recognize_words(net, words, options, &opposite);
  CHECK(wrong.mismatches == 510);
  CHECK(wrong.words[0].expected == expected_verdict::reject);
  CHECK_FALSE(wrong.words[0].mismatch);
  CHECK(wrong.words[1].mismatch);  // 0: expected accept, rejected

  CHECK(regex_expectation("1").expect("11") == expected_verdict::reject);  // a search would accept
  CHECK(regex_expectation("").expect("") == expected_verdict::accept);
  CHECK(input_error_of([] { regex_expectation("(01"); }) == "regular expression: column 1: '(' is not closed");
  CHECK(input_error_of([] { regex_expectation("0[01"); }) == "regular expression: column 2: '[' is not closed");
  // Linear time: a backtracking matcher overflows its stack on the first and
  // takes exponential time on the second.
  CHECK(regex_expectation("(0|1)*").expect("1" + std::string(20'000, '0')) == expected_verdict::accept);
  CHECK(regex_expectation("(1|11)*0").expect(std::string(100'000, '1')) == expected_verdict::reject);
}

TEST_CASE("recognition: expectations from a list of words", "[recognition]") {
  const auto listed = word_list_expectation({"", "10"});
  CHECK(listed.expect("") == expected_verdict::accept);
  CHECK(listed.expect("10") == expected_verdict::accept);
  CHECK(listed.expect("1") == expected_verdict::reject);
  CHECK(input_error_of([] { word_list_expectation({"01", "2"}); }) ==
        "invalid word '2': character '2' at position 1 is not 0 or 1");

  // The accept-all network against {ε, 10}: every other word is a mismatch.
  const auto report = recognize_words(parse(accept_all), all_words_up_to(2), recognition_options{}, &listed);
  CHECK(report.mismatches == 5);
  CHECK(report.accepted == 7);
}

TEST_CASE("recognition: expectations from a Turing machine run directly", "[recognition]") {
  // The committed machines: each expectation agrees with the language.
  const auto even = machine_expectation(load_machine_file(machine_path("even_ones")), 100000);
  const auto ends = machine_expectation(load_machine_file(machine_path("ends_01")), 100000);
  CHECK(even.description == "machine even_ones, run directly");
  const auto words = all_words_up_to(8);
  for (const std::string& w : words) {
    INFO("word '" << w << "'");
    const bool even_ones = std::count(w.begin(), w.end(), '1') % 2 == 0;
    CHECK(even.expect(w) == (even_ones ? expected_verdict::accept : expected_verdict::reject));
    const bool ends_01 = w.size() >= 2 && w.compare(w.size() - 2, 2, "01") == 0;
    CHECK(ends.expect(w) == (ends_01 ? expected_verdict::accept : expected_verdict::reject));
  }

  // The accept-all network misclassifies exactly the words with an odd
  // number of 1s: half of the words of each length >= 1.
  const auto all = recognize_words(parse(accept_all), words, recognition_options{}, &even);
  CHECK(all.mismatches == 255);
  // The oscillator rejects (diverging) every word: it contradicts exactly
  // the words the machine accepts.
  const auto never = recognize_words(parse(oscillating), words, recognition_options{}, &even);
  CHECK(never.rejected_diverging == 511);
  CHECK(never.mismatches == 256);

  // A machine for "starts with 1" against the hand-made network: no mismatch.
  const auto first = machine_expectation(
      parse_machine(std::string(machine_header) + "q 1 -> yes 1 S\nq 0 -> no 0 S\n", "first.tm"), 100);
  const auto report = recognize_words(parse(first_bit_one), words, recognition_options{}, &first);
  CHECK(report.mismatches == 0);
  CHECK(report.accepted == 255);
}

TEST_CASE("recognition: a machine that runs forever is a rejection, one at its limit is unknown", "[recognition]") {
  // Bounces between two cells on every word: provably runs forever.
  const auto bouncer = machine_expectation(
      parse_machine(std::string(machine_header) + "q 0 -> p 0 R\nq 1 -> p 1 R\nq _ -> p _ R\n"
                                                  "p 0 -> q 0 L\np 1 -> q 1 L\np _ -> q _ L\n",
                    "bounce.tm"),
      1000);
  CHECK(bouncer.expect("01") == expected_verdict::reject);
  // Writes 1s to the right forever: no configuration repeats.
  const auto writer = machine_expectation(
      parse_machine(std::string(machine_header) + "q 0 -> q 1 R\nq 1 -> q 1 R\nq _ -> q 1 R\n", "write.tm"), 50);
  CHECK(writer.expect("") == expected_verdict::unknown);

  // An unknown expectation is never a mismatch; an undecided verdict neither.
  recognition_options low;
  low.limits.max_steps = 10;
  const auto report = recognize_words(parse(counter), {"", "0000000"}, low, &writer);
  CHECK(report.mismatches == 0);
  CHECK(report.undecided == 1);
  CHECK(report.accepted == 1);
  CHECK(report.largest_steps == 2);  // the undecided word's 10 steps do not count
}
