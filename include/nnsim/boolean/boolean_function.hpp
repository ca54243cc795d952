// A Boolean function F: {0,1}^n -> {0,1}, given as a truth table or a formula
// (issue: Boolean functions).  A truth table is a string of 2^n characters
// 0/1 listing F(x1 ... xn) for the inputs in binary counting order, x1 the
// most significant bit: "0110" is XOR of two inputs.  A formula uses x1 ... xn,
// ! (not), & (and), | (or), ^ (xor), parentheses and the constants 0 and 1,
// with the usual precedence ! > & > ^ > |.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

class boolean_function {
 public:
  boolean_function() = default;
  boolean_function(unsigned arity, std::vector<bool> values);

  // Throws input_error naming the offending character and its column
  // (1-based) when `table` is not 2^n characters 0/1 (n <= 20).
  static boolean_function from_table(std::string_view table);
  // Throws input_error with the column of the offending token.  The arity is
  // the largest variable index used, or `arity` when that is larger.
  static boolean_function from_formula(std::string_view formula, unsigned arity = 0);

  unsigned arity() const { return arity_; }
  std::size_t size() const { return values_.size(); }  // 2^arity
  // F at the input vector whose binary digits (x1 first) are `input`.
  bool operator()(std::uint32_t input) const { return values_[input]; }
  // x_i (1-based) of the input vector number `input`.
  bool variable(std::uint32_t input, unsigned i) const { return ((input >> (arity_ - i)) & 1u) != 0; }
  std::string table() const;
  friend bool operator==(const boolean_function&, const boolean_function&) = default;

 private:
  unsigned arity_ = 0;
  std::vector<bool> values_;
};

}  // namespace nnsim
