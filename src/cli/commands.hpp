// The commands of `nnsim`, one file each; main.cpp registers them all,
// parses the command line and runs the one that was named.
//
//   run_command.cpp        run       one computation: verdict, output, final state
//   trace_command.cpp      trace     the state after every step, as a table, CSV or JSON lines
//   view_command.cpp       view      one computation as a web page that steps through it (nnsim::viewing)
//   step_command.cpp       step      an interactive stepper: back and forth through one computation, breakpoints
//   eval_command.cpp       eval      one computation per input (CSV rows, a grid), one result row each
//   info_command.cpp       info      the architecture: layers or a cycle, components, weights
//   dot_command.cpp        dot       Graphviz drawing
//   fmt_command.cpp        fmt       the canonical form of a network file
//   encoding_commands.cpp  encode, decode   the δ-encoding of binary words (and --code: tape words in blocks)
//     universal_encoding_commands.cpp  encode universal, decode universal   the universal network's input and result
//   recognize_command.cpp  recognize  language recognition: verdicts on δ(ω), against an expectation
//   tm_command.cpp         tm        a Turing machine run directly, with its configurations
//   tag_command.cpp        tag       a 2-tag system run directly, with its words
//   truth_command.cpp      truth     the truth table over all 0/1 inputs, against an expected function
//   command_group.cpp      the dispatch shared by the groups build, check and learn
//   build_command.cpp      build     the group of constructions, one subcommand each:
//     build_gate_command.cpp     build gate      logic gates of unit-step neurons
//     build_boolean_command.cpp  build boolean   the two-layer construction for any Boolean function
//     build_machine_command.cpp  build machine   a Turing machine compiled into a rational sat network
//     build_oracle_command.cpp   build oracle    the super-Turing network: a language in one real weight
//     build_approx_command.cpp   build approx    the approximation theorems: relu, sigmoid, cubes
//     build_universal_command.cpp  build universal  the universal network (Rogozhin's UTM(4,6) compiled)
//   boolean_options.hpp    TABLE | --formula F, for every command that takes a Boolean function
//   separable_command.cpp  separable  whether one unit-step neuron computes a Boolean function: weights or a certificate
//   check_command.cpp      check     exhaustive checks of the lecture's theorems: check boolean --arity n
//     check_machine_command.cpp  check machine   a compiled Turing machine against the machine on short words
//     check_oracle_command.cpp   check oracle    a super-Turing network against the language its weight encodes
//     check_universal_command.cpp  check universal  tag systems and machines directly and through the universal network
//   learn_command.cpp      learn     learning rules: learn perceptron DATA.csv
//   separability_report.hpp  certificates and separability JSON for separable and learn perceptron
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

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

// A command group (build, check, learn): `group` runs whichever of `members`
// (its subcommands, which it requires) was named.
command make_command_group(CLI::App* group, std::vector<command> members);

command add_run_command(CLI::App& app, cli_context& context);
command add_trace_command(CLI::App& app, cli_context& context);
command add_view_command(CLI::App& app, cli_context& context);
command add_step_command(CLI::App& app, cli_context& context);
command add_eval_command(CLI::App& app, cli_context& context);
command add_info_command(CLI::App& app, cli_context& context);
command add_dot_command(CLI::App& app);
command add_fmt_command(CLI::App& app);
command add_encode_command(CLI::App& app);
command add_decode_command(CLI::App& app);
// Their subcommands for the universal network (universal_encoding_commands.cpp).
command add_encode_universal_command(CLI::App& encode);
command add_decode_universal_command(CLI::App& decode);
command add_recognize_command(CLI::App& app, cli_context& context);
command add_tm_command(CLI::App& app, cli_context& context);
command add_tag_command(CLI::App& app, cli_context& context);
command add_truth_command(CLI::App& app, cli_context& context);
// The `build` group; its execute runs the construction that was named.  The
// constructions register with the group (build_command.cpp lists them):
command add_build_command(CLI::App& app, cli_context& context);
command add_build_gate_command(CLI::App& build);
command add_build_boolean_command(CLI::App& build);
command add_build_machine_command(CLI::App& build);
command add_build_oracle_command(CLI::App& build);
command add_build_approx_command(CLI::App& build);
command add_build_universal_command(CLI::App& build);

command add_separable_command(CLI::App& app, cli_context& context);
// Groups like `build`: check boolean, learn perceptron.
command add_check_command(CLI::App& app, cli_context& context);
command add_check_machine_command(CLI::App& check, cli_context& context);
command add_check_oracle_command(CLI::App& check, cli_context& context);
command add_check_approx_command(CLI::App& check, cli_context& context);
command add_check_universal_command(CLI::App& check, cli_context& context);
command add_learn_command(CLI::App& app, cli_context& context);

}  // namespace nnsim::cli
