// The construction of sigmoid_approximation.hpp; the bounds are proven in
// sigmoid_staircase.hpp (the steps), polynomial_fit.hpp (sup |f - p|) and
// ridge_decomposition.hpp (p as a sum of ridges, exact).
#include "nnsim/approximation/sigmoid_approximation.hpp"

#include "nnsim/approximation/approximation_input.hpp"

#include "approximation/approximation_network_builder.hpp"
#include "approximation/construction_numbers.hpp"
#include "nnsim/approximation/function_variation.hpp"
#include "nnsim/approximation/polynomial_fit.hpp"
#include "nnsim/approximation/ridge_decomposition.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <cmath>

namespace nnsim {
namespace {

using namespace construction;

// Pieces of a ridge's range on which its Lipschitz constant is estimated
// (only to share ε among the ridges).
constexpr unsigned estimate_pieces = 16;
// The ridges' coefficients are rounded to multiples of 2^-this.
constexpr long coefficient_bits = 64;

std::string staircase_text(const sigmoid_staircase& s) {
  return fmt::format("{} cells of width {}, steepness lambda = {}; bound {} (interpolation) + {} (tails)", s.cells,
                     to_string(s.width), to_string(s.lambda), bound_text(s.interpolation_bound, true),
                     bound_text(s.tail_bound, true));
}

sigmoid_approximation one_input(const function_enclosure& f, const sigmoid_approximation_options& options) {
  const rational a = options.domain.low[0];
  const rational b = options.domain.high[0];
  sigmoid_approximation result;
  result.staircase = build_sigmoid_staircase(f, {options.epsilon, a, b, options.max_neurons});
  const sigmoid_staircase& s = result.staircase;
  approximation_network_builder builder("sigmoid_approximation", 1);
  std::vector<weighted_term> terms;
  for (const sigmoid_step& step : s.steps) {
    const neuron_id h = builder.add(fmt::format("h{}", terms.size() + 1), activation::logistic, -step.centre,
                                    {{builder.x[0], rational(1)}},
                                    fmt::format("a step of height {} at x = {}", to_string(step.height),
                                                to_string(step.centre)),
                                    s.lambda);
    terms.push_back({h, step.height});
  }
  result.hidden = terms.size();
  result.bound = s.bound();
  builder.add(builder.y, activation::id, s.base, terms,
              fmt::format("F(x) = {} (the value at {}) plus the steps", to_string(s.base), to_string(a)));
  builder.net.comment = wrapped(fmt::format(
      "F(x) = v0 + sum of d_i logistic[lambda](x - s_i): f(x) = {} on [{}, {}] as a staircase of steep logistic "
      "steps, Cybenko's theorem (a two-layer network: logistic hidden neurons, a linear output) as a construction. "
      "The grid: {}.\n"
      "The steps sit at the cells' midpoints s_i with heights d_i = v_i - v_(i-1), v_i the value at the i-th knot "
      "(f there exactly where it is rational, else within {}).\n"
      "Proven: |f(x) - F(x)| <= {} on [{}, {}] (epsilon = {}): the largest over the cells of min(h sup|f'| / 2, "
      "oscillation) + the knot values' error, plus the tails 2 D q / (1 - q^2), q = e^(-lambda h / 2), D = {} the "
      "largest step.",
      to_string(f.expression()), to_string(a), to_string(b), staircase_text(s), to_string(s.rounding_allowed),
      bound_text(result.bound, true), to_string(a), to_string(b), to_string(options.epsilon),
      to_string(s.largest_step)));
  result.net = std::move(builder.net);
  return result;
}

// g(u) = Σ_m c_m u^m as an expression of x, by Horner's scheme:
// c_0 + x*(c_1 + x*(c_2 + …)).
std::string ridge_text(const std::vector<rational>& coefficients) {
  std::string text;
  for (std::size_t m = 0; m < coefficients.size(); ++m) {
    if (m > 0) text += " + x*(";
    text += "(" + to_string(coefficients[m]) + ")";
  }
  return text + std::string(coefficients.empty() ? 0 : coefficients.size() - 1, ')');
}

sigmoid_approximation two_inputs(const function_enclosure& f, const sigmoid_approximation_options& options) {
  const box& domain = options.domain;
  sigmoid_approximation result;
  const polynomial_fit fit = fit_polynomial(f, domain, options.epsilon / 4, options.max_degree);
  result.degree = fit.polynomial.degree;
  result.polynomial_error = fit.error;
  const ridge_decomposition ridges = decompose_into_ridges(fit.polynomial.coefficients, fit.polynomial.degree);

  // z_i = scale_i x_i + shift_i.
  rational scale[2], shift[2];
  for (std::size_t i = 0; i < 2; ++i) {
    const rational width = domain.high[i] - domain.low[i];
    scale[i] = 2 / width;
    shift[i] = -(domain.low[i] + domain.high[i]) / width;
  }
  // The ridges' functions and their share of ε.
  std::vector<function_enclosure> functions;
  std::vector<rational> weights;
  rational total_weight = 0;
  std::vector<rational> roundings;
  for (const ridge_function& r : ridges.ridges) {
    // The exact coefficients can be long fractions (the least-norm solve);
    // the staircase approximates their rounding ĝ to multiples of
    // 2^-coefficient_bits instead, and |g - ĝ| <= Σ_m |a_m - â_m| R^m on
    // [-R, R] joins the bound.
    const rational reach = abs(r.alpha) + abs(r.beta);
    std::vector<rational> rounded;
    rational rounding = 0;
    rational reach_power = 1;
    for (const rational& a : r.coefficients) {
      rounded.push_back(round_to_multiple(a, power_of_two(-coefficient_bits)));
      rounding += abs(a - rounded.back()) * reach_power;
      reach_power *= reach;
    }
    roundings.push_back(rounding);
    functions.emplace_back(parse_real_function(ridge_text(rounded), variables_for(1).names), 1);
    const std::optional<function_variation> v = variation_over(functions.back(), -reach, reach, estimate_pieces);
    const double lipschitz = v && v->lipschitz() ? v->lipschitz()->convert_to<double>() : 1.0;
    const double share = std::min(std::sqrt(std::max(lipschitz, 1e-6) * reach.convert_to<double>()), 1e12);
    weights.push_back(rational(static_cast<long>(std::lround(share * 1024)) + 1));
    total_weight += weights.back();
  }
  rational remaining = options.epsilon - fit.error;
  for (const rational& r : roundings) remaining -= r;
  approximation_network_builder builder("sigmoid_approximation", 2);
  std::vector<weighted_term> terms;
  rational bias = ridges.constant;
  result.bound = fit.error;
  for (std::size_t k = 0; k < ridges.ridges.size(); ++k) {
    const ridge_function& r = ridges.ridges[k];
    sigmoid_ridge ridge;
    ridge.weights = {r.alpha * scale[0], r.beta * scale[1]};
    ridge.offset = r.alpha * shift[0] + r.beta * shift[1];
    ridge.high = abs(r.alpha) + abs(r.beta);
    ridge.low = -ridge.high;
    ridge.epsilon = remaining * weights[k] / total_weight;
    const std::size_t left = options.max_neurons - std::min(options.max_neurons, terms.size());
    if (left == 0) {
      throw input_error(fmt::format("the network needs more than {} hidden neurons (raise --max-neurons, or give a "
                                    "larger epsilon)",
                                    options.max_neurons));
    }
    ridge.staircase = build_sigmoid_staircase(functions[k], {ridge.epsilon, ridge.low, ridge.high, left});
    const sigmoid_staircase& s = ridge.staircase;
    if (terms.size() + s.steps.size() > options.max_neurons) {
      throw input_error(fmt::format("the network needs more than {} hidden neurons (raise --max-neurons, or give a "
                                    "larger epsilon)",
                                    options.max_neurons));
    }
    const std::string form = fmt::format("u{} = {}", k + 1, affine_text(ridge.weights, {"x1", "x2"}, ridge.offset));
    bool first = true;
    for (const sigmoid_step& step : s.steps) {
      const std::string comment =
          first ? fmt::format("ridge {}: g{}({}) on [{}, {}] as steps ({}); this one of height {} at u = {}", k + 1,
                              k + 1, form, to_string(ridge.low), to_string(ridge.high), staircase_text(s),
                              to_string(step.height), to_string(step.centre))
                : fmt::format("ridge {}: a step of height {} at u{} = {}", k + 1, to_string(step.height), k + 1,
                              to_string(step.centre));
      first = false;
      const neuron_id h = builder.add(fmt::format("h{}", terms.size() + 1), activation::logistic,
                                      ridge.offset - step.centre,
                                      {{builder.x[0], ridge.weights[0]}, {builder.x[1], ridge.weights[1]}}, comment,
                                      s.lambda);
      terms.push_back({h, step.height});
    }
    bias += s.base;
    ridge.rounding = roundings[k];
    result.bound += s.bound() + ridge.rounding;
    result.ridges.push_back(std::move(ridge));
  }
  result.hidden = terms.size();
  builder.add(builder.y, activation::id, bias, terms,
              fmt::format("F = the polynomial's constant {} plus the ridges' staircases", to_string(ridges.constant)));
  builder.net.comment = wrapped(fmt::format(
      "F(x1, x2) approximates f(x1, x2) = {} on {} with one hidden layer of logistic neurons and a linear output "
      "(Cybenko's theorem as a construction): f is within {} of a polynomial p of degree {} (proven by branch and "
      "bound), p is exactly a constant plus {} ridge functions g_k(u_k), u_k linear in x1, x2, and each g_k is a "
      "staircase of steep logistic steps in u_k.\n"
      "Proven: |f - F| <= {} on the box (epsilon = {}): sup |f - p| plus the staircases' bounds.",
      to_string(f.expression()), to_string(domain), bound_text(fit.error, true), fit.polynomial.degree,
      ridges.ridges.size(), bound_text(result.bound, true), to_string(options.epsilon)));
  result.net = std::move(builder.net);
  return result;
}

}  // namespace

sigmoid_approximation build_sigmoid_approximation(const function_enclosure& f,
                                                  const sigmoid_approximation_options& options) {
  if (options.epsilon <= 0) throw input_error("epsilon must be positive");
  if (f.dimension() != options.domain.dimension()) {
    throw input_error(fmt::format("the function has {} variables and the domain {} coordinates", f.dimension(),
                                  options.domain.dimension()));
  }
  if (options.domain.dimension() == 1) return one_input(f, options);
  if (options.domain.dimension() == 2) return two_inputs(f, options);
  throw input_error("the sigmoid construction is built for one or two inputs");
}

}  // namespace nnsim
