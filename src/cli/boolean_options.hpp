// A Boolean function on the command line, `TABLE | --formula F`, defined once
// for every command that takes one (build boolean, separable, ...): the
// options, their help and the conversion to a boolean_function.
#pragma once

#include "nnsim/boolean/boolean_function.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace nnsim::cli {

struct boolean_function_options {
  std::string table;     // TABLE (positional)
  std::string formula;   // --formula F
  std::string arity;     // --arity N (with --formula); text, checked when read

  CLI::Option* table_option = nullptr;
  CLI::Option* formula_option = nullptr;
  CLI::Option* arity_option = nullptr;
};

// Adds TABLE (an optional positional), --formula F and --arity N.
void add_boolean_function_options(CLI::App& app, boolean_function_options& options);

// The function the options give.  Throws input_error when neither or both of
// TABLE and --formula are given, --arity comes with a table, or the table or
// formula does not parse (the message names the column).
boolean_function read_boolean_function(const boolean_function_options& options);

// The options as a command line would repeat them: "0110" or
// "--formula 'x1 ^ x2'" (plus " --arity 3"), white space in the formula
// shown as single spaces.
std::string boolean_function_arguments(const boolean_function_options& options);

// "'x1 ^ x2'": a formula quoted for a POSIX shell, its white space runs
// shown as single spaces.
std::string quoted_formula(const std::string& formula);

// A whole number for an option such as --arity: digits only.  Throws
// input_error naming `option`.
unsigned parse_count(const std::string& text, std::string_view option);

}  // namespace nnsim::cli
