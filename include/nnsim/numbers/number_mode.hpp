// The number modes of a run (semantics.md, section 5): exact rationals (GMP),
// binary floating point with P bits (MPFR), or IEEE doubles.
#pragma once

#include <string>
#include <string_view>

namespace nnsim {

struct number_mode {
  enum class kind { rational, real, ieee_double };
  kind type = kind::rational;
  unsigned precision = 0;  // bits of mantissa for real:P

  // "rational", "double" or "real:P" with 2 <= P <= 100000; throws input_error.
  static number_mode parse(std::string_view text);
  std::string name() const;
  bool exact() const { return type == kind::rational; }
  friend bool operator==(const number_mode&, const number_mode&) = default;
};

}  // namespace nnsim
