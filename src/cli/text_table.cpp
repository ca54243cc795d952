#include "cli/text_table.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace nnsim::cli {
namespace {

struct code_point_range {
  char32_t first;
  char32_t last;
};

// Combining marks and zero-width characters: no column of their own.
constexpr code_point_range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
};

// East Asian wide and fullwidth characters (and the emoji blocks): two columns.
constexpr code_point_range double_width[] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F}, {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
};

template <std::size_t N>
bool in(const code_point_range (&ranges)[N], char32_t c) {
  return std::any_of(std::begin(ranges), std::end(ranges),
                     [c](const code_point_range& r) { return r.first <= c && c <= r.last; });
}

// Decodes the code point at text[i] and advances i; an invalid byte is read
// as itself.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return lead;
  }
  char32_t c = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return lead;
    }
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return c;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    if (c < 0x80) {
      ++width;
    } else if (in(zero_width, c)) {
      continue;
    } else {
      width += in(double_width, c) ? 2 : 1;
    }
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string padded(text);
  padded.append(width - std::min(width, display_width(text)), ' ');
  return padded;
}

std::string pad_left(std::string_view text, std::size_t width) {
  std::string padded(width - std::min(width, display_width(text)), ' ');
  padded += text;
  return padded;
}

void text_table::measure(const std::vector<std::string>& cells) {
  if (cells.size() > columns_.size()) throw std::logic_error("text_table: a row has more cells than columns");
  for (std::size_t c = 0; c < cells.size(); ++c) widths_[c] = std::max(widths_[c], display_width(cells[c]));
}

void text_table::add_row(std::vector<std::string> cells) {
  measure(cells);
  rows_.push_back({std::move(cells), false, '-'});
}

void text_table::add_rule(char fill) { rows_.push_back({{}, true, fill}); }

std::string text_table::format(const std::vector<std::string>& cells, bool rule, char fill) const {
  std::string line;
  const std::size_t count = rule ? columns_.size() : cells.size();
  for (std::size_t c = 0; c < count; ++c) {
    line += columns_[c].before;
    if (rule) {
      line.append(widths_[c], fill);
    } else {
      line += columns_[c].alignment == align::left ? pad_right(cells[c], widths_[c]) : pad_left(cells[c], widths_[c]);
    }
  }
  line.erase(line.find_last_not_of(' ') + 1);
  return line + "\n";
}

std::string text_table::line(const std::vector<std::string>& cells) const {
  if (cells.size() > columns_.size()) throw std::logic_error("text_table: a row has more cells than columns");
  return format(cells, false, '-');
}

std::string text_table::rule_line(char fill) const { return format({}, true, fill); }

std::string text_table::text() const {
  std::string text;
  write([&](std::string_view line) { text += line; });
  return text;
}

void text_table::write(const std::function<void(std::string_view)>& out) const {
  for (const row& r : rows_) out(format(r.cells, r.rule, r.fill));
}

}  // namespace nnsim::cli
