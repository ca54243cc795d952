// Networks of unit-step neurons that compute Boolean functions, from the
// lecture's section "Expressive power of neural networks":
//
//   - gates: one neuron for AND, OR, NOT, NAND, NOR, majority and "at least
//     k of n" (a threshold); the lecture's two-layer XOR network; parity of
//     n inputs with n + 1 neurons;
//   - the lecture's theorem "two-layer networks of unit-step neurons compute
//     every F: {0,1}^n -> {0,1}" as a construction: one hidden neuron N_v per
//     input vector v with F(v) = 1, firing exactly on v, and an OR neuron on
//     top; its dual (one neuron per v with F(v) = 0, firing everywhere but on
//     v, and an AND on top); and a minimized form with one hidden neuron per
//     prime implicant of a minimum cover (Quine-McCluskey, then an exact
//     cover search).
//
// Every network has the inputs x1 ... xn and the output y, integer weights,
// rule parallel (or layered on request), and comments saying what it computes
// and what each group of neurons stands for (network::comment,
// equation::comment).  Functions with an arity or name they cannot build
// throw input_error.
#pragma once

#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/model/network.hpp"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// ------------------------------------------------------------------ gates --

enum class gate_kind { and_gate, or_gate, not_gate, nand_gate, nor_gate, majority, at_least, xor_gate, parity };

struct gate_spec {
  gate_kind kind = gate_kind::and_gate;
  unsigned arity = 2;       // n
  unsigned threshold = 0;   // k of at_least (1 <= k <= n)
  friend bool operator==(const gate_spec&, const gate_spec&) = default;
};

inline constexpr unsigned max_gate_arity = 1000;

// The gate named `name`: and, or, not, nand, nor, majority, atleast:K, xor,
// parity.  Without an arity, the gate's default: 1 for not, 3 for majority,
// max(2, K) for atleast:K, 2 for the others.  Throws input_error for an unknown name (listing the
// names) or an arity the gate does not take (not: 1, xor: 2, atleast:K:
// K <= n; every gate 1 <= n <= max_gate_arity).
gate_spec parse_gate(std::string_view name, std::optional<unsigned> arity = std::nullopt);

// "and", ..., "atleast:2".
std::string gate_name(const gate_spec& gate);

// What the gate computes, in words: "AND of 3 inputs", "at least 2 of 5
// inputs are 1", "majority of 3 inputs (more than half are 1)".
std::string describe_gate(const gate_spec& gate);

// The gate as a network.  Single neurons (n inputs, integer weights):
//   and      y = step(-n + x1 + ... + xn)
//   or       y = step(-1 + x1 + ... + xn)
//   not      y = step(-x1)
//   nand     y = step(n - 1 - x1 - ... - xn)
//   nor      y = step(-x1 - ... - xn)
//   atleast:k  y = step(-k + x1 + ... + xn)
//   majority atleast:(floor(n/2) + 1), so a tie of an even n gives 0
// Two layers:
//   xor      the lecture's h1 = step(-1 + 2 x1 + 2 x2), h2 = step(3 - 2 x1 - 2 x2),
//            y = step(-2 + h1 + h2)
//   parity   h_k = step(-k + x1 + ... + xn) for k = 1..n (at least k ones) and
//            y = step(-1 + h_1 - h_2 + h_3 - ...): with s ones the alternating
//            sum is 1 for odd s and 0 for even s; n + 1 neurons.
network build_gate(const gate_spec& gate);

// ---------------------------------------------------------- implicants --

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

// ------------------------------------------------ two-layer construction --

enum class normal_form {
  dnf,  // hidden neurons that fire on (groups of) ones of F, OR on top
  cnf,  // hidden neurons that fire except on (groups of) zeros of F, AND on top
};

struct two_layer_options {
  normal_form form = normal_form::dnf;
  bool minimize = false;  // one hidden neuron per prime implicant of a minimum cover
  bool layered = false;   // rule layered instead of parallel
};

// The largest arity of the unminimized constructions: they have up to 2^n
// hidden neurons with n terms each.
inline constexpr unsigned max_two_layer_arity = 16;

// The two-layer network for F.  Inputs x1 ... xn, output y.
//   dnf: for each v with F(v) = 1 a neuron n_<v> = step(-|v| + sum_{v_i=1} x_i
//        - sum_{v_i=0} x_i) (|v| = number of ones) that fires exactly on v;
//        y = step(-1 + sum of them) (OR).
//   cnf: for each v with F(v) = 0 a neuron c_<v> = step(|v| - 1 - sum_{v_i=1}
//        x_i + sum_{v_i=0} x_i) that fires on every input but v; y = step(-m +
//        sum of the m of them) (AND).
//   minimize: the same with one neuron per implicant of minimum_cover (of F
//        for dnf, named t1, t2, ...; of !F for cnf, named c1, c2, ..., each
//        firing except where its implicant of !F holds); only the variables
//        of the implicant occur.
// A constant F has no hidden neurons: y = step(0) for 1, y = step(-1) for 0.
// Throws input_error for arity > max_two_layer_arity (max_minimize_arity
// with minimize).
network build_two_layer(const boolean_function& f, const two_layer_options& options = {});

}  // namespace nnsim
