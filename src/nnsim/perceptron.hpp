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
// Also here: the training data, read from CSV with errors located as
// `FILE:LINE:COL: error: ...`.
#pragma once

#include "nnsim/linear_separability.hpp"
#include "nnsim/network.hpp"
#include "nnsim/rational.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

struct training_data {
  std::vector<std::string> input_names;  // from the header when it has usable names, else x1 ... xn
  std::string target_name = "y";         // likewise
  bool has_header = false;
  labelled_points examples;              // inputs and 0/1 targets, in file order
  std::vector<std::uint32_t> lines;      // the source line of each example
};

// Reads training data: one example per line, comma-separated numbers of the
// file format with an optional sign (`1`, `-1/3`, `0.25`), the last one the
// target 0 or 1; blank lines and `#` comments are skipped.  The first line
// that is not skipped is a header when none of its fields is a number.
// Throws input_error located at the offending field.
training_data parse_training_data(std::string_view text, const std::string& source_name);
// The same from a file ("-": standard input).
training_data read_training_file(const std::string& path);

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
