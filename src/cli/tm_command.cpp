// nnsim tm FILE.tm WORD: a Turing machine (semantics.md, section 7) run
// directly on one word -- the reference that `recognize --expect-machine`
// and the compiled networks are checked against -- with its verdict, its
// step count and its final configuration, and with --trace every
// configuration on the way.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/run_report.hpp"
#include "cli/text_table.hpp"
#include "nnsim/languages/machine_code.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/languages/turing_machine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace nnsim::cli {
namespace {

struct tm_command_options {
  std::string file;
  std::string word;
  std::uint64_t max_steps = run_limits{}.max_steps;
  bool trace = false;
  bool json = false;
};

// The configuration with the head's cell among the listed ones: run_machine
// lists the cells it has read or written, and a head that has just moved
// onto a fresh cell stands outside them until the next step reads it.
machine_configuration with_head_cell(const turing_machine& machine, machine_configuration c) {
  const char blank = machine.symbols[machine.blank];
  if (c.head < c.first_cell) {
    c.tape.insert(0, static_cast<std::size_t>(c.first_cell - c.head), blank);
    c.first_cell = c.head;
  }
  const auto end = c.first_cell + static_cast<std::int64_t>(c.tape.size());
  if (c.head >= end) c.tape.append(static_cast<std::size_t>(c.head - end + 1), blank);
  return c;
}

// The symbol under the head of a configuration from with_head_cell.
char head_symbol(const machine_configuration& c) {
  return c.tape.at(static_cast<std::size_t>(c.head - c.first_cell));
}

// "q1  X 0 [1] _": the state (padded to `state_width`, so that the tapes of
// a trace start in one column), then the cells with the head's in brackets.
std::string configuration_text(const turing_machine& machine, const machine_configuration& c,
                               std::size_t state_width = 0) {
  std::string text = pad_right(machine.states[c.state], state_width) + " ";
  for (std::size_t i = 0; i < c.tape.size(); ++i) {
    const bool here = c.first_cell + static_cast<std::int64_t>(i) == c.head;
    text += here ? fmt::format(" [{}]", c.tape[i]) : fmt::format(" {}", c.tape[i]);
  }
  return text;
}

// "accept: halted in accepting state yes after 27 steps", and so on for
// every outcome of run_machine.
std::string verdict_line(const turing_machine& machine, const machine_run& run) {
  const machine_configuration last = with_head_cell(machine, run.final_configuration);
  const std::string& state = machine.states[last.state];
  const std::string after = plural(run.steps, "step", "steps");
  switch (run.outcome) {
    case machine_outcome::accepted:
      return fmt::format("accept: halted in accepting state {} after {}", state, after);
    case machine_outcome::rejected:
      if (run.halted_without_transition) {
        return fmt::format("reject: no transition for ({}, {}) after {}", state, head_symbol(last), after);
      }
      return fmt::format("reject: halted in rejecting state {} after {}", state, after);
    case machine_outcome::runs_forever:
      return fmt::format(
          "runs forever: the configuration at step {} repeats with period {} (seen from the head), found after {}",
          run.cycle_start, run.cycle_period, after);
    case machine_outcome::undecided:
      return fmt::format("undecided: still running after {} (the --max-steps limit)", after);
  }
  return {};
}

// Why the run ended, for JSON.
std::string_view reason_of(const machine_run& run) {
  switch (run.outcome) {
    case machine_outcome::accepted: return "accepting-state";
    case machine_outcome::rejected:
      return run.halted_without_transition ? "no-transition" : "rejecting-state";
    case machine_outcome::runs_forever: return "repeated-configuration";
    case machine_outcome::undecided: return "step-limit";
  }
  return "?";
}

// Adds the configuration's fields to `json`: the state, the visited cells,
// the head's cell index (the word starts at cell 0), the index of the first
// visited cell and the symbol under the head.
void add_configuration(nlohmann::ordered_json& json, const turing_machine& machine, const machine_configuration& c) {
  json["state"] = machine.states[c.state];
  json["tape"] = c.tape;
  json["head"] = c.head;
  json["first_cell"] = c.first_cell;
  json["symbol"] = std::string(1, head_symbol(c));
}

// The result object of `tm --json` (without the trace).
nlohmann::ordered_json result_json(const turing_machine& machine, const std::string& word, const machine_run& run,
                                   const machine_configuration& last) {
  nlohmann::ordered_json json;
  json["machine"] = machine.name;
  json["word"] = word;
  json["verdict"] = std::string(name_of(run.outcome));
  json["reason"] = std::string(reason_of(run));
  json["steps"] = run.steps;
  add_configuration(json, machine, last);
  if (run.outcome == machine_outcome::runs_forever) {
    json["cycle"] = {{"start", run.cycle_start}, {"period", run.cycle_period}};
  }
  return json;
}

}  // namespace

command add_tm_command(CLI::App& app, cli_context& context) {
  auto options = std::make_shared<tm_command_options>();
  CLI::App* sub = app.add_subcommand("tm", "Run a Turing machine directly on one word");
  sub->add_option("FILE", options->file, "the machine file (.tm); - reads standard input")->required()->type_name("");
  sub->add_option("WORD", options->word, "the input word over 0 and 1 (or over the machine's input symbols); \"\" is the empty word ε")
      ->required()
      ->type_name("");
  add_max_steps_option(*sub, options->max_steps)
      ->description("apply at most N transitions; a machine still running then, without a repeated "
                    "configuration, is undecided");
  sub->add_flag("--trace", options->trace,
                "print every configuration, one per line: the step, the state and the tape with the head's cell "
                "in brackets");
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "The machine starts in its start state with the head on the first symbol of the word, on an otherwise "
      "blank tape. The verdict is one of:\n"
      "  accept        it halted in an accepting state\n"
      "  reject        it halted in a rejecting state, or no transition applied\n"
      "  runs forever  a configuration (seen from the head) repeated, so it never halts\n"
      "  undecided     none of these within --max-steps transitions\n"
      "The exit code is 0 for all four. A configuration reads `q1  X 0 [1] _`: the state, then the visited "
      "cells with the head's cell in brackets.",
      {
          "nnsim tm networks/machines/palindromes.tm 0110            # accept",
          "nnsim tm networks/machines/zeros_then_ones.tm 0011 --trace # every configuration",
          "nnsim tm networks/machines/even_ones.tm \"\" --json           # the empty word, as JSON",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const turing_machine machine = load_machine_file(options->file);
    machine_code(machine).encode(options->word);  // the word's check, worded as for every other command
    // The first run checks the word and finds the step count, so that the
    // trace's step column can be aligned while it streams.
    const machine_run run = run_machine(machine, options->word, options->max_steps);
    const machine_configuration last = with_head_cell(machine, run.final_configuration);

    if (!options->json) {
      write_output(fmt::format("machine: {}, word {}\n", machine.name.empty() ? machine.source_name : machine.name,
                               options->word.empty() ? "ε" : options->word),
                   "");
    }
    if (options->trace && options->json) {
      // The configurations are written as the second run makes them: a
      // trace of many steps over a long tape is never held in memory.
      write_json_with_array(
          result_json(machine, options->word, run, last), "trace",
          [&](const json_item_sink& write) {
            run_machine(machine, options->word, options->max_steps,
                        [&](std::uint64_t t, const machine_configuration& seen) {
                          nlohmann::ordered_json step;
                          step["step"] = t;
                          add_configuration(step, machine, with_head_cell(machine, seen));
                          write(step);
                        });
          },
          nlohmann::ordered_json::object());
      return 0;
    }
    if (options->trace) {
      const std::size_t width = fmt::formatted_size("{}", run.steps);
      std::size_t state_width = 0;
      for (const std::string& state : machine.states) state_width = std::max(state_width, display_width(state));
      run_machine(machine, options->word, options->max_steps,
                  [&](std::uint64_t t, const machine_configuration& seen) {
                    const machine_configuration c = with_head_cell(machine, seen);
                    write_output(fmt::format("  {}  {}\n", pad_left(fmt::format("{}", t), width),
                                             configuration_text(machine, c, state_width)),
                                 "");
                  });
    }

    if (options->json) {
      write_output(dump_json(result_json(machine, options->word, run, last), 2) + "\n", "");
      return 0;
    }
    std::string text = verdict_line(machine, run) + "\n";
    text += fmt::format("steps: {}\n", run.steps);
    text += fmt::format("final configuration: {}\n", configuration_text(machine, last));
    write_output(text, "");
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
