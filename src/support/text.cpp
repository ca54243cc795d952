#include "support/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace nnsim {
namespace {

constexpr std::size_t max_quoted_length = 40;
constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

bool is_identifier(std::string_view word) {
  if (word.empty() || !starts_identifier(word.front()) || word.back() == '.') return false;
  return std::all_of(word.begin(), word.end(), continues_identifier);
}

std::string shorten(std::string_view text) {
  std::string shown;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const shown_character c = show_character(text, pos);
    // Cut at a character's start, never inside a UTF-8 sequence.
    if (pos + c.bytes > max_quoted_length && text.size() > max_quoted_length) return shown + "...";
    append_shown(shown, text, pos, c);
    pos += c.bytes;
  }
  return shown;
}

shown_character show_character(std::string_view text, std::size_t pos, bool keep_tab) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte >= 0x20 && byte < 0x7f) return {1, 1, byte, false};
  if (byte == '\t') return keep_tab ? shown_character{1, 8, byte, false} : shown_character{1, 2, byte, true};
  const shown_character invalid{1, 4, byte, true};
  // The length and the smallest code point of a UTF-8 sequence by its
  // first byte (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
  std::size_t length = 0;
  char32_t smallest = 0;
  if (byte >= 0xC2 && byte <= 0xDF) {
    length = 2, smallest = 0x80;
  } else if (byte >= 0xE0 && byte <= 0xEF) {
    length = 3, smallest = 0x800;
  } else if (byte >= 0xF0 && byte <= 0xF4) {
    length = 4, smallest = 0x10000;
  } else {
    return invalid;  // a control byte, DEL, a continuation byte or a byte no UTF-8 uses
  }
  if (pos + length > text.size()) return invalid;
  char32_t code_point = byte & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0) != 0x80) return invalid;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < smallest || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return invalid;
  const bool invisible = code_point <= 0x9F || code_point == 0x2028 || code_point == 0x2029 ||
                         (code_point >= 0x202A && code_point <= 0x202E) ||
                         (code_point >= 0x2066 && code_point <= 0x2069) || code_point == 0xFEFF;
  if (invisible) return {length, 6, code_point, true};
  // Combining marks take no column of their own, East Asian wide
  // characters and emoji take two (the common blocks; a rare character
  // may misplace a caret by a column, never hide anything).
  const auto in = [code_point](char32_t low, char32_t high) { return code_point >= low && code_point <= high; };
  std::size_t width = 1;
  if (in(0x0300, 0x036F) || in(0x200B, 0x200F) || in(0xFE00, 0xFE0F)) {
    width = 0;
  } else if (in(0x1100, 0x115F) || in(0x2E80, 0x303E) || in(0x3041, 0x33FF) || in(0x3400, 0x4DBF) ||
             in(0x4E00, 0x9FFF) || in(0xA000, 0xA4CF) || in(0xAC00, 0xD7A3) || in(0xF900, 0xFAFF) ||
             in(0xFE30, 0xFE4F) || in(0xFF00, 0xFF60) || in(0xFFE0, 0xFFE6) || in(0x1F300, 0x1F64F) ||
             in(0x1F900, 0x1F9FF) || in(0x20000, 0x3FFFD)) {
    width = 2;
  }
  return {length, width, code_point, false};
}

void append_shown(std::string& out, std::string_view text, std::size_t pos, const shown_character& c) {
  if (!c.escaped) {
    out.append(text.substr(pos, c.bytes));
  } else if (c.code_point == '\t') {
    out += "\\t";
  } else if (c.bytes == 1) {
    out += fmt::format("\\x{:02x}", static_cast<unsigned>(c.code_point));
  } else {
    out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(c.code_point));
  }
}

std::string escape_for_terminal(std::string_view text) {
  std::string shown;
  for (std::size_t pos = 0; pos < text.size();) {
    const shown_character c = show_character(text, pos);
    append_shown(shown, text, pos, c);
    pos += c.bytes;
  }
  return shown;
}

std::string escape_lines_for_terminal(std::string_view text) {
  std::string shown;
  for (std::size_t pos = 0; pos < text.size();) {
    if (text[pos] == '\n') {
      shown += '\n';
      ++pos;
      continue;
    }
    const shown_character c = show_character(text, pos, true);
    append_shown(shown, text, pos, c);
    pos += c.bytes;
  }
  return shown;
}

std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const shown_character c = show_character(text, pos);
    if (c.escaped) {
      // A control byte (a line break, a tab) becomes a space; an invalid
      // byte or an invisible character shows as U+FFFD.
      const bool spacing = (c.bytes == 1 && c.code_point < 0x20) || c.code_point == 0x2028 || c.code_point == 0x2029;
      out += spacing ? std::string_view(" ") : replacement_character;
    } else if (c.code_point == 0xFFFE || c.code_point == 0xFFFF) {
      out += replacement_character;  // not characters of XML 1.0
    } else {
      switch (text[pos]) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out.append(text.substr(pos, c.bytes));
      }
    }
    pos += c.bytes;
  }
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  return lines;
}

std::string alternatives(const std::vector<std::string_view>& words, std::string_view last) {
  if (words.size() < 2) return fmt::format("{}", fmt::join(words, ""));
  return fmt::format("{}{}{}", fmt::join(words.begin(), words.end() - 1, ", "), last, words.back());
}

std::string lowercase_first(std::string message) {
  if (message.size() >= 2 && std::isupper(static_cast<unsigned char>(message[0])) != 0 &&
      std::isupper(static_cast<unsigned char>(message[1])) == 0) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  return message;
}

}  // namespace nnsim
