// nnsim dot FILE: the architecture as a Graphviz drawing (dot_writer.hpp).
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "nnsim/io/dot_writer.hpp"
#include "nnsim/io/network_parser.hpp"

#include <memory>

namespace nnsim::cli {

command add_dot_command(CLI::App& app) {
  struct dot_options {
    std::string file;
    std::string output;
  };
  auto options = std::make_shared<dot_options>();
  CLI::App* sub = app.add_subcommand(
      "dot",
"Draw a network's architecture for Graphviz");
  add_file_argument(*sub, options->file);
  add_output_option(*sub, options->output);
  sub->footer(help_footer(
      "One node per neuron (inputs as triangles, outputs with a double border) and an arrow u -> v, labelled with "
      "the weight, for every term of v's equation; a feed-forward network is drawn layer by layer from left to "
      "right.",
      {
      "nnsim dot xor.nn | dot -Tsvg -o xor.svg",
      "nnsim dot xor.nn -o xor.dot",
      }));

  command result;
  result.app = sub;
  result.execute = [options]() {
    const network net = load_network_file(options->file);
    write_output(write_dot(net), options->output);
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
