// Arithmetic modulo the Mersenne prime p = 2^61 - 1 for the polynomial
// hashes of the repetition checks (a Turing machine's tape, a tag system's
// word): H = sum of v(x_k) b^k over the positions k, updated in O(1) when
// one position changes, and comparable after a shift of the positions by
// multiplying with a power of b or of its inverse.  A hash only ever says
// "different"; equal hashes are always confirmed by comparing the contents.
#pragma once

#include <cstdint>

namespace nnsim {

inline constexpr std::uint64_t hash_modulus = (std::uint64_t{1} << 61) - 1;

inline constexpr std::uint64_t multiply_mod(std::uint64_t a, std::uint64_t b) {
  __extension__ using wide = unsigned __int128;
  const wide product = static_cast<wide>(a) * b;
  const std::uint64_t folded =
      static_cast<std::uint64_t>(product & hash_modulus) + static_cast<std::uint64_t>(product >> 61);
  return folded >= hash_modulus ? folded - hash_modulus : folded;
}

inline constexpr std::uint64_t add_mod(std::uint64_t a, std::uint64_t b) {
  const std::uint64_t sum = a + b;  // both < 2^61: no overflow
  return sum >= hash_modulus ? sum - hash_modulus : sum;
}

// a - b modulo p, for a and b < p.
inline constexpr std::uint64_t subtract_mod(std::uint64_t a, std::uint64_t b) { return add_mod(a, hash_modulus - b); }

inline constexpr std::uint64_t power_mod(std::uint64_t base, std::uint64_t exponent) {
  std::uint64_t result = 1;
  for (; exponent > 0; exponent >>= 1) {
    if ((exponent & 1) != 0) result = multiply_mod(result, base);
    base = multiply_mod(base, base);
  }
  return result;
}

// The hash base and its inverse (Fermat: b^(p-2) = b^-1 mod p).
inline constexpr std::uint64_t hash_base = 0x1d8e4e27c47d124fULL % hash_modulus;
inline const std::uint64_t hash_base_inverse = power_mod(hash_base, hash_modulus - 2);

}  // namespace nnsim
