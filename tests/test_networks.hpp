// Small networks built with the model's builder API, shared by several test
// files so that they do not depend on the file parser.
#pragma once

#include "nnsim/model/network.hpp"

#include <string>
#include <utility>
#include <vector>

namespace nnsim_test {

// The lecture's XOR network (network-format.md): x1, x2 -> h1, h2 -> y, with
// the lines P1: -1 + 2 x1 + 2 x2 and P2: 3 - 2 x1 - 2 x2 and y their AND.
inline nnsim::network xor_network() {
  using nnsim::activation;
  using nnsim::equation;
  using nnsim::neuron_id;
  nnsim::network net;
  net.name = "xor";
  const neuron_id x1 = net.add_input("x1");
  const neuron_id x2 = net.add_input("x2");
  const neuron_id h1 = net.intern("h1");
  const neuron_id h2 = net.intern("h2");
  const neuron_id y = net.intern("y");
  net.add_output(y);
  {
    equation& e = net.add_equation(h1, activation::step);
    e.bias = -1;
    e.inputs = {{x1, 2}, {x2, 2}};
  }
  {
    equation& e = net.add_equation(h2, activation::step);
    e.bias = 3;
    e.inputs = {{x1, -2}, {x2, -2}};
  }
  {
    equation& e = net.add_equation(y, activation::step);
    e.bias = -2;
    e.inputs = {{h1, 1}, {h2, 1}};
  }
  return net;
}

// Adds `name = act(bias + sum of weight * source)`, interning the names.
using term_list = std::vector<std::pair<std::string, nnsim::rational>>;

inline nnsim::equation& add(nnsim::network& net, const std::string& name, nnsim::activation act, nnsim::rational bias,
                            const term_list& terms) {
  nnsim::equation& e = net.add_equation(net.intern(name), act);
  e.bias = std::move(bias);
  for (const auto& [source, weight] : terms) e.inputs.push_back({net.intern(source), weight});
  return e;
}

}  // namespace nnsim_test
