// Tests of boolean_function.hpp: truth tables, the formula parser checked
// against a direct evaluation of random expression trees, and every error
// message word for word with its column.
#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <bit>
#include <memory>
#include <random>
#include <string>

using nnsim::boolean_function;
using nnsim::input_error;

namespace {

// The message of the input_error that parsing `formula` throws.
std::string formula_error(std::string_view formula) {
  try {
    boolean_function::from_formula(formula);
  } catch (const input_error& e) {
    CHECK_FALSE(e.has_location());
    return e.what();
  }
  return "no error";
}

std::string table_error(std::string_view table) {
  try {
    boolean_function::from_table(table);
  } catch (const input_error& e) {
    return e.what();
  }
  return "no error";
}

// x_i of input number v of an arity-n function, written out independently
// of boolean_function::variable.
bool bit(std::uint32_t v, unsigned n, unsigned i) { return ((v >> (n - i)) & 1u) != 0; }

// A random expression tree, printed with as few parentheses as the
// precedence ! > & > ^ > | allows, and evaluated directly.
struct expression {
  char op = 'x';  // 'x' variable, 'c' constant, '!', '&', '^', '|'
  unsigned value = 0;
  std::unique_ptr<expression> left, right;

  bool evaluate(std::uint32_t v, unsigned n) const {
    switch (op) {
      case 'x': return bit(v, n, value);
      case 'c': return value != 0;
      case '!': return !left->evaluate(v, n);
      case '&': return left->evaluate(v, n) && right->evaluate(v, n);
      case '^': return left->evaluate(v, n) != right->evaluate(v, n);
      default: return left->evaluate(v, n) || right->evaluate(v, n);
    }
  }
  static int level(char op) { return op == '|' ? 1 : op == '^' ? 2 : op == '&' ? 3 : 4; }
  // Binary operators are left associative, so a right operand of the same
  // level needs parentheses and a left one does not.
  std::string print(bool spaces) const {
    switch (op) {
      case 'x': return fmt::format("x{}", value);
      case 'c': return value != 0 ? "1" : "0";
      case '!': {
        const std::string inner = left->print(spaces);
        return level(left->op) < 4 ? "!(" + inner + ")" : "!" + inner;
      }
      default: {
        std::string l = left->print(spaces);
        std::string r = right->print(spaces);
        if (level(left->op) < level(op)) l = "(" + l + ")";
        if (level(right->op) <= level(op)) r = "(" + r + ")";
        return spaces ? l + " " + op + " " + r : l + op + r;
      }
    }
  }
};

std::unique_ptr<expression> random_expression(std::mt19937& rng, unsigned n, int depth) {
  auto e = std::make_unique<expression>();
  const int choice = std::uniform_int_distribution<int>(0, depth <= 0 ? 1 : 5)(rng);
  if (choice == 0) {
    e->op = 'x';
    e->value = std::uniform_int_distribution<unsigned>(1, n)(rng);
  } else if (choice == 1) {
    e->op = std::uniform_int_distribution<int>(0, 5)(rng) == 0 ? 'c' : 'x';
    e->value = e->op == 'c' ? std::uniform_int_distribution<unsigned>(0, 1)(rng)
                            : std::uniform_int_distribution<unsigned>(1, n)(rng);
  } else if (choice == 2) {
    e->op = '!';
    e->left = random_expression(rng, n, depth - 1);
  } else {
    e->op = "&^|"[choice - 3];
    e->left = random_expression(rng, n, depth - 1);
    e->right = random_expression(rng, n, depth - 1);
  }
  return e;
}

}  // namespace

TEST_CASE("boolean function: truth tables list F in binary counting order, x1 most significant", "[boolean]") {
  const boolean_function f = boolean_function::from_table("0001");  // AND
  CHECK(f.arity() == 2);
  CHECK(f.size() == 4);
  CHECK_FALSE(f(0b00));
  CHECK_FALSE(f(0b01));
  CHECK_FALSE(f(0b10));
  CHECK(f(0b11));
  CHECK(f.table() == "0001");

  // 00001111 is x1 of three inputs, 01010101 is x3.
  const boolean_function x1 = boolean_function::from_table("00001111");
  const boolean_function x3 = boolean_function::from_table("01010101");
  for (std::uint32_t v = 0; v < 8; ++v) {
    CHECK(x1(v) == bit(v, 3, 1));
    CHECK(x1.variable(v, 1) == bit(v, 3, 1));
    CHECK(x3(v) == bit(v, 3, 3));
    CHECK(x3.variable(v, 3) == bit(v, 3, 3));
  }
  CHECK(x1 == boolean_function::from_formula("x1", 3));
  CHECK(x3 == boolean_function::from_formula("x3"));
}

TEST_CASE("boolean function: a table of one character is a constant of no inputs", "[boolean]") {
  CHECK(boolean_function::from_table("1").arity() == 0);
  CHECK(boolean_function::from_table("1")(0));
  CHECK(boolean_function::from_table("0").table() == "0");
  CHECK(boolean_function::from_formula("1") == boolean_function::from_table("1"));
  CHECK(boolean_function::from_formula("0 | !1") == boolean_function::from_table("0"));
}

TEST_CASE("boolean function: bad truth tables, word for word", "[boolean]") {
  CHECK(table_error("01x0") == "truth table: column 3: expected 0 or 1, found 'x'");
  CHECK(table_error("0110 ") == "truth table: column 5: expected 0 or 1, found ' '");
  CHECK(table_error("01\xc3\xa9") == "truth table: column 3: expected 0 or 1, found '\xc3\xa9'");
  CHECK(table_error("") == "truth table: empty; it lists F for all 2^n inputs, e.g. 0110 for XOR");
  CHECK(table_error("011") ==
        "truth table: 3 characters; a table has 2^n characters (1, 2, 4, 8, ...), one for each input vector");
  CHECK(table_error(std::string((std::size_t{1} << 21), '0')) ==
        "truth table: 2^21 characters is more than the 2^20 of 20 inputs");
  CHECK(boolean_function::from_table(std::string(std::size_t{1} << 20, '1')).arity() == 20);
}

TEST_CASE("boolean function: precedence is ! over & over ^ over |, all left associative", "[boolean]") {
  const auto f = [](std::string_view text) { return boolean_function::from_formula(text, 4); };
  for (std::uint32_t v = 0; v < 16; ++v) {
    const bool a = bit(v, 4, 1), b = bit(v, 4, 2), c = bit(v, 4, 3), d = bit(v, 4, 4);
    INFO("input " << v);
    CHECK(f("!x1 & x2 | x3")(v) == ((!a && b) || c));
    CHECK(f("x1 | x2 ^ x3 & x4")(v) == (a || (b != (c && d))));
    CHECK(f("x1 & x2 ^ x3 | x4")(v) == (((a && b) != c) || d));
    CHECK(f("!(x1 | x2) & x3")(v) == (!(a || b) && c));
    CHECK(f("!!x1")(v) == a);
    CHECK(f("!!!x1 ^ 1")(v) == a);
    CHECK(f("x1 ^ x2 ^ x3 ^ x4")(v) == (((a != b) != c) != d));
    CHECK(f("((x1))&(x2)")(v) == (a && b));
    CHECK(f(" \tx1\n|\r\nx4 ")(v) == (a || d));
    CHECK(f("x1 & 0 | 1 & x2")(v) == b);
  }
}

TEST_CASE("boolean function: the arity is the largest variable or the one asked for", "[boolean]") {
  CHECK(boolean_function::from_formula("x3").arity() == 3);
  CHECK(boolean_function::from_formula("x3").table() == "01010101");
  CHECK(boolean_function::from_formula("x1", 2).table() == "0011");
  CHECK(boolean_function::from_formula("x2 & x1", 1).arity() == 2);
  CHECK(boolean_function::from_formula("x20").arity() == 20);
  CHECK(boolean_function::from_formula("0", 5).table() == std::string(32, '0'));
}

TEST_CASE("boolean function: random formulas agree with a direct evaluation", "[boolean]") {
  std::mt19937 rng(2024);
  for (int round = 0; round < 400; ++round) {
    const unsigned n = std::uniform_int_distribution<unsigned>(1, round % 4 == 0 ? 9 : 5)(rng);
    const auto e = random_expression(rng, n, std::uniform_int_distribution<int>(0, 7)(rng));
    const std::string text = e->print(round % 2 == 0);
    INFO(text);
    const boolean_function f = boolean_function::from_formula(text, n);
    REQUIRE(f.arity() == n);
    for (std::uint32_t v = 0; v < f.size(); ++v) REQUIRE(f(v) == e->evaluate(v, n));
  }
}

TEST_CASE("boolean function: parity of twenty inputs, evaluated on all 2^20 vectors", "[boolean]") {
  std::string text = "x1";
  for (int i = 2; i <= 20; ++i) text += fmt::format(" ^ x{}", i);
  const boolean_function f = boolean_function::from_formula(text);
  REQUIRE(f.arity() == 20);
  for (std::uint32_t v = 0; v < f.size(); ++v) {
    if (f(v) != (std::popcount(v) % 2 == 1)) FAIL("parity differs at " << v);
  }
}

TEST_CASE("boolean function: deep nesting costs no recursion", "[boolean]") {
  const std::string open(100000, '(');
  const std::string close(100000, ')');
  CHECK(boolean_function::from_formula(open + "x1" + close).table() == "01");
  CHECK(boolean_function::from_formula(std::string(100001, '!') + "x1").table() == "10");
  CHECK(boolean_function::from_formula(std::string(100000, '!') + "(" + "x2)").table() == "0101");
  CHECK(formula_error(open) == "formula: column 100001: expected a variable, '(' or a constant, found end of formula");
  CHECK(formula_error(open + "x1" + close.substr(1)) == "formula: column 1: '(' is not closed");

  // x1 | (x2 | (x3 | ... )) nested 5000 deep: every operand waits on the
  // evaluation stack.
  std::string right;
  for (int i = 0; i < 5000; ++i) right += fmt::format("x{} | (", i % 20 + 1);
  right += "0" + std::string(5000, ')');
  const boolean_function big = boolean_function::from_formula(right);
  CHECK(big.arity() == 20);
  CHECK_FALSE(big(0));
  CHECK(big(1));
  CHECK(big(std::uint32_t{1} << 19));
}

TEST_CASE("boolean function: formula errors name the column, word for word", "[boolean]") {
  CHECK(formula_error("(x1 & )") == "formula: column 7: expected a variable, '(' or a constant, found ')'");
  CHECK(formula_error("") == "formula: column 1: expected a variable, '(' or a constant, found end of formula");
  CHECK(formula_error("   ") == "formula: column 4: expected a variable, '(' or a constant, found end of formula");
  CHECK(formula_error("x1 &") == "formula: column 5: expected a variable, '(' or a constant, found end of formula");
  CHECK(formula_error("x1 & | x2") == "formula: column 6: expected a variable, '(' or a constant, found '|'");
  CHECK(formula_error("& x1") == "formula: column 1: expected a variable, '(' or a constant, found '&'");
  CHECK(formula_error("x1 x2") == "formula: column 4: expected an operator ('&', '^', '|') or ')', found 'x2'");
  // The first problem in the text is reported, not a later bad character.
  CHECK(formula_error("x1 x2 ~") == "formula: column 4: expected an operator ('&', '^', '|') or ')', found 'x2'");
  CHECK(formula_error("x1 !x2") == "formula: column 4: expected an operator ('&', '^', '|') or ')', found '!'");
  CHECK(formula_error("(x1)(x2)") == "formula: column 5: expected an operator ('&', '^', '|') or ')', found '('");
  CHECK(formula_error("x1 1") == "formula: column 4: expected an operator ('&', '^', '|') or ')', found '1'");
  CHECK(formula_error("x1 & (x2 | x3") == "formula: column 6: '(' is not closed");
  CHECK(formula_error("((x1) & (x2)") == "formula: column 1: '(' is not closed");
  CHECK(formula_error("x1 | x2)") == "formula: column 8: ')' without a matching '('");
  CHECK(formula_error("()") == "formula: column 2: expected a variable, '(' or a constant, found ')'");
  CHECK(formula_error("x0") == "formula: column 1: 'x0' is not a variable (the variables are x1, x2, ...)");
  CHECK(formula_error("x1 & x01") == "formula: column 6: 'x01' is not a variable (the variables are x1, x2, ...)");
  CHECK(formula_error("x1 | y") == "formula: column 6: 'y' is not a variable (the variables are x1, x2, ...)");
  CHECK(formula_error("X1") == "formula: column 1: 'X1' is not a variable (the variables are x1, x2, ...)");
  CHECK(formula_error("x") == "formula: column 1: 'x' is not a variable (the variables are x1, x2, ...)");
  CHECK(formula_error("x1 | x21") == "formula: column 6: variable 'x21' is out of range (at most 20 variables)");
  CHECK(formula_error("x123456789012345678901") ==
        "formula: column 1: variable 'x123456789012345678901' is out of range (at most 20 variables)");
  CHECK(formula_error("x1 & 2") == "formula: column 6: '2' is not a constant (the constants are 0 and 1)");
  CHECK(formula_error("10") == "formula: column 1: '10' is not a constant (the constants are 0 and 1)");
  CHECK(formula_error("1x") == "formula: column 1: '1x' is neither a constant nor a variable");
  CHECK(formula_error("x1 ~ x2") == "formula: column 4: unexpected character '~' (negation is written '!')");
  CHECK(formula_error("~x1") == "formula: column 1: unexpected character '~' (negation is written '!')");
  CHECK(formula_error("x1 + x2") == "formula: column 4: unexpected character '+' (or is written '|')");
  CHECK(formula_error("x1 * x2") == "formula: column 4: unexpected character '*' (and is written '&')");
  CHECK(formula_error("x1 && x2") == "formula: column 5: expected a variable, '(' or a constant, found '&'");
  CHECK(formula_error("x1 & \xc3\xa9") == "formula: column 6: unexpected character '\xc3\xa9'");
  CHECK(formula_error("x1 \xc3") == "formula: column 4: unexpected character '\xc3'");
  CHECK(formula_error("x1 - x2") == "formula: column 4: unexpected character '-'");
  // Characters copied from slides, and the lecture's logic symbols.
  CHECK(formula_error("x1 \u00d7 x2") ==
        "formula: column 4: unexpected character '\u00d7' (U+00D7 MULTIPLICATION SIGN); and is written '&'");
  CHECK(formula_error("x1\u00b7x2") ==
        "formula: column 3: unexpected character '\u00b7' (U+00B7 MIDDLE DOT); and is written '&'");
  CHECK(formula_error("x1 \u22c5 x2") ==
        "formula: column 4: unexpected character '\u22c5' (U+22C5 DOT OPERATOR); and is written '&'");
  CHECK(formula_error("x1 \u2212 x2") == "formula: column 4: unexpected character '\u2212' (U+2212 MINUS SIGN)");
  CHECK(formula_error("x1 &\u00a0x2") ==
        "formula: column 5: U+00A0 NO-BREAK SPACE is not an ASCII space; use an ASCII space");
  CHECK(formula_error("x\u2081 & x2") ==
        "formula: column 2: '\u2081' (U+2081 SUBSCRIPT ONE) is not ASCII '1'; use ASCII '1'");
  CHECK(formula_error("x1 \u2227 x2") == "formula: column 4: unexpected character '\u2227' (and is written '&')");
  CHECK(formula_error("x1 \u2228 x2") == "formula: column 4: unexpected character '\u2228' (or is written '|')");
  CHECK(formula_error("\u00acx1") == "formula: column 1: unexpected character '\u00ac' (negation is written '!')");
  CHECK(formula_error("x1 \u2295 x2") == "formula: column 4: unexpected character '\u2295' (xor is written '^')");

  try {
    boolean_function::from_formula("x1", 21);
    FAIL("no error");
  } catch (const input_error& e) {
    CHECK(std::string(e.what()) == "formula: 21 inputs is more than the 20 a truth table may have");
  }
}
