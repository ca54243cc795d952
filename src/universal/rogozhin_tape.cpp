// Rogozhin's tape of a 2-tag system and its word, and the word read back
// (docs/tag-systems.md, "Rogozhin's tape").  The layout is Rogozhin's (TCS
// 168, 1996); the example of the paper (P(a1) = a1 a1, a2 halting, word
// a1 a1 a2: 517 transitions) and the larger one (124,767 transitions) are
// checked against the machine's table in tests/rogozhin_tape_test.cpp.
#include "nnsim/universal/rogozhin_tape.hpp"

#include "nnsim/universal/rogozhin_form.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace nnsim {

std::vector<std::uint64_t> rogozhin_block_lengths(const tag_system& system, const std::vector<tag_letter>& order) {
  if (const auto why = rogozhin_form_violation(system, order)) {
    throw input_error(fmt::format("tag system {} is not in Rogozhin's form: {}",
                                  system.name.empty() ? system.source_name : system.name, *why));
  }
  std::vector<std::uint64_t> lengths;
  std::uint64_t written = 0;  // Σ_{j<i} |P(aj)|
  for (const tag_letter letter : order) {
    lengths.push_back(1 + 2 * written);
    if (!system.halts_on(letter)) written += system.productions[letter]->size();
  }
  return lengths;
}

rogozhin_tape make_rogozhin_tape(const tag_system& system, const std::vector<tag_letter>& order,
                                 const tag_word& word) {
  const std::vector<std::uint64_t> n_of_position = rogozhin_block_lengths(system, order);
  if (word.size() < 2) {
    throw input_error(fmt::format("the word has {} letter{}; Rogozhin's tape needs at least 2", word.size(),
                                  word.size() == 1 ? "" : "s"));
  }
  std::vector<std::uint64_t> n_of_letter(system.letter_count());
  for (std::size_t i = 0; i < order.size(); ++i) n_of_letter[order[i]] = n_of_position[i];
  for (const tag_letter x : word) {
    if (x >= system.letter_count()) throw input_error(fmt::format("letter index {} is not in the tag system", x));
  }
  const std::size_t n = order.size() - 1;
  const std::uint64_t n_an = n_of_position[n - 1];

  rogozhin_tape tape;
  std::string& cells = tape.cells;
  cells = "<b";
  for (std::size_t i = n; i-- > 0;) {
    const tag_word& production = *system.productions[order[i]];
    cells += "b1";
    // Bi from its last letter to its first, then an (the leading an an is
    // implied), then the padding that makes every production's record end
    // N(an) − N(ai) cells further.
    for (std::size_t k = production.size(); k-- > 2;) {
      cells += 'b';
      cells.append(n_of_letter[production[k]], '1');
      cells += 'b';
    }
    cells += 'b';
    cells.append(n_an, '1');
    cells += 'b';
    cells += 'b';
    cells.append(n_an - n_of_position[i], '1');
  }
  cells += 'b';
  tape.head = cells.size();
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (k > 0) cells += 'c';
    cells.append(n_of_letter[word[k]], '1');
  }
  return tape;
}

tag_word decode_rogozhin_tape(const tag_system& system, const std::vector<tag_letter>& order,
                              std::string_view cells) {
  const std::vector<std::uint64_t> n_of_position = rogozhin_block_lengths(system, order);
  const std::size_t c = cells.find('c');
  if (c == std::string_view::npos) throw input_error("the tape holds no 'c', so no tag word");
  std::size_t end = cells.size();
  while (end > c + 1 && cells[end - 1] == '0') --end;

  auto letters_text = [&] {
    std::vector<std::string> items;
    for (std::size_t i = 0; i < order.size(); ++i) {
      items.push_back(fmt::format("{} ({})", n_of_position[i], system.letters[order[i]]));
    }
    return fmt::format("{}", fmt::join(items, ", "));
  };
  tag_word word;
  if (end == c + 1) return word;
  std::size_t i = c + 1;
  while (i <= end) {
    const std::size_t start = i;
    while (i < end && cells[i] == '1') ++i;
    if (i < end && cells[i] != 'c') {
      throw input_error(fmt::format("cell {} of the tape holds '{}', but right of the first 'c' (cell {}) only blocks "
                                    "of 1s separated by 'c' may stand",
                                    i, cells[i], c));
    }
    const std::uint64_t length = i - start;
    if (length == 0) {
      throw input_error(fmt::format("the tape has an empty block at cell {}: a letter is a block of 1s", start));
    }
    const auto at = std::find(n_of_position.begin(), n_of_position.end(), length);
    if (at == n_of_position.end()) {
      throw input_error(fmt::format("the block of {} 1s at cell {} is no letter; the letters' blocks have lengths {}",
                                    length, start, letters_text()));
    }
    word.push_back(order[static_cast<std::size_t>(at - n_of_position.begin())]);
    ++i;  // past the 'c', or past the end
  }
  return word;
}

tag_word rogozhin_final_word(const tag_system& system, const tag_word& halted_word) {
  if (halted_word.size() < 2 || !system.halts_on(halted_word[0])) {
    throw input_error(fmt::format("'{}' is not a word a system in Rogozhin's form halts on: it must start with the "
                                  "halting letter and have at least 2 letters",
                                  system.word_text(halted_word)));
  }
  tag_word word(halted_word.begin() + 2, halted_word.end());
  word.push_back(halted_word[0]);
  return word;
}

}  // namespace nnsim
