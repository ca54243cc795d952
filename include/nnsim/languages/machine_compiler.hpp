// Compiles a Turing machine into a recurrent network of `sat` neurons with
// rational weights, one input and one output neuron, run under the parallel
// rule, that recognizes the machine's language with the δ-encoding of
// semantics.md, section 6: on δ(ω) it halts with output 1 when M accepts ω,
// halts with output 0 when M rejects ω by halting, and runs forever when M
// does.  docs/languages.md explains the construction; machine_compiler.cpp
// says which neuron does what.
#pragma once

#include "nnsim/languages/turing_machine.hpp"
#include "nnsim/model/network.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace nnsim {

// Timing of the machine's two-phase loop (in network steps).  The defaults
// are the smallest that keep every write complete and every phase apart for
// any graded step the reader leaves on the loop (docs/languages.md, "The
// loop's timing"); they are what the tests check, and parameters so that
// the margins can be explored.
struct machine_compiler_options {
  unsigned write_time = 1;   // k: steps a phase is enabled before the latch flips (it stays open k + 2 steps)
  unsigned guard_time = 3;   // m: steps the latch must keep its value before the next phase opens
};

network compile_machine(const turing_machine& machine, const machine_compiler_options& options = {});

// The tape symbols in the order of their digits in the compiled network: the
// symbol of rank r has the digit 2r + 1 in base 2s, s the length of the
// list.  The blank first, then the input symbols in code order
// (machine_code.hpp), then, for a block code, a place (nothing) for each
// block number no input symbol has, then the other tape symbols.
std::vector<std::optional<std::uint32_t>> compiled_digit_order(const turing_machine& machine);

}  // namespace nnsim
