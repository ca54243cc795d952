// The canonical form of a network file:
//
//     network NAME              (only when the network has a name)
//     input A, B                (only when there are inputs)
//     output Y                  (only when there are outputs)
//     rule RULE                 (always, so the file says how it runs)
//     init N = VALUE            (one per neuron with an init value)
//
//     N = ACT(POTENTIAL)        (one per equation, in the stored order)
//
// Equations are never reordered: their order is the default sequential order
// and the order of the random rule.  Everything is written from the stored
// order of lists, never from neuron ids, except that init lines need some
// order: they follow the first appearance of each neuron in the rest of the
// text, which loading does not change, so that the text is a fixed point of
// write(load(text)).
#include "nnsim/io/network_writer.hpp"

#include "nnsim/model/vocabulary.hpp"
#include "io/network_lexer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace nnsim {
namespace {

// Appends `coefficient item` as the first term (`-2 x`, `-x`, `x`, `0 x`) or
// as a later one (` - 2 x`, ` - x`, ` + 1/2 x`, ` + 0 x`); a coefficient 1 is
// not written.
// A coefficient written as a constant's name: `r x`, `x / r`, with its sign.
void append_term(std::string& out, bool first, const rational& coefficient, const constant_use& use,
                 std::string_view item) {
  if (use) {
    const std::string text = use.reciprocal ? fmt::format("{} / {}", item, use.constant->name)
                                            : fmt::format("{} {}", use.constant->name, item);
    out += first ? (use.negated ? "-" : "") : (use.negated ? " - " : " + ");
    out += text;
    return;
  }
  if (first) {
    if (coefficient == 1) {
      out += item;
    } else if (coefficient == -1) {
      out += fmt::format("-{}", item);
    } else {
      out += fmt::format("{} {}", to_string(coefficient), item);
    }
    return;
  }
  const bool negative = coefficient < 0;
  const rational magnitude = negative ? rational(-coefficient) : coefficient;
  out += negative ? " - " : " + ";
  if (magnitude == 1) {
    out += item;
  } else {
    out += fmt::format("{} {}", to_string(magnitude), item);
  }
}

std::string write_rule(const network& net) {
  const rule_spec& rule = net.rule;
  // An explicit empty order selects nothing, ever; the format has no way to
  // say that (`rule sequential` means all equations).
  if (rule.kind == rule_kind::sequential && rule.explicit_order && rule.order.empty()) {
    throw std::invalid_argument("cannot write a sequential rule with an empty explicit order");
  }
  if (rule.kind == rule_kind::schedule && rule.sets.empty()) {
    throw std::invalid_argument("cannot write a schedule rule without sets");
  }
  return describe_rule(net, rule);
}

// Names that the loader would refuse would make a file that does not load;
// that is a bug of whoever built the network, reported before writing.
void check_names(const network& net) {
  if (!net.name.empty() && !is_identifier(net.name)) {
    throw std::invalid_argument(fmt::format("cannot write network name '{}': it is not an identifier", net.name));
  }
  for (const neuron& n : net.neurons) {
    if (!is_identifier(n.name) || is_reserved_word(n.name)) {
      throw std::invalid_argument(fmt::format("cannot write neuron name '{}': it is not a valid neuron name", n.name));
    }
  }
}

// A number as written: the literal, or the constant's name with its sign.
std::string write_number(const rational& value, const constant_use& use) {
  if (!use) return to_string(value);
  return (use.negated ? "-" : "") + use.constant->name;
}

// A number the loader would refuse (more than max_number_digits digits in
// its numerator or denominator) would make a file that does not load either.
void check_number(const network& net, neuron_id id, std::string_view what, const rational& value) {
  if (auto too_large = number_size_problem(value)) {
    throw std::invalid_argument(fmt::format("cannot write {} of neuron '{}': {}", what, net.name_of(id), *too_large));
  }
}

void check_numbers(const network& net) {
  for (std::size_t i = 0; i < net.size(); ++i) {
    if (net.neurons[i].init) check_number(net, make_neuron_id(i), "the init value", *net.neurons[i].init);
  }
  for (const equation& e : net.equations) {
    check_number(net, e.target, "the logistic parameter", e.logistic_lambda);
    if (e.kind == potential_kind::weighted_sum) {
      check_number(net, e.target, "the bias", e.bias);
      for (const weighted_input& term : e.inputs) check_number(net, e.target, "a coefficient", term.weight);
    } else {
      check_number(net, e.target, "the constant", e.offset);
      check_number(net, e.target, "the scale", e.scale);
      for (const distance_argument& argument : e.arguments) check_number(net, e.target, "a centre", argument.centre);
    }
  }
}

// The neurons with an init value, ordered by their first appearance in the
// header and the equations (what a reload numbers first), the ones that
// appear nowhere else last in id order.
std::vector<neuron_id> init_order(const network& net) {
  constexpr std::size_t never = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> first(net.size(), never);
  std::size_t counter = 0;
  auto see = [&](neuron_id id) {
    if (first[index(id)] == never) first[index(id)] = counter++;
  };
  for (neuron_id id : net.inputs) see(id);
  for (neuron_id id : net.outputs) see(id);
  if (net.rule.kind == rule_kind::sequential && net.rule.explicit_order) {
    for (neuron_id id : net.rule.order) see(id);
  }
  if (net.rule.kind == rule_kind::schedule) {
    for (const auto& set : net.rule.sets) {
      for (neuron_id id : set) see(id);
    }
  }
  for (const equation& e : net.equations) {
    see(e.target);
    // Not e.predecessors(), which is quadratic in the number of terms.
    if (e.kind == potential_kind::weighted_sum) {
      for (const weighted_input& term : e.inputs) see(term.source);
    } else {
      for (const distance_argument& argument : e.arguments) see(argument.source);
    }
  }
  std::vector<neuron_id> result;
  for (std::size_t i = 0; i < net.size(); ++i) {
    if (net.neurons[i].init) result.push_back(make_neuron_id(i));
  }
  std::stable_sort(result.begin(), result.end(),
                   [&](neuron_id a, neuron_id b) { return first[index(a)] < first[index(b)]; });
  return result;
}

// Each line of `text` as a `# ` comment line.
void append_comment(std::string& out, std::string_view text) {
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    out += line.empty() ? "#\n" : fmt::format("# {}\n", line);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
}

std::string write_equation(const network& net, const equation& e) {
  return fmt::format("{} = {}({})", net.name_of(e.target), write_activation(e), write_potential(net, e));
}

}  // namespace

std::string write_value(const rational& value, const constant_use& use) {
  if (!use) return to_string(value);
  return fmt::format("{}{}{}", use.negated ? "-" : "", use.reciprocal ? "1/" : "", use.constant->name);
}

std::string write_activation(const equation& e) {
  std::string act(name_of(e.act));
  if (e.act == activation::logistic && (e.logistic_lambda != 1 || e.lambda_constant)) {
    act += fmt::format("[{}]", write_number(e.logistic_lambda, e.lambda_constant));
  }
  return act;
}

std::string write_potential(const network& net, const equation& e) {
  std::string out;
  if (e.kind == potential_kind::weighted_sum) {
    if (e.bias != 0 || e.bias_constant) out = write_number(e.bias, e.bias_constant);
    for (const weighted_input& term : e.inputs) {
      append_term(out, out.empty(), term.weight, term.weight_constant, net.name_of(term.source));
    }
    return out.empty() ? "0" : out;
  }
  if (e.arguments.empty()) throw std::invalid_argument("cannot write a distance potential without arguments");
  std::string call = fmt::format("{}(", name_of(e.norm));
  for (std::size_t i = 0; i < e.arguments.size(); ++i) {
    const distance_argument& argument = e.arguments[i];
    if (i > 0) call += ", ";
    call += net.name_of(argument.source);
    // y - c is written with the centre c, y + c for a negative centre -c.
    if (const constant_use& use = argument.centre_constant) {
      call += (use.negated ? " + " : " - ") + use.constant->name;
    } else if (argument.centre > 0) {
      call += " - " + to_string(argument.centre);
    } else if (argument.centre < 0) {
      call += " + " + to_string(rational(-argument.centre));
    }
  }
  call += ")";
  if (e.offset != 0 || e.offset_constant) out = write_number(e.offset, e.offset_constant);
  append_term(out, out.empty(), e.scale, e.scale_constant, call);
  return out;
}

std::string write_network(const network& net) {
  check_names(net);
  check_numbers(net);
  std::string out;
  append_comment(out, net.comment);
  if (!net.name.empty()) out += fmt::format("network {}\n", net.name);
  if (!net.inputs.empty()) out += fmt::format("input {}\n", join_neuron_names(net, net.inputs));
  if (!net.outputs.empty()) out += fmt::format("output {}\n", join_neuron_names(net, net.outputs));
  out += fmt::format("rule {}\n", write_rule(net));
  for (const real_constant_ptr& c : net.constants) out += fmt::format("const {} = {}\n", c->name, to_string(*c->expression));
  for (neuron_id id : init_order(net)) {
    out += fmt::format("init {} = {}\n", net.name_of(id), write_number(*net.at(id).init, net.at(id).init_constant));
  }
  for (std::size_t i = 0; i < net.equations.size(); ++i) {
    const equation& e = net.equations[i];
    if (i == 0 || !e.comment.empty()) out += '\n';
    append_comment(out, e.comment);
    out += write_equation(net, e) + '\n';
  }
  return out;
}

}  // namespace nnsim
