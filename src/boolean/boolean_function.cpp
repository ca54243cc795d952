// Truth tables and the formula parser of boolean_function.hpp.
//
// The parser is an operator-precedence (shunting-yard) parser with explicit
// stacks, so a formula of 100000 nested parentheses costs memory, never the
// call stack.  It turns the formula into postfix code, which is then
// evaluated 64 input vectors at a time: each value on the evaluation stack is
// a block of truth-table words, and a variable's block is a fixed bit pattern
// (x_n alternates every bit, x_(n-1) every two bits, ...).
//
// Error messages read `formula: column C: ...` with C the 1-based byte
// column of the offending token (the file format's lexer counts bytes too).
#include "nnsim/boolean/boolean_function.hpp"

#include "nnsim/support/error.hpp"
#include "support/look_alike_characters.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace nnsim {
namespace {

constexpr unsigned max_arity = 20;

// ---------------------------------------------------------------- tokens --

enum class token_kind { variable, constant, op_not, op_and, op_xor, op_or, open, close, end };

struct token {
  token_kind kind = token_kind::end;
  std::size_t column = 0;  // 1-based
  std::size_t length = 0;
  unsigned index = 0;      // variable: i of x_i; constant: 0 or 1
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

// The length in bytes of the UTF-8 character starting with `lead` (1 for a
// byte that cannot start one), so that a message quotes a whole character.
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

// A character a formula may contain.
bool is_formula_char(char c) {
  return is_blank(c) || is_name_char(c) || c == '!' || c == '&' || c == '^' || c == '|' || c == '(' || c == ')';
}

// How a formula writes the operator that `character` (ASCII, or a logic
// symbol of the lecture's notation) stands for elsewhere, or "".
std::string_view operator_hint(std::string_view character) {
  if (character == "~" || character == "\u00AC") return "negation is written '!'";  // ¬
  if (character == "+" || character == "\u2228") return "or is written '|'";                               // ∨
  if (character == "*" || character == "\u2227") return "and is written '&'";                              // ∧
  if (character == "\u2295") return "xor is written '^'";                                                  // ⊕
  return "";
}

input_error formula_error(std::size_t column, const std::string& message) {
  return input_error(fmt::format("formula: column {}: {}", column, message));
}

// The next token at or after byte `i` (advanced past it); a character or
// name that cannot start a token is an error at its column.  Called as the
// parser goes, so the first error in the text is the one reported.
token next_token(std::string_view text, std::size_t& i) {
  while (i < text.size()) {
    const char c = text[i];
    if (is_blank(c)) {
      ++i;
      continue;
    }
    token t;
    t.column = i + 1;
    t.length = 1;
    switch (c) {
      case '!': t.kind = token_kind::op_not; break;
      case '&': t.kind = token_kind::op_and; break;
      case '^': t.kind = token_kind::op_xor; break;
      case '|': t.kind = token_kind::op_or; break;
      case '(': t.kind = token_kind::open; break;
      case ')': t.kind = token_kind::close; break;
      default: {
        std::size_t end = i;
        if (is_digit(c)) {
          while (end < text.size() && is_digit(text[end])) ++end;
          const std::string_view digits = text.substr(i, end - i);
          if (end < text.size() && is_name_char(text[end])) {
            while (end < text.size() && is_name_char(text[end])) ++end;
            throw formula_error(t.column, fmt::format("'{}' is neither a constant nor a variable",
                                                      text.substr(i, end - i)));
          }
          if (digits != "0" && digits != "1") {
            throw formula_error(t.column, fmt::format("'{}' is not a constant (the constants are 0 and 1)", digits));
          }
          t.kind = token_kind::constant;
          t.index = digits == "1" ? 1 : 0;
        } else if (is_name_char(c)) {
          while (end < text.size() && is_name_char(text[end])) ++end;
          // x₁ copied from a slide: the subscript is what is wrong.
          if (const auto look_alike = look_alike_at(text, end); look_alike && is_name_char(look_alike->ascii[0])) {
            throw formula_error(end + 1, look_alike_message(*look_alike));
          }
          const std::string_view name = text.substr(i, end - i);
          const std::string_view number = name.substr(1);
          const bool numbered = name[0] == 'x' && !number.empty() &&
                                std::all_of(number.begin(), number.end(), is_digit) && number[0] != '0';
          if (!numbered) {
            throw formula_error(t.column, fmt::format("'{}' is not a variable (the variables are x1, x2, ...)", name));
          }
          if (number.size() > 2 || std::stoul(std::string(number)) > max_arity) {
            throw formula_error(t.column,
                                fmt::format("variable '{}' is out of range (at most {} variables)", name, max_arity));
          }
          t.kind = token_kind::variable;
          t.index = static_cast<unsigned>(std::stoul(std::string(number)));
        } else {
          const std::size_t length = std::min(utf8_length(static_cast<unsigned char>(c)), text.size() - i);
          const std::string_view character = text.substr(i, length);
          // A character copied from a slide is named: with the ASCII to
          // use when that is part of a formula (a no-break space, x₁),
          // else with the operator it stands for as a formula writes it.
          const auto look_alike = look_alike_at(text, i);
          if (look_alike && look_alike->ascii.size() == 1 && is_formula_char(look_alike->ascii[0])) {
            throw formula_error(t.column, look_alike_message(*look_alike));
          }
          const std::string_view hint = operator_hint(look_alike ? look_alike->ascii : character);
          if (look_alike) {
            throw formula_error(t.column, fmt::format("unexpected character {}{}{}", describe_look_alike(*look_alike),
                                                      hint.empty() ? "" : "; ", hint));
          }
          throw formula_error(t.column, fmt::format("unexpected character '{}'{}", character,
                                                    hint.empty() ? "" : fmt::format(" ({})", hint)));
        }
        t.length = end - i;
        break;
      }
    }
    i += t.length;
    return t;
  }
  token end;
  end.kind = token_kind::end;
  end.column = text.size() + 1;
  return end;
}

// How a token is quoted in "found ...".
std::string describe(const token& t, std::string_view text) {
  if (t.kind == token_kind::end) return "end of formula";
  return fmt::format("'{}'", text.substr(t.column - 1, t.length));
}

// Binding strength of the binary operators: & > ^ > |.
int precedence(token_kind kind) {
  switch (kind) {
    case token_kind::op_and: return 3;
    case token_kind::op_xor: return 2;
    case token_kind::op_or: return 1;
    default: return 0;
  }
}

bool is_binary(token_kind kind) { return precedence(kind) > 0; }

// ---------------------------------------------------------------- postfix --

// Postfix code: operands push a value, operators pop theirs.
struct instruction {
  token_kind kind;
  unsigned index = 0;  // variable number or constant value
};

struct compiled_formula {
  std::vector<instruction> code;
  unsigned largest_variable = 0;
  std::size_t stack_depth = 0;  // largest evaluation stack the code needs
};

// The shunting-yard algorithm with the grammar
//     or  := xor ('|' xor)*      xor := and ('^' and)*
//     and := unary ('&' unary)*  unary := '!' unary | atom
//     atom := x_i | 0 | 1 | '(' or ')'
// checked by a two-state machine: expecting an operand (after the start, an
// operator or '(') or an operator (after an operand or ')').
compiled_formula compile(std::string_view text) {
  compiled_formula result;
  std::vector<token> operators;  // pending operators and open parentheses
  std::size_t depth = 0;
  auto emit = [&](token_kind kind, unsigned index) {
    result.code.push_back({kind, index});
    if (kind == token_kind::variable || kind == token_kind::constant) {
      ++depth;
    } else if (kind != token_kind::op_not) {
      --depth;
    }
    result.stack_depth = std::max(result.stack_depth, depth);
  };

  bool expect_operand = true;
  std::size_t position = 0;
  while (true) {
    const token t = next_token(text, position);
    if (expect_operand) {
      switch (t.kind) {
        case token_kind::variable:
          result.largest_variable = std::max(result.largest_variable, t.index);
          [[fallthrough]];
        case token_kind::constant:
          emit(t.kind, t.index);
          expect_operand = false;
          break;
        case token_kind::op_not:
        case token_kind::open: operators.push_back(t); break;
        default:
          throw formula_error(t.column, fmt::format("expected a variable, '(' or a constant, found {}",
                                                    describe(t, text)));
      }
      // A '!' applies to the operand just completed; '!' binds tighter than
      // anything else, so the pending ones are emitted at once.
      while (!expect_operand && !operators.empty() && operators.back().kind == token_kind::op_not) {
        emit(token_kind::op_not, 0);
        operators.pop_back();
      }
      continue;
    }
    if (is_binary(t.kind)) {
      // Left associative: pop operators that bind at least as tightly.
      while (!operators.empty() && precedence(operators.back().kind) >= precedence(t.kind)) {
        emit(operators.back().kind, 0);
        operators.pop_back();
      }
      operators.push_back(t);
      expect_operand = true;
      continue;
    }
    if (t.kind == token_kind::close || t.kind == token_kind::end) {
      while (!operators.empty() && operators.back().kind != token_kind::open) {
        emit(operators.back().kind, 0);
        operators.pop_back();
      }
      if (t.kind == token_kind::end) {
        if (!operators.empty()) throw formula_error(operators.back().column, "'(' is not closed");
        return result;
      }
      if (operators.empty()) throw formula_error(t.column, "')' without a matching '('");
      operators.pop_back();
      // A parenthesised operand may complete the operand of pending '!'s.
      while (!operators.empty() && operators.back().kind == token_kind::op_not) {
        emit(token_kind::op_not, 0);
        operators.pop_back();
      }
      continue;
    }
    throw formula_error(t.column, fmt::format("expected an operator ('&', '^', '|') or ')', found {}", describe(t, text)));
  }
}

// The 64-bit word of x_i's truth-table column for inputs base ... base + 63
// of an arity-n function (bit b is input base + b; x1 is the most
// significant bit of the input number).
std::uint64_t variable_word(unsigned arity, unsigned i, std::uint64_t base) {
  static constexpr std::array<std::uint64_t, 6> patterns{
      0xAAAAAAAAAAAAAAAAull, 0xCCCCCCCCCCCCCCCCull, 0xF0F0F0F0F0F0F0F0ull,
      0xFF00FF00FF00FF00ull, 0xFFFF0000FFFF0000ull, 0xFFFFFFFF00000000ull,
  };
  const unsigned shift = arity - i;  // input bit that holds x_i
  if (shift < 6) return patterns[shift];
  return ((base >> shift) & 1u) != 0 ? ~std::uint64_t{0} : 0;
}

}  // namespace

boolean_function::boolean_function(unsigned arity, std::vector<bool> values) : arity_(arity), values_(std::move(values)) {
  if (arity_ > max_arity || values_.size() != (std::size_t{1} << arity_)) {
    throw std::invalid_argument(fmt::format("a Boolean function of {} inputs needs 2^{} values, not {}", arity_,
                                            arity_, values_.size()));
  }
}

boolean_function boolean_function::from_table(std::string_view table) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table[i] != '0' && table[i] != '1') {
      const std::size_t length = std::min(utf8_length(static_cast<unsigned char>(table[i])), table.size() - i);
      throw input_error(
          fmt::format("truth table: column {}: expected 0 or 1, found '{}'", i + 1, table.substr(i, length)));
    }
  }
  if (table.empty()) throw input_error("truth table: empty; it lists F for all 2^n inputs, e.g. 0110 for XOR");
  unsigned arity = 0;
  while ((std::size_t{1} << arity) < table.size()) ++arity;
  if ((std::size_t{1} << arity) != table.size()) {
    throw input_error(fmt::format("truth table: {} characters; a table has 2^n characters (1, 2, 4, 8, ...), "
                                  "one for each input vector",
                                  table.size()));
  }
  if (arity > max_arity) {
    throw input_error(fmt::format("truth table: 2^{} characters is more than the 2^{} of {} inputs", arity,
                                  max_arity, max_arity));
  }
  std::vector<bool> values(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) values[i] = table[i] == '1';
  return {arity, std::move(values)};
}

boolean_function boolean_function::from_formula(std::string_view formula, unsigned arity) {
  if (arity > max_arity) {
    throw input_error(fmt::format("formula: {} inputs is more than the {} a truth table may have", arity, max_arity));
  }
  const compiled_formula compiled = compile(formula);
  arity = std::max(arity, compiled.largest_variable);
  const std::size_t size = std::size_t{1} << arity;

  // Evaluate 64 inputs per word, block_words words per stack value.
  constexpr std::size_t block_words = 16;
  const std::size_t words = (size + 63) / 64;
  std::vector<std::uint64_t> stack(compiled.stack_depth * block_words);
  std::vector<bool> values(size);
  for (std::size_t first_word = 0; first_word < words; first_word += block_words) {
    const std::size_t count = std::min(block_words, words - first_word);
    std::size_t top = 0;  // number of values on the stack
    for (const instruction& op : compiled.code) {
      std::uint64_t* out = nullptr;
      if (op.kind == token_kind::variable || op.kind == token_kind::constant) {
        out = &stack[top * block_words];
        ++top;
      } else {
        out = &stack[(top - 1) * block_words];
      }
      switch (op.kind) {
        case token_kind::variable:
          for (std::size_t w = 0; w < count; ++w) out[w] = variable_word(arity, op.index, (first_word + w) * 64);
          break;
        case token_kind::constant:
          for (std::size_t w = 0; w < count; ++w) out[w] = op.index != 0 ? ~std::uint64_t{0} : 0;
          break;
        case token_kind::op_not:
          for (std::size_t w = 0; w < count; ++w) out[w] = ~out[w];
          break;
        default: {
          // Binary: the left operand is below the right one.
          const std::uint64_t* right = out;
          out = &stack[(top - 2) * block_words];
          --top;
          for (std::size_t w = 0; w < count; ++w) {
            if (op.kind == token_kind::op_and) out[w] &= right[w];
            if (op.kind == token_kind::op_xor) out[w] ^= right[w];
            if (op.kind == token_kind::op_or) out[w] |= right[w];
          }
          break;
        }
      }
    }
    for (std::size_t w = 0; w < count; ++w) {
      const std::uint64_t word = stack[w];
      const std::size_t base = (first_word + w) * 64;
      for (std::size_t b = 0; b < 64 && base + b < size; ++b) values[base + b] = ((word >> b) & 1u) != 0;
    }
  }
  return {arity, std::move(values)};
}

std::string boolean_function::table() const {
  std::string text(values_.size(), '0');
  for (std::size_t i = 0; i < values_.size(); ++i) {
    if (values_[i]) text[i] = '1';
  }
  return text;
}

}  // namespace nnsim
