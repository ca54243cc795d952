#include "nnsim/io/csv_reader.hpp"

#include "io/network_lexer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nnsim {

csv_text::csv_text(std::string_view text, std::string source_name) : source_name_(std::move(source_name)) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    lines_.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (!lines_.empty() && lines_.back().empty()) lines_.pop_back();
}

std::string_view csv_text::content(std::size_t l) const {
  std::string_view line = lines_[l];
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
  std::string source = lines_[l];
  if (!source.empty() && source.back() == '\r') source.pop_back();
  return input_error(message, source_name_, text_location{static_cast<std::uint32_t>(l + 1), column}, source);
}

input_error csv_text::error_at_end(const std::string& message) const {
  if (lines_.empty()) return input_error(message, source_name_, text_location{1, 1}, std::string());
  const std::size_t last = lines_.size() - 1;
  return error_at(last, static_cast<std::uint32_t>(lines_[last].size() + 1), message);
}

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
    if (problem.message == "expected a number") problem.message = fmt::format("invalid number '{}'", text);
    return std::nullopt;
  }
  if (pos + length != text.size()) {
    problem = {fmt::format("unexpected '{}' after the number '{}'", text.substr(pos + length),
                           text.substr(0, pos + length)),
               pos + length};
    return std::nullopt;
  }
  if (negative) *value = -*value;
  return value;
}

bool can_name_neuron(std::string_view word) { return is_identifier(word) && !is_reserved_word(word); }

}  // namespace nnsim
