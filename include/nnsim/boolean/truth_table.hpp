// The truth table of a network: one computation for every 0/1 input vector,
// in binary counting order with the first input neuron as the most
// significant bit (the order of boolean_function), each with its verdict and
// the output neurons' values.  Any rule, any number mode: each row is what
// run_network reports for that input.
#pragma once

#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/run/simulation.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace nnsim {

// 2^20 computations is where a truth table stops being something to look at.
inline constexpr unsigned max_truth_table_inputs = 20;

struct truth_table_request {
  std::optional<rule_spec> rule;  // overrides the network's rule
  number_mode numbers;
  run_limits limits;
  // Optional: called after each row with the rows done and their total; it
  // may throw to abandon the table (a caller's Ctrl-C).
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

struct truth_table_row {
  std::uint32_t input = 0;               // the input vector's number, first input neuron most significant
  run_status status = run_status::undecided;
  std::uint64_t steps = 0;               // as run_result::steps
  state_values outputs;                  // output neurons' values (after a halt: the network output)
};

struct truth_table {
  unsigned arity = 0;                    // number of input neurons
  std::size_t output_count = 0;          // number of output neurons
  std::vector<truth_table_row> rows;     // 2^arity rows, row i for input number i
  rule_spec rule;                        // the rule that ran
  number_mode numbers;

  // x_j (1-based) of row `row`'s input vector.
  bool input_bit(std::size_t row, unsigned j) const { return ((rows[row].input >> (arity - j)) & 1u) != 0; }
};

// Runs the network on every 0/1 input.  Throws input_error when the network
// has more than max_truth_table_inputs inputs or the rule does not fit it
// (and whatever run_network throws: limit_error past the bit limit).
truth_table compute_truth_table(const network& net, const truth_table_request& request = {});

// Whether row `row` computes `value`: the computation halted and the network
// has exactly one output, whose value is exactly 1 (for true) or 0 (false).
bool row_matches(const truth_table_row& row, bool value);

// The input numbers of the rows that do not compute `expected` (row_matches),
// in order.  Throws input_error when `expected` has another arity than the
// network's input count, or when the network has not exactly one output.
std::vector<std::uint32_t> mismatching_rows(const truth_table& table, const boolean_function& expected);

// The Boolean function the network computes, when it has one output and
// every row halted with output exactly 0 or 1; nothing otherwise.
std::optional<boolean_function> computed_function(const truth_table& table);

}  // namespace nnsim
