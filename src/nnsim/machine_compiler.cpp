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
// A safe write of register X toward target T with enable G uses
//   up = sat(T - X - 1 + G),  down = sat(X - T - 1 + G),
//   X  = sat(X.c + Σ up - Σ down),  X.c = sat(X):
// with G = 0 both corrections vanish (|T - X| <= 1), with G = 1 they are the
// positive and negative parts of T - X, with X = T they vanish for any G,
// and in between they move X toward T without passing it.  X reads its own
// value through the copy X.c, so each correction is applied to the value it
// was computed from (two interleaved threads, both converging).
#include "nnsim/machine_compiler.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cctype>
#include <map>
#include <ranges>

namespace nnsim {
namespace {

// An affine expression bias + Σ w·y over neurons.
struct affine {
  rational bias = 0;
  std::vector<weighted_input> terms;

  affine() = default;
  affine(rational constant) : bias(std::move(constant)) {}  // NOLINT: constants read naturally
  affine(neuron_id id) { terms.push_back({id, 1}); }        // NOLINT

  affine& add(neuron_id id, const rational& weight) {
    terms.push_back({id, weight});
    return *this;
  }
  affine& add(const affine& other, const rational& factor = 1) {
    bias += other.bias * factor;
    for (const auto& t : other.terms) terms.push_back({t.source, t.weight * factor});
    return *this;
  }
};

affine operator+(affine a, const affine& b) { return a.add(b); }
affine operator-(affine a, const affine& b) { return a.add(b, -1); }
affine operator*(const rational& factor, const affine& a) {
  affine scaled;
  return scaled.add(a, factor);
}

// Builds the network: neurons by name, sat equations, group comments.
class builder {
 public:
  network net;

  neuron_id id(const std::string& name) { return net.intern(name); }

  void comment(std::string text) { pending_ = std::move(text); }

  neuron_id sat(const std::string& name, const affine& potential) {
    const neuron_id target = id(name);
    equation& e = net.add_equation(target, activation::sat);
    e.bias = potential.bias;
    // Merge repeated neurons (the format's rule: one term per neuron).
    for (const auto& term : potential.terms) {
      auto it = std::find_if(e.inputs.begin(), e.inputs.end(),
                             [&](const weighted_input& w) { return w.source == term.source; });
      if (it == e.inputs.end()) {
        e.inputs.push_back(term);
      } else {
        it->weight += term.weight;
      }
    }
    e.comment = std::move(pending_);
    pending_.clear();
    return target;
  }

  void init(neuron_id id, const rational& value) {
    if (value != 0) net.set_init(id, value);
  }

  // A delay line d.1 ... d.length after `source`; returns its neurons.
  std::vector<neuron_id> delay_line(const std::string& prefix, neuron_id source, unsigned length) {
    std::vector<neuron_id> line;
    for (unsigned i = 1; i <= length; ++i) line.push_back(sat(fmt::format("{}.{}", prefix, i), i == 1 ? affine(source) : affine(line.back())));
    return line;
  }

  struct write_port {
    affine target;
    neuron_id enable;
  };

  // A register written only by safe writes (see the file comment).
  neuron_id safe_register(const std::string& name, const rational& initial, const std::vector<write_port>& ports) {
    const neuron_id x = id(name);
    const neuron_id copy = id(name + ".c");
    affine value = affine(copy);
    for (std::size_t i = 0; i < ports.size(); ++i) {
      const auto& port = ports[i];
      const std::string suffix = ports.size() == 1 ? "" : fmt::format("{}", i + 1);
      const neuron_id up = sat(name + ".up" + suffix, port.target - affine(x) + affine(rational(-1)) + affine(port.enable));
      const neuron_id down = sat(name + ".dn" + suffix, affine(x) - port.target + affine(rational(-1)) + affine(port.enable));
      value.add(up, 1).add(down, -1);
    }
    sat(name, value);
    sat(name + ".c", affine(x));
    init(x, initial);
    init(copy, initial);
    return x;
  }

 private:
  std::string pending_;
};

// Name fragments that cannot collide: a state's own name when it has no
// '.', else "s.INDEX" (which has one); a symbol's character when it is a
// letter or digit, "blank" for the blank, else "x" and its code.
std::string state_label(const turing_machine& machine, std::uint32_t q) {
  const std::string& name = machine.states[q];
  return name.find('.') == std::string::npos ? name : fmt::format("s.{}", q);
}

std::string symbol_label(const turing_machine& machine, std::uint32_t symbol) {
  const char c = machine.symbols[symbol];
  if (symbol == machine.blank) return "blank";
  if (std::isalnum(static_cast<unsigned char>(c))) return std::string(1, c);
  return fmt::format("x{:02x}", static_cast<unsigned char>(c));
}

}  // namespace

network compile_machine(const turing_machine& machine, const machine_compiler_options& options) {
  builder b;
  network& net = b.net;
  net.name = machine.name.empty() ? "machine" : machine.name + "_net";

  // Symbols in digit order: the blank first, then 0 and 1, then the rest.
  std::vector<std::uint32_t> order{machine.blank, *machine.symbol_index('0'), *machine.symbol_index('1')};
  for (std::uint32_t a = 0; a < machine.symbol_count(); ++a) {
    if (std::find(order.begin(), order.end(), a) == order.end()) order.push_back(a);
  }
  std::vector<unsigned> rank(machine.symbol_count());  // symbol index -> position in `order`
  for (unsigned k = 0; k < order.size(); ++k) rank[order[k]] = k;
  const unsigned s = static_cast<unsigned>(order.size());
  const rational base = 2 * s;
  auto digit = [&](std::uint32_t symbol) { return rational(2 * rank[symbol] + 1); };
  const rational big = 4;  // suppression weight: larger than any potential it must cancel

  net.comment = fmt::format(
      "The Turing machine '{}' compiled into a rational `sat` network (nnsim build machine).\n"
      "On input δ(ω) it halts with output 1 if the machine accepts ω, halts with output 0 if it\n"
      "rejects by halting, and runs forever if the machine does.  Tape symbols {} get digits 1, 3, ...\n"
      "in base {}; see docs/languages.md for the parts and why the input stage is built this way.",
      machine.name,
      fmt::join(order | std::views::transform([&](std::uint32_t a) { return fmt::format("'{}'", machine.symbols[a]); }),
                ", "),
      to_string(base));

  const neuron_id x = net.add_input("x");
  const neuron_id y = b.id("y");
  net.add_output(y);
  net.rule.kind = rule_kind::parallel;
  net.rule_given = true;

  // ---- boot: 1 for t = 0 .. 5, then 0 (inputs cannot set init values, so
  // the remainder is loaded from x during this pulse).
  b.comment("boot: a pulse that is 1 for t = 0..5 and then 0; it loads the input into the reader");
  std::vector<neuron_id> boot_chain;
  boot_chain.push_back(b.sat("boot.0", affine(rational(0))));
  net.set_init(boot_chain.back(), 1);
  for (int i = 1; i <= 5; ++i) {
    boot_chain.push_back(b.sat(fmt::format("boot.{}", i), affine(boot_chain.back())));
    net.set_init(boot_chain.back(), 1);
  }
  const neuron_id boot = boot_chain.back();

  // ---- the reader's event chain and windows (names first: used above their equations)
  constexpr unsigned chain_length = 26;
  const neuron_id e1 = b.id("in.e.1");
  const neuron_id reset = b.id(fmt::format("in.e.{}", chain_length));
  const neuron_id w1 = b.id("in.w1");
  const neuron_id w2 = b.id("in.w2");
  const neuron_id w3 = b.id("in.w3");
  const neuron_id hold = e1;  // the machine is held from the event until the amplifiers are reset
  const neuron_id bit_is_one = b.id("in.E1");

  // ---- reader registers: bank 1 (current) and bank 2 (next)
  const neuron_id rho = b.id("in.rho");
  const neuron_id code = b.id("in.C");
  const neuron_id scale = b.id("in.S");
  const neuron_id rho2 = b.id("in.rho2");
  const neuron_id code2 = b.id("in.C2");
  const neuron_id scale2 = b.id("in.S2");
  b.comment("reader, bank 1: remainder rho of δ(ω) not yet read (loaded from x at boot), code C of the\n"
            "prefix read so far as a stack for the tape, scale S = B^-(j+1); written from bank 2 in window w2");
  b.safe_register("in.rho", 0, {{affine(x), boot}, {affine(rho2), w2}});
  b.safe_register("in.C", 0, {{affine(code2), w2}});
  b.safe_register("in.S", 1 / base, {{affine(scale2), w2}});

  b.comment("reader, next values after reading bit b (b = in.E1): rho' = 2 rho - b, C' = C + d(b) S, S' = S / B");
  const neuron_id scaled_bit = b.sat("in.bS", affine(scale) + affine(bit_is_one) + affine(rational(-1)));
  const rational d0 = digit(*machine.symbol_index('0'));
  const rational d1 = digit(*machine.symbol_index('1'));
  b.comment("reader, bank 2: the next values, written in window w1 while bank 1 and the bit are stable");
  b.safe_register("in.rho2", 0, {{2 * affine(rho) - affine(bit_is_one), w1}});
  b.safe_register("in.C2", 0, {{affine(code) + d0 * affine(scale) + (d1 - d0) * affine(scaled_bit), w1}});
  b.safe_register("in.S2", 0, {{(1 / base) * affine(scale), w1}});

  b.comment("reader, amplifiers: with the drive enabled, P doubles toward 1 when rho > 1/2 and N when\n"
            "rho < 1/2; at rho = 1/2 (the end of the word) both stay 0 for ever.  A drive that is only\n"
            "partly enabled still pushes the right way, so a graded step cannot give a wrong bit");
  const neuron_id enable = b.sat("in.en", affine(rational(1)) - big * affine(e1) - big * affine(reset) - big * affine(boot));
  const neuron_id drive_up = b.sat("in.gp", 2 * affine(rho) + affine(rational(-2)) + affine(enable));
  const neuron_id drive_down = b.sat("in.gn", affine(enable) - 2 * affine(rho));
  const neuron_id amp_up = b.id("in.P");
  const neuron_id amp_down = b.id("in.N");
  b.sat("in.P", 2 * affine(amp_up) + affine(drive_up) - big * affine(reset) - big * affine(boot));
  b.sat("in.N", 2 * affine(amp_down) + affine(drive_down) - big * affine(reset) - big * affine(boot));
  b.comment("reader, events: E1 = bit 1 read, E0 = bit 0 read (1 once the amplifier saturates)");
  b.sat("in.E1", 4 * affine(amp_up) + affine(rational(-3)));
  const neuron_id bit_is_zero = b.sat("in.E0", 4 * affine(amp_down) + affine(rational(-3)));
  b.comment(fmt::format("reader, event chain: in.e.i is the event delayed by i steps; in.e.1 holds the machine,\n"
                        "in.e.{} resets the amplifiers, which ends the event",
                        chain_length));
  std::vector<neuron_id> chain;
  chain.push_back(b.sat("in.e.1", affine(bit_is_one) + affine(bit_is_zero)));
  for (unsigned i = 2; i <= chain_length; ++i) chain.push_back(b.sat(fmt::format("in.e.{}", i), affine(chain.back())));
  auto window = [&](const std::string& name, unsigned from, unsigned to) {
    return b.sat(name, affine(chain[from - 1]) - affine(chain[to - 1]));
  };
  b.comment("reader, windows: w1 writes bank 2, w2 copies it to bank 1, w3 restarts the machine on the new\n"
            "code; each opens after the one before has closed, and none opens while the chain drains");
  window("in.w1", 4, 9);
  window("in.w2", 11, 16);
  window("in.w3", 19, 24);

  // ---- the machine
  const unsigned m = options.guard_time;
  const unsigned k = options.write_time;
  const neuron_id phase1 = b.id("tm.loop.G1");
  const neuron_id phase2 = b.id("tm.loop.G2");
  std::vector<neuron_id> a_state(machine.state_count()), b_state(machine.state_count());
  for (std::uint32_t q = 0; q < machine.state_count(); ++q) {
    a_state[q] = b.id("tm.A.s." + state_label(machine, q));
    b_state[q] = b.id("tm.B.s." + state_label(machine, q));
  }
  const neuron_id a_left = b.id("tm.A.L");
  const neuron_id a_right = b.id("tm.A.R");
  const neuron_id b_left = b.id("tm.B.L");
  const neuron_id b_right = b.id("tm.B.R");

  b.comment("machine, configuration A: one neuron per state (1 = current), the stacks L and R.\n"
            "Written from B in phase 2 (tm.loop.G2), and set to the start configuration on the\n"
            "prefix read so far (R = in.C) in the reader's window w3");
  for (std::uint32_t q = 0; q < machine.state_count(); ++q) {
    const rational start = q == machine.start ? 1 : 0;
    b.safe_register("tm.A.s." + state_label(machine, q), start, {{affine(b_state[q]), phase2}, {affine(start), w3}});
  }
  b.safe_register("tm.A.L", 0, {{affine(b_left), phase2}, {affine(rational(0)), w3}});
  b.safe_register("tm.A.R", 0, {{affine(b_right), phase2}, {affine(code), w3}});

  b.comment("machine, the symbol under the head: tm.R.ge.k = 1 iff the top of R is symbol k or later\n"
            "(an empty stack reads as the blank); the same for the top of L");
  std::vector<neuron_id> right_ge(s), left_ge(s);  // index 1 .. s-1 used
  for (unsigned sym = 1; sym < s; ++sym) {
    right_ge[sym] = b.sat(fmt::format("tm.R.ge.{}", symbol_label(machine, order[sym])),
                          base * affine(a_right) - affine(rational(2 * sym)));
    left_ge[sym] = b.sat(fmt::format("tm.L.ge.{}", symbol_label(machine, order[sym])),
                         base * affine(a_left) - affine(rational(2 * sym)));
  }
  b.comment("machine, the stacks without their tops, and the top of L as a digit / B");
  affine right_pop = base * affine(a_right) + affine(rational(-1));
  affine left_pop = base * affine(a_left) + affine(rational(-1));
  affine left_top = affine(rational(1) / base);
  for (unsigned sym = 1; sym < s; ++sym) {
    right_pop.add(right_ge[sym], -2);
    left_pop.add(left_ge[sym], -2);
    left_top.add(left_ge[sym], 2 / base);
  }
  const neuron_id r_pop = b.sat("tm.R.pop", right_pop);
  const neuron_id l_pop = b.sat("tm.L.pop", left_pop);
  const neuron_id l_top = b.sat("tm.L.top", left_top);

  // One gate per transition: 1 iff the machine is in state q reading symbol a.
  struct compiled_transition {
    std::uint32_t from, read;
    machine_transition t;
    neuron_id gate;
  };
  std::vector<compiled_transition> transitions;
  b.comment("machine, transition gates: tm.g.Q.A = 1 iff A's state is Q and the head reads A");
  for (std::uint32_t q = 0; q < machine.state_count(); ++q) {
    if (machine.halts_in(q)) continue;
    for (unsigned sym = 0; sym < s; ++sym) {
      const auto& t = machine.transition(q, order[sym]);
      if (!t) continue;  // no transition: the machine halts and rejects; nothing fires
      affine reads = sym == 0 ? affine(rational(1)) - affine(right_ge[1]) : affine(right_ge[sym]);
      if (sym != 0 && sym + 1 < s) reads.add(right_ge[sym + 1], -1);
      const neuron_id gate = b.sat(fmt::format("tm.g.{}.{}", state_label(machine, q), symbol_label(machine, order[sym])),
                                   affine(a_state[q]) + reads + affine(rational(-1)));
      transitions.push_back({q, order[sym], *t, gate});
    }
  }
  b.comment("machine, the stacks each transition would produce, gated: sat(v + gate - 1) is v when the\n"
            "gate is 1 and 0 when it is 0 (all values lie in [0, 1])");
  affine next_right, next_left;
  std::vector<affine> next_state(machine.state_count());
  for (const auto& ct : transitions) {
    const rational written = digit(ct.t.write);
    const std::string label = fmt::format("{}.{}", state_label(machine, ct.from), symbol_label(machine, ct.read));
    const affine gate_offset = affine(ct.gate) + affine(rational(-1));
    affine right, left;
    switch (ct.t.move) {
      case head_move::stay:  // R = push(b, pop(R)), L unchanged
        right = (1 / base) * affine(r_pop) + affine(written / base);
        left = affine(a_left);
        break;
      case head_move::right:  // L = push(b, L), R = pop(R)
        left = (1 / base) * affine(a_left) + affine(written / base);
        right = affine(r_pop);
        break;
      case head_move::left:  // R = push(top(L), push(b, pop(R))), L = pop(L)
        right = affine(l_top) + affine(written / (base * base)) + (1 / (base * base)) * affine(r_pop);
        left = affine(l_pop);
        break;
    }
    next_right.add(b.sat("tm.cR." + label, right + gate_offset));
    next_left.add(b.sat("tm.cL." + label, left + gate_offset));
    next_state[ct.t.next_state].add(ct.gate);
  }

  b.comment("machine, configuration B: the next configuration, written from the gated values in phase 1");
  for (std::uint32_t q = 0; q < machine.state_count(); ++q) {
    b.safe_register("tm.B.s." + state_label(machine, q), 0, {{next_state[q], phase1}});
  }
  b.safe_register("tm.B.L", 0, {{next_left, phase1}});
  b.safe_register("tm.B.R", 0, {{next_right, phase1}});

  // The handshake: Q = 0 is phase 1 (B := step(A)), Q = 1 is phase 2 (A := B).
  b.comment(fmt::format("machine, the loop: tm.loop.Q flips after a phase has been enabled for {} steps; a phase\n"
                        "opens only after Q has kept its value for {} steps, so the phases never overlap; phase 1\n"
                        "opens only while A's state is not a halting one, so the loop stops when the machine halts;\n"
                        "the reader holds it (in.e.1) while it restarts the machine",
                        k, m));
  const neuron_id latch = b.id("tm.loop.Q");
  const auto latch_line = [&] {
    std::vector<neuron_id> line{latch};
    for (unsigned i = 1; i <= m; ++i) line.push_back(b.id(fmt::format("tm.loop.q.{}", i)));
    return line;
  }();
  affine running = affine(rational(0));
  for (std::uint32_t q = 0; q < machine.state_count(); ++q) {
    if (!machine.halts_in(q)) running.add(a_state[q], 1);
  }
  affine phase1_potential = running - big * affine(hold);
  affine phase2_potential = affine(rational(-static_cast<int>(m))) - big * affine(hold);
  for (neuron_id q : latch_line) {
    phase1_potential.add(q, -big);
    phase2_potential.add(q, 1);
  }
  b.sat("tm.loop.G1", phase1_potential);
  b.sat("tm.loop.G2", phase2_potential);
  const auto done1 = b.delay_line("tm.loop.d1", phase1, k);
  const auto done2 = b.delay_line("tm.loop.d2", phase2, k);
  b.sat("tm.loop.Q", affine(latch) + affine(done1.back()) - affine(done2.back()) - big * affine(hold));
  for (unsigned i = 1; i <= m; ++i) b.sat(fmt::format("tm.loop.q.{}", i), affine(latch_line[i - 1]));

  b.comment("output: 1 while A's state is an accepting one");
  affine accepting = affine(rational(0));
  for (std::uint32_t q = 0; q < machine.state_count(); ++q) {
    if (machine.accepting[q]) accepting.add(a_state[q], 1);
  }
  b.sat("y", accepting);
  return net;
}

}  // namespace nnsim
