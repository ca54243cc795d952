#include "nnsim/numbers/real_expression.hpp"

#include "nnsim/numbers/real_predicate.hpp"
#include "nnsim/numbers/real_rounding.hpp"
#include "nnsim/support/error.hpp"
#include "support/look_alike_characters.hpp"
#include "support/spelling_suggestion.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace nnsim {

std::string_view name_of(real_function f) {
  for (const real_function_word& word : real_function_words) {
    if (word.value == f) return word.name;
  }
  return "?";
}

bool is_expression_word(std::string_view word) {
  if (word == "pi" || word == "e") return true;
  return std::any_of(real_function_words.begin(), real_function_words.end(),
                     [word](const real_function_word& w) { return w.name == word; });
}

namespace {

using node = real_expression;
using node_ptr = std::shared_ptr<node>;

[[noreturn]] void fail(std::size_t offset, const std::string& message) { throw expression_error(message, offset); }

// A folded value must keep within max_number_digits, like every number of a
// network file.
void check_size(const rational& value, std::size_t offset) {
  if (auto problem = number_size_problem(value)) fail(offset, fmt::format("the value is too large: {}", *problem));
}

// Whether q is the square of a rational, and its root.
std::optional<rational> rational_square_root(const rational& q) {
  const mpq_srcptr v = q.backend().data();
  if (mpq_sgn(v) < 0) return std::nullopt;
  if (mpz_perfect_square_p(mpq_numref(v)) == 0 || mpz_perfect_square_p(mpq_denref(v)) == 0) return std::nullopt;
  integer num, den;
  mpz_sqrt(num.backend().data(), mpq_numref(v));
  mpz_sqrt(den.backend().data(), mpq_denref(v));
  return rational(num, den);
}

// Folds `n` from its operands' values (all must be rational), or reports a
// domain error that exact values already show.
void fold(node& n) {
  for (const auto& operand : n.operands) {
    if (!operand->value) return;
  }
  const auto value_of = [&](std::size_t i) -> const rational& { return *n.operands[i]->value; };
  rational result;
  switch (n.op) {
    case node::kind::number: n.value = n.number; return;
    case node::kind::constant: n.value = n.constant->value(); return;
    case node::kind::variable:
    case node::kind::pi:
    case node::kind::e: return;
    case node::kind::negate: result = -value_of(0); break;
    case node::kind::add: result = value_of(0) + value_of(1); break;
    case node::kind::subtract: result = value_of(0) - value_of(1); break;
    case node::kind::multiply: result = value_of(0) * value_of(1); break;
    case node::kind::divide:
      if (value_of(1) == 0) fail(n.offset, "division by zero");
      result = value_of(0) / value_of(1);
      break;
    case node::kind::power: {
      const rational& base = value_of(0);
      if (base == 0 && n.exponent < 0) fail(n.offset, fmt::format("0^{} is a division by zero", n.exponent));
      const unsigned long magnitude =
          n.exponent < 0 ? static_cast<unsigned long>(-(n.exponent + 1)) + 1 : static_cast<unsigned long>(n.exponent);
      const mpq_srcptr b = base.backend().data();
      // The digits of num^k and den^k are about k times the digits of num
      // and den: refuse before computing a number that would be too large.
      const bool unit = mpz_cmpabs_ui(mpq_numref(b), 1) <= 0 && mpz_cmp_ui(mpq_denref(b), 1) == 0;
      if (!unit) {
        const double bits = static_cast<double>(std::max(mpz_sizeinbase(mpq_numref(b), 2) - 1,
                                                         mpz_sizeinbase(mpq_denref(b), 2) - 1));
        const double digits = static_cast<double>(magnitude) * std::max(bits, 1.0) * 0.30102999566398;
        if (digits > static_cast<double>(max_number_digits) + 1) {
          fail(n.offset, fmt::format("the value is too large: the power has more than {} digits", max_number_digits));
        }
      }
      integer num, den;
      mpz_pow_ui(num.backend().data(), mpq_numref(b), magnitude);
      mpz_pow_ui(den.backend().data(), mpq_denref(b), magnitude);
      result = n.exponent < 0 ? rational(den, num) : rational(num, den);
      break;
    }
    case node::kind::call:
      switch (n.function) {
        case real_function::sqrt:
          if (value_of(0) < 0) fail(n.offset, fmt::format("sqrt of the negative number {}", to_string(value_of(0))));
          n.value = rational_square_root(value_of(0));
          return;
        case real_function::log:
          if (value_of(0) <= 0) fail(n.offset, fmt::format("log of {}, which is not positive", to_string(value_of(0))));
          if (value_of(0) == 1) n.value = rational(0);
          return;
        case real_function::sin:
        case real_function::tanh:
          if (value_of(0) == 0) n.value = rational(0);
          return;
        case real_function::exp:
        case real_function::cos:
          if (value_of(0) == 0) n.value = rational(1);
          return;
        case real_function::abs: result = abs(value_of(0)); break;
        case real_function::min:
        case real_function::max: {
          result = value_of(0);
          for (std::size_t i = 1; i < n.operands.size(); ++i) {
            const bool take = n.function == real_function::min ? value_of(i) < result : value_of(i) > result;
            if (take) result = value_of(i);
          }
          break;
        }
      }
      break;
  }
  check_size(result, n.offset);
  n.value = std::move(result);
}

node_ptr make(node::kind op, std::size_t offset, std::vector<real_expression_ptr> operands) {
  auto n = std::make_shared<node>();
  n->op = op;
  n->offset = offset;
  n->operands = std::move(operands);
  for (const auto& operand : n->operands) n->height = std::max(n->height, operand->height + 1);
  if (n->height > max_expression_height) {
    fail(offset, fmt::format("the expression has more than {} levels of operations", max_expression_height));
  }
  return n;
}

real_expression_ptr finish(node_ptr n) {
  fold(*n);
  return n;
}

class expression_parser {
 public:
  expression_parser(std::string_view text, const constant_lookup& lookup,
                    const std::vector<std::string>* variables = nullptr)
      : text_(text), lookup_(lookup), variables_(variables) {}

  real_expression_ptr parse_all() {
    real_expression_ptr result = parse_sum();
    skip_blanks();
    if (pos_ < text_.size()) {
      if (text_[pos_] == ')') fail(pos_, "unmatched ')'");
      fail_unexpected("an operator");
    }
    return result;
  }

  real_predicate_ptr parse_predicate_all() {
    real_predicate_ptr result = parse_disjunction();
    skip_blanks();
    if (pos_ < text_.size()) {
      if (text_[pos_] == ')') fail(pos_, "unmatched ')'");
      fail_unexpected("'and', 'or' or the end of the predicate");
    }
    return result;
  }

 private:
  using predicate = real_predicate;

  // Whether the text continues with the word `word` (not a longer name).
  bool at_word(std::string_view word) {
    skip_blanks();
    if (text_.substr(pos_, word.size()) != word) return false;
    const std::size_t end = pos_ + word.size();
    return end >= text_.size() || !continues_identifier(text_[end]);
  }

  // disjunction := conjunction ('or' conjunction)*
  real_predicate_ptr parse_disjunction() { return parse_junction("or", predicate::kind::any); }
  // conjunction := negation ('and' negation)*
  real_predicate_ptr parse_conjunction() { return parse_junction("and", predicate::kind::all); }

  real_predicate_ptr parse_junction(std::string_view word, predicate::kind op) {
    real_predicate_ptr first = op == predicate::kind::any ? parse_conjunction() : parse_negation();
    if (!at_word(word)) return first;
    auto joined = std::make_shared<predicate>();
    joined->op = op;
    joined->offset = first->offset;
    joined->operands.push_back(std::move(first));
    while (at_word(word)) {
      pos_ += word.size();
      joined->operands.push_back(op == predicate::kind::any ? parse_conjunction() : parse_negation());
    }
    return joined;
  }

  // negation := 'not' negation | '(' disjunction ')' | comparison.  A
  // parenthesis opens a predicate when a comparison stands inside it
  // (arithmetic never holds '<' or '>'), otherwise an expression.
  real_predicate_ptr parse_negation() {
    if (at_word("not")) {
      const std::size_t offset = pos_;
      pos_ += 3;
      depth_guard guard(*this, offset);
      auto negation = std::make_shared<predicate>();
      negation->op = predicate::kind::negation;
      negation->offset = offset;
      negation->operands.push_back(parse_negation());
      return negation;
    }
    if (at('(') && group_holds_comparison()) {
      const std::size_t open = pos_++;
      depth_guard guard(*this, open);
      real_predicate_ptr inner = parse_disjunction();
      if (!at(')')) {
        skip_blanks();
        if (pos_ >= text_.size()) fail(open, "missing ')' to close this '('");
        fail_unexpected("')'");
      }
      ++pos_;
      return inner;
    }
    return parse_comparison();
  }

  bool group_holds_comparison() const {
    long depth = 0;
    for (std::size_t i = pos_; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) return false;
      if (c == '<' || c == '>') return true;
    }
    return false;
  }

  std::optional<predicate::kind> read_comparison() {
    skip_blanks();
    if (pos_ >= text_.size() || (text_[pos_] != '<' && text_[pos_] != '>')) return std::nullopt;
    const bool less = text_[pos_++] == '<';
    const bool or_equal = pos_ < text_.size() && text_[pos_] == '=';
    if (or_equal) ++pos_;
    if (less) return or_equal ? predicate::kind::less_equal : predicate::kind::less;
    return or_equal ? predicate::kind::greater_equal : predicate::kind::greater;
  }

  // comparison := sum CMP sum (CMP sum)*, a chain meaning each neighbouring pair
  real_predicate_ptr parse_comparison() {
    skip_blanks();
    const std::size_t start = pos_;
    real_expression_ptr left = parse_sum();
    std::vector<real_predicate_ptr> links;
    while (true) {
      skip_blanks();
      const std::size_t offset = pos_;
      const std::optional<predicate::kind> op = read_comparison();
      if (!op) break;
      auto link = std::make_shared<predicate>();
      link->op = *op;
      link->offset = offset;
      link->left = left;
      link->right = parse_sum();
      left = link->right;
      links.push_back(std::move(link));
    }
    if (links.empty()) fail_unexpected("a comparison ('<', '<=', '>' or '>=')");
    if (links.size() == 1) return links.front();
    auto chain = std::make_shared<predicate>();
    chain->op = predicate::kind::all;
    chain->offset = start;
    chain->operands = std::move(links);
    return chain;
  }

  void skip_blanks() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  bool at(char c) {
    skip_blanks();
    return pos_ < text_.size() && text_[pos_] == c;
  }

  [[noreturn]] void fail_unexpected(std::string_view expected) {
    skip_blanks();
    if (pos_ >= text_.size()) fail(pos_, fmt::format("expected {}, found the end of the expression", expected));
    if (const auto look_alike = look_alike_at(text_, pos_)) fail(pos_, look_alike_message(*look_alike));
    std::size_t end = pos_ + 1;
    if (starts_identifier(text_[pos_])) {
      while (end < text_.size() && continues_identifier(text_[end])) ++end;
    }
    fail(pos_, fmt::format("expected {}, found '{}'", expected, shorten(text_.substr(pos_, end - pos_))));
  }

  struct depth_guard {
    explicit depth_guard(expression_parser& p, std::size_t offset) : parser(p) {
      if (++parser.depth_ > max_expression_depth) {
        fail(offset, fmt::format("the expression is nested more than {} levels deep", max_expression_depth));
      }
    }
    ~depth_guard() { --parser.depth_; }
    depth_guard(const depth_guard&) = delete;
    depth_guard& operator=(const depth_guard&) = delete;
    expression_parser& parser;
  };

  // sum := product (('+' | '-') product)*
  real_expression_ptr parse_sum() {
    real_expression_ptr left = parse_product();
    while (at('+') || at('-')) {
      const std::size_t offset = pos_;
      const auto op = text_[pos_++] == '+' ? node::kind::add : node::kind::subtract;
      real_expression_ptr right = parse_product();
      left = finish(make(op, offset, {std::move(left), std::move(right)}));
    }
    return left;
  }

  // product := unary (('*' | '/') unary)*
  real_expression_ptr parse_product() {
    real_expression_ptr left = parse_unary();
    while (at('*') || at('/')) {
      const std::size_t offset = pos_;
      const auto op = text_[pos_++] == '*' ? node::kind::multiply : node::kind::divide;
      real_expression_ptr right = parse_unary();
      left = finish(make(op, offset, {std::move(left), std::move(right)}));
    }
    return left;
  }

  // unary := '-' unary | power
  real_expression_ptr parse_unary() {
    if (at('-')) {
      const std::size_t offset = pos_++;
      depth_guard guard(*this, offset);
      return finish(make(node::kind::negate, offset, {parse_unary()}));
    }
    return parse_power();
  }

  // power := primary ['^' exponent];  exponent := '-' exponent | power,
  // which must be an integer.
  real_expression_ptr parse_power() {
    real_expression_ptr base = parse_primary();
    if (!at('^')) return base;
    const std::size_t offset = pos_++;
    depth_guard guard(*this, offset);
    const std::size_t exponent_offset = (skip_blanks(), pos_);
    real_expression_ptr exponent = parse_exponent();
    if (!exponent->value || !is_integer(*exponent->value)) {
      fail(exponent_offset, "the exponent of '^' must be an integer");
    }
    const mpz_srcptr z = mpq_numref(exponent->value->backend().data());
    if (mpz_fits_slong_p(z) == 0 || mpz_cmpabs_ui(z, 1000000000UL) > 0) {
      fail(exponent_offset, "the exponent of '^' is too large (at most 1000000000 in size)");
    }
    auto n = make(node::kind::power, offset, {std::move(base)});
    n->exponent = mpz_get_si(z);
    return finish(n);
  }

  real_expression_ptr parse_exponent() {
    if (at('-')) {
      const std::size_t offset = pos_++;
      depth_guard guard(*this, offset);
      return finish(make(node::kind::negate, offset, {parse_exponent()}));
    }
    return parse_power();
  }

  real_expression_ptr parse_primary() {
    skip_blanks();
    if (pos_ >= text_.size()) fail_unexpected("a number, a name or '('");
    const std::size_t start = pos_;
    const char c = text_[pos_];
    if (c == '(') {
      ++pos_;
      depth_guard guard(*this, start);
      real_expression_ptr inner = parse_sum();
      if (!at(')')) {
        skip_blanks();
        if (pos_ >= text_.size()) fail(start, "missing ')' to close this '('");
        fail_unexpected("')'");
      }
      ++pos_;
      return inner;
    }
    if (is_ascii_digit(c)) {
      std::size_t length = 0;
      literal_problem problem;
      auto value = read_decimal_number(text_.substr(pos_), length, problem);
      if (!value) fail(pos_ + problem.offset, problem.message);
      pos_ += length;
      auto n = make(node::kind::number, start, {});
      n->number = std::move(*value);
      return finish(n);
    }
    if (!starts_identifier(c)) fail_unexpected("a number, a name or '('");
    while (pos_ < text_.size() && continues_identifier(text_[pos_])) ++pos_;
    const std::string_view name = text_.substr(start, pos_ - start);
    if (at('(')) return parse_call(name, start);
    if (name == "pi") return finish(make(node::kind::pi, start, {}));
    if (name == "e") return finish(make(node::kind::e, start, {}));
    if (is_expression_word(name)) fail(start, fmt::format("the function '{}' needs its arguments: {}(...)", name, name));
    if (variables_ != nullptr) {
      const auto found = std::find(variables_->begin(), variables_->end(), name);
      if (found == variables_->end()) {
        std::vector<std::string_view> words(variables_->begin(), variables_->end());
        words.push_back("pi");
        words.push_back("e");
        const std::string hint = did_you_mean(name, words);
        fail(start, fmt::format("undefined name '{}'{}", shorten(name),
                                hint.empty() ? fmt::format(" (the variables are {})", alternatives(words, " and ")) : hint));
      }
      auto n = make(node::kind::variable, start, {});
      n->variable = static_cast<std::size_t>(found - variables_->begin());
      n->variable_name = *found;
      return n;
    }
    real_constant_ptr constant = lookup_ ? lookup_(name, start) : nullptr;
    if (!constant) {
      std::vector<std::string_view> words{"pi", "e"};
      fail(start, fmt::format("undefined name '{}'{}", shorten(name), did_you_mean(name, words)));
    }
    auto n = make(node::kind::constant, start, {});
    n->constant = std::move(constant);
    return finish(n);
  }

  // NAME '(' sum (',' sum)* ')'
  real_expression_ptr parse_call(std::string_view name, std::size_t start) {
    const auto word = std::find_if(real_function_words.begin(), real_function_words.end(),
                                   [name](const real_function_word& w) { return w.name == name; });
    if (word == real_function_words.end()) {
      const std::string hint = did_you_mean(name, function_names());
      fail(start, fmt::format("unknown function '{}'{}", shorten(name),
                              hint.empty() ? fmt::format(" (the functions are {})", alternatives(function_names(), " and "))
                                           : hint));
    }
    const std::size_t open = pos_++;
    depth_guard guard(*this, open);
    auto n = make(node::kind::call, start, {});
    n->function = word->value;
    while (true) {
      n->operands.push_back(parse_sum());
      if (at(',')) {
        ++pos_;
        continue;
      }
      if (at(')')) {
        ++pos_;
        break;
      }
      skip_blanks();
      if (pos_ >= text_.size()) fail(open, "missing ')' to close this '('");
      fail_unexpected("',' or ')'");
    }
    const std::size_t count = n->operands.size();
    if (word->min_arguments == 1 && count != 1) {
      fail(start, fmt::format("'{}' takes one argument, not {}", name, count));
    }
    if (count < word->min_arguments) fail(start, fmt::format("'{}' takes two or more arguments", name));
    return finish(n);
  }

  static std::vector<std::string_view> function_names() {
    std::vector<std::string_view> names;
    for (const real_function_word& w : real_function_words) names.push_back(w.name);
    return names;
  }

  std::string_view text_;
  const constant_lookup& lookup_;
  const std::vector<std::string>* variables_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
};

// Binding strength for printing: sums 1, products 2, unary minus 3, powers
// 4, leaves and calls 5.  A non-integer number leaf prints as `p/q`, a
// product.
int strength(const real_expression& n) {
  switch (n.op) {
    case node::kind::add:
    case node::kind::subtract: return 1;
    case node::kind::multiply:
    case node::kind::divide: return 2;
    case node::kind::negate: return 3;
    case node::kind::power: return 4;
    case node::kind::number: return is_integer(n.number) ? 5 : 2;
    default: return 5;
  }
}

bool is_integer_leaf(const real_expression& n) { return n.op == node::kind::number && is_integer(n.number); }

void print(const real_expression& n, std::string& out) {
  const auto operand = [&](std::size_t i, int at_least) {
    const real_expression& child = *n.operands[i];
    const bool parens = strength(child) < at_least;
    if (parens) out += '(';
    print(child, out);
    if (parens) out += ')';
  };
  switch (n.op) {
    case node::kind::number: out += to_string(n.number); return;
    case node::kind::constant: out += n.constant->name; return;
    case node::kind::variable: out += n.variable_name; return;
    case node::kind::pi: out += "pi"; return;
    case node::kind::e: out += "e"; return;
    case node::kind::negate:
      out += '-';
      operand(0, 3);
      return;
    case node::kind::add:
    case node::kind::subtract:
      operand(0, 1);
      out += n.op == node::kind::add ? " + " : " - ";
      operand(1, 2);
      return;
    case node::kind::multiply:
    case node::kind::divide:
      operand(0, 2);
      // 1/3 stays one word, as the file format writes a fraction.
      if (n.op == node::kind::divide && is_integer_leaf(*n.operands[0]) && is_integer_leaf(*n.operands[1])) {
        out += '/';
      } else {
        out += n.op == node::kind::multiply ? " * " : " / ";
      }
      operand(1, 3);
      return;
    case node::kind::power:
      operand(0, 5);
      out += fmt::format("^{}", n.exponent);
      return;
    case node::kind::call:
      out += name_of(n.function);
      out += '(';
      for (std::size_t i = 0; i < n.operands.size(); ++i) {
        if (i > 0) out += ", ";
        operand(i, 0);
      }
      out += ')';
      return;
  }
}

}  // namespace

real_expression_ptr parse_real_expression(std::string_view text, const constant_lookup& lookup) {
  return expression_parser(text, lookup).parse_all();
}

real_expression_ptr parse_real_function(std::string_view text, const std::vector<std::string>& variables) {
  return expression_parser(text, {}, &variables).parse_all();
}

real_predicate_ptr parse_real_predicate(std::string_view text, const std::vector<std::string>& variables) {
  return expression_parser(text, {}, &variables).parse_predicate_all();
}

std::string to_string(const real_expression& expression) {
  std::string out;
  print(expression, out);
  return out;
}

real_expression_ptr parse_value_expression(std::string_view text, std::string_view what) {
  try {
    return parse_real_expression(text);
  } catch (const expression_error& error) {
    if (const auto found = find_look_alike(text)) {
      throw input_error(fmt::format("invalid {} '{}': {}", what, text, look_alike_message(found->character)));
    }
    throw input_error(fmt::format("invalid {} '{}': {}", what, text, error.what()));
  }
}

real_value parse_real_value(std::string_view text, std::string_view what) {
  try {
    return {parse_value(text, what), nullptr};
  } catch (const input_error&) {
    // Plain numbers and lone words keep parse_value's messages ("expected a
    // number"); anything that looks like an expression gets the expression's.
    const std::string_view unsigned_text = !text.empty() && (text[0] == '-' || text[0] == '+') ? text.substr(1) : text;
    const bool expression_like = unsigned_text == "pi" || unsigned_text == "e" ||
                                 unsigned_text.find_first_of("()^*/+- \t") != std::string_view::npos;
    if (!expression_like) throw;
  }
  real_expression_ptr value = parse_value_expression(text, what);
  if (value->value) return {*value->value, nullptr};
  try {
    check_enclosure(*value);
  } catch (const expression_error& error) {
    throw input_error(fmt::format("invalid {} '{}': {}", what, text, error.what()));
  }
  return {rational(0), std::move(value)};
}

rational parse_rational_value(std::string_view text, std::string_view what) {
  real_value value = parse_real_value(text, what);
  if (value.irrational) {
    throw input_error(fmt::format("invalid {} '{}': it is irrational, and only rational values can be given here",
                                  what, text));
  }
  return std::move(value.exact);
}

std::vector<std::string_view> split_value_list(std::string_view text) {
  const auto trim = [](std::string_view item) {
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    return item;
  };
  std::vector<std::string_view> items;
  if (trim(text).empty()) return items;
  std::size_t start = 0;
  long depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')') --depth;
    if (text[i] == ',' && depth <= 0) {
      items.push_back(trim(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  items.push_back(trim(text.substr(start)));
  return items;
}

real_expression_ptr negated(real_expression_ptr x) {
  const std::size_t offset = x->offset;
  return finish(make(node::kind::negate, offset, {std::move(x)}));
}

real_expression_ptr reciprocal(real_expression_ptr x) {
  const std::size_t offset = x->offset;
  auto one = make(node::kind::number, offset, {});
  one->number = 1;
  return finish(make(node::kind::divide, offset, {finish(one), std::move(x)}));
}

real_expression_ptr constant_reference(real_constant_ptr constant) {
  auto n = make(node::kind::constant, 0, {});
  n->constant = std::move(constant);
  return finish(n);
}

}  // namespace nnsim
