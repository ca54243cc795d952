// Real constants and the expression language that defines them (reals.md,
// section 1): numbers, named constants, `pi`, `e`, unary `-`, `+ - * /`, `^`
// with an integer exponent, parentheses and the functions
// `sqrt exp log sin cos tanh abs min max`.  One parser serves the `const`
// statement of a network file and the value options of the command line.
//
// Precedence, as in mathematics: `^` binds tighter than unary minus and is
// right-associative (`-2^2` is -4, `2^3^2` is 2^9), and its exponent may
// carry a sign (`2^-10`); then `* /`, then `+ -`, both left-associative.
// In an expression `/` is always division, so `2/3^2` is 2/9 (the literal
// `3/4` of the file format is the same number either way).
//
// Every node knows, once built, whether its value is rational and if so
// the value: a node is rational when it is a number, a rational constant, a
// `+ - * /` or integer power of rationals, `sqrt` of the square of a
// rational, or `abs`, `min`, `max` of rationals (exact on rationals too).
// Everything else (`pi`, `e`, the other functions, and any node above one
// of them) is irrational for the purposes of the format: no attempt is made
// to prove `sin(pi) = 0`.  Rational values are folded exactly while parsing,
// each kept within max_number_digits (rational.hpp), so an exponent such as
// `2^100000000` is refused before it is computed.
#pragma once

#include "nnsim/numbers/rational.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

enum class real_function { sqrt, exp, log, sin, cos, tanh, abs, min, max };

struct real_function_word {
  std::string_view name;
  real_function value;
  std::size_t min_arguments;  // min and max take two or more; the others one
};

inline constexpr std::array<real_function_word, 9> real_function_words{{
    {"sqrt", real_function::sqrt, 1},
    {"exp", real_function::exp, 1},
    {"log", real_function::log, 1},
    {"sin", real_function::sin, 1},
    {"cos", real_function::cos, 1},
    {"tanh", real_function::tanh, 1},
    {"abs", real_function::abs, 1},
    {"min", real_function::min, 2},
    {"max", real_function::max, 2},
}};

std::string_view name_of(real_function f);

// `pi`, `e` and the function names: the words an expression reserves.
bool is_expression_word(std::string_view word);

// Deepest nesting of parentheses, signs, powers and calls in one expression,
// so that no text can exhaust the parser's stack.
inline constexpr std::size_t max_expression_depth = 200;
// Tallest expression tree (a sum of many terms is a tall tree), so that
// printing and evaluating it cannot exhaust the stack either.
inline constexpr std::size_t max_expression_height = 2000;

struct real_constant;

struct real_expression {
  enum class kind { number, constant, variable, pi, e, negate, add, subtract, multiply, divide, power, call };
  kind op = kind::number;
  rational number;                                // kind::number
  std::shared_ptr<const real_constant> constant;  // kind::constant
  long exponent = 0;                              // kind::power: operands[0] ^ exponent
  real_function function = real_function::sqrt;   // kind::call
  std::size_t variable = 0;                       // kind::variable: its index in the variable list
  std::string variable_name;                      // kind::variable
  std::vector<std::shared_ptr<const real_expression>> operands;
  std::size_t offset = 0;          // the operator, literal, name or function name in the text
  std::optional<rational> value;   // the exact value, when it is rational
  std::size_t height = 1;          // of the tree (a constant's own tree is not counted)
};

using real_expression_ptr = std::shared_ptr<const real_expression>;

// A constant named by a `const` statement.
struct real_constant {
  std::string name;
  real_expression_ptr expression;
  std::size_t sequence = 0;  // the definition order: a constant uses only earlier ones
  std::uint32_t line = 0;    // where it is defined (0 when not in a file)
  std::uint32_t column = 0;
  bool is_rational() const { return expression->value.has_value(); }
  const std::optional<rational>& value() const { return expression->value; }
};

using real_constant_ptr = std::shared_ptr<const real_constant>;

// Why an expression was refused, and where: a 0-based offset in its text.
class expression_error : public std::runtime_error {
 public:
  expression_error(const std::string& message, std::size_t offset) : std::runtime_error(message), offset_(offset) {}
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

// Looks a name up: the constant it names, or nullptr when the name is
// unknown.  It may throw expression_error itself for a name that must not
// appear in an expression (a neuron of the network).
using constant_lookup = std::function<real_constant_ptr(std::string_view name, std::size_t offset)>;

// Parses all of `text` as one expression; throws expression_error.  Names
// other than pi and e are looked up with `lookup` (none when it is empty).
real_expression_ptr parse_real_expression(std::string_view text, const constant_lookup& lookup = {});

// An expression of the variables `variables` (a function such as
// `sin(3*x)^2`, issue: the approximation theorems): a name in the list is a
// variable, never rational; there are no constants.  Throws expression_error.
real_expression_ptr parse_real_function(std::string_view text, const std::vector<std::string>& variables);

// The expression written back: numbers in lowest terms (`1/8` for `0.125`),
// constant names, and only the parentheses the precedence needs.
std::string to_string(const real_expression& expression);

// A value of the command line or of the Python module: an expression
// without names but pi and e, checked as parse_value is (`invalid WHAT
// 'TEXT': MESSAGE`, an input_error).
real_expression_ptr parse_value_expression(std::string_view text, std::string_view what = "value");

// A value of the command line or of the Python module that may be
// irrational (a network input, `--input 'sqrt(2)/2'`): a number of the file
// format with an optional sign (parse_value, whose messages it keeps for
// such text), or an expression without names but pi and e.  A rational
// value, however written (`1/3 + 2^-10`, `sqrt(9/4)`), is `exact`; any
// other is `irrational`, its enclosure checked as a constant's is (a domain
// error it proves, `log(sin(pi) - 1)`, is refused here).
struct real_value {
  rational exact;                  // the value, when it is rational
  real_expression_ptr irrational;  // the expression, when it is not (then exact is 0)
};
real_value parse_real_value(std::string_view text, std::string_view what = "value");

// A value where only a rational makes sense (a δ-code, a grid bound, a
// perceptron weight): parse_real_value, with an irrational value an
// input_error.
rational parse_rational_value(std::string_view text, std::string_view what = "value");

// `text` cut at the commas outside parentheses (`min(1, 2), 3` is two
// items), each item trimmed of blanks; no items for blank text.
std::vector<std::string_view> split_value_list(std::string_view text);

// A node for -x or 1/x, with x's value folded (for the places in a network
// where `- r` or `x / r` is written).
real_expression_ptr negated(real_expression_ptr x);
real_expression_ptr reciprocal(real_expression_ptr x);
real_expression_ptr constant_reference(real_constant_ptr constant);

}  // namespace nnsim
