// The construction of relu_set_approximation.hpp.
#include "nnsim/approximation/relu_set_approximation.hpp"

#include "nnsim/approximation/approximation_input.hpp"

#include "approximation/approximation_network_builder.hpp"
#include "approximation/construction_numbers.hpp"
#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <queue>

namespace nnsim {
namespace {

using namespace construction;

// A cell narrower than the domain's width / 2^this is not cut again.
constexpr unsigned finest_cut = 60;

struct cell {
  rational low, high;
  truth in_set;
};

truth decide(const real_predicate& set, const rational& low, const rational& high) {
  return holds_over(set, box{{low}, {high}});
}

}  // namespace

relu_set_approximation build_relu_set_approximation(const real_predicate& set, const relu_set_options& options) {
  if (options.epsilon <= 0) throw input_error("epsilon must be positive");
  if (options.domain.dimension() != 1) {
    throw input_error("the ReLU construction classifies the points of an interval (one input)");
  }
  const rational a = options.domain.low[0];
  const rational b = options.domain.high[0];
  const rational finest = (b - a) * power_of_two(-static_cast<long>(finest_cut));
  relu_set_approximation result;

  // 1. The cells: decided ones in `decided`, ambiguous ones in a queue, longest first.
  std::vector<cell> decided;
  auto longer = [](const cell& x, const cell& y) { return x.high - x.low < y.high - y.low; };
  std::priority_queue<cell, std::vector<cell>, decltype(longer)> ambiguous(longer);
  auto classify = [&](const rational& low, const rational& high) {
    const truth t = decide(set, low, high);
    if (t == truth::unknown) {
      result.ambiguous += high - low;
      ambiguous.push({low, high, t});
    } else {
      (t == truth::yes ? result.inside : result.outside) += high - low;
      decided.push_back({low, high, t});
    }
  };
  classify(a, b);
  while (result.ambiguous > options.epsilon) {
    if (decided.size() + ambiguous.size() >= options.max_neurons) {
      throw input_error(fmt::format("the set is not decided up to a length of {} within {} cells (raise "
                                    "--max-neurons, or give a larger epsilon); {} of it is still ambiguous",
                                    to_string(options.epsilon), options.max_neurons,
                                    bound_text(result.ambiguous, true)));
    }
    const cell c = ambiguous.top();
    if (c.high - c.low <= finest) {
      throw input_error(fmt::format("whether x is in the set stays undecided near x = {} however small the cell",
                                    to_string((c.low + c.high) / 2)));
    }
    ambiguous.pop();
    result.ambiguous -= c.high - c.low;
    const rational m = (c.low + c.high) / 2;
    classify(c.low, m);
    classify(m, c.high);
  }
  std::vector<cell> cells = decided;
  for (; !ambiguous.empty(); ambiguous.pop()) cells.push_back(ambiguous.top());
  std::sort(cells.begin(), cells.end(), [](const cell& x, const cell& y) { return x.low < y.low; });
  result.cells = cells.size();

  // 2. The maximal runs of inside cells.
  for (const cell& c : cells) {
    if (c.in_set != truth::yes) continue;
    if (!result.runs.empty() && result.runs.back().high == c.low) {
      result.runs.back().high = c.high;
    } else {
      result.runs.push_back({c.low, c.high});
    }
  }

  approximation_network_builder builder("relu_set_approximation", 1);
  const neuron_id x = builder.x[0];
  std::vector<weighted_term> terms;
  rational bias = 0;
  std::size_t number = 0;
  auto relu = [&](const rational& weight_of_x, const rational& neuron_bias, const rational& output_weight,
                  std::string comment) {
    const neuron_id h = builder.add(fmt::format("h{}", ++number), activation::relu, neuron_bias,
                                    {{x, weight_of_x}}, std::move(comment));
    terms.push_back({h, output_weight});
  };
  for (const interval_run& run : result.runs) {
    const std::string span = fmt::format("[{}, {}]", to_string(run.low), to_string(run.high));
    if (run.low == a && run.high == b) {
      bias = 1;  // A holds on the whole domain
    } else if (run.low == a) {
      relu(-1, run.high, 1, fmt::format("run {} at the left end: relu({} - x), > 0 left of {}", span,
                                        to_string(run.high), to_string(run.high)));
    } else if (run.high == b) {
      relu(1, -run.low, 1, fmt::format("run {} at the right end: relu(x - {}), > 0 right of {}", span,
                                       to_string(run.low), to_string(run.low)));
    } else {
      const rational m = (run.low + run.high) / 2;
      relu(1, -run.low, 1, fmt::format("run {}: the distance to its ends, relu(x - {}) - 2 relu(x - {}) + relu(x - {})",
                                       span, to_string(run.low), to_string(m), to_string(run.high)));
      relu(1, -m, -2, fmt::format("run {}: its middle", span));
      relu(1, -run.high, 1, fmt::format("run {}: its right end", span));
    }
  }
  result.hidden = number;
  if (result.hidden > options.max_neurons) {
    throw input_error(fmt::format("the network would have {} hidden neurons, more than {} (raise --max-neurons)",
                                  result.hidden, options.max_neurons));
  }
  builder.add(builder.y, activation::id, bias, terms,
              result.runs.empty() ? std::string("F = 0: no cell is proven inside the set")
                                  : fmt::format("F(x) > 0 exactly inside the {} run{}", result.runs.size(),
                                                result.runs.size() == 1 ? "" : "s"));
  builder.net.comment = wrapped(fmt::format(
      "x is in the set iff F(x) > 0, for all x in [{}, {}] but a set of measure <= {}: the second half of the "
      "lecture's \"Power of ReLU\" (a two-layer network: ReLU hidden neurons, an identity output; for an open set "
      "A).\n"
      "Interval arithmetic decided the {} cells of the domain as inside or outside the set, leaving ambiguous ones of "
      "total length {}. F is the distance to the ends of each maximal run of inside cells (the lecture's \"distance "
      "to the boundary of A\"), so F > 0 exactly inside the runs.\n"
      "Proven: the points misclassified have measure <= {} (epsilon = {}).",
      to_string(a), to_string(b), bound_text(result.ambiguous, true), result.cells,
      bound_text(result.ambiguous, true), bound_text(result.ambiguous, true), to_string(options.epsilon)));
  result.net = std::move(builder.net);
  return result;
}

}  // namespace nnsim
