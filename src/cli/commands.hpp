// The commands of `nnsim`, one file each; main.cpp registers them all,
// parses the command line and runs the one that was named.
//
//   run_command.cpp        run       one computation: verdict, output, final state
//   trace_command.cpp      trace     the state after every step, as a table, CSV or JSON lines
//   info_command.cpp       info      the architecture: layers or a cycle, components, weights
//   dot_command.cpp        dot       Graphviz drawing
//   fmt_command.cpp        fmt       the canonical form of a network file
//   encoding_commands.cpp  encode, decode   the δ-encoding of binary words
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace nnsim::cli {

// What the commands tell main.cpp about how to report a failure.
struct cli_context {
  // The command promised machine-readable output (--json, --format jsonl):
  // an error is then also written to standard output as {"error": ...}.
  bool json_errors = false;
};

struct command {
  CLI::App* app = nullptr;
  // Does the work after a successful parse and returns the exit code; the
  // library's errors propagate to main.cpp.
  std::function<int()> execute;
};

command add_run_command(CLI::App& app, cli_context& context);
command add_trace_command(CLI::App& app, cli_context& context);
command add_info_command(CLI::App& app, cli_context& context);
command add_dot_command(CLI::App& app);
command add_fmt_command(CLI::App& app);
command add_encode_command(CLI::App& app);
command add_decode_command(CLI::App& app);

}  // namespace nnsim::cli
