// The construction of sigmoid_staircase.hpp; the proof of the bound is in
// that header.
#include "nnsim/approximation/sigmoid_staircase.hpp"

#include "approximation/construction_numbers.hpp"
#include "nnsim/approximation/function_sample.hpp"
#include "nnsim/approximation/function_variation.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <mpfi.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace nnsim {
namespace {

using namespace construction;

// The parts of [a, b] on which the first guess of the cell count looks for
// the largest slope.
constexpr unsigned estimate_pieces = 256;

class staircase_builder {
 public:
  staircase_builder(const function_enclosure& g, const sigmoid_staircase_options& options)
      : g_(g), options_(options), a_(options.low), b_(options.high) {
    result_.rounding_allowed = power_of_two_at_most(options.epsilon / 32);
  }

  sigmoid_staircase run() {
    const rational target = options_.epsilon * 3 / 4;
    // A first guess from the largest slope on estimate_pieces parts: the
    // count that meets L h / 2 <= target - δ; then more cells until the
    // bound is met, or, without a bounded slope, doubling from one cell.
    // Then a short bisection down (it stops within 1/32 of the count: each
    // try costs an evaluation per cell).
    std::size_t failed = 0;
    std::size_t good = std::min(estimated_cells(target).value_or(1), options_.max_cells);
    std::optional<rational> bound;
    const bool estimated = good > 1;
    while (!(bound = interpolation_bound(good, target))) {
      failed = good;
      if (good >= options_.max_cells) too_many_cells();
      good = std::min(estimated ? good + good / 8 + 1 : good * 2, options_.max_cells);
    }
    if (estimated && failed == 0) failed = good * 3 / 4;
    while (good - failed > std::max<std::size_t>(1, good / 32)) {
      const std::size_t middle = failed + (good - failed) / 2;
      if (std::optional<rational> b = interpolation_bound(middle, target)) {
        good = middle;
        bound = b;
      } else {
        failed = middle;
      }
    }
    result_.cells = good;
    result_.width = (b_ - a_) / good;
    result_.interpolation_bound = *bound;
    build_steps();
    choose_steepness();
    return std::move(result_);
  }

 private:
  // ⌈L (b - a) / (2 (target - δ))⌉ for the largest slope L seen, or nothing
  // when a slope is unbounded (or f cannot be enclosed on a part).
  std::optional<std::size_t> estimated_cells(const rational& target) const {
    const std::optional<function_variation> v = variation_over(g_, a_, b_, estimate_pieces);
    if (!v || !v->lipschitz()) return std::nullopt;
    const integer n = ceiling_of(*v->lipschitz() * (b_ - a_) / (2 * (target - result_.rounding_allowed)));
    if (n > integer(options_.max_cells)) return options_.max_cells;
    return std::max<std::size_t>(1, n.convert_to<std::size_t>());
  }

  rational knot(std::size_t i, std::size_t n) const { return i == n ? b_ : a_ + (b_ - a_) * i / n; }

  const function_sample& sample(const rational& t) {
    auto found = samples_.find(t);
    if (found == samples_.end()) {
      found = samples_.emplace(t, sample_function(g_, {t}, result_.rounding_allowed)).first;
    }
    return found->second;
  }

  // max_j [min(L_j h / 2, osc_j) + max(e_{j-1}, e_j)] for N = n cells, or
  // nothing as soon as a cell exceeds `target`.
  std::optional<rational> interpolation_bound(std::size_t n, const rational& target) {
    const rational h = (b_ - a_) / n;
    rational largest = 0;
    undecided_.reset();
    for (std::size_t j = 1; j <= n; ++j) {
      const rational l = knot(j - 1, n);
      const rational r = knot(j, n);
      const rational error = std::max(sample(l).error, sample(r).error);
      std::optional<rational> best;
      for (unsigned pieces : {1U, 8U, 64U}) {
        const std::optional<function_variation> v = variation_over(g_, l, r, pieces);
        if (!v) continue;
        rational cell = v->oscillation();
        if (const std::optional<rational> lipschitz = v->lipschitz()) cell = std::min(cell, rational(*lipschitz * h / 2));
        cell += error;
        if (!best || cell < *best) best = cell;
        if (*best <= target) break;
      }
      if (!best) {
        undecided_ = (l + r) / 2;
        return std::nullopt;
      }
      if (*best > target) return std::nullopt;
      largest = std::max(largest, *best);
    }
    return largest;
  }

  [[noreturn]] void too_many_cells() const {
    if (undecided_) {
      throw input_error(fmt::format("f cannot be evaluated near x = {}: a domain condition stays undecided there, "
                                    "so f is not proven defined on the whole domain",
                                    to_string(*undecided_)));
    }
    throw input_error(fmt::format("the staircase of logistic steps needs more than {} cells on [{}, {}] (raise "
                                  "--max-neurons, or give a larger epsilon)",
                                  options_.max_cells, to_string(a_), to_string(b_)));
  }

  void build_steps() {
    const std::size_t n = result_.cells;
    result_.base = sample(a_).value;
    rational previous = result_.base;
    for (std::size_t i = 1; i <= n; ++i) {
      const rational value = sample(knot(i, n)).value;
      const rational height = value - previous;
      previous = value;
      if (height == 0) continue;
      result_.largest_step = std::max(result_.largest_step, rational(abs(height)));
      result_.steps.push_back({(knot(i - 1, n) + knot(i, n)) / 2, height});
    }
  }

  // T = 2 D q / (1 - q^2), q = e^(-λ h / 2), rounded up; nothing when
  // q >= 1/2 (then the estimate used to choose λ does not apply: try a larger λ).
  std::optional<rational> tail(const rational& lambda) const {
    const mpfr_prec_t precision = approximation_precision;
    interval_number q(precision), t(precision), one_minus(precision);
    const rational exponent = -lambda * result_.width / 2;
    mpfi_set_q(q.get(), exponent.backend().data());
    mpfi_exp(q.get(), q.get());
    if (mpfr_cmp_d(&q.get()->right, 0.5) >= 0) return std::nullopt;
    mpfi_sqr(one_minus.get(), q.get());
    mpfi_ui_sub(one_minus.get(), 1, one_minus.get());
    mpfi_mul_q(t.get(), q.get(), rational(2 * result_.largest_step).backend().data());
    mpfi_div(t.get(), t.get(), one_minus.get());
    return upper_end(t);
  }

  void choose_steepness() {
    if (result_.steps.empty()) return;  // g is constant on the knots: no steps, no tail
    const rational budget = options_.epsilon - result_.interpolation_bound;
    // With q <= 1/2, T <= 8 D q / 3; so q <= 3 budget / (8 D) suffices:
    // λ >= (2 / h) ln(8 D / (3 budget)).  A first guess in floating point,
    // then checked (and doubled) with the interval bound.
    const double ratio = (8 * result_.largest_step / (3 * budget)).convert_to<double>();
    const double estimate = 2 / result_.width.convert_to<double>() * std::log(std::max(ratio, 2.0));
    long e = 0;
    while (e < 200 && std::ldexp(1.0, static_cast<int>(e)) < estimate) ++e;
    for (;; ++e) {
      const rational lambda = power_of_two(e);
      const std::optional<rational> t = tail(lambda);
      if (t && *t <= budget) {
        result_.lambda = lambda;
        result_.tail_bound = *t;
        return;
      }
      if (e > 4000) throw input_error("no steepness found for the logistic steps");
    }
  }

  const function_enclosure& g_;
  const sigmoid_staircase_options& options_;
  rational a_, b_;
  sigmoid_staircase result_;
  std::map<rational, function_sample> samples_;
  std::optional<rational> undecided_;
};

}  // namespace

sigmoid_staircase build_sigmoid_staircase(const function_enclosure& g, const sigmoid_staircase_options& options) {
  if (options.epsilon <= 0) throw input_error("epsilon must be positive");
  if (g.dimension() != 1 || !(options.low < options.high)) {
    throw input_error("a staircase of logistic steps approximates a function of one variable on an interval");
  }
  return staircase_builder(g, options).run();
}

}  // namespace nnsim
