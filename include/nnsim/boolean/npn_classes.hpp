// NPN classes of Boolean functions: the functions F: {0,1}^n -> {0,1} up to
// permuting the inputs, negating some inputs and negating the output.  Two
// functions are NPN-equivalent when G(x) = c XOR F(σ(x)) for a bit c and a
// σ that permutes the coordinates of x and flips some of them (a symmetry
// of the cube {0,1}^n); these 2^(n+1) · n! transforms form a group, so the
// classes partition the 2^(2^n) functions.  There are 1, 2, 4, 14, 222,
// 616,126 classes for n = 0 … 5 (OEIS A000370), and 2, 3, 6, 22, 402,
// 1,228,158 classes without the output negation (NP classes, OEIS A000616).
//
// check boolean (boolean_check.hpp) uses them to check the 2^32 functions of
// five inputs through one function per class; docs/boolean.md, section 6,
// says why that is sound.
//
// Truth tables here are machine words: bit x of the table is F at the input
// vector whose binary digits (x1 first, the most significant) are x, so
// tables of up to five inputs fit in 32 bits.  (boolean_function_number in
// boolean_check.hpp numbers the functions the other way round.)
#pragma once

#include "nnsim/boolean/boolean_function.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace nnsim {

inline constexpr unsigned max_npn_arity = 5;

// One element of the group.  The transformed function is
//   G(x) = output_negation XOR F(σ(x)),
//   σ(x) has bit p equal to bit permutation[p] of x, XOR bit p of input_negation,
// bits counted from the least significant (bit p is input x_{n-p}).
struct npn_transform {
  std::array<std::uint8_t, max_npn_arity> permutation{0, 1, 2, 3, 4};
  std::uint32_t input_negation = 0;
  bool output_negation = false;
};

// The table of G above, computed point by point (the reference the fast
// routines are tested against).  Throws input_error for arity > 5.
std::uint32_t apply_npn_transform(std::uint32_t table, unsigned arity, const npn_transform& transform);

// Every element of the group for this arity: 2^(n+1) · n! transforms.
std::vector<npn_transform> npn_group(unsigned arity);

// The least table of F's class, by trying every transform: the class's
// canonical form (two functions are equivalent iff their forms are equal).
std::uint32_t npn_canonical_form(std::uint32_t table, unsigned arity);

// The table of a function, and the function of a table.
std::uint32_t table_bits(const boolean_function& f);
boolean_function function_of_table(unsigned arity, std::uint32_t table);

struct npn_class {
  std::uint32_t representative = 0;  // the least table of the class
  std::uint32_t size = 0;            // its functions, at most 2^(n+1) · n! (7680 for n = 5)
  // Whether NOT representative is an input transform of representative
  // (same NP class): then the class is one NP class; otherwise it is two of
  // size/2 each, that of the representative and that of its negation.
  bool self_complementary = false;
};

struct npn_enumeration_options {
  // Called now and then with the number of functions placed in a class so
  // far and 2^(2^n).
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
  // Read before each class; once true, enumerate_npn_classes returns what it
  // has, incomplete.
  const std::atomic<bool>* stop_requested = nullptr;
};

// Every class, in increasing order of representative, by orbit enumeration:
// the tables are scanned in increasing order with one bit per table
// (2^(2^n) bits: 512 MiB for n = 5); an unmarked table is the least of a
// class not met yet, and its orbit (every transform applied) is marked and
// counted.  The sizes add up to 2^(2^n) unless stopped.
std::vector<npn_class> enumerate_npn_classes(unsigned arity, const npn_enumeration_options& options = {});

// Bytes the enumeration holds for its marks.
std::uint64_t npn_enumeration_memory(unsigned arity);

}  // namespace nnsim
