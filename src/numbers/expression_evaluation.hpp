// The evaluation of an expression tree in any number type: `Arithmetic`
// supplies the value type and one operation per node kind (the interval
// arithmetic of real_rounding.cpp; the interval number mode will be
// another).  Constants are evaluated once each, in definition order, so that
// a chain of constants each using the previous twice costs linear time and
// the recursion never goes deeper than one tree's height.
#pragma once

#include "nnsim/numbers/real_expression.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace nnsim {

template <class Arithmetic>
class expression_evaluator {
 public:
  using value = typename Arithmetic::value;

  explicit expression_evaluator(Arithmetic& arithmetic) : arithmetic_(arithmetic) {}

  value evaluate(const real_expression& root) {
    // The constants the tree reaches, in definition order.
    std::vector<const real_constant*> pending;
    std::vector<const real_expression*> stack{&root};
    while (!stack.empty()) {
      const real_expression* n = stack.back();
      stack.pop_back();
      if (n->op == real_expression::kind::constant) {
        const real_constant* c = n->constant.get();
        if (!memo_.contains(c) && std::find(pending.begin(), pending.end(), c) == pending.end()) {
          pending.push_back(c);
          stack.push_back(c->expression.get());
        }
        continue;
      }
      for (const auto& operand : n->operands) stack.push_back(operand.get());
    }
    std::sort(pending.begin(), pending.end(),
              [](const real_constant* a, const real_constant* b) { return a->sequence < b->sequence; });
    for (const real_constant* c : pending) memo_.emplace(c, node(*c->expression));
    return node(root);
  }

 private:
  value node(const real_expression& n) {
    using kind = real_expression::kind;
    if (n.value) return arithmetic_.number(*n.value);
    switch (n.op) {
      case kind::number: return arithmetic_.number(n.number);
      case kind::constant: return memo_.at(n.constant.get());
      case kind::variable: return arithmetic_.variable(n.variable);
      case kind::pi: return arithmetic_.pi();
      case kind::e: return arithmetic_.e();
      case kind::negate: return arithmetic_.negate(node(*n.operands[0]));
      case kind::add: return arithmetic_.add(node(*n.operands[0]), node(*n.operands[1]));
      case kind::subtract: return arithmetic_.subtract(node(*n.operands[0]), node(*n.operands[1]));
      case kind::multiply: return arithmetic_.multiply(node(*n.operands[0]), node(*n.operands[1]));
      case kind::divide: return arithmetic_.divide(node(*n.operands[0]), node(*n.operands[1]), n);
      case kind::power: return arithmetic_.power(node(*n.operands[0]), n.exponent, n);
      case kind::call: {
        std::vector<value> arguments;
        arguments.reserve(n.operands.size());
        for (const auto& operand : n.operands) arguments.push_back(node(*operand));
        return arithmetic_.call(n.function, arguments, n);
      }
    }
    return arithmetic_.number(0);
  }

  Arithmetic& arithmetic_;
  std::unordered_map<const real_constant*, value> memo_;
};

}  // namespace nnsim
