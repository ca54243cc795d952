// nnsim check universal: 2-tag systems and Turing machines run directly and
// through the universal network, compared level by level
// (universal_check.hpp, docs/universal.md).  Exit 1 on a disagreement.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/progress_display.hpp"
#include "cli/run_report.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/universal/tag_parser.hpp"
#include "nnsim/universal/universal_check.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>

namespace nnsim::cli {
namespace {

// The built-in set, when no system is named: Rogozhin's published example,
// and machines that halt at once (a machine that takes one step already
// makes Rogozhin's machine take 162,622,935 transitions, docs/universal.md).
constexpr const char* halting_at_once =
    "machine accept_at_once\ntape 0 1\ninput 1\nblank 0\nstart yes\naccept yes\n";
constexpr const char* rejecting_at_once =
    "machine reject_at_once\ntape 0 1\ninput 1\nblank 0\nstart no\naccept yes\nreject no\n";

tag_system rogozhin_example() {
  tag_system system;
  system.name = "rogozhin_517";
  const tag_letter a1 = system.intern_letter("a1");
  system.intern_letter("a2");
  system.productions[a1] = tag_word{a1, a1};
  return system;
}

}  // namespace

command add_check_universal_command(CLI::App& check, cli_context& context) {
  struct universal_options {
    std::string tag_file;
    std::string machine_file;
    std::vector<std::string> words;
    std::uint64_t random = 0;
    std::uint64_t seed = 1;
    bool no_network = false;
    universal_check_options check;
    bool json = false;
  };
  auto options = std::make_shared<universal_options>();
  CLI::App* sub = check.add_subcommand(
      "universal", "2-tag systems and Turing machines, run directly and through the universal network");
  auto* tag = sub->add_option("--tag", options->tag_file, "a 2-tag system (.tag file)")->type_name("FILE");
  auto* machine = sub->add_option("--machine", options->machine_file, "a Turing machine (.tm file)")->type_name("FILE");
  tag->excludes(machine);
  machine->excludes(tag);
  sub->add_option("--word", options->words, "a word to run it on (repeatable)")->type_name("W");
  auto* random_option = sub->add_option("--random", options->random, "also N random halting tag systems")->type_name("N");
  sub->add_option("--seed", options->seed, "the first random system's seed")->type_name("S")->capture_default_str();
  sub->add_flag("--no-network", options->no_network, "only the direct levels: leave out the universal network");
  sub->add_option("--max-steps", options->check.network_limits.max_steps, "the universal network's step limit")
      ->type_name("N")
      ->capture_default_str();
  sub->add_option("--max-machine-steps", options->check.max_machine_steps,
                  "the limit of Rogozhin's machine run directly")
      ->type_name("N")
      ->capture_default_str();
  sub->add_option("--max-reference-steps", options->check.max_reference_steps,
                  "the limit of the direct runs of the tag system or machine")
      ->type_name("N")
      ->capture_default_str();
  sub->add_option("--max-tape", options->check.max_tape_cells, "refuse a Rogozhin tape of more cells")
      ->type_name("N")
      ->capture_default_str();
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "Runs each case level by level: the tag system (or machine) directly; for a machine its Cocke–Minsky 2-tag "
      "system directly; Rogozhin's machine directly on the tape; the universal network exactly on δ of the tape's "
      "code. Every level must halt exactly when the direct run halts and hold the same result. A level stopped by "
      "its limit is undecided, which is no mismatch. Without --tag or --machine: Rogozhin's 517-transition "
      "example, two machines that halt at once, and --random systems (default 3). Exit code 1 on a disagreement.",
      {
          "nnsim check universal                    # the built-in set",
          "nnsim check universal --tag networks/universal/rogozhin-517.tag --word 'a1 a1 a2'",
          "nnsim check universal --random 10 --seed 7",
          "nnsim check universal --machine networks/machines/even_ones.tm --word 1 --no-network",
      }));

  command result;
  result.app = sub;
  result.execute = [options, random_option, &context]() {
    context.json_errors = options->json;
    universal_check_options check = options->check;
    check.run_network = !options->no_network;
    progress_display progress("check universal", options->json);
    const interrupt_guard guard;
    check.monitor = progress.monitor();
    std::vector<universal_case_report> reports;
    const bool named = !options->tag_file.empty() || !options->machine_file.empty();
    if (named && options->words.empty()) throw input_error("nnsim check universal needs --word W with --tag or --machine");
    if (!named && !options->words.empty()) throw input_error("--word needs --tag FILE or --machine FILE");
    std::vector<std::function<universal_case_report()>> cases;
    if (!options->tag_file.empty()) {
      auto system = std::make_shared<tag_system>(load_tag_file(options->tag_file));
      for (const std::string& w : options->words) {
        const tag_word word = parse_tag_word(*system, w);
        cases.push_back([system, word, w, &check, options]() {
          return check_universal_tag(*system, word, fmt::format("{} on {}", options->tag_file, w), check);
        });
      }
    } else if (!options->machine_file.empty()) {
      auto machine = std::make_shared<turing_machine>(load_machine_file(options->machine_file));
      for (const std::string& w : options->words) {
        cases.push_back([machine, w, &check, options]() {
          return check_universal_machine(*machine, w, fmt::format("{} on {}", options->machine_file, w.empty() ? "ε" : w),
                                         check);
        });
      }
    } else {
      cases.push_back([&check]() {
        const tag_system system = rogozhin_example();
        return check_universal_tag(system, tag_word{0, 0, 1}, "Rogozhin's example, P(a1) = a1 a1, on a1 a1 a2", check);
      });
      for (const char* text : {halting_at_once, rejecting_at_once}) {
        auto machine = std::make_shared<turing_machine>(parse_machine(text, "built-in"));
        cases.push_back([machine, &check]() {
          return check_universal_machine(*machine, "1", fmt::format("machine {} on 1", machine->name), check);
        });
      }
    }
    const std::uint64_t random = random_option->count() > 0 ? options->random : (named ? 0 : 3);
    for (std::uint64_t i = 0; i < random; ++i) {
      const std::uint64_t seed = options->seed + i;
      cases.push_back([seed, &check]() {
        const auto [system, word] = random_halting_tag_system(seed, 20, 80);
        std::string productions;
        for (std::size_t a = 0; a < system.letter_count(); ++a) {
          if (system.productions[a]) {
            productions += fmt::format("{}{} -> {}", productions.empty() ? "" : ", ", system.letters[a],
                                       system.word_text(*system.productions[a]));
          }
        }
        return check_universal_tag(system, word,
                                   fmt::format("random system {} ({}) on {}", seed, productions,
                                               system.word_text(word)),
                                   check);
      });
    }
    std::size_t mismatches = 0;
    std::size_t undecided = 0;
    std::string text;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      progress.update_count(i, cases.size(), "cases");
      reports.push_back(cases[i]());
      if (reports.back().mismatch) ++mismatches;
      for (const auto& level : reports.back().levels) {
        if (level.verdict == level_verdict::undecided) {
          ++undecided;
          break;
        }
      }
    }
    progress.clear();
    if (options->json) {
      nlohmann::ordered_json json;
      json["cases"] = nlohmann::ordered_json::array();
      for (const auto& report : reports) {
        nlohmann::ordered_json item;
        item["case"] = report.label;
        item["tape_cells"] = report.tape_cells;
        item["levels"] = nlohmann::ordered_json::array();
        for (const auto& level : report.levels) {
          item["levels"].push_back({{"level", level.name},
                                    {"verdict", std::string(name_of(level.verdict))},
                                    {"steps", level.steps},
                                    {"largest_bits", level.largest_value_bits},
                                    {"result", level.result}});
        }
        item["mismatch"] = report.mismatch;
        json["cases"].push_back(item);
      }
      json["mismatches"] = mismatches;
      json["undecided"] = undecided;
      write_output(dump_json(json, 2) + "\n", "");
    } else {
      for (const auto& report : reports) {
        text += fmt::format("{} (tape of {} cells)\n", report.label, report.tape_cells);
        for (const auto& level : report.levels) {
          text += fmt::format("  {:<22} {:<10} {}\n", level.name + ":", name_of(level.verdict), level.result);
          if (level.largest_value_bits > 0) {
            text += fmt::format("  {:<22} {:<10} largest value {}\n", "", "", plural(level.largest_value_bits, "bit", "bits"));
          }
        }
      }
      text += fmt::format("{}: {} disagreeing, {} with an undecided level\n", plural(reports.size(), "case", "cases"),
                          mismatches, undecided);
      write_output(text, "");
    }
    return mismatches == 0 ? 0 : 1;
  };
  return result;
}

}  // namespace nnsim::cli
