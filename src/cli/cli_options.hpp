// The options that several commands share, each defined once here: its name,
// default, check and help text.  Every command that takes an option adds it
// through these functions, so `--numbers` means and says the same everywhere.
// The checks only validate the text (CLI11 reports a failure as a parse error,
// exit 2); the conversions to library values happen after parsing.
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/numbers/number_memory.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/run/update_rule.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim::cli {

// A check for a whole number in [min, max] written with digits only, with
// nnsim's messages ("'x' is not a whole number", "99 is too large (at most
// 24)"); CLI11's own Range says "Value x not in range 1 to 256".
CLI::Validator whole_number_check(std::uint64_t min, std::uint64_t max);

// FILE: a network file, `-` for standard input.
CLI::Option* add_file_argument(CLI::App& app, std::string& path);

// --json: one JSON object on standard output (and, on failure, only an
// object with an "error" field; main.cpp prints that).
CLI::Option* add_json_flag(CLI::App& app, bool& json);

// -o, --output FILE: where a command that writes a file writes it.
CLI::Option* add_output_option(CLI::App& app, std::string& path);

// Everything that describes one computation: the network input (--input or
// --word), the update rule, the number mode and the limits.
// How each computation runs: --rule, --numbers and the limits, shared by
// every command that runs networks.
struct computation_options {
  std::string rule;             // --rule; empty: the file's rule
  std::string numbers = "rational";
  std::uint64_t max_steps = run_limits{}.max_steps;
  std::size_t max_bits = run_limits{}.max_bits;
  std::size_t max_memory = run_limits{}.max_memory;
  unsigned max_precision = run_limits{}.max_precision;
  std::string repetitions = "auto";  // --repetitions
  unsigned threads = run_limits{}.threads;  // --threads
};

struct run_options {
  std::string input;            // --input V1,…,Vk
  std::string word;             // --word W
  computation_options computation;

  CLI::Option* input_option = nullptr;
  CLI::Option* word_option = nullptr;
};

CLI::Option* add_input_option(CLI::App& app, run_options& options);
CLI::Option* add_word_option(CLI::App& app, run_options& options);
CLI::Option* add_rule_option(CLI::App& app, std::string& rule);
CLI::Option* add_numbers_option(CLI::App& app, std::string& numbers);
CLI::Option* add_max_steps_option(CLI::App& app, std::uint64_t& max_steps);
CLI::Option* add_max_bits_option(CLI::App& app, std::size_t& max_bits);
CLI::Option* add_max_memory_option(CLI::App& app, std::size_t& max_memory);
CLI::Option* add_max_precision_option(CLI::App& app, unsigned& max_precision);
// --repetitions auto|table|brent.
CLI::Option* add_repetitions_option(CLI::App& app, std::string& repetitions);
// --threads N (double mode).
CLI::Option* add_threads_option(CLI::App& app, unsigned& threads);
// "auto", "table", "brent"; throws input_error for anything else.
repetition_method parse_repetition_method(std::string_view text);

// --rule, --numbers, --max-steps, --max-bits, --max-memory, --max-precision,
// --threads, and --repetitions unless `repetitions` is false (commands that show every
// state keep them all anyway, and always find repetitions with the table).
void add_computation_options(CLI::App& app, computation_options& options, bool repetitions = true);


// Sets the rule, number mode and limits of a request that has them
// (run_request, truth_table_request, recognition_options).  Throws
// input_error for a bad rule or number mode.
template <class Request>
void apply_computation_options(const computation_options& options, Request& request) {
  if (!options.rule.empty()) request.rule = parse_rule_option(options.rule);
  request.numbers = number_mode::parse(options.numbers);
  request.limits.max_steps = options.max_steps;
  request.limits.max_bits = options.max_bits;
  request.limits.max_memory = options.max_memory;
  request.limits.max_precision = options.max_precision;
  request.limits.repetitions = parse_repetition_method(options.repetitions);
  request.limits.threads = options.threads;
  // The last resort behind the budget of each run (number_memory.hpp).
  limit_number_memory_growth(options.max_memory);
}

// All of the above for `run` and `trace` (--repetitions only if `repetitions`).
void add_run_options(CLI::App& app, run_options& options, bool repetitions = false);

// A comma-separated vector of rational values (`1,0,1/2`, `--initial-weights`);
// an empty text is the empty vector.  Throws input_error naming `option`.
std::vector<rational> parse_value_list(std::string_view text, std::string_view option);

// The network input of --input (`1, sqrt(2)/2`): one value per item, as
// run_request holds them -- a rational in `values`, or an irrational one in
// `expressions` (empty when every value is rational; else one entry per
// item, null for the rational ones).  Throws input_error naming `option`.
struct input_values {
  std::vector<rational> values;
  std::vector<real_expression_ptr> expressions;
};
input_values parse_input_list(std::string_view text, std::string_view option);

// A comma-separated list of binary words (--expect-words, build oracle
// --words): each item trimmed of blanks; an empty item or `ε` is the empty
// word, and an empty text is the empty list.
std::vector<std::string> split_word_list(const std::string& text);

// A comma-separated list of neuron names of `net` (`--neurons h1,y`), in the
// order given.  Throws input_error for an unknown name.
std::vector<neuron_id> parse_neuron_list(const network& net, std::string_view text, std::string_view option);

// The run request the options describe for `net`.  Throws input_error when
// the input does not fit the network (wrong number of values, --word on a
// network that does not have exactly one input neuron).
run_request make_run_request(const network& net, const run_options& options);

// "x1, x2" for a list of neurons.
std::string neuron_names(const network& net, const std::vector<neuron_id>& ids, std::string_view separator = ", ");

}  // namespace nnsim::cli
