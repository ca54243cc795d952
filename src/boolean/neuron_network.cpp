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
  network net;
  net.name = name;
  std::vector<neuron_id> inputs;
  for (const std::string& input : input_names) inputs.push_back(net.add_input(input));
  const neuron_id y = net.intern(output_name);
  net.add_output(y);
  equation& e = net.add_equation(y, activation::step);
  e.bias = rational(neuron.bias);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (neuron.weights[i] != 0) e.inputs.push_back({inputs[i], rational(neuron.weights[i])});
  }
  return net;
}

}  // namespace nnsim
