#include "languages/self_timed_reader.hpp"

#include <fmt/format.h>

namespace nnsim {

neuron_id build_boot_pulse(sat_circuit& circuit) {
  circuit.comment("boot: a pulse that is 1 for t = 0..5 and then 0; it loads the input into the reader");
  neuron_id last = circuit.sat("boot.0", affine(rational(0)));
  circuit.net.set_init(last, 1);
  for (int i = 1; i <= 5; ++i) {
    last = circuit.sat(fmt::format("boot.{}", i), affine(last));
    circuit.net.set_init(last, 1);
  }
  return last;
}

self_timed_reader::self_timed_reader(sat_circuit& circuit, neuron_id input, neuron_id boot)
    : circuit_(circuit), input_(input), boot_(boot) {
  // Names first: they are read above their equations.
  e1_ = circuit_.id("in.e.1");
  reset_ = circuit_.id(fmt::format("in.e.{}", chain_length));
  w1_ = circuit_.id("in.w1");
  w2_ = circuit_.id("in.w2");
  w3_ = circuit_.id("in.w3");
  bit_is_one_ = circuit_.id("in.E1");
  rho_ = circuit_.id("in.rho");
}

void self_timed_reader::build_remainder() {
  rho2_ = circuit_.id("in.rho2");
  circuit_.safe_register("in.rho", 0, {{affine(input_), boot_}, {affine(rho2_), w2_}});
}

void self_timed_reader::build_next_remainder() {
  circuit_.safe_register("in.rho2", 0, {{2 * affine(rho_) - affine(bit_is_one_), w1_}});
}

void self_timed_reader::build_events(const client& user) {
  const rational big = suppression_weight();
  circuit_.comment("reader, amplifiers: with the drive enabled, P doubles toward 1 when rho > 1/2 and N when\n"
                   "rho < 1/2; at rho = 1/2 (the end of the word) both stay 0 for ever.  A drive that is only\n"
                   "partly enabled still pushes the right way, so a graded step cannot give a wrong bit" +
                   user.inhibit_note);
  const neuron_id enable = circuit_.sat(
      "in.en", (affine(rational(1)) - big * affine(e1_) - big * affine(reset_) - big * affine(boot_))
                   .add(user.inhibit, -big));
  const neuron_id drive_up = circuit_.sat("in.gp", 2 * affine(rho_) + affine(rational(-2)) + affine(enable));
  const neuron_id drive_down = circuit_.sat("in.gn", affine(enable) - 2 * affine(rho_));
  const neuron_id amp_up = circuit_.id("in.P");
  const neuron_id amp_down = circuit_.id("in.N");
  circuit_.sat("in.P", 2 * affine(amp_up) + affine(drive_up) - big * affine(reset_) - big * affine(boot_));
  circuit_.sat("in.N", 2 * affine(amp_down) + affine(drive_down) - big * affine(reset_) - big * affine(boot_));
  circuit_.comment("reader, events: E1 = bit 1 read, E0 = bit 0 read (1 once the amplifier saturates)");
  circuit_.sat("in.E1", 4 * affine(amp_up) + affine(rational(-3)));
  const neuron_id bit_is_zero = circuit_.sat("in.E0", 4 * affine(amp_down) + affine(rational(-3)));
  circuit_.comment(fmt::format("reader, event chain: in.e.i is the event delayed by i steps; in.e.1 holds the "
                               "{},\nin.e.{} resets the amplifiers, which ends the event",
                               user.held, chain_length));
  std::vector<neuron_id> chain;
  chain.push_back(circuit_.sat("in.e.1", affine(bit_is_one_) + affine(bit_is_zero)));
  for (unsigned i = 2; i <= chain_length; ++i) {
    chain.push_back(circuit_.sat(fmt::format("in.e.{}", i), affine(chain.back())));
  }
  auto window = [&](const std::string& name, unsigned from, unsigned to) {
    return circuit_.sat(name, affine(chain[from - 1]) - affine(chain[to - 1]));
  };
  circuit_.comment("reader, windows: w1 writes bank 2, w2 copies it to bank 1, w3 " + user.act +
                   "; each opens after the one before has closed, and none opens while the chain drains");
  window("in.w1", 4, 9);
  window("in.w2", 11, 16);
  window("in.w3", 19, 24);
}

}  // namespace nnsim
