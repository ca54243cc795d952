#include "nnsim/boolean/truth_table.hpp"

#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <type_traits>
#include <variant>

namespace nnsim {

truth_table compute_truth_table(const network& net, const truth_table_request& request) {
  if (net.inputs.size() > max_truth_table_inputs) {
    throw input_error(fmt::format("a truth table runs the network on all 2^k inputs; the network has {} input "
                                  "neurons, at most {} are allowed",
                                  net.inputs.size(), max_truth_table_inputs));
  }
  truth_table table;
  table.arity = static_cast<unsigned>(net.inputs.size());
  table.output_count = net.outputs.size();
  table.rule = request.rule.value_or(net.rule);
  table.numbers = request.numbers;
  // Fails early, once, when the rule does not fit (layered on a cycle).
  make_update_rule(net, table.rule);

  run_request run;
  run.rule = table.rule;
  run.numbers = request.numbers;
  run.limits = request.limits;
  run.input.assign(table.arity, rational(0));
  // One budget for the rows kept and every row's run; the rows' output
  // values are counted as numbers (memory_budget.hpp), their vectors here.
  memory_budget budget(request.limits.max_memory);
  run.budget = &budget;
  memory_charge kept(budget);
  const std::uint32_t count = std::uint32_t{1} << table.arity;
  const auto out_of_memory = [&](std::uint32_t rows) {
    return limit_error(fmt::format("keeping the truth table's {} rows needs more than the memory limit of {} bytes "
                                   "after {} rows (raise --max-memory)",
                                   count, budget.limit(), rows));
  };
  if (!kept.try_add(std::size_t{count} * sizeof(truth_table_row))) throw out_of_memory(0);
  table.rows.reserve(count);
  for (std::uint32_t v = 0; v < count; ++v) {
    for (unsigned j = 1; j <= table.arity; ++j) run.input[j - 1] = rational(((v >> (table.arity - j)) & 1u) != 0 ? 1 : 0);
    run_result result;
    try {
      result = run_network(net, run);
    } catch (const limit_error& e) {
      // Which row stopped the table, written as --input would take it.
      std::vector<std::string> values;
      for (const rational& x : run.input) values.push_back(to_string(x));
      rethrow_in_context(e, fmt::format("on input {}", fmt::join(values, ",")));
    }
    if (!kept.try_add(net.outputs.size() * sizeof(rational))) throw out_of_memory(v);
    truth_table_row row;
    row.input = v;
    row.status = result.status;
    row.steps = result.steps;
    row.outputs = std::move(result.outputs);
    table.rows.push_back(std::move(row));
    if (request.progress) request.progress(v + 1, count);
  }
  return table;
}

namespace {

// Whether the first value is exactly `wanted` (0 or 1), in any number mode:
// an interval only when it is that point.
bool is_exactly(const state_values& values, long wanted) {
  return std::visit(
      [wanted](const auto& v) {
        using num = typename std::remove_cvref_t<decltype(v)>::value_type;
        if constexpr (std::is_same_v<num, real_number>) {
          return mpfr_number_p(v[0].get()) != 0 && mpfr_cmp_si(v[0].get(), wanted) == 0;
        } else if constexpr (std::is_same_v<num, interval_number>) {
          return v[0].is_point() && mpfr_cmp_si(&v[0].get()->left, wanted) == 0;
        } else {
          return v[0] == wanted;
        }
      },
      values.storage());
}

}  // namespace

bool row_matches(const truth_table_row& row, bool value) {
  if (row.status != run_status::halted || row.outputs.size() != 1) return false;
  // Exactly 0 includes a floating -0.
  return is_exactly(row.outputs, value ? 1 : 0);
}

std::vector<std::uint32_t> mismatching_rows(const truth_table& table, const boolean_function& expected) {
  if (table.output_count != 1) {
    throw input_error(fmt::format("comparing with a Boolean function needs a network with one output neuron; this "
                                  "one has {}",
                                  table.output_count));
  }
  if (expected.arity() != table.arity) {
    throw input_error(fmt::format("the expected function has {} input{}, the network {}", expected.arity(),
                                  expected.arity() == 1 ? "" : "s", table.arity));
  }
  std::vector<std::uint32_t> rows;
  for (const truth_table_row& row : table.rows) {
    if (!row_matches(row, expected(row.input))) rows.push_back(row.input);
  }
  return rows;
}

std::optional<boolean_function> computed_function(const truth_table& table) {
  if (table.output_count != 1) return std::nullopt;
  std::vector<bool> values(table.rows.size());
  for (const truth_table_row& row : table.rows) {
    if (row_matches(row, true)) {
      values[row.input] = true;
    } else if (!row_matches(row, false)) {
      return std::nullopt;
    }
  }
  return boolean_function(table.arity, std::move(values));
}

}  // namespace nnsim
