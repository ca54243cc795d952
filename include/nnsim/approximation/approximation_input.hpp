// The texts a user gives the approximation commands: a function `--function
// 'sin(3*x)^2'` and a set `--set 'x1^2 + x2^2 <= 1/4'` over ℝ^dimension,
// in the variables variables_for(dimension).
#pragma once

#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/numbers/real_predicate.hpp"

#include <cstddef>
#include <string_view>

namespace nnsim {

// Throws input_error "invalid OPTION 'TEXT': MESSAGE at column C" (1-based)
// for a text that does not parse or names a variable not in the list.
real_expression_ptr parse_function_option(std::string_view text, std::size_t dimension,
                                          std::string_view option = "--function");
real_predicate_ptr parse_set_option(std::string_view text, std::size_t dimension, std::string_view option = "--set");

// A bound for people: the exact value when it is short, otherwise a decimal
// with `digits` significant digits rounded up (an upper bound) or down (a
// lower bound), so that what is printed is still proven.
std::string bound_text(const rational& value, bool upper, int digits = 6);

}  // namespace nnsim
