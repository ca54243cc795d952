#include "nnsim/numbers/real_predicate.hpp"

#include <algorithm>

namespace nnsim {
namespace {

// Binding strength for printing: or 1, and 2, not and comparisons 3.
int strength(const real_predicate& p) {
  switch (p.op) {
    case real_predicate::kind::any: return 1;
    case real_predicate::kind::all: return 2;
    default: return 3;
  }
}

std::string_view symbol(real_predicate::kind op) {
  switch (op) {
    case real_predicate::kind::less: return " < ";
    case real_predicate::kind::less_equal: return " <= ";
    case real_predicate::kind::greater: return " > ";
    case real_predicate::kind::greater_equal: return " >= ";
    case real_predicate::kind::all: return " and ";
    case real_predicate::kind::any: return " or ";
    case real_predicate::kind::negation: return "not ";
  }
  return "";
}

void print(const real_predicate& p, std::string& out) {
  const auto operand = [&](const real_predicate& child, int at_least) {
    const bool parens = strength(child) < at_least;
    if (parens) out += '(';
    print(child, out);
    if (parens) out += ')';
  };
  switch (p.op) {
    case real_predicate::kind::all:
    case real_predicate::kind::any:
      for (std::size_t i = 0; i < p.operands.size(); ++i) {
        if (i > 0) out += symbol(p.op);
        operand(*p.operands[i], strength(p));
      }
      return;
    case real_predicate::kind::negation:
      out += symbol(p.op);
      operand(*p.operands[0], 3);
      return;
    default:
      out += to_string(*p.left);
      out += symbol(p.op);
      out += to_string(*p.right);
      return;
  }
}

}  // namespace

std::string to_string(const real_predicate& predicate) {
  std::string out;
  print(predicate, out);
  return out;
}

std::size_t variables_used(const real_expression& expression) {
  if (expression.op == real_expression::kind::variable) return expression.variable + 1;
  std::size_t used = 0;
  for (const auto& operand : expression.operands) used = std::max(used, variables_used(*operand));
  return used;
}

std::size_t variables_used(const real_predicate& predicate) {
  std::size_t used = 0;
  if (predicate.left) used = std::max(variables_used(*predicate.left), variables_used(*predicate.right));
  for (const auto& operand : predicate.operands) used = std::max(used, variables_used(*operand));
  return used;
}

}  // namespace nnsim
