// nnsim check approx NET --function F --epsilon E (or --set A): a proven
// bound on how well the network approximates f (sup |f - F| over the whole
// domain) or the set A (the measure of the points it misclassifies), by
// interval evaluation on bisected boxes (approximation_check.hpp).  Works on
// any acyclic network, built by `nnsim build approx` or written by hand.
// Exit 1 when ε is not proven met.  With --shard K/N it explores its share
// of the boxes and records their evaluations; `nnsim merge` runs the check
// again with them and prints exactly the unsharded report.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/run_report.hpp"
#include "cli/shard_job.hpp"
#include "nnsim/approximation/approximation_check.hpp"
#include "nnsim/approximation/approximation_input.hpp"
#include "nnsim/approximation/approximation_picture.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace nnsim::cli {
namespace {

constexpr int exit_not_proven = 1;

struct approx_check_options {
  std::string file;
  std::string function;
  std::string set;
  std::string epsilon;
  std::string box;
  std::string output;
  std::size_t max_boxes = 100000;
  std::string plot;
  std::string shard;
  bool json = false;
};

// --- shards ------------------------------------------------------------

constexpr std::array<truth, 3> truths = {truth::no, truth::yes, truth::unknown};
constexpr std::array<std::string_view, 3> truth_names = {"no", "yes", "unknown"};

std::string_view truth_name(truth t) { return truth_names[static_cast<std::size_t>(t)]; }

// A shard's result: its evaluations, one [path, ...] per box, shortest
// paths first: [path, upper, lower] (null for nothing) with a function,
// [path, in_set, positive] with a set, [path, {"error": message}] for a
// box whose evaluation failed.
nlohmann::ordered_json shard_result(const box_evaluations& evaluations, bool function) {
  std::vector<std::pair<std::string, const box_evaluation*>> sorted;
  sorted.reserve(evaluations.size());
  for (const auto& [path, e] : evaluations) sorted.emplace_back(path, &e);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.first.size() != b.first.size() ? a.first.size() < b.first.size() : a.first < b.first;
  });
  const auto optional_text = [](const std::optional<rational>& value) {
    return value ? nlohmann::ordered_json(to_string(*value)) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json result;
  result["mode"] = function ? "function" : "set";
  nlohmann::ordered_json& boxes = result["boxes"] = nlohmann::ordered_json::array();
  for (const auto& [path, e] : sorted) {
    if (!e->error.empty()) {
      boxes.push_back({path, {{"error", e->error}}});
    } else if (function) {
      boxes.push_back({path, optional_text(e->upper), optional_text(e->lower)});
    } else {
      boxes.push_back({path, truth_name(e->in_set), truth_name(e->positive)});
    }
  }
  return result;
}

// Every shard's evaluations, checked: the mode of this job, well-formed
// paths and values, and a box recorded by two shards (the common start)
// the same in both.
box_evaluations merged_evaluations(const shard_merge& merge, bool function) {
  const auto refuse = [&](std::size_t i, std::string_view why) {
    return input_error(fmt::format("merge: {}: {}", merge.files[i], why));
  };
  const auto rational_of = [&](std::size_t i, const nlohmann::ordered_json& value) -> std::optional<rational> {
    if (value.is_null()) return std::nullopt;
    if (!value.is_string()) throw refuse(i, fmt::format("{} where a bound belongs", value.dump()));
    try {
      const rational r = parse_value(value.get<std::string>(), "a bound");
      if (r >= 0) return r;
    } catch (const input_error&) {
    }
    throw refuse(i, fmt::format("{} where a bound belongs", value.dump()));
  };
  const auto truth_of = [&](std::size_t i, const nlohmann::ordered_json& value) {
    for (std::size_t t = 0; t < truths.size(); ++t) {
      if (value == truth_names[t]) return truths[t];
    }
    throw refuse(i, fmt::format("{} where yes, no or unknown belongs", value.dump()));
  };
  box_evaluations all;
  for (std::size_t i = 0; i < merge.results.size(); ++i) {
    const nlohmann::ordered_json& result = merge.results[i];
    const auto mode = result.find("mode");
    if (!result.is_object() || mode == result.end() || *mode != (function ? "function" : "set")) {
      throw refuse(i, fmt::format("not the record of a check of a {}", function ? "function" : "set"));
    }
    const auto boxes = result.find("boxes");
    if (boxes == result.end() || !boxes->is_array()) throw refuse(i, "no \"boxes\" array");
    for (const nlohmann::ordered_json& entry : *boxes) {
      const bool error = entry.is_array() && entry.size() == 2 && entry[1].is_object();
      if (!entry.is_array() || entry.empty() || !entry[0].is_string() || (!error && entry.size() != 3) ||
          (error && !entry[1].value("error", nlohmann::ordered_json()).is_string())) {
        throw refuse(i, fmt::format("{} where a box's evaluation belongs", entry.dump()));
      }
      const std::string path = entry[0].get<std::string>();
      if (path.find_first_not_of("01") != std::string::npos) {
        throw refuse(i, fmt::format("'{}' where a box's path (0s and 1s) belongs", path));
      }
      box_evaluation e;
      if (error) {
        e.error = entry[1]["error"].get<std::string>();
      } else if (function) {
        e.upper = rational_of(i, entry[1]);
        e.lower = rational_of(i, entry[2]);
        // |E(m)| >= lower at the box's midpoint m, and |E| <= upper on it.
        if (e.upper && e.lower && *e.lower > *e.upper) {
          throw refuse(i, fmt::format("box '{}' has an error at its midpoint above its bound", path));
        }
      } else {
        e.in_set = truth_of(i, entry[1]);
        e.positive = truth_of(i, entry[2]);
        // The network is looked at only where A is decided.
        if (e.in_set == truth::unknown && e.positive != truth::unknown) {
          throw refuse(i, fmt::format("box '{}' has the network decided where A is not", path));
        }
      }
      const auto [place, added] = all.emplace(path, e);
      const box_evaluation& other = place->second;
      if (!added && (other.upper != e.upper || other.lower != e.lower || other.in_set != e.in_set ||
                     other.positive != e.positive || other.error != e.error)) {
        // The first record that has it (this one, when it has the box
        // twice), named on this error path only.
        std::size_t earlier = 0;
        while (std::none_of(merge.results[earlier]["boxes"].begin(), merge.results[earlier]["boxes"].end(),
                            [&](const nlohmann::ordered_json& other_entry) {
                              return other_entry.is_array() && !other_entry.empty() && other_entry[0] == path;
                            })) {
          ++earlier;
        }
        throw refuse(i, fmt::format("box '{}' is evaluated differently in {}", path, merge.files[earlier]));
      }
    }
  }
  return all;
}


// "(x)", "(x1, x2)", "(x1, ..., x5)": f's arguments.
std::string variables_text(std::size_t k) {
  if (k == 1) return "(x)";
  if (k == 2) return "(x1, x2)";
  return fmt::format("(x1, ..., x{})", k);
}

std::string verdict_name(approximation_verdict v) {
  switch (v) {
    case approximation_verdict::met: return "met";
    case approximation_verdict::not_met: return "not met";
    case approximation_verdict::undecided: return "undecided";
  }
  return "?";
}

// The verdict on ε and the work done, the last two lines of both reports.
std::string closing_lines(const rational& epsilon, approximation_verdict verdict, std::string_view exceeded,
                          std::size_t boxes, bool budget_exhausted) {
  const std::string outcome = verdict == approximation_verdict::met       ? std::string("met (proven)")
                              : verdict == approximation_verdict::not_met ? fmt::format("not met (proven: {})", exceeded)
                                                                          : std::string("undecided (neither proven)");
  return fmt::format("epsilon:  {}: {}\nboxes:    {} evaluated with {}-bit interval arithmetic{}\n", to_string(epsilon),
                     outcome, boxes, approximation_precision, budget_exhausted ? " (stopped at --max-boxes)" : "");
}

std::string network_line(const network& net, const std::string& file, const network_enclosure& enclosure) {
  return fmt::format("network: {}{}, {} ({}), output {}, {}\n", net.name.empty() ? "" : net.name + " ",
                     file == "-" ? "(standard input)" : "(from " + file + ")",
                     plural(net.inputs.size(), "input", "inputs"), join_neuron_names(net, net.inputs),
                     enclosure.output_name(), plural(net.size(), "neuron", "neurons"));
}

int report_function(const network& net, const approx_check_options& options, network_enclosure& enclosure,
                    const approximation_check_options& check) {
  const std::size_t k = enclosure.dimension();
  const real_expression_ptr f = parse_function_option(options.function, k);
  const function_enclosure f_enclosure(f, k);
  if (const std::optional<shard> part = shard_option_value(options.shard)) {
    return write_shard_record(
        *part, shard_result(explore_function_approximation(enclosure, f_enclosure, check, *part), true));
  }
  const function_check_result r = check_function_approximation(enclosure, f_enclosure, check);
  if (!options.plot.empty()) {
    const std::string title = fmt::format("f(x) = {}: proven |f - F| <= {}", to_string(*f), bound_text(r.bound, true));
    write_output(function_picture(enclosure, f_enclosure, check.domain, check.epsilon, r, title), options.plot);
  }
  if (options.json) {
    nlohmann::ordered_json json;
    json["network"] = net.name;
    json["output"] = enclosure.output_name();
    json["function"] = to_string(*f);
    json["domain"] = to_string(check.domain);
    json["epsilon"] = to_string(check.epsilon);
    json["bound"] = to_string(r.bound);
    json["bound_decimal"] = bound_text(r.bound, true);
    json["attained"] = to_string(r.attained);
    json["attained_decimal"] = bound_text(r.attained, false);
    json["witness"] = nlohmann::ordered_json::array();
    for (const rational& c : r.witness) json["witness"].push_back(to_string(c));
    json["worst_box"] = to_string(r.worst_box);
    json["boxes"] = r.boxes;
    json["budget_exhausted"] = r.budget_exhausted;
    json["verdict"] = verdict_name(r.verdict);
    write_output(dump_json(json, 2) + "\n", "");
  } else {
    std::string text = network_line(net, options.file, enclosure);
    text += fmt::format("function: f{} = {} on {}\n", variables_text(k), to_string(*f),
                        to_string(check.domain));
    text += fmt::format("proven:   |f - F| <= {} everywhere on the domain\n", bound_text(r.bound, true));
    text += fmt::format("attained: |f - F| >= {} at {}\n", bound_text(r.attained, false), point_text(r.witness));
    text += closing_lines(check.epsilon, r.verdict, "the error exceeds it", r.boxes, r.budget_exhausted);
    write_output(text, "");
  }
  return r.verdict == approximation_verdict::met ? 0 : exit_not_proven;
}

int report_set(const network& net, const approx_check_options& options, network_enclosure& enclosure,
               const approximation_check_options& check) {
  const std::size_t k = enclosure.dimension();
  const real_predicate_ptr set = parse_set_option(options.set, k);
  if (const std::optional<shard> part = shard_option_value(options.shard)) {
    return write_shard_record(*part,
                              shard_result(explore_set_approximation(enclosure, *set, check, *part), false));
  }
  const set_check_result r = check_set_approximation(enclosure, *set, check);
  if (!options.plot.empty()) {
    write_output(set_picture(enclosure, check.domain, r, fmt::format("A = {{ x : {} }}", to_string(*set))),
                 options.plot);
  }
  if (options.json) {
    nlohmann::ordered_json json;
    json["network"] = net.name;
    json["output"] = enclosure.output_name();
    json["set"] = to_string(*set);
    json["domain"] = to_string(check.domain);
    json["epsilon"] = to_string(check.epsilon);
    json["volume"] = to_string(r.volume);
    json["misclassified"] = to_string(r.misclassified);
    json["false_negative"] = to_string(r.false_negative);
    json["undecided"] = to_string(r.undecided);
    json["shell"] = to_string(r.shell);
    json["bound"] = to_string(r.bound());
    json["bound_decimal"] = bound_text(r.bound(), true);
    json["boxes"] = r.boxes;
    json["budget_exhausted"] = r.budget_exhausted;
    json["verdict"] = verdict_name(r.verdict);
    write_output(dump_json(json, 2) + "\n", "");
  } else {
    std::string text = network_line(net, options.file, enclosure);
    text += fmt::format("set:      A = {{ x : {} }} in {}; x is classified in A when F(x) > 0\n", to_string(*set),
                        to_string(check.domain));
    text += fmt::format("proven:   the misclassified points have measure between {} and {} (the domain's is {})\n",
                        bound_text(r.misclassified, false), bound_text(r.bound(), true), to_string(r.volume));
    text += fmt::format("          {} in A but F <= 0, {} outside A but F > 0; {} undecided, {} on box faces\n",
                        bound_text(r.false_negative, false), bound_text(r.misclassified - r.false_negative, false),
                        bound_text(r.undecided, true), bound_text(r.shell, true));
    text += closing_lines(check.epsilon, r.verdict, "more is misclassified", r.boxes, r.budget_exhausted);
    write_output(text, "");
  }
  return r.verdict == approximation_verdict::met ? 0 : exit_not_proven;
}

}  // namespace

command add_check_approx_command(CLI::App& check, cli_context& context) {
  auto options = std::make_shared<approx_check_options>();
  CLI::App* sub = check.add_subcommand(
      "approx", "A proven bound on how well an acyclic network approximates a function or a set");
  add_file_argument(*sub, options->file)->description("the network (.nn file, acyclic); - reads standard input");
  CLI::Option* function = sub->add_option("--function", options->function,
                                          "f in the expression language, in x (one input) or x1 .. xn: "
                                          "'sin(3*x)^2', 'sqrt(x)', 'abs(x1 - x2)'")
                              ->type_name("EXPR");
  CLI::Option* set = sub->add_option("--set", options->set,
                                     "a set as a predicate: 'x1^2 + x2^2 <= 1/4 or x1 > 3/4' (and, or, not, "
                                     "< <= > >=); x is in A for the network when its output is > 0")
                         ->type_name("PREDICATE");
  function->excludes(set);
  sub->add_option("--epsilon", options->epsilon,
                  "the error asked for: sup |f - F| (with --function) or the measure of the misclassified points "
                  "(with --set)")
      ->type_name("E")
      ->required();
  sub->add_option("--box", options->box, "the domain, lo:hi per input or one for all (default 0:1, the lecture's)")
      ->type_name("LO:HI,...");
  sub->add_option("--output", options->output, "the output neuron to read (default: the network's only output)")
      ->type_name("NAME");
  sub->add_option("--max-boxes", options->max_boxes, "evaluate at most N boxes (default 100000)")
      ->type_name("N")
      ->check(whole_number_check(1, 10'000'000));
  sub->add_option("--plot", options->plot,
                  "also draw the result as an SVG picture: f, F and the proven error band (one input), or A, where "
                  "the network says 'in A' and the misclassified region (one or two inputs)")
      ->type_name("FILE.svg");
  add_shard_option(*sub, options->shard, "its share of the boxes, dealt out after a start common to all shards");
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "Evaluates f and the network's function F on boxes of the domain with interval arithmetic, bisecting "
      "the box with the largest possible error first, until the largest upper bound of |f - F| is within 1/256 "
      "(relative) of the largest error actually found at a point (or within epsilon/64) and epsilon is decided. Every figure printed "
      "is proven: the bound holds at every point of the domain, and the error attained is reached at the point "
      "shown. With --set it bounds the measure of the points x where 'x in A' and 'F(x) > 0' disagree. Exit code "
      "0 when the bound is at most epsilon, 1 when it is not proven (the error exceeds epsilon, or the boxes ran "
      "out), 2 on bad input. With --shard K/N it explores its share of the boxes and writes their evaluations "
      "as a record instead; nnsim merge then runs the check with them and prints exactly this report.",
      {
      "nnsim build approx relu --function 'sin(3*x)^2' --epsilon 1/100 -o sin.nn",
      "nnsim check approx sin.nn --function 'sin(3*x)^2' --epsilon 1/100 --plot sin.svg",
      "nnsim check approx networks/lecture/xor.nn --set 'x1 + x2 > 1/2 and x1 + x2 < 3/2' --epsilon 1/2",
      }));

  command result;
  result.app = sub;
  result.execute = [options, function, set, &context]() {
    context.json_errors = options->json;
    if (function->count() == 0 && set->count() == 0) throw input_error("give the function (--function) or the set (--set)");
    const rational epsilon = parse_rational_value(options->epsilon, "--epsilon");
    if (epsilon <= 0) throw input_error(fmt::format("invalid --epsilon '{}': it must be positive", options->epsilon));
    const network net = load_network_file(options->file);
    network_enclosure enclosure(net, options->output);
    approximation_check_options check;
    check.epsilon = epsilon;
    check.max_boxes = options->max_boxes;
    check.domain = options->box.empty() ? unit_box(enclosure.dimension())
                                        : parse_box(options->box, enclosure.dimension());
    box_evaluations known;
    if (const shard_merge* merging = merging_shards()) {
      known = merged_evaluations(*merging, function->count() > 0);
      check.known = &known;
    }
    return function->count() > 0 ? report_function(net, *options, enclosure, check)
                                 : report_set(net, *options, enclosure, check);
  };
  return result;
}

}  // namespace nnsim::cli
