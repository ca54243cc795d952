// The tokens of the `.nn` format (network-format.md, "Lexical structure"):
// identifiers, unsigned numbers, punctuation and statement ends, each with its
// 1-based line and column (the column counts bytes).  A line break (LF, CRLF
// or a lone CR) is a statement end except inside `( )`, `{ }` and `[ ]`; `#`
// comments and blanks are skipped.  Tokens are produced on demand, so the first error in the text
// is the first one reported.
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/numbers/rational.hpp"
#include "support/text.hpp"  // is_identifier, shorten, split_lines

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

enum class token_kind {
  identifier,     // x1, tm.q0.read, and the reserved words
  number,         // 12, 3/4, 0.125, 1e-3 (never signed)
  comma,          // ,
  equals,         // =
  plus,           // +
  minus,          // -
  star,           // *
  slash,          // /
  left_paren,     // (
  right_paren,    // )
  left_brace,     // {
  right_brace,    // }
  left_bracket,   // [
  right_bracket,  // ]
  end_of_line,    // a line break outside brackets: the end of a statement
  end_of_file,
};

struct token {
  token_kind kind = token_kind::end_of_file;
  std::string_view text;  // the bytes of the token in the source (empty at the end)
  text_location where;
  // For numbers only: every other token (most of them) makes no GMP number.
  std::optional<rational> value;
};

// Longest number literal accepted, in characters: the longest that the
// canonical form writes, a numerator and a denominator of max_number_digits
// digits each and the bar between them.  Checked before the literal is
// converted, so that a megabyte of digits is refused at once; the value a
// literal stands for must in addition keep within max_number_digits.
inline constexpr std::size_t max_number_length = 2 * max_number_digits + 1;

// The reserved words of network-format.md: keywords, rule, activation and
// norm names (the tables of vocabulary.hpp).  None of them can name a neuron.
bool is_reserved_word(std::string_view word);

// How a token is named in a message: `'x1'` (long ones shortened), or the
// words `end of line` / `end of file`.
std::string describe(const token& t);

class network_lexer {
 public:
  // `net` supplies the source name and lines for located errors; `text` must
  // outlive the lexer and the tokens it returns.
  network_lexer(std::string_view text, const network& net);

  // The next token; throws input_error on a byte that starts no token, a bad
  // number or an identifier ending in '.'.
  token next();

  // The raw text from here to the end of the line (before a `#` comment),
  // consumed, and where it starts: the expression of a `const` statement,
  // which real_expression.hpp parses.
  std::string_view rest_of_line(text_location& start);

 private:
  text_location here() const;
  // The length of the line break at `pos`: 2 for "\r\n", 1 for a lone '\n'
  // or '\r', 0 for none.
  std::size_t line_break_at(std::size_t pos) const;
  [[noreturn]] void fail(std::size_t offset, const std::string& message) const;
  void skip_blanks_and_comments();

  std::string_view text_;
  const network& net_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;  // offset of the first byte of line_
  std::size_t depth_ = 0;       // open brackets; line breaks inside are blanks
};

}  // namespace nnsim
