#include "nnsim/io/csv_reader.hpp"

#include "io/network_lexer.hpp"
#include "support/look_alike_characters.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nnsim {

csv_text::csv_text(std::string_view text, std::string source_name) : source_name_(std::move(source_name)) {
  // A UTF-8 byte order mark is not part of the text; columns still count
  // it, as in a network file.
  if (text.starts_with("\xEF\xBB\xBF")) bom_length_ = 3;
  lines_ = split_lines(text);
  if (!lines_.empty() && lines_.back().empty()) lines_.pop_back();
}

std::string_view csv_text::content(std::size_t l) const {
  std::string_view line = lines_[l];
  if (l == 0) line.remove_prefix(std::min(bom_length_, line.size()));
  if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
  return line;
}

namespace {
bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r'; }
}  // namespace

bool csv_text::is_blank(std::string_view text) { return std::all_of(text.begin(), text.end(), is_blank_char); }

std::vector<csv_field> csv_text::fields(std::string_view line) {
  std::vector<csv_field> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
    std::size_t first = start;
    std::size_t last = end;
    while (first < last && is_blank_char(line[first])) ++first;
    while (last > first && is_blank_char(line[last - 1])) --last;
    fields.push_back({line.substr(first, last - first), static_cast<std::uint32_t>(first + 1)});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

input_error csv_text::error_at(std::size_t l, std::uint32_t column, const std::string& message) const {
  if (l == 0) column += static_cast<std::uint32_t>(bom_length_);
  return input_error(message, source_name_, text_location{static_cast<std::uint32_t>(l + 1), column}, lines_[l]);
}

input_error csv_text::error_at_end(const std::string& message) const {
  if (lines_.empty()) return input_error(message, source_name_, text_location{1, 1}, std::string());
  const std::size_t last = lines_.size() - 1;
  const std::size_t bom = last == 0 ? bom_length_ : 0;
  return error_at(last, static_cast<std::uint32_t>(lines_[last].size() - bom + 1), message);
}

namespace {

// A field that is not a number because of a character copied from a slide
// (a minus sign U+2212, a no-break space) is reported at that character.
std::optional<rational> name_look_alike(std::string_view text, literal_problem& problem) {
  if (const auto found = find_look_alike(text)) problem = {look_alike_message(found->character), found->offset};
  return std::nullopt;
}

}  // namespace

std::optional<rational> read_csv_number(std::string_view text, literal_problem& problem) {
  std::size_t pos = 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    pos = 1;
  }
  if (text.empty()) {
    problem = {"empty field: expected a number", 0};
    return std::nullopt;
  }
  std::size_t length = 0;
  std::optional<rational> value = read_number(text.substr(pos), length, problem);
  if (!value) {
    problem.offset += pos;
    if (problem.message == "expected a number") problem.message = fmt::format("invalid number '{}'", shorten(text));
    return name_look_alike(text, problem);
  }
  if (pos + length != text.size()) {
    problem = {fmt::format("unexpected '{}' after the number '{}'", shorten(text.substr(pos + length)),
                           shorten(text.substr(0, pos + length))),
               pos + length};
    return name_look_alike(text, problem);
  }
  if (negative) *value = -*value;
  return value;
}

bool can_name_neuron(std::string_view word) { return is_identifier(word) && !is_reserved_word(word); }

}  // namespace nnsim
