// The number modes of a run (semantics.md, section 5): exact rationals (GMP),
// binary floating point with P bits (MPFR), or IEEE doubles.
#pragma once

#include <array>
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

// A number mode of a run (semantics.md, section 5).
struct number_mode_word {
  number_mode::kind value;
  std::string_view name;         // "rational", "double", "real"
  std::string_view form;         // as written in an option: "real:P"
  bool takes_precision;          // NAME:P
  unsigned precision;            // the mantissa bits when fixed
  bool exact_in_rational_mode;   // the values are exact (only rational)
  std::string_view help;         // a short remark, empty when the name says enough
};

inline constexpr std::array<number_mode_word, 3> number_mode_words{{
    {number_mode::kind::rational, "rational", "rational", false, 0, true, "exact"},
    {number_mode::kind::ieee_double, "double", "double", false, 53, false, ""},
    {number_mode::kind::real, "real", "real:P", true, 0, false, "P-bit binary floating point"},
}};

// The forms of --numbers: "rational, double or real:P".
std::string number_mode_alternatives();
// The forms with their remarks for --help: "rational (exact), double, or
// real:P (P-bit binary floating point)".
std::string number_mode_help();
// The forms that compute only approximately, as options: "--numbers double
// or --numbers real:P".
std::string inexact_number_mode_options();

}  // namespace nnsim
