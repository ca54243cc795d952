// nnsim step FILE: an interactive stepper over one computation
// (docs/stepping.md).  The stepping itself -- the lazy computation, the
// steps kept for going back, the breakpoints -- is the library's
// computation_stepper; this file reads the commands, one per line, and
// prints what they show.
//
// On a terminal it prompts, and a bad command is an error message after
// which the session goes on.  Otherwise (commands from a pipe or a file) it
// echoes each command after the prompt, so that the transcript reads like a
// session, and a bad command ends it as a located error
// `<stdin>:LINE:COL: error: ...` with exit code 2.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/run_report.hpp"
#include "cli/text_table.hpp"
#include "nnsim/io/line_reader.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"
#include "nnsim/viewing/computation_stepper.hpp"
#include "support/spelling_suggestion.hpp"
#include "support/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim::cli {
namespace {

constexpr std::string_view prompt = "(step) ";

struct step_command_options {
  std::string file;
  run_options run;
};

const char* help_text =
    "Moving (the screen after a move shows t, what the step into y(t) updated, the watched neurons and, at the\n"
    "last state, the verdict):\n"
    "  next [K]        K steps forward (default 1); also n, or an empty line\n"
    "  prev [K]        K steps back (default 1); also p, back\n"
    "  goto T          to the state y(T)\n"
    "  start           to y(0)\n"
    "  end             forward to the last state: the verdict, or where a limit stops the computation\n"
    "  continue        forward until a breakpoint holds in the state reached, or the end; also c\n"
    "Breakpoints (looked at by continue only, in each new state y(t), t > the current time):\n"
    "  break step T              at y(T)\n"
    "  break NAME OP VALUE       where NAME's value OP VALUE, compared exactly; OP is one of > >= < <= == !=\n"
    "                            and VALUE a number as in a network file (1/2, -3, 0.25, 1e-3)\n"
    "  break changed NAME        at the first state whose step changed NAME's value\n"
    "  breaks                    list them, numbered\n"
    "  delete [N]                delete breakpoint N, or all of them\n"
    "Looking:\n"
    "  watch NAME...   show these neurons after every move (at first: the output neurons); watch alone lists them\n"
    "  unwatch NAME... stop showing them\n"
    "  changed         the neurons the last step changed, old → new\n"
    "  print NAME...   exact values\n"
    "  state           every neuron's value\n"
    "  help            this text\n"
    "  quit            leave (also q, or the end of the input)\n"
    "A line that starts with # is a comment.\n";

// A bad command: the message and the 1-based column it is about.
struct command_error {
  std::string message;
  std::size_t column = 1;
};

// A word of a command line and where it starts (0-based).
struct word {
  std::string_view text;
  std::size_t offset = 0;
};

std::vector<word> split_words(std::string_view line) {
  std::vector<word> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i == line.size()) break;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    words.push_back({line.substr(start, i - start), start});
  }
  return words;
}

std::uint64_t whole_number(const word& w) {
  std::uint64_t value = 0;
  const auto* end = w.text.data() + w.text.size();
  const auto [stop, error] = std::from_chars(w.text.data(), end, value);
  if (w.text.empty() || stop != end || error != std::errc{} ||
      !std::all_of(w.text.begin(), w.text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const bool digits = !w.text.empty() && std::all_of(w.text.begin(), w.text.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
    throw command_error{digits ? fmt::format("{} is too large", w.text)
                               : fmt::format("'{}' is not a whole number", escape_for_terminal(w.text)),
                        w.offset + 1};
  }
  return value;
}

class step_session {
 public:
  step_session(const network& net, run_request request, const run_options& options, bool terminal)
      : net_(net), terminal_(terminal), stepper_(net, request), memory_limit_(request.limits.max_memory) {
    for (const neuron& n : net_.neurons) names_.push_back(n.name);
    watched_ = net_.outputs;
    std::string text = input_line(net_, request, options) + "\n";
    text += fmt::format("rule: {}\n", describe_rule(net_, request.rule.value_or(net_.rule)));
    if (!request.numbers.exact()) text += fmt::format("numbers: {}\n", describe_numbers(request.numbers));
    if (terminal_) text += "Type help for the commands.\n";
    // A move of no steps looks one state ahead, as every move does: whether
    // y(0) is already the last state (a fixed point, --max-steps 0) is then
    // known for the first screen.
    stepper_.forward(0);
    show(text + screen());
  }

  // Reads and does the commands until quit or the end of the input.
  int run() {
    line_reader input("-");
    std::string line;
    while (true) {
      if (terminal_) show(std::string(prompt));
      if (!input.next(line)) {
        if (terminal_) show("\n");
        break;
      }
      const std::size_t skipped = input.line_number() == 1 ? input.bom_length() : 0;
      const std::string_view command = std::string_view(line).substr(skipped);
      if (!terminal_) show(fmt::format("{}{}\n", prompt, escape_for_terminal(command)));
      try {
        if (!execute(command)) break;
      } catch (const command_error& e) {
        if (terminal_) {
          show(fmt::format("error: {}\n", e.message));
          continue;
        }
        finish_output();
        throw input_error(e.message, input.source_name(),
                          text_location{input.line_number(), static_cast<std::uint32_t>(e.column + skipped)}, line);
      }
    }
    return !terminal_ && limit_reached_ ? exit_limit : 0;
  }

 private:
  // Writes `text` and hands it to the reader at once.
  static void show(std::string_view text) {
    write_standard_output(text);
    finish_output();
  }

  // False for quit.
  bool execute(std::string_view line) {
    const std::vector<word> words = split_words(line);
    if (words.empty()) return move([&](const std::atomic<bool>* stop) { return stepper_.forward(1, stop); });
    const std::string_view name = words[0].text;
    if (name.starts_with('#')) return true;
    const auto count_argument = [&](std::uint64_t fallback) {
      if (words.size() > 2) throw command_error{fmt::format("{} takes at most one number", name), words[2].offset + 1};
      return words.size() == 2 ? whole_number(words[1]) : fallback;
    };
    const auto no_arguments = [&] {
      if (words.size() > 1) throw command_error{fmt::format("{} takes no arguments", name), words[1].offset + 1};
    };
    if (name == "next" || name == "n") {
      const std::uint64_t k = count_argument(1);
      return move([&](const std::atomic<bool>* stop) { return stepper_.forward(k, stop); });
    }
    if (name == "prev" || name == "p" || name == "back") {
      const std::uint64_t k = count_argument(1);
      return move([&](const std::atomic<bool>* stop) { return stepper_.back(k, stop); });
    }
    if (name == "goto") {
      if (words.size() != 2) {
        throw command_error{"goto needs one time T", (words.size() > 2 ? words[2].offset : line.size()) + 1};
      }
      const std::uint64_t t = whole_number(words[1]);
      return move([&](const std::atomic<bool>* stop) { return stepper_.go_to(t, stop); });
    }
    if (name == "start") {
      no_arguments();
      return move([&](const std::atomic<bool>* stop) { return stepper_.go_to(0, stop); });
    }
    if (name == "end") {
      no_arguments();
      return move([&](const std::atomic<bool>* stop) { return stepper_.to_end(stop); }, true);
    }
    if (name == "continue" || name == "c") {
      no_arguments();
      return move([&](const std::atomic<bool>* stop) { return stepper_.run_to_breakpoint(stop); }, true);
    }
    if (name == "break") {
      add_breakpoint(line, words);
    } else if (name == "breaks") {
      no_arguments();
      list_breakpoints();
    } else if (name == "delete") {
      if (words.size() > 2) throw command_error{"delete takes at most one number", words[2].offset + 1};
      if (words.size() == 1) {
        stepper_.delete_breakpoints();
        show("deleted every breakpoint\n");
      } else {
        const std::uint64_t n = whole_number(words[1]);
        if (n > static_cast<std::uint64_t>(std::numeric_limits<int>::max()) ||
            !stepper_.delete_breakpoint(static_cast<int>(n))) {
          throw command_error{fmt::format("there is no breakpoint {} (breaks lists them)", words[1].text),
                              words[1].offset + 1};
        }
        show(fmt::format("deleted breakpoint {}\n", n));
      }
    } else if (name == "watch") {
      for (std::size_t i = 1; i < words.size(); ++i) {
        const neuron_id id = neuron_named(words[i]);
        if (std::find(watched_.begin(), watched_.end(), id) == watched_.end()) watched_.push_back(id);
      }
      show_watched();
    } else if (name == "unwatch") {
      if (words.size() == 1) throw command_error{"unwatch needs the names of watched neurons", line.size() + 1};
      for (std::size_t i = 1; i < words.size(); ++i) {
        const neuron_id id = neuron_named(words[i]);
        const auto found = std::find(watched_.begin(), watched_.end(), id);
        if (found == watched_.end()) {
          throw command_error{fmt::format("'{}' is not watched", words[i].text), words[i].offset + 1};
        }
        watched_.erase(found);
      }
      show_watched();
    } else if (name == "changed") {
      no_arguments();
      show_changes();
    } else if (name == "print") {
      if (words.size() == 1) throw command_error{"print needs neuron names", line.size() + 1};
      std::vector<neuron_id> ids;
      for (std::size_t i = 1; i < words.size(); ++i) ids.push_back(neuron_named(words[i]));
      show(values_table(ids, ""));
    } else if (name == "state") {
      no_arguments();
      show(fmt::format("state y({}):\n", stepper_.time()) + values_table(display_order(net_), "  "));
    } else if (name == "help") {
      no_arguments();
      show(help_text);
    } else if (name == "quit" || name == "q") {
      no_arguments();
      return false;
    } else {
      static constexpr std::string_view commands[] = {"next",  "prev",   "back",    "goto",    "start", "end",
                                                      "continue", "break", "breaks", "delete", "watch",
                                                      "unwatch", "changed", "print", "state", "help", "quit"};
      throw command_error{fmt::format("unknown command '{}'{}", escape_for_terminal(name),
                                      did_you_mean(name, commands).empty()
                                          ? std::string(" (help lists the commands)")
                                          : did_you_mean(name, commands)),
                          words[0].offset + 1};
    }
    return true;
  }

  // A move, with Ctrl-C on a terminal stopping a long one at the state it
  // reached (cli.md, "Progress and Ctrl-C"); then the screen.
  template <class Move>
  bool move(const Move& how, bool to_a_stop = false) {
    const std::uint64_t before = stepper_.time();
    move_outcome outcome;
    if (terminal_) {
      clear_interrupt_request();
      const interrupt_guard guard;
      outcome = how(interrupt_flag());
    } else {
      outcome = how(nullptr);
    }
    clear_interrupt_request();
    std::string text;
    if (outcome.recomputed) {
      text += "(the steps back there were no longer kept: the states were computed again from y(0))\n";
    }
    switch (outcome.why) {
      case move_outcome::reason::at_start:
        if (before == 0) text += "already at y(0)\n";
        break;
      case move_outcome::reason::ended:
        if (!to_a_stop && stepper_.time() == before) text += fmt::format("the last state is y({})\n", before);
        break;
      case move_outcome::reason::limit:
        if (stepper_.time() == before) text += fmt::format("the computation cannot go past y({})\n", before);
        break;
      case move_outcome::reason::interrupted:
        // After the ^C the terminal echoed.
        text += fmt::format("\ninterrupted at t = {}\n", stepper_.time());
        break;
      case move_outcome::reason::breakpoint:
        for (int number : outcome.triggered) {
          text += fmt::format("breakpoint {}: {}\n", number, describe(breakpoint_numbered(number)));
        }
        for (int number : outcome.undecided) {
          const breakpoint& b = breakpoint_numbered(number);
          text += fmt::format("breakpoint {}: {} is not decided: {} = {} holds numbers on both sides\n", number,
                              describe(b), net_.name_of(b.neuron), stepper_.state().text(index(b.neuron)));
        }
        break;
      case move_outcome::reason::reached:
        break;
    }
    if (outcome.forgot) {
      text += fmt::format(
          "note: the steps before y({}) are no longer kept, to stay within the memory limit of {} bytes; going "
          "back there computes the states again from y(0) (raise --max-memory to keep more)\n",
          stepper_.oldest_kept(), memory_limit_);
    }
    show(text + screen());
    return true;
  }

  // t, what the step into y(t) updated, the watched neurons, and at the last
  // state the verdict as run prints it, or what stopped the computation.
  std::string screen() {
    const std::uint64_t t = stepper_.time();
    std::string text = fmt::format("t = {}", t);
    if (t > 0) {
      if (const std::optional<step_record> step = stepper_.last_step()) {
        text += "  updated: " + updated_text(*step);
      }
    }
    text += "\n" + values_table(watched_, "  ");
    if (stepper_.at_end()) {
      if (const std::optional<run_result>& result = stepper_.result()) {
        text += status_line(*result) + "\n" + output_line(net_, *result) + "\n";
        if (!result->numbers.exact()) text += fmt::format("numbers: {}\n", describe_numbers(*result));
      } else {
        limit_reached_ = true;
        text += fmt::format("stopped: {}\n", stepper_.stop_message());
      }
    }
    return text;
  }

  // "all" (every neuron with an equation, as trace says), "none" or names.
  std::string updated_text(const step_record& step) const {
    if (step.all_selected) return net_.updatable().size() > 1 ? "all" : neuron_names(net_, net_.updatable());
    if (step.selected.empty()) return "none";
    std::vector<neuron_id> ids;
    for (std::uint32_t i : step.selected) ids.push_back(make_neuron_id(i));
    return neuron_names(net_, ids);
  }

  // "name = value" lines, aligned.
  std::string values_table(const std::vector<neuron_id>& ids, std::string indent) const {
    text_table table({{align::left, std::move(indent)}, {align::left, " = "}});
    const state_view state = stepper_.state();
    for (neuron_id id : ids) table.add_row({net_.name_of(id), state.text(index(id))});
    return table.text();
  }

  void show_watched() const {
    show(watched_.empty() ? std::string("watching nothing\n")
                          : fmt::format("watching {}\n", neuron_names(net_, watched_)));
  }

  void show_changes() const {
    const std::uint64_t t = stepper_.time();
    if (t == 0) {
      show("y(0) is the initial state: no step made it\n");
      return;
    }
    const std::optional<step_record> step = stepper_.last_step();
    if (!step) {
      show(fmt::format("the step into y({}) is no longer kept (memory)\n", t));
      return;
    }
    if (step->changed.empty()) {
      show(fmt::format("y({}) → y({}): nothing changed\n", t - 1, t));
      return;
    }
    text_table table({{align::left, "  "}, {align::left, " "}, {align::left, " → "}});
    for (std::size_t k = 0; k < step->changed.size(); ++k) {
      table.add_row({net_.name_of(make_neuron_id(step->changed[k])) + ":", step->old_values.text(k),
                     step->new_values.text(k)});
    }
    show(fmt::format("y({}) → y({}): {} changed\n", t - 1, t, plural(step->changed.size(), "neuron", "neurons")) +
         table.text());
  }

  neuron_id neuron_named(const word& w) const {
    if (const std::optional<neuron_id> id = net_.find(w.text)) return *id;
    throw command_error{
        fmt::format("unknown neuron '{}'{}", escape_for_terminal(w.text), did_you_mean(w.text, names_)),
        w.offset + 1};
  }

  // break step T | break changed NAME | break NAME OP VALUE (spaces around
  // OP optional).
  void add_breakpoint(std::string_view line, const std::vector<word>& words) {
    if (words.size() == 1) {
      throw command_error{"break needs a condition: step T, changed NAME or NAME OP VALUE", line.size() + 1};
    }
    // `changed` may also name a neuron: the keyword forms are the ones with
    // three words and no comparison (`break changed >1` compares).
    const bool keyword_form =
        words.size() == 3 && words[2].text.find_first_of("<>=!") == std::string_view::npos;
    breakpoint b;
    if (words[1].text == "step" && keyword_form) {
      b = breakpoint::at_step(whole_number(words[2]));
    } else if (words[1].text == "changed" && keyword_form) {
      b = breakpoint::on_change(neuron_named(words[2]));
    } else {
      const std::size_t start = words[1].offset;
      const std::size_t op_start = line.find_first_of("<>=!", start);
      if (op_start == std::string_view::npos) {
        throw command_error{"break needs a condition: step T, changed NAME or NAME OP VALUE", start + 1};
      }
      std::size_t op_end = op_start;
      while (op_end < line.size() && std::string_view("<>=!").find(line[op_end]) != std::string_view::npos) ++op_end;
      const std::string_view symbol = line.substr(op_start, op_end - op_start);
      const std::optional<comparison> relation = parse_comparison(symbol);
      if (!relation) {
        throw command_error{fmt::format("unknown comparison '{}': use >, >=, <, <=, == or !=", symbol), op_start + 1};
      }
      const std::vector<word> left = split_words(line.substr(start, op_start - start));
      if (left.size() != 1) throw command_error{"break needs one neuron name before the comparison", start + 1};
      const neuron_id id = neuron_named({left[0].text, start + left[0].offset});
      const std::vector<word> right = split_words(line.substr(op_end));
      if (right.size() != 1) {
        throw command_error{"break needs one number after the comparison",
                            (right.size() > 1 ? op_end + right[1].offset : line.size()) + 1};
      }
      rational value;
      try {
        value = parse_value(right[0].text, "value");
      } catch (const input_error& e) {
        throw command_error{e.what(), op_end + right[0].offset + 1};
      }
      b = breakpoint::compare(id, *relation, std::move(value));
    }
    const int number = stepper_.add_breakpoint(b);
    show(fmt::format("breakpoint {}: {}\n", number, describe(b)));
  }

  const breakpoint& breakpoint_numbered(int number) const {
    for (const numbered_breakpoint& b : stepper_.breakpoints()) {
      if (b.number == number) return b.where;
    }
    throw std::logic_error("no such breakpoint");
  }

  std::string describe(const breakpoint& b) const {
    switch (b.what) {
      case breakpoint::kind::step: return fmt::format("step {}", b.time);
      case breakpoint::kind::compare:
        return fmt::format("{} {} {}", net_.name_of(b.neuron), symbol_of(b.relation), to_string(b.value));
      case breakpoint::kind::changed: return fmt::format("changed {}", net_.name_of(b.neuron));
    }
    return "";
  }

  void list_breakpoints() const {
    if (stepper_.breakpoints().empty()) {
      show("no breakpoints\n");
      return;
    }
    text_table table({{align::right, "  "}, {align::left, "  "}});
    for (const numbered_breakpoint& b : stepper_.breakpoints()) {
      table.add_row({fmt::format("{}", b.number), describe(b.where)});
    }
    show(table.text());
  }

  const network& net_;
  bool terminal_;
  computation_stepper stepper_;
  std::vector<std::string_view> names_;
  std::vector<neuron_id> watched_;
  std::size_t memory_limit_;
  bool limit_reached_ = false;
};

int execute(const step_command_options& options) {
  if (options.file == "-") {
    throw input_error("step reads its commands from standard input, so the network must come from a file, not '-'");
  }
  const network net = load_network_file(options.file);
  const run_request request = make_run_request(net, options.run);
  const bool terminal = isatty(STDIN_FILENO) != 0;
  step_session session(net, request, options.run, terminal);
  return session.run();
}

}  // namespace

command add_step_command(CLI::App& app, cli_context&) {
  auto options = std::make_shared<step_command_options>();
  CLI::App* sub = app.add_subcommand("step", "Step back and forth through one computation, with breakpoints");
  add_file_argument(*sub, options->file)->description("the network file (.nn); not -, since standard input holds the commands");
  add_run_options(*sub, options->run);
  sub->footer(help_footer(
      "Reads commands from standard input, one per line: next [K], prev [K], goto T, start, end, continue, "
      "break step T | NAME OP VALUE | changed NAME, breaks, delete [N], watch NAME..., unwatch NAME..., changed, "
      "print NAME..., state, help, quit (docs/stepping.md). The states are computed as far as the moves go, and "
      "the steps behind are kept to go back; the verdict is run's. On a terminal it prompts with (step) and Ctrl-C "
      "stops a long move; from a pipe or a file it echoes each command. Exit code: 2 for a bad command, "
      "else 3 when a limit stopped the computation, else 0. The network must come from a file (standard input "
      "holds the commands).",
      {
      "nnsim step xor.nn --input 1,0                    # then: next, print y, quit",
      "printf 'break y > 0\\ncontinue\\n' | nnsim step xor.nn --input 1,0",
      "nnsim step machine.nn --word 0110 < commands.txt",
      }));

  command result;
  result.app = sub;
  result.execute = [options]() { return execute(*options); };
  return result;
}

}  // namespace nnsim::cli
