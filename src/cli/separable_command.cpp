// nnsim separable TABLE | --formula F: does one unit-step neuron compute the
// function?  Integer weights checked on every input, or a certificate that
// no neuron can (linear_separability.hpp).  Exit 0 either way: the command
// answered.
#include "cli/boolean_options.hpp"
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/help_formatter.hpp"
#include "cli/output.hpp"
#include "cli/separability_report.hpp"
#include "cli/text_table.hpp"
#include "nnsim/boolean/linear_separability.hpp"
#include "nnsim/boolean/neuron_network.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/numbers/value_format.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <memory>

namespace nnsim::cli {
namespace {

struct separable_options {
  boolean_function_options function;
  bool json = false;
};

// The check table has a row per input up to this many inputs.
constexpr unsigned max_shown_arity = 6;

std::vector<std::string> input_names(unsigned arity) {
  std::vector<std::string> names;
  for (unsigned i = 1; i <= arity; ++i) names.push_back(fmt::format("x{}", i));
  return names;
}

std::vector<rational> rational_weights(const step_neuron& neuron) {
  std::vector<rational> weights;
  for (const integer& w : neuron.weights) weights.emplace_back(w);
  return weights;
}

// Every input with ξ, the neuron's output and F, right-aligned columns.
std::string check_table(const boolean_function& f, const labelled_points& data, const step_neuron& neuron) {
  const unsigned n = f.arity();
  // Inputs | ξ | y | F, all right-aligned.
  std::vector<text_table::column> columns;
  for (unsigned c = 0; c < n + 3; ++c) columns.push_back({align::right, c == 0 ? "  " : c >= n ? " | " : " "});
  text_table table(std::move(columns));
  std::vector<std::string> header = input_names(n);
  header.insert(header.end(), {"ξ", "y", "F"});
  table.add_row(std::move(header));
  for (std::uint32_t v = 0; v < f.size(); ++v) {
    std::vector<std::string> row;
    for (unsigned i = 1; i <= n; ++i) row.emplace_back(f.variable(v, i) ? "1" : "0");
    const rational xi = neuron_potential(neuron, data.points[v]);
    row.push_back(format_value(xi));
    row.emplace_back(xi >= 0 ? "1" : "0");
    row.emplace_back(f(v) ? "1" : "0");
    table.add_row(std::move(row));
  }
  return table.text();
}

std::string describe_function(const boolean_function& f, const boolean_function_options& options) {
  const std::string inputs = plural(f.arity(), "input", "inputs");
  if (options.formula_option->count() > 0) {
    const std::string table = f.size() <= 64 ? ", truth table " + f.table() : "";
    return fmt::format("F = {} ({}{})", quoted_formula(options.formula), inputs, table);
  }
  return fmt::format("F with truth table {} ({})", f.size() <= 64 ? f.table() : "of " + std::to_string(f.size()) + " rows", inputs);
}

std::string human_report(const boolean_function& f, const boolean_function_options& options,
                         const labelled_points& data, const separability_result& result) {
  const unsigned n = f.arity();
  std::string text = describe_function(f, options) + "\n";
  if (!result.separable) {
    text += "Not linearly separable: no unit-step neuron computes F.\n\n";
    text += wrap_text("Certificate: a point in the convex hull of the inputs where F = 1 that is also in the convex "
                      "hull of the inputs where F = 0:",
                      help_width) +
            "\n\n";
    text += "  " + certificate_equation(result.certificate, data) + "\n\n";
    text += wrap_text(certificate_explanation(result.certificate, data, "F ="), help_width);
    return text;
  }
  const std::vector<std::string> names = input_names(n);
  const std::vector<rational> weights = rational_weights(result.neuron);
  const rational bias(result.neuron.bias);
  text += "Linearly separable: one unit-step neuron computes F:\n\n";
  text += "  " + neuron_formula(names, "y", weights, bias) + "\n\n";
  std::vector<std::string> weight_list;
  for (const integer& w : result.neuron.weights) weight_list.push_back(w.str());
  text += fmt::format("weights: {}\nbias: {}\n\n", n == 0 ? "(none)" : fmt::format("{}", fmt::join(weight_list, ", ")),
                      result.neuron.bias.str());
  if (n <= max_shown_arity) {
    text += "Checked on every input (y = 1 iff ξ >= 0):\n";
    text += check_table(f, data, result.neuron);
  }
  text += fmt::format("y = F on all {}.\n\n", plural(f.size(), "input", "inputs"));
  network net = neuron_network(result.neuron, "separable");
  net.comment = fmt::format("One unit-step neuron computing the function with truth table {}\n(nnsim separable {}).",
                            f.size() <= 64 ? f.table() : "of " + std::to_string(f.size()) + " rows",
                            boolean_function_arguments(options));
  text += "The network:\n\n" + write_network(net);
  return text;
}

}  // namespace

command add_separable_command(CLI::App& app, cli_context& context) {
  auto options = std::make_shared<separable_options>();
  CLI::App* sub = app.add_subcommand(
      "separable", "Decide whether one unit-step neuron computes a Boolean function: weights or a certificate");
  add_boolean_function_options(*sub, options->function);
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "A unit-step neuron outputs 1 iff w·x + b >= 0, so it computes F exactly when a hyperplane separates the "
      "inputs where F = 1 from those where F = 0. This is decided exactly by rational linear programming. If it "
      "is separable, the answer is integer weights and a bias, checked on every input, and the network. If not, "
      "the answer is a certificate: a convex combination of inputs with F = 1 that equals a convex combination "
      "of inputs with F = 0 (for XOR: 1/2·(0,1) + 1/2·(1,0) = 1/2·(0,0) + 1/2·(1,1)), which no neuron can "
      "respect. The exit code is 0 for both answers and 2 for a bad function.\n"
      "With --json: {\"separable\": true, \"weights\": [\"1\", \"1\"], \"bias\": \"-2\"} or {\"separable\": "
      "false, \"certificate\": {\"ones\": [[0, 1], [1, 0]], \"ones_coefficients\": [\"1/2\", \"1/2\"], \"zeros\": "
      "[[0, 0], [1, 1]], \"zeros_coefficients\": [\"1/2\", \"1/2\"]}} (points in binary counting order).",
      {
      "nnsim separable 0001                  # AND: y = step(-2 + x1 + x2)",
      "nnsim separable 0110                  # XOR: the certificate",
      "nnsim separable --formula 'x1 & !x2 | x3'",
      "nnsim separable 00010111 --json       # majority of three, as JSON",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const boolean_function f = read_boolean_function(options->function);
    const separability_result answer = decide_separability(f, weight_choice::small);
    const labelled_points data = points_of(f);
    if (options->json) {
      write_output(one_line_json(separability_json(answer, data, true)) + "\n", "");
    } else {
      write_output(human_report(f, options->function, data, answer), "");
    }
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
