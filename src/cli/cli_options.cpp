#include "cli/cli_options.hpp"

#include "cli/output.hpp"
#include "nnsim/io/text_file.hpp"
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/number_mode.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>
#include <limits>

namespace nnsim::cli {
namespace {

// A CLI11 check from a library parser: the parser's input_error message
// becomes the check's message, so the option and the library never disagree
// on what a valid value is.  The empty description keeps `--help` free of a
// redundant ":CHECK" after the value's name.
template <typename Parse>
CLI::Validator library_check(Parse parse) {
  return CLI::Validator(
      [parse](std::string& text) -> std::string {
        try {
          parse(text);
        } catch (const input_error& e) {
          return e.what();
        }
        return {};
      },
      "");
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// The items of a comma-separated list, trimmed; an empty (or blank) text is
// the empty list, so `--input ""` means "no inputs".
std::vector<std::string_view> split_list(std::string_view text) {
  std::vector<std::string_view> items;
  if (trim(text).empty()) return items;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    items.push_back(trim(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return items;
}

// "2 input neurons (x1, x2)" or "no input neurons".
std::string describe_inputs(const network& net) {
  if (net.inputs.empty()) return "no input neurons";
  return fmt::format("{} ({})", plural(net.inputs.size(), "input neuron", "input neurons"),
                     neuron_names(net, net.inputs));
}

}  // namespace

// A whole number in [min, max], written with digits only: CLI11's own
// conversion would wrap `-3` around to 2^64 - 3 for an unsigned option.
CLI::Validator whole_number_check(std::uint64_t min, std::uint64_t max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error == std::errc::invalid_argument || end != text.data() + text.size()) {
          return fmt::format("'{}' is not a whole number", text);
        }
        if (error == std::errc::result_out_of_range || value > max) {
          return fmt::format("{} is too large (at most {})", text, max);
        }
        if (value < min) return fmt::format("{} is too small (at least {})", text, min);
        return {};
      },
      "");
}

CLI::Option* add_file_argument(CLI::App& app, std::string& path) {
  return app.add_option("FILE", path, "the network file (.nn); - reads standard input")->required()->type_name("");
}

CLI::Option* add_json_flag(CLI::App& app, bool& json) {
  return app.add_flag("--json", json, "print one JSON object on standard output (on failure: {\"error\": ...})");
}

CLI::Option* add_output_option(CLI::App& app, std::string& path) {
  return app.add_option("-o,--output", path, "write to FILE instead of standard output")->type_name("FILE");
}

CLI::Option* add_input_option(CLI::App& app, run_options& options) {
  options.input_option =
      app.add_option("--input", options.input,
                     "the network input x = (x1, ..., xk), one value per input neuron in input order, e.g. "
                     "1,0,1/2 or -0.25,2e-3, or constant expressions such as 'sqrt(2)/2, 1' (docs/reals.md); the other "
                     "neurons start at 0 or their init value")
          ->type_name("V1,...,Vk")
          ->check(library_check([](const std::string& text) { parse_input_list(text, "--input"); }));
  return options.input_option;
}

CLI::Option* add_word_option(CLI::App& app, run_options& options) {
  options.word_option =
      app.add_option("--word", options.word,
                     "input δ(W) for a network with one input neuron: W over 0/1, e.g. 11001 gives 51/64; "
                     "--word \"\" is the empty word ε, δ(ε) = 1/2")
          ->type_name("W")
          ->check(library_check([](const std::string& text) { delta_encode(text); }));
  if (options.input_option != nullptr) options.word_option->excludes(options.input_option);
  return options.word_option;
}

CLI::Option* add_rule_option(CLI::App& app, std::string& rule) {
  return app
      .add_option("--rule", rule,
                  fmt::format("which neurons each step updates, instead of the file's rule: {}",
                              rule_option_alternatives()))
      ->type_name("RULE")
      ->check(library_check([](const std::string& text) { parse_rule_option(text); }));
}

CLI::Option* add_numbers_option(CLI::App& app, std::string& numbers) {
  return app
      .add_option("--numbers", numbers,
                  fmt::format("{}; floating results are approximations", number_mode_help()))
      ->type_name("MODE")
      ->capture_default_str()
      ->check(library_check([](const std::string& text) { number_mode::parse(text); }));
}

CLI::Option* add_max_steps_option(CLI::App& app, std::uint64_t& max_steps) {
  return app
      .add_option("--max-steps", max_steps,
                  "examine the states y(0), ..., y(N); with neither a fixed point nor a repeated state by then "
                  "the result is undecided")
      ->type_name("N")
      ->capture_default_str()
      ->check(whole_number_check(0, std::numeric_limits<std::uint64_t>::max()));
}

CLI::Option* add_max_bits_option(CLI::App& app, std::size_t& max_bits) {
  return app
      .add_option("--max-bits", max_bits,
                  "stop with exit code 3 when an exact value needs more bits (numerator + denominator)")
      ->type_name("B")
      ->capture_default_str()
      ->check(whole_number_check(1, std::numeric_limits<std::size_t>::max()));
}

CLI::Option* add_max_memory_option(CLI::App& app, std::size_t& max_memory) {
  return app
      .add_option("--max-memory", max_memory,
                  "stop with exit code 3 when the computation would keep more bytes: its values, the saved states "
                  "and the table of seen states that find a repeated state, trace rows and the results of many "
                  "words")
      ->type_name("BYTES")
      ->capture_default_str()
      ->check(whole_number_check(1, std::numeric_limits<std::size_t>::max()))
      // Parsed before any file is read: a larger budget reads larger files.
      ->each([](const std::string& text) {
        std::size_t bytes = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), bytes);
        if (error == std::errc() && end == text.data() + text.size()) limit_text_file_size(bytes);
      });
}

CLI::Option* add_max_precision_option(CLI::App& app, unsigned& max_precision) {
  return app
      .add_option("--max-precision", max_precision,
                  "--numbers certified: the largest precision tried, in bits (64, 128, 256, ... up to this); a "
                  "verdict not proven there is undecided (precision)")
      ->type_name("BITS")
      ->capture_default_str()
      ->check(whole_number_check(2, 100000));
}

repetition_method parse_repetition_method(std::string_view text) {
  for (repetition_method m : {repetition_method::automatic, repetition_method::table, repetition_method::brent}) {
    if (text == name_of(m)) return m;
  }
  throw input_error(fmt::format("unknown method '{}' (expected auto, table or brent)", text));
}

CLI::Option* add_repetitions_option(CLI::App& app, std::string& repetitions) {
  return app
      .add_option("--repetitions", repetitions,
                  "how a repeated state is found: table (a hash table of every state seen), brent (Brent's cycle "
                  "finding, memory independent of the steps, then a second pass for the first repetition), or "
                  "auto (the table until it would take a sixteenth of --max-memory, then brent); the verdict is "
                  "the same")
      ->type_name("METHOD")
      ->capture_default_str()
      ->check(library_check([](const std::string& text) { parse_repetition_method(text); }));
}

CLI::Option* add_threads_option(CLI::App& app, unsigned& threads) {
  return app
      .add_option("--threads", threads,
                  "--numbers double: the threads that evaluate a large step, 0 for as many as pay on this machine "
                  "(from about 250,000 terms); the values are the same for any number")
      ->type_name("N")
      ->capture_default_str()
      ->check(whole_number_check(0, 256));
}

void add_computation_options(CLI::App& app, computation_options& options, bool repetitions) {
  add_rule_option(app, options.rule);
  add_numbers_option(app, options.numbers);
  add_max_steps_option(app, options.max_steps);
  add_max_bits_option(app, options.max_bits);
  add_max_memory_option(app, options.max_memory);
  add_max_precision_option(app, options.max_precision);
  add_threads_option(app, options.threads);
  if (repetitions) add_repetitions_option(app, options.repetitions);
}

void add_run_options(CLI::App& app, run_options& options, bool repetitions) {
  add_input_option(app, options);
  add_word_option(app, options);
  add_computation_options(app, options.computation, repetitions);
}

std::vector<std::string> split_word_list(const std::string& text) {
  std::vector<std::string> words;
  if (text.empty()) return words;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const std::size_t first = item.find_first_not_of(" \t");
    const std::string word =
        first == std::string::npos ? "" : item.substr(first, item.find_last_not_of(" \t") - first + 1);
    words.push_back(word == "ε" ? std::string() : word);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return words;
}

std::vector<rational> parse_value_list(std::string_view text, std::string_view option) {
  std::vector<rational> values;
  for (std::string_view item : split_value_list(text)) {
    if (item.empty()) throw input_error(fmt::format("empty value in {} '{}'", option, text));
    values.push_back(parse_rational_value(item, "value"));
  }
  return values;
}

input_values parse_input_list(std::string_view text, std::string_view option) {
  input_values input;
  const std::vector<std::string_view> items = split_value_list(text);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].empty()) throw input_error(fmt::format("empty value in {} '{}'", option, text));
    real_value value = parse_real_value(items[i], "value");
    if (value.irrational) {
      input.expressions.resize(items.size());
      input.expressions[i] = std::move(value.irrational);
    }
    input.values.push_back(std::move(value.exact));
  }
  return input;
}

std::vector<neuron_id> parse_neuron_list(const network& net, std::string_view text, std::string_view option) {
  std::vector<neuron_id> ids;
  for (std::string_view item : split_list(text)) {
    const auto id = net.find(item);
    if (!id) throw input_error(fmt::format("unknown neuron '{}' in {}", item, option));
    ids.push_back(*id);
  }
  return ids;
}

run_request make_run_request(const network& net, const run_options& options) {
  run_request request;
  const bool word_given = options.word_option != nullptr && options.word_option->count() > 0;
  const bool input_given = options.input_option != nullptr && options.input_option->count() > 0;
  if (word_given) {
    if (net.inputs.size() != 1) {
      throw input_error(
          fmt::format("--word needs a network with one input neuron, but the network has {}; use --input",
                      describe_inputs(net)));
    }
    request.input.push_back(delta_encode(options.word));
  } else if (input_given) {
    input_values input = parse_input_list(options.input, "--input");
    request.input = std::move(input.values);
    request.input_expressions = std::move(input.expressions);
    if (request.input.size() != net.inputs.size()) {
      throw input_error(fmt::format("--input gives {}, but the network has {}",
                                    plural(request.input.size(), "value", "values"), describe_inputs(net)));
    }
  } else if (!net.inputs.empty()) {
    throw input_error(fmt::format("the network has {}; give their values with --input{}", describe_inputs(net),
                                  net.inputs.size() == 1 ? " or --word" : ""));
  }
  apply_computation_options(options.computation, request);
  return request;
}

std::string neuron_names(const network& net, const std::vector<neuron_id>& ids, std::string_view separator) {
  return join_neuron_names(net, ids, separator);
}

}  // namespace nnsim::cli
