// Linear separability by exact linear programming (linear_separability.hpp).
#include "nnsim/linear_separability.hpp"

#include "nnsim/error.hpp"
#include "nnsim/exact_simplex.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <stdexcept>

namespace nnsim {
namespace {

__extension__ typedef __int128 int128;

void check_data(const labelled_points& data) {
  if (data.labels.size() != data.points.size()) {
    throw input_error(fmt::format("{} labels for {} points", data.labels.size(), data.points.size()));
  }
  for (std::size_t i = 0; i < data.points.size(); ++i) {
    if (data.points[i].size() != data.dimension) {
      throw input_error(fmt::format("point {} has {} coordinates, expected {}", i + 1, data.points[i].size(),
                                    data.dimension));
    }
  }
}

// Integer multiples of `values` with the same ratios: multiplied by the lcm
// of the denominators and divided by the gcd of the numerators.
std::vector<integer> smallest_integer_multiple(const std::vector<rational>& values) {
  integer common_denominator = 1;
  for (const rational& v : values) common_denominator = lcm(common_denominator, integer(denominator(v)));
  std::vector<integer> result;
  integer g = 0;
  for (const rational& v : values) {
    result.push_back(integer(numerator(v)) * (common_denominator / denominator(v)));
    g = gcd(g, result.back());
  }
  if (g > 1) {
    for (integer& z : result) z /= g;
  }
  return result;
}

step_neuron neuron_from(const std::vector<rational>& weights_and_bias) {
  std::vector<integer> scaled = smallest_integer_multiple(weights_and_bias);
  step_neuron neuron;
  neuron.bias = scaled.back();
  scaled.pop_back();
  neuron.weights = std::move(scaled);
  return neuron;
}

// Σλ_i p_i = Σμ_j q_j, Σλ = 1, Σμ = 1, λ, μ >= 0 over the 1-points (first)
// and the 0-points.
linear_program hull_program(const labelled_points& data, const std::vector<std::size_t>& ones,
                            const std::vector<std::size_t>& zeros) {
  const std::size_t n = data.dimension;
  linear_program lp;
  lp.variable_count = ones.size() + zeros.size();
  lp.constraints.resize(n + 2);
  for (lp_constraint& c : lp.constraints) {
    c.sense = lp_sense::equal;
    c.coefficients.assign(lp.variable_count, rational(0));
  }
  for (std::size_t k = 0; k < ones.size(); ++k) {
    for (std::size_t d = 0; d < n; ++d) lp.constraints[d].coefficients[k] = data.points[ones[k]][d];
    lp.constraints[n].coefficients[k] = 1;
  }
  for (std::size_t k = 0; k < zeros.size(); ++k) {
    const std::size_t column = ones.size() + k;
    for (std::size_t d = 0; d < n; ++d) lp.constraints[d].coefficients[column] = -data.points[zeros[k]][d];
    lp.constraints[n + 1].coefficients[column] = 1;
  }
  lp.constraints[n].rhs = 1;
  lp.constraints[n + 1].rhs = 1;
  return lp;
}

convex_combination combination(const std::vector<rational>& values, std::size_t first,
                               const std::vector<std::size_t>& indices) {
  convex_combination result;
  for (std::size_t k = 0; k < indices.size(); ++k) {
    if (values[first + k] == 0) continue;
    result.points.push_back(indices[k]);
    result.coefficients.push_back(values[first + k]);
  }
  // In the order of the points, which for a Boolean function is binary
  // counting order.
  std::vector<std::size_t> order(result.points.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return result.points[a] < result.points[b]; });
  convex_combination sorted;
  for (std::size_t k : order) {
    sorted.points.push_back(result.points[k]);
    sorted.coefficients.push_back(result.coefficients[k]);
  }
  return sorted;
}

std::vector<rational> combine(const convex_combination& c, const labelled_points& data) {
  std::vector<rational> point(data.dimension, rational(0));
  for (std::size_t k = 0; k < c.points.size(); ++k) {
    for (std::size_t d = 0; d < data.dimension; ++d) point[d] += c.coefficients[k] * data.points[c.points[k]][d];
  }
  return point;
}

// The least Σ|w_i| + |b| with w·p + b >= 0 on the 1-points and w·q + b <= -1
// on the 0-points.  Variables: w (free), b (free), then u_i >= |w_i| and
// v >= |b|.  Returns w and b; the program is feasible because the data are
// separable (any strict separator scaled up satisfies it).
std::vector<rational> small_separator(const labelled_points& data) {
  const std::size_t n = data.dimension;
  linear_program lp;
  lp.variable_count = 2 * (n + 1);
  lp.free_variables.assign(lp.variable_count, false);
  for (std::size_t j = 0; j <= n; ++j) lp.free_variables[j] = true;
  lp.direction = lp_direction::minimize;
  lp.objective.assign(lp.variable_count, rational(0));
  for (std::size_t j = n + 1; j < lp.variable_count; ++j) lp.objective[j] = 1;
  for (std::size_t i = 0; i < data.points.size(); ++i) {
    lp_constraint c;
    c.coefficients.assign(n + 1, rational(0));
    for (std::size_t d = 0; d < n; ++d) c.coefficients[d] = data.points[i][d];
    c.coefficients[n] = 1;
    c.sense = data.labels[i] ? lp_sense::greater_equal : lp_sense::less_equal;
    c.rhs = data.labels[i] ? 0 : -1;
    lp.constraints.push_back(std::move(c));
  }
  for (std::size_t j = 0; j <= n; ++j) {
    for (int sign : {1, -1}) {  // u_j - w_j >= 0 and u_j + w_j >= 0
      lp_constraint c;
      c.coefficients.assign(lp.variable_count, rational(0));
      c.coefficients[j] = -sign;
      c.coefficients[n + 1 + j] = 1;
      c.sense = lp_sense::greater_equal;
      lp.constraints.push_back(std::move(c));
    }
  }
  const lp_solution solution = solve_linear_program(lp);
  if (solution.status != lp_status::optimal) {
    throw std::logic_error("separability: the small-weight program of separable data is not optimal");
  }
  return {solution.values.begin(), solution.values.begin() + static_cast<std::ptrdiff_t>(n + 1)};
}

integer max_magnitude(const step_neuron& neuron) {
  integer m = abs(neuron.bias);
  for (const integer& w : neuron.weights) m = std::max(m, integer(abs(w)));
  return m;
}

// Replaces `neuron` by the small-weight one when that is no larger.
void prefer_small(step_neuron& neuron, const labelled_points& data) {
  if (data.points.size() > small_weight_points) return;
  const step_neuron small = neuron_from(small_separator(data));
  if (classifies(small, data) && max_magnitude(small) <= max_magnitude(neuron)) neuron = small;
}

// step(0) = 1 computes the constant 1, step(-1) the constant 0.
step_neuron constant_neuron(std::size_t dimension, bool value) {
  step_neuron neuron;
  neuron.weights.assign(dimension, integer(0));
  neuron.bias = value ? 0 : -1;
  return neuron;
}

// Adds Σ coefficient · (input vector) of a combination of f's inputs to `point`.
void integer_point_sum(const convex_combination& c, const boolean_function& f, std::vector<rational>& point) {
  for (std::size_t k = 0; k < c.points.size(); ++k) {
    for (unsigned i = 0; i < f.arity(); ++i) {
      if (f.variable(static_cast<std::uint32_t>(c.points[k]), i + 1)) point[i] += c.coefficients[k];
    }
  }
}

}  // namespace

labelled_points points_of(const boolean_function& f) {
  labelled_points data;
  data.dimension = f.arity();
  data.points.reserve(f.size());
  for (std::uint32_t v = 0; v < f.size(); ++v) {
    std::vector<rational> x(f.arity());
    for (unsigned i = 1; i <= f.arity(); ++i) x[i - 1] = f.variable(v, i) ? 1 : 0;
    data.points.push_back(std::move(x));
    data.labels.push_back(f(v));
  }
  return data;
}

rational neuron_potential(const step_neuron& neuron, const std::vector<rational>& x) {
  rational xi = neuron.bias;
  for (std::size_t d = 0; d < x.size() && d < neuron.weights.size(); ++d) {
    if (neuron.weights[d] != 0 && x[d] != 0) xi += rational(neuron.weights[d]) * x[d];
  }
  return xi;
}

bool classifies(const step_neuron& neuron, const labelled_points& data) {
  if (neuron.weights.size() != data.dimension) return false;
  for (std::size_t i = 0; i < data.points.size(); ++i) {
    if ((neuron_potential(neuron, data.points[i]) >= 0) != data.labels[i]) return false;
  }
  return true;
}

std::string check_certificate(const hull_certificate& certificate, const labelled_points& data) {
  const auto check_side = [&](const convex_combination& c, bool label, std::string_view side) -> std::string {
    if (c.points.empty() || c.points.size() != c.coefficients.size()) return fmt::format("{}: no points", side);
    rational sum = 0;
    for (std::size_t k = 0; k < c.points.size(); ++k) {
      if (c.points[k] >= data.points.size()) return fmt::format("{}: no point {}", side, c.points[k]);
      if (data.labels[c.points[k]] != label) return fmt::format("{}: point {} has the other label", side, c.points[k]);
      if (c.coefficients[k] <= 0) return fmt::format("{}: coefficient {} is not positive", side, k + 1);
      sum += c.coefficients[k];
    }
    if (sum != 1) return fmt::format("{}: the coefficients add up to {}", side, to_string(sum));
    if (combine(c, data) != certificate.meeting_point) return fmt::format("{}: the combination is elsewhere", side);
    return {};
  };
  if (certificate.meeting_point.size() != data.dimension) return "the meeting point has the wrong dimension";
  if (std::string why = check_side(certificate.ones, true, "ones"); !why.empty()) return why;
  return check_side(certificate.zeros, false, "zeros");
}

separability_result decide_separability(const labelled_points& data, weight_choice choice) {
  check_data(data);
  std::vector<std::size_t> ones;
  std::vector<std::size_t> zeros;
  for (std::size_t i = 0; i < data.points.size(); ++i) (data.labels[i] ? ones : zeros).push_back(i);

  separability_result result;
  if (ones.empty() || zeros.empty()) {
    result.separable = true;
    result.neuron = constant_neuron(data.dimension, !ones.empty());
  } else {
    const linear_program lp = hull_program(data, ones, zeros);
    const lp_solution solution = solve_linear_program(lp);
    if (solution.status == lp_status::optimal) {
      result.certificate.ones = combination(solution.values, 0, ones);
      result.certificate.zeros = combination(solution.values, ones.size(), zeros);
      result.certificate.meeting_point = combine(result.certificate.ones, data);
      if (std::string why = check_certificate(result.certificate, data); !why.empty()) {
        throw std::logic_error("separability: the certificate failed its check: " + why);
      }
      return result;
    }
    // Farkas: y_d (coordinates), y_n, y_(n+1) with w·p + y_n >= 0 on the
    // 1-points, w·q <= y_(n+1) on the 0-points and y_n + y_(n+1) < 0.
    result.separable = true;
    std::vector<rational> weights_and_bias(solution.duals.begin(),
                                           solution.duals.begin() + static_cast<std::ptrdiff_t>(data.dimension + 1));
    result.neuron = neuron_from(weights_and_bias);
    if (choice == weight_choice::small) prefer_small(result.neuron, data);
  }
  if (!classifies(result.neuron, data)) throw std::logic_error("separability: the neuron failed its check");
  return result;
}

separability_result decide_separability(const boolean_function& f, weight_choice choice) {
  // The same decision as for the labelled points of f, with the program set
  // up and its answer checked in int64 arithmetic: the data are 0/1, the
  // answers' numerators are subdeterminants (exact_simplex.cpp), and every
  // sum below is bounded by 2^n times them.  This is what makes `check
  // boolean --arity 4` fast; the general path is the fallback.
  const unsigned n = f.arity();
  if (n > max_separability_arity) {
    throw input_error(fmt::format("separability is decided for functions of at most {} inputs, not {}",
                                  max_separability_arity, n));
  }
  const std::uint32_t size = static_cast<std::uint32_t>(f.size());
  std::vector<std::uint32_t> ones;
  std::vector<std::uint32_t> zeros;
  for (std::uint32_t v = 0; v < size; ++v) (f(v) ? ones : zeros).push_back(v);
  separability_result result;
  if (ones.empty() || zeros.empty()) {
    result.separable = true;
    result.neuron = constant_neuron(n, !ones.empty());
    return result;
  }

  const std::size_t rows = n + 2;
  const std::size_t columns = size;
  std::vector<std::int64_t> a(rows * columns, 0);
  std::vector<std::int64_t> b(rows, 0);
  for (std::size_t k = 0; k < ones.size(); ++k) {
    for (unsigned d = 0; d < n; ++d) a[d * columns + k] = f.variable(ones[k], d + 1) ? 1 : 0;
    a[n * columns + k] = 1;
  }
  for (std::size_t k = 0; k < zeros.size(); ++k) {
    const std::size_t column = ones.size() + k;
    for (unsigned d = 0; d < n; ++d) a[d * columns + column] = f.variable(zeros[k], d + 1) ? -1 : 0;
    a[(n + 1) * columns + column] = 1;
  }
  b[n] = 1;
  b[n + 1] = 1;
  const std::optional<small_feasibility_result> answer = solve_small_feasibility(rows, columns, a, b);
  if (!answer) return decide_separability(points_of(f), choice);

  if (answer->feasible) {
    // Check: positive numerators adding up to d on each side, and equal
    // coordinate sums, so the two convex combinations meet.
    const std::int64_t d = answer->denominator;
    int128 one_sum = 0;
    int128 zero_sum = 0;
    std::vector<int128> coordinate(n, 0);
    for (std::size_t k = 0; k < columns; ++k) {
      const std::int64_t x = answer->x[k];
      if (x < 0) throw std::logic_error("separability: negative coefficient");
      if (x == 0) continue;
      const bool is_one = k < ones.size();
      const std::uint32_t v = is_one ? ones[k] : zeros[k - ones.size()];
      (is_one ? one_sum : zero_sum) += x;
      for (unsigned i = 0; i < n; ++i) {
        if (f.variable(v, i + 1)) coordinate[i] += is_one ? x : -x;
      }
    }
    if (one_sum != d || zero_sum != d) throw std::logic_error("separability: coefficients do not add up to 1");
    for (unsigned i = 0; i < n; ++i) {
      if (coordinate[i] != 0) throw std::logic_error("separability: the combinations do not meet");
    }
    for (std::size_t k = 0; k < columns; ++k) {
      if (answer->x[k] == 0) continue;
      convex_combination& side = k < ones.size() ? result.certificate.ones : result.certificate.zeros;
      side.points.push_back(k < ones.size() ? ones[k] : zeros[k - ones.size()]);
      side.coefficients.push_back(rational(answer->x[k], d));
    }
    result.certificate.meeting_point.assign(n, rational(0));
    integer_point_sum(result.certificate.ones, f, result.certificate.meeting_point);
    return result;
  }

  // Farkas multipliers: w = y_1..n, b = y_(n+1) (any positive multiple).
  std::vector<std::int64_t> y = answer->y;
  y.resize(n + 1);
  std::int64_t g = 0;
  for (std::int64_t v : y) g = std::gcd(g, v);
  if (g > 1) {
    for (std::int64_t& v : y) v /= g;
  }
  for (std::uint32_t v = 0; v < size; ++v) {
    int128 xi = y[n];
    for (unsigned i = 0; i < n; ++i) {
      if (f.variable(v, i + 1)) xi += y[i];
    }
    if ((xi >= 0) != f(v)) throw std::logic_error("separability: the neuron failed its check");
  }
  result.separable = true;
  result.neuron.bias = y[n];
  for (unsigned i = 0; i < n; ++i) result.neuron.weights.push_back(integer(y[i]));
  if (choice == weight_choice::small) {
    const labelled_points data = points_of(f);
    prefer_small(result.neuron, data);
    if (!classifies(result.neuron, data)) throw std::logic_error("separability: the neuron failed its check");
  }
  return result;
}

network neuron_network(const step_neuron& neuron, const std::string& name, std::vector<std::string> input_names,
                       const std::string& output_name) {
  if (input_names.empty()) {
    for (std::size_t i = 1; i <= neuron.weights.size(); ++i) input_names.push_back(fmt::format("x{}", i));
  }
  if (input_names.size() != neuron.weights.size()) {
    throw input_error(fmt::format("{} input names for {} weights", input_names.size(), neuron.weights.size()));
  }
  std::vector<rational> weights;
  for (const integer& w : neuron.weights) weights.emplace_back(w);
  network net = single_neuron_network(input_names, output_name, weights, rational(neuron.bias));
  net.name = name;
  return net;
}

}  // namespace nnsim
