// Reading comma-separated text made of numbers (training data): lines, `#`
// comments, fields with their columns, signed numbers of the file format,
// and errors located as `FILE:LINE:COL: error: ...` with the source line.
// It shares the number syntax of the `.nn` format (rational.hpp) but not its
// parser.
#pragma once

#include "nnsim/numbers/rational.hpp"
#include "nnsim/support/error.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// One comma-separated field of a line: its text without surrounding blanks
// and its 1-based column (of the first character, or where it would be).
struct csv_field {
  std::string_view text;
  std::uint32_t column = 0;
};

class csv_text {
 public:
  // Splits `text` into lines at "\r\n", '\n' or '\r' (a last empty line is
  // dropped) and skips a UTF-8 byte order mark; `source_name` is used in
  // error messages.
  csv_text(std::string_view text, std::string source_name);

  std::size_t line_count() const { return lines_.size(); }
  // Line `l` (0-based) without its `#` comment.
  std::string_view content(std::size_t l) const;
  // Whether the text holds only blanks (' ', '\t', '\r').
  static bool is_blank(std::string_view text);
  // The comma-separated fields of a line.
  static std::vector<csv_field> fields(std::string_view line);

  // An input_error at line `l` (0-based), 1-based `column` in the line's
  // content (the byte order mark, when there is one, is added).
  input_error error_at(std::size_t l, std::uint32_t column, const std::string& message) const;
  // An input_error just after the end of the last line.
  input_error error_at_end(const std::string& message) const;

 private:
  std::vector<std::string> lines_;
  std::string source_name_;
  std::size_t bom_length_ = 0;  // 3 when the text starts with a byte order mark
};

// A number with an optional sign that is the whole field; else nothing, and
// why not and where in the field (0-based) in `problem`.
std::optional<rational> read_csv_number(std::string_view text, literal_problem& problem);

// Whether a word can name a neuron in a network file (an identifier that is
// not a reserved word of the `.nn` format).
bool can_name_neuron(std::string_view word);

}  // namespace nnsim
