#include "nnsim/viewing/trace_page.hpp"

#include "nnsim/io/network_writer.hpp"
#include "support/text.hpp"
#include "viewing/trace_page_assets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

namespace nnsim {
namespace {

// A JSON string, safe inside a <script> element: `<` is written `\u003c`
// so that no text of a network (a name, a comment) can end the script
// early or open an HTML comment in it.
void append_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '<': out += "\\u003c"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// A number for the drawing; JSON has no infinities or NaN, which become
// null (the page draws them at full strength and shows the exact text).
void append_number(std::string& out, double value) {
  if (std::isfinite(value)) {
    out += fmt::format("{}", value);
  } else {
    out += "null";
  }
}

template <class Range>
void append_integers(std::string& out, const Range& values) {
  out += '[';
  bool first = true;
  for (const auto value : values) {
    if (!first) out += ',';
    first = false;
    out += fmt::format("{}", value);
  }
  out += ']';
}

void append_strings(std::string& out, const std::vector<std::string>& texts) {
  out += '[';
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) out += ',';
    append_string(out, texts[i]);
  }
  out += ']';
}

// One neuron: its name, whether it is an input or an output, and its
// equation as a file writes it (none for an input or a constant neuron).
void append_neuron(std::string& out, const network& net, std::size_t i, std::uint32_t group) {
  const neuron& n = net.neurons[i];
  const neuron_id id = make_neuron_id(i);
  bool is_output = false;
  for (neuron_id output : net.outputs) is_output = is_output || output == id;
  out += "{\"name\":";
  append_string(out, n.name);
  out += fmt::format(",\"input\":{},\"output\":{},\"group\":{}", n.is_input, is_output, group);
  if (const equation* e = net.equation_of(id)) {
    out += ",\"equation\":";
    append_string(out, fmt::format("{} = {}({})", n.name, write_activation(*e), write_potential(net, *e)));
  }
  if (n.init) {
    out += ",\"init\":";
    append_string(out, write_value(*n.init, n.init_constant));
  }
  out += '}';
}

std::string page_data(const network& net, const network_layout& layout, const recorded_trace& trace,
                      const trace_page_description& description) {
  const run_result& result = trace.result;
  std::string out = "{\"title\":";
  append_string(out, description.title);
  out += ",\"lines\":";
  append_strings(out, description.lines);
  out += ",\"verdict\":{\"lines\":";
  append_strings(out, description.verdict_lines);
  out += fmt::format(",\"status\":\"{}\",\"steps\":{},\"cycle_start\":{},\"cycle_period\":{}}}",
                     name_of(result.status), result.steps, result.cycle_start, result.cycle_period);

  out += ",\"neurons\":[";
  for (std::size_t i = 0; i < net.neurons.size(); ++i) {
    if (i > 0) out += ',';
    append_neuron(out, net, i, layout.grouping.group_of[i]);
  }
  out += "],\"edges\":[";
  for (std::size_t k = 0; k < layout.edges.size(); ++k) {
    const drawn_edge& edge = layout.edges[k];
    if (k > 0) out += ',';
    // The sign apart from the size: a weight beyond the doubles has a size
    // of null but still a sign; 2 marks a distance argument, which has none.
    const int sign = edge.distance ? 2 : edge.weight.sign();
    out += fmt::format("[{},{},{},", edge.source, edge.target, sign);
    append_number(out, edge.distance ? 0.0 : std::abs(edge.weight.convert_to<double>()));
    out += ',';
    append_string(out, edge.distance ? std::string("distance") : edge.weight.str());
    out += ']';
  }
  out += "],\"groups\":[";
  for (std::size_t g = 0; g < layout.grouping.groups.size(); ++g) {
    const neuron_group& group = layout.grouping.groups[g];
    if (g > 0) out += ',';
    out += "{\"name\":";
    append_string(out, group.name);
    out += fmt::format(",\"parent\":{},\"count\":{},\"items\":[", group.parent ? fmt::format("{}", *group.parent) : "null",
                       group.neuron_count);
    for (std::size_t k = 0; k < group.items.size(); ++k) {
      if (k > 0) out += ',';
      out += fmt::format("[{},{},{},{},{},{}]", group.items[k].is_group ? 1 : 0, group.items[k].index,
                         layout.ranks[g][k], layout.orders[g][k], layout.ring_slots[g][k], layout.ring_sizes[g][k]);
    }
    out += "]}";
  }
  out += "],\"values\":";
  append_strings(out, trace.value_texts);
  out += ",\"approximations\":[";
  for (std::size_t v = 0; v < trace.value_approximations.size(); ++v) {
    if (v > 0) out += ',';
    append_number(out, trace.value_approximations[v]);
  }
  out += "],\"initial\":";
  append_integers(out, trace.initial);
  // Changes as neuron, value, neuron, value, ...; step t's pairs start at
  // change_offsets[t - 1].
  out += ",\"change_offsets\":";
  append_integers(out, trace.change_offsets);
  out += ",\"changes\":[";
  for (std::size_t k = 0; k < trace.changed_neurons.size(); ++k) {
    if (k > 0) out += ',';
    out += fmt::format("{},{}", trace.changed_neurons[k], trace.changed_values[k]);
  }
  out += "],\"selected_all\":";
  append_integers(out, trace.selected_all);
  out += ",\"selected_offsets\":";
  append_integers(out, trace.selected_offsets);
  out += ",\"selected\":";
  append_integers(out, trace.selected_neurons);
  out += '}';
  return out;
}

// The template with each {{NAME}} replaced by `parts`' text for NAME: the
// placeholders are found in the template alone, so a title or a network that
// contains "{{SCRIPT}}" is only text.
std::string fill(std::string_view page, const std::vector<std::pair<std::string_view, std::string>>& parts) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = page.find("{{", at);
    if (open == std::string_view::npos) break;
    const std::size_t close = page.find("}}", open);
    if (close == std::string_view::npos) break;
    const std::string_view name = page.substr(open + 2, close - open - 2);
    const auto part = std::find_if(parts.begin(), parts.end(), [&](const auto& p) { return p.first == name; });
    if (part == parts.end()) {
      out.append(page.substr(at, close + 2 - at));
    } else {
      out.append(page.substr(at, open - at));
      out += part->second;
    }
    at = close + 2;
  }
  out.append(page.substr(at));
  return out;
}

}  // namespace

std::string write_trace_page(const network& net, const network_layout& layout, const recorded_trace& trace,
                             const trace_page_description& description) {
  return fill(trace_page_html, {{"TITLE", xml_text(description.title)},
                                {"STYLE", trace_page_style},
                                {"SCRIPT", trace_page_script},
                                {"DATA", page_data(net, layout, trace, description)}});
}

}  // namespace nnsim
