// nnsim truth FILE: the network's truth table over all 0/1 inputs
// (truth_table.hpp), as an aligned table or JSON, optionally compared with an
// expected Boolean function: the rows that differ and exit code 1.
#include "cli/boolean_options.hpp"
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/run_report.hpp"
#include "cli/text_table.hpp"
#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/boolean/truth_table.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <memory>

namespace nnsim::cli {
namespace {

constexpr int exit_mismatch = 1;

struct truth_command_options {
  std::string file;
  std::string expect;
  std::string expect_formula;
  computation_options computation;
  bool json = false;

  CLI::Option* expect_option = nullptr;
  CLI::Option* expect_formula_option = nullptr;
};

// The expected function, if one was asked for, over the network's inputs.
std::optional<boolean_function> expected_function(const truth_command_options& options, const network& net) {
  const auto arity = static_cast<unsigned>(net.inputs.size());
  if (options.expect_option->count() > 0) {
    boolean_function f = boolean_function::from_table(options.expect);
    if (f.arity() != arity) {
      throw input_error(fmt::format("--expect: the table has {} characters, for {}; the network has {} ({} "
                                    "characters)",
                                    f.size(), plural(f.arity(), "input", "inputs"), plural(arity, "input", "inputs"),
                                    std::size_t{1} << std::min(arity, 20u)));
    }
    return f;
  }
  if (options.expect_formula_option->count() > 0) {
    if (arity > max_truth_table_inputs) return std::nullopt;  // compute_truth_table refuses the network
    boolean_function f = boolean_function::from_formula(options.expect_formula, arity);
    if (f.arity() != arity) {
      throw input_error(fmt::format("--expect-formula uses x{}, but the network has {}", f.arity(),
                                    plural(arity, "input", "inputs")));
    }
    return f;
  }
  return std::nullopt;
}

// One table with a column per input neuron, per output neuron, optionally
// the expected value, and the verdict; `rows` selects the rows shown.
std::string format_table(const network& net, const truth_table& table, const std::vector<std::uint32_t>& rows,
                         const boolean_function* expected) {
  // Groups: inputs | outputs [| expected] | status; numbers right-aligned,
  // the status left-aligned.
  std::vector<text_table::column> columns;
  std::vector<std::string> header;
  auto add_column = [&](std::string name, align alignment, bool starts_group) {
    columns.push_back({alignment, columns.empty() ? "" : starts_group ? " | " : " "});
    header.push_back(std::move(name));
  };
  for (neuron_id id : net.inputs) add_column(net.name_of(id), align::right, false);
  for (std::size_t k = 0; k < net.outputs.size(); ++k) add_column(net.name_of(net.outputs[k]), align::right, k == 0);
  if (expected != nullptr) add_column("expected", align::right, true);
  add_column("status", align::left, true);

  text_table text(std::move(columns));
  text.add_row(std::move(header));
  for (std::uint32_t r : rows) {
    const truth_table_row& row = table.rows[r];
    std::vector<std::string> line;
    for (unsigned j = 1; j <= table.arity; ++j) line.emplace_back(table.input_bit(r, j) ? "1" : "0");
    for (std::string& value : row.outputs.texts()) line.push_back(std::move(value));
    if (expected != nullptr) line.emplace_back((*expected)(row.input) ? "1" : "0");
    line.emplace_back(name_of(row.status));
    text.add_row(std::move(line));
  }
  return text.text();
}

// "4 rows: 3 halted, 1 diverges".
std::string status_summary(const truth_table& table) {
  std::size_t count[3] = {0, 0, 0};
  for (const truth_table_row& row : table.rows) ++count[static_cast<int>(row.status)];
  const char* names[3] = {"halted", "diverges", "undecided"};
  std::vector<std::string> counts;
  for (int s = 0; s < 3; ++s) {
    if (count[s] > 0) counts.push_back(fmt::format("{} {}", count[s], names[s]));
  }
  return fmt::format("{}: {}", plural(table.rows.size(), "row", "rows"), fmt::join(counts, ", "));
}

std::string json_report(const truth_table& table, const std::optional<std::size_t>& mismatches) {
  nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
  nlohmann::ordered_json outputs = nlohmann::ordered_json::array();
  nlohmann::ordered_json status = nlohmann::ordered_json::array();
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    nlohmann::ordered_json vector = nlohmann::ordered_json::array();
    for (unsigned j = 1; j <= table.arity; ++j) vector.push_back(table.input_bit(r, j) ? 1 : 0);
    inputs.push_back(std::move(vector));
    outputs.push_back(values_json(table.rows[r].outputs.view()));
    status.push_back(std::string(name_of(table.rows[r].status)));
  }
  // One key per line, each array on one line.
  std::string text = "{\n";
  text += "  \"inputs\": " + dump_json(inputs) + ",\n";
  text += "  \"outputs\": " + dump_json(outputs) + ",\n";
  text += "  \"status\": " + dump_json(status);
  if (mismatches) text += fmt::format(",\n  \"mismatches\": {}", *mismatches);
  return text + "\n}\n";
}

}  // namespace

command add_truth_command(CLI::App& app, cli_context& context) {
  auto options = std::make_shared<truth_command_options>();
  CLI::App* sub = app.add_subcommand("truth", "The truth table of a network: one computation for every 0/1 input");
  add_file_argument(*sub, options->file);
  options->expect_option =
      sub->add_option("--expect", options->expect,
                      "compare with a truth table: 2^k characters 0/1 for the k inputs in binary counting order, the "
                      "first input neuron the most significant bit (0110 is XOR)")
          ->type_name("TABLE");
  options->expect_formula_option =
      sub->add_option("--expect-formula", options->expect_formula,
                      "compare with a formula over x1 ... xk (the input neurons in order) with ! & ^ | and "
                      "parentheses: 'x1 ^ x2'")
          ->type_name("F");
  options->expect_formula_option->excludes(options->expect_option);
  add_computation_options(*sub, options->computation);
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      fmt::format(
          "Runs the network on every 0/1 input (at most {} input neurons), in binary counting order with the "
          "first input neuron as the most significant bit, and prints each input, the output neurons' values and "
          "the verdict: halted (the values are the network output), diverges or undecided (the values are the "
          "last state's). With an expectation the network must have one output neuron; a row matches when it "
          "halted with output exactly 0 or 1 as expected, and the rows that do not are listed. Exit code 0: no "
          "expectation, or all rows match; 1: a row does not match; 2: bad input.",
          max_truth_table_inputs),
      {
      "nnsim truth xor.nn                            # the table",
      "nnsim truth xor.nn --expect 0110              # compare, exit 1 on a mismatch",
      "nnsim truth maj.nn --expect-formula 'x1 & x2 | x1 & x3 | x2 & x3'",
      "nnsim truth xor.nn --rule sequential --json",
      "nnsim build gate parity --arity 4 | nnsim truth - --expect-formula 'x1^x2^x3^x4'",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const network net = load_network_file(options->file);
    const std::optional<boolean_function> expected = expected_function(*options, net);
    truth_table_request request;
    apply_computation_options(options->computation, request);
    const truth_table table = compute_truth_table(net, request);

    std::optional<std::vector<std::uint32_t>> mismatches;
    if (expected) mismatches = mismatching_rows(table, *expected);

    if (options->json) {
      std::optional<std::size_t> count;
      if (mismatches) count = mismatches->size();
      write_output(json_report(table, count), "");
    } else {
      std::vector<std::uint32_t> all(table.rows.size());
      for (std::uint32_t r = 0; r < all.size(); ++r) all[r] = r;
      std::string text = format_table(net, table, all, nullptr);
      text += fmt::format("{}; rule {}; numbers {}\n", status_summary(table), describe_rule(net, table.rule),
                          describe_numbers(table.numbers));
      if (expected) {
        const std::string what = options->expect_option->count() > 0
                                     ? "the expected table " + options->expect
                                     : "the expected formula " + quoted_formula(options->expect_formula);
        if (mismatches->empty()) {
          text += fmt::format("all {} match {}\n", plural(table.rows.size(), "row", "rows"), what);
        } else {
          text += fmt::format("{} of {} differ from {}:\n", mismatches->size(),
                              plural(table.rows.size(), "row", "rows"), what);
          text += format_table(net, table, *mismatches, &*expected);
        }
      }
      write_output(text, "");
    }
    return mismatches && !mismatches->empty() ? exit_mismatch : 0;
  };
  return result;
}

}  // namespace nnsim::cli
