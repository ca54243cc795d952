// The regular-expression parser and matcher of recognize --expect-regex
// (word_pattern.hpp).  Any text either compiles or is refused with an
// input_error naming a column inside the pattern.  A pattern that compiles
// must give the same answers, on every word of length at most 6, as the
// same pattern in a non-capturing group, and as its alternation with itself:
// the two rewrites go through other paths of the parser and the compiler but
// denote the same language.
#include "fuzz_check.hpp"

#include "nnsim/languages/word_pattern.hpp"

#include <string>

namespace {

// Every word over {0, 1} of length 0..6 (127 words), and one with another
// character, which no pattern over {0, 1} matches.
template <class Visit>
void for_each_word(Visit visit) {
  for (std::size_t n = 0; n <= 6; ++n) {
    for (std::uint32_t bits = 0; bits < (1u << n); ++bits) {
      std::string word(n, '0');
      for (std::size_t i = 0; i < n; ++i) {
        if ((bits >> (n - 1 - i)) & 1u) word[i] = '1';
      }
      visit(word);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string pattern(nnsim::fuzz::as_text(data, size));
  try {
    const nnsim::word_pattern compiled(pattern);
    nnsim::fuzz::require(compiled.state_count() <= nnsim::max_pattern_states, "an automaton over the state limit");
    nnsim::fuzz::require(!compiled.matches("012"), "a word with the character 2 matched");
    try {
      const nnsim::word_pattern grouped("(?:" + pattern + ")");
      const nnsim::word_pattern doubled(pattern + "|" + pattern);
      for_each_word([&](const std::string& word) {
        const bool expected = compiled.matches(word);
        nnsim::fuzz::require(grouped.matches(word) == expected, "(?:P) differs from P on '" + word + "'");
        nnsim::fuzz::require(doubled.matches(word) == expected, "P|P differs from P on '" + word + "'");
      });
    } catch (const nnsim::input_error& e) {
      // The rewrites may pass the size limits that P just met; nothing else.
      const std::string message = e.what();
      nnsim::fuzz::require(message.find("larger than") != std::string::npos ||
                               message.find("more than the limit") != std::string::npos,
                           "a rewrite of an accepted pattern was refused: " + message);
    }
  } catch (const nnsim::input_error& e) {
    nnsim::fuzz::check_diagnostic(e);
  }
  return 0;
}
