// The perceptron learning rule (perceptron.hpp).
#include "nnsim/learning/perceptron.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <unordered_map>

namespace nnsim {

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
