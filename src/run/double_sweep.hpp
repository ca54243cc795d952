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
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "nnsim/model/network.hpp"
#include "nnsim/run/update_rule.hpp"
#include "run/state_hash.hpp"
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

// ξ = b + Σ w·y of a weighted-sum equation, left to right from the bias,
// each operation rounded once.
inline double weighted_sum(const double_equations& eq, equation_index e, const double* y) {
  const std::uint32_t end = eq.term_begin[e + 1];
  double xi = eq.bias[e];
  for (std::uint32_t k = eq.term_begin[e]; k < end; ++k) {
    const double term = eq.term_value[k] * y[eq.term_source[k]];
    xi = xi + term;
  }
  return xi;
}

// The weighted sums of equations e and e + 1 at once, each in its own order
// as weighted_sum computes it, so each is bit for bit weighted_sum's.  A sum
// is a chain of dependent additions; two chains side by side keep the
// processor's adders busy where one would wait for each addition in turn.
inline void weighted_sum_pair(const double_equations& eq, equation_index e, const double* y, double& first,
                              double& second) {
  std::uint32_t k = eq.term_begin[e];
  const std::uint32_t middle = eq.term_begin[e + 1];
  std::uint32_t j = middle;
  const std::uint32_t end = eq.term_begin[e + 2];
  double a = eq.bias[e];
  double b = eq.bias[e + 1];
  for (; k < middle && j < end; ++k, ++j) {
    a = a + eq.term_value[k] * y[eq.term_source[k]];
    b = b + eq.term_value[j] * y[eq.term_source[j]];
  }
  for (; k < middle; ++k) a = a + eq.term_value[k] * y[eq.term_source[k]];
  for (; j < end; ++j) b = b + eq.term_value[j] * y[eq.term_source[j]];
  first = a;
  second = b;
}

// sat(ξ) = ξ < 0 ? 0 : ξ > 1 ? 1 : ξ for a finite ξ (-0 stays -0), without
// branches where SSE2 is there: in a network whose values saturate at
// random, the branches of the plain form are mispredicted in about every
// other equation, and the compiler keeps them.
inline double saturate(double xi) {
#if defined(__SSE2__)
  const __m128d x = _mm_set_sd(xi);
  const __m128d upper = _mm_min_sd(_mm_set_sd(1.0), x);  // 1 < ξ ? 1 : ξ
  const __m128d not_negative = _mm_cmpnlt_sd(x, _mm_setzero_pd());  // all ones unless ξ < 0
  return _mm_cvtsd_f64(_mm_and_pd(not_negative, upper));  // +0 where ξ < 0
#else
  return xi < 0.0 ? 0.0 : xi > 1.0 ? 1.0 : xi;
#endif
}

// σ(ξ) into `out`, as evaluate_double below: a non-finite ξ is put into
// `not_finite` and σ is not applied to it (step(NaN) would give a finite 1).
// Called with a constant `act`, the switch folds away.
inline double_evaluation activate(activation act, double xi, double lambda, double& out, double& not_finite) {
  if (!std::isfinite(xi)) {
    not_finite = xi;
    return double_evaluation::potential_not_finite;
  }
  switch (act) {
    case activation::step: out = xi >= 0.0 ? 1.0 : 0.0; break;
    case activation::sign: out = xi >= 0.0 ? 1.0 : -1.0; break;
    case activation::sat: out = saturate(xi); break;
    case activation::relu: out = xi < 0.0 ? 0.0 : xi; break;
    case activation::id: out = xi; break;
    case activation::logistic: {
      // 1 / (1 + e^(−λξ))
      double t = lambda * xi;
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

// σ_e(ξ_e(y)) into `out`.  When the potential (or a distance term) is
// +inf, -inf or NaN, `out` is left as it was and that number is put into
// `not_finite`; when σ's value is, it is in `out`.
inline double_evaluation evaluate_double(const double_equations& eq, equation_index e, const double* y,
                                         double& out, double& not_finite) {
  if (eq.kind[e] == potential_kind::weighted_sum) {
    return activate(eq.act[e], weighted_sum(eq, e, y), eq.lambda[e], out, not_finite);
  }
  // ξ = a + s·‖(y_u − c_u)_u‖
  double norm_sum = 0.0;
  const norm_kind norm = eq.norm[e];
  for (std::uint32_t k = eq.term_begin[e]; k < eq.term_begin[e + 1]; ++k) {
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
  // Once non-finite, a partial sum stays so, so checking ξ suffices.
  return activate(eq.act[e], eq.bias[e] + scaled, eq.lambda[e], out, not_finite);
}

// next[e] = σ_e(ξ_e(y)) and non_finite[e] = whether that was not a finite
// number, for every e of `equations`, on `threads` threads (1: this one).
void sweep_doubles(const double_equations& eq, std::span<const equation_index> equations, const double* y,
                   double* next, char* non_finite, unsigned threads);

// Cuts `equations` into `parts` consecutive parts of about equal numbers of
// terms: part p is cut[p] .. cut[p + 1] (cut has parts + 1 entries).
std::vector<std::size_t> cut_by_terms(const double_equations& eq, std::span<const equation_index> equations,
                                      unsigned parts);

// One part of a step of the parallel rule evaluated densely
// (simulator::sweep_in_parts): each equation e = begin .. end - 1 is
// evaluated on y = y(t), and y(t + 1)'s value of its target written into
// `following` at once -- the new value where it differs from the old one,
// else the old one (so +0 stays +0 where -0 is computed).
struct dense_step {
  double_equations equations;
  const std::uint32_t* target = nullptr;     // equation -> the neuron it sets
  const double* y = nullptr;
  double* following = nullptr;
  char* non_finite = nullptr;                // equation -> its value was not finite
  char* unfixed = nullptr;                   // equation -> y(t) is not a fixed point of it
  bool hashed = false;                       // whether the hash of the state is kept (hash_change)
  // Every equation of the universe a weighted sum with this σ: the loop is
  // compiled for it alone.
  std::optional<activation> uniform;
};

struct dense_part {
  std::size_t unfixed = 0;                          // equations not fixed on y(t)
  std::optional<equation_index> first_non_finite;   // the first, in file order, evaluated to a non-finite number
  std::uint32_t* changed = nullptr;                 // changed[0 .. changes): the neurons that change
  std::size_t changes = 0;
  std::uint64_t hash_change = 0;                    // the hash of y(t + 1) minus that of y(t) (state_hash.hpp)
};

void step_part_densely(const dense_step& step, std::size_t begin, std::size_t end, dense_part& part);

// Reads one number of each cache line of `values`, first to last, and
// nothing else: it brings the lines into this core's cache in the order the
// processor's prefetcher follows.
void read_in_order(std::span<const double> values);

// The threads a sweep over `terms` terms is worth on this machine when the
// user did not say (run_limits::threads == 0): one below a size where
// starting a thread costs more than it saves.
unsigned automatic_sweep_threads(std::size_t terms);

}  // namespace nnsim
