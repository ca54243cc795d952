#include "languages/two_phase_loop.hpp"

#include <fmt/format.h>

namespace nnsim {

loop_phases name_loop_phases(sat_circuit& circuit, const std::string& prefix) {
  return {circuit.id(prefix + ".G1"), circuit.id(prefix + ".G2")};
}

void build_two_phase_loop(sat_circuit& circuit, const std::string& prefix, const affine& running, neuron_id hold,
                          unsigned write_time, unsigned guard_time) {
  const rational big = suppression_weight();
  const loop_phases phases = name_loop_phases(circuit, prefix);
  const neuron_id latch = circuit.id(prefix + ".Q");
  std::vector<neuron_id> latch_line{latch};
  for (unsigned i = 1; i <= guard_time; ++i) latch_line.push_back(circuit.id(fmt::format("{}.q.{}", prefix, i)));
  affine phase1_potential = running - big * affine(hold);
  affine phase2_potential = affine(rational(-static_cast<int>(guard_time))) - big * affine(hold);
  for (neuron_id q : latch_line) {
    phase1_potential.add(q, -big);
    phase2_potential.add(q, 1);
  }
  circuit.sat(prefix + ".G1", phase1_potential);
  circuit.sat(prefix + ".G2", phase2_potential);
  const auto done1 = circuit.delay_line(prefix + ".d1", phases.first, write_time);
  const auto done2 = circuit.delay_line(prefix + ".d2", phases.second, write_time);
  circuit.sat(prefix + ".Q", affine(latch) + affine(done1.back()) - affine(done2.back()) - big * affine(hold));
  for (unsigned i = 1; i <= guard_time; ++i) {
    circuit.sat(fmt::format("{}.q.{}", prefix, i), affine(latch_line[i - 1]));
  }
}

}  // namespace nnsim
