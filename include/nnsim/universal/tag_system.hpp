// A 2-tag system (E. Post, 1943; M. Minsky, "Recursive unsolvability of
// Post's problem of 'Tag'", Annals of Mathematics 74, 1961): a finite set of
// letters, each with a production (a word) or none (a halting letter).  A
// step reads the first letter of the word, deletes the first two letters and
// appends the first letter's production.  The exact semantics and the file
// format (`.tag`) are in docs/tag-systems.md.
#pragma once

#include "nnsim/support/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

using tag_letter = std::uint32_t;   // letter index
using tag_word = std::vector<tag_letter>;

class tag_system {
 public:
  std::string name;
  std::string source_name;                 // for messages; empty when built in memory
  std::vector<std::string> source_lines;
  std::vector<std::string> letters;        // letter index -> name, in order of first appearance
  // By letter index: the production, or nothing for a halting letter.
  std::vector<std::optional<tag_word>> productions;

  std::size_t letter_count() const { return letters.size(); }
  bool halts_on(tag_letter letter) const { return !productions[letter]; }
  std::optional<tag_letter> letter_index(std::string_view letter_name) const;
  // Adds a letter without a production (a halting letter until one is set);
  // returns the existing index when the name is known.
  tag_letter intern_letter(std::string_view letter_name);

  // Whether every letter's name is one character: then a word may be
  // written compactly, `baa` for `b a a` (docs/tag-systems.md).
  bool has_one_character_letters() const;
  // The word as the format writes it: compactly when every letter is one
  // character, else the letters separated by spaces; the empty word is "".
  std::string word_text(const tag_word& word) const;
};

}  // namespace nnsim
