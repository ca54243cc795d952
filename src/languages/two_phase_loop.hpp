// The self-timed two-phase loop shared by the language constructions
// (machine_compiler.cpp, oracle_network.cpp).  A construction keeps its
// current configuration in safe registers A (sat_circuit.hpp) and computes
// the next one from A with a circuit of `sat` neurons; phase 1 (PREFIX.G1)
// writes it into a second bank B, phase 2 (PREFIX.G2) copies B back into A.
//
// A latch PREFIX.Q chooses the phase (0: phase 1, 1: phase 2); it flips
// after a phase has been enabled for `write_time` steps (the delay lines
// PREFIX.d1.*, PREFIX.d2.*), and a phase opens only after Q has kept its
// value for `guard_time` steps (PREFIX.q.*), so the two phases never
// overlap and the circuit has settled on a stable A before B is written.
// Phase 1 opens only while `running` is 1, so the loop stops when the
// construction is done; while `hold` is on, neither phase opens and the
// latch returns to phase 1, so that the construction can be restarted
// from a new A.  Everything is written by safe writes, so a `hold` that is
// graded for a step only delays the loop.
#pragma once

#include "languages/sat_circuit.hpp"

#include <string>

namespace nnsim {

struct loop_phases {
  neuron_id first;   // PREFIX.G1: B := next(A)
  neuron_id second;  // PREFIX.G2: A := B
};

// The names of the two phase neurons, for the registers built before the
// loop itself.
loop_phases name_loop_phases(sat_circuit& circuit, const std::string& prefix);

// The loop's neurons, in the order G1, G2, d1.*, d2.*, Q, q.*; the caller's
// comment, if any, is written above them.
void build_two_phase_loop(sat_circuit& circuit, const std::string& prefix, const affine& running, neuron_id hold,
                          unsigned write_time, unsigned guard_time);

}  // namespace nnsim
