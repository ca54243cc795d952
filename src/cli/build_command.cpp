// nnsim build ...: the constructions, one subcommand each.  Every one writes
// a network file (network-format.md) to standard output or to -o FILE
// (cli.md).  To add a construction, write its add_build_*_command (its own
// file, declared in commands.hpp) and list it below.
#include "cli/commands.hpp"
#include "cli/output.hpp"

#include <vector>

namespace nnsim::cli {

command add_build_command(CLI::App& app, cli_context& context) {
  CLI::App* group = app.add_subcommand("build", "Build a network from a description (a construction)");
  group->require_subcommand(1);
  group->footer(help_footer(
      "Each construction writes a network file with comments that say what it computes and what each group of "
      "neurons stands for; check it with `nnsim truth`, run it with `nnsim run`, draw it with `nnsim dot`.",
      {
      "nnsim build gate xor -o xor.nn            # the lecture's two-layer XOR",
      "nnsim build boolean 0110 --minimize       # any Boolean function, two layers",
      "nnsim build machine networks/machines/palindromes.tm   # a Turing machine as a sat network",
      "nnsim build universal -o universal.nn      # the universal network",
      "nnsim build oracle --demo palindromes --max-len 4  # any language in one real weight",
      "nnsim build approx relu --function 'sin(3*x)^2' --epsilon 1/20  # a function, error proven",
      "nnsim build gate --help                   # the options of one construction",
      }));

  (void)context;
  return make_command_group(group, {
      add_build_gate_command(*group),
      add_build_boolean_command(*group),
      add_build_machine_command(*group),
      add_build_oracle_command(*group),
      add_build_approx_command(*group),
      add_build_universal_command(*group),
  });
}

}  // namespace nnsim::cli
