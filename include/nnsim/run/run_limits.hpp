// The verdict of one computation and the limits a run works within
// (semantics.md, section 4): shared by the engine (simulator) and the
// mode-independent entry point (simulation.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nnsim {

enum class run_status { halted, diverges, undecided };
std::string_view name_of(run_status s);

// interval:P and certified (reals.md, section 3): a decision the semantics
// needs that the enclosures of this precision cannot make.  The run then
// ends undecided at `step`.
struct precision_shortfall {
  enum class decision {
    activation_piece,  // the piece of step or sign: the potential's interval contains 0 and a negative number
    fixed_point,       // whether y(step) is a fixed point: no neuron of the universe is proven to change
    output_sign,       // whether an output of the halted computation is > 0 (the interval has 0 and positive numbers)
  };
  decision what = decision::fixed_point;
  std::uint64_t step = 0;       // the state y(step) the decision is about
  std::string neuron;           // the neuron it is about
  std::string interval;         // its interval (text): the potential, the next value, or the output
  std::string current;          // fixed_point: the neuron's interval in y(step), which the next may equal
};
// "the piece of an activation", "a fixed point", "the sign of the output".
std::string_view name_of(precision_shortfall::decision d);
// One line: "step 3, neuron 'y': the potential [-0.1, 0.2] contains 0 and negative numbers, ...".
std::string describe(const precision_shortfall& shortfall);

// How a run looks for the first repetition of (y(t), t mod p) (simulator.hpp,
// docs/semantics.md "Why each verdict is sound").  Every method gives the same
// verdict, steps, cycle and state; they differ in time and memory.
enum class repetition_method {
  // The table while it fits in a sixteenth of the memory budget, then Brent
  // from the step where it would not.
  automatic,
  // A hash table with an entry for every state seen: the repetition is found
  // at t2 itself; memory grows with the steps (16 to 48 bytes a step).
  table,
  // Brent's cycle finding on the exact states from step 0, then a second pass
  // for the first repetition: memory independent of the number of steps, at
  // most about four times the steps of the table.
  brent,
};
// "auto", "table", "brent".
std::string_view name_of(repetition_method m);

struct run_limits {
  std::uint64_t max_steps = 100000;      // N: y(0) ... y(N) are examined
  std::size_t max_bits = 1u << 20;       // largest size of one exact state value (numerator + denominator bits)
  // Bytes the computation may keep (memory_budget.hpp): the compiled
  // network's arrays, the saved states and the table of seen states that
  // find repetitions, and the growth of every number's storage.
  std::size_t max_memory = 1u << 30;
  // certified mode: the largest precision tried (64, 128, 256, ... bits).
  unsigned max_precision = 65536;
  repetition_method repetitions = repetition_method::automatic;
  // double mode: the threads that evaluate the equations of a large step
  // (the values are the same for any number); 0: as many as pay on this
  // machine (double_sweep.cpp).
  unsigned threads = 0;
};

}  // namespace nnsim
