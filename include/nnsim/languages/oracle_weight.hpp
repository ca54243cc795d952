// The one real weight of the super-Turing network (reals.md, section 4;
// H. T. Siegelmann and E. D. Sontag, "Analog computation via neural
// networks", Theoret. Comput. Sci. 131 (1994) 331-360):
//
//     w_L = Σ_{i >= 1} d_i 4^-i,   d_i = 3 if the i-th word (shortlex) is in L, else 1.
//
// Every language has one; nnsim writes and reads its finite prefixes: the
// first 2^(n+1) - 1 digits, which decide the words of length 0..n, make the
// rational N / 4^(2^(n+1) - 1).  The digits 1 and 3 keep a gap between the
// numbers whose top digit is 1 (in [1/3, 1/2]) and those whose top digit is
// 3 (in [5/6, 1]), so sat(4q - 2) reads the top digit exactly.
#pragma once

#include "nnsim/languages/language_prefix.hpp"
#include "nnsim/numbers/rational.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace nnsim {

// N / 4^M, M = language.word_count(), digit i being 3 or 1 as the word at
// position i is in the language or not.
rational language_weight(const language_prefix& language);

// The base-4 digits of a number 0 < w < 1 whose denominator is a power of
// 2: the shortest string "d1 d2 … dM" (without spaces) with
// w = Σ d_i 4^-i.  Throws input_error for any other number.
std::string base4_digits(const rational& weight);

// The longest length n whose words the weight decides: its first
// 2^(n+1) - 1 digits are all 1 or 3; nothing when the first is not.
// Throws as base4_digits.
std::optional<std::size_t> decided_length(const rational& weight);

// The language the weight encodes on the words of length 0..max_length.
// Throws input_error, naming the first offending digit and its word, when
// one of the first 2^(max_length+1) - 1 digits is not 1 or 3 (a digit past
// the end of the prefix is 0), and as base4_digits.
language_prefix language_of_weight(const rational& weight, std::size_t max_length);

}  // namespace nnsim
