// Internal helpers that the Boolean constructions share (logic_gates.cpp,
// minimum_cover.cpp, two_layer_network.cpp): building a network with the
// inputs x1 ... xn and the output y out of unit-step neurons with integer
// weights, the texts their comments are made of, and the arity check of the
// exact minimization.  Not part of the public headers.
#pragma once

#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/model/network.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nnsim::construction {

struct term {
  neuron_id source;
  int weight;
};

// A network with the inputs x1 ... xn and the output y (declared in that
// order, which is also the order a reload numbers them in).
struct network_builder {
  network net;
  std::vector<neuron_id> x;
  neuron_id y{};

  network_builder(std::string name, unsigned arity) {
    net.name = std::move(name);
    for (unsigned i = 1; i <= arity; ++i) x.push_back(net.add_input(fmt::format("x{}", i)));
    y = net.intern("y");
    net.add_output(y);
    net.rule_given = true;
  }

  // target = step(bias + sum of terms); a zero weight is not written (it
  // would still be an edge of the architecture).
  neuron_id add_step(neuron_id target, long bias, const std::vector<term>& terms, std::string comment = {}) {
    equation& e = net.add_equation(target, activation::step);
    e.bias = rational(bias);
    for (const term& t : terms) {
      if (t.weight != 0) e.inputs.push_back({t.source, rational(t.weight)});
    }
    e.comment = std::move(comment);
    return target;
  }
  neuron_id add_step(std::string_view name, long bias, const std::vector<term>& terms, std::string comment = {}) {
    return add_step(net.intern(name), bias, terms, std::move(comment));
  }

  // x1 + ... + xn with the same weight on every input.
  std::vector<term> all_inputs(int weight) const {
    std::vector<term> terms;
    for (neuron_id id : x) terms.push_back({id, weight});
    return terms;
  }
};

// "x1 + x2 + x3" for a comment.
std::string sum_text(unsigned arity);

// "x1, x2, x3" or "x1, ..., x8".
std::string argument_text(unsigned arity);

// "1 input", "3 inputs".
std::string inputs_text(unsigned n);

unsigned popcount(std::uint32_t v);

// The bits of the input number v, x1 first: "101".
std::string vector_bits(std::uint32_t v, unsigned arity);

// "(1,0,1)".
std::string vector_tuple(std::uint32_t v, unsigned arity);

// Throws input_error when f has more than max_minimize_arity inputs
// (minimum_cover.hpp): prime_implicants, minimum_cover and build_two_layer
// with minimize.
void check_minimize_arity(const boolean_function& f);

}  // namespace nnsim::construction
