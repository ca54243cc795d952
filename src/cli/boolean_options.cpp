#include "cli/boolean_options.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <charconv>

namespace nnsim::cli {

void add_boolean_function_options(CLI::App& app, boolean_function_options& options) {
  options.table_option =
      app.add_option("TABLE", options.table,
                     "the function as a truth table: 2^n characters 0/1, F of the inputs in binary counting order "
                     "with x1 the most significant bit (0110 is XOR, 0001 is AND)")
          ->type_name("");
  options.formula_option =
      app.add_option("--formula", options.formula,
                     "the function as a formula over x1, x2, ... with ! (not), & (and), ^ (xor), | (or), "
                     "parentheses and the constants 0, 1, binding in that order: '!x1 & x2 | x3'")
          ->type_name("F");
  options.arity_option =
      app.add_option("--arity", options.arity,
                     "with --formula: the number of inputs, when it is more than the largest variable used")
          ->type_name("N");
}

unsigned parse_count(const std::string& text, std::string_view option) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error == std::errc::invalid_argument || end != text.data() + text.size()) {
    throw input_error(fmt::format("{}: '{}' is not a whole number", option, text));
  }
  if (error == std::errc::result_out_of_range) throw input_error(fmt::format("{}: {} is too large", option, text));
  return value;
}

boolean_function read_boolean_function(const boolean_function_options& options) {
  const bool table = options.table_option->count() > 0;
  const bool formula = options.formula_option->count() > 0;
  if (table && formula) throw input_error("give the function as a truth table or with --formula, not both");
  if (!table && !formula) {
    throw input_error("give the function as a truth table (e.g. 0110) or with --formula (e.g. 'x1 ^ x2')");
  }
  if (table) {
    if (options.arity_option->count() > 0) {
      throw input_error("--arity goes with --formula; a truth table of 2^n characters has n inputs");
    }
    return boolean_function::from_table(options.table);
  }
  const unsigned arity = options.arity_option->count() > 0 ? parse_count(options.arity, "--arity") : 0;
  return boolean_function::from_formula(options.formula, arity);
}

std::string quoted_formula(const std::string& formula) {
  std::string text;
  bool blank = false;
  for (char c : formula) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = !text.empty();
      continue;
    }
    if (blank) text += ' ';
    blank = false;
    text += c;
  }
  return "'" + text + "'";
}

std::string boolean_function_arguments(const boolean_function_options& options) {
  if (options.formula_option->count() == 0) return options.table;
  std::string text = "--formula " + quoted_formula(options.formula);
  if (options.arity_option->count() > 0) text += " --arity " + options.arity;
  return text;
}

}  // namespace nnsim::cli
