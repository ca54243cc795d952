// Prime implicants and an exact minimum cover of a Boolean function: the
// minimized form of the lecture's two-layer construction (section
// "Expressive power of neural networks"; two_layer_network.hpp) has one hidden
// neuron per prime implicant of a minimum cover, found by Quine-McCluskey and
// then an exact cover search.  Functions with an arity they cannot handle
// throw input_error.
#pragma once

#include "nnsim/boolean/boolean_function.hpp"

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

namespace nnsim {

// A product of literals (a cube), in the bit order of the input numbers of
// boolean_function: x_i is bit (n - i).  `care` has the bits of the
// variables that occur, `value` their required values (0 outside `care`).
struct implicant {
  std::uint32_t care = 0;
  std::uint32_t value = 0;

  bool covers(std::uint32_t input) const { return (input & care) == value; }
  unsigned literal_count() const;
  // One character per variable, x1 first: '1', '0' or '-' (free): "1-0".
  std::string text(unsigned arity) const;
  // The product as a formula: "x1 & !x3"; "1" for the empty product.
  std::string formula(unsigned arity) const;
  friend auto operator<=>(const implicant&, const implicant&) = default;
};

// The largest arity --minimize accepts.  For n <= 7 the exact search takes
// milliseconds (random functions of 7 inputs need at most a few thousand
// branches); dense random functions of 8 inputs were measured at seconds to
// minutes, so 8 is refused.
inline constexpr unsigned max_minimize_arity = 7;

// All prime implicants of F (Quine-McCluskey: the implicants are found by
// merging cubes that differ in one variable; the primes are the ones no
// merge extends), sorted by text.  Throws input_error for arity >
// max_minimize_arity.
std::vector<implicant> prime_implicants(const boolean_function& f);

// A smallest set of prime implicants whose union is F's set of ones (a
// minimum sum of products), sorted by text: empty for F = 0, the empty
// product for F = 1.  Found by branch and bound over the prime implicant
// chart (essential primes, row and column dominance, a lower bound from
// pairwise disjoint rows and a fractional dual solution), so the count is the
// exact minimum.  Throws input_error for arity > max_minimize_arity, and
// limit_error if the search exceeds a million branches (a guard; not seen in
// the tests).
std::vector<implicant> minimum_cover(const boolean_function& f);

}  // namespace nnsim
