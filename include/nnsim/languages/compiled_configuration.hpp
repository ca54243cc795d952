// The machine's configuration read back from a state of its compiled network
// (compile_machine): configuration A's one-hot state neurons tm.A.s.* and
// its stacks tm.A.L and tm.A.R, decoded digit by digit (machine_compiler.cpp
// says how they are written).  So a run of the network can be read as the
// machine's run: after the network halts, its state holds the machine's
// final configuration.
#pragma once

#include "nnsim/languages/turing_machine.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/rational.hpp"

#include <span>

namespace nnsim {

// The configuration in `state` (one rational per neuron, by neuron id): the
// state whose neuron is 1, the cells of L (left of the head) and R (the
// head's cell and those to its right), with the head at cell 0 and the
// first cell at -|L| (a stack's cells end where its code does: the blanks
// beyond are not listed, but the head's cell always is).  Throws
// input_error when `net` lacks a neuron of the compiled machine, when not
// exactly one state neuron is 1 (a state between two steps of the network's
// loop), or when a stack's value is not a stack code.
machine_configuration read_compiled_configuration(const turing_machine& machine, const network& net,
                                                  std::span<const rational> state);

}  // namespace nnsim
