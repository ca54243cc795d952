// nnsim trace FILE: the state after every step, the way one steps through a
// computation on paper: row t is y(t) and the neurons that step t - 1
// updated to produce it.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/progress_display.hpp"
#include "cli/run_report.hpp"
#include "cli/text_table.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/run/update_rule.hpp"
#include "support/spelling_suggestion.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>

namespace nnsim::cli {
namespace {

struct trace_command_options {
  std::string file;
  run_options run;
  std::string format = "table";
  std::string neurons;  // --neurons: the columns; empty means every neuron
  CLI::Option* neurons_option = nullptr;
};

// The neurons step t - 1 selected; nothing for y(0).
const std::vector<neuron_id>& selected_of(const trace_event& event) {
  static const std::vector<neuron_id> none;
  return event.selected != nullptr ? *event.selected : none;
}

// The table's "updated" cell: "-" before the first step, "none" for a step
// that selects nothing (layered after the last layer, an empty schedule set),
// "all" for every updatable neuron (the parallel rule), else the names.
std::string updated_cell(const network& net, const trace_event& event, std::size_t updatable_count) {
  if (event.time == 0) return "-";
  const std::vector<neuron_id>& selected = selected_of(event);
  if (selected.empty()) return "none";
  if (updatable_count > 1 && selected.size() == updatable_count) return "all";
  return neuron_names(net, selected, ",");
}

// Collects the rows and prints them aligned at the end: the column widths
// are known only once every value has been seen.  Only the shown columns'
// values become text.
class table_printer {
 public:
  table_printer(const network& net, std::vector<neuron_id> columns, memory_budget& budget)
      : net_(net),
        columns_(std::move(columns)),
        memory_(budget),
        updatable_count_(net.updatable().size()),
        table_(layout(columns_.size())) {
    std::vector<std::string> header = {"t", "updated"};
    for (neuron_id id : columns_) header.push_back(net_.name_of(id));
    table_.add_row(std::move(header));
    table_.add_rule();
  }

  void add(const trace_event& event) {
    std::vector<std::string> row = {fmt::format("{}", event.time), updated_cell(net_, event, updatable_count_)};
    saw_all_ = saw_all_ || row.back() == "all";
    for (neuron_id id : columns_) row.push_back(event.state.text(index(id)));
    std::size_t bytes = sizeof(row) + row.capacity() * sizeof(std::string);
    for (const std::string& cell : row) bytes += cell.capacity() + 1;
    if (!memory_.try_add(bytes)) {
      throw limit_error(fmt::format("the trace table needs more than the memory limit of {} bytes after {} steps: "
                                    "a table keeps every row to align its columns (use --format csv or jsonl, "
                                    "which keep nothing, or raise --max-memory)",
                                    memory_.budget().limit(), event.time));
    }
    table_.add_row(std::move(row));
  }

  // The rows line by line: a long table is never one string.
  void write() const {
    table_.write(write_standard_output);
    if (saw_all_) {
      write_standard_output(fmt::format("(updated \"all\" = every neuron with an equation: {})\n",
                                        neuron_names(net_, net_.updatable())));
    }
  }

 private:
  // Times and values right-aligned like numbers in a column, names left.
  static std::vector<text_table::column> layout(std::size_t value_columns) {
    std::vector<text_table::column> columns = {{align::right, ""}, {align::left, "  "}};
    columns.insert(columns.end(), value_columns, {align::right, "  "});
    return columns;
  }

  const network& net_;
  std::vector<neuron_id> columns_;
  memory_charge memory_;  // the rows kept
  std::size_t updatable_count_;
  text_table table_;
  bool saw_all_ = false;
};

// CSV and JSON lines are written row by row as the run goes: they are for
// programs, which need no alignment, and a long run need not be kept.  A
// row that cannot be written stops the run (output_error).
void print_csv_header(const network& net, const std::vector<neuron_id>& columns) {
  std::vector<std::string> names;
  for (neuron_id id : columns) names.push_back(net.name_of(id));
  write_standard_output(fmt::format("t,updated{}{}\n", names.empty() ? "" : ",", fmt::join(names, ",")));
}

void print_csv_row(const network& net, const std::vector<neuron_id>& columns, const trace_event& event) {
  // Names are separated by spaces: commas would split the cell.
  std::string text = fmt::format("{},{}", event.time, neuron_names(net, selected_of(event), " "));
  for (neuron_id id : columns) text += "," + csv_value(event.state, index(id));
  write_standard_output(text + "\n");
}

// `columns` without repetitions: a JSON object has each name once.
void print_jsonl_row(const network& net, const std::vector<neuron_id>& columns, const trace_event& event) {
  nlohmann::ordered_json row;
  row["t"] = event.time;
  nlohmann::ordered_json updated = nlohmann::ordered_json::array();
  for (neuron_id id : selected_of(event)) updated.push_back(net.name_of(id));
  row["updated"] = std::move(updated);
  nlohmann::ordered_json state = nlohmann::ordered_json::object();
  for (neuron_id id : columns) append_new_member(state, net.name_of(id), value_json(event.state, index(id)));
  row["state"] = std::move(state);
  write_standard_output(dump_json(row) + "\n");
}

// The verdict under a table or, for CSV, on standard error (so that standard
// output stays plain CSV).
std::string verdict(const network& net, const run_result& result) {
  std::string text = status_line(result) + "\n" + output_line(net, result) + "\n";
  if (!result.numbers.exact()) text += fmt::format("numbers: {}\n", describe_numbers(result));
  return text;
}

CLI::Validator format_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        static constexpr std::array<std::string_view, 3> formats{"table", "csv", "jsonl"};
        if (std::find(formats.begin(), formats.end(), text) != formats.end()) return {};
        const std::string hint = did_you_mean(text, formats);
        if (!hint.empty()) return fmt::format("unknown format '{}'{}", text, hint);
        return fmt::format("unknown format '{}': expected table, csv or jsonl", text);
      },
      "");
}

int execute(const trace_command_options& options, cli_context& context) {
  context.json_errors = options.format == "jsonl";
  const network net = load_network_file(options.file);
  std::vector<neuron_id> columns;
  if (options.neurons_option->count() > 0) {
    columns = parse_neuron_list(net, options.neurons, "--neurons");
  } else {
    columns = display_order(net);
  }
  run_request request = make_run_request(net, options.run);
  memory_budget budget(request.limits.max_memory);
  request.budget = &budget;
  progress_display progress("trace", options.format == "jsonl");
  const interrupt_guard guard;
  request.monitor = progress.monitor();
  run_result result;

  if (options.format == "table") {
    table_printer table(net, columns, budget);
    request.observer = [&](const trace_event& event) { table.add(event); };
    const std::string heading = fmt::format("{}\nrule: {}\n\n", input_line(net, request, options.run),
                                            describe_rule(net, request.rule.value_or(net.rule)));
    try {
      result = run_network(net, request);
    } catch (const limit_error&) {
      // The rows up to the limit (a value too large, a non-finite one) show
      // how the computation got there; the error follows on standard error.
      write_standard_output(heading);
      table.write();
      throw;
    }
    write_standard_output(heading);
    table.write();
    write_standard_output("\n" + verdict(net, result));
  } else if (options.format == "csv") {
    bool header_printed = false;
    request.observer = [&](const trace_event& event) {
      // The header waits for the first row, so that an input error found
      // before the run starts leaves standard output empty.
      if (!header_printed) print_csv_header(net, columns);
      header_printed = true;
      print_csv_row(net, columns, event);
    };
    result = run_network(net, request);
    if (!header_printed) print_csv_header(net, columns);
    finish_output();  // the rows, before the verdict
    write_standard_error(verdict(net, result));
  } else {
    // --neurons may name a neuron twice; the object has it once.
    std::vector<neuron_id> members;
    std::vector<char> seen(net.size(), 0);
    for (neuron_id id : columns) {
      if (seen[index(id)]++ == 0) members.push_back(id);
    }
    request.observer = [&](const trace_event& event) { print_jsonl_row(net, members, event); };
    result = run_network(net, request);
    write_standard_output(dump_json(run_json(net, result)) + "\n");
  }
  return result.interrupted ? exit_interrupted : 0;
}

}  // namespace

command add_trace_command(CLI::App& app, cli_context& context) {
  auto options = std::make_shared<trace_command_options>();
  CLI::App* sub = app.add_subcommand(
      "trace",
      "Show the state after every step of one computation (table, CSV or JSON lines)");
  add_file_argument(*sub, options->file);
  add_run_options(*sub, options->run);
  sub->add_option("--format", options->format,
                  "table (aligned, for reading), csv (the verdict goes to standard error) or jsonl (one object "
                  "per state, then the result object of run --json)")
      ->type_name("FORMAT")
      ->capture_default_str()
      ->check(format_check());
  options->neurons_option =
      sub->add_option("--neurons", options->neurons, "show only these neurons' columns, in this order")
          ->type_name("N1,...,Nm");
  sub->footer(help_footer(
      "Row t shows the state y(t) and, under \"updated\", the neurons that step t-1 selected to produce it "
      "(\"all\": every neuron with an equation, as under the parallel rule). The rows end where run stops: at "
      "the fixed point, at the repeated state, or at --max-steps; the verdict follows. Ctrl-C stops a long trace: "
      "the rows so far and the verdict \"interrupted at step N\" follow, with exit code 130.",
      {
      "nnsim trace xor.nn --input 1,0                   # step through XOR(1, 0)",
      "nnsim trace xor.nn --input 1,0 --rule sequential # one neuron per step",
      "nnsim trace net.nn --word 101 --neurons s,y      # only the columns s and y",
      "nnsim trace net.nn --word 101 --format csv > trace.csv",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() { return execute(*options, context); };
  return result;
}

}  // namespace nnsim::cli
