// The number modes of a run (semantics.md, section 5; reals.md, section 2):
// exact rationals (GMP), binary floating point with P bits (MPFR), IEEE
// doubles, intervals with P-bit endpoints that enclose the exact real values
// (MPFI), or such intervals with the precision raised until the verdict is
// proven (certified).
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace nnsim {

struct number_mode {
  enum class kind { rational, real, ieee_double, interval, certified };
  kind type = kind::rational;
  unsigned precision = 0;  // bits of mantissa for real:P and interval:P

  // "rational", "double", "real:P", "interval:P" (2 <= P <= 100000) or
  // "certified"; throws input_error.
  static number_mode parse(std::string_view text);
  std::string name() const;
  bool exact() const { return type == kind::rational; }
  // interval:P and certified: the values are enclosures and the verdicts proven.
  bool proves() const { return type == kind::interval || type == kind::certified; }
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

inline constexpr std::array<number_mode_word, 5> number_mode_words{{
    {number_mode::kind::rational, "rational", "rational", false, 0, true, "exact"},
    {number_mode::kind::ieee_double, "double", "double", false, 53, false, ""},
    {number_mode::kind::real, "real", "real:P", true, 0, false, "P-bit binary floating point"},
    {number_mode::kind::interval, "interval", "interval:P", true, 0, false, "intervals of P-bit bounds, proven verdicts"},
    {number_mode::kind::certified, "certified", "certified", false, 0, false,
     "intervals, the precision raised until the verdict is proven"},
}};

// The forms of --numbers: "rational, double, real:P, interval:P or certified".
std::string number_mode_alternatives();
// The forms with their remarks for --help: "rational (exact), double, or
// real:P (P-bit binary floating point)".
std::string number_mode_help();
// The modes other than rational, the proven ones first, as an option:
// "--numbers certified, interval:P, real:P or double".
std::string inexact_number_mode_options();

}  // namespace nnsim
