// How the result of one computation reads, in words and as JSON; shared by
// `run` and `trace` so that both state a verdict the same way.
#pragma once

#include "cli/cli_options.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/run/simulation.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace nnsim::cli {

// The order in which tables list neurons for a person, the order a network
// file reads in: the inputs, then the constant units (an init value, no
// equation), then the neurons with an equation in equation order.  (JSON
// keeps the neuron-id order of the contract.)
std::vector<neuron_id> display_order(const network& net);

// "input: x1 = 1, x2 = 0", or "input: x = 51/64 = δ(11001)" for --word.
std::string input_line(const network& net, const run_request& request, const run_options& options);

// "halted after 2 steps", "diverges: the state at step 3 repeats at step 5
// (period 2)", "undecided: no fixed point or repetition in 100000 steps",
// "undecided: interrupted at step 48213 (no fixed point or repetition up to
// there)".
std::string status_line(const run_result& result);

// "repetitions: Brent's cycle finding (memory bounded), the first repetition
// found by a second pass" and a newline when the run used Brent's method
// (run_limits.hpp); "" when it used the table, which is not mentioned.
std::string repetitions_line(const run_result& result);

// "y = 1, z = 0" for the output neurons, or "" when there are none.
std::string output_assignments(const network& net, const run_result& result);

// The output line: the network output after a halt; after a divergence or a
// step limit the output neurons' last values, marked as no network output
// (the lecture defines the output only for a computation that stops).
std::string output_line(const network& net, const run_result& result);

// "rational (exact)" or e.g. "double (the values are floating-point
// approximations of the exact ones)".
std::string describe_numbers(const number_mode& numbers);
// The same for the number mode of a run, with the precision that proved
// its verdict in certified mode.
std::string describe_numbers(const run_result& result);

// "undecided (precision): 3 words not decided by the enclosures of up to
// 65536 bits{remark} (raise --max-precision)\n" for the words of recognize
// and check oracle that the interval modes left undecided.
std::string precision_undecided_line(std::size_t words, const number_mode& numbers, const run_limits& limits,
                                     std::string_view remark = "");

// Value i as JSON: its text, or {"lo": "...", "hi": "..."} for an interval
// that is not a point (reals.md, section 3).
nlohmann::ordered_json value_json(const state_view& values, std::size_t i);
nlohmann::ordered_json values_json(const state_view& values);
// Value i as a CSV cell: its text, in double quotes when it has a comma
// (an interval `[lo, hi]`), as RFC 4180 writes such a cell.
std::string csv_value(const state_view& values, std::size_t i);

// Adds the members of the verdict to `json`: status, interrupted (true,
// only for a run that Ctrl-C stopped), steps, cycle (diverges only) and
// outputs, as `run --json` and `eval --json` write them.
void add_verdict_json(nlohmann::ordered_json& json, const run_result& result);

// The object of cli.md for `run --json`: status, interrupted (true, only
// for a run that Ctrl-C stopped), steps, cycle (diverges only), outputs,
// state (in neuron order), rule and numbers.
nlohmann::ordered_json run_json(const network& net, const run_result& result);

// JSON text (on one line unless `indent` >= 0), never throwing on a byte that is not UTF-8 (an
// error message may quote one from a file).
std::string dump_json(const nlohmann::ordered_json& json, int indent = -1);

// Writes to standard output, as dump_json(object, 2) + "\n" would, the
// object made of `before`'s members, then `key` with an array, then
// `after`'s members -- but with the array's items made and written one at a
// time by `items`, which calls its argument once per item: for arrays too
// long to hold in memory.
using json_item_sink = std::function<void(const nlohmann::ordered_json&)>;
void write_json_with_array(const nlohmann::ordered_json& before, std::string_view key,
                           const std::function<void(const json_item_sink&)>& items,
                           const nlohmann::ordered_json& after);

// Adds `key: value` at the end of `object` when the caller knows `key` is not
// there yet (neuron names are unique).  ordered_json's operator[] looks every
// key up linearly, which made a state of n neurons cost n^2.
void append_new_member(nlohmann::ordered_json& object, std::string key, nlohmann::ordered_json value);

}  // namespace nnsim::cli
