// One unit-step neuron (a separating neuron found by linear_separability.hpp)
// written as a network.
#pragma once

#include "nnsim/boolean/linear_separability.hpp"
#include "nnsim/model/network.hpp"

#include <string>
#include <vector>

namespace nnsim {

// The neuron as a network: inputs `input_names` (x1 … xn when empty), one
// output neuron `output_name` with y = step(b + Σ w_i x_i), rule layered.
// Zero weights are left out of the equation.
network neuron_network(const step_neuron& neuron, const std::string& name, std::vector<std::string> input_names = {},
                       const std::string& output_name = "y");

}  // namespace nnsim
