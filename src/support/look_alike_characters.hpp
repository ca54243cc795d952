// Characters that look like ASCII but are not: what text copied from slides,
// a word processor or a PDF brings along (a minus sign U+2212 for '-', a
// multiplication sign for '*', a no-break space, curly quotes, an arrow for
// '->', subscript digits).  Every reader of text (the `.nn` and `.tm` loaders, training CSV,
// Boolean formulas, values on the command line) asks this one table, so
// each such character is named the same way everywhere:
//
//     '−' (U+2212 MINUS SIGN) is not ASCII '-'; use ASCII '-'
//
// Columns stay as each reader counts them (bytes, in all of nnsim's
// formats); the table only says what the character at a place is.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nnsim {

struct look_alike_character {
  char32_t code_point;
  std::string_view name;   // its Unicode name: "MINUS SIGN"
  std::string_view ascii;  // the ASCII it stands for: "-", "*", " ", "->", "1"
};

// The look-alike whose UTF-8 encoding starts at text[pos], if there is one.
std::optional<look_alike_character> look_alike_at(std::string_view text, std::size_t pos);

// The first look-alike in `text`, and its byte offset.
struct found_look_alike {
  std::size_t offset;
  look_alike_character character;
};
std::optional<found_look_alike> find_look_alike(std::string_view text);

// The UTF-8 encoding of the character itself: "−".
std::string utf8_of(const look_alike_character& c);

// "'−' (U+2212 MINUS SIGN)", or for an invisible space "U+00A0 NO-BREAK
// SPACE" alone.
std::string describe_look_alike(const look_alike_character& c);

// What the ASCII stands for: "ASCII '-'", or "an ASCII space".
std::string ascii_replacement(const look_alike_character& c);

// The whole message: "'−' (U+2212 MINUS SIGN) is not ASCII '-'; use ASCII '-'".
std::string look_alike_message(const look_alike_character& c);

}  // namespace nnsim
