// The language weight w_L and the languages it is built from: positions in
// shortlex order, the digits of w_L and back, and the three sources of a
// language (a word list, a Turing machine run directly, a demonstration
// language).
#include "nnsim/languages/language_prefix.hpp"
#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/languages/oracle_weight.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

using namespace nnsim;

TEST_CASE("a word's position in shortlex order is int(\"1\" w, 2)", "[oracle]") {
  CHECK(shortlex_position("") == 1);
  CHECK(shortlex_position("0") == 2);
  CHECK(shortlex_position("1") == 3);
  CHECK(shortlex_position("00") == 4);
  CHECK(shortlex_position("11001") == 57);
  // The same order as the enumeration of recognize --all-words.
  for (std::uint64_t p = 0; p < 63; ++p) CHECK(shortlex_position(shortlex_word(p)) == p + 1);
  CHECK_THROWS_WITH(shortlex_position("012"), "the word '012' has the character '2': words are over 0 and 1");
}

TEST_CASE("the weight has digit 3 for the words in L and 1 for the others", "[oracle]") {
  // L = {0} on the words of length 0..1: digits 1 3 1, so w = 29/64.
  const language_prefix language = language_from_words({"0"}, 1);
  CHECK(language.word_count() == 3);
  const rational w = language_weight(language);
  CHECK(w == rational(29, 64));
  CHECK(base4_digits(w) == "131");
  CHECK(decided_length(w) == std::optional<std::size_t>(1));
  CHECK(language_of_weight(w, 1) == language);
  CHECK_FALSE(language_of_weight(w, 0).contains(""));
  CHECK(language_of_weight(w, 1).contains("0"));
  CHECK_FALSE(language_of_weight(w, 0).contains("0"));  // longer than the prefix
  // The empty language and every word.
  CHECK(language_weight(language_from_words({}, 0)) == rational(1, 4));
  CHECK(language_weight(language_from_words({"", "0", "1"}, 1)) == rational(63, 64));
}

TEST_CASE("the digits of a weight: leading zeros, odd powers of 2 and errors", "[oracle]") {
  CHECK(base4_digits(rational(1, 16)) == "01");
  CHECK(base4_digits(rational(1, 2)) == "2");
  CHECK(base4_digits(rational(1, 8)) == "02");
  CHECK_FALSE(decided_length(rational(1, 16)).has_value());
  CHECK(decided_length(rational(3, 4)) == std::optional<std::size_t>(0));   // "3": ε only
  CHECK(decided_length(rational(55, 64)) == std::optional<std::size_t>(1)); // "313"
  CHECK(decided_length(rational(221, 256)) == std::optional<std::size_t>(1)); // "3131": 3 digits decide length 1
  CHECK_THROWS_WITH(base4_digits(rational(1, 3)),
                    "the weight is not a finite base-4 fraction: its denominator is not a power of 2");
  CHECK_THROWS_WITH(base4_digits(rational(1)), "the weight is not strictly between 0 and 1");
  CHECK_THROWS_WITH(base4_digits(rational(0)), "the weight is not strictly between 0 and 1");
  CHECK_THROWS_WITH(language_of_weight(rational(55, 64), 2),
                    "digit 4 of the weight is 0, not 1 or 3, so it does not say whether the word '00' is in the "
                    "language; the weight decides the words of length 0..1 only");
  CHECK_THROWS_WITH(language_of_weight(rational(9, 16), 1),  // "21"
                    "digit 1 of the weight is 2, not 1 or 3, so it does not say whether the word ε is in the "
                    "language; the weight decides no word");
}

TEST_CASE("a word list is exactly the language", "[oracle]") {
  const language_prefix language = language_from_words({"0", "11", "101", "11"}, 3);
  CHECK(language.word_count() == 15);
  for (std::uint64_t p = 0; p < 15; ++p) {
    const std::string w = shortlex_word(p);
    CHECK(language.contains(w) == (w == "0" || w == "11" || w == "101"));
  }
  CHECK(language.count_of_length(2) == 1);
  CHECK(language.count_of_length(3) == 1);
  CHECK_FALSE(language.contains("0000"));  // longer than the prefix
  CHECK_THROWS_WITH(language_from_words({"0110"}, 3),
                    "the word '0110' is longer than the longest words the weight decides (length 3)");
  CHECK_THROWS_WITH(language_from_words({"0a"}, 3), "the word '0a' has the character 'a': words are over 0 and 1");
}

TEST_CASE("the length of a prefix is limited by the size of a number in a file", "[oracle]") {
  CHECK_NOTHROW(check_language_prefix_length(16));
  CHECK_THROWS_WITH(check_language_prefix_length(17),
                    "the words of length up to 17 need a weight of 2^18 - 1 base-4 digits, whose denominator has "
                    "more than 100000 decimal digits, the most a number in a network file may have; the length is "
                    "at most 16");
  CHECK_THROWS_AS(language_prefix(17), input_error);
  // The largest weight is a number the file format holds.
  CHECK_FALSE(number_size_problem(language_weight(language_prefix(16))).has_value());
}

TEST_CASE("a machine's language is its direct run on every word", "[oracle]") {
  const turing_machine machine = load_machine_file(std::string(NNSIM_SOURCE_DIR) + "/networks/machines/even_ones.tm");
  const language_prefix language = language_from_machine(machine, 4, 100000);
  for (std::uint64_t p = 0; p < language.word_count(); ++p) {
    const std::string w = shortlex_word(p);
    CHECK(language.contains(w) == (std::count(w.begin(), w.end(), '1') % 2 == 0));
  }
  // A machine that stays on a 1 for ever provably runs forever there: not in L.
  const turing_machine stay = parse_machine(
      "tape 0 1 _\nblank _\nstart q\naccept yes\nq 1 -> q 1 S\nq 0 -> yes 0 S\nq _ -> yes _ S\n", "stay.tm");
  CHECK(base4_digits(language_weight(language_from_machine(stay, 1, 100))) == "331");
  // One that walks off over fresh blanks is still running at the limit: an error, never a guess.
  const turing_machine walk = parse_machine(
      "tape 0 1 _\nblank _\nstart q\naccept yes\nq 0 -> q 0 R\nq 1 -> q 1 R\nq _ -> q _ R\n", "walk.tm");
  CHECK_THROWS_WITH(language_from_machine(walk, 1, 50),
                    "the machine neither halts nor repeats a configuration within 50 steps on the word '0': whether "
                    "it accepts it is not known (raise --max-steps)");
}

TEST_CASE("the demonstration languages", "[oracle]") {
  const language_prefix palindromes = language_from_demo(find_demo_language("palindromes"), 3);
  CHECK(base4_digits(language_weight(palindromes)) == "333311331311313");  // ε 0 1 00 11 000 010 101 111
  const language_prefix ones = language_from_demo(find_demo_language("ones-mod-3"), 3);
  CHECK(base4_digits(language_weight(ones)) == "331311131111113");  // ε 0 00 000 111
  CHECK_THROWS_WITH(find_demo_language("primes"),
                    "unknown demonstration language 'primes' (there are palindromes, ones-mod-3)");
}
