// Exact numbers: every weight, bias and initial value is held as a GMP
// rational whatever the number mode of a run (semantics.md, section 5).
#pragma once

#include <boost/multiprecision/gmp.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nnsim {

using rational = boost::multiprecision::mpq_rational;
using integer = boost::multiprecision::mpz_int;

// Largest |exponent| accepted in a literal such as 1e-3.  Bigger ones are
// rejected instead of building numbers with millions of digits.
inline constexpr long max_literal_exponent = 10000;

// Most decimal digits that the numerator and the denominator of a number in
// a network file may each have, in lowest terms (docs/format.md, "Limits").
// The loader keeps every number it stores within it, literals and sums alike,
// so the canonical form `p/q` of each one is a literal the loader accepts.
inline constexpr std::size_t max_number_digits = 100000;

// Nothing when `value` keeps within max_number_digits, else which part does
// not: "its denominator has 100001 digits, more than 100000".
std::optional<std::string> number_size_problem(const rational& value);

// Why a literal was refused and where in the text (0-based offset).
struct literal_problem {
  std::string message;
  std::size_t offset = 0;
};

// Reads an unsigned number of the file format at the start of `text`: an
// integer `12`, a decimal `0.125`, an exponent `1e-3` / `2.5E+2`, or a
// fraction of two such numbers `3/4` (no spaces).  On success returns the
// value and sets `length` to the characters used; on failure returns nothing
// and fills `problem`.  A number directly followed by a letter, digit, `_` or
// `.` is refused (`2x`, `1.`).
std::optional<rational> read_number(std::string_view text, std::size_t& length, literal_problem& problem);

// As read_number, without the fraction: `3/4` reads `3` (in an expression
// `/` is the division operator).
std::optional<rational> read_decimal_number(std::string_view text, std::size_t& length, literal_problem& problem);

// A value as written on a command line or after `init`: a number of the file
// format with an optional leading sign.  Throws input_error naming `what`.
rational parse_value(std::string_view text, std::string_view what = "value");

// Reduced integer or fraction: `0`, `-3`, `51/64`.
std::string to_string(const rational& value);

// Size of a value in bits: bits of the numerator plus bits of the denominator.
std::size_t bit_size(const rational& value);

bool is_integer(const rational& value);
// A dyadic rational has a power of two as its denominator.
bool is_dyadic(const rational& value);

}  // namespace nnsim
