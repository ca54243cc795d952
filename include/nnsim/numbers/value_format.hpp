// The text of a value, the one place where numbers become text (for the
// command line, JSON, CSV and messages): an exact rational as a reduced
// integer or fraction (`0`, `-3`, `51/64`); a double or an MPFR value as a
// decimal that reads back to the same binary value (`0.5`,
// `0.30000000000000004`, `1e+30`), and `inf`, `-inf`, `nan`, `-0`; an
// interval that is one point as that point's exact rational, any other as
// `[lo, hi]` with decimal bounds rounded outward.
#pragma once

#include "nnsim/numbers/interval_number.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_number.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

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

// Significant digits of each bound in the text of an interval: a wider
// text than the interval's still encloses it, and a 65536-bit interval
// written in full would be 19,729 digits a bound.
inline constexpr std::size_t interval_text_digits = 20;

// A point [a, a] as the exact rational a (`1`, `3/4`); otherwise
// `[lo, hi]`, each bound written as format_value(real_number) writes a
// value, with at most interval_text_digits significant digits and rounded
// outward (down for lo, up for hi), so that the text encloses the interval.
std::string format_value(const interval_number& value);

// The decimal bounds of an interval that is not a point, with as many
// significant digits as its precision carries (1 + ceil(P log10 2)),
// rounded outward (the JSON form); nothing for a point (its text is then the
// exact value).
std::optional<std::pair<std::string, std::string>> interval_bounds_text(const interval_number& value);

}  // namespace nnsim
