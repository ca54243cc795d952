// nnsim tag FILE.tag --word W: a 2-tag system (docs/tag-systems.md) run
// directly on one word -- the reference that Rogozhin's machine and the
// universal network are checked against -- with its verdict, its step count
// and its final word, and with --trace every word on the way.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/run_report.hpp"
#include "cli/text_table.hpp"
#include "nnsim/universal/tag_parser.hpp"
#include "nnsim/universal/tag_run.hpp"

#include <fmt/format.h>

#include <limits>
#include <memory>

namespace nnsim::cli {
namespace {

struct tag_command_options {
  std::string file;
  std::string word;
  tag_run_limits limits;
  bool trace = false;
  bool json = false;
};

// A word as the human-readable output shows it: ε for the empty word.
std::string shown_word(const tag_system& system, const tag_word& word) {
  return word.empty() ? std::string("ε") : system.word_text(word);
}

// "halt: halting letter e read after 5 steps", and so on for every way a
// run ends.
std::string verdict_line(const tag_system& system, const tag_run& run, const tag_run_limits& limits) {
  const std::string after = plural(run.steps, "step", "steps");
  switch (run.reason) {
    case tag_stop_reason::halting_letter:
      return fmt::format("halt: the word starts with the halting letter {} after {}",
                         system.letters[run.final_word.front()], after);
    case tag_stop_reason::too_short:
      return fmt::format("halt: the word has fewer than 2 letters after {}", after);
    case tag_stop_reason::repeated_word:
      return fmt::format("runs forever: the word at step {} repeats with period {}, found after {}", run.cycle_start,
                         run.cycle_period, after);
    case tag_stop_reason::step_limit:
      return fmt::format("undecided: still running after {} (the --max-steps limit)", after);
    case tag_stop_reason::length_limit:
      return fmt::format("undecided: after {} the next word would be longer than {} (the --max-length limit)",
                         after, plural(limits.max_length, "letter", "letters"));
  }
  return {};
}

// The result object of `tag --json` (without the trace).
nlohmann::ordered_json result_json(const tag_system& system, const tag_word& word, const tag_run& run) {
  nlohmann::ordered_json json;
  json["system"] = system.name;
  json["word"] = system.word_text(word);
  json["verdict"] = std::string(name_of(run.outcome));
  json["reason"] = std::string(name_of(run.reason));
  json["steps"] = run.steps;
  json["final_word"] = system.word_text(run.final_word);
  json["length"] = run.final_word.size();
  json["longest"] = run.longest_word;
  if (run.outcome == tag_outcome::runs_forever) {
    json["cycle"] = {{"start", run.cycle_start}, {"period", run.cycle_period}};
  }
  return json;
}

}  // namespace

command add_tag_command(CLI::App& app, cli_context& context) {
  auto options = std::make_shared<tag_command_options>();
  CLI::App* sub = app.add_subcommand("tag", "Run a 2-tag system directly on one word");
  sub->add_option("FILE", options->file, "the tag system (.tag); - reads standard input")->required()->type_name("");
  sub->add_option("--word", options->word,
                  "the initial word: letters separated by spaces, or written together when every letter is one "
                  "character; \"\" is the empty word")
      ->required()
      ->type_name("W");
  add_max_steps_option(*sub, options->limits.max_steps)
      ->description("take at most N steps; a system still running then, without a repeated word, is undecided");
  sub->add_option("--max-length", options->limits.max_length,
                  "stop, undecided, before a step that would make the word longer than N letters")
      ->type_name("N")
      ->capture_default_str()
      ->check(whole_number_check(1, std::numeric_limits<std::uint64_t>::max()));
  sub->add_flag("--trace", options->trace, "print every word, one per line, with its step");
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "A step reads the first letter of the word, deletes the first two letters and appends the first "
      "letter's production. The verdict is one of:\n"
      "  halt          the word starts with a halting letter, or has fewer than 2 letters\n"
      "  runs forever  a word repeated, so the system never halts\n"
      "  undecided     none of these within --max-steps steps and --max-length letters\n"
      "The exit code is 0 for all three.",
      {
          "nnsim tag networks/universal/collatz.tag --word aaa          # De Mol's Collatz system",
          "nnsim tag networks/universal/rogozhin-517.tag --word 'a1 a1 a2' --trace",
          "nnsim tag networks/universal/rogozhin-124767.tag --word 'a2 a1 a1' --json",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const tag_system system = load_tag_file(options->file);
    const tag_word word = parse_tag_word(system, options->word);
    // The first run finds the step count, so that the trace's step column
    // can be aligned while it streams.
    const tag_run run = run_tag_system(system, word, options->limits);

    if (options->trace && options->json) {
      // The words are written as the second run makes them: a long trace is
      // never held in memory.
      write_json_with_array(
          result_json(system, word, run), "trace",
          [&](const json_item_sink& write) {
            run_tag_system(system, word, options->limits, [&](std::uint64_t t, const tag_word& seen) {
              nlohmann::ordered_json step;
              step["step"] = t;
              step["word"] = system.word_text(seen);
              write(step);
            });
          },
          nlohmann::ordered_json::object());
      return 0;
    }
    if (options->json) {
      write_output(dump_json(result_json(system, word, run), 2) + "\n", "");
      return 0;
    }
    write_output(fmt::format("tag system: {}, word {}\n", system.name.empty() ? system.source_name : system.name,
                             shown_word(system, word)),
                 "");
    if (options->trace) {
      const std::size_t width = fmt::formatted_size("{}", run.steps);
      run_tag_system(system, word, options->limits, [&](std::uint64_t t, const tag_word& seen) {
        write_output(fmt::format("  {}  {}\n", pad_left(fmt::format("{}", t), width), shown_word(system, seen)), "");
      });
    }
    std::string text = verdict_line(system, run, options->limits) + "\n";
    text += fmt::format("steps: {}\n", run.steps);
    text += fmt::format("final word: {}\n", shown_word(system, run.final_word));
    write_output(text, "");
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
