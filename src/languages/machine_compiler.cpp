// The Turing machine compiler.
//
// Sources.  The tape as two stacks of rationals in [0, 1] and the finite
// control as neurons gated by the current state and symbol follow
// H. T. Siegelmann and E. D. Sontag, "On the computational power of neural
// nets", J. Comput. Syst. Sci. 50 (1995) 132-150, generalised from base 4 to
// base 2|Γ| so that any tape alphabet fits.  The input stage and the
// self-timed control are this project's: the input arrives as the single
// number δ(ω) in the input neuron, which forces two facts on the design.
//
//  1. A `sat` network's state at a fixed time is a continuous function of
//     its input, so no neuron can read a bit of δ(ω) in a fixed number of
//     steps, and every signal derived from reading a bit is, for some
//     inputs, strictly between 0 and 1 for one step ("graded") before it
//     settles.  No later stage can undo the fractional timing this causes.
//     So nothing here depends on timing: every register is written by an
//     idempotent "safe write" from sources that do not change while it
//     happens, enabled long enough to converge, and phases that write each
//     other's sources are separated by delay lines, so a graded step only
//     ever moves a register part of the way to a value it then reaches.
//  2. The network can never learn that the word has ended.  So the machine
//     runs on the prefix read so far, and is stopped and restarted whenever
//     another bit arrives; after the last bit nothing more arrives and the
//     network settles into the machine's result.
//
// Encodings.  Tape symbols get digits 1, 3, ..., 2s - 1 (the blank is 1, the
// input symbols 0 and 1 are 3 and 5) in base B = 2s.  A stack a1 a2 ... (a1
// on top) is the number Σ d(a_i) / B^i; the empty stack is 0.  The gaps
// between the digit intervals make "top >= symbol k" an affine map followed
// by sat: sat(B·X - 2k).  R holds the head's cell and the cells to its right,
// L the cells to its left.
//
// Parts (neuron names start with the part):
//   boot.*   a six-step pulse at the start (init values, so it is exact)
//   in.*     the reader: remainder rho (first rho = δ(ω), then the unread
//            part shifted up), the code C of the prefix read so far as a
//            stack for R, the scale S = B^-(j+1) for appending to C; the
//            amplifiers P and N that double the gap of rho from 1/2 until
//            one saturates (rho is dyadic, so this takes finitely many
//            steps, and rho = 1/2 exactly, the end of the word, leaves both
//            at 0 forever); the event chain in.e.* and the write windows
//            that update the registers, restart the machine and reset the
//            amplifiers.
//   tm.A.*   the machine's current configuration (one-hot state, L, R)
//   tm.B.*   the next configuration, computed from A by the transition
//            circuit tm.*, written during phase 1; phase 2 copies B to A.
//   tm.loop.* the two-phase handshake that alternates the phases while the
//            machine runs and stops when it halts.
//
// The safe writes, the reader and the loop are shared with the oracle
// construction: sat_circuit.hpp, self_timed_reader.hpp, two_phase_loop.hpp.
#include "nnsim/languages/machine_compiler.hpp"

#include "nnsim/languages/machine_code.hpp"

#include "languages/machine_labels.hpp"
#include "languages/sat_circuit.hpp"
#include "languages/self_timed_reader.hpp"
#include "languages/two_phase_loop.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

namespace nnsim {
namespace {

// One compilation: the parts of the file comment, built in this order (the
// order of the calls fixes the neuron numbering and the order of the
// equations in the written network).
class machine_compilation {
 public:
  machine_compilation(const turing_machine& machine, const machine_compiler_options& options)
      : machine_(machine), options_(options), block_code_(machine) {}

  network compile() {
    choose_digits();
    declare_network();
    build_boot();
    build_reader();
    build_configuration_a();
    build_head_reading();
    build_transitions();
    build_configuration_b();
    build_loop();
    build_output();
    return std::move(b_.net);
  }

 private:
  // The digit order of compiled_digit_order; `unassigned` marks a place no
  // symbol has.
  void choose_digits() {
    for (const auto& symbol : compiled_digit_order(machine_)) order_.push_back(symbol ? *symbol : unassigned);
    rank_.assign(machine_.symbol_count(), 0);
    for (unsigned k = 0; k < order_.size(); ++k) {
      if (order_[k] != unassigned) rank_[order_[k]] = k;
    }
    s_ = static_cast<unsigned>(order_.size());
    base_ = 2 * s_;
  }
  rational digit(std::uint32_t symbol) const { return rational(2 * rank_[symbol] + 1); }
  // A name fragment for the symbol of a rank.
  std::string rank_label(unsigned rank) const {
    return order_[rank] == unassigned ? fmt::format("code{}", rank - 1) : symbol_label(machine_, order_[rank]);
  }

  void declare_network() {
    network& net = b_.net;
    net.name = machine_.name.empty() ? "machine" : machine_.name + "_net";
    std::vector<std::string> symbols;
    for (unsigned rank = 0; rank < s_; ++rank) {
      symbols.push_back(order_[rank] == unassigned ? fmt::format("(block {}, no symbol)", rank - 1)
                                                   : fmt::format("'{}'", machine_.symbols[order_[rank]]));
    }
    net.comment = fmt::format(
        "The Turing machine '{}' compiled into a rational `sat` network (nnsim build machine).\n"
        "On input δ(ω) it halts with output 1 if the machine accepts ω, halts with output 0 if it\n"
        "rejects by halting, and runs forever if the machine does.  Tape symbols {} get digits 1, 3, ...\n"
        "in base {}; see docs/languages.md for the parts and why the input stage is built this way.",
        machine_.name,
        fmt::join(symbols, ", "),
        to_string(base_));
    if (!block_code_.is_plain()) {
      std::vector<std::string> codes;
      for (std::size_t i = 0; i < block_code_.symbols().size(); ++i) {
        std::string bits;
        for (unsigned bit = block_code_.width(); bit-- > 0;) bits.push_back(((i >> bit) & 1U) != 0 ? '1' : '0');
        codes.push_back(fmt::format("{} = {}", block_code_.symbols()[i], bits));
      }
      net.comment += fmt::format(
          "\nThe input symbols arrive in a block code of {} bits a symbol ({}; nnsim encode --code):\n"
          "on δ(β) for the code β of ω the network does what the machine does on ω.",
          block_code_.width(), fmt::join(codes, ", "));
    }
    x_ = net.add_input("x");
    const neuron_id y = b_.id("y");
    net.add_output(y);
    net.rule.kind = rule_kind::parallel;
    net.rule_given = true;
  }

  void build_boot() { boot_ = build_boot_pulse(b_); }

  // in.*: the registers, the amplifiers that read one bit, the event chain
  // and the windows that restart the machine on the longer prefix.
  void build_reader() {
    self_timed_reader reader(b_, x_, boot_);
    w3_ = reader.act();
    hold_ = reader.hold();  // the machine is held from the event until the amplifiers are reset
    const neuron_id bit_is_one = reader.bit_is_one();
    const neuron_id w1 = reader.write_next();
    const neuron_id w2 = reader.copy_back();

    // Bank 1 (current) and bank 2 (next).
    code_ = b_.id("in.C");
    const neuron_id scale = b_.id("in.S");
    const neuron_id code2 = b_.id("in.C2");
    const neuron_id scale2 = b_.id("in.S2");
    b_.comment("reader, bank 1: remainder rho of δ(ω) not yet read (loaded from x at boot), code C of the\n"
               "prefix read so far as a stack for the tape, scale S = B^-(j+1); written from bank 2 in window w2");
    reader.build_remainder();
    b_.safe_register("in.C", 0, {{affine(code2), w2}});
    b_.safe_register("in.S", 1 / base_, {{affine(scale2), w2}});
    if (block_code_.is_plain()) {
      b_.comment("reader, next values after reading bit b (b = in.E1): rho' = 2 rho - b, C' = C + d(b) S, S' = S / B");
      const neuron_id scaled_bit = b_.sat("in.bS", affine(scale) + affine(bit_is_one) + affine(rational(-1)));
      const rational d0 = digit(*machine_.symbol_index('0'));
      const rational d1 = digit(*machine_.symbol_index('1'));
      b_.comment("reader, bank 2: the next values, written in window w1 while bank 1 and the bit are stable");
      reader.build_next_remainder();
      b_.safe_register("in.C2", 0, {{affine(code_) + d0 * affine(scale) + (d1 - d0) * affine(scaled_bit), w1}});
      b_.safe_register("in.S2", 0, {{(1 / base_) * affine(scale), w1}});
    } else {
      build_block_reader(reader, scale);
    }
    reader.build_events({"machine", "restarts the machine on the new\ncode", {}, ""});
  }

  // The block code (machine_code.hpp): the bits of a block are gathered in
  // K, and the block joins C only when its last bit is read, so the machine
  // always restarts on the complete blocks.  Bit i of a block (from 0) adds
  // 2^(w-i) b S to the digit 3 + 2v of the block's number v; W holds that
  // weight 2^(w-i) S and the one-hot P.i the position i.  Every product of a
  // bit or P with a register is a `sat` of their sum less 1 or 2, exact
  // because K + 3S + W <= (2^(w+1) + 1) S <= B S <= 1.
  void build_block_reader(self_timed_reader& reader, neuron_id scale) {
    const unsigned w = block_code_.width();
    const rational block_scale = rational(std::int64_t{1} << w);  // 2^w
    const neuron_id bit = reader.bit_is_one();
    const neuron_id w1 = reader.write_next();
    const neuron_id w2 = reader.copy_back();
    const neuron_id partial = b_.id("in.K");
    const neuron_id weight = b_.id("in.W");
    std::vector<neuron_id> position(w), position2(w);
    for (unsigned i = 0; i < w; ++i) {
      position[i] = b_.id(fmt::format("in.P.{}", i));
      position2[i] = b_.id(fmt::format("in.P2.{}", i));
    }
    const neuron_id partial2 = b_.id("in.K2");
    const neuron_id weight2 = b_.id("in.W2");
    b_.comment(fmt::format("reader, bank 1 of the block code ({} bits a symbol): K the bits of the block read so far,\n"
                           "as their share of its digit times S; W = 2^({} - i) S the weight of bit i; P.i = 1 at bit i",
                           w, w));
    b_.safe_register("in.K", 0, {{affine(partial2), w2}});
    b_.safe_register("in.W", block_scale / base_, {{affine(weight2), w2}});
    for (unsigned i = 0; i < w; ++i) b_.safe_register(fmt::format("in.P.{}", i), i == 0 ? 1 : 0, {{affine(position2[i]), w2}});

    const neuron_id last = position[w - 1];
    const affine one(rational(1));
    b_.comment("reader, next values after reading bit b (b = in.E1) at the block's last bit (P.last = 1):\n"
               "C' = C + K + bW + 3S, K' = 0, S' = S / B, W' = 2^w S' ; at any other bit: K' = K + bW, W' = W / 2");
    const neuron_id add_one = b_.sat("in.a1", affine(partial) + 3 * affine(scale) + affine(weight) + affine(bit) +
                                                  affine(last) - 2 * one);
    const neuron_id add_zero = b_.sat("in.a0", affine(partial) + 3 * affine(scale) - affine(bit) + affine(last) - one);
    const neuron_id keep_one = b_.sat("in.k1", affine(partial) + affine(weight) + affine(bit) - affine(last) - one);
    const neuron_id keep_zero = b_.sat("in.k0", affine(partial) - affine(bit) - affine(last));
    const neuron_id scale_same = b_.sat("in.s1", affine(scale) - affine(last));
    const neuron_id scale_next = b_.sat("in.s0", (1 / base_) * affine(scale) + affine(last) - one);
    const neuron_id weight_half = b_.sat("in.v1", rational(1, 2) * affine(weight) - affine(last));
    const neuron_id weight_next = b_.sat("in.v0", (block_scale / base_) * affine(scale) + affine(last) - one);

    b_.comment("reader, bank 2: the next values, written in window w1 while bank 1 and the bit are stable");
    reader.build_next_remainder();
    b_.safe_register("in.C2", 0, {{affine(code_) + affine(add_one) + affine(add_zero), w1}});
    b_.safe_register("in.S2", 0, {{affine(scale_same) + affine(scale_next), w1}});
    b_.safe_register("in.K2", 0, {{affine(keep_one) + affine(keep_zero), w1}});
    b_.safe_register("in.W2", 0, {{affine(weight_half) + affine(weight_next), w1}});
    for (unsigned i = 0; i < w; ++i) {
      b_.safe_register(fmt::format("in.P2.{}", i), 0, {{affine(position[(i + w - 1) % w]), w1}});
    }
  }

  // tm.A.*: the current configuration, copied from B in phase 2 and reset to
  // the start configuration on the prefix read so far in window w3.
  void build_configuration_a() {
    const loop_phases phases = name_loop_phases(b_, "tm.loop");
    phase1_ = phases.first;
    phase2_ = phases.second;
    a_state_.resize(machine_.state_count());
    b_state_.resize(machine_.state_count());
    for (std::uint32_t q = 0; q < machine_.state_count(); ++q) {
      a_state_[q] = b_.id("tm.A.s." + state_label(machine_, q));
      b_state_[q] = b_.id("tm.B.s." + state_label(machine_, q));
    }
    a_left_ = b_.id("tm.A.L");
    a_right_ = b_.id("tm.A.R");
    b_left_ = b_.id("tm.B.L");
    b_right_ = b_.id("tm.B.R");

    b_.comment("machine, configuration A: one neuron per state (1 = current), the stacks L and R.\n"
               "Written from B in phase 2 (tm.loop.G2), and set to the start configuration on the\n"
               "prefix read so far (R = in.C) in the reader's window w3");
    for (std::uint32_t q = 0; q < machine_.state_count(); ++q) {
      const rational start = q == machine_.start ? 1 : 0;
      b_.safe_register("tm.A.s." + state_label(machine_, q), start,
                       {{affine(b_state_[q]), phase2_}, {affine(start), w3_}});
    }
    b_.safe_register("tm.A.L", 0, {{affine(b_left_), phase2_}, {affine(rational(0)), w3_}});
    b_.safe_register("tm.A.R", 0, {{affine(b_right_), phase2_}, {affine(code_), w3_}});
  }

  // The symbol under the head and the stacks without their tops.
  void build_head_reading() {
    b_.comment("machine, the symbol under the head: tm.R.ge.k = 1 iff the top of R is symbol k or later\n"
               "(an empty stack reads as the blank); the same for the top of L");
    right_ge_.assign(s_, neuron_id{});  // index 1 .. s-1 used
    left_ge_.assign(s_, neuron_id{});
    for (unsigned sym = 1; sym < s_; ++sym) {
      right_ge_[sym] = b_.sat(fmt::format("tm.R.ge.{}", rank_label(sym)),
                              base_ * affine(a_right_) - affine(rational(2 * sym)));
      left_ge_[sym] = b_.sat(fmt::format("tm.L.ge.{}", rank_label(sym)),
                             base_ * affine(a_left_) - affine(rational(2 * sym)));
    }
    b_.comment("machine, the stacks without their tops, and the top of L as a digit / B");
    affine right_pop = base_ * affine(a_right_) + affine(rational(-1));
    affine left_pop = base_ * affine(a_left_) + affine(rational(-1));
    affine left_top = affine(rational(1) / base_);
    for (unsigned sym = 1; sym < s_; ++sym) {
      right_pop.add(right_ge_[sym], -2);
      left_pop.add(left_ge_[sym], -2);
      left_top.add(left_ge_[sym], 2 / base_);
    }
    r_pop_ = b_.sat("tm.R.pop", right_pop);
    l_pop_ = b_.sat("tm.L.pop", left_pop);
    l_top_ = b_.sat("tm.L.top", left_top);
  }

  // One gate per transition (1 iff the machine is in state q reading symbol
  // a), and the stacks and state each transition would produce, gated.
  void build_transitions() {
    b_.comment("machine, transition gates: tm.g.Q.A = 1 iff A's state is Q and the head reads A");
    for (std::uint32_t q = 0; q < machine_.state_count(); ++q) {
      if (machine_.halts_in(q)) continue;
      for (unsigned sym = 0; sym < s_; ++sym) {
        if (order_[sym] == unassigned) continue;  // no transition reads an unassigned block
        const auto& t = machine_.transition(q, order_[sym]);
        if (!t) continue;  // no transition: the machine halts and rejects; nothing fires
        affine reads = sym == 0 ? affine(rational(1)) - affine(right_ge_[1]) : affine(right_ge_[sym]);
        if (sym != 0 && sym + 1 < s_) reads.add(right_ge_[sym + 1], -1);
        const neuron_id gate =
            b_.sat(fmt::format("tm.g.{}.{}", state_label(machine_, q), symbol_label(machine_, order_[sym])),
                   affine(a_state_[q]) + reads + affine(rational(-1)));
        transitions_.push_back({q, order_[sym], *t, gate});
      }
    }
    b_.comment("machine, the stacks each transition would produce, gated: sat(v + gate - 1) is v when the\n"
               "gate is 1 and 0 when it is 0 (all values lie in [0, 1])");
    next_state_.assign(machine_.state_count(), affine());
    for (const auto& ct : transitions_) {
      const rational written = digit(ct.t.write);
      const std::string label = fmt::format("{}.{}", state_label(machine_, ct.from), symbol_label(machine_, ct.read));
      const affine gate_offset = affine(ct.gate) + affine(rational(-1));
      affine right, left;
      switch (ct.t.move) {
        case head_move::stay:  // R = push(b, pop(R)), L unchanged
          right = (1 / base_) * affine(r_pop_) + affine(written / base_);
          left = affine(a_left_);
          break;
        case head_move::right:  // L = push(b, L), R = pop(R)
          left = (1 / base_) * affine(a_left_) + affine(written / base_);
          right = affine(r_pop_);
          break;
        case head_move::left:  // R = push(top(L), push(b, pop(R))), L = pop(L)
          right = affine(l_top_) + affine(written / (base_ * base_)) + (1 / (base_ * base_)) * affine(r_pop_);
          left = affine(l_pop_);
          break;
      }
      next_right_.add(b_.sat("tm.cR." + label, right + gate_offset));
      next_left_.add(b_.sat("tm.cL." + label, left + gate_offset));
      next_state_[ct.t.next_state].add(ct.gate);
    }
  }

  // tm.B.*: the next configuration, written from the gated values in phase 1.
  void build_configuration_b() {
    b_.comment("machine, configuration B: the next configuration, written from the gated values in phase 1");
    for (std::uint32_t q = 0; q < machine_.state_count(); ++q) {
      b_.safe_register("tm.B.s." + state_label(machine_, q), 0, {{next_state_[q], phase1_}});
    }
    b_.safe_register("tm.B.L", 0, {{next_left_, phase1_}});
    b_.safe_register("tm.B.R", 0, {{next_right_, phase1_}});
  }

  // The handshake: Q = 0 is phase 1 (B := step(A)), Q = 1 is phase 2 (A := B).
  void build_loop() {
    const unsigned m = options_.guard_time;
    const unsigned k = options_.write_time;
    auto steps = [](unsigned n) { return fmt::format("{} step{}", n, n == 1 ? "" : "s"); };
    b_.comment(fmt::format("machine, the loop: tm.loop.Q flips after a phase has been enabled for {}; a phase\n"
                           "opens only after Q has kept its value for {}, so the phases never overlap; phase 1\n"
                           "opens only while A's state is not a halting one, so the loop stops when the machine halts;\n"
                           "the reader holds it (in.e.1) while it restarts the machine",
                           steps(k), steps(m)));
    affine running = affine(rational(0));
    for (std::uint32_t q = 0; q < machine_.state_count(); ++q) {
      if (!machine_.halts_in(q)) running.add(a_state_[q], 1);
    }
    build_two_phase_loop(b_, "tm.loop", running, hold_, k, m);
  }

  void build_output() {
    b_.comment("output: 1 while A's state is an accepting one");
    affine accepting = affine(rational(0));
    for (std::uint32_t q = 0; q < machine_.state_count(); ++q) {
      if (machine_.accepting[q]) accepting.add(a_state_[q], 1);
    }
    b_.sat("y", accepting);
  }

  struct compiled_transition {
    std::uint32_t from, read;
    machine_transition t;
    neuron_id gate;
  };
  const turing_machine& machine_;
  const machine_compiler_options& options_;
  const machine_code block_code_;
  static constexpr std::uint32_t unassigned = UINT32_MAX;  // a place in order_ that no symbol has
  sat_circuit b_;
  // Digits.
  std::vector<std::uint32_t> order_;   // symbols in digit order (or `unassigned`)
  std::vector<unsigned> rank_;         // symbol index -> position in order_
  unsigned s_ = 0;                     // number of symbols
  rational base_;                      // B = 2s
  // Neurons one part builds and a later part reads.
  neuron_id x_{}, boot_{}, code_{}, w3_{}, hold_{};
  neuron_id phase1_{}, phase2_{}, a_left_{}, a_right_{}, b_left_{}, b_right_{};
  std::vector<neuron_id> a_state_, b_state_, right_ge_, left_ge_;
  neuron_id r_pop_{}, l_pop_{}, l_top_{};
  std::vector<compiled_transition> transitions_;
  affine next_right_, next_left_;
  std::vector<affine> next_state_;
};

}  // namespace

std::vector<std::optional<std::uint32_t>> compiled_digit_order(const turing_machine& machine) {
  std::vector<std::optional<std::uint32_t>> order{machine.blank};
  for (std::uint32_t a : machine.input_alphabet()) order.emplace_back(a);
  const machine_code code(machine);
  if (!code.is_plain()) {
    while (order.size() < (std::size_t{1} << code.width()) + 1) order.emplace_back();
  }
  for (std::uint32_t a = 0; a < machine.symbol_count(); ++a) {
    if (std::find(order.begin(), order.end(), std::optional<std::uint32_t>(a)) == order.end()) order.emplace_back(a);
  }
  return order;
}

network compile_machine(const turing_machine& machine, const machine_compiler_options& options) {
  return machine_compilation(machine, options).compile();
}

}  // namespace nnsim
