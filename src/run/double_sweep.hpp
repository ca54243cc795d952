#pragma once
// Double mode's evaluation of equations as a plain loop over the compiled
// network's flat arrays (CSR: the terms of equation e are term_begin[e] ..
// term_begin[e + 1]), with the running sums in registers, and the sweep that
// evaluates many equations at once, split over threads when the network is
// large enough for them to pay.
//
// Each equation is evaluated in the same order of operations whoever
// evaluates it (ξ = b, then ξ = ξ + w·y term by term, then σ), so a sweep on
// two threads gives bit for bit the values of one thread, and the simulator's
// own evaluation in double mode is this one.
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "nnsim/model/network.hpp"
#include "nnsim/run/update_rule.hpp"
#include "run/worker_pool.hpp"

namespace nnsim {

// Views into the simulator's compiled arrays (equation- or term-indexed).
struct double_equations {
  const std::uint32_t* term_begin = nullptr;
  const std::uint32_t* term_source = nullptr;
  const double* term_value = nullptr;   // weight (sum) or centre (distance)
  const double* bias = nullptr;         // bias, or the offset of a distance
  const double* scale = nullptr;
  const double* lambda = nullptr;
  const activation* act = nullptr;
  const potential_kind* kind = nullptr;
  const norm_kind* norm = nullptr;
};

enum class double_evaluation : std::uint8_t { finite, potential_not_finite, value_not_finite };

// σ_e(ξ_e(y)) into `out`.  When the potential (or a distance term) is
// +inf, -inf or NaN, `out` is left as it was and that number is put into
// `not_finite`; when σ's value is, it is in `out`.
inline double_evaluation evaluate_double(const double_equations& eq, equation_index e, const double* y,
                                         double& out, double& not_finite) {
  const std::uint32_t begin = eq.term_begin[e];
  const std::uint32_t end = eq.term_begin[e + 1];
  double xi;
  if (eq.kind[e] == potential_kind::weighted_sum) {
    // ξ = b + Σ w·y, left to right from the bias, each operation rounded once.
    xi = eq.bias[e];
    for (std::uint32_t k = begin; k < end; ++k) {
      const double term = eq.term_value[k] * y[eq.term_source[k]];
      xi = xi + term;
    }
  } else {
    // ξ = a + s·‖(y_u − c_u)_u‖
    double norm_sum = 0.0;
    const norm_kind norm = eq.norm[e];
    for (std::uint32_t k = begin; k < end; ++k) {
      double term = y[eq.term_source[k]] - eq.term_value[k];
      switch (norm) {
        case norm_kind::dist1: norm_sum = norm_sum + std::fabs(term); break;
        case norm_kind::distmax:
          term = std::fabs(term);
          // A non-finite term must not be lost by the comparison (NaN would
          // lose every one).
          if (!std::isfinite(term)) {
            not_finite = term;
            return double_evaluation::potential_not_finite;
          }
          if (term > norm_sum) norm_sum = term;
          break;
        case norm_kind::dist:
        case norm_kind::sqdist: norm_sum = norm_sum + term * term; break;
      }
    }
    if (norm == norm_kind::dist) norm_sum = std::sqrt(norm_sum);
    const double scaled = eq.scale[e] * norm_sum;
    xi = eq.bias[e] + scaled;
  }
  // Once non-finite, a partial sum stays so, so checking ξ suffices; σ is
  // not applied to it (step(NaN) would give a finite 1).
  if (!std::isfinite(xi)) {
    not_finite = xi;
    return double_evaluation::potential_not_finite;
  }
  switch (eq.act[e]) {
    case activation::step: out = xi >= 0.0 ? 1.0 : 0.0; break;
    case activation::sign: out = xi >= 0.0 ? 1.0 : -1.0; break;
    case activation::sat: out = xi < 0.0 ? 0.0 : xi > 1.0 ? 1.0 : xi; break;
    case activation::relu: out = xi < 0.0 ? 0.0 : xi; break;
    case activation::id: out = xi; break;
    case activation::logistic: {
      // 1 / (1 + e^(−λξ))
      double t = eq.lambda[e] * xi;
      t = 0.0 - t;
      t = std::exp(t);
      t = 1.0 + t;
      out = 1.0 / t;
      break;
    }
    case activation::tanh: out = std::tanh(xi); break;
  }
  return std::isfinite(out) ? double_evaluation::finite : double_evaluation::value_not_finite;
}


// next[e] = σ_e(ξ_e(y)) and non_finite[e] = whether that was not a finite
// number, for every e of `equations`, on `threads` threads (1: this one).
void sweep_doubles(const double_equations& eq, std::span<const equation_index> equations, const double* y,
                   double* next, char* non_finite, unsigned threads);

// Cuts `equations` into `parts` consecutive parts of about equal numbers of
// terms: part p is cut[p] .. cut[p + 1] (cut has parts + 1 entries).
std::vector<std::size_t> cut_by_terms(const double_equations& eq, std::span<const equation_index> equations,
                                      unsigned parts);

// The threads a sweep over `terms` terms is worth on this machine when the
// user did not say (run_limits::threads == 0): one below a size where
// starting a thread costs more than it saves.
unsigned automatic_sweep_threads(std::size_t terms);

}  // namespace nnsim
