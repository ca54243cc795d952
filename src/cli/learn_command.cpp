// nnsim learn ...: learning rules, one subcommand each.  `learn perceptron
// DATA.csv`: the perceptron rule for one unit-step neuron in exact
// arithmetic (perceptron.hpp), each epoch's errors, the learned network, and
// whether the data is linearly separable at all (linear_separability.hpp).
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/help_formatter.hpp"
#include "cli/output.hpp"
#include "cli/run_report.hpp"
#include "cli/separability_report.hpp"
#include "cli/text_table.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/learning/perceptron.hpp"
#include "nnsim/numbers/value_format.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <memory>

namespace nnsim::cli {
namespace {

struct learn_perceptron_options {
  std::string file;
  std::string rate = "1";
  std::uint64_t max_epochs = 1000;
  std::string initial_weights;
  std::string initial_bias = "0";
  std::string output;
  bool json = false;
  CLI::Option* initial_weights_option = nullptr;
};

// Every epoch's neuron is kept (for the report and to notice a repetition),
// so the epochs are bounded.
constexpr std::uint64_t max_epochs_limit = 1000000;

// Epoch tables longer than this show the first and the last epochs only.
constexpr std::size_t shown_epochs_head = 10;
constexpr std::size_t shown_epochs_tail = 5;

// The data file as the report names it.
std::string display_name(const std::string& file) { return file == "-" ? "<stdin>" : file; }

std::string join(const std::vector<rational>& values) {
  std::vector<std::string> texts;
  for (const rational& v : values) texts.push_back(format_value(v));
  return fmt::format("{}", fmt::join(texts, ", "));
}

std::string epoch_table(const perceptron_result& result) {
  // Numbers right-aligned, the weights left-aligned.
  text_table table({{align::right, "  "}, {align::right, "  "}, {align::left, "  "}, {align::right, "  "}});
  table.add_row({"epoch", "errors", "weights after it", "bias"});
  const std::size_t count = result.epochs.size();
  const bool shorten = count > shown_epochs_head + shown_epochs_tail + 1;
  for (std::size_t e = 0; e < count; ++e) {
    if (shorten && e == shown_epochs_head) table.add_row({"…", "", "", ""});
    if (shorten && e >= shown_epochs_head && e + shown_epochs_tail < count) continue;
    const perceptron_epoch& epoch = result.epochs[e];
    table.add_row({std::to_string(e + 1), std::to_string(epoch.errors), join(epoch.weights), format_value(epoch.bias)});
  }
  return table.text();
}

// "lines 3 and 4" for the examples of a certificate side.
std::string example_lines(const convex_combination& side, const training_data& data) {
  std::string text = side.points.size() == 1 ? "line " : "lines ";
  for (std::size_t k = 0; k < side.points.size(); ++k) {
    if (k > 0) text += k + 1 == side.points.size() ? " and " : ", ";
    text += std::to_string(data.lines[side.points[k]]);
  }
  return text;
}

std::string separability_text(const training_data& data, const perceptron_result& learned,
                              const separability_result& answer) {
  if (!answer.separable) {
    std::string text = wrap_text(
                           "The data is not linearly separable (decided exactly), so no number of epochs can "
                           "succeed: a convex combination of examples with target 1 equals one of examples with "
                           "target 0,",
                           help_width) +
                       "\n\n";
    text += "  " + certificate_equation(answer.certificate, data.examples) + "\n\n";
    text += fmt::format("(target 1: {}; target 0: {}).\n", example_lines(answer.certificate.ones, data),
                        example_lines(answer.certificate.zeros, data));
    text += wrap_text(certificate_explanation(answer.certificate, data.examples, "target"), help_width);
    return text;
  }
  std::vector<rational> weights;
  for (const integer& w : answer.neuron.weights) weights.emplace_back(w);
  const std::string neuron = neuron_formula(data.input_names, data.target_name, weights, rational(answer.neuron.bias));
  if (learned.converged) {
    return fmt::format("The data is linearly separable (decided exactly; e.g. {}),\nso the perceptron "
                       "convergence theorem promised that learning stops.\n",
                       neuron);
  }
  return fmt::format("The data is linearly separable (decided exactly; e.g. {}),\nso by the perceptron "
                     "convergence theorem learning stops after finitely many epochs: raise --max-epochs.\n",
                     neuron);
}

std::string human_report(const learn_perceptron_options& options, const training_data& data,
                         const perceptron_options& settings, const perceptron_result& learned,
                         const separability_result& answer, const std::string& network_text) {
  const std::size_t ones = static_cast<std::size_t>(std::count(data.examples.labels.begin(), data.examples.labels.end(), true));
  const std::string names = fmt::format("{}", fmt::join(data.input_names, ", "));
  std::string text = fmt::format("{}: {} ({} with target 1), {}{}, target {}\n", display_name(options.file),
                                 plural(data.examples.points.size(), "example", "examples"), ones,
                                 plural(data.input_names.size(), "input", "inputs"),
                                 names.empty() ? "" : " (" + names + ")", data.target_name);
  const std::vector<rational> start =
      settings.initial_weights.empty() ? std::vector<rational>(data.examples.dimension, rational(0)) : settings.initial_weights;
  text += fmt::format("learning rate ε = {}, initial weights ({}), bias {}\n", to_string(settings.rate), join(start),
                      to_string(settings.initial_bias));
  text += "rule: for each example (x, d) in turn, y = step(w·x + b); if y != d then w += ε(d - y)x, b += ε(d - y)\n\n";
  text += epoch_table(learned) + "\n";
  const std::string neuron = neuron_formula(data.input_names, data.target_name, learned.weights, learned.bias);
  if (learned.converged) {
    text += fmt::format("Converged after {}: every example is classified correctly by\n\n  {}\n\n",
                        plural(learned.epochs.size(), "epoch", "epochs"), neuron);
  } else if (learned.repeats != 0) {
    const std::string earlier =
        learned.repeated == 0 ? "the initial one" : fmt::format("the one after epoch {}", learned.repeated);
    text += wrap_text(fmt::format("Stopped after epoch {}: its neuron is {}, and an epoch depends on nothing but "
                                  "the neuron, so from here on the epochs repeat with period {}, each with errors: "
                                  "learning never stops. The neuron is now",
                                  learned.repeats, earlier, learned.repeats - learned.repeated),
                      help_width);
    text += fmt::format("\n\n  {}\n\n", neuron);
  } else {
    text += fmt::format("Not converged after {}: the last epoch had {}. The neuron is now\n\n  {}\n\n",
                        plural(learned.epochs.size(), "epoch", "epochs"),
                        plural(learned.epochs.back().errors, "error", "errors"), neuron);
  }
  text += separability_text(data, learned, answer);
  if (options.output.empty()) {
    text += "\nThe learned network:\n\n" + network_text;
  } else {
    text += fmt::format("\nThe learned network was written to {}.\n", options.output);
  }
  return text;
}

nlohmann::ordered_json json_report(const training_data& data, const perceptron_options& settings,
                                   const perceptron_result& learned, const separability_result& answer) {
  auto strings = [](const std::vector<rational>& values) {
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const rational& v : values) json.push_back(to_string(v));
    return json;
  };
  nlohmann::ordered_json json;
  json["examples"] = data.examples.points.size();
  json["inputs"] = data.input_names;
  json["target"] = data.target_name;
  json["rate"] = to_string(settings.rate);
  nlohmann::ordered_json epochs = nlohmann::ordered_json::array();
  for (const perceptron_epoch& epoch : learned.epochs) {
    nlohmann::ordered_json e;
    e["errors"] = epoch.errors;
    e["weights"] = strings(epoch.weights);
    e["bias"] = to_string(epoch.bias);
    epochs.push_back(std::move(e));
  }
  json["epochs"] = std::move(epochs);
  json["converged"] = learned.converged;
  if (learned.repeats != 0) {
    json["cycle"] = {{"start", learned.repeated}, {"period", learned.repeats - learned.repeated}};
  }
  json["weights"] = strings(learned.weights);
  json["bias"] = to_string(learned.bias);
  json["separability"] = separability_json(answer, data.examples, false);
  return json;
}

// One key per line, each value on one line, except the epochs: one per line.
std::string json_text(const nlohmann::ordered_json& json) {
  std::string text = "{\n";
  bool first = true;
  for (const auto& [key, value] : json.items()) {
    text += (first ? "  " : ",\n  ") + dump_json(nlohmann::ordered_json(key)) + ": ";
    first = false;
    if (key == "epochs" && !value.empty()) {
      text += "[\n";
      for (std::size_t e = 0; e < value.size(); ++e) text += (e > 0 ? ",\n    " : "    ") + one_line_json(value[e]);
      text += "\n  ]";
    } else {
      text += one_line_json(value);
    }
  }
  return text + "\n}\n";
}

command add_learn_perceptron_command(CLI::App& learn, cli_context& context) {
  auto options = std::make_shared<learn_perceptron_options>();
  CLI::App* sub = learn.add_subcommand(
      "perceptron", "Train one unit-step neuron with the perceptron rule, exactly, and decide separability");
  sub->add_option("DATA", options->file,
                  "CSV: one example per line, the inputs and then the target 0 or 1, comma-separated "
                  "(numbers such as 1, -1/3, 0.25); an optional header line of names; # comments; - for standard "
                  "input")
      ->required()
      ->type_name("");
  sub->add_option("--rate", options->rate, "the learning rate ε > 0 (default 1), e.g. 1/2")->type_name("R");
  sub->add_option("--max-epochs", options->max_epochs, "stop after this many epochs (default 1000)")
      ->type_name("N")
      ->check(whole_number_check(1, max_epochs_limit));
  options->initial_weights_option =
      sub->add_option("--initial-weights", options->initial_weights,
                      "the starting weights W1,…,Wn (default all 0)")
          ->type_name("W");
  sub->add_option("--initial-bias", options->initial_bias, "the starting bias (default 0)")->type_name("B");
  add_output_option(*sub, options->output);
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "The examples are presented one after another, in file order; one pass is an epoch. An example (x, d) "
      "that the neuron y = step(w·x + b) gets wrong moves it: w += ε(d - y)x and b += ε(d - y), turning the "
      "line towards x when d = 1 and away from it when d = 0. Learning stops after the first epoch without "
      "errors, after --max-epochs, or as soon as the neuron after an epoch is one seen after an earlier epoch: "
      "then the epochs repeat forever. All arithmetic is exact. Afterwards the data is checked for linear "
      "separability exactly: if it is separable the rule always stops (the perceptron convergence theorem); if "
      "not, a certificate shows that no neuron exists, so non-convergence (e.g. on XOR) is not bad luck. The "
      "learned neuron is printed as a network file (or written to -o FILE). The exit code is 0 whether or not "
      "learning converged.",
      {
      "nnsim learn perceptron and.csv                  # AND: converges",
      "nnsim learn perceptron xor.csv --max-epochs 20  # XOR: never converges, and why",
      "nnsim learn perceptron data.csv --rate 1/10 -o neuron.nn",
      "nnsim learn perceptron data.csv --json",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const training_data data = read_training_file(options->file);
    perceptron_options settings;
    settings.rate = parse_value(options->rate, "--rate value");
    if (settings.rate <= 0) {
      throw input_error(fmt::format("--rate: the learning rate must be positive, not {}", options->rate));
    }
    settings.max_epochs = options->max_epochs;
    settings.initial_bias = parse_value(options->initial_bias, "--initial-bias value");
    if (options->initial_weights_option->count() > 0) {
      settings.initial_weights = parse_value_list(options->initial_weights, "--initial-weights");
      if (settings.initial_weights.size() != data.examples.dimension) {
        throw input_error(fmt::format("--initial-weights gives {}, but the data has {}",
                                      plural(settings.initial_weights.size(), "value", "values"),
                                      plural(data.examples.dimension, "input", "inputs")));
      }
    }
    const perceptron_result learned = train_perceptron(data.examples, settings);
    const separability_result answer = decide_separability(data.examples, weight_choice::small);

    const std::string comment = fmt::format(
        "One unit-step neuron learned by the perceptron rule\n(nnsim learn perceptron {}: rate {}, {}, {}).",
        display_name(options->file), to_string(settings.rate), plural(learned.epochs.size(), "epoch", "epochs"),
        learned.converged ? "converged" : "not converged");
    const std::string network_text = write_network(perceptron_network(data, learned.weights, learned.bias, comment));
    if (!options->output.empty()) write_output(network_text, options->output);
    if (options->json) {
      nlohmann::ordered_json json = json_report(data, settings, learned, answer);
      json["network"] = network_text;
      write_output(json_text(json), "");
    } else {
      write_output(human_report(*options, data, settings, learned, answer, network_text), "");
    }
    return 0;
  };
  return result;
}

}  // namespace

command add_learn_command(CLI::App& app, cli_context& context) {
  CLI::App* group = app.add_subcommand("learn", "Learn weights from examples (a learning rule)");
  group->require_subcommand(1);
  group->footer(help_footer("Each learning rule reads examples and writes the learned network.",
                            {
                            "nnsim learn perceptron and.csv      # one unit-step neuron",
                            "nnsim learn perceptron --help       # its options",
                            }));
  return make_command_group(group, {
      add_learn_perceptron_command(*group, context),
  });
}

}  // namespace nnsim::cli
