// A predicate over real variables, the way a set A ⊆ ℝ^k is described to
// the approximation constructions (the lecture's "reasonable" sets):
// comparisons of two expressions of the expression language
// (real_expression.hpp) joined by `and`, `or`, `not` and parentheses, e.g.
// `x1^2 + x2^2 <= 1/4 or x1 > 3/4`.  A chain `0 < x < 1/3` is the
// conjunction of its comparisons.
//
// Precedence: `not` binds tightest, then `and`, then `or`.  There is no
// equality comparison: the constructions care about sets up to measure zero,
// and `x = 1/3` would describe a set of measure zero.
#pragma once

#include "nnsim/numbers/real_expression.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

struct real_predicate {
  enum class kind { less, less_equal, greater, greater_equal, all, any, negation };
  kind op = kind::less;
  real_expression_ptr left, right;                               // the comparisons
  std::vector<std::shared_ptr<const real_predicate>> operands;  // all (and), any (or), negation (one)
  std::size_t offset = 0;                                        // in the text
};

using real_predicate_ptr = std::shared_ptr<const real_predicate>;

// Parses all of `text`; names other than pi and e must be in `variables`.
// Throws expression_error with the offset of the problem.
real_predicate_ptr parse_real_predicate(std::string_view text, const std::vector<std::string>& variables);

// The predicate written back, with only the parentheses precedence needs.
std::string to_string(const real_predicate& predicate);

// The greatest variable index the predicate (or expression) uses, plus one:
// the least dimension it makes sense in.
std::size_t variables_used(const real_predicate& predicate);
std::size_t variables_used(const real_expression& expression);

}  // namespace nnsim
