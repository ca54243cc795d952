#include "io/network_lexer.hpp"

#include "nnsim/model/vocabulary.hpp"
#include "support/look_alike_characters.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nnsim {
namespace {

// A byte as it is shown in a message: itself when printable ASCII, else \xNN,
// so that binary garbage and stray UTF-8 never reach the terminal raw.
std::string show_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte > 0x20 && byte < 0x7f) return std::string(1, c);
  return fmt::format("\\x{:02x}", byte);
}

// How far a number literal starting at `pos` reaches, generously (digits,
// letters, '.', '/', and a sign right after an exponent mark).  Only used to
// refuse absurdly long literals before they are converted.
std::size_t literal_extent(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size()) {
    const char c = text[end];
    const bool exponent_sign = (c == '+' || c == '-') && end > pos && (text[end - 1] == 'e' || text[end - 1] == 'E');
    if (!(continues_identifier(c) || c == '/' || exponent_sign)) break;
    ++end;
  }
  return end - pos;
}

template <class Table>
bool reserved_in(const Table& table, std::string_view word) {
  return std::any_of(table.begin(), table.end(),
                     [word](const auto& entry) { return entry.reserved && entry.name == word; });
}

}  // namespace

bool is_reserved_word(std::string_view word) {
  return std::any_of(keywords.begin(), keywords.end(), [word](const keyword& k) { return k.name == word; }) ||
         reserved_in(rule_words, word) || reserved_in(activation_words, word) || reserved_in(norm_words, word) || is_expression_word(word);
}

std::string describe(const token& t) {
  switch (t.kind) {
    case token_kind::end_of_line: return "end of line";
    case token_kind::end_of_file: return "end of file";
    default: return fmt::format("'{}'", shorten(t.text));
  }
}

network_lexer::network_lexer(std::string_view text, const network& net) : text_(text), net_(net) {
  // A UTF-8 byte order mark is not part of the text; columns still count it.
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

text_location network_lexer::here() const {
  return {static_cast<std::uint32_t>(line_), static_cast<std::uint32_t>(pos_ - line_start_ + 1)};
}

void network_lexer::fail(std::size_t offset, const std::string& message) const {
  const text_location where{static_cast<std::uint32_t>(line_), static_cast<std::uint32_t>(offset - line_start_ + 1)};
  throw located_error(net_, where, message);
}

std::size_t network_lexer::line_break_at(std::size_t pos) const {
  if (pos >= text_.size()) return 0;
  if (text_[pos] == '\n') return 1;
  if (text_[pos] != '\r') return 0;
  return pos + 1 < text_.size() && text_[pos + 1] == '\n' ? 2 : 1;
}

void network_lexer::skip_blanks_and_comments() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    const std::size_t line_break = line_break_at(pos_);
    if (c == ' ' || c == '\t') {
      ++pos_;
    } else if (c == '#') {
      while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
    } else if (line_break > 0 && depth_ > 0) {
      pos_ += line_break;
      ++line_;
      line_start_ = pos_;
    } else {
      return;
    }
  }
}

std::string_view network_lexer::rest_of_line(text_location& start) {
  start = here();
  const std::size_t begin = pos_;
  while (pos_ < text_.size() && text_[pos_] != '#' && line_break_at(pos_) == 0) ++pos_;
  return text_.substr(begin, pos_ - begin);
}

token network_lexer::next() {
  // The end of a line or of the file is placed right after the last token on
  // the line, before blanks and a comment, so that "expected X, found end of
  // line" points where X is missing.
  const std::size_t blank_start = pos_;
  const std::size_t blank_line = line_;
  skip_blanks_and_comments();
  token t;
  t.where = here();
  if (line_ == blank_line && (pos_ >= text_.size() || line_break_at(pos_) > 0)) {
    t.where.column = static_cast<std::uint32_t>(blank_start - line_start_ + 1);
  }
  if (pos_ >= text_.size()) {
    t.kind = token_kind::end_of_file;
    t.text = text_.substr(text_.size());
    return t;
  }
  const std::size_t start = pos_;
  const char c = text_[pos_];

  if (const std::size_t line_break = line_break_at(pos_); line_break > 0) {
    t.kind = token_kind::end_of_line;
    t.text = text_.substr(start, line_break);
    pos_ += line_break;
    ++line_;
    line_start_ = pos_;
    return t;
  }

  if (starts_identifier(c)) {
    while (pos_ < text_.size() && continues_identifier(text_[pos_])) ++pos_;
    t.kind = token_kind::identifier;
    t.text = text_.substr(start, pos_ - start);
    if (t.text.back() == '.') fail(start, fmt::format("identifier '{}' must not end with '.'", shorten(t.text)));
    return t;
  }

  if (is_ascii_digit(c)) {
    if (literal_extent(text_, start) > max_number_length) {
      fail(start, fmt::format("number '{}' is too long (more than {} characters)",
                              shorten(text_.substr(start, max_number_length)), max_number_length));
    }
    std::size_t length = 0;
    literal_problem problem;
    auto value = read_number(text_.substr(start), length, problem);
    if (!value) fail(start + problem.offset, problem.message);
    if (auto too_large = number_size_problem(*value)) {
      fail(start, fmt::format("number '{}' is too large: {}", shorten(text_.substr(start, length)), *too_large));
    }
    pos_ += length;
    t.kind = token_kind::number;
    t.text = text_.substr(start, length);
    t.value = std::move(*value);
    return t;
  }

  switch (c) {
    case ',': t.kind = token_kind::comma; break;
    case '=': t.kind = token_kind::equals; break;
    case '+': t.kind = token_kind::plus; break;
    case '-': t.kind = token_kind::minus; break;
    case '*': t.kind = token_kind::star; break;
    case '/': t.kind = token_kind::slash; break;
    // clang-format off
    case '(': t.kind = token_kind::left_paren; ++depth_; break;
    case '{': t.kind = token_kind::left_brace; ++depth_; break;
    case '[': t.kind = token_kind::left_bracket; ++depth_; break;
    // A stray closing bracket never makes the depth negative; the parser
    // reports it.
    case ')': t.kind = token_kind::right_paren; if (depth_ > 0) --depth_; break;
    case '}': t.kind = token_kind::right_brace; if (depth_ > 0) --depth_; break;
    case ']': t.kind = token_kind::right_bracket; if (depth_ > 0) --depth_; break;
    // clang-format on
    default:
      // A character copied from slides (a minus sign U+2212, a
      // multiplication sign) is named with the ASCII one it stands for.
      if (const auto look_alike = look_alike_at(text_, start)) fail(start, look_alike_message(*look_alike));
      fail(start, fmt::format("unexpected character '{}'", show_byte(c)));
  }
  ++pos_;
  t.text = text_.substr(start, 1);
  return t;
}

}  // namespace nnsim
