// The perceptron learning rule for one unit-step neuron (F. Rosenblatt,
// "The perceptron", Psychological Review 65, 1958), in exact arithmetic: the
// lecture's "supervised learning" illustration, in which the algorithm
// considers the examples one after another and, whenever one is classified
// incorrectly, turns the line towards it.
//
// With y = step(w·x + b) (1 iff w·x + b >= 0), an example (x, d) with
// output y != d changes the neuron by
//
//     w <- w + ε (d - y) x,     b <- b + ε (d - y)
//
// (ε the learning rate): towards x when d = 1, away from it when d = 0.  An
// epoch presents every example once, in file order; learning stops after
// the first epoch without errors or after the epoch limit.  By the
// perceptron convergence theorem (Novikoff, 1962) it stops for linearly
// separable data, and it never stops for data that are not, which
// linear_separability.hpp decides exactly.
//
// The training data are read by training_data.hpp.
#pragma once

#include "nnsim/boolean/linear_separability.hpp"
#include "nnsim/learning/training_data.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/rational.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

struct perceptron_options {
  rational rate = 1;                      // ε > 0
  std::uint64_t max_epochs = 1000;        // >= 1
  std::vector<rational> initial_weights;  // empty: all 0; else one per input
  rational initial_bias = 0;
};

struct perceptron_epoch {
  std::uint64_t errors = 0;     // examples misclassified when presented (= updates)
  std::vector<rational> weights;  // after the epoch
  rational bias = 0;
};

struct perceptron_result {
  std::vector<rational> weights;
  rational bias = 0;
  std::vector<perceptron_epoch> epochs;
  bool converged = false;       // the last epoch had no errors: every example is classified correctly
  // When the neuron after epoch `repeats` (1-based) is the one after epoch
  // `repeated` < `repeats` (0: the initial one), learning stopped there: an
  // epoch is a fixed function of the neuron, so the epochs from then on
  // repeat with period repeats - repeated and never reach one without errors.
  std::uint64_t repeats = 0;    // 0: no repetition
  std::uint64_t repeated = 0;
};

// Runs the rule, stopping after the first epoch without errors, the epoch
// limit, or the first epoch whose neuron repeats an earlier one.  Throws input_error for ε <= 0, max_epochs = 0 or initial
// weights of the wrong length.
perceptron_result train_perceptron(const labelled_points& data, const perceptron_options& options = {});

// The neuron as a network file: inputs and output named as in `data`, one
// equation y = step(b + Σ w_i x_i) (zero weights left out), and `comment`
// on top.
network perceptron_network(const training_data& data, const std::vector<rational>& weights, const rational& bias,
                           const std::string& comment = {});

}  // namespace nnsim
