#include "cli/run_report.hpp"

#include "cli/output.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/real_expression.hpp"
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
    // An irrational value as its expression: it has no exact decimal form.
    const bool irrational = i < request.input_expressions.size() && request.input_expressions[i] != nullptr;
    assignments.push_back(fmt::format("{} = {}", net.name_of(net.inputs[i]),
                                      irrational ? to_string(*request.input_expressions[i])
                                                 : format_value(request.input[i])));
  }
  std::string text = fmt::format("{}", fmt::join(assignments, ", "));
  if (options.word_option != nullptr && options.word_option->count() > 0) {
    text += fmt::format(" = δ({})", options.word.empty() ? "ε" : options.word);
  }
  return "input: " + text;
}

std::string status_line(const run_result& result) {
  if (result.shortfall) {
    return fmt::format("undecided (precision) at {} bits: {}", result.precision, describe(*result.shortfall));
  }
  switch (result.status) {
    case run_status::halted:
      return fmt::format("halted after {}", plural(result.steps, "step", "steps"));
    case run_status::diverges:
      return fmt::format("diverges: the state at step {} repeats at step {} (period {})", result.cycle_start,
                         result.steps, result.cycle_period);
    case run_status::undecided:
      // Stopped from outside (Ctrl-C): how far it got, and nothing more.
      if (result.interrupted) {
        // Brent's method finds a repetition only some steps after it.
        if (result.repetitions == repetition_method::brent) {
          return fmt::format("undecided: interrupted at step {} (no fixed point up to there; Brent's method had "
                             "found no repetition yet)",
                             result.steps);
        }
        return fmt::format("undecided: interrupted at step {} (no fixed point{} up to there)", result.steps,
                           result.rule.kind == rule_kind::random ? "" : " or repetition");
      }
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

std::string repetitions_line(const run_result& result) {
  if (result.repetitions != repetition_method::brent) return {};
  std::string text = result.brent_from == 0
                         ? std::string("repetitions: Brent's cycle finding (memory bounded)")
                         : fmt::format("repetitions: the table of seen states up to step {}, then Brent's cycle "
                                       "finding (memory bounded)",
                                       result.brent_from);
  if (result.status == run_status::diverges) text += ", the first repetition found by a second pass";
  return text + "\n";
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
  if (numbers.type == number_mode::kind::interval) {
    return fmt::format("{} (each value is an interval that contains the exact one; the verdict is proven)",
                       numbers.name());
  }
  if (numbers.type == number_mode::kind::certified) {
    return fmt::format("{} (intervals, the precision raised from 64 bits until the verdict is proven)",
                       numbers.name());
  }
  return fmt::format("{} (the values are floating-point approximations of the exact ones)", numbers.name());
}

std::string describe_numbers(const run_result& result) {
  if (result.numbers.type != number_mode::kind::certified) return describe_numbers(result.numbers);
  if (result.shortfall) {
    return fmt::format("certified: intervals of up to {} bits (--max-precision) did not prove the verdict",
                       result.precision);
  }
  return fmt::format("certified: proven with intervals of {} bits (tried from 64 bits, doubling)", result.precision);
}

std::string precision_undecided_line(std::size_t words, const number_mode& numbers, const run_limits& limits,
                                     std::string_view remark) {
  const bool certified = numbers.type == number_mode::kind::certified;
  return fmt::format("undecided (precision): {} not decided by the enclosures of {}{} bits{} ({})\n",
                     plural(words, "word", "words"), certified ? "up to " : "",
                     certified ? limits.max_precision : numbers.precision, remark,
                     certified ? "raise --max-precision" : "use a higher P or --numbers certified");
}

nlohmann::ordered_json value_json(const state_view& values, std::size_t i) {
  if (auto bounds = values.bounds_text(i)) return {{"lo", std::move(bounds->first)}, {"hi", std::move(bounds->second)}};
  return values.text(i);
}

std::string csv_value(const state_view& values, std::size_t i) {
  std::string text = values.text(i);
  return text.find(',') == std::string::npos ? text : "\"" + text + "\"";  // a value text has no '"'
}

nlohmann::ordered_json values_json(const state_view& values) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < values.size(); ++i) list.push_back(value_json(values, i));
  return list;
}

void add_verdict_json(nlohmann::ordered_json& json, const run_result& result) {
  json["status"] = std::string(name_of(result.status));
  if (result.interrupted) json["interrupted"] = true;
  json["steps"] = result.steps;
  if (result.status == run_status::diverges) {
    json["cycle"] = {{"start", result.cycle_start}, {"period", result.cycle_period}};
  }
  if (result.numbers.proves()) json["precision"] = result.precision;
  if (result.repetitions == repetition_method::brent) {
    json["repetitions"] = {{"method", "brent"}, {"from", result.brent_from}};
  }
  if (result.shortfall) {
    const precision_shortfall& s = *result.shortfall;
    json["undecided"] = {{"reason", "precision"},
                         {"decision", std::string(name_of(s.what))},
                         {"step", s.step},
                         {"neuron", s.neuron},
                         {"interval", s.interval},
                         {"message", describe(s)}};
  }
  json["outputs"] = values_json(result.outputs.view());
}

nlohmann::ordered_json run_json(const network& net, const run_result& result) {
  nlohmann::ordered_json json;
  add_verdict_json(json, result);
  nlohmann::ordered_json state = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < net.size() && i < result.state.size(); ++i) {
    append_new_member(state, net.neurons[i].name, value_json(result.state.view(), i));
  }
  json["state"] = std::move(state);
  json["rule"] = describe_rule(net, result.rule);
  json["numbers"] = result.numbers.name();
  return json;
}

void write_json_with_array(const nlohmann::ordered_json& before, std::string_view key,
                           const std::function<void(const json_item_sink&)>& items,
                           const nlohmann::ordered_json& after) {
  // dump_json(x, 2) of an object is "{\n  members\n}", or "{}" when empty.
  const auto members = [](const nlohmann::ordered_json& object) {
    const std::string text = dump_json(object, 2);
    return object.empty() ? std::string() : text.substr(2, text.size() - 4);
  };
  const std::string head = members(before);
  write_standard_output("{\n" + head + (head.empty() ? "" : ",\n") + "  " + dump_json(std::string(key)) + ": [");
  bool first = true;
  items([&](const nlohmann::ordered_json& item) {
    // Two levels deeper than a member of the outer object.
    std::string text = first ? "\n    " : ",\n    ";
    for (char c : dump_json(item, 2)) text += c == '\n' ? std::string("\n    ") : std::string(1, c);
    write_standard_output(text);
    first = false;
  });
  const std::string tail = members(after);
  write_standard_output(std::string(first ? "]" : "\n  ]") + (tail.empty() ? "" : ",\n" + tail) + "\n}\n");
}

void append_new_member(nlohmann::ordered_json& object, std::string key, nlohmann::ordered_json value) {
  // ordered_map is a vector of pairs underneath; appending there skips the
  // search for an equal key.
  auto& members = object.get_ref<nlohmann::ordered_json::object_t&>();
  static_cast<nlohmann::ordered_json::object_t::Container&>(members).emplace_back(std::move(key), std::move(value));
}

std::string dump_json(const nlohmann::ordered_json& json, int indent) {
  return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace nnsim::cli
