#include "nnsim/approximation/polynomial_fit.hpp"

#include "nnsim/approximation/approximation_input.hpp"

#include "approximation/approximation_network_builder.hpp"
#include "approximation/construction_numbers.hpp"
#include "nnsim/approximation/approximation_check.hpp"
#include "nnsim/approximation/network_enclosure.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <gmp.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

namespace nnsim {
namespace {

using namespace construction;

// Chebyshev coefficients are rounded to multiples of 2^-this.
constexpr long coefficient_bits = 40;
// The floating-point estimate looks at a grid of this many points per side.
constexpr std::size_t estimate_grid = 33;

rational exact_of(double v) {
  if (!std::isfinite(v)) {
    throw input_error("f's values are too large for the polynomial fit (they overflow a double)");
  }
  rational q;
  mpq_set_d(q.backend().data(), v);
  return q;
}

// The monomial coefficients of the Chebyshev polynomials T_0 … T_n:
// rows[k][m] is the coefficient of z^m in T_k.
std::vector<std::vector<integer>> chebyshev_monomials(unsigned n) {
  std::vector<std::vector<integer>> rows(n + 1, std::vector<integer>(n + 1, integer(0)));
  rows[0][0] = 1;
  if (n >= 1) rows[1][1] = 1;
  for (unsigned k = 2; k <= n; ++k) {  // T_k = 2 z T_{k-1} - T_{k-2}
    for (unsigned m = 0; m <= n; ++m) {
      integer c = m > 0 ? integer(2 * rows[k - 1][m - 1]) : integer(0);
      rows[k][m] = c - rows[k - 2][m];
    }
  }
  return rows;
}

// f at a point in floating point (the midpoint of its enclosure).
double value_at(const function_enclosure& f, const std::vector<rational>& point) {
  std::optional<interval_number> v;
  try {
    v = f.over(box{point, point});
  } catch (const expression_error& error) {
    throw input_error(fmt::format("f is not defined at {}: {}", point_text(point), error.what()));
  }
  if (!v) {
    throw input_error(fmt::format("f cannot be evaluated at {}: a domain condition stays undecided there",
                                  point_text(point)));
  }
  return ((lower_end(*v) + upper_end(*v)) / 2).convert_to<double>();
}

double evaluate(const box_polynomial& p, double z1, double z2) {
  double sum = 0;
  for (unsigned i = 0; i <= p.degree; ++i) {
    for (unsigned j = 0; i + j <= p.degree; ++j) {
      sum += p.coefficients[i][j].convert_to<double>() * std::pow(z1, i) * std::pow(z2, j);
    }
  }
  return sum;
}

// "(2*x1 - 1)": z_i as an expression of x_i.
std::string coordinate_text(const box& domain, std::size_t i) {
  const rational width = domain.high[i] - domain.low[i];
  const rational scale = 2 / width;
  const rational shift = -(domain.low[i] + domain.high[i]) / width;
  std::string text = fmt::format("({}*x{}", to_string(scale), i + 1);
  if (shift != 0) text += fmt::format(" {} {}", shift < 0 ? "-" : "+", to_string(abs(shift)));
  return text + ")";
}

// c0 + z*(c1 + z*(c2 + …)) with the given z text; "0" for no terms.
std::string horner_text(const std::vector<std::string>& coefficients, const std::string& z) {
  std::string text;
  std::size_t open = 0;
  for (std::size_t k = 0; k < coefficients.size(); ++k) {
    if (k > 0) {
      text += " + " + z + "*(";
      ++open;
    }
    text += coefficients[k];
  }
  text += std::string(open, ')');
  return text.empty() ? "0" : text;
}

}  // namespace

std::string box_polynomial::text() const {
  const std::string z1 = coordinate_text(domain, 0);
  const std::string z2 = coordinate_text(domain, 1);
  std::vector<std::string> outer;
  for (unsigned i = 0; i <= degree; ++i) {
    std::vector<std::string> inner;
    for (unsigned j = 0; i + j <= degree; ++j) inner.push_back("(" + to_string(coefficients[i][j]) + ")");
    outer.push_back("(" + horner_text(inner, z2) + ")");
  }
  return horner_text(outer, z1);
}

box_polynomial chebyshev_fit(const function_enclosure& f, const box& domain, unsigned degree) {
  const unsigned m = degree + 4;  // nodes per coordinate
  std::vector<double> nodes(m);
  for (unsigned k = 0; k < m; ++k) nodes[k] = std::cos(std::numbers::pi * (k + 0.5) / m);
  // f at the nodes (z1 = nodes[k], z2 = nodes[l]).
  std::vector<std::vector<double>> values(m, std::vector<double>(m));
  for (unsigned k = 0; k < m; ++k) {
    for (unsigned l = 0; l < m; ++l) {
      std::vector<rational> point(2);
      const double zs[2] = {nodes[k], nodes[l]};
      for (std::size_t i = 0; i < 2; ++i) {
        const rational half = (domain.high[i] - domain.low[i]) / 2;
        const rational middle = (domain.high[i] + domain.low[i]) / 2;
        point[i] = middle + half * exact_of(zs[i]);
      }
      values[k][l] = value_at(f, point);
    }
  }
  // T_i at the nodes: T_i(cos θ) = cos(i θ).
  auto t = [&](unsigned i, unsigned k) { return std::cos(i * std::numbers::pi * (k + 0.5) / m); };
  const std::vector<std::vector<integer>> monomials = chebyshev_monomials(degree);
  box_polynomial p{domain, degree, {}};
  p.coefficients.assign(degree + 1, std::vector<rational>(degree + 1, rational(0)));
  const rational unit = power_of_two(-coefficient_bits);
  for (unsigned i = 0; i <= degree; ++i) {
    for (unsigned j = 0; i + j <= degree; ++j) {
      double c = 0;
      for (unsigned k = 0; k < m; ++k) {
        for (unsigned l = 0; l < m; ++l) c += values[k][l] * t(i, k) * t(j, l);
      }
      c *= (i == 0 ? 1.0 : 2.0) / m * (j == 0 ? 1.0 : 2.0) / m;
      const rational chebyshev = round_to_multiple(exact_of(c), unit);
      if (chebyshev == 0) continue;
      // c T_i(z1) T_j(z2) in monomials.
      for (unsigned a = 0; a <= i; ++a) {
        if (monomials[i][a] == 0) continue;
        for (unsigned b = 0; b <= j; ++b) {
          if (monomials[j][b] == 0) continue;
          p.coefficients[a][b] += chebyshev * rational(monomials[i][a] * monomials[j][b]);
        }
      }
    }
  }
  return p;
}

rational proven_polynomial_error(const function_enclosure& f, const box_polynomial& p, const rational& target,
                                 std::size_t max_boxes) {
  // sup |(f - p) - 0|: the check of a network computing 0 against f - p.
  const std::string text = "(" + to_string(f.expression()) + ") - (" + p.text() + ")";
  const function_enclosure difference(parse_real_function(text, variables_for(2).names), 2);
  approximation_network_builder zero("zero", 2);
  zero.add(zero.y, activation::id, rational(0), {});
  network_enclosure network(zero.net);
  // The check tightens its bound until it is within a few percent of the
  // truth; a small budget first, which is often enough to prove <= target.
  // Once it is, one more round if the bound is still far above what a
  // tighter one might be (every bit of ε left goes to the ridges).
  std::optional<rational> bound;
  for (std::size_t boxes = 500;; boxes *= 8) {
    const std::size_t budget = std::min(boxes, max_boxes);
    const function_check_result checked = check_function_approximation(network, difference, {p.domain, target, budget});
    const bool met_before = bound && *bound <= target;
    if (!bound || checked.bound < *bound) bound = checked.bound;
    if (budget >= max_boxes || met_before || !checked.budget_exhausted) return *bound;
    if (*bound <= target && checked.attained * 4 > *bound) return *bound;
  }
}

polynomial_fit fit_polynomial(const function_enclosure& f, const box& domain, const rational& target,
                              unsigned max_degree) {
  // f on the estimate's grid, once.
  std::vector<std::vector<double>> grid(estimate_grid, std::vector<double>(estimate_grid));
  for (std::size_t k = 0; k < estimate_grid; ++k) {
    for (std::size_t l = 0; l < estimate_grid; ++l) {
      const std::vector<rational> point{
          domain.low[0] + (domain.high[0] - domain.low[0]) * k / (estimate_grid - 1),
          domain.low[1] + (domain.high[1] - domain.low[1]) * l / (estimate_grid - 1)};
      grid[k][l] = value_at(f, point);
    }
  }
  const double wanted = target.convert_to<double>() * 2 / 3;
  double best_estimate = INFINITY;
  for (unsigned degree = 0; degree <= max_degree; ++degree) {
    box_polynomial p = chebyshev_fit(f, domain, degree);
    double estimate = 0;
    for (std::size_t k = 0; k < estimate_grid; ++k) {
      for (std::size_t l = 0; l < estimate_grid; ++l) {
        const double z1 = -1 + 2.0 * static_cast<double>(k) / (estimate_grid - 1);
        const double z2 = -1 + 2.0 * static_cast<double>(l) / (estimate_grid - 1);
        estimate = std::max(estimate, std::abs(grid[k][l] - evaluate(p, z1, z2)));
      }
    }
    best_estimate = std::min(best_estimate, estimate);
    if (estimate > wanted) continue;
    rational error = proven_polynomial_error(f, p, target);
    if (error <= target) return {std::move(p), std::move(error), estimate};
  }
  throw input_error(fmt::format("no polynomial of degree <= {} was proven within {} of f on {} (the best seen "
                                "on a grid is {:.3g} away): the two-input construction needs a smoother f or a "
                                "larger epsilon",
                                max_degree, bound_text(target, false), to_string(domain), best_estimate));
}

}  // namespace nnsim
