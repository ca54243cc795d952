#include "nnsim/approximation/ridge_decomposition.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace nnsim {
namespace {

using matrix = std::vector<std::vector<rational>>;

integer binomial(unsigned n, unsigned k) {
  integer c = 1;
  for (unsigned i = 1; i <= k; ++i) c = c * (n - k + i) / i;
  return c;
}

rational power(const rational& base, unsigned exponent) {
  rational r = 1;
  for (unsigned i = 0; i < exponent; ++i) r *= base;
  return r;
}

// Solves a x = b for a square, invertible a (Gaussian elimination, exact).
std::vector<rational> solve(matrix a, std::vector<rational> b) {
  const std::size_t n = b.size();
  for (std::size_t col = 0; col < n; ++col) {
    std::size_t pivot = col;
    while (pivot < n && a[pivot][col] == 0) ++pivot;
    if (pivot == n) throw std::logic_error("ridge decomposition: singular system (parallel directions)");
    std::swap(a[pivot], a[col]);
    std::swap(b[pivot], b[col]);
    for (std::size_t row = 0; row < n; ++row) {
      if (row == col || a[row][col] == 0) continue;
      const rational factor = a[row][col] / a[col][col];
      for (std::size_t k = col; k < n; ++k) a[row][k] -= factor * a[col][k];
      b[row] -= factor * b[col];
    }
  }
  for (std::size_t i = 0; i < n; ++i) b[i] /= a[i][i];
  return b;
}

}  // namespace

ridge_decomposition decompose_into_ridges(const std::vector<std::vector<rational>>& coefficients, unsigned degree) {
  ridge_decomposition result;
  result.constant = coefficients[0][0];
  if (degree == 0) return result;
  const unsigned directions = degree + 1;
  std::vector<ridge_function> ridges(directions);
  for (unsigned k = 0; k < directions; ++k) {
    const double angle = std::numbers::pi * k / directions;
    ridges[k].alpha = rational(static_cast<long>(std::lround(std::cos(angle) * 64)), 64);
    ridges[k].beta = rational(static_cast<long>(std::lround(std::sin(angle) * 64)), 64);
    ridges[k].coefficients.assign(degree + 1, rational(0));
  }
  for (unsigned m = 1; m <= degree; ++m) {
    // b_j = p_{m,j} / C(m, j), p_{m,j} the coefficient of z1^(m-j) z2^j.
    std::vector<rational> b(m + 1);
    bool zero = true;
    for (unsigned j = 0; j <= m; ++j) {
      b[j] = coefficients[m - j][j] / rational(binomial(m, j));
      zero = zero && b[j] == 0;
    }
    if (zero) continue;
    matrix a(m + 1, std::vector<rational>(directions));
    for (unsigned j = 0; j <= m; ++j) {
      for (unsigned k = 0; k < directions; ++k) a[j][k] = power(ridges[k].alpha, m - j) * power(ridges[k].beta, j);
    }
    // The least-norm solution: x = aᵀ y with (a aᵀ) y = b.
    matrix gram(m + 1, std::vector<rational>(m + 1));
    for (unsigned i = 0; i <= m; ++i) {
      for (unsigned j = 0; j <= m; ++j) {
        rational s = 0;
        for (unsigned k = 0; k < directions; ++k) s += a[i][k] * a[j][k];
        gram[i][j] = s;
      }
    }
    const std::vector<rational> y = solve(gram, b);
    for (unsigned k = 0; k < directions; ++k) {
      rational x = 0;
      for (unsigned j = 0; j <= m; ++j) x += a[j][k] * y[j];
      ridges[k].coefficients[m] = x;
    }
  }
  // Check: Σ_k Σ_m a_{m,k} (α z1 + β z2)^m expands back to p.
  for (unsigned m = 1; m <= degree; ++m) {
    for (unsigned j = 0; j <= m; ++j) {
      rational s = 0;
      for (const ridge_function& r : ridges) {
        s += r.coefficients[m] * rational(binomial(m, j)) * power(r.alpha, m - j) * power(r.beta, j);
      }
      if (s != coefficients[m - j][j]) throw std::logic_error("ridge decomposition: the ridges do not add up to p");
    }
  }
  for (ridge_function& r : ridges) {
    bool nonzero = false;
    for (const rational& c : r.coefficients) nonzero = nonzero || c != 0;
    if (nonzero) result.ridges.push_back(std::move(r));
  }
  return result;
}

}  // namespace nnsim
