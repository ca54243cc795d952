#include "languages/word_quoting.hpp"

#include "support/look_alike_characters.hpp"

#include <fmt/format.h>

namespace nnsim {

// A word can be long (a tape of a Turing-machine construction), so the
// message quotes at most this many characters of it.
constexpr std::size_t max_quoted_word = 40;

std::string quoted_word(std::string_view word) {
  if (word.size() <= max_quoted_word) return fmt::format("'{}'", word);
  // Cut before a UTF-8 continuation byte, never inside a character.
  std::size_t cut = max_quoted_word;
  while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("'{}…' ({} bytes)", word.substr(0, cut), word.size());
}

// A non-printable or non-ASCII byte (part of a UTF-8 character) is shown by
// its code, so the message never contains a broken character; a character
// copied from a slide (a curly quote the shell does not remove) is named.
std::string quoted_character(std::string_view word, std::size_t i) {
  if (const auto look_alike = look_alike_at(word, i)) return describe_look_alike(*look_alike);
  const char c = word[i];
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x20 && byte < 0x7f) return fmt::format("character '{}'", c);
  return fmt::format("byte 0x{:02X}", byte);
}

}  // namespace nnsim
