// nnsim check ...: exhaustive checks of the lecture's theorems, one
// subcommand each.  `check boolean --arity n`: every Boolean function of n
// inputs, its two-layer network verified on every input, and single-neuron
// separability decided (boolean_check.hpp).  Exit 1 if a network fails.
#include "cli/boolean_options.hpp"
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/help_formatter.hpp"
#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/progress_display.hpp"
#include "cli/separability_report.hpp"
#include "cli/shard_job.hpp"
#include "nnsim/boolean/boolean_check.hpp"
#include "nnsim/boolean/two_layer_network.hpp"

#include <fmt/format.h>

#include <chrono>
#include <memory>
#include <optional>
#include <thread>

namespace nnsim::cli {
namespace {

constexpr int exit_mismatch = 1;

struct check_boolean_options {
  std::string arity;
  unsigned threads = 0;  // 0: one per processor
  bool cnf = false;
  bool minimize = false;
  bool full_simulation = false;
  bool npn_classes = false;
  std::string shard;
  bool json = false;
};

// A shard's result (shard_job.hpp): the summary's numbers over its
// functions, its failures, and its time.
nlohmann::ordered_json shard_result(const boolean_check_summary& s, double seconds) {
  nlohmann::ordered_json json;
  json["arity"] = s.arity;
  json["functions"] = s.functions;
  json["checked"] = s.checked;
  json["npn_classes"] = s.npn_classes;
  json["verified"] = s.verified;
  json["separable"] = s.separable;
  json["hidden_neurons_total"] = s.hidden_neurons_total;
  json["hidden_neurons_max"] = s.hidden_neurons_max;
  json["failures"] = nlohmann::ordered_json::array();
  for (const boolean_function& f : s.failures) json["failures"].push_back(f.table());
  json["seconds"] = seconds;
  return json;
}

// The summary of the whole check from its shards' results; the time is the
// sum of theirs.  The failures are the first few in the order of the shards.
boolean_check_summary merged_summary(const shard_merge& merge, double& seconds) {
  boolean_check_summary s;
  s.arity = merge.results.front().at("arity").get<unsigned>();
  s.functions = merge.results.front().at("functions").get<std::uint64_t>();
  s.checked = merged_sum(merge, "checked");
  s.npn_classes = merged_sum(merge, "npn_classes");
  s.verified = merged_sum(merge, "verified");
  s.separable = merged_sum(merge, "separable");
  s.hidden_neurons_total = merged_sum(merge, "hidden_neurons_total");
  s.hidden_neurons_max = merged_max(merge, "hidden_neurons_max");
  seconds = 0;
  for (const nlohmann::ordered_json& result : merge.results) {
    seconds += result.at("seconds").get<double>();
    for (const nlohmann::ordered_json& table : result.at("failures")) {
      if (s.failures.size() < 10) s.failures.push_back(boolean_function::from_table(table.get<std::string>()));
    }
  }
  return s;
}

std::string human_report(const boolean_check_summary& s, const check_boolean_options& options, unsigned threads,
                         double seconds) {
  const std::uint64_t inputs = std::uint64_t{1} << s.arity;
  std::string text = fmt::format("Every Boolean function F: {{0,1}}^{} -> {{0,1}}: {} functions of {}.\n\n", s.arity,
                                 s.functions, plural(s.arity, "input", "inputs"));
  if (s.interrupted) {
    text += fmt::format("  interrupted: {} of {} functions checked (Ctrl-C); the counts are over these\n", s.checked,
                        s.functions);
  }
  if (s.npn_classes != 0) {
    text += fmt::format("  NPN classes checked:          {} (one function of each and its negation)\n",
                        s.npn_classes);
  }
  text += fmt::format("  two-layer networks verified:  {} of {} (each on all {})\n", s.verified, s.checked,
                      plural(inputs, "input", "inputs"));
  text += fmt::format("  hidden neurons:               {} in total, at most {} in one network\n",
                      s.hidden_neurons_total, s.hidden_neurons_max);
  text += fmt::format("  linearly separable:           {} of {} (one unit-step neuron computes them)\n\n",
                      s.separable, s.checked);
  std::string notes = options.minimize && options.cnf
                          ? "The networks are the minimized dual construction (nnsim build boolean --cnf --minimize: "
                            "a hidden neuron for each prime implicant of a minimum cover of the zeros of F, an AND on "
                            "top), "
                      : options.minimize
                          ? "The networks are the minimized construction (nnsim build boolean --minimize: a hidden "
                            "neuron for each prime implicant of a minimum cover of the ones of F, an OR on top), "
                      : options.cnf
                          ? "The networks are the dual construction (nnsim build boolean --cnf: a hidden neuron for "
                            "each input with F = 0, an AND on top), "
                          : "The networks are the lecture's construction (nnsim build boolean: a hidden neuron for "
                            "each input with F = 1, an OR on top), ";
  notes += options.full_simulation ? "each run by the simulator on every input (--full-simulation).\n"
                                   : "each evaluated exactly on every input (integer weights, layer by layer; "
                                     "--full-simulation runs the simulator instead).\n";
  notes += "Each separability answer was checked: the weights on every input, or the certificate's two convex "
           "combinations recomputed. The separable counts are the numbers of threshold functions (OEIS A000609).";
  if (s.npn_classes != 0) {
    notes += " Each function F counts through its NPN class (its inputs permuted and negated, its output negated): "
             "the network built for the class's least function G, or for NOT G, verified, proves the network "
             "built for F correct, and G's separability is F's (docs/boolean.md, section 6).";
  }
  text += wrap_text(notes, help_width) + "\n";
  if (s.verified != s.checked) {
    text += fmt::format("\nMISMATCH: {} networks do not compute their function, e.g.:\n", s.checked - s.verified);
    for (const boolean_function& f : s.failures) text += fmt::format("  nnsim build boolean {}\n", f.table());
  }
  text += fmt::format("\ntime: {:.2f} s ({})\n", seconds, plural(threads, "thread", "threads"));
  return text;
}

command add_check_boolean_command(CLI::App& check, cli_context& context) {
  auto options = std::make_shared<check_boolean_options>();
  CLI::App* sub = check.add_subcommand(
      "boolean", "Every Boolean function of n inputs: its two-layer network verified, separability decided");
  sub->add_option("--arity", options->arity, fmt::format("the number of inputs n, from 0 to {}", max_check_arity))
      ->type_name("N")
      ->required();
  sub->add_option("--threads", options->threads, "worker threads (default: one per processor)")
      ->type_name("N")
      ->check(whole_number_check(1, 256));
  sub->add_flag("--cnf", options->cnf,
                "check the dual construction instead (a hidden neuron per input with F = 0, an AND on top)");
  sub->add_flag("--minimize", options->minimize,
                "check the minimized construction instead (a hidden neuron per prime implicant of a minimum cover)");
  sub->add_flag("--full-simulation", options->full_simulation,
                "verify each network by running the simulator on every input (slower; the same answers)");
  sub->add_flag("--npn-classes", options->npn_classes,
                "check one function per NPN class and its negation, counting the class's size (always for n = 5; "
                "not with --minimize)");
  add_json_flag(*sub, options->json);
  add_shard_option(*sub, options->shard);
  sub->footer(help_footer(
      "For each of the 2^(2^n) functions F of n inputs: build the two-layer network of the lecture's proof that "
      "such networks compute every Boolean function (as nnsim build boolean does), verify it on every input, and "
      "decide exactly whether one unit-step neuron computes F (as nnsim separable does, each answer checked). "
      "Prints how many networks were verified, their hidden neurons, and how many functions are linearly "
      "separable: 2, 4, 14, 104, 1882 and 94,572 for n = 0 … 5, the numbers of threshold functions (OEIS A000609). "
      "One arity per run; n = 4 is 65,536 functions, checked one by one. n = 5 is 2^32 functions, checked through "
      "their 616,126 NPN classes (as --npn-classes does for smaller n): one function G of each class, the networks "
      "for G and NOT G, and G's separability, which prove the same for every function of the class; it takes "
      "minutes and 512 MiB. --cnf and --minimize check the other constructions of nnsim build boolean instead; "
      "--minimize only function by function (n <= 4). Exit code 1 if a network does not compute its function. Ctrl-C stops the check: "
      "the counts over the functions checked so far are reported, with exit code 130.\n"
      "With --json: {\"arity\": 3, \"functions\": 256, \"verified\": 256, \"separable\": 104, "
      "\"hidden_neurons_total\": 1016, \"hidden_neurons_max\": 7}, and \"npn_classes\" after \"functions\" when "
      "the check went by classes.",
      {
      "nnsim check boolean --arity 3",
      "nnsim check boolean --arity 4 --json",
      "nnsim check boolean --arity 4 --minimize          # the smallest two-layer networks",
      "nnsim check boolean --arity 2 --full-simulation",
      "nnsim check boolean --arity 5                     # 2^32 functions, 616,126 classes",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const unsigned arity = parse_count(options->arity, "--arity");
    boolean_check_options check;
    check.full_simulation = options->full_simulation;
    check.construction.form = options->cnf ? normal_form::cnf : normal_form::dnf;
    check.construction.minimize = options->minimize;
    check.npn_classes = options->npn_classes;
    check.threads = options->threads != 0 ? options->threads : std::max(1u, std::thread::hardware_concurrency());
    progress_display progress("check boolean", options->json);
    check.progress = [&progress](std::uint64_t done, std::uint64_t total) {
      progress.update_count(done, total, "functions");
    };
    check.classification_progress = [&progress](std::uint64_t done, std::uint64_t total) {
      progress.update_count(done, total, "functions sorted into NPN classes");
    };
    const interrupt_guard guard;
    check.stop_requested = interrupt_flag();
    const std::optional<shard> part = shard_option_value(options->shard);
    check.part = part.value_or(shard{});
    const auto start = std::chrono::steady_clock::now();
    double seconds = 0;
    const shard_merge* merging = merging_shards();
    const boolean_check_summary summary =
        merging != nullptr ? merged_summary(*merging, seconds) : check_boolean_functions(arity, check);
    if (merging == nullptr) seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    progress.clear();
    if (part) return write_shard_record(*part, shard_result(summary, seconds), summary.interrupted);
    if (options->json) {
      nlohmann::ordered_json json;
      json["arity"] = summary.arity;
      json["functions"] = summary.functions;
      if (summary.npn_classes != 0 || options->npn_classes || arity > max_check_arity_one_by_one) {
        json["npn_classes"] = summary.npn_classes;
      }
      if (summary.interrupted) {
        json["interrupted"] = true;
        json["checked"] = summary.checked;
      }
      json["verified"] = summary.verified;
      json["separable"] = summary.separable;
      json["hidden_neurons_total"] = summary.hidden_neurons_total;
      json["hidden_neurons_max"] = summary.hidden_neurons_max;
      write_output(one_line_json(json) + "\n", "");
    } else {
      write_output(human_report(summary, *options, check.threads, seconds), "");
    }
    if (summary.interrupted) return exit_interrupted;
    return summary.verified == summary.checked ? 0 : exit_mismatch;
  };
  return result;
}

}  // namespace

command add_check_command(CLI::App& app, cli_context& context) {
  CLI::App* group = app.add_subcommand("check", "Check a theorem of the lecture exhaustively");
  group->require_subcommand(1);
  group->footer(help_footer(
      "Each check builds and verifies every case of a theorem and prints a summary; the exit code is 1 when a "
      "case fails.",
      {
      "nnsim check boolean --arity 3     # all 256 functions of three inputs",
      "nnsim check machine networks/machines/palindromes.tm --words 8",
      "nnsim check oracle networks/oracle/palindromes.nn",
      "nnsim check boolean --help        # its options",
      }));
  return make_command_group(group, {
      add_check_boolean_command(*group, context),
      add_check_machine_command(*group, context),
      add_check_oracle_command(*group, context),
      add_check_approx_command(*group, context),
      add_check_universal_command(*group, context),
  });
}

}  // namespace nnsim::cli
