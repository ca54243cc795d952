// Building blocks of the recurrent `sat` networks that the language
// constructions write (machine_compiler.cpp, oracle_network.cpp): affine
// expressions over neurons, a builder that adds `sat` equations with the
// comments that say which part of the construction a group of neurons is,
// delay lines, and the "safe write" register that makes a construction
// tolerate signals that are strictly between 0 and 1 for a step.
//
// A safe write of register X toward target T with enable G uses
//   up = sat(T - X - 1 + G),  down = sat(X - T - 1 + G),
//   X  = sat(X.c + Σ up - Σ down),  X.c = sat(X):
// with G = 0 both corrections vanish (|T - X| <= 1), with G = 1 they are the
// positive and negative parts of T - X, with X = T they vanish for any G,
// and in between they move X toward T without passing it.  X reads its own
// value through the copy X.c, so each correction is applied to the value it
// was computed from (two interleaved threads, both converging): with G = 1
// from step t on and T fixed, X = T from step t + 2 on.
#pragma once

#include "nnsim/model/network.hpp"

#include <string>
#include <vector>

namespace nnsim {

// An affine expression bias + Σ w·y over neurons.
struct affine {
  rational bias = 0;
  std::vector<weighted_input> terms;

  affine() = default;
  affine(rational constant) : bias(std::move(constant)) {}  // NOLINT: constants read naturally
  affine(neuron_id id) { terms.push_back({id, 1}); }        // NOLINT

  affine& add(neuron_id id, const rational& weight) {
    terms.push_back({id, weight});
    return *this;
  }
  affine& add(const affine& other, const rational& factor = 1) {
    bias += other.bias * factor;
    for (const auto& t : other.terms) terms.push_back({t.source, t.weight * factor});
    return *this;
  }
};

inline affine operator+(affine a, const affine& b) { return a.add(b); }
inline affine operator-(affine a, const affine& b) { return a.add(b, -1); }
inline affine operator*(const rational& factor, const affine& a) {
  affine scaled;
  return scaled.add(a, factor);
}

// Suppression weight: larger than any potential it must cancel (every
// potential these constructions suppress is at most 3 in absolute value).
inline rational suppression_weight() { return 4; }

// Builds a network of `sat` neurons by name, each group under a comment.
class sat_circuit {
 public:
  network net;

  neuron_id id(const std::string& name) { return net.intern(name); }

  // The comment written above the next equation added.
  void comment(std::string text) { pending_ = std::move(text); }

  // name = sat(potential); a neuron that occurs several times in the
  // potential is one term (the format's rule: where it first occurs).
  neuron_id sat(const std::string& name, const affine& potential);

  void init(neuron_id id, const rational& value);

  // A delay line PREFIX.1 ... PREFIX.length after `source`; returns its neurons.
  std::vector<neuron_id> delay_line(const std::string& prefix, neuron_id source, unsigned length);

  struct write_port {
    affine target;
    neuron_id enable;
  };

  // A register NAME written only by safe writes, one per port (neurons
  // NAME.up, NAME.dn -- numbered when there are several ports --, NAME and
  // its copy NAME.c, in this order); `initial` is its value at step 0.
  neuron_id safe_register(const std::string& name, const rational& initial, const std::vector<write_port>& ports);

 private:
  std::string pending_;
};

}  // namespace nnsim
