// The super-Turing network.
//
// The construction of Siegelmann and Sontag keeps the whole language in one
// weight, w_L = Σ d_i 4^-i with d_i = 3 or 1 as the i-th word is in L or not
// (oracle_weight.hpp), and reads it as a stack: the top digit of q is
// sat(4q - 2) (0 for digit 1, 1 for digit 3), and popping it is
// q <- 4q - 2 top - 1.  The word ω at position i(ω) = int("1"ω, 2) is in L
// iff the top digit after i(ω) - 1 pops is 3.
//
// The network reads δ(ω) with the self-timed reader of the Turing-machine
// compiler (self_timed_reader.hpp) and cannot learn that the word has ended,
// so it works on the prefix read so far, incrementally: after the prefix p
// it holds i(p) in unary and q = w_L popped i(p) - 1 times, and on the next
// bit b, since i(pb) = 2 i(p) + b, it pops q another i(p) + b times while it
// doubles the counter.  The reader waits until that is done before it reads
// the next bit; after the last bit nothing more arrives, and the network
// halts with the output the top digit of q.
//
// The counter.  A unary stack of k digits 3 in base 4 is the number
// 1 - 4^-k: empty is 0, and "nonempty" is sat(4i - 2) exactly (a nonempty
// stack is >= 3/4); pop is 4i - 3, push is i/4 + 3/4.  One round of the loop
// (one step of the "machine" below) does, while A.run is on:
//
//     i nonempty:         i <- pop i,  j <- push push j,  q <- pop q
//     i empty, bit b:     i <- j pushed b times,  j <- 0,  q <- q popped b times,  run <- 0
//
// so a bit costs i(p) + 1 rounds, and the word ω about i(ω) + |ω| rounds.
// Every value the rounds compute is exact (the digits keep their gaps), and
// the rounds are the two-phase loop of the compiler (two_phase_loop.hpp):
// safe registers A, the next values written into B in phase 1 and copied
// back in phase 2, which tolerates the graded start that reading a bit
// causes.
//
// Parts (neuron names start with the part):
//   boot.*    a six-step pulse at the start: loads x into the reader and the
//             weight into q
//   in.*      the reader: the remainder of δ(ω) in two banks, the
//             amplifiers, the event chain and the windows (w3 starts the
//             rounds on the bit just read); its drive is off while A.run is on
//   weight    sat(w_L) = w_L: the only neuron with a number that is not a
//             literal
//   A.*       the current values: run, the bit b, the counter i (init 3/4:
//             i(ε) = 1), the doubled counter j, the stack q
//   i.some, q.pop, g.*, c.*   one round, computed from A
//   B.*       the next values, written in phase 1; phase 2 copies them to A
//   loop.*    the two-phase loop, which runs while A.run is on
//   y         the output: the top digit of q, sat(4q - 2)
#include "nnsim/languages/oracle_network.hpp"

#include "nnsim/languages/oracle_weight.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "languages/sat_circuit.hpp"
#include "languages/self_timed_reader.hpp"
#include "languages/two_phase_loop.hpp"

#include <fmt/format.h>

#include <memory>

namespace nnsim {
namespace {

// The loop's timing: as the Turing-machine compiler's defaults
// (machine_compiler_options), whose circuit has the same depth.
constexpr unsigned write_time = 5;
constexpr unsigned guard_time = 6;

// "0.3 33 3113 …": the digits grouped by word length (words of length k
// are the 2^k positions from 2^k on).
std::string grouped_digits(const std::string& digits) {
  std::string text = "0.";
  std::size_t start = 0;
  for (std::size_t group = 1; start < digits.size(); group *= 2) {
    if (start > 0) text += ' ';
    text += digits.substr(start, group);
    start += group;
  }
  return text;
}

class oracle_construction {
 public:
  oracle_construction(const language_prefix& language, std::string_view description)
      : language_(language), description_(description) {}

  network build() {
    declare_network();
    boot_ = build_boot_pulse(c_);
    build_reader();
    build_configuration_a();
    build_round();
    build_configuration_b();
    build_loop();
    return std::move(c_.net);
  }

 private:
  void declare_network() {
    network& net = c_.net;
    net.name = "oracle";
    const rational weight = language_weight(language_);
    const std::string digits = base4_digits(weight);
    const std::size_t n = language_.max_length();
    net.comment = fmt::format(
        "The super-Turing network of Siegelmann and Sontag for one language L ⊆ {{0,1}}* (nnsim build oracle).\n"
        "L: {}.\n"
        "Every weight is a rational literal except the one real weight w_L = Σ d_i 4^-i, whose digit d_i\n"
        "is 3 when the i-th word in shortlex order (position i(ω) = int(\"1\"ω, 2)) is in L and 1 when not.\n"
        "Here w_L is the finite prefix of its first {} base-4 digits: it decides the words of length 0..{}.\n"
        "A longer word reads digits the prefix does not contain (0) and is rejected, whatever L says.\n",
        description_, digits.size(), n);
    if (digits.size() <= 127) {
      net.comment += fmt::format("w_L in base 4, one group of digits per word length: {}\n", grouped_digits(digits));
    }
    net.comment +=
        "On input δ(ω) the network reads ω bit by bit, counts i(ω) in unary while it pops i(ω) - 1 digits\n"
        "off q = w_L, and halts with output 1 when the top digit of q is 3 (ω ∈ L) and 0 when it is 1.\n"
        "See docs/reals.md for the parts.";
    // The weight, exactly: N / 4^M.
    auto constant = std::make_shared<real_constant>();
    constant->name = std::string(oracle_weight_name);
    constant->expression = parse_real_expression(
        fmt::format("{} / 4^{}", boost::multiprecision::numerator(weight).str(), digits.size()));
    weight_ = constant;
    net.constants.push_back(std::move(constant));

    x_ = net.add_input("x");
    net.add_output(c_.id("y"));
    net.rule.kind = rule_kind::parallel;
    net.rule_given = true;
  }

  void build_reader() {
    reader_ = std::make_unique<self_timed_reader>(c_, x_, boot_);
    run_ = c_.id("A.run");
    c_.comment("reader, bank 1: remainder rho of δ(ω) not yet read (loaded from x at boot), written from\n"
               "bank 2 in window w2");
    reader_->build_remainder();
    c_.comment("reader, bank 2: the next remainder 2 rho - b (b = in.E1), written in window w1 while rho and\n"
               "the bit are stable");
    reader_->build_next_remainder();
    reader_->build_events({"rounds", "starts the rounds on the bit just\nread", affine(run_),
                           ";\nit is also off while the rounds of the last bit run (A.run), so bits are read one at a "
                           "time"});
  }

  // A.*: run and the bit are set in window w3, everything is copied from B
  // in phase 2, q is loaded with the weight during the boot pulse.
  void build_configuration_a() {
    const loop_phases phases = name_loop_phases(c_, "loop");
    phase1_ = phases.first;
    phase2_ = phases.second;
    const neuron_id w3 = reader_->act();
    b_run_ = c_.id("B.run");
    b_i_ = c_.id("B.i");
    b_j_ = c_.id("B.j");
    b_q_ = c_.id("B.q");

    c_.comment("the one real weight: weight = sat(w_L) = w_L from step 1 on (0 < w_L < 1)");
    const neuron_id weight = c_.sat("weight", affine(*weight_->value()));
    c_.net.equations.back().bias_constant = constant_use{weight_};

    c_.comment("A, the current values: run = 1 while the rounds of the last bit run and b = that bit, both\n"
               "set in window w3; the counter i in unary (init one digit 3: i(ε) = 1), the doubled counter j\n"
               "and the stack q (loaded with the weight at boot); all copied from B in phase 2");
    c_.safe_register("A.run", 0, {{affine(b_run_), phase2_}, {affine(rational(1)), w3}});
    bit_ = c_.safe_register("A.b", 0, {{affine(reader_->bit_is_one()), w3}});
    i_ = c_.safe_register("A.i", rational(3, 4), {{affine(b_i_), phase2_}});
    j_ = c_.safe_register("A.j", 0, {{affine(b_j_), phase2_}});
    q_ = c_.safe_register("A.q", 0, {{affine(weight), boot_}, {affine(b_q_), phase2_}});
  }

  // One round, from A: its case, and the next values of each case, gated.
  void build_round() {
    c_.comment("one round: i.some = 1 iff the counter i is not empty; y = the top digit of q as a bit (the\n"
               "network's output: 1 for digit 3, 0 for digit 1), q.pop = q without its top digit");
    const neuron_id some = c_.sat("i.some", 4 * affine(i_) + affine(rational(-2)));
    const neuron_id top = c_.sat("y", 4 * affine(q_) + affine(rational(-2)));
    const neuron_id pop = c_.sat("q.pop", 4 * affine(q_) - 2 * affine(top) + affine(rational(-1)));
    c_.comment("the round's case: g.pop = i is not empty (pop i, push two digits onto j, pop q); g.end1, g.end0 =\n"
               "i is empty and the bit is 1, 0 (the last round of the bit: i = j pushed b times, j = 0, q popped\n"
               "b times, run = 0)");
    const neuron_id g_pop = c_.sat("g.pop", affine(run_) + affine(some) + affine(rational(-1)));
    const neuron_id g_end1 = c_.sat("g.end1", affine(run_) - affine(some) + affine(bit_) + affine(rational(-1)));
    const neuron_id g_end0 = c_.sat("g.end0", affine(run_) - affine(some) - affine(bit_));
    c_.comment("the values of each case, gated: sat(v + g - 1) is v when the gate g is 1 and 0 when it is 0\n"
               "(every v lies in [0, 1])");
    const affine open_pop = affine(g_pop) + affine(rational(-1));
    const affine open_end1 = affine(g_end1) + affine(rational(-1));
    const affine open_end0 = affine(g_end0) + affine(rational(-1));
    // One statement each: the order of the equations is the order of the calls.
    const neuron_id i_pop = c_.sat("c.i.pop", 4 * affine(i_) + affine(rational(-3)) + open_pop);
    const neuron_id i_end1 = c_.sat("c.i.end1", rational(1, 4) * affine(j_) + affine(rational(3, 4)) + open_end1);
    const neuron_id i_end0 = c_.sat("c.i.end0", affine(j_) + open_end0);
    const neuron_id j_pop = c_.sat("c.j.pop", rational(1, 16) * affine(j_) + affine(rational(15, 16)) + open_pop);
    const neuron_id q_pop = c_.sat("c.q.pop", affine(pop) + affine(g_pop) + affine(g_end1) + affine(rational(-1)));
    const neuron_id q_keep = c_.sat("c.q.keep", affine(q_) + open_end0);
    next_run_ = affine(g_pop);
    next_i_ = affine(i_pop) + affine(i_end1) + affine(i_end0);
    next_j_ = affine(j_pop);
    next_q_ = affine(q_pop) + affine(q_keep);
  }

  void build_configuration_b() {
    c_.comment("B, the next values, written in phase 1");
    c_.safe_register("B.run", 0, {{next_run_, phase1_}});
    c_.safe_register("B.i", 0, {{next_i_, phase1_}});
    c_.safe_register("B.j", 0, {{next_j_, phase1_}});
    c_.safe_register("B.q", 0, {{next_q_, phase1_}});
  }

  void build_loop() {
    c_.comment(fmt::format("the loop: loop.Q flips after a phase has been enabled for {} steps; a phase opens only after\n"
                           "Q has kept its value for {} steps, so the phases never overlap; phase 1 opens only while\n"
                           "A.run is on, so the loop stops after the last round of a bit",
                           write_time, guard_time));
    build_two_phase_loop(c_, "loop", affine(run_), reader_->hold(), write_time, guard_time);
  }

  const language_prefix& language_;
  std::string_view description_;
  sat_circuit c_;
  std::unique_ptr<self_timed_reader> reader_;
  real_constant_ptr weight_;
  neuron_id x_{}, boot_{}, run_{}, phase1_{}, phase2_{};
  neuron_id b_run_{}, b_i_{}, b_j_{}, b_q_{};
  neuron_id bit_{}, i_{}, j_{}, q_{};
  affine next_run_, next_i_, next_j_, next_q_;
};

}  // namespace

network build_oracle_network(const language_prefix& language, std::string_view description) {
  return oracle_construction(language, description).build();
}

}  // namespace nnsim
