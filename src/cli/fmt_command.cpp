// nnsim fmt FILE: the network in the canonical form of the file format
// (network_writer.hpp); formatting a formatted file changes nothing.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"

#include <memory>

namespace nnsim::cli {

command add_fmt_command(CLI::App& app) {
  struct fmt_options {
    std::string file;
    std::string output;
  };
  auto options = std::make_shared<fmt_options>();
  CLI::App* sub = app.add_subcommand(
      "fmt",
"Write a network file in canonical form");
  add_file_argument(*sub, options->file);
  add_output_option(*sub, options->output);
  sub->footer(help_footer(
      "One statement per line, inputs first, coefficients as reduced fractions. The result loads as the same "
      "network, and formatting it again changes nothing.",
      {
      "nnsim fmt messy.nn                # print the canonical form",
      "nnsim fmt messy.nn -o messy.nn    # rewrite the file in place",
      }));

  command result;
  result.app = sub;
  result.execute = [options]() {
    // The whole file is loaded before the output is opened, so writing over
    // the input file is safe.
    const network net = load_network_file(options->file);
    write_output(write_network(net), options->output);
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
