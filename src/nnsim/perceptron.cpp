// The perceptron learning rule and its training data (perceptron.hpp).
#include "nnsim/perceptron.hpp"

#include "nnsim/error.hpp"
#include "nnsim/network_lexer.hpp"
#include "nnsim/network_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace nnsim {
namespace {

// One comma-separated field of a line: its text without surrounding blanks
// and its 1-based column (of the first character, or where it would be).
struct field {
  std::string_view text;
  std::uint32_t column = 0;
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::vector<field> split_fields(std::string_view line) {
  std::vector<field> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
    std::size_t first = start;
    std::size_t last = end;
    while (first < last && is_blank(line[first])) ++first;
    while (last > first && is_blank(line[last - 1])) --last;
    fields.push_back({line.substr(first, last - first), static_cast<std::uint32_t>(first + 1)});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

// A number with an optional sign, the whole field; else why not and where
// in the field (0-based).
std::optional<rational> read_field_number(std::string_view text, literal_problem& problem) {
  std::size_t pos = 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    pos = 1;
  }
  if (text.empty()) {
    problem = {"empty field: expected a number", 0};
    return std::nullopt;
  }
  std::size_t length = 0;
  std::optional<rational> value = read_number(text.substr(pos), length, problem);
  if (!value) {
    problem.offset += pos;
    if (problem.message == "expected a number") problem.message = fmt::format("invalid number '{}'", text);
    return std::nullopt;
  }
  if (pos + length != text.size()) {
    problem = {fmt::format("unexpected '{}' after the number '{}'", text.substr(pos + length),
                           text.substr(0, pos + length)),
               pos + length};
    return std::nullopt;
  }
  if (negative) *value = -*value;
  return value;
}

// The header's names when they can name neurons (identifiers, not reserved,
// all different), else the defaults.
void take_names(training_data& data, const std::vector<field>& header) {
  std::set<std::string_view> seen;
  bool usable = true;
  for (const field& f : header) {
    usable = usable && is_identifier(f.text) && !is_reserved_word(f.text) && seen.insert(f.text).second;
  }
  if (!usable) return;
  data.input_names.clear();
  for (std::size_t k = 0; k + 1 < header.size(); ++k) data.input_names.emplace_back(header[k].text);
  data.target_name = std::string(header.back().text);
}

}  // namespace

training_data parse_training_data(std::string_view text, const std::string& source_name) {
  training_data data;
  std::vector<std::string> lines;
  {
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = text.find('\n', start);
      lines.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    if (!lines.empty() && lines.back().empty()) lines.pop_back();
  }
  auto error_at = [&](std::size_t line, std::uint32_t column, const std::string& message) {
    std::string source = lines[line];
    if (!source.empty() && source.back() == '\r') source.pop_back();
    return input_error(message, source_name, text_location{static_cast<std::uint32_t>(line + 1), column}, source);
  };

  std::size_t columns = 0;          // 0: not known yet
  std::size_t columns_line = 0;     // the line that fixed it
  for (std::size_t l = 0; l < lines.size(); ++l) {
    std::string_view line = lines[l];
    if (const std::size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    if (std::all_of(line.begin(), line.end(), is_blank)) continue;
    const std::vector<field> fields = split_fields(line);

    if (columns == 0) {
      columns = fields.size();
      columns_line = l;
      data.examples.dimension = columns - 1;
      for (std::size_t k = 1; k < columns; ++k) data.input_names.push_back(fmt::format("x{}", k));
      // A header has no number in it; a line with some numbers is data
      // (and its bad fields are reported as such).
      literal_problem ignored;
      const bool header = std::none_of(fields.begin(), fields.end(),
                                       [&](const field& f) { return read_field_number(f.text, ignored).has_value(); });
      if (header) {
        data.has_header = true;
        for (const field& f : fields) {
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
      std::optional<rational> value = read_field_number(fields[k].text, problem);
      if (!value) {
        throw error_at(l, static_cast<std::uint32_t>(fields[k].column + problem.offset), problem.message);
      }
      if (k + 1 < columns) {
        x.push_back(std::move(*value));
      } else if (*value != 0 && *value != 1) {
        throw error_at(l, fields[k].column,
                       fmt::format("the target (last column) must be 0 or 1, not '{}'", fields[k].text));
      } else {
        data.examples.points.push_back(std::move(x));
        data.examples.labels.push_back(*value == 1);
        data.lines.push_back(static_cast<std::uint32_t>(l + 1));
        break;
      }
    }
  }
  if (data.examples.points.empty()) {
    const std::size_t last = lines.empty() ? 0 : lines.size() - 1;
    if (lines.empty()) lines.emplace_back();
    throw error_at(last, static_cast<std::uint32_t>(lines[last].size() + 1),
                   "no examples: expected lines of comma-separated inputs and a target 0 or 1");
  }
  return data;
}

training_data read_training_file(const std::string& path) {
  return parse_training_data(read_text_file(path), path == "-" ? std::string("<stdin>") : path);
}

perceptron_result train_perceptron(const labelled_points& data, const perceptron_options& options) {
  if (options.rate <= 0) throw input_error(fmt::format("the learning rate must be positive, not {}", to_string(options.rate)));
  if (options.max_epochs == 0) throw input_error("the epoch limit must be at least 1");
  const std::size_t n = data.dimension;
  if (!options.initial_weights.empty() && options.initial_weights.size() != n) {
    throw input_error(fmt::format("{} initial weights for {} inputs", options.initial_weights.size(), n));
  }
  perceptron_result result;
  result.weights = options.initial_weights.empty() ? std::vector<rational>(n, rational(0)) : options.initial_weights;
  result.bias = options.initial_bias;
  rational xi;
  rational step;
  // The neurons seen after each epoch (the initial one as epoch 0), by text.
  std::unordered_map<std::string, std::uint64_t> seen;
  const auto key = [&] {
    std::string text = to_string(result.bias);
    for (const rational& w : result.weights) text += "," + to_string(w);
    return text;
  };
  seen.emplace(key(), 0);
  for (std::uint64_t epoch = 0; epoch < options.max_epochs && !result.converged; ++epoch) {
    std::uint64_t errors = 0;
    for (std::size_t i = 0; i < data.points.size(); ++i) {
      const std::vector<rational>& x = data.points[i];
      xi = result.bias;
      for (std::size_t d = 0; d < n; ++d) xi += result.weights[d] * x[d];
      const bool y = xi >= 0;
      if (y == data.labels[i]) continue;
      ++errors;
      step = data.labels[i] ? options.rate : rational(-options.rate);  // ε (d - y)
      for (std::size_t d = 0; d < n; ++d) result.weights[d] += step * x[d];
      result.bias += step;
    }
    result.epochs.push_back({errors, result.weights, result.bias});
    result.converged = errors == 0;
    if (result.converged) break;
    const auto [where, fresh] = seen.emplace(key(), epoch + 1);
    if (!fresh) {
      result.repeats = epoch + 1;
      result.repeated = where->second;
      break;
    }
  }
  return result;
}

network perceptron_network(const training_data& data, const std::vector<rational>& weights, const rational& bias,
                           const std::string& comment) {
  if (weights.size() != data.input_names.size()) {
    throw input_error(fmt::format("{} weights for {} inputs", weights.size(), data.input_names.size()));
  }
  network net = single_neuron_network(data.input_names, data.target_name, weights, bias);
  net.name = "perceptron";
  net.comment = comment;
  return net;
}

}  // namespace nnsim
