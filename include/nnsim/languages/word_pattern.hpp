// A regular expression over the binary words, matched in linear time: the
// expectation `recognize --expect-regex RE` compares a recognizer with
// (languages.md, "Regular expressions").
//
// The pattern is ECMAScript syntax, restricted to its regular part, and
// always matches the whole word.  It is parsed into a syntax tree and
// compiled into a Thompson NFA (K. Thompson, "Regular expression search
// algorithm", CACM 11(6), 1968), which is simulated with a set of states per
// position of the word: matching costs O(n * m) time for a word of length n
// and an automaton of m states, at most O(m) memory, and no recursion, so
// neither a long word nor a deeply nested pattern can exhaust the call stack
// or backtrack exponentially.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nnsim {

// The longest pattern accepted, in bytes.
inline constexpr std::size_t max_pattern_length = 100'000;

// The most states the automaton of a pattern may have.  A pattern without
// counted repetition ({m}, {m,}, {m,n}) has at most 3 states per character
// (plus 2), so only repetition can reach the limit: x{m,n} holds max(n, m, 1) copies of
// x's automaton (n: the m mandatory and n - m optional copies).
inline constexpr std::size_t max_pattern_states = 1'000'000;

class word_pattern {
 public:
  // Parses and compiles `pattern`.  Throws input_error
  // "regular expression: column C: REASON" (C the 1-based byte column) for a
  // malformed pattern, an unsupported construct or an automaton of more than
  // max_pattern_states states, and "regular expression: ..." for a pattern
  // longer than max_pattern_length bytes.
  explicit word_pattern(std::string_view pattern);

  // Whether the whole of `word` matches (ECMAScript full match).  The pattern
  // describes a language over {0, 1}: a word with any other character does
  // not match.  Safe to call from several threads at once.
  bool matches(std::string_view word) const;

  // The number of states of the automaton (at most max_pattern_states).
  std::size_t state_count() const { return states_.size(); }

 private:
  enum class state_kind : std::uint8_t {
    symbols,    // reads one character in `symbols`, then goes to `out`
    epsilon,    // goes to `out`
    split,      // goes to `out` and to `out1`
    assertion,  // goes to `out` when its assertion holds at the position
    match,      // the whole word has been read: accept
  };
  struct state {
    state_kind kind = state_kind::epsilon;
    std::uint8_t detail = 0;  // symbols: the symbol mask; assertion: the assertion
    std::uint32_t out = 0;
    std::uint32_t out1 = 0;
  };
  class compiler;

  std::vector<state> states_;
  std::uint32_t entry_ = 0;
};

}  // namespace nnsim
