// The text of a value, the one place where numbers become text (for the
// command line, JSON, CSV and messages): an exact rational as a reduced
// integer or fraction (`0`, `-3`, `51/64`); a double or an MPFR value as a
// decimal that reads back to the same binary value (`0.5`,
// `0.30000000000000004`, `1e+30`), and `inf`, `-inf`, `nan`, `-0`.
#pragma once

#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_number.hpp"

#include <string>

namespace nnsim {

// Reduced integer or fraction, as to_string(rational).
std::string format_value(const rational& value);

// The value rounded to the number of significant digits that always reads
// back to the same P-bit value (mpfr_get_str with 0 digits: 1 + ceil(P log10
// 2), 17 for P = 53), trailing zeros dropped, written as d.ddd for decimal
// exponents -6 < e <= 21 and as d.ddde-x otherwise.
std::string format_value(const real_number& value);

// The shortest decimal that reads back to the same double (fmt's "{}").
std::string format_value(double value);

}  // namespace nnsim
