// nnsim check machine FILE.tm --words N: compile the machine
// (machine_compiler.hpp) and compare the network with the machine run
// directly on every word of length 0..N (machine_check.hpp).  Exit 1 on a
// mismatch.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/progress_display.hpp"
#include "cli/run_report.hpp"
#include "cli/shard_job.hpp"
#include "nnsim/languages/machine_check.hpp"
#include "nnsim/languages/machine_code.hpp"
#include "nnsim/languages/machine_parser.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>

namespace nnsim::cli {

namespace {

// The machine's and the network's sizes and the words checked, as both the
// JSON report and a shard's result give them.
nlohmann::ordered_json size_members(const machine_check_report& report) {
  nlohmann::ordered_json json;
  json["states"] = report.states;
  json["symbols"] = report.symbols;
  json["neurons"] = report.neurons;
  json["edges"] = report.edges;
  json["words"] = report.words;
  json["max_length"] = report.max_length;
  return json;
}

// A shard's result (shard_job.hpp): the report's numbers over its words and
// its mismatched words with their numbers.
nlohmann::ordered_json shard_result(const machine_check_report& report) {
  const recognition_report& r = report.recognition;
  nlohmann::ordered_json json = size_members(report);
  json.update(recognition_counts(r));
  json["items"] = nlohmann::ordered_json::array();
  for (std::size_t m = 0; m < r.words.size(); ++m) {
    const recognized_word& w = r.words[m];
    json["items"].push_back({report.mismatched_items[m],
                             {{"word", w.result.word},
                              {"verdict", std::string(name_of(w.result.verdict))},
                              {"expected", std::string(name_of(w.expected))}}});
  }
  return json;
}

// The report of the whole job from its shards' results.
machine_check_report merged_report(const shard_merge& merge) {
  const nlohmann::ordered_json& first = merge.results.front();
  machine_check_report report;
  report.states = first.at("states").get<std::size_t>();
  report.symbols = first.at("symbols").get<std::size_t>();
  report.neurons = first.at("neurons").get<std::size_t>();
  report.edges = first.at("edges").get<std::size_t>();
  report.words = first.at("words").get<std::uint64_t>();
  report.max_length = first.at("max_length").get<std::size_t>();
  recognition_report& r = report.recognition;
  r = merged_recognition_counts(merge);
  for (const auto& [item, w] : merged_items(merge)) {
    recognized_word entry;
    entry.result.word = w.at("word").get<std::string>();
    entry.result.verdict = value_named(w.at("verdict").get<std::string>(), word_verdicts);
    entry.expected = value_named(w.at("expected").get<std::string>(), expected_verdicts);
    entry.mismatch = true;
    r.words.push_back(std::move(entry));
    report.mismatched_items.push_back(item);
  }
  return report;
}

}  // namespace

command add_check_machine_command(CLI::App& check, cli_context& context) {
  struct machine_check_options {
    std::string file;
    std::size_t words = 8;
    std::uint64_t max_steps = run_limits{}.max_steps;
    std::size_t max_bits = run_limits{}.max_bits;
    std::size_t max_memory = run_limits{}.max_memory;
    std::string shard;
    bool json = false;
  };
  auto options = std::make_shared<machine_check_options>();
  CLI::App* sub = check.add_subcommand(
      "machine", "A Turing machine compiled into a network, compared with the machine on every short word");
  add_file_argument(*sub, options->file)->description("the machine (.tm file); - reads standard input");
  sub->add_option("--words", options->words, "check every word of length 0 .. N (for a machine with an input statement: every tape word over its input symbols)")
      ->type_name("N")
      ->capture_default_str()
      ->check(whole_number_check(0, max_enumerated_length));
  add_max_steps_option(*sub, options->max_steps);
  add_max_bits_option(*sub, options->max_bits);
  add_max_memory_option(*sub, options->max_memory);
  add_json_flag(*sub, options->json);
  add_shard_option(*sub, options->shard);
  sub->footer(help_footer(
      "Compiles the machine as nnsim build machine does, runs the network exactly on δ(ω) for every word ω of "
      "length at most N, and compares each verdict with the machine run directly (the same step limit for both). "
      "Prints the network's size, the verdict counts, the mismatches, and the most steps and the largest value "
      "(in bits) a decision needed. Exit code 1 on a mismatch; an undecided word is counted, not a mismatch. "
      "Ctrl-C stops the check: the counts over the words classified so far are reported, with exit code 130.",
      {
      "nnsim check machine networks/machines/palindromes.tm --words 8",
      "nnsim check machine networks/machines/zeros_then_ones.tm --words 10 --json",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const turing_machine machine = load_machine_file(options->file);
    recognition_options run;
    run.limits.max_steps = options->max_steps;
    run.limits.max_bits = options->max_bits;
    run.limits.max_memory = options->max_memory;
    limit_number_memory_growth(options->max_memory);
    const std::optional<shard> part = shard_option_value(options->shard);
    progress_display progress("check machine", options->json);
    const interrupt_guard guard;
    run.monitor = progress.monitor();
    const machine_check_report report =
        merging_shards() != nullptr ? merged_report(*merging_shards())
                        : check_compiled_machine(
                              machine, options->words, run,
                              [&](std::uint64_t done, std::uint64_t total) {
                                progress.update_count(done, total, "words");
                              },
                              part.value_or(shard{}));
    if (part) {
      return write_shard_record(*part, shard_result(report), report.recognition.interrupted);
    }
    const recognition_report& r = report.recognition;
    if (options->json) {
      nlohmann::ordered_json json;
      json["machine"] = machine.name;
      json.update(size_members(report));
      if (r.interrupted) {
        json["interrupted"] = true;
        json["classified"] = r.classified;
      }
      json["accept"] = r.accepted;
      json["reject"] = r.rejected;
      json["reject-diverges"] = r.rejected_diverging;
      json["undecided"] = r.undecided;
      json["mismatches"] = r.mismatches;
      json["largest_steps"] = r.largest_steps;
      json["largest_bits"] = r.largest_value_bits;
      write_output(dump_json(json, 2) + "\n", "");
    } else {
      std::string text = fmt::format("machine {}: {} states, {} tape symbols\n", machine.name, report.states,
                                     report.symbols);
      text += fmt::format("network: {} neurons, {} edges (sat, rational weights, parallel rule)\n", report.neurons,
                          report.edges);
      const machine_code code(machine);
      if (code.is_plain()) {
        text += fmt::format("words of length 0..{}: {}\n", report.max_length, report.words);
      } else {
        text += fmt::format("tape words of length 0..{} over {} (block code, {} a symbol): {}\n", report.max_length,
                            fmt::join(code.symbols(), " "), plural(code.width(), "bit", "bits"), report.words);
      }
      if (r.interrupted) {
        text += fmt::format("  interrupted: {} of {} words classified (Ctrl-C); the counts are over these\n",
                            r.classified, report.words);
      }
      text += fmt::format("  network: {} accept, {} reject, {} reject (diverges), {} undecided\n", r.accepted,
                          r.rejected, r.rejected_diverging, r.undecided);
      text += fmt::format("  mismatches with the machine run directly: {}\n", r.mismatches);
      for (const auto& w : r.words) {  // the mismatched words
        const std::string shown = code.is_plain() ? w.result.word
                                                  : fmt::format("{} (code {})", code.decode(w.result.word), w.result.word);
        text += fmt::format("    {}: network {}, machine {}\n", w.result.word.empty() ? "ε" : shown,
                            name_of(w.result.verdict), name_of(w.expected));
      }
      text += fmt::format("  largest: {} to decide, {} in one value\n",
                          plural(r.largest_steps, "step", "steps"), plural(r.largest_value_bits, "bit", "bits"));
      write_output(text, "");
    }
    if (r.interrupted) return exit_interrupted;
    return r.mismatches == 0 ? 0 : 1;
  };
  return result;
}

}  // namespace nnsim::cli
