// Small text helpers shared by the loaders, the analyses and the messages:
// identifiers of the formats, quoting a piece of source in a message,
// splitting a source into the lines that diagnostics print under
// `FILE:LINE:COL`, and lowercasing other libraries' messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool starts_identifier(char c) { return is_ascii_letter(c) || c == '_'; }
inline bool continues_identifier(char c) { return is_ascii_letter(c) || is_ascii_digit(c) || c == '_' || c == '.'; }

// An identifier of the formats: a letter or '_', then letters, digits, '_' or
// '.', not ending in '.'.
bool is_identifier(std::string_view word);

// `text` cut to a readable length for quoting in a message.
std::string shorten(std::string_view text);

// The text split at '\n', a trailing '\r' removed from each line.  A text
// ending in '\n' ends with an empty line.
std::vector<std::string> split_lines(std::string_view text);

// "a, b or c" (`last` joins the last two): the candidates a message lists.
std::string alternatives(const std::vector<std::string_view>& words, std::string_view last = " or ");

// Messages of other libraries start with a capital ("The following
// argument was not expected"); ours are lowercase.  The first letter is lowered unless the
// second is a capital too (an all-caps word such as FILE stays as it is).
std::string lowercase_first(std::string message);

}  // namespace nnsim
