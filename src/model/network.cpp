#include "nnsim/model/network.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace nnsim {
namespace {

constexpr std::array<std::pair<activation, std::string_view>, 7> activation_names{{
    {activation::step, "step"},
    {activation::sign, "sign"},
    {activation::sat, "sat"},
    {activation::relu, "relu"},
    {activation::id, "id"},
    {activation::logistic, "logistic"},
    {activation::tanh, "tanh"},
}};

constexpr std::array<std::pair<norm_kind, std::string_view>, 4> norm_names{{
    {norm_kind::dist, "dist"},
    {norm_kind::dist1, "dist1"},
    {norm_kind::distmax, "distmax"},
    {norm_kind::sqdist, "sqdist"},
}};

}  // namespace

std::string_view name_of(activation a) {
  for (const auto& [value, text] : activation_names) {
    if (value == a) return text;
  }
  return "?";
}

std::string_view name_of(norm_kind n) {
  for (const auto& [value, text] : norm_names) {
    if (value == n) return text;
  }
  return "?";
}

std::optional<activation> activation_from_name(std::string_view name) {
  for (const auto& [value, text] : activation_names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

std::optional<norm_kind> norm_from_name(std::string_view name) {
  for (const auto& [value, text] : norm_names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

bool is_exact_in_rational_mode(activation a) { return a != activation::logistic && a != activation::tanh; }
bool is_exact_in_rational_mode(norm_kind n) { return n != norm_kind::dist; }

std::string_view name_of(rule_kind r) {
  switch (r) {
    case rule_kind::parallel: return "parallel";
    case rule_kind::sequential: return "sequential";
    case rule_kind::layered: return "layered";
    case rule_kind::random: return "random";
    case rule_kind::schedule: return "schedule";
  }
  return "?";
}

std::vector<neuron_id> equation::predecessors() const {
  std::vector<neuron_id> result;
  auto add = [&](neuron_id id) {
    if (std::find(result.begin(), result.end(), id) == result.end()) result.push_back(id);
  };
  if (kind == potential_kind::weighted_sum) {
    for (const auto& term : inputs) add(term.source);
  } else {
    for (const auto& argument : arguments) add(argument.source);
  }
  return result;
}

std::optional<neuron_id> network::find(std::string_view neuron_name) const {
  auto it = by_name_.find(std::string(neuron_name));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

neuron_id network::intern(std::string_view neuron_name, text_location seen) {
  if (auto existing = find(neuron_name)) return *existing;
  const neuron_id id = make_neuron_id(neurons.size());
  neurons.push_back(neuron{std::string(neuron_name), std::nullopt, std::nullopt, false, seen, {}});
  by_name_.emplace(std::string(neuron_name), id);
  return id;
}

const equation* network::equation_of(neuron_id id) const {
  const auto& slot = neurons[index(id)].equation;
  return slot ? &equations[*slot] : nullptr;
}

std::vector<neuron_id> network::updatable() const {
  std::vector<neuron_id> result;
  result.reserve(equations.size());
  for (const auto& e : equations) result.push_back(e.target);
  return result;
}

std::vector<neuron_id> network::sequential_order() const {
  return rule.kind == rule_kind::sequential && rule.explicit_order ? rule.order : updatable();
}

neuron_id network::add_input(std::string_view neuron_name) {
  const neuron_id id = intern(neuron_name);
  if (at(id).is_input) throw input_error(fmt::format("neuron '{}' is already an input", neuron_name));
  at(id).is_input = true;
  inputs.push_back(id);
  return id;
}

void network::add_output(neuron_id id) {
  if (std::find(outputs.begin(), outputs.end(), id) != outputs.end()) {
    throw input_error(fmt::format("neuron '{}' is already an output", name_of(id)));
  }
  outputs.push_back(id);
}

void network::set_init(neuron_id id, rational value) {
  if (at(id).is_input) throw input_error(fmt::format("input neuron '{}' cannot have an init value", name_of(id)));
  if (at(id).init) throw input_error(fmt::format("neuron '{}' already has an init value", name_of(id)));
  at(id).init = std::move(value);
}

equation& network::add_equation(neuron_id target, activation act) {
  if (at(target).equation) throw input_error(fmt::format("neuron '{}' already has an equation", name_of(target)));
  at(target).equation = equations.size();
  equation& e = equations.emplace_back();
  e.target = target;
  e.act = act;
  return e;
}

namespace {

bool same_names(const network& a, const std::vector<neuron_id>& x, const network& b, const std::vector<neuron_id>& y) {
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (a.name_of(x[i]) != b.name_of(y[i])) return false;
  }
  return true;
}

bool same_equation(const network& a, const equation& x, const network& b, const equation& y) {
  if (a.name_of(x.target) != b.name_of(y.target) || x.act != y.act || x.kind != y.kind) return false;
  if (x.act == activation::logistic && x.logistic_lambda != y.logistic_lambda) return false;
  if (x.kind == potential_kind::weighted_sum) {
    if (x.bias != y.bias || x.inputs.size() != y.inputs.size()) return false;
    for (std::size_t i = 0; i < x.inputs.size(); ++i) {
      if (a.name_of(x.inputs[i].source) != b.name_of(y.inputs[i].source) || x.inputs[i].weight != y.inputs[i].weight) {
        return false;
      }
    }
    return true;
  }
  if (x.offset != y.offset || x.scale != y.scale || x.norm != y.norm || x.arguments.size() != y.arguments.size()) {
    return false;
  }
  for (std::size_t i = 0; i < x.arguments.size(); ++i) {
    if (a.name_of(x.arguments[i].source) != b.name_of(y.arguments[i].source) ||
        x.arguments[i].centre != y.arguments[i].centre) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool same_network(const network& a, const network& b) {
  if (a.name != b.name || a.size() != b.size()) return false;
  if (!same_names(a, a.inputs, b, b.inputs) || !same_names(a, a.outputs, b, b.outputs)) return false;
  for (const auto& n : a.neurons) {
    auto other = b.find(n.name);
    if (!other) return false;
    const neuron& m = b.at(*other);
    if (n.init != m.init || n.is_input != m.is_input || n.equation.has_value() != m.equation.has_value()) return false;
  }
  if (a.equations.size() != b.equations.size()) return false;
  for (std::size_t i = 0; i < a.equations.size(); ++i) {
    if (!same_equation(a, a.equations[i], b, b.equations[i])) return false;
  }
  const rule_kind kind = a.rule.kind;
  if (kind != b.rule.kind) return false;
  switch (kind) {
    case rule_kind::sequential: return same_names(a, a.sequential_order(), b, b.sequential_order());
    case rule_kind::random: return a.rule.seed == b.rule.seed;
    case rule_kind::schedule:
      if (a.rule.sets.size() != b.rule.sets.size()) return false;
      for (std::size_t i = 0; i < a.rule.sets.size(); ++i) {
        if (!same_names(a, a.rule.sets[i], b, b.rule.sets[i])) return false;
      }
      return true;
    default: return true;
  }
}

input_error located_error(const network& net, text_location where, const std::string& message) {
  std::string line;
  if (where.line >= 1 && where.line <= net.source_lines.size()) line = net.source_lines[where.line - 1];
  return input_error(message, net.source_name, where, std::move(line));
}

}  // namespace nnsim
