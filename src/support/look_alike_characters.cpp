#include "support/look_alike_characters.hpp"

#include "support/text.hpp"  // show_character

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace nnsim {
namespace {

// Sorted by code point.  Only characters that a reader of the lecture's
// notation would type for an ASCII one (x₁ for x1 too); letters that merely
// resemble Latin ones (Cyrillic, Greek) are left to the readers' own
// messages.
constexpr auto table = std::to_array<look_alike_character>({
    {0x00A0, "NO-BREAK SPACE", " "},
    {0x00B7, "MIDDLE DOT", "*"},
    {0x00D7, "MULTIPLICATION SIGN", "*"},
    {0x00F7, "DIVISION SIGN", "/"},
    {0x2009, "THIN SPACE", " "},
    {0x2010, "HYPHEN", "-"},
    {0x2011, "NON-BREAKING HYPHEN", "-"},
    {0x2012, "FIGURE DASH", "-"},
    {0x2013, "EN DASH", "-"},
    {0x2014, "EM DASH", "-"},
    {0x2018, "LEFT SINGLE QUOTATION MARK", "'"},
    {0x2019, "RIGHT SINGLE QUOTATION MARK", "'"},
    {0x201C, "LEFT DOUBLE QUOTATION MARK", "\""},
    {0x201D, "RIGHT DOUBLE QUOTATION MARK", "\""},
    {0x2022, "BULLET", "*"},
    {0x2044, "FRACTION SLASH", "/"},
    {0x2080, "SUBSCRIPT ZERO", "0"},
    {0x2081, "SUBSCRIPT ONE", "1"},
    {0x2082, "SUBSCRIPT TWO", "2"},
    {0x2083, "SUBSCRIPT THREE", "3"},
    {0x2084, "SUBSCRIPT FOUR", "4"},
    {0x2085, "SUBSCRIPT FIVE", "5"},
    {0x2086, "SUBSCRIPT SIX", "6"},
    {0x2087, "SUBSCRIPT SEVEN", "7"},
    {0x2088, "SUBSCRIPT EIGHT", "8"},
    {0x2089, "SUBSCRIPT NINE", "9"},
    {0x202F, "NARROW NO-BREAK SPACE", " "},
    {0x2192, "RIGHTWARDS ARROW", "->"},
    {0x2212, "MINUS SIGN", "-"},
    {0x2215, "DIVISION SLASH", "/"},
    {0x2217, "ASTERISK OPERATOR", "*"},
    {0x2219, "BULLET OPERATOR", "*"},
    {0x22C5, "DOT OPERATOR", "*"},
    {0xFF0B, "FULLWIDTH PLUS SIGN", "+"},
    {0xFF0C, "FULLWIDTH COMMA", ","},
    {0xFF0D, "FULLWIDTH HYPHEN-MINUS", "-"},
    {0xFF1D, "FULLWIDTH EQUALS SIGN", "="},
});

}  // namespace

std::optional<look_alike_character> look_alike_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || static_cast<unsigned char>(text[pos]) < 0x80) return std::nullopt;
  const shown_character c = show_character(text, pos);
  if (c.bytes == 1) return std::nullopt;  // invalid UTF-8 or a lone byte
  const auto entry =
      std::find_if(table.begin(), table.end(), [&](const look_alike_character& e) { return e.code_point == c.code_point; });
  if (entry == table.end()) return std::nullopt;
  return *entry;
}

std::optional<found_look_alike> find_look_alike(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (auto c = look_alike_at(text, pos)) return found_look_alike{pos, *c};
  }
  return std::nullopt;
}

std::string utf8_of(const look_alike_character& c) {
  const char32_t cp = c.code_point;
  std::string out;
  if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (cp & 0x3F));
  return out;
}

std::string describe_look_alike(const look_alike_character& c) {
  const auto code = fmt::format("U+{:04X} {}", static_cast<std::uint32_t>(c.code_point), c.name);
  if (c.ascii == " ") return code;  // shown as itself it would be invisible
  return fmt::format("'{}' ({})", utf8_of(c), code);
}

std::string ascii_replacement(const look_alike_character& c) {
  if (c.ascii == " ") return "an ASCII space";
  return fmt::format("ASCII '{}'", c.ascii);
}

std::string look_alike_message(const look_alike_character& c) {
  const std::string ascii = ascii_replacement(c);
  return fmt::format("{} is not {}; use {}", describe_look_alike(c), ascii, ascii);
}

}  // namespace nnsim
