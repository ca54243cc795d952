// nnsim eval FILE: one computation per input, for many inputs in one
// process -- the rows of a CSV file (--inputs) or the points of a grid
// (--grid) -- and one CSV or JSON-lines row per input, written as soon as
// its computation ends.  The network is checked and compiled once
// (network_runner); each row is the computation `run` would do.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/progress_display.hpp"
#include "cli/run_report.hpp"
#include "cli/shard_job.hpp"
#include "nnsim/io/csv_reader.hpp"
#include "nnsim/io/line_reader.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/numbers/number_memory.hpp"
#include "nnsim/numbers/value_format.hpp"
#include "nnsim/run/input_grid.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>
#include <memory>
#include <optional>

namespace nnsim::cli {
namespace {

struct eval_command_options {
  std::string file;
  std::string inputs;               // --inputs FILE.csv
  std::vector<std::string> grid;    // --grid LO:HI:COUNT, once or once per input neuron
  computation_options computation;
  bool json = false;
  std::string output;
  std::string shard;

  CLI::Option* inputs_option = nullptr;
  CLI::Option* grid_option = nullptr;
};

// The inputs, one at a time, in the order of the output rows.
class input_source {
 public:
  virtual ~input_source() = default;
  // The next input, one value per input neuron in input order; false after
  // the last.  Throws input_error for a row that is not an input.
  virtual bool next(std::vector<rational>& input) = 0;
  // How many inputs there are; 0 when that is not known in advance.
  virtual std::uint64_t total() const { return 0; }
  // Where the input next() gave last came from, for a message: "row 5 of
  // 9", "line 7 of in.csv".
  virtual std::string where() const = 0;
};

// --grid: the points of an input_grid, first input slowest.
class grid_source final : public input_source {
 public:
  // Only the points of `part` (shard.hpp), in order.
  grid_source(input_grid grid, const shard& part) : grid_(std::move(grid)), part_(part), row_(part.index - 1) {}

  bool next(std::vector<rational>& input) override {
    if (row_ >= grid_.size()) return false;
    grid_.point(row_, input);
    row_ += part_.count;
    return true;
  }
  std::uint64_t total() const override { return part_.items_of(grid_.size()); }
  // The number (from 0) of the point next() gave last.
  std::uint64_t point() const { return row_ - part_.count; }
  std::string where() const override { return fmt::format("row {} of {}", point() + 1, grid_.size()); }

 private:
  input_grid grid_;
  shard part_;
  std::uint64_t row_ = 0;
};

// --inputs: the lines of a CSV file, read as they arrive.  A line holds the
// values of the input neurons in input order, or, when the first line is a
// header naming the input neurons, in the header's order.  Blank lines and
// `#` comments are skipped, as in training data (csv_reader.hpp).
class csv_source final : public input_source {
 public:
  csv_source(const network& net, const std::string& path) : net_(net), reader_(path) {
    for (std::size_t j = 0; j < net.inputs.size(); ++j) column_of_input_.push_back(j);
  }

  bool next(std::vector<rational>& input) override {
    std::string line;
    while (reader_.next(line)) {
      const std::string_view content = std::string_view(line).substr(0, line.find('#'));
      if (csv_text::is_blank(content)) continue;
      const std::vector<csv_field> fields = csv_text::fields(content);
      if (first_line_) {
        first_line_ = false;
        // A header is made of names (an empty one is the header's error).
        // A first line with anything else in it is read as values, so that
        // a bad value ('−1' copied from a slide, `1;0`) gets the value's
        // error, not a header's.
        const auto name_or_empty = [](const csv_field& f) { return f.text.empty() || can_name_neuron(f.text); };
        const auto name = [](const csv_field& f) { return !f.text.empty(); };
        if (std::all_of(fields.begin(), fields.end(), name_or_empty) && std::any_of(fields.begin(), fields.end(), name)) {
          read_header(line, content, fields);
          continue;
        }
      }
      read_values(line, content, fields, input);
      return true;
    }
    return false;
  }

  std::string where() const override {
    return fmt::format("line {} of {}", reader_.line_number(), reader_.source_name());
  }

 private:
  // An error at 1-based `column` of the current line.
  input_error error_at(const std::string& line, std::size_t column, const std::string& message) const {
    std::string shown = line;
    if (reader_.line_number() == 1 && reader_.bom_length() > 0) {
      // Columns on the first line count the byte order mark (docs/format.md).
      shown.insert(0, "\xEF\xBB\xBF");
      column += reader_.bom_length();
    }
    return input_error(message, reader_.source_name(),
                       text_location{reader_.line_number(), static_cast<std::uint32_t>(column)}, shown);
  }

  // Just after the last character of the line's content that is not blank.
  static std::size_t end_column(std::string_view content) {
    const std::size_t last = content.find_last_not_of(" \t\r");
    return last == std::string_view::npos ? 1 : last + 2;
  }

  void read_header(const std::string& line, std::string_view content, const std::vector<csv_field>& fields) {
    std::vector<std::optional<std::size_t>> column_of(net_.inputs.size());
    for (std::size_t c = 0; c < fields.size(); ++c) {
      const csv_field& f = fields[c];
      if (f.text.empty()) throw error_at(line, f.column, "empty column name in the header");
      const auto input = std::find_if(net_.inputs.begin(), net_.inputs.end(),
                                      [&](neuron_id id) { return net_.name_of(id) == f.text; });
      if (input == net_.inputs.end()) {
        throw error_at(line, f.column,
                       fmt::format("'{}' in the header is not an input neuron; the network's inputs are {}",
                                   f.text, neuron_names(net_, net_.inputs)));
      }
      std::optional<std::size_t>& slot = column_of[static_cast<std::size_t>(input - net_.inputs.begin())];
      if (slot) throw error_at(line, f.column, fmt::format("input neuron '{}' is named twice in the header", f.text));
      slot = c;
    }
    for (std::size_t j = 0; j < column_of.size(); ++j) {
      if (!column_of[j]) {
        throw error_at(line, end_column(content),
                       fmt::format("the header does not name input neuron '{}'", net_.name_of(net_.inputs[j])));
      }
      column_of_input_[j] = *column_of[j];
    }
    header_names_.clear();
    for (const csv_field& f : fields) header_names_.emplace_back(f.text);
  }

  void read_values(const std::string& line, std::string_view content, const std::vector<csv_field>& fields,
                   std::vector<rational>& input) const {
    const std::size_t expected = net_.inputs.size();
    if (fields.size() != expected) {
      // At the first field too many, or just after the last one.
      const std::size_t column = fields.size() > expected ? fields[expected].column : end_column(content);
      const std::string columns =
          header_names_.empty()
              ? fmt::format("({})", neuron_names(net_, net_.inputs))
              : fmt::format("in the order of the header ({})", fmt::join(header_names_, ", "));
      throw error_at(line, column,
                     fmt::format("expected {} {}, found {}", plural(expected, "value", "values"), columns,
                                 fields.size()));
    }
    input.resize(expected);
    for (std::size_t j = 0; j < expected; ++j) {
      const csv_field& f = fields[column_of_input_[j]];
      literal_problem problem;
      std::optional<rational> value = read_csv_number(f.text, problem);
      if (!value) throw error_at(line, f.column + problem.offset, problem.message);
      input[j] = std::move(*value);
    }
  }

  const network& net_;
  line_reader reader_;
  bool first_line_ = true;
  std::vector<std::size_t> column_of_input_;   // input j's value is in this field
  std::vector<std::string> header_names_;      // empty without a header
};

// The grid of --grid for `net`: one axis for every input, or one per input.
input_grid make_grid(const network& net, const std::vector<std::string>& specs) {
  std::vector<grid_axis> axes;
  if (specs.size() == 1) {
    axes.assign(net.inputs.size(), parse_grid_axis(specs[0]));
  } else if (specs.size() == net.inputs.size()) {
    for (const std::string& spec : specs) axes.push_back(parse_grid_axis(spec));
  } else {
    throw input_error(fmt::format("--grid is given {} times, but the network has {} ({}): give it once, for "
                                  "every input, or once per input in input order",
                                  specs.size(), plural(net.inputs.size(), "input neuron", "input neurons"),
                                  neuron_names(net, net.inputs)));
  }
  return input_grid(std::move(axes));
}

// CSV: the input neurons, the verdict and the output neurons.  Neither a
// name (letters, digits, `_`, `.`) nor a value can hold a comma or a quote,
// so no field needs quoting.  Column names are unique, so that a CSV reader
// that keys rows by name loses nothing: a verdict column whose name an
// input neuron already has becomes `run:NAME`, and an output neuron whose
// name is taken (it is an input too, as in a Hopfield network)
// `output:NAME`; a colon is in no neuron name.
std::string csv_header(const network& net) {
  std::vector<std::string> columns;
  std::set<std::string, std::less<>> taken;
  const auto add = [&](std::string name, std::string_view role) {
    if (!taken.insert(name).second) {
      name = fmt::format("{}:{}", role, name);
      taken.insert(name);
    }
    columns.push_back(std::move(name));
  };
  for (neuron_id id : net.inputs) add(net.name_of(id), "input");
  for (const char* name : {"status", "steps", "cycle_start", "cycle_period"}) add(name, "run");
  for (neuron_id id : net.outputs) add(net.name_of(id), "output");
  return fmt::format("{}\n", fmt::join(columns, ","));
}

std::string csv_row(const std::vector<rational>& input, const run_result& result) {
  std::string row;
  for (const rational& value : input) row += format_value(value) + ",";
  row += fmt::format("{},{},", name_of(result.status), result.steps);
  if (result.status == run_status::diverges) row += fmt::format("{},{}", result.cycle_start, result.cycle_period);
  else row += ",";
  for (std::size_t i = 0; i < result.outputs.size(); ++i) row += "," + csv_value(result.outputs.view(), i);
  return row + "\n";
}

// JSON lines: {"input": [...], then the verdict of run --json}.
std::string json_row(const std::vector<rational>& input, const run_result& result) {
  nlohmann::ordered_json row;
  nlohmann::ordered_json values = nlohmann::ordered_json::array();
  for (const rational& value : input) values.push_back(format_value(value));
  row["input"] = std::move(values);
  add_verdict_json(row, result);
  return dump_json(row) + "\n";
}

// The ceiling on number memory behind the budget (number_memory.hpp), for
// one row's computation only, counted from where the row starts -- as for
// one `run`: reading the inputs and writing the rows are not the
// computation, and one row's numbers do not use up the next row's.
class number_ceiling {
 public:
  explicit number_ceiling(std::size_t bytes) { limit_number_memory_growth(bytes); }
  ~number_ceiling() { limit_number_memory_growth(memory_budget::unlimited); }
  number_ceiling(const number_ceiling&) = delete;
  number_ceiling& operator=(const number_ceiling&) = delete;
};

// One computation, with its number ceiling, and a limit error told with the input.
run_result run_row(network_runner& runner, const std::vector<rational>& input, const input_source& source,
                   const eval_command_options& options) {
  try {
    const number_ceiling ceiling(options.computation.max_memory);
    return runner.run(input);
  } catch (const limit_error& e) {
    std::vector<std::string> values;
    for (const rational& value : input) values.push_back(format_value(value));
    rethrow_in_context(e, fmt::format("on input {} ({})", fmt::join(values, ","), source.where()));
  }
}

// --shard K/N: the rows of the shard's points, both as CSV and as JSON, in
// a record for nnsim merge (shard_job.hpp).
int execute_shard(const shard& part, grid_source& source, network_runner& runner, const eval_command_options& options,
                  progress_display& progress) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  std::vector<rational> input;
  bool interrupted = false;
  while (!interrupted && source.next(input)) {
    const run_result result = run_row(runner, input, source, options);
    interrupted = result.interrupted || interrupt_requested();
    if (result.interrupted) break;
    items.push_back({source.point(), {{"csv", csv_row(input, result)}, {"json", json_row(input, result)}}});
    progress.update_count(items.size(), source.total(), "inputs");
  }
  nlohmann::ordered_json result;
  result["items"] = std::move(items);
  return write_shard_record(part, std::move(result), interrupted);
}

int execute(const eval_command_options& options, cli_context& context) {
  context.json_errors = options.json;
  const bool from_csv = options.inputs_option->count() > 0;
  if (!from_csv && options.grid_option->count() == 0) {
    throw input_error("eval needs its inputs: --inputs FILE.csv (one input per line) or --grid LO:HI:COUNT");
  }
  if (from_csv && options.inputs == "-" && options.file == "-") {
    throw input_error("the network and --inputs cannot both come from standard input");
  }
  const std::optional<shard> part = shard_option_value(options.shard);
  if (part && from_csv) throw input_error("--shard splits the points of --grid, not the rows of --inputs");
  const network net = load_network_file(options.file);
  if (net.inputs.empty()) {
    throw input_error("the network has no input neurons, so there is nothing to vary: run it with nnsim run");
  }
  run_request request;
  apply_computation_options(options.computation, request);
  // The ceiling is set around each row's computation instead (below).
  limit_number_memory_growth(memory_budget::unlimited);
  progress_display progress("eval", options.json);
  const interrupt_guard guard;
  request.monitor = progress.monitor();
  network_runner runner(net, request);

  std::unique_ptr<input_source> source;
  grid_source* grid = nullptr;
  if (from_csv) {
    source = std::make_unique<csv_source>(net, options.inputs);
  } else {
    auto points = std::make_unique<grid_source>(make_grid(net, options.grid), part.value_or(shard{}));
    grid = points.get();
    source = std::move(points);
  }
  if (part) return execute_shard(*part, *grid, runner, options, progress);
  output_stream out(options.output);
  if (merging_shards() != nullptr) {  // the rows the shards made, in order
    // Gathered (and checked) before anything is written.
    const auto rows = merged_items(*merging_shards());
    if (!options.json) out.write(csv_header(net));
    for (const auto& [point, row] : rows) {
      out.write(row.at(options.json ? "json" : "csv").get<std::string>());
    }
    out.finish();
    return 0;
  }

  // One row per input, handed to the reader as soon as it is made.  The CSV
  // header waits for the first row, so that an error in the first input
  // leaves the output empty.
  bool header_written = options.json;
  std::vector<rational> input;
  std::uint64_t rows = 0;
  // Ctrl-C ends the rows: the one whose computation it stopped is not
  // written (it has no verdict), and a message says how far the work got.
  while (!interrupt_requested() && source->next(input)) {
    const run_result result = run_row(runner, input, *source, options);
    if (result.interrupted) break;
    if (!header_written) out.write(csv_header(net));
    header_written = true;
    out.write(options.json ? json_row(input, result) : csv_row(input, result));
    out.flush();
    progress.update_count(++rows, source->total(), "inputs");
  }
  if (!header_written) out.write(csv_header(net));
  out.finish();
  // Also a Ctrl-C while the next row was being read (from a pipe, say):
  // the input was cut short, so the rows must not look complete.
  if (interrupt_requested()) {
    write_standard_error(fmt::format("nnsim: interrupted: {} evaluated (Ctrl-C); the rows written are theirs\n",
                                     plural(rows, "input", "inputs")));
    return exit_interrupted;
  }
  return 0;
}

}  // namespace

command add_eval_command(CLI::App& app, cli_context& context) {
  auto options = std::make_shared<eval_command_options>();
  CLI::App* sub = app.add_subcommand(
      "eval", "Run one computation per input: the rows of a CSV file or the points of a grid, one result row each");
  add_file_argument(*sub, options->file);
  options->inputs_option =
      sub->add_option("--inputs", options->inputs,
                      "the inputs, one per line: comma-separated values in input order, or in the order of a "
                      "first line that names the input neurons; - reads standard input")
          ->type_name("FILE.csv");
  options->grid_option =
      sub->add_option("--grid", options->grid,
                      "the inputs on a grid: COUNT evenly spaced exact values from LO to HI; given once it is used "
                      "for every input neuron, else once per input neuron in input order; the rows go through "
                      "every combination, the first input slowest")
          ->type_name("LO:HI:COUNT")
          ->allow_extra_args(false)  // one axis per --grid: `--grid 0:1:3 net.nn` is not two axes
          ->check(CLI::Validator(
              [](std::string& text) -> std::string {
                try {
                  parse_grid_axis(text);
                } catch (const input_error& e) {
                  return e.what();
                }
                return {};
              },
              ""));
  options->grid_option->excludes(options->inputs_option);
  add_computation_options(*sub, options->computation);
  add_json_flag(*sub, options->json)->description("one JSON object per input (JSON lines) instead of CSV");
  add_output_option(*sub, options->output);
  add_shard_option(*sub, options->shard);
  sub->footer(help_footer(
      "Each input is one computation, exactly as nnsim run does it, and gives one row: the input, the verdict "
      "(halted, diverges or undecided), the steps, the first state and the period of the cycle for diverges, and "
      "the output neurons' values. Rows are written as soon as each computation ends. The exit code is 0 when "
      "every input ran, whatever the verdicts; 2 for a bad input line and 3 when a limit stops a computation: "
      "nothing after it is run, the rows before it are on standard output, and -o FILE is left as it was. "
      "Ctrl-C stops the work with exit code 130; the rows of the inputs done are kept (also in -o FILE).",
      {
      "nnsim eval xor.nn --grid 0:1:2                    # XOR on its four 0/1 inputs",
      "nnsim eval net.nn --grid 0:1:101 --grid -1:1:21   # 101 x 21 points",
      "nnsim eval net.nn --inputs points.csv --json      # one JSON line per row of points.csv",
      "generate-points | nnsim eval net.nn --inputs -    # inputs from standard input",
      "nnsim eval net.nn --grid 0:1:11 -o results.csv    # the rows into a file",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() { return execute(*options, context); };
  return result;
}

}  // namespace nnsim::cli
