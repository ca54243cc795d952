// `nnsim check boolean`: the lecture's theorems on Boolean functions checked
// exhaustively for one arity n.  For every one of the 2^(2^n) functions F:
//
//   1. build the two-layer network of the lecture's proof
//      (build_two_layer, two_layer_network.hpp) and verify that it
//      computes F on every one of the 2^n inputs, exactly;
//   2. decide whether one step neuron computes F (linear_separability.hpp);
//      each answer's proof (the weights on every input, or the convex-hull
//      certificate) is checked before it is counted.
//
// The separable counts are the numbers of threshold functions, OEIS A000609
// (2, 4, 14, 104, 1882, 94572 for n = 0 … 5); the tests check them another
// way.
//
// Five inputs are 2^32 functions: they are checked through their NPN
// classes (npn_classes.hpp), one function per class and its negation, which
// proves the same statements for every function of the class
// (docs/boolean.md, section 6, gives the argument).
#pragma once

#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/boolean/two_layer_network.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/support/shard.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace nnsim {

// 2^(2^5) functions of five inputs are four billion: four inputs is the
// largest arity checked function by function, five the largest checked
// through NPN classes.
inline constexpr unsigned max_check_arity = 5;
inline constexpr unsigned max_check_arity_one_by_one = 4;

struct boolean_check_options {
  // Which two-layer construction is checked: the lecture's (the default),
  // its dual (cnf) or the minimized one (two_layer_network.hpp).
  two_layer_options construction;
  // Verify each network with run_network on every input (compute_truth_table)
  // instead of the compiled evaluator (see boolean_check.cpp).  Slower, the
  // same answers; the tests compare the two.
  bool full_simulation = false;
  // Check one function per NPN class (and its negation) and count each
  // class with its size, instead of every function; always so for n = 5.
  // Not with the minimized construction, whose choice among minimum covers
  // need not follow the transforms.
  bool npn_classes = false;
  // Worker threads (at least 1); each takes every k-th block of functions.
  unsigned threads = 1;
  // Called now and then with the number of functions done and the total,
  // from the calling thread only.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
  // With npn_classes: called before the check, the same way, while the
  // functions are sorted into classes (enumerate_npn_classes).
  std::function<void(std::uint64_t done, std::uint64_t total)> classification_progress;
  // Read before each block of functions (a few milliseconds of work): once
  // it is true the check stops and reports the functions checked so far
  // (run_monitor.hpp says who may set it).
  const std::atomic<bool>* stop_requested = nullptr;
  // Only this shard of the functions (shard.hpp), whose items are the
  // blocks of 512 functions in order; `checked` and the counts are then
  // over the shard's functions.
  shard part;
};

struct boolean_check_summary {
  unsigned arity = 0;
  std::uint64_t functions = 0;             // 2^(2^n)
  // The functions checked: all of them, unless stop_requested ended the
  // check (then `interrupted`, and the counts below are over these only,
  // which are not the first ones in order when several threads worked).
  std::uint64_t checked = 0;
  bool interrupted = false;
  // With npn_classes: the classes whose functions were checked (all of
  // them, 616,126 for n = 5, unless interrupted); 0 otherwise.
  std::uint64_t npn_classes = 0;
  std::uint64_t verified = 0;              // networks that computed their function on every input
  std::uint64_t separable = 0;             // functions one step neuron computes
  std::uint64_t hidden_neurons_total = 0;  // over all the networks
  std::uint64_t hidden_neurons_max = 0;    // in one network
  std::vector<boolean_function> failures;  // the first few functions whose network failed (a bug)
};

// Runs the check.  Throws input_error for arity > max_check_arity, and for
// the minimized construction with npn_classes or n = 5; std::logic_error if
// a separability answer fails its own check (a bug).
boolean_check_summary check_boolean_functions(unsigned arity, const boolean_check_options& options = {});

// The Boolean function number `index` of arity n: its truth table is the
// 2^n-bit binary number `index`, F(0…0) as the most significant bit (so
// table "0110" is index 6).
boolean_function boolean_function_number(unsigned arity, std::uint64_t index);

// What the compiled evaluator computes: the output of a feed-forward
// network of unit-step neurons with integer weights on every 0/1 input, in
// boolean_function order, when the network qualifies (acyclic, one output,
// every equation a step of a weighted sum with integer coefficients below
// 2^31, rule parallel or layered; an irrational constant is no integer);
// nothing otherwise.  Under those rules
// such a network halts in the unique fixed point, which evaluating the
// neurons layer by layer gives directly (semantics.md, sections 3-4).
std::optional<boolean_function> evaluate_step_network(const network& net);

}  // namespace nnsim
