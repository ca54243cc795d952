#include "cli/run_report.hpp"

#include "cli/output.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/value_format.hpp"
#include "nnsim/run/update_rule.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace nnsim::cli {

std::vector<neuron_id> display_order(const network& net) {
  std::vector<neuron_id> order = net.inputs;
  std::vector<bool> listed(net.size(), false);
  for (neuron_id id : order) listed[index(id)] = true;
  for (std::size_t i = 0; i < net.size(); ++i) {
    if (!listed[i] && !net.neurons[i].equation) {
      order.push_back(make_neuron_id(i));
      listed[i] = true;
    }
  }
  for (const equation& e : net.equations) {
    if (!listed[index(e.target)]) {
      order.push_back(e.target);
      listed[index(e.target)] = true;
    }
  }
  return order;
}

std::string input_line(const network& net, const run_request& request, const run_options& options) {
  if (net.inputs.empty()) return "input: none (the network has no input neurons)";
  std::vector<std::string> assignments;
  for (std::size_t i = 0; i < net.inputs.size() && i < request.input.size(); ++i) {
    assignments.push_back(fmt::format("{} = {}", net.name_of(net.inputs[i]), format_value(request.input[i])));
  }
  std::string text = fmt::format("{}", fmt::join(assignments, ", "));
  if (options.word_option != nullptr && options.word_option->count() > 0) {
    text += fmt::format(" = δ({})", options.word.empty() ? "ε" : options.word);
  }
  return "input: " + text;
}

std::string status_line(const run_result& result) {
  switch (result.status) {
    case run_status::halted:
      return fmt::format("halted after {}", plural(result.steps, "step", "steps"));
    case run_status::diverges:
      return fmt::format("diverges: the state at step {} repeats at step {} (period {})", result.cycle_start,
                         result.steps, result.cycle_period);
    case run_status::undecided:
      // A random rule is not periodic, so a repetition proves nothing and is
      // not looked for (semantics.md, section 4).
      if (result.rule.kind == rule_kind::random) {
        return fmt::format("undecided: no fixed point in {} (a random rule gives no proof of divergence)",
                           plural(result.steps, "step", "steps"));
      }
      return fmt::format("undecided: no fixed point or repetition in {}", plural(result.steps, "step", "steps"));
  }
  return {};
}

std::string output_assignments(const network& net, const run_result& result) {
  std::vector<std::string> assignments;
  for (std::size_t i = 0; i < net.outputs.size() && i < result.outputs.size(); ++i) {
    assignments.push_back(fmt::format("{} = {}", net.name_of(net.outputs[i]), result.outputs.text(i)));
  }
  return fmt::format("{}", fmt::join(assignments, ", "));
}

std::string output_line(const network& net, const run_result& result) {
  if (net.outputs.empty()) return "output: none (the network has no output neurons)";
  const std::string values = output_assignments(net, result);
  switch (result.status) {
    case run_status::halted:
      return fmt::format("output: {}", values);
    case run_status::diverges:
      return fmt::format("output neurons in y({}): {} (not a network output: the computation never stops)",
                         result.steps, values);
    case run_status::undecided:
      return fmt::format("output neurons in y({}): {} (not a network output: the computation has not stopped)",
                         result.steps, values);
  }
  return {};
}

std::string describe_numbers(const number_mode& numbers) {
  if (numbers.exact()) return fmt::format("{} (exact)", numbers.name());
  return fmt::format("{} (the values are floating-point approximations of the exact ones)", numbers.name());
}

nlohmann::ordered_json run_json(const network& net, const run_result& result) {
  nlohmann::ordered_json json;
  json["status"] = std::string(name_of(result.status));
  json["steps"] = result.steps;
  if (result.status == run_status::diverges) {
    json["cycle"] = {{"start", result.cycle_start}, {"period", result.cycle_period}};
  }
  json["outputs"] = result.outputs.texts();
  nlohmann::ordered_json state = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < net.size() && i < result.state.size(); ++i) {
    state[net.neurons[i].name] = result.state.text(i);
  }
  json["state"] = std::move(state);
  json["rule"] = describe_rule(net, result.rule);
  json["numbers"] = result.numbers.name();
  return json;
}

std::string dump_json(const nlohmann::ordered_json& json, int indent) {
  return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace nnsim::cli
