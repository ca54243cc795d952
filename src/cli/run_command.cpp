// nnsim run FILE: one computation (semantics.md, sections 2-4), reported as
// the verdict, the network output and the final state.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/progress_display.hpp"
#include "cli/run_report.hpp"
#include "cli/text_table.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/run/update_rule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace nnsim::cli {
namespace {

struct run_command_options {
  std::string file;
  run_options run;
  bool json = false;
};

// "(input)", "(output)", "(input, output)" or "".
std::string role_of(const network& net, neuron_id id, const std::vector<char>& is_output) {
  const bool output = is_output[index(id)] != 0;
  if (net.at(id).is_input) return output ? "(input, output)" : "(input)";
  return output ? "(output)" : "";
}

std::string human_report(const network& net, const run_options& options, const run_request& request,
                         const run_result& result) {
  std::string text = input_line(net, request, options) + "\n";
  text += status_line(result) + "\n";
  text += output_line(net, result) + "\n";

  text += fmt::format("state y({}):\n", result.steps);
  // "  name = value  (role)", names and values left-aligned.
  text_table table({{align::left, "  "}, {align::left, " = "}, {align::left, "  "}});
  std::vector<char> is_output(net.size(), 0);  // not a search of the outputs per neuron
  for (neuron_id id : net.outputs) is_output[index(id)] = 1;
  for (neuron_id id : display_order(net)) {
    table.add_row({net.name_of(id), result.state.text(index(id)), role_of(net, id, is_output)});
  }
  text += table.text();
  text += fmt::format("rule: {}\n", describe_rule(net, result.rule));
  text += fmt::format("numbers: {}\n", describe_numbers(result));
  text += repetitions_line(result);
  return text;
}

}  // namespace

command add_run_command(CLI::App& app, cli_context& context) {
  auto options = std::make_shared<run_command_options>();
  CLI::App* sub = app.add_subcommand(
      "run",
      "Run one computation: the verdict, the network output and the final state");
  add_file_argument(*sub, options->file);
  add_run_options(*sub, options->run, true);
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "Input neurons start with the network input, every other neuron with 0 or its init value. In each step the "
      "rule selects neurons, which are all evaluated on the old state y(t) to give y(t+1). The verdict is one of:\n"
      "  halted     y(T) is a fixed point: the computation stops, and the output\n"
      "             neurons hold the network output\n"
      "  diverges   a state repeats without a fixed point, so the computation\n"
      "             provably never stops (not looked for under the random rule)\n"
      "  undecided  neither happened within --max-steps steps\n"
      "The exit code is 0 for all three. Ctrl-C stops a long run: it reports the state reached as undecided, "
      "\"interrupted at step N\", with exit code 130. With --numbers double or real:P the values are "
      "approximations of the exact ones.",
      {
      "nnsim run xor.nn --input 1,0             # XOR(1, 0) with the file's rule",
      "nnsim run xor.nn --input 1,1 --json      # the result as one JSON object",
      "nnsim run parity.nn --word 11001         # input δ(11001) = 51/64",
      "nnsim run net.nn --input 1/2 --rule sequential --numbers double",
      "nnsim run - --input 0,1 < xor.nn         # the network from standard input",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const network net = load_network_file(options->file);
    run_request request = make_run_request(net, options->run);
    progress_display progress("run", options->json);
    const interrupt_guard guard;
    request.monitor = progress.monitor();
    const run_result outcome = run_network(net, request);
    if (options->json) {
      write_output(dump_json(run_json(net, outcome), 2) + "\n", "");
    } else {
      write_output(human_report(net, options->run, request, outcome), "");
    }
    return outcome.interrupted ? exit_interrupted : 0;
  };
  return result;
}

}  // namespace nnsim::cli
