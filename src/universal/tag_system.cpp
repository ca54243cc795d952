#include "nnsim/universal/tag_system.hpp"

#include <algorithm>

namespace nnsim {

std::optional<tag_letter> tag_system::letter_index(std::string_view letter_name) const {
  const auto it = std::find(letters.begin(), letters.end(), letter_name);
  if (it == letters.end()) return std::nullopt;
  return static_cast<tag_letter>(it - letters.begin());
}

tag_letter tag_system::intern_letter(std::string_view letter_name) {
  if (const auto known = letter_index(letter_name)) return *known;
  letters.emplace_back(letter_name);
  productions.emplace_back();
  return static_cast<tag_letter>(letters.size() - 1);
}

bool tag_system::has_one_character_letters() const {
  return std::all_of(letters.begin(), letters.end(), [](const std::string& letter) { return letter.size() == 1; });
}

std::string tag_system::word_text(const tag_word& word) const {
  const bool compact = has_one_character_letters();
  std::string text;
  for (const tag_letter letter : word) {
    if (!compact && !text.empty()) text += ' ';
    text += letters.at(letter);
  }
  return text;
}

}  // namespace nnsim
