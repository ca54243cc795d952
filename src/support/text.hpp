// Small text helpers shared by the loaders, the analyses and the messages:
// identifiers of the formats, quoting a piece of source in a message,
// escaping text for XML and HTML, splitting a source into the lines that
// diagnostics print under `FILE:LINE:COL`, and lowercasing other libraries'
// messages.
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

// `text` cut to a readable length for quoting in a message, escaped as
// show_character does.
std::string shorten(std::string_view text);

// How one character of a source text is shown in a message, so that nothing
// in a hostile file reaches a terminal raw: printable ASCII and valid UTF-8
// as they are; control bytes and invalid UTF-8 as `\xNN`, one per byte; the
// invisible characters that change how a terminal shows the rest of a line
// (C1 controls, bidirectional overrides and isolates, line and paragraph
// separators, the byte order mark) as `\uNNNN`.  A tab is shown as `\t`
// unless `keep_tab`.
struct shown_character {
  std::size_t bytes = 1;    // bytes of the text it covers (1 to 4)
  std::size_t width = 1;    // terminal columns of its shown form (a kept tab: 8, at most)
  char32_t code_point = 0;  // the character, or the byte of an invalid one
  bool escaped = false;     // shown as `\xNN` per byte or `\uNNNN`
};
shown_character show_character(std::string_view text, std::size_t pos, bool keep_tab = false);
// Appends the shown form of `c`, which starts at text[pos].
void append_shown(std::string& out, std::string_view text, std::size_t pos, const shown_character& c);
// The whole of `text` as shown in a message.
std::string escape_for_terminal(std::string_view text);
// The same for a text of several lines: its line feeds and tabs are kept,
// so that a message already shown this way (an echoed source line and its
// caret) comes out unchanged.
std::string escape_lines_for_terminal(std::string_view text);

// `text` as the content of an XML or HTML element or attribute (an SVG
// picture's title, the trace page's <title>): & < > " ' escaped; line
// breaks, tabs and other control characters as spaces; invalid UTF-8 and the
// characters XML 1.0 forbids or a reader cannot see (C1 controls,
// bidirectional overrides, U+FFFE, U+FFFF) as U+FFFD, so that a title from
// any input keeps the file well-formed and shows what it replaced.
std::string xml_text(std::string_view text);

// The text split at its line breaks: "\r\n", a lone '\n' or a lone '\r'
// (Windows, Unix and old Mac OS line ends; the loaders count lines the same
// way).  A text ending in a line break ends with an empty line.
std::vector<std::string> split_lines(std::string_view text);

// "a, b or c" (`last` joins the last two): the candidates a message lists.
std::string alternatives(const std::vector<std::string_view>& words, std::string_view last = " or ");

// Messages of other libraries start with a capital ("The following
// argument was not expected"); ours are lowercase.  The first letter is lowered unless the
// second is a capital too (an all-caps word such as FILE stays as it is).
std::string lowercase_first(std::string message);

}  // namespace nnsim
