// The helpers of boolean_network_builder.hpp.
#include "boolean/boolean_network_builder.hpp"

#include "nnsim/boolean/minimum_cover.hpp"
#include "nnsim/support/error.hpp"

#include <bit>

namespace nnsim::construction {

// "x1 + x2 + x3" for a comment.
std::string sum_text(unsigned arity) {
  if (arity == 0) return "0";
  if (arity <= 3) {
    std::string text = "x1";
    for (unsigned i = 2; i <= arity; ++i) text += fmt::format(" + x{}", i);
    return text;
  }
  return fmt::format("x1 + ... + x{}", arity);
}

// "x1, x2, x3" or "x1, ..., x8".
std::string argument_text(unsigned arity) {
  if (arity == 0) return "";
  if (arity <= 3) {
    std::string text = "x1";
    for (unsigned i = 2; i <= arity; ++i) text += fmt::format(", x{}", i);
    return text;
  }
  return fmt::format("x1, ..., x{}", arity);
}

std::string inputs_text(unsigned n) { return n == 1 ? "1 input" : fmt::format("{} inputs", n); }

unsigned popcount(std::uint32_t v) { return static_cast<unsigned>(std::popcount(v)); }

// The bits of the input number v, x1 first: "101".
std::string vector_bits(std::uint32_t v, unsigned arity) {
  std::string text(arity, '0');
  for (unsigned i = 1; i <= arity; ++i) {
    if (((v >> (arity - i)) & 1u) != 0) text[i - 1] = '1';
  }
  return text;
}

// "(1,0,1)".
std::string vector_tuple(std::uint32_t v, unsigned arity) {
  std::string text = "(";
  for (unsigned i = 1; i <= arity; ++i) {
    if (i > 1) text += ',';
    text += ((v >> (arity - i)) & 1u) != 0 ? '1' : '0';
  }
  return text + ")";
}

void check_minimize_arity(const boolean_function& f) {
  if (f.arity() > max_minimize_arity) {
    throw input_error(fmt::format("minimizing a function of {} inputs: the exact minimization handles at most {} "
                                  "inputs (the number of prime implicants grows like 3^n / n)",
                                  f.arity(), max_minimize_arity));
  }
}

}  // namespace nnsim::construction
