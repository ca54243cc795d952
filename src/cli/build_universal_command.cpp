// nnsim build universal: the universal network, Rogozhin's UTM(4,6)
// compiled into a rational `sat` network (universal_machine.hpp,
// docs/universal.md).
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/universal/universal_machine.hpp"

#include <fmt/format.h>

#include <memory>

namespace nnsim::cli {

command add_build_universal_command(CLI::App& build) {
  auto output = std::make_shared<std::string>();
  CLI::App* sub = build.add_subcommand(
      "universal", "The universal network: Rogozhin's universal Turing machine UTM(4,6) as a rational sat network");
  add_output_option(*sub, *output);
  sub->footer(help_footer(
      "The lecture's universal network, built: Rogozhin's 4-state, 6-symbol universal Turing machine "
      "(networks/universal/rogozhin-4-6.tm) compiled as nnsim build machine compiles any machine. Its input is "
      "δ of the block code of a tape that holds a 2-tag system and its word (nnsim encode universal); it halts "
      "with output 1 exactly when the tag system halts, and its final state holds the tag system's final word "
      "(nnsim decode universal). docs/universal.md explains the construction and its size.",
      {
      "nnsim build universal -o universal.nn",
      "nnsim info universal.nn          # its size",
      }));

  command result;
  result.app = sub;
  result.execute = [output]() {
    network net = build_universal_network();
    net.comment += fmt::format("\nBuilt with: nnsim build universal{}", output->empty() || *output == "-" ? "" : " -o " + *output);
    write_output(write_network(net), *output);
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
