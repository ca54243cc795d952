// nnsim info FILE: what the architecture says without running it (the
// lecture's terms: inputs, outputs, layers of a feed-forward network, the
// cycles of a recurrent one), and which number modes can run it.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/run_report.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/model/network_analysis.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/real_rounding.hpp"
#include "nnsim/numbers/value_format.hpp"
#include "nnsim/run/update_rule.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace nnsim::cli {
namespace {

struct info_command_options {
  std::string file;
  bool json = false;
};

// Everything info reports, computed once for both output forms.
struct network_info {
  network_summary summary;
  std::vector<std::vector<neuron_id>> layers;            // when acyclic: neurons of layer 0 … L
  std::vector<std::vector<neuron_id>> recurrent_parts;   // nontrivial strongly connected components
  std::vector<std::pair<std::string_view, std::size_t>> activations;  // name, neurons using it
  std::vector<std::pair<std::string_view, std::size_t>> norms;
  std::size_t constants = 0;                             // neither input nor equation: keep their value
  const equation* inexact = nullptr;                     // first equation rational mode cannot run
  irrational_use irrational;                             // first irrational constant rational mode cannot run
};

bool has_self_loop(const network& net, neuron_id id) {
  const equation* e = net.equation_of(id);
  if (e == nullptr) return false;
  const auto predecessors = e->predecessors();
  return std::find(predecessors.begin(), predecessors.end(), id) != predecessors.end();
}

network_info gather(const network& net) {
  network_info info;
  info.summary = analyze(net);
  if (info.summary.layers) {
    info.layers.resize(info.summary.layer_count + 1);
    for (std::size_t i = 0; i < net.size(); ++i) info.layers[(*info.summary.layers)[i]].push_back(make_neuron_id(i));
  }
  // A component is a recurrent part when it has a cycle: more than one
  // neuron, or one neuron that reads itself.
  for (const auto& component : info.summary.components) {
    if (component.size() > 1 || has_self_loop(net, component.front())) info.recurrent_parts.push_back(component);
  }
  for (const auto& word : activation_words) {
    const auto uses = std::count_if(net.equations.begin(), net.equations.end(),
                                    [&word](const equation& e) { return e.act == word.value; });
    if (uses > 0) info.activations.emplace_back(word.name, static_cast<std::size_t>(uses));
  }
  for (const auto& word : norm_words) {
    const auto uses = std::count_if(net.equations.begin(), net.equations.end(), [&word](const equation& e) {
      return e.kind == potential_kind::distance && e.norm == word.value;
    });
    if (uses > 0) info.norms.emplace_back(word.name, static_cast<std::size_t>(uses));
  }
  for (const neuron& v : net.neurons) {
    if (!v.is_input && !v.equation) ++info.constants;
  }
  info.inexact = first_inexact_equation(net);
  info.irrational = first_irrational_use(net);
  return info;
}

std::string_view name_of(weight_kind kind) {
  switch (kind) {
    case weight_kind::integer: return "integer";
    case weight_kind::dyadic: return "dyadic";
    case weight_kind::rational: return "rational";
    case weight_kind::real: return "real";
  }
  return "?";
}

std::vector<std::string> number_modes(const network_info& info) {
  std::vector<std::string> modes;
  for (const number_mode_word& word : number_mode_words) {
    const bool rational_runs_it = info.inexact == nullptr && info.irrational.use == nullptr;
    if (rational_runs_it || !word.exact_in_rational_mode) modes.emplace_back(word.form);
  }
  return modes;
}

// "{h, s}" for a set of neurons.
std::string neuron_set(const network& net, const std::vector<neuron_id>& ids) {
  return "{" + neuron_names(net, ids) + "}";
}

std::string counted_list(const std::vector<std::pair<std::string_view, std::size_t>>& items) {
  std::vector<std::string> texts;
  for (const auto& [name, count] : items) {
    texts.push_back(fmt::format("{} ({})", name, plural(count, "neuron", "neurons")));
  }
  return fmt::format("{}", fmt::join(texts, ", "));
}

// A constant's value: exact when rational, else the double nearest to it
// (nothing when even that cannot be computed, such as a value too large).
std::optional<std::string> approximate_value(const real_constant& c) {
  try {
    return format_value(round_to_double(*c.expression));
  } catch (const expression_error&) {
    return std::nullopt;
  }
}

// "r = sqrt(2) / 2 ≈ 0.7071067811865476 (irrational)", "h = 3/2 - 1 = 1/2".
std::string describe_constant(const real_constant& c) {
  const std::string expression = to_string(*c.expression);
  if (c.is_rational()) {
    const std::string value = to_string(*c.value());
    return value == expression ? fmt::format("{} = {}", c.name, expression)
                               : fmt::format("{} = {} = {}", c.name, expression, value);
  }
  const std::optional<std::string> approximation = approximate_value(c);
  return fmt::format("{} = {}{} (irrational)", c.name, expression,
                     approximation ? " ≈ " + *approximation : std::string());
}

std::string human_report(const network& net, const network_info& info) {
  const network_summary& s = info.summary;
  std::string text;
  text += fmt::format("network: {}{}\n", net.name.empty() ? "(unnamed)" : net.name,
                      net.source_name.empty() ? "" : fmt::format(" (from {})", net.source_name));
  text += fmt::format("neurons: {}\n", s.neurons);
  text += fmt::format("  inputs: {}{}\n", s.inputs, s.inputs == 0 ? "" : " (" + neuron_names(net, net.inputs) + ")");
  text += fmt::format("  outputs: {}{}\n", s.outputs,
                      s.outputs == 0 ? "" : " (" + neuron_names(net, net.outputs) + ")");
  text += fmt::format("  with an equation (updatable): {}\n", s.updatable);
  if (info.constants > 0) text += fmt::format("  constant (an init value, no equation): {}\n", info.constants);
  text += fmt::format("edges: {}\n", s.edges);
  text += fmt::format("rule: {}{}\n", describe_rule(net, net.rule),
                      net.rule_given ? "" : " (the default: the file has no rule statement)");

  if (s.acyclic) {
    text += fmt::format("architecture: acyclic (feed-forward), {}\n", plural(s.layer_count, "layer", "layers"));
    for (std::size_t l = 0; l < info.layers.size(); ++l) {
      text += fmt::format("  layer {}: {}\n", l, info.layers[l].empty() ? "-" : neuron_names(net, info.layers[l]));
    }
  } else {
    std::string cycle = neuron_names(net, *s.cycle, " -> ");
    cycle += " -> " + net.name_of(s.cycle->front());
    text += fmt::format("architecture: recurrent (cyclic), e.g. the cycle {}\n", cycle);
    std::vector<std::string> parts;
    for (const auto& part : info.recurrent_parts) parts.push_back(neuron_set(net, part));
    text += fmt::format("  recurrent parts (strongly connected components with a cycle):{}{}\n",
                        parts.empty() ? "" : " ", fmt::join(parts, " "));
  }

  const weight_summary& w = s.weights;
  std::vector<std::string> kinds;
  auto add_kind = [&](std::size_t count, std::string_view kind) {
    if (count > 0) kinds.push_back(fmt::format("{} {}", count, kind));
  };
  add_kind(w.integer, "integer");
  add_kind(w.dyadic, "dyadic");
  add_kind(w.rational, "other rational");
  add_kind(w.irrational, "irrational");
  const std::size_t coefficients = w.integer + w.dyadic + w.rational + w.irrational;
  text += fmt::format("weights: {} ({}{}{})\n", name_of(w.widest()),
                      plural(coefficients, "coefficient", "coefficients"), kinds.empty() ? "" : ": ",
                      fmt::join(kinds, ", "));
  if (!net.constants.empty()) {
    text += fmt::format("constants: {}\n", net.constants.size());
    for (const real_constant_ptr& c : net.constants) text += "  " + describe_constant(*c) + "\n";
  }
  text += fmt::format("activations: {}\n", info.activations.empty() ? "none" : counted_list(info.activations));
  if (!info.norms.empty()) text += fmt::format("distance norms: {}\n", counted_list(info.norms));

  text += fmt::format("number modes: {}\n", fmt::join(number_modes(info), ", "));
  if (info.irrational.use != nullptr) {
    const real_constant& c = *info.irrational.use->constant;
    const std::uint32_t used_on = info.irrational.where.line;
    text += fmt::format("  not rational: constant '{}'{} is irrational{}\n", c.name,
                        c.line == 0 ? "" : fmt::format(" (line {})", c.line),
                        used_on == 0 ? "" : fmt::format(", used on line {}", used_on));
  }
  if (info.inexact != nullptr) {
    const equation& e = *info.inexact;
    const bool norm_is_inexact = e.kind == potential_kind::distance && !is_exact_in_rational_mode(e.norm);
    text += fmt::format("  not rational: {} uses {}{}, which is not exact on rationals\n", net.name_of(e.target),
                        norm_is_inexact ? name_of(e.norm) : name_of(e.act),
                        e.location.line == 0 ? "" : fmt::format(" (line {})", e.location.line));
  }
  return text;
}

nlohmann::ordered_json names_json(const network& net, const std::vector<neuron_id>& ids) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (neuron_id id : ids) list.push_back(net.name_of(id));
  return list;
}

nlohmann::ordered_json json_report(const network& net, const network_info& info) {
  const network_summary& s = info.summary;
  nlohmann::ordered_json json;
  json["name"] = net.name;
  json["neurons"] = s.neurons;
  json["inputs"] = names_json(net, net.inputs);
  json["outputs"] = names_json(net, net.outputs);
  json["updatable"] = s.updatable;
  json["edges"] = s.edges;
  json["rule"] = describe_rule(net, net.rule);
  json["acyclic"] = s.acyclic;
  if (s.acyclic) {
    nlohmann::ordered_json layers = nlohmann::ordered_json::array();
    for (const auto& layer : info.layers) layers.push_back(names_json(net, layer));
    json["layers"] = std::move(layers);
  } else {
    json["cycle"] = names_json(net, *s.cycle);
  }
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  for (const auto& part : info.recurrent_parts) parts.push_back(names_json(net, part));
  json["components"] = std::move(parts);
  json["weights"] = {{"integer", s.weights.integer},
                     {"dyadic", s.weights.dyadic},
                     {"rational", s.weights.rational},
                     {"irrational", s.weights.irrational},
                     {"widest", std::string(name_of(s.weights.widest()))}};
  // Only for a network with constants, as the human report.
  if (!net.constants.empty()) {
    nlohmann::ordered_json constants = nlohmann::ordered_json::array();
    for (const real_constant_ptr& c : net.constants) {
      nlohmann::ordered_json item;
      item["name"] = c->name;
      item["expression"] = to_string(*c->expression);
      item["rational"] = c->is_rational();
      if (c->is_rational()) {
        item["value"] = to_string(*c->value());
      } else if (const std::optional<std::string> approximation = approximate_value(*c)) {
        item["approximation"] = *approximation;
      }
      constants.push_back(std::move(item));
    }
    json["constants"] = std::move(constants);
  }
  nlohmann::ordered_json activations = nlohmann::ordered_json::object();
  for (const auto& [name, count] : info.activations) activations[std::string(name)] = count;
  json["activations"] = std::move(activations);
  nlohmann::ordered_json norms = nlohmann::ordered_json::object();
  for (const auto& [name, count] : info.norms) norms[std::string(name)] = count;
  json["norms"] = std::move(norms);
  json["number_modes"] = number_modes(info);
  return json;
}

}  // namespace

command add_info_command(CLI::App& app, cli_context& context) {
  auto options = std::make_shared<info_command_options>();
  CLI::App* sub = app.add_subcommand(
      "info",
      "Describe a network without running it: layers or cycles, weights, activations");
  add_file_argument(*sub, options->file);
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "Lists the neurons, inputs and outputs, the edges u -> v (u occurs in v's equation) and the rule; whether the "
      "network is feed-forward (acyclic: its neurons by layer, layer 0 being those without an equation) or "
      "recurrent (one cycle, and the strongly connected components that contain cycles); the kinds of its weights "
      "(integer, dyadic, other rational, irrational), its constants, its activations, and the number modes that can "
      "run it.",
      {
      "nnsim info xor.nn            # layers of the XOR network",
      "nnsim info net.nn --json     # the same as one JSON object",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const network net = load_network_file(options->file);
    const network_info info = gather(net);
    write_output(options->json ? dump_json(json_report(net, info), 2) + "\n" : human_report(net, info), "");
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
