// Logic gates of unit-step neurons, from the lecture's section "Expressive
// power of neural networks": one neuron for AND, OR, NOT, NAND, NOR, majority
// and "at least k of n" (a threshold); the lecture's two-layer XOR network;
// parity of n inputs with n + 1 neurons.
//
// Every network has the inputs x1 ... xn and the output y, integer weights,
// rule parallel, and comments saying what it computes and what each group of
// neurons stands for (network::comment, equation::comment).  Functions with an
// arity or name they cannot build throw input_error.  The two-layer
// construction for any Boolean function is in two_layer_network.hpp.
#pragma once

#include "nnsim/model/network.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace nnsim {

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

}  // namespace nnsim
