// nnsim build machine FILE.tm: the Turing-machine compiler
// (machine_compiler.hpp): a rational `sat` network with one input and one
// output neuron that recognizes the machine's language on δ(ω).
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/languages/machine_parser.hpp"

#include <fmt/format.h>

#include <memory>

namespace nnsim::cli {

command add_build_machine_command(CLI::App& build) {
  struct machine_options {
    std::string file;
    std::string output;
  };
  auto options = std::make_shared<machine_options>();
  CLI::App* sub = build.add_subcommand("machine", "A Turing machine compiled into a rational sat network that "
                                                   "recognizes its language");
  add_file_argument(*sub, options->file)->description("the machine (.tm file, machine-format.md); - reads standard input");
  add_output_option(*sub, options->output);
  sub->footer(help_footer(
      "The lecture's claim that recurrent networks with rational weights, sat, the parallel rule, one input and "
      "one output neuron are equivalent to Turing machines, made executable. On input δ(ω) the network halts with "
      "output 1 when the machine accepts ω, halts with output 0 when it rejects by halting, and runs forever when "
      "it does. The tape is two stacks of base-2|Γ| rationals (Siegelmann and Sontag); the input is read bit by "
      "bit by amplifying its gap from 1/2, and the machine is restarted on the prefix read so far whenever a "
      "further bit arrives (docs/languages.md).",
      {
      "nnsim build machine networks/machines/palindromes.tm -o palindromes.nn",
      "nnsim recognize palindromes.nn --all-words 6 --expect-machine networks/machines/palindromes.tm",
      "nnsim check machine networks/machines/palindromes.tm --words 8   # the two steps in one",
      }));

  command result;
  result.app = sub;
  result.execute = [options]() {
    const turing_machine machine = load_machine_file(options->file);
    network net = compile_machine(machine);
    const std::string file = options->output.empty() || options->output == "-" ? "FILE" : options->output;
    net.comment += fmt::format("\nBuilt with: nnsim build machine {}{}\nCheck with: nnsim recognize {} --all-words 8 "
                               "--expect-machine {}",
                               options->file, file == "FILE" ? "" : " -o " + file, file, options->file);
    write_output(write_network(net), options->output);
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
