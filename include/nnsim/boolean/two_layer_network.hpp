// The lecture's theorem "two-layer networks of unit-step neurons compute
// every F: {0,1}^n -> {0,1}" (section "Expressive power of neural networks")
// as a construction: one hidden neuron N_v per input vector v with F(v) = 1,
// firing exactly on v, and an OR neuron on top; its dual (one neuron per v
// with F(v) = 0, firing everywhere but on v, and an AND on top); and a
// minimized form with one hidden neuron per prime implicant of a minimum
// cover (minimum_cover.hpp: Quine-McCluskey, then an exact cover search).
//
// Every network has the inputs x1 ... xn and the output y, integer weights,
// rule parallel (or layered on request), and comments saying what it computes
// and what each group of neurons stands for (network::comment,
// equation::comment).  Functions with an arity they cannot build throw
// input_error.
#pragma once

#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/boolean/minimum_cover.hpp"  // max_minimize_arity
#include "nnsim/model/network.hpp"

namespace nnsim {

enum class normal_form {
  dnf,  // hidden neurons that fire on (groups of) ones of F, OR on top
  cnf,  // hidden neurons that fire except on (groups of) zeros of F, AND on top
};

struct two_layer_options {
  normal_form form = normal_form::dnf;
  bool minimize = false;  // one hidden neuron per prime implicant of a minimum cover
  bool layered = false;   // rule layered instead of parallel
};

// The largest arity of the unminimized constructions: they have up to 2^n
// hidden neurons with n terms each.
inline constexpr unsigned max_two_layer_arity = 16;

// The two-layer network for F.  Inputs x1 ... xn, output y.
//   dnf: for each v with F(v) = 1 a neuron n_<v> = step(-|v| + sum_{v_i=1} x_i
//        - sum_{v_i=0} x_i) (|v| = number of ones) that fires exactly on v;
//        y = step(-1 + sum of them) (OR).
//   cnf: for each v with F(v) = 0 a neuron c_<v> = step(|v| - 1 - sum_{v_i=1}
//        x_i + sum_{v_i=0} x_i) that fires on every input but v; y = step(-m +
//        sum of the m of them) (AND).
//   minimize: the same with one neuron per implicant of minimum_cover (of F
//        for dnf, named t1, t2, ...; of !F for cnf, named c1, c2, ..., each
//        firing except where its implicant of !F holds); only the variables
//        of the implicant occur.
// A constant F has no hidden neurons: y = step(0) for 1, y = step(-1) for 0.
// Throws input_error for arity > max_two_layer_arity (max_minimize_arity
// with minimize).
network build_two_layer(const boolean_function& f, const two_layer_options& options = {});

}  // namespace nnsim
