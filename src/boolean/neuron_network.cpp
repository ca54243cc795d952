#include "nnsim/boolean/neuron_network.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>

namespace nnsim {

network neuron_network(const step_neuron& neuron, const std::string& name, std::vector<std::string> input_names,
                       const std::string& output_name) {
  if (input_names.empty()) {
    for (std::size_t i = 1; i <= neuron.weights.size(); ++i) input_names.push_back(fmt::format("x{}", i));
  }
  if (input_names.size() != neuron.weights.size()) {
    throw input_error(fmt::format("{} input names for {} weights", input_names.size(), neuron.weights.size()));
  }
  std::vector<rational> weights;
  for (const integer& w : neuron.weights) weights.emplace_back(w);
  network net = single_neuron_network(input_names, output_name, weights, rational(neuron.bias));
  net.name = name;
  return net;
}

}  // namespace nnsim
