// Small exact-number helpers the approximation constructions share: powers
// of two, floors and ceilings of rationals, dyadic rounding, and the text of
// a point for messages.  Not part of the public headers.
#pragma once

#include "nnsim/numbers/interval_number.hpp"
#include "nnsim/numbers/rational.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace nnsim::construction {

// ⌊q⌋ and ⌈q⌉.
integer floor_of(const rational& q);
integer ceiling_of(const rational& q);

// 2^e for any integer e.
rational power_of_two(long e);
// The largest power of two <= q (q > 0).
rational power_of_two_at_most(const rational& q);

// The multiple of `step` nearest to q (halves rounded up).
rational round_to_multiple(const rational& q, const rational& step);

// The paragraphs of `text` (separated by '\n') broken into lines of at
// most `width` characters at blanks, for a network's comment.
std::string wrapped(std::string_view text, std::size_t width = 96);

// "1/2 x1 + 55/64 x2 - 55/64": an affine form for people, terms with a zero
// coefficient left out.
std::string affine_text(const std::vector<rational>& weights, const std::vector<std::string>& names,
                        const rational& constant);

}  // namespace nnsim::construction
