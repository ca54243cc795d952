#include "nnsim/support/error.hpp"

#include "support/text.hpp"  // show_character

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <utility>

namespace nnsim {

namespace {

// The echoed source line shows at most this many terminal columns, the
// marks of cut text included, and keeps this many after the caret when it
// has to cut.
constexpr std::size_t echo_width = 80;
constexpr std::size_t echo_after_caret = 20;
constexpr std::string_view cut_mark = "\u2026";  // …, one column

// The source line as it is shown under a located error, and the caret line
// under it: control bytes and invalid UTF-8 escaped (show_character), and,
// when the line is wider than echo_width, only a window around the caret,
// with … where text is cut.  `offset` is the caret's byte in the line
// (the line's size for a place after its end).  Tabs are kept, in both
// lines, so that the caret lines up under the same column in a terminal.
std::pair<std::string, std::string> echo_lines(std::string_view line, std::size_t offset) {
  // A byte order mark at the start of the file is counted in columns but
  // not shown.
  const std::size_t begin = line.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  // First pass: the caret's column and the line's width, in shown columns.
  std::size_t caret_column = 0;
  std::size_t total = 0;
  for (std::size_t pos = begin; pos < line.size();) {
    const shown_character c = show_character(line, pos, true);
    if (pos + c.bytes <= offset) caret_column += c.width;
    total += c.width;
    pos += c.bytes;
  }
  // The window [first, last) of columns shown.
  std::size_t first = 0;
  std::size_t last = total;
  if (total > echo_width) {
    if (caret_column + echo_after_caret < echo_width - 1) {
      last = echo_width - 1;  // the line's start, then …
    } else {
      last = std::min(total, caret_column + echo_after_caret);
      first = last - (echo_width - 1 - (last < total ? 1 : 0));
    }
  }
  // Second pass: the characters wholly inside the window.
  std::string shown = first > 0 ? std::string(cut_mark) : std::string();
  std::string caret = first > 0 ? " " : "";
  std::size_t column = 0;
  for (std::size_t pos = begin; pos < line.size() && column < last;) {
    const shown_character c = show_character(line, pos, true);
    if (column >= first && column + c.width <= last) {
      append_shown(shown, line, pos, c);
      if (pos + c.bytes <= offset) caret += c.code_point == '\t' ? std::string("\t") : std::string(c.width, ' ');
    } else if (column + c.width > last) {
      last = column;  // a character cut by the window's end is left out
      break;
    }
    column += c.width;
    pos += c.bytes;
  }
  if (last < total) shown += cut_mark;
  return {shown, caret};
}

}  // namespace

std::string input_error::diagnostic() const {
  if (!has_location()) {
    return fmt::format("error: {}", what());
  }
  std::string text = fmt::format("{}:{}:{}: error: {}", file_, where_.line, where_.column, what());
  if (!source_line_.empty()) {
    const std::size_t offset = std::min<std::size_t>(where_.column > 0 ? where_.column - 1 : 0, source_line_.size());
    const auto [shown, caret] = echo_lines(source_line_, offset);
    text += fmt::format("\n  {}\n  {}^", shown, caret);
  }
  return text;
}

void rethrow_in_context(const limit_error& error, const std::string& context) {
  const std::string message = context + ": " + error.what();
  if (const auto* non_finite = dynamic_cast<const non_finite_error*>(&error)) {
    throw non_finite_error(message, non_finite->neuron(), non_finite->state_time());
  }
  throw limit_error(message);
}

}  // namespace nnsim
