// The regular expressions of --expect-regex (word_pattern.hpp): every
// supported construct and many random patterns checked against an
// independent matcher (std::regex_match, ECMAScript, a backtracking engine)
// on every word up to a small length; long words and deep nesting that the
// backtracking engine cannot take; the errors, word for word, with their
// columns; the limits.
#include "nnsim/languages/word_pattern.hpp"
#include "nnsim/support/error.hpp"
#include "support/splitmix64.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

using namespace nnsim;

namespace {

// Every word over {0, 1} of length 0 ... max_length.
std::vector<std::string> words_up_to(std::size_t max_length) {
  std::vector<std::string> words{""};
  for (std::size_t begin = 0; words.back().size() < max_length;) {
    const std::size_t end = words.size();
    for (std::size_t k = begin; k < end; ++k) {
      words.push_back(words[k] + "0");
      words.push_back(words[k] + "1");
    }
    begin = end;
  }
  return words;
}

// The words up to `max_length` on which `pattern` and std::regex_match of
// `oracle` (the same language, in syntax std::regex knows) disagree.
std::vector<std::string> disagreements(const std::string& pattern, const std::string& oracle, std::size_t max_length) {
  const word_pattern ours(pattern);
  const std::regex theirs(oracle, std::regex::ECMAScript);
  std::vector<std::string> differ;
  for (const std::string& word : words_up_to(max_length)) {
    if (ours.matches(word) != std::regex_match(word, theirs)) differ.push_back(word);
  }
  return differ;
}

std::string error_of(const std::string& pattern) {
  try {
    word_pattern{pattern};
  } catch (const input_error& e) {
    return e.what();
  }
  return "(no error)";
}

// A random pattern in the syntax both matchers accept: symbols, classes,
// escapes, groups, alternatives (empty ones too), assertions anywhere, and
// every quantifier, greedy and lazy.
class pattern_generator {
 public:
  explicit pattern_generator(std::uint64_t seed) : random_(seed) {}

  std::string disjunction(int depth) {
    std::string text = alternative(depth);
    while (pick(4) == 0) text += "|" + alternative(depth);
    return text;
  }

 private:
  std::size_t pick(std::size_t n) { return static_cast<std::size_t>(random_.next() % n); }

  std::string alternative(int depth) {
    std::string text;
    const std::size_t terms = pick(4);
    for (std::size_t k = 0; k < terms; ++k) text += term(depth);
    return text;
  }

  std::string term(int depth) {
    static const std::vector<std::string> assertions{"^", "$", "\\b", "\\B"};
    if (pick(8) == 0) return assertions[pick(assertions.size())];
    std::string text = atom(depth);
    static const std::vector<std::string> quantifiers{"*",     "+",     "?",   "{0}",  "{1}",  "{2}",
                                                      "{1,3}", "{2,}",  "{0,2}", "*?", "+?", "??", "{1,2}?"};
    if (pick(3) == 0) text += quantifiers[pick(quantifiers.size())];
    return text;
  }

  std::string atom(int depth) {
    static const std::vector<std::string> atoms{"0",    "1",    "0",    "1",     "a",    ".",   "[01]", "[^0]",
                                                "[0-1]", "[^]", "[]",   "\\d",   "\\D",  "\\w", "\\s", "[1a-z]",
                                                "\\x31", "\\u0030", "[^\\d]", "\\."};
    if (depth > 0 && pick(3) == 0) return (pick(2) == 0 ? "(" : "(?:") + disjunction(depth - 1) + ")";
    return atoms[pick(atoms.size())];
  }

  splitmix64 random_;
};

}  // namespace

TEST_CASE("word pattern: each construct agrees with std::regex on every word up to length 10", "[word_pattern]") {
  // {pattern, the same language for std::regex ("" when the same text)}
  const std::vector<std::pair<std::string, std::string>> cases{
      {"", ""},
      {"0", ""},
      {"1[01]*", ""},
      {"(0|1)*01", ""},
      {"(00|11)*", ""},
      {"(1|11)*0", ""},
      {"0*1*0*", ""},
      {"(0|)(1|)", ""},
      {"|0", ""},
      {"0|", ""},
      {"(|)", ""},
      {"()", ""},
      {"(?:)", ""},
      {"(?:01)+", ""},
      {"(01)?1", ""},
      {"0*?1+?0??", ""},
      {"(0|1){3}", ""},
      {"(0|1){2,}", ""},
      {"(0|1){2,4}", ""},
      {"(0|1){0}", ""},
      {"(0|1){0,0}", ""},
      {"0{0,}1{1,1}", ""},
      {"(01){1,3}?0{2}?", ""},
      {"((0|1)(0|1))*", ""},
      {"(0*)*", ""},
      {"(0|1*)*1", ""},
      {"((0*1){2})*", ""},
      {"(?:(?:0|1)0){1,2}1*", ""},
      {".", ""},
      {".*1.", ""},
      {"[01]", ""},
      {"[^0]*", ""},
      {"[^1]+", ""},
      {"[0-1]{2}", ""},
      {"[1-9]*0", ""},
      {"[/-0]1", ""},
      {"[^]*0", ""},
      {"[]|1", ""},
      {"[0-]1", ""},
      {"[-1]*", ""},
      {"[\\d]0", ""},
      {"[\\D1]*", ""},
      {"[\\w]*", ""},
      {"[\\s0]*", ""},
      {"[^\\S]*", ""},
      {"[\\b0]", ""},
      {"\\d\\D?\\w*", ""},
      {"\\W|\\s|\\S1", ""},
      {"\\x30\\x31*", ""},
      {"\\u0031+", ""},
      {"\\.|\\*|\\(|0", ""},
      {"\\0|1", ""},
      {"\\cA|0", ""},
      {"a|0", ""},
      {"a*0", ""},
      {"0a*1", ""},
      {"(0|1)*a", ""},
      {"^0", ""},
      {"0$", ""},
      {"^(0|1)*$", ""},
      {"0^1", ""},
      {"0$1", ""},
      {"$^", ""},
      {"(^|0)1", ""},
      {"(0|^)*1", ""},
      {"(0|1)*($|0)", ""},
      {"1(0$|1)*", ""},
      {"(^0|1)*", ""},
      {"\\b", ""},
      {"\\B", ""},
      {"\\b0*\\b", ""},
      {"0\\B1", ""},
      {"0\\b1", ""},
      {"(\\b0|1\\B)*", ""},
      {"]|}", ""},
      {"(?<first>0)1*", "(0)1*"},
  };
  const std::size_t max_length = 10;
  for (const auto& [pattern, oracle] : cases) {
    INFO("pattern " << pattern);
    CHECK(disagreements(pattern, oracle.empty() ? pattern : oracle, max_length).empty());
  }
}

TEST_CASE("word pattern: random patterns agree with std::regex on every word up to length 7", "[word_pattern]") {
  pattern_generator generator(20240611);
  for (int k = 0; k < 1500; ++k) {
    const std::string pattern = generator.disjunction(3);
    INFO("pattern " << pattern);
    CHECK(disagreements(pattern, pattern, 7).empty());
    // Without counted repetition, at most 3 states per character, plus 2
    // (the empty pattern: one empty word and the match state).
    if (pattern.find('{') == std::string::npos) CHECK(word_pattern(pattern).state_count() <= 3 * pattern.size() + 2);
  }
}

TEST_CASE("word pattern: full match on words the backtracking matcher cannot take", "[word_pattern]") {
  // std::regex overflows the stack on (0|1)* for a 20,000-character word and
  // backtracks exponentially on (1|11)*0 for a 40-character word of ones.
  const word_pattern any("(0|1)*");
  std::string word(20'000, '0');
  for (std::size_t k = 0; k < word.size(); k += 3) word[k] = '1';
  CHECK(any.matches(word));
  CHECK(any.matches(std::string(1'000'000, '1')));
  CHECK_FALSE(any.matches(word + "2"));

  const word_pattern ones_then_zero("(1|11)*0");
  CHECK(ones_then_zero.matches(std::string(100'000, '1') + "0"));
  CHECK_FALSE(ones_then_zero.matches(std::string(100'000, '1')));
  CHECK_FALSE(ones_then_zero.matches(std::string(99'999, '1') + "00"));
  CHECK_FALSE(word_pattern("(1|11)*0$0").matches(std::string(40, '1') + "00"));

  // The 21st letter from the end is 1: 2^21 states as a DFA, 89 as an NFA.
  const word_pattern late_one("(0|1)*1(0|1){20}");
  std::string late(100'000, '0');
  late[late.size() - 21] = '1';
  CHECK(late_one.matches(late));
  late[late.size() - 21] = '0';
  late[late.size() - 20] = '1';
  CHECK_FALSE(late_one.matches(late));
}

TEST_CASE("word pattern: deep nesting costs no stack", "[word_pattern]") {
  const std::size_t depth = (max_pattern_length - 1) / 2;
  const word_pattern nested(std::string(depth, '(') + "0" + std::string(depth, ')'));
  CHECK(nested.matches("0"));
  CHECK_FALSE(nested.matches("00"));

  std::string stars;
  for (int k = 0; k < 19'999; ++k) stars += "(?:";
  stars += "0";
  for (int k = 0; k < 19'999; ++k) stars += ")*";
  const word_pattern deep_star(stars);
  CHECK(deep_star.matches(""));
  CHECK(deep_star.matches("000"));
  CHECK_FALSE(deep_star.matches("010"));

  CHECK(error_of(std::string(max_pattern_length, '(')) == "regular expression: column 100000: '(' is not closed");
}

TEST_CASE("word pattern: named groups group", "[word_pattern]") {
  const word_pattern named("(?<a>0|1)(?<b_2$>1)*");
  CHECK(named.matches("0"));
  CHECK(named.matches("111"));
  CHECK_FALSE(named.matches(""));
  CHECK_FALSE(named.matches("10"));
}

TEST_CASE("word pattern: malformed and unsupported patterns, with their columns", "[word_pattern]") {
  const auto error = [](std::size_t column, const std::string& reason) {
    return "regular expression: column " + std::to_string(column) + ": " + reason;
  };
  // Groups.
  CHECK(error_of("(01") == error(1, "'(' is not closed"));
  CHECK(error_of("0(1(0)") == error(2, "'(' is not closed"));
  CHECK(error_of("01)") == error(3, "')' without a matching '('"));
  CHECK(error_of("0(?=1)") == error(2, "lookahead '(?=' is not supported (only regular constructs are)"));
  CHECK(error_of("(?!1)0") == error(1, "lookahead '(?!' is not supported (only regular constructs are)"));
  CHECK(error_of("(?<=1)0") == error(1, "lookbehind '(?<=' is not supported (only regular constructs are)"));
  CHECK(error_of("0(?<!1)") == error(2, "lookbehind '(?<!' is not supported (only regular constructs are)"));
  CHECK(error_of("(?i)0") ==
        error(1, "unknown group '(?i' (the groups are (...), (?:...) and (?<name>...))"));
  CHECK(error_of("(?") == error(1, "unknown group '(?' (the groups are (...), (?:...) and (?<name>...))"));
  CHECK(error_of("(?<a0") == error(1, "the group name after '(?<' is not closed by '>'"));
  CHECK(error_of("(?<>0)") == error(1, "the group name after '(?<' is empty"));
  CHECK(error_of("1(?<a-b>0)") == error(6, "'-' cannot be part of a group name"));
  CHECK(error_of("(?<1a>0)") == error(4, "'1' cannot be part of a group name"));
  // Backreferences.
  CHECK(error_of("(0)\\1") == error(4, "the backreference '\\1' is not supported (only regular constructs are)"));
  CHECK(error_of("(0)\\12") == error(4, "the backreference '\\12' is not supported (only regular constructs are)"));
  CHECK(error_of("(?<a>0)\\k<a>") ==
        error(8, "the named backreference '\\k' is not supported (only regular constructs are)"));
  // Quantifiers.
  CHECK(error_of("*0") == error(1, "'*' has nothing to repeat"));
  CHECK(error_of("0|+1") == error(3, "'+' has nothing to repeat"));
  CHECK(error_of("(?1)") == error(1, "unknown group '(?1' (the groups are (...), (?:...) and (?<name>...))"));
  CHECK(error_of("(?:?)") == error(4, "'?' has nothing to repeat"));
  CHECK(error_of("{2}") == error(1, "'{2}' has nothing to repeat"));
  CHECK(error_of("^*") == error(2, "'*' cannot repeat an assertion ('^', '$', '\\b', '\\B')"));
  CHECK(error_of("0\\b+") == error(4, "'+' cannot repeat an assertion ('^', '$', '\\b', '\\B')"));
  CHECK(error_of("0**") ==
        error(3, "'*' cannot follow another quantifier (group the repeated part: (?:x{2}){3})"));
  CHECK(error_of("0*??") ==
        error(4, "'?' cannot follow another quantifier (group the repeated part: (?:x{2}){3})"));
  CHECK(error_of("(0|1){2}{3}") ==
        error(9, "'{3}' cannot follow another quantifier (group the repeated part: (?:x{2}){3})"));
  const std::string not_a_quantifier =
      "'{' does not start a quantifier {m}, {m,} or {m,n} (the character is written '\\{')";
  CHECK(error_of("0{") == error(2, not_a_quantifier));
  CHECK(error_of("0{1") == error(2, not_a_quantifier));
  CHECK(error_of("0{,2}") == error(2, not_a_quantifier));
  CHECK(error_of("0{1,2") == error(2, not_a_quantifier));
  CHECK(error_of("0{a}") == error(2, not_a_quantifier));
  CHECK(error_of("{") == error(1, not_a_quantifier));
  CHECK(error_of("01{3,2}") == error(3, "the quantifier '{3,2}' has its bounds out of order"));
  // Classes.
  CHECK(error_of("[01") == error(1, "'[' is not closed"));
  CHECK(error_of("0[^") == error(2, "'[' is not closed"));
  CHECK(error_of("[0\\]") == error(1, "'[' is not closed"));
  CHECK(error_of("[1-0]") == error(2, "the range '1-0' is out of order"));
  CHECK(error_of("[\\d-1]") == error(2, "'\\d' cannot start a range ('\\d-1')"));
  CHECK(error_of("[0-\\w]") == error(4, "'\\w' cannot end a range ('0-\\w')"));
  CHECK(error_of("[\\q]") == error(2, "unknown escape '\\q'"));
  CHECK(error_of("[\\B]") == error(2, "unknown escape '\\B'"));
  // Escapes.
  CHECK(error_of("0\\") == error(2, "'\\' at the end of the pattern"));
  CHECK(error_of("[0\\") == error(3, "'\\' at the end of the pattern"));
  CHECK(error_of("\\q") == error(1, "unknown escape '\\q'"));
  CHECK(error_of("0\\p{L}") == error(2, "unknown escape '\\p'"));
  CHECK(error_of("\\x3") == error(1, "'\\x' needs two hexadecimal digits"));
  CHECK(error_of("\\u003") == error(1, "'\\u' needs four hexadecimal digits"));
  CHECK(error_of("\\c1") == error(1, "'\\c' needs a letter"));
  CHECK(error_of("\\01") == error(1, "the octal escape '\\01' is not supported"));
}

TEST_CASE("word pattern: characters other than 0 and 1", "[word_pattern]") {
  // Legal literals that no word over {0, 1} contains; a UTF-8 character is
  // one character, so its quantifier repeats all of it.
  CHECK(word_pattern("é*1").matches("1"));
  CHECK_FALSE(word_pattern("é1").matches("1"));
  CHECK(word_pattern("[é-ü]|0").matches("0"));
  CHECK(error_of("[ü-é]") == "regular expression: column 2: the range 'ü-é' is out of order");
  CHECK(word_pattern("[^é]").matches("1"));
  // A word with another character matches nothing, not even ".".
  CHECK_FALSE(word_pattern(".").matches("a"));
  CHECK_FALSE(word_pattern("a").matches("a"));
}

TEST_CASE("word pattern: the limits of the pattern and of its automaton", "[word_pattern]") {
  CHECK(error_of(std::string(max_pattern_length + 1, '0')) ==
        "regular expression: the pattern has 100001 characters, more than the limit of 100000");
  CHECK(word_pattern(std::string(max_pattern_length, '0')).matches(std::string(max_pattern_length, '0')));

  // The automaton: one state per symbol, a join per repetition, the match state.
  CHECK(word_pattern("0").state_count() == 2);
  CHECK(word_pattern("0{999998}").state_count() == max_pattern_states);
  CHECK(error_of("0{999999}") ==
        "regular expression: column 2: the quantifier '{999999}' makes the automaton larger than 1000000 states");
  CHECK(error_of("((0|1){1000}){1000}") ==
        "regular expression: column 14: the quantifier '{1000}' makes the automaton larger than 1000000 states");
  CHECK(error_of("0{99999999999999999999}") ==
        "regular expression: column 2: the quantifier '{99999999999999999999}' makes the automaton larger than "
        "1000000 states");
  CHECK(error_of("(0{0,1000}){2000,}?") ==
        "regular expression: column 12: the quantifier '{2000,}?' makes the automaton larger than 1000000 states");
  // A pattern without counted repetition stays far below the limit.
  std::string alternatives = "0";
  while (alternatives.size() + 2 <= max_pattern_length) alternatives += "|0";
  CHECK(word_pattern(alternatives).state_count() < max_pattern_states / 3);
}
