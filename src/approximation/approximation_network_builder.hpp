// The networks of the approximation constructions: the inputs x (one
// dimension) or x1 … xk, the output y, rule layered (the lecture's rule for
// multilayer networks: step i evaluates layer i, so after as many steps as
// layers y holds F(x)), and equations with rational weights.  Not part of the
// public headers.
#pragma once

#include "nnsim/model/network.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nnsim::construction {

struct weighted_term {
  neuron_id source;
  rational weight;
};

struct approximation_network_builder {
  network net;
  std::vector<neuron_id> x;
  neuron_id y{};

  approximation_network_builder(std::string name, std::size_t dimension) {
    net.name = std::move(name);
    if (dimension == 1) {
      x.push_back(net.add_input("x"));
    } else {
      for (std::size_t i = 1; i <= dimension; ++i) x.push_back(net.add_input(fmt::format("x{}", i)));
    }
    y = net.intern("y");
    net.add_output(y);
    net.rule.kind = rule_kind::layered;
    net.rule_given = true;
  }

  // target = act(bias + Σ weight source); zero weights are left out.
  neuron_id add(neuron_id target, activation act, const rational& bias, const std::vector<weighted_term>& terms,
                std::string comment = {}, const rational& lambda = 1) {
    equation& e = net.add_equation(target, act);
    e.bias = bias;
    if (act == activation::logistic) e.logistic_lambda = lambda;
    for (const weighted_term& t : terms) {
      if (t.weight != 0) e.inputs.push_back({t.source, t.weight});
    }
    e.comment = std::move(comment);
    return target;
  }
  neuron_id add(std::string_view name, activation act, const rational& bias, const std::vector<weighted_term>& terms,
                std::string comment = {}, const rational& lambda = 1) {
    return add(net.intern(name), act, bias, terms, std::move(comment), lambda);
  }
};

}  // namespace nnsim::construction
