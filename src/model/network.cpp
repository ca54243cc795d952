#include "nnsim/model/network.hpp"

#include "nnsim/model/vocabulary.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <unordered_set>

namespace nnsim {
namespace {

template <class Table, class Value>
const auto* entry_of(const Table& table, Value value) {
  for (const auto& entry : table) {
    if (entry.value == value) return &entry;
  }
  return static_cast<const typename Table::value_type*>(nullptr);
}

template <class Table>
auto value_named(const Table& table, std::string_view name) -> std::optional<decltype(table.front().value)> {
  for (const auto& entry : table) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

template <class Table, class Value>
std::string_view name_in(const Table& table, Value value) {
  const auto* entry = entry_of(table, value);
  return entry != nullptr ? entry->name : "?";
}

template <class Table, class Value>
bool exact_in(const Table& table, Value value) {
  const auto* entry = entry_of(table, value);
  return entry != nullptr && entry->exact_in_rational_mode;
}

}  // namespace

std::string_view name_of(activation a) { return name_in(activation_words, a); }
std::string_view name_of(norm_kind n) { return name_in(norm_words, n); }
std::string_view name_of(rule_kind r) { return name_in(rule_words, r); }

std::optional<activation> activation_from_name(std::string_view name) { return value_named(activation_words, name); }
std::optional<norm_kind> norm_from_name(std::string_view name) { return value_named(norm_words, name); }
std::optional<rule_kind> rule_from_name(std::string_view name) { return value_named(rule_words, name); }

bool is_exact_in_rational_mode(activation a) { return exact_in(activation_words, a); }
bool is_exact_in_rational_mode(norm_kind n) { return exact_in(norm_words, n); }

bool is_exact_in_rational_mode(const equation& e) {
  return is_exact_in_rational_mode(e.act) && (e.kind != potential_kind::distance || is_exact_in_rational_mode(e.norm));
}

const equation* first_inexact_equation(const network& net) {
  for (const equation& e : net.equations) {
    if (!is_exact_in_rational_mode(e)) return &e;
  }
  return nullptr;
}

// Linear in the number of terms: a hash set remembers the neurons already
// listed (a search of the list per term made a 100,000-term equation take
// seconds).
std::vector<neuron_id> equation::predecessors() const {
  const std::size_t terms = kind == potential_kind::weighted_sum ? inputs.size() : arguments.size();
  std::vector<neuron_id> result;
  result.reserve(terms);
  std::unordered_set<std::uint32_t> listed;
  listed.reserve(terms);
  auto add = [&](neuron_id id) {
    if (listed.insert(static_cast<std::uint32_t>(id)).second) result.push_back(id);
  };
  if (kind == potential_kind::weighted_sum) {
    for (const auto& term : inputs) add(term.source);
  } else {
    for (const auto& argument : arguments) add(argument.source);
  }
  return result;
}

real_expression_ptr constant_use::expression() const {
  real_expression_ptr value = constant_reference(constant);
  if (reciprocal) value = nnsim::reciprocal(std::move(value));
  if (negated) value = nnsim::negated(std::move(value));
  return value;
}

bool operator==(const constant_use& a, const constant_use& b) {
  if (!a.constant || !b.constant) return !a.constant && !b.constant;
  return a.constant->name == b.constant->name && a.negated == b.negated && a.reciprocal == b.reciprocal;
}

real_constant_ptr network::find_constant(std::string_view constant_name) const {
  for (const real_constant_ptr& c : constants) {
    if (c->name == constant_name) return c;
  }
  return nullptr;
}

irrational_use first_irrational_use(const network& net) {
  irrational_use first;
  const auto see = [&](const constant_use& use, text_location where) {
    if (!use.is_irrational()) return;
    if (first.use == nullptr || std::pair(where.line, where.column) < std::pair(first.where.line, first.where.column)) {
      first = {&use, where};
    }
  };
  for (const neuron& n : net.neurons) see(n.init_constant, n.init_location);
  for (const equation& e : net.equations) {
    see(e.lambda_constant, e.location);
    see(e.bias_constant, e.location);
    see(e.offset_constant, e.location);
    see(e.scale_constant, e.location);
    for (const weighted_input& term : e.inputs) see(term.weight_constant, e.location);
    for (const distance_argument& argument : e.arguments) see(argument.centre_constant, e.location);
  }
  return first;
}

std::optional<neuron_id> network::find(std::string_view neuron_name) const {
  const auto id = by_name_.find(neuron_name, [this](std::uint32_t k) -> std::string_view { return neurons[k].name; });
  if (!id) return std::nullopt;
  return make_neuron_id(*id);
}

neuron_id network::intern(std::string_view neuron_name, text_location seen) {
  if (auto existing = find(neuron_name)) return *existing;
  const neuron_id id = make_neuron_id(neurons.size());
  neurons.push_back(neuron{std::string(neuron_name), std::nullopt, {}, std::nullopt, false, seen, {}});
  by_name_.insert(neuron_name, static_cast<std::uint32_t>(index(id)),
                  [this](std::uint32_t k) -> std::string_view { return neurons[k].name; });
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

network single_neuron_network(const std::vector<std::string>& input_names, const std::string& output_name,
                              const std::vector<rational>& weights, const rational& bias) {
  network net;
  std::vector<neuron_id> inputs;
  for (const std::string& input : input_names) inputs.push_back(net.add_input(input));
  const neuron_id y = net.intern(output_name);
  net.add_output(y);
  equation& e = net.add_equation(y, activation::step);
  e.bias = bias;
  for (std::size_t i = 0; i < inputs.size() && i < weights.size(); ++i) {
    if (weights[i] != 0) e.inputs.push_back({inputs[i], weights[i]});
  }
  return net;
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
  if (x.act == activation::logistic &&
      (x.logistic_lambda != y.logistic_lambda || !(x.lambda_constant == y.lambda_constant))) {
    return false;
  }
  if (x.kind == potential_kind::weighted_sum) {
    if (x.bias != y.bias || !(x.bias_constant == y.bias_constant) || x.inputs.size() != y.inputs.size()) return false;
    for (std::size_t i = 0; i < x.inputs.size(); ++i) {
      if (a.name_of(x.inputs[i].source) != b.name_of(y.inputs[i].source) || x.inputs[i].weight != y.inputs[i].weight ||
          !(x.inputs[i].weight_constant == y.inputs[i].weight_constant)) {
        return false;
      }
    }
    return true;
  }
  if (x.offset != y.offset || x.scale != y.scale || x.norm != y.norm || x.arguments.size() != y.arguments.size() ||
      !(x.offset_constant == y.offset_constant) || !(x.scale_constant == y.scale_constant)) {
    return false;
  }
  for (std::size_t i = 0; i < x.arguments.size(); ++i) {
    if (a.name_of(x.arguments[i].source) != b.name_of(y.arguments[i].source) ||
        x.arguments[i].centre != y.arguments[i].centre ||
        !(x.arguments[i].centre_constant == y.arguments[i].centre_constant)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool same_network(const network& a, const network& b) {
  if (a.name != b.name || a.size() != b.size() || a.constants.size() != b.constants.size()) return false;
  for (std::size_t i = 0; i < a.constants.size(); ++i) {
    if (a.constants[i]->name != b.constants[i]->name ||
        to_string(*a.constants[i]->expression) != to_string(*b.constants[i]->expression)) {
      return false;
    }
  }
  if (!same_names(a, a.inputs, b, b.inputs) || !same_names(a, a.outputs, b, b.outputs)) return false;
  for (const auto& n : a.neurons) {
    auto other = b.find(n.name);
    if (!other) return false;
    const neuron& m = b.at(*other);
    if (n.init != m.init || !(n.init_constant == m.init_constant) || n.is_input != m.is_input || n.equation.has_value() != m.equation.has_value()) return false;
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

std::string join_neuron_names(const network& net, const std::vector<neuron_id>& ids,
                              std::string_view separator) {
  std::string names;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) names += separator;
    names += net.name_of(ids[i]);
  }
  return names;
}

input_error located_error(const network& net, text_location where, const std::string& message) {
  std::string line;
  if (where.line >= 1 && where.line <= net.source_lines.size()) line = net.source_lines[where.line - 1];
  return input_error(message, net.source_name, where, std::move(line));
}

}  // namespace nnsim
