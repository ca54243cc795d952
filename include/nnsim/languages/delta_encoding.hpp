// The delta-encoding of binary words as dyadic rationals (semantics.md,
// section 6): delta(w1...wn) = 0.w1...wn1 in binary.
#pragma once

#include "nnsim/numbers/rational.hpp"

#include <string>
#include <string_view>

namespace nnsim {

// delta(word); throws input_error if `word` has a character other than 0/1.
rational delta_encode(std::string_view word);

// The word whose delta-code is `code`; throws input_error when `code` is not
// a delta-code (not a / 2^m with a odd, m >= 1, 0 < code < 1).
std::string delta_decode(const rational& code);

bool is_delta_code(const rational& code);

}  // namespace nnsim
