#include "nnsim/io/dot_writer.hpp"

#include "nnsim/io/network_writer.hpp"
#include "nnsim/model/network_analysis.hpp"

#include <string_view>
#include <vector>

namespace nnsim {
namespace {

// A DOT quoted string.  Graphviz's scanner turns \" into a quote and keeps
// every other backslash pair as it is; labels then read \\ as one backslash
// and \n as a line break.  So doubling backslashes and escaping quotes is
// enough for any name to survive, and as node ids the results stay distinct.
std::string dot_quoted(std::string_view text) {
  std::string result = "\"";
  for (char c : text) {
    switch (c) {
      case '\\': result += "\\\\"; break;
      case '"': result += "\\\""; break;
      case '\n': result += "\\n"; break;
      case '\r': result += "\\r"; break;
      default: result += c;
    }
  }
  result += '"';
  return result;
}

// Label lines joined by \n, escaped as one quoted string.
std::string label_of(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) {
    if (!text.empty()) text += '\n';
    text += line;
  }
  return dot_quoted(text);
}

std::vector<std::string> node_label_lines(const network& net, neuron_id id) {
  std::vector<std::string> lines{net.name_of(id)};
  if (const equation* e = net.equation_of(id)) {
    lines.push_back(write_activation(*e));
    if (e->kind == potential_kind::weighted_sum) {
      lines.push_back("b=" + write_value(e->bias, e->bias_constant));
    } else {
      lines.push_back(std::string(name_of(e->norm)) + " a=" + write_value(e->offset, e->offset_constant) +
                      " s=" + write_value(e->scale, e->scale_constant));
    }
  }
  const neuron& n = net.at(id);
  if (n.init) lines.push_back("init=" + write_value(*n.init, n.init_constant));
  return lines;
}

// Inputs and outputs keep their usual drawings; a neuron that is both keeps
// the input's shape and takes the output's double border.
std::string shape_attributes(const network& net, neuron_id id, bool is_output) {
  const bool is_input = net.at(id).is_input;
  if (is_input && is_output) return ", shape=invtriangle, peripheries=2";
  if (is_input) return ", shape=invtriangle";
  if (is_output) return ", shape=doublecircle";
  return "";
}

// The header comment is a // line, so line breaks in the name must go.
std::string comment_safe(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return result;
}

}  // namespace

std::string write_dot(const network& net) {
  std::string out = net.name.empty() ? "// unnamed network\n" : "// network " + comment_safe(net.name) + "\n";
  // The constants the labels name, as the file defines them.
  for (const real_constant_ptr& c : net.constants) {
    out += "// const " + c->name + " = " + comment_safe(to_string(*c->expression)) + "\n";
  }
  out += net.name.empty() ? "digraph {\n" : "digraph " + dot_quoted(net.name) + " {\n";

  const auto layers = compute_layers(net);
  if (layers) out += "  rankdir=LR;\n";

  std::vector<bool> is_output(net.size(), false);
  for (neuron_id id : net.outputs) is_output[index(id)] = true;
  for (std::size_t i = 0; i < net.size(); ++i) {
    const neuron_id id = make_neuron_id(i);
    out += "  " + dot_quoted(net.name_of(id)) + " [label=" + label_of(node_label_lines(net, id)) +
           shape_attributes(net, id, is_output[i]) + "];\n";
  }

  for (const equation& e : net.equations) {
    const std::string target = dot_quoted(net.name_of(e.target));
    if (e.kind == potential_kind::weighted_sum) {
      for (const weighted_input& term : e.inputs) {
        out += "  " + dot_quoted(net.name_of(term.source)) + " -> " + target + " [label=" + dot_quoted(write_value(term.weight, term.weight_constant)) +
               "];\n";
      }
    } else {
      for (const distance_argument& argument : e.arguments) {
        out += "  " + dot_quoted(net.name_of(argument.source)) + " -> " + target +
               " [label=" + dot_quoted("c=" + write_value(argument.centre, argument.centre_constant)) + "];\n";
      }
    }
  }

  if (layers) {
    std::vector<std::vector<neuron_id>> by_layer;
    for (std::size_t i = 0; i < layers->size(); ++i) {
      const std::size_t layer = (*layers)[i];
      if (by_layer.size() <= layer) by_layer.resize(layer + 1);
      by_layer[layer].push_back(make_neuron_id(i));
    }
    for (const auto& members : by_layer) {
      out += "  {rank=same;";
      for (neuron_id id : members) out += " " + dot_quoted(net.name_of(id)) + ";";
      out += "}\n";
    }
  }

  out += "}\n";
  return out;
}

}  // namespace nnsim
