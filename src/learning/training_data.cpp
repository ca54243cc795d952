// Training data for the learning rules, read from CSV (training_data.hpp).
#include "nnsim/learning/training_data.hpp"

#include "nnsim/io/csv_reader.hpp"
#include "nnsim/io/text_file.hpp"
#include "nnsim/support/error.hpp"
#include "support/text.hpp"  // shorten

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace nnsim {
namespace {

// The header's names when they can name neurons (identifiers, not reserved,
// all different), else the defaults.
void take_names(training_data& data, const std::vector<csv_field>& header) {
  std::set<std::string_view> seen;
  bool usable = true;
  for (const csv_field& f : header) {
    usable = usable && can_name_neuron(f.text) && seen.insert(f.text).second;
  }
  if (!usable) return;
  data.input_names.clear();
  for (std::size_t k = 0; k + 1 < header.size(); ++k) data.input_names.emplace_back(header[k].text);
  data.target_name = std::string(header.back().text);
}

}  // namespace

training_data parse_training_data(std::string_view text, const std::string& source_name) {
  training_data data;
  const csv_text csv(text, source_name);
  auto error_at = [&](std::size_t line, std::uint32_t column, const std::string& message) {
    return csv.error_at(line, column, message);
  };

  std::size_t columns = 0;          // 0: not known yet
  std::size_t columns_line = 0;     // the line that fixed it
  for (std::size_t l = 0; l < csv.line_count(); ++l) {
    const std::string_view line = csv.content(l);
    if (csv_text::is_blank(line)) continue;
    const std::vector<csv_field> fields = csv_text::fields(line);

    if (columns == 0) {
      columns = fields.size();
      columns_line = l;
      data.examples.dimension = columns - 1;
      for (std::size_t k = 1; k < columns; ++k) data.input_names.push_back(fmt::format("x{}", k));
      // A header has no number in it; a line with some numbers is data
      // (and its bad fields are reported as such).
      literal_problem ignored;
      const bool header = std::none_of(fields.begin(), fields.end(),
                                       [&](const csv_field& f) { return read_csv_number(f.text, ignored).has_value(); });
      if (header) {
        data.has_header = true;
        for (const csv_field& f : fields) {
          if (f.text.empty()) throw error_at(l, f.column, "empty column name in the header");
        }
        take_names(data, fields);
        continue;
      }
    }
    if (fields.size() != columns) {
      // At the first field too many, or just after the last one.
      const std::uint32_t column = fields.size() > columns
                                       ? fields[columns].column
                                       : static_cast<std::uint32_t>(line.find_last_not_of(" \t\r") + 2);
      throw error_at(l, column,
                     fmt::format("expected {} columns ({} input{} and the target), as on line {}, but found {}",
                                 columns, columns - 1, columns == 2 ? "" : "s", columns_line + 1, fields.size()));
    }
    std::vector<rational> x;
    x.reserve(columns - 1);
    for (std::size_t k = 0; k < columns; ++k) {
      literal_problem problem;
      std::optional<rational> value = read_csv_number(fields[k].text, problem);
      if (!value) {
        throw error_at(l, static_cast<std::uint32_t>(fields[k].column + problem.offset), problem.message);
      }
      if (k + 1 < columns) {
        x.push_back(std::move(*value));
      } else if (*value != 0 && *value != 1) {
        throw error_at(l, fields[k].column,
                       fmt::format("the target (last column) must be 0 or 1, not '{}'", shorten(fields[k].text)));
      } else {
        data.examples.points.push_back(std::move(x));
        data.examples.labels.push_back(*value == 1);
        data.lines.push_back(static_cast<std::uint32_t>(l + 1));
        break;
      }
    }
  }
  if (data.examples.points.empty()) {
    throw csv.error_at_end("no examples: expected lines of comma-separated inputs and a target 0 or 1");
  }
  return data;
}

training_data read_training_file(const std::string& path) {
  return parse_training_data(read_text_file(path), path == "-" ? std::string("<stdin>") : path);
}

}  // namespace nnsim
