// The syntax tree of a word pattern (word_pattern.hpp): the parser of the
// ECMAScript regular-expression subset that --expect-regex accepts
// (languages.md, "Regular expressions").
//
// The pattern describes a language over {0, 1}, so every character, class
// and escape is reduced at once to the set of the two symbols it matches (a
// two-bit mask); a character other than 0 and 1 is a legal literal whose set
// is empty.  What the tree keeps is exactly what decides the language:
// symbol sets, the four zero-width assertions, concatenation, alternation
// and counted repetition (greedy and lazy forms describe the same language
// under a full match, and groups only group).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nnsim {

enum class pattern_node_kind : std::uint8_t {
  symbols,        // one character of the set `symbols`
  assertion,      // ^, $, \b or \B: no character
  concatenation,  // the children in order (none: the empty word)
  alternation,    // one of the children (at least two)
  repetition,     // the one child, `min` to `max` times
};

enum class pattern_assertion : std::uint8_t {
  word_start,         // ^: at position 0
  word_end,           // $: at position n
  word_boundary,      // \b: between a word character and a non-word one
  not_word_boundary,  // \B
};

// The set of symbols of a `symbols` node: bit 0 for '0', bit 1 for '1'.
inline constexpr std::uint8_t symbol_zero = 1;
inline constexpr std::uint8_t symbol_one = 2;
inline constexpr std::uint8_t symbol_both = symbol_zero | symbol_one;

// `max` of a repetition without an upper bound (*, +, {m,}).
inline constexpr std::uint32_t unbounded = UINT32_MAX;

struct pattern_node {
  pattern_node_kind kind = pattern_node_kind::concatenation;
  std::uint8_t symbols = 0;                                  // symbols
  pattern_assertion assertion = pattern_assertion::word_start;  // assertion
  std::uint32_t min = 0;                                     // repetition
  std::uint32_t max = 0;                                     // repetition; `unbounded` for no bound
  std::size_t column = 0;                                    // 1-based byte column where the node starts
                                                             // (repetition: of its quantifier)
  std::size_t length = 0;                                    // repetition: bytes of the quantifier ("{2,5}?")
  std::vector<std::uint32_t> children;                       // indices into pattern_syntax::nodes
};

// The nodes in post-order: a node's children come before it, and the nodes
// of every subtree are consecutive and end with the subtree's root.
// Everything that walks the tree can therefore go through `nodes` in index
// order, without recursion.
struct pattern_syntax {
  std::vector<pattern_node> nodes;
  std::uint32_t root = 0;
};

// Parses `pattern` with explicit stacks (no recursion, so nesting depth costs
// memory, never the call stack).  Throws input_error
// "regular expression: column C: REASON" for a malformed pattern or a
// construct outside the regular subset (backreferences, lookaround), and
// "regular expression: ..." for a pattern longer than max_pattern_length
// (word_pattern.hpp).
pattern_syntax parse_word_pattern(std::string_view pattern);

}  // namespace nnsim
