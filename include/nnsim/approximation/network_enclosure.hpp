// The function F : ℝ^k → ℝ an acyclic network computes (its inputs in
// order to one output neuron, the value the layered rule leaves there),
// enclosed over a box by interval arithmetic, with an enclosure of its
// gradient where F is differentiable or Lipschitz on the box.  A step or sign
// neuron whose potential straddles 0 on the box gives its whole range
// ([0, 1] or [-1, 1]) and marks F as possibly jumping there.
#pragma once

#include "nnsim/approximation/box.hpp"
#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/model/network.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

class network_enclosure {
 public:
  // Throws input_error when the network is cyclic, has no input, has no
  // output to read (several outputs need `output_name`), or its rule never
  // updates some neuron with an equation.  An input neuron with an equation
  // takes the box's value, then its equation's, as in a run.
  explicit network_enclosure(const network& net, std::string_view output_name = {},
                             mpfr_prec_t precision = approximation_precision);

  std::size_t dimension() const { return inputs_.size(); }
  const std::string& output_name() const { return output_name_; }

  // F over the box (k = dimension() coordinates).
  gradient_enclosure over(const box& b);

 private:
  struct term {
    std::size_t source;
    interval_number weight;
  };
  struct node {
    std::size_t target;
    activation act;
    potential_kind kind;
    norm_kind norm;
    interval_number bias, scale, lambda;  // bias: the bias or the offset of a distance
    std::vector<term> terms;              // weights, or the centres of a distance
  };

  const network& net_;
  mpfr_prec_t precision_;
  std::vector<std::size_t> inputs_;
  std::size_t output_ = 0;
  std::string output_name_;
  std::vector<node> order_;               // the equations, by layer
  std::vector<interval_number> initial_;  // values of neurons without an equation
  // Per neuron: value, gradient (dimension() entries each), whether bounded.
  std::vector<interval_number> value_;
  std::vector<std::vector<interval_number>> gradient_;
  std::vector<char> bounded_;
};

}  // namespace nnsim
