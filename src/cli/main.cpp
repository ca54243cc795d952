// nnsim: the command-line front end.  It parses options, calls the library
// and prints; this file is the only place that turns an error into a message
// and an exit code (cli.md): 0 done, 2 bad input, 3 a resource limit or
// output that could not be written.
#include "cli/command_line_errors.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/help_formatter.hpp"
#include "cli/output.hpp"
#include "cli/run_report.hpp"
#include "cli/shard_job.hpp"
#include "nnsim/numbers/number_memory.hpp"
#include "nnsim/support/error.hpp"
#include "nnsim/support/huge_page_heap.hpp"
#include "nnsim/version.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>


namespace {

using namespace nnsim;
using namespace nnsim::cli;

// The machine-readable form of a failure: only this object goes to
// standard output (cli.md).
void print_json_error(const std::string& message, const input_error* located = nullptr) {
  nlohmann::ordered_json json;
  json["error"] = message;
  if (located != nullptr && located->has_location()) {
    json["file"] = located->file();
    json["line"] = located->where().line;
    json["column"] = located->where().column;
  }
  // One line, so that it is also a valid last line of JSON-lines output.
  // A failure is not reported: the error it belongs to already is.
  std::fputs((dump_json(json) + "\n").c_str(), stdout);
}

// Where a failed number allocation reports (number_memory.hpp): it happens
// inside GMP, which cannot unwind, so the error is printed there and the
// process ends with the code of a resource limit.
const cli_context* active_context = nullptr;
bool json_output = false;

[[noreturn]] void numbers_out_of_memory(std::string_view reason) {
  std::fflush(stdout);
  if (json_output || (active_context != nullptr && active_context->json_errors)) {
    print_json_error(std::string(reason));
    std::fflush(stdout);
  }
  write_standard_error(fmt::format("nnsim: error: {}\n", reason));
  std::_Exit(exit_limit);
}

// Output that could not be written (a full device, a closed standard
// output): exit code 3, and nothing more to a standard output that failed.
int output_failed(const output_error& e, bool json) {
  if (json && !e.standard_output()) {
    std::fflush(stdout);
    print_json_error(e.what());
  }
  write_standard_error(fmt::format("nnsim: error: {}\n", e.what()));
  return exit_limit;
}

// Whether --json was asked for, read from the raw arguments because a
// failed parse may not have set the flag.
bool json_requested(const std::vector<std::string>& arguments) {
  for (const std::string& arg : arguments) {
    if (arg == "--") break;
    if (arg == "--json") return true;
  }
  return false;
}

// The arguments for CLI11, with `--word=` turned into `--word ""`: CLI11 2.1
// reads an empty `=` value as a missing one and takes the next argument
// instead, but the empty word is a value (δ(ε) = 1/2).  CLI11 wants them in
// reverse order.
std::vector<std::string> split_empty_assignments(const std::vector<std::string>& given) {
  std::vector<std::string> arguments;
  bool options_end = false;
  for (const std::string_view arg : given) {
    options_end = options_end || arg == "--";
    if (!options_end && arg.starts_with("--") && arg.ends_with('=') && arg.find('=') == arg.size() - 1) {
      arguments.emplace_back(arg.substr(0, arg.size() - 1));
      arguments.emplace_back();
    } else {
      arguments.emplace_back(arg);
    }
  }
  return {arguments.rbegin(), arguments.rend()};
}

const char* description = "nnsim: exact simulation of neural networks in the lecture's computation model";

const char* explanation =
    "A network is a set of neurons, each written as its update equation y = σ(ξ): an activation σ of the inner "
    "potential ξ, usually a bias plus a weighted sum of other neurons' values. A computation starts with the "
    "network input in the input neurons and 0 (or an init value) in all others. In each step a rule selects "
    "neurons, which are all evaluated on the old state. The computation stops when the state no longer changes; "
    "the output neurons then hold the network output. Values are exact rationals unless --numbers asks for "
    "floating point.\n"
    "\n"
    "Exit codes: 0 done, 1 a check found a mismatch (recognize, truth, check), 2 bad input (the message says "
    "where), 3 a resource limit (--max-bits, --max-memory, memory) or output that could not be written (a full "
    "disk), 4 an internal error.";

}  // namespace

int main(int argc, char** argv) {
  // Before the first allocation of any size: loading a large network then
  // takes a fraction of its page faults (huge_page_heap.hpp).
  use_huge_page_heap();
  track_number_memory(numbers_out_of_memory);
  // Past a file-size limit (ulimit -f) a write then fails with EFBIG, which
  // is reported, instead of the signal ending nnsim with a temporary file
  // left behind.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app(description, "nnsim");
  app.require_subcommand(1);
  app.allow_extras(false);
  app.set_version_flag("--version", "nnsim " NNSIM_VERSION_STRING);
  app.formatter(std::make_shared<help_formatter>());  // before the commands are added: each copies it
  app.footer(help_footer(explanation, {
      "nnsim run xor.nn --input 1,0          # one computation: verdict, output, final state",
      "nnsim trace xor.nn --input 1,0        # the state after every step",
      "nnsim view xor.nn --input 1,0 -o xor.html  # a page that steps through it in a browser",
      "nnsim step xor.nn --input 1,0         # step back and forth, with breakpoints",
      "nnsim eval xor.nn --grid 0:1:2        # one computation per input: XOR's four",
      "nnsim info xor.nn                     # layers, cycles, weights",
      "nnsim encode 11001                    # δ(11001) = 51/64",
      "nnsim run --help                      # the options of one command",
  }));

  cli_context context;
  const std::vector<command> commands = {
      add_run_command(app, context), add_trace_command(app, context), add_view_command(app, context),
      add_step_command(app, context), add_eval_command(app, context), add_info_command(app, context),
      add_dot_command(app),          add_fmt_command(app),            add_encode_command(app),
      add_decode_command(app),
      add_recognize_command(app, context), add_tm_command(app, context), add_tag_command(app, context),
      add_truth_command(app, context), add_build_command(app, context),
      add_separable_command(app, context), add_check_command(app, context), add_learn_command(app, context),
      add_merge_command(app, context),
  };
  for (const command& c : commands) c.app->allow_extras(false);

  // One command line; `nnsim merge` then asks for a second, the merged job's.
  const auto run_line = [&](const std::vector<std::string>& arguments) -> int {
  const bool json = json_requested(arguments);
  current_shard_session().arguments = arguments;
  active_context = &context;
  json_output = json;
  try {
    app.parse(split_empty_assignments(arguments));
  } catch (const CLI::ParseError& e) {
    const std::optional<std::string> message = command_line_error(e, app);
    // --help and --version arrive as "errors" with a success code.
    if (!message) {
      // Through a string, so that a failed write is seen with its reason.
      std::ostringstream out;
      const int code = app.exit(e, out);
      try {
        write_standard_output(out.str());
        finish_output();
      } catch (const output_error& failure) {
        return output_failed(failure, false);
      }
      return code;
    }

    const CLI::App* command_app = nullptr;
    for (const command& c : commands) {
      if (c.app->parsed()) command_app = c.app;
    }
    // The help of the innermost command named (`nnsim build gate --help`).
    std::string help = "nnsim";
    for (const CLI::App* level = command_app; level != nullptr;) {
      help += " " + level->get_name();
      const auto chosen = level->get_subcommands();
      level = chosen.empty() ? nullptr : chosen.front();
    }
    help += " --help";
    if (json) print_json_error(*message);
    write_standard_error(fmt::format("nnsim: error: {}\n(see '{}')\n", *message, help));
    return exit_bad_input;
  }

  // The library throws; the message and the exit code are chosen here.
  try {
    for (const command& c : commands) {
      if (c.app->parsed()) {
        const int code = c.execute();
        finish_output();
        return code;
      }
    }
  } catch (const output_error& e) {
    return output_failed(e, context.json_errors || json);
  } catch (const input_error& e) {
    std::fflush(stdout);
    if (context.json_errors || json) print_json_error(e.what(), &e);
    const std::string diagnostic = e.diagnostic();
    // A located error already reads `FILE:LINE:COL: error: …`; one without a
    // place gets the program's name in front of its `error: …`.
    write_standard_error(fmt::format("{}{}\n", e.has_location() ? "" : "nnsim: ", diagnostic));
    return exit_bad_input;
  } catch (const limit_error& e) {
    std::fflush(stdout);
    if (context.json_errors || json) print_json_error(e.what());
    write_standard_error(fmt::format("nnsim: error: {}\n", e.what()));
    return exit_limit;
  } catch (const std::bad_alloc&) {
    std::fflush(stdout);
    if (context.json_errors || json) print_json_error("out of memory");
    write_standard_error("nnsim: error: out of memory\n");
    return exit_limit;
  } catch (const nlohmann::json::exception& e) {
    if (merging_shards() == nullptr) {
      write_standard_error(fmt::format("nnsim: internal error: {}\n", e.what()));
      return exit_internal;
    }
    // A record that is JSON but not what its command wrote.
    std::fflush(stdout);
    const std::string message = fmt::format("merge: a shard record's result is not what the command writes: {}",
                                            e.what());
    if (context.json_errors || json) print_json_error(message);
    write_standard_error(fmt::format("nnsim: error: {}\n", message));
    return exit_bad_input;
  } catch (const std::exception& e) {
    write_standard_error(fmt::format("nnsim: internal error: {}\n", e.what()));
    return exit_internal;
  }
  return exit_bad_input;  // unreachable: require_subcommand(1) guarantees a command
  };
  const int code = run_line(std::vector<std::string>(argv + 1, argv + argc));
  if (code != 0 || !current_shard_session().merge_job) return code;
  const std::vector<std::string> job = *std::exchange(current_shard_session().merge_job, std::nullopt);
  return run_line(job);
}
