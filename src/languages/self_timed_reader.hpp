// The self-timed reader of δ(ω) shared by the language constructions
// (machine_compiler.cpp, oracle_network.cpp), and the boot pulse that loads
// the input into it.
//
// The input arrives as the single number δ(ω) = 0.ω1…ωn1 (binary) in the
// input neuron.  A `sat` network's state at a fixed time is a continuous
// function of that number, so no neuron can read a bit in a fixed number of
// steps, and every signal derived from reading a bit is, for some inputs,
// strictly between 0 and 1 for one step ("graded") before it settles.  The
// reader therefore times itself:
//
//   - the remainder rho (first δ(ω), then the unread part shifted up) is a
//     safe register (sat_circuit.hpp); the amplifiers P and N double the gap
//     of rho from 1/2 until one saturates (rho is dyadic, so this takes
//     finitely many steps, and rho = 1/2 exactly, the end of the word,
//     leaves both at 0 for ever); E1 / E0 say that a 1 / a 0 was read;
//   - the event travels down a delay line in.e.1 … in.e.26; windows cut
//     from it write the next values into a second bank (w1), copy them back
//     (w2) and let the construction act on the new bit (w3); in.e.1 holds
//     the construction's own loop meanwhile, and in.e.26 resets the
//     amplifiers, which ends the event;
//   - the amplifiers' drive is off from the event until the reset, and a
//     drive that is only partly on still pushes in the right direction, so
//     a graded step can delay a bit but never flip it.
//
// A construction adds its own registers to the two banks: it builds them
// between the calls below, in the order the calls are listed, and writes
// bank 1 from bank 2 in window w2 and bank 2 from bank 1 and the bit in
// window w1, as the remainder does.
#pragma once

#include "languages/sat_circuit.hpp"

namespace nnsim {

// boot.0 … boot.5: 1 for t = 0..5, then 0, made of init values so that it
// is exact (input neurons cannot have init values, so the reader loads the
// input during this pulse).  Returns boot.5.
neuron_id build_boot_pulse(sat_circuit& circuit);

class self_timed_reader {
 public:
  static constexpr unsigned chain_length = 26;

  // Names the reader's neurons (no equations yet), reading `input` during
  // the pulse `boot`.
  self_timed_reader(sat_circuit& circuit, neuron_id input, neuron_id boot);

  // Bank 1's remainder in.rho: loaded from the input during the boot pulse,
  // written from bank 2 in window w2.  The caller's comment, if any, is
  // written above it.
  void build_remainder();
  // Bank 2's remainder in.rho2 = 2 rho - b, written in window w1.
  void build_next_remainder();

  // What the construction does with the reader's signals, for the
  // comments and the amplifiers' drive.
  struct client {
    std::string held;  // what in.e.1 holds: "machine"
    std::string act;   // what w3 does: "restarts the machine on the new\ncode"
    // What keeps the drive off besides the reader's own events (for a
    // construction that must finish its work on one bit before the next is
    // read): the drive is off while `inhibit` >= 1/4; `inhibit_note` ends
    // the comment of the amplifiers.
    affine inhibit;
    std::string inhibit_note;
  };
  // The amplifiers, the events, the event chain and the windows.
  void build_events(const client& user);

  neuron_id remainder() const { return rho_; }
  neuron_id next_remainder() const { return rho2_; }
  neuron_id bit_is_one() const { return bit_is_one_; }  // in.E1: 1 from the event on, when the bit is 1
  neuron_id write_next() const { return w1_; }         // window w1: bank 2 from bank 1 and the bit
  neuron_id copy_back() const { return w2_; }          // window w2: bank 1 from bank 2
  neuron_id act() const { return w3_; }                // window w3: the construction acts on the new bit
  neuron_id hold() const { return e1_; }               // in.e.1: 1 from the event until the amplifiers are reset

 private:
  sat_circuit& circuit_;
  neuron_id input_, boot_;
  neuron_id e1_, reset_, w1_, w2_, w3_, bit_is_one_, rho_, rho2_;
};

}  // namespace nnsim
