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

}  // namespace nnsim
