// The super-Turing network (reals.md, section 4): for any language
// L ⊆ {0,1}*, a recurrent network of `sat` neurons under the parallel rule,
// with one input and one output neuron and rational weights except the one
// real weight w_L (oracle_weight.hpp), that recognizes L on δ(ω)
// (semantics.md, section 6): it halts with output 1 when ω ∈ L and with
// output 0 when not.  Its number of neurons does not depend on L.
// H. T. Siegelmann and E. D. Sontag, "Analog computation via neural
// networks", Theoret. Comput. Sci. 131 (1994) 331-360; docs/reals.md
// explains the parts and oracle_network.cpp says which neuron does what.
//
// nnsim can write only a finite prefix of w_L: the network built here from
// the words of length 0..n holds the first 2^(n+1) - 1 digits, decides
// exactly those words, and rejects every longer word (it reads the digit
// 0 past the end of the prefix).
#pragma once

#include "nnsim/languages/language_prefix.hpp"
#include "nnsim/model/network.hpp"

#include <cstddef>
#include <string_view>

namespace nnsim {

// The name of the weight's `const` statement.
inline constexpr std::string_view oracle_weight_name = "w_L";

// The number of neurons of every oracle network, whatever the language.
inline constexpr std::size_t oracle_network_neurons = 125;

// The network for `language`, the weight written as `const w_L = N / 4^M`
// and used once, as the bias of the neuron `weight`.  `description` says
// what L is, for the comment at the top of the network ("binary
// palindromes").
network build_oracle_network(const language_prefix& language, std::string_view description);

}  // namespace nnsim
