// Aligned text tables for the commands' human-readable output, the one place
// where columns are padded.  Widths are display widths of UTF-8 text
// (display_width), so that cells like "δ(ω)", "ξ", "…" or "≤" line up.
//
//   text_table table({{align::right, ""}, {align::left, "  "}});
//   table.add_row({"t", "updated"});
//   table.add_rule();                    // "-" under every column
//   table.add_row({"0", "-"});
//   std::string text = table.text();     // one line per row, no trailing spaces
//
// A table too long to keep is measured row by row first and then printed
// row by row (measure, line).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim::cli {

// Columns a UTF-8 text takes on a terminal: one per code point, none for a
// combining mark or a zero-width character, two for an East Asian wide one.
// A byte that is not valid UTF-8 counts as one column.
std::size_t display_width(std::string_view text);

// `text` padded with spaces to `width` display columns, on the right
// (pad_right: left-aligned) or the left (pad_left: right-aligned); text that
// is already as wide is returned as it is.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

enum class align { left, right };

class text_table {
 public:
  struct column {
    align alignment = align::left;
    std::string before;  // the text before the column's cells: an indent for the first, a separator after it
  };

  explicit text_table(std::vector<column> columns)
      : columns_(std::move(columns)), widths_(columns_.size(), 0) {}

  // A row of cells, one per column from the first; a row may have fewer
  // cells than there are columns (it ends early), not more.
  void add_row(std::vector<std::string> cells);
  // A row that fills every column's width with `fill`, under a header.
  void add_rule(char fill = '-');

  bool empty() const { return rows_.empty(); }
  // Every row as one line ending in "\n", each cell padded to its column's
  // widest cell, trailing spaces removed.
  std::string text() const;
  // The same lines passed one by one to `out`, for tables too long to hold
  // as one string.
  void write(const std::function<void(std::string_view)>& out) const;

  // For tables too long to keep: measure() widens the columns for a row
  // that is not kept (a first pass over the rows), then line() and
  // rule_line() format rows one at a time (a second pass), as text() would.
  void measure(const std::vector<std::string>& cells);
  std::string line(const std::vector<std::string>& cells) const;
  std::string rule_line(char fill = '-') const;

 private:
  struct row {
    std::vector<std::string> cells;
    bool rule = false;
    char fill = '-';
  };
  std::string format(const std::vector<std::string>& cells, bool rule, char fill) const;

  std::vector<column> columns_;
  std::vector<std::size_t> widths_;  // the widest cell of each column so far
  std::vector<row> rows_;
};

}  // namespace nnsim::cli
