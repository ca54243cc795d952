// nnsim view FILE -o trace.html: one computation recorded and written as a
// self-contained page that steps through it in a browser (docs/viewing.md).
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/progress_display.hpp"
#include "cli/run_report.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/support/error.hpp"
#include "nnsim/viewing/network_layout.hpp"
#include "nnsim/viewing/recorded_trace.hpp"
#include "nnsim/viewing/trace_page.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>

namespace nnsim::cli {
namespace {

struct view_command_options {
  std::string file;
  run_options run;
  std::string output;
  std::string title;
};

int execute(const view_command_options& options) {
  const network net = load_network_file(options.file);
  run_request request = make_run_request(net, options.run);
  memory_budget budget(request.limits.max_memory);
  request.budget = &budget;
  progress_display progress("view", false);
  const interrupt_guard guard;
  request.monitor = progress.monitor();
  const recorded_trace trace = record_trace(net, request);
  // The trace stays while the page is written, and the page is text about
  // twice its size, made once as data and once as the whole page: charged
  // before they are made, so that --max-memory bounds the page too.
  memory_charge kept(budget);
  const std::size_t page_estimate = 2 * trace.memory_bytes() + 200 * net.size() + 60 * net.equations.size() + (1u << 16);
  if (!kept.try_add(trace.memory_bytes() + 2 * page_estimate)) {
    throw limit_error(fmt::format("the page of {} needs more than the memory limit of {} bytes "
                                  "(use --max-steps for a shorter page, or raise --max-memory)",
                                  plural(trace.steps() + 1, "state", "states"), budget.limit()));
  }

  trace_page_description description;
  description.title = options.title.empty()
                          ? fmt::format("{}{}",
                                        options.file == "-" ? std::string("standard input")
                                                            : std::filesystem::path(options.file).filename().string(),
                                        net.name.empty() ? "" : " (network " + net.name + ")")
                          : options.title;
  description.lines = {input_line(net, request, options.run),
                       "rule: " + describe_rule(net, request.rule.value_or(net.rule)),
                       "numbers: " + describe_numbers(trace.result)};
  // A run a limit stopped is shown up to the last state it reached, and the
  // verdict line says what stopped it (exit code 3, as for run).
  const std::string verdict =
      trace.stopped_by.empty() ? status_line(trace.result) : fmt::format("stopped: {}", trace.stopped_by);
  description.verdict_lines = {verdict, output_line(net, trace.result)};
  write_output(write_trace_page(net, lay_out_network(net), trace, description), options.output);
  if (!options.output.empty() && options.output != "-") {
    write_standard_error(fmt::format("{}\n{}\nwrote {}: {}, open it in a browser\n", verdict,
                                     output_line(net, trace.result), options.output,
                                     plural(trace.steps() + 1, "state", "states")));
  } else if (!trace.stopped_by.empty()) {
    write_standard_error(verdict + "\n");
  }
  if (!trace.stopped_by.empty()) return exit_limit;
  return trace.result.interrupted ? exit_interrupted : 0;
}

}  // namespace

command add_view_command(CLI::App& app, cli_context&) {
  auto options = std::make_shared<view_command_options>();
  CLI::App* sub = app.add_subcommand(
      "view", "Write one computation as a web page that steps through it: the network drawn, values as colours");
  add_file_argument(*sub, options->file);
  add_run_options(*sub, options->run);
  sub->add_option("-o,--output", options->output, "write the page to FILE (- or nothing: standard output)")
      ->type_name("FILE");
  sub->add_option("--title", options->title, "the page's heading (default: the file's name)")->type_name("TEXT");
  sub->footer(help_footer(
      "The page is one HTML file with everything inside it (no network access needed): the network in layers "
      "left to right, neurons coloured by their value at the current step, a slider and buttons to step forward "
      "and back, jump to the halt or the start of the cycle, a plot of chosen neurons over time, exact values on "
      "hover. Neurons whose names share a dotted prefix (tm.q0.read) are drawn as one box that opens. The run "
      "is the one `nnsim run` makes with the same options; it stops where run stops (--max-steps), and every "
      "state up to there is kept in the page.",
      {
      "nnsim view xor.nn --input 1,0 -o xor.html            # the lecture's XOR, step by step",
      "nnsim view machines/even_ones.nn --word 0110 -o m.html  # a compiled Turing machine",
      }));

  command result;
  result.app = sub;
  result.execute = [options]() { return execute(*options); };
  return result;
}

}  // namespace nnsim::cli
