// The two-phase simplex method with Bland's rule on a dense tableau, exactly.
//
// Numbers.  Each constraint row is first multiplied by the common
// denominator of its coefficients, so the tableau starts as an integer
// matrix.  From then on it is kept as integers over one common denominator D
// (Edmonds' integer-preserving pivoting, the simplex form of Bareiss's
// fraction-free elimination: J. Edmonds, "Systems of distinct
// representatives and linear algebra", J. Res. NBS 71B, 1967).  A pivot on
// the entry p at (r, s) replaces every entry a_ij outside row r by
//
//     (a_ij p - a_is a_rj) / D        (an exact integer division)
//
// and D by p.  Every entry is then a subdeterminant of the scaled
// constraint matrix, so the numbers stay as small as the data allow and no
// gcd is ever computed.  The tableau is first run on int64 entries kept
// below 2^62 in absolute value (so products fit in __int128 and every step
// is checked); if an entry would leave that range the whole solve restarts
// on GMP integers.  For the 0/1 data of Boolean functions of four inputs
// the entries are subdeterminants of at most 6 x 6 matrices of entries in
// {-1, 0, 1}, below 6^3 = 216 by Hadamard's bound, so int64 always suffices
// there; that is what makes `nnsim check boolean --arity 4` fast.
//
// Layout.  Rows 0 … m-1 are the constraints, row m the phase-1 objective,
// row m+1 the phase-2 objective; the last column is the right-hand side.
// Columns: the structural variables (a free variable as x+ and x- next to
// each other), then one slack or surplus column per inequality, then one
// artificial column per row that needs one.  An objective row holds the
// reduced costs c_B B^-1 A_j - c_j of the maximization and, in its
// right-hand side, the objective value.  The entering column has the most
// negative reduced cost (Dantzig), or the first negative one (Bland) after a
// run of degenerate pivots; among the rows that tie in the ratio test the
// one whose basic column comes first leaves.
#include "nnsim/boolean/exact_simplex.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <stdexcept>

namespace nnsim {

std::string_view name_of(lp_status s) {
  switch (s) {
    case lp_status::optimal: return "optimal";
    case lp_status::infeasible: return "infeasible";
    case lp_status::unbounded: return "unbounded";
  }
  return "?";
}

namespace {

__extension__ typedef __int128 int128;

// Thrown by the int64 numbers when an entry would leave their safe range.
struct int64_overflow {};

// int64 entries with |a| < 2^62: a product of two fits in __int128 with room
// for the difference of two products.
struct int64_numbers {
  using value = std::int64_t;
  static constexpr value limit = value{1} << 62;

  static value from(const integer& z) {
    if (z >= limit || z <= -limit) throw int64_overflow{};
    return z.convert_to<value>();
  }
  static integer to_integer(value v) { return integer(v); }
  static int sign(value v) { return (v > 0) - (v < 0); }
  static void negate(value& v) { v = -v; }
  static bool equal(value a, value b) { return a == b; }
  // Sets up the exact division by d > 0 of a pivot: d = 2^shift * odd, and
  // the inverse of the odd part modulo 2^64 (Newton's iteration, each step
  // doubling the correct low bits from the 3 that inverse = odd has).  An
  // exact quotient is then a shift and a multiplication, several times
  // faster than a division instruction (T. Granlund and P. Montgomery,
  // "Division by invariant integers using multiplication", PLDI 1994; GMP's
  // mpz_divexact does the same).  Measured: check boolean --arity 4 spent
  // half its simplex time in divisions before.
  void prepare_divisor(value d) {
    divisor_ = d;
    shift_ = static_cast<unsigned>(__builtin_ctzll(static_cast<std::uint64_t>(d)));
    const std::uint64_t odd = static_cast<std::uint64_t>(d) >> shift_;
    std::uint64_t inverse = odd;
    for (int i = 0; i < 5; ++i) inverse *= 2 - odd * inverse;
    inverse_ = inverse;
  }
  // x / d for a multiple x of the prepared d (C++20: >> of a negative value
  // is arithmetic, and the conversion back to int64 is modular).
  value divide_exactly(value x) const {
    return static_cast<value>(static_cast<std::uint64_t>(x >> shift_) * inverse_);
  }

  // out = (a p - b c) / d with d the prepared divisor, the division exact.
  // In int64 when the products fit (the common case), else in int128.
  void update(value& out, value a, value p, value b, value c) {
    value ap = 0;
    value bc = 0;
    value difference = 0;
    if (!__builtin_mul_overflow(a, p, &ap) && !__builtin_mul_overflow(b, c, &bc) &&
        !__builtin_sub_overflow(ap, bc, &difference)) {
      out = bounded(divide_exactly(difference));
      return;
    }
    const int128 t = (static_cast<int128>(a) * p - static_cast<int128>(b) * c) / divisor_;
    if (t >= limit || t <= -limit) throw int64_overflow{};
    out = static_cast<value>(t);
  }
  // out = a p / d with d the prepared divisor, the division exact.
  void scale(value& out, value a, value p) {
    value ap = 0;
    if (!__builtin_mul_overflow(a, p, &ap)) {
      out = bounded(divide_exactly(ap));
      return;
    }
    const int128 t = static_cast<int128>(a) * p / divisor_;
    if (t >= limit || t <= -limit) throw int64_overflow{};
    out = static_cast<value>(t);
  }
  static value bounded(value v) {
    if (v >= limit || v <= -limit) throw int64_overflow{};
    return v;
  }

  value divisor_ = 1;
  unsigned shift_ = 0;
  std::uint64_t inverse_ = 1;

  // The sign of a/b - c/d for b, d > 0.
  static int compare_ratio(value a, value b, value c, value d) {
    const int128 left = static_cast<int128>(a) * d;
    const int128 right = static_cast<int128>(c) * b;
    return (left > right) - (left < right);
  }
};

// GMP integers, with one scratch value so that an update allocates nothing
// once the numbers have grown.
struct big_numbers {
  using value = integer;
  integer scratch;
  integer divisor;

  static const value& from(const integer& z) { return z; }
  static integer to_integer(const value& v) { return v; }
  static int sign(const value& v) { return v.sign(); }
  static void negate(value& v) { mpz_neg(v.backend().data(), v.backend().data()); }
  static bool equal(const value& a, const value& b) { return a == b; }
  void prepare_divisor(const value& d) { divisor = d; }
  void update(value& out, const value& a, const value& p, const value& b, const value& c) {
    mpz_mul(scratch.backend().data(), a.backend().data(), p.backend().data());
    mpz_submul(scratch.backend().data(), b.backend().data(), c.backend().data());
    mpz_divexact(out.backend().data(), scratch.backend().data(), divisor.backend().data());
  }
  void scale(value& out, const value& a, const value& p) {
    mpz_mul(scratch.backend().data(), a.backend().data(), p.backend().data());
    mpz_divexact(out.backend().data(), scratch.backend().data(), divisor.backend().data());
  }
  int compare_ratio(const value& a, const value& b, const value& c, const value& d) {
    integer right;
    mpz_mul(scratch.backend().data(), a.backend().data(), d.backend().data());
    mpz_mul(right.backend().data(), c.backend().data(), b.backend().data());
    const int cmp = mpz_cmp(scratch.backend().data(), right.backend().data());
    return (cmp > 0) - (cmp < 0);
  }
};

enum class column_kind { structural, slack, artificial };

// The tableau's shape: m constraint rows, the columns and their kinds, and
// the initial basis (a slack or artificial column per row).
struct tableau_layout {
  std::size_t rows = 0;      // m
  std::size_t columns = 0;   // without the right-hand side
  std::vector<column_kind> kind;
  std::vector<std::size_t> initial_basis;
};

// A general program in the tableau's terms, with integer entries (D = 1).
struct standard_form {
  tableau_layout layout;
  std::vector<integer> matrix;  // (m + 2) x (columns + 1), row-major
  std::vector<std::size_t> variable;  // structural column -> original variable
  std::vector<int> direction;         // structural column -> +1 (x+) or -1 (x-)
  std::vector<rational> row_factor;   // transformed row i = row_factor[i] * original row i
  rational objective_factor = 1;      // phase-2 costs = objective_factor * (c, or -c to minimize)
};

integer lcm_of_denominators(const std::vector<rational>& values, std::size_t count, const rational* extra) {
  integer l = 1;
  for (std::size_t j = 0; j < count && j < values.size(); ++j) {
    const integer d = denominator(values[j]);
    if (d != 1) l = lcm(l, d);
  }
  if (extra != nullptr) {
    const integer d = denominator(*extra);
    if (d != 1) l = lcm(l, d);
  }
  return l;
}

// Phase 1 maximizes -(sum of artificials).  Its reduced costs with the
// artificials basic are r_j = -(sum of the artificial rows)_j - c_j, which is
// 0 for an artificial column; the right-hand side is -(sum of their b_i).
template <class Value>
void set_phase1_row(const tableau_layout& layout, std::vector<Value>& cells) {
  const std::size_t width = layout.columns + 1;
  Value* objective = &cells[layout.rows * width];
  for (std::size_t i = 0; i < layout.rows; ++i) {
    if (layout.kind[layout.initial_basis[i]] != column_kind::artificial) continue;
    const Value* row = &cells[i * width];
    for (std::size_t j = 0; j < width; ++j) {
      if (j < layout.columns && layout.kind[j] == column_kind::artificial) continue;
      objective[j] -= row[j];
    }
  }
}

standard_form make_standard_form(const linear_program& program) {
  const std::size_t n = program.variable_count;
  const std::size_t m = program.constraints.size();
  standard_form form;
  tableau_layout& layout = form.layout;
  layout.rows = m;

  // Columns: structural, then slack/surplus, then artificial.
  std::vector<std::size_t> plus_column(n);
  for (std::size_t j = 0; j < n; ++j) {
    plus_column[j] = layout.kind.size();
    layout.kind.push_back(column_kind::structural);
    form.variable.push_back(j);
    form.direction.push_back(1);
    if (program.is_free(j)) {
      layout.kind.push_back(column_kind::structural);
      form.variable.push_back(j);
      form.direction.push_back(-1);
    }
  }

  // The sense of each row after making its right-hand side nonnegative.
  std::vector<lp_sense> sense(m);
  std::vector<int> flip(m, 1);
  for (std::size_t i = 0; i < m; ++i) {
    const lp_constraint& c = program.constraints[i];
    sense[i] = c.sense;
    if (c.rhs < 0) {
      flip[i] = -1;
      if (c.sense == lp_sense::less_equal) sense[i] = lp_sense::greater_equal;
      else if (c.sense == lp_sense::greater_equal) sense[i] = lp_sense::less_equal;
    }
  }
  std::vector<std::size_t> slack_column(m, SIZE_MAX);
  std::vector<std::size_t> artificial_column(m, SIZE_MAX);
  for (std::size_t i = 0; i < m; ++i) {
    if (sense[i] != lp_sense::equal) {
      slack_column[i] = layout.kind.size();
      layout.kind.push_back(column_kind::slack);
    }
  }
  for (std::size_t i = 0; i < m; ++i) {
    if (sense[i] != lp_sense::less_equal) {
      artificial_column[i] = layout.kind.size();
      layout.kind.push_back(column_kind::artificial);
    }
  }
  layout.columns = layout.kind.size();
  form.variable.resize(layout.columns, SIZE_MAX);
  form.direction.resize(layout.columns, 0);
  const std::size_t width = layout.columns + 1;
  form.matrix.assign((m + 2) * width, integer(0));
  auto at = [&](std::size_t row, std::size_t column) -> integer& { return form.matrix[row * width + column]; };

  form.row_factor.resize(m);
  layout.initial_basis.resize(m);
  for (std::size_t i = 0; i < m; ++i) {
    const lp_constraint& c = program.constraints[i];
    const integer scale = lcm_of_denominators(c.coefficients, n, &c.rhs);
    const rational factor = rational(scale) * flip[i];
    form.row_factor[i] = factor;
    for (std::size_t j = 0; j < n && j < c.coefficients.size(); ++j) {
      if (c.coefficients[j] == 0) continue;
      const integer a = numerator(rational(c.coefficients[j] * factor));
      at(i, plus_column[j]) = a;
      if (program.is_free(j)) at(i, plus_column[j] + 1) = -a;
    }
    at(i, layout.columns) = numerator(rational(c.rhs * factor));
    if (sense[i] == lp_sense::less_equal) {
      at(i, slack_column[i]) = 1;
      layout.initial_basis[i] = slack_column[i];
    } else {
      if (sense[i] == lp_sense::greater_equal) at(i, slack_column[i]) = -1;
      at(i, artificial_column[i]) = 1;
      layout.initial_basis[i] = artificial_column[i];
    }
  }
  set_phase1_row(layout, form.matrix);

  // Phase 2: maximize objective_factor * c (or -c); the initial basis costs 0.
  const integer objective_scale = lcm_of_denominators(program.objective, n, nullptr);
  const int sign = program.direction == lp_direction::maximize ? 1 : -1;
  form.objective_factor = rational(objective_scale) * sign;
  for (std::size_t j = 0; j < n && j < program.objective.size(); ++j) {
    if (program.objective[j] == 0) continue;
    const integer c = numerator(rational(program.objective[j] * form.objective_factor));
    at(m + 1, plus_column[j]) = -c;
    if (program.is_free(j)) at(m + 1, plus_column[j] + 1) = c;
  }
  return form;
}

enum class tableau_outcome { optimal, infeasible, unbounded };

template <class Numbers>
class tableau {
 public:
  using value = typename Numbers::value;

  tableau(const tableau_layout& layout, std::vector<value> cells, value one)
      : layout_(layout),
        m_(layout.rows),
        columns_(layout.columns),
        width_(layout.columns + 1),
        cells_(std::move(cells)),
        denominator_(std::move(one)),
        basis_(layout.initial_basis) {}

  // Runs phase 1 and, when `phase2` and the program is feasible, phase 2.
  // After `unbounded`, entering_column() is the column of the ray.
  tableau_outcome solve(bool phase2 = true) {
    // Phase 1.
    const std::size_t phase1_row = m_;
    while (true) {
      const std::size_t s = entering(phase1_row, true);
      if (s == SIZE_MAX) break;
      const std::size_t r = leaving(s);
      if (r == SIZE_MAX) throw std::logic_error("simplex: phase 1 is unbounded");  // impossible: bounded by 0
      step(r, s);
    }
    if (Numbers::sign(cell(phase1_row, columns_)) < 0) return tableau_outcome::infeasible;
    if (!phase2) return tableau_outcome::optimal;

    // Artificials still basic are at 0: pivot them out where the row has
    // another nonzero entry; a row without one is redundant and keeps it.
    for (std::size_t r = 0; r < m_; ++r) {
      if (layout_.kind[basis_[r]] != column_kind::artificial) continue;
      for (std::size_t j = 0; j < columns_; ++j) {
        if (layout_.kind[j] != column_kind::artificial && Numbers::sign(cell(r, j)) != 0) {
          pivot(r, j);
          break;
        }
      }
    }

    // Phase 2.
    const std::size_t phase2_row = m_ + 1;
    while (true) {
      const std::size_t s = entering(phase2_row, false);
      if (s == SIZE_MAX) return tableau_outcome::optimal;
      const std::size_t r = leaving(s);
      if (r == SIZE_MAX) {
        entering_ = s;
        return tableau_outcome::unbounded;
      }
      step(r, s);
    }
  }

  const value& cell(std::size_t row, std::size_t column) const { return cells_[row * width_ + column]; }
  const value& denominator() const { return denominator_; }
  std::size_t basic(std::size_t row) const { return basis_[row]; }
  std::size_t entering_column() const { return entering_; }
  std::size_t pivots() const { return pivots_; }

  // The numerator (over denominator()) of y_i = c_B B^-1 e_i from an
  // objective row: the reduced cost of row i's initial basic column k is
  // y_i - c_k, where c_k is -1 for an artificial in phase 1 and 0 otherwise.
  value multiplier(std::size_t objective_row, std::size_t i) const {
    const std::size_t k = layout_.initial_basis[i];
    value y = cell(objective_row, k);
    if (objective_row == m_ && layout_.kind[k] == column_kind::artificial) y -= denominator_;
    return y;
  }

 private:
  value& at(std::size_t row, std::size_t column) { return cells_[row * width_ + column]; }

  // The entering column: the most negative reduced cost (Dantzig's rule;
  // all reduced costs share the denominator D, so numerators compare), or,
  // after a run of degenerate pivots, the first negative one (Bland's rule)
  // until a pivot makes progress again.  Cycling consists of degenerate
  // pivots only, and Bland's rule never cycles, so this terminates: the
  // objective strictly improves at every other pivot, so no basis comes
  // back after one.  Dantzig's rule alone may cycle; Bland's alone took 90 s
  // for separable --formula 'x1 & ... & x16' (65,536 columns), this 0.2 s.
  std::size_t entering(std::size_t objective_row, bool artificials_allowed) const {
    const value* objective = &cells_[objective_row * width_];
    std::size_t best = SIZE_MAX;
    for (std::size_t j = 0; j < columns_; ++j) {
      if (Numbers::sign(objective[j]) >= 0) continue;
      if (!artificials_allowed && layout_.kind[j] == column_kind::artificial) continue;
      if (bland_) return j;
      if (best == SIZE_MAX || objective[j] < objective[best]) best = j;
    }
    return best;
  }

  // Pivots and keeps count of the degenerate ones (those that leave the
  // solution where it is: the leaving row's value is 0).
  void step(std::size_t r, std::size_t s) {
    if (Numbers::sign(cell(r, columns_)) == 0) {
      ++degenerate_run_;
      if (degenerate_run_ > degenerate_limit) bland_ = true;
    } else {
      degenerate_run_ = 0;
      bland_ = false;
    }
    pivot(r, s);
  }

  // The ratio test; ties go to the row whose basic column comes first.
  std::size_t leaving(std::size_t s) {
    std::size_t best = SIZE_MAX;
    for (std::size_t i = 0; i < m_; ++i) {
      if (Numbers::sign(cell(i, s)) <= 0) continue;
      if (best == SIZE_MAX) {
        best = i;
        continue;
      }
      const int cmp = numbers_.compare_ratio(cell(i, columns_), cell(i, s), cell(best, columns_), cell(best, s));
      if (cmp < 0 || (cmp == 0 && basis_[i] < basis_[best])) best = i;
    }
    return best;
  }

  void pivot(std::size_t r, std::size_t s) {
    ++pivots_;
    const value p = at(r, s);
    const bool same_denominator = Numbers::equal(p, denominator_);
    numbers_.prepare_divisor(denominator_);
    const value* pivot_row = &cells_[r * width_];
    for (std::size_t i = 0; i < m_ + 2; ++i) {
      if (i == r) continue;
      value* row = &cells_[i * width_];
      const value f = row[s];
      if (Numbers::sign(f) == 0) {
        if (same_denominator) continue;  // (a p - 0) / D = a
        for (std::size_t j = 0; j < width_; ++j) numbers_.scale(row[j], row[j], p);
        continue;
      }
      for (std::size_t j = 0; j < width_; ++j) numbers_.update(row[j], row[j], p, f, pivot_row[j]);
    }
    denominator_ = p;
    if (Numbers::sign(denominator_) < 0) {
      // (a_ij, D) and (-a_ij, -D) stand for the same tableau, and the
      // update formula commutes with the change; keep D > 0.
      for (value& v : cells_) Numbers::negate(v);
      Numbers::negate(denominator_);
    }
    basis_[r] = s;
  }

  const tableau_layout& layout_;
  std::size_t m_;
  std::size_t columns_;
  std::size_t width_;
  std::vector<value> cells_;
  value denominator_;
  std::vector<std::size_t> basis_;
  Numbers numbers_;
  std::size_t pivots_ = 0;
  std::size_t entering_ = SIZE_MAX;
  // Consecutive degenerate pivots allowed under Dantzig's rule.
  static constexpr std::size_t degenerate_limit = 50;
  std::size_t degenerate_run_ = 0;
  bool bland_ = false;
};

// What a run of the tableau found, in the transformed program's terms.
struct raw_result {
  lp_status status = lp_status::infeasible;
  std::vector<rational> column_values;  // every column's value (0 when nonbasic)
  std::vector<rational> multipliers;    // y per transformed row
  std::vector<rational> ray;            // per column (unbounded)
  std::size_t pivots = 0;
};

template <class Numbers>
raw_result run_tableau(const standard_form& form) {
  using value = typename Numbers::value;
  std::vector<value> cells;
  cells.reserve(form.matrix.size());
  for (const integer& z : form.matrix) cells.push_back(Numbers::from(z));
  tableau<Numbers> t(form.layout, std::move(cells), Numbers::from(integer(1)));
  const tableau_outcome outcome = t.solve();

  const std::size_t m = form.layout.rows;
  const std::size_t columns = form.layout.columns;
  const integer d = Numbers::to_integer(t.denominator());
  auto ratio = [&](const value& numerator_value) { return rational(Numbers::to_integer(numerator_value), d); };
  raw_result result;
  result.pivots = t.pivots();
  switch (outcome) {
    case tableau_outcome::infeasible: result.status = lp_status::infeasible; break;
    case tableau_outcome::optimal: result.status = lp_status::optimal; break;
    case tableau_outcome::unbounded: result.status = lp_status::unbounded; break;
  }
  if (outcome == tableau_outcome::infeasible) {
    for (std::size_t i = 0; i < m; ++i) result.multipliers.push_back(ratio(t.multiplier(m, i)));
    return result;
  }
  result.column_values.assign(columns, rational(0));
  for (std::size_t i = 0; i < m; ++i) result.column_values[t.basic(i)] = ratio(t.cell(i, columns));
  if (outcome == tableau_outcome::optimal) {
    for (std::size_t i = 0; i < m; ++i) result.multipliers.push_back(ratio(t.multiplier(m + 1, i)));
  } else {
    const std::size_t s = t.entering_column();
    result.ray.assign(columns, rational(0));
    result.ray[s] = 1;
    for (std::size_t i = 0; i < m; ++i) result.ray[t.basic(i)] = -ratio(t.cell(i, s));
  }
  return result;
}

rational dot(const std::vector<rational>& coefficients, const std::vector<rational>& x) {
  rational sum = 0;
  for (std::size_t j = 0; j < coefficients.size() && j < x.size(); ++j) {
    if (coefficients[j] != 0) sum += coefficients[j] * x[j];
  }
  return sum;
}

void check_shape(const linear_program& program) {
  const std::size_t n = program.variable_count;
  if (!program.free_variables.empty() && program.free_variables.size() != n) {
    throw input_error(fmt::format("linear program: {} free-variable flags for {} variables",
                                  program.free_variables.size(), n));
  }
  if (program.objective.size() > n) {
    throw input_error(fmt::format("linear program: {} objective coefficients for {} variables",
                                  program.objective.size(), n));
  }
  for (std::size_t i = 0; i < program.constraints.size(); ++i) {
    if (program.constraints[i].coefficients.size() > n) {
      throw input_error(fmt::format("linear program: constraint {} has {} coefficients for {} variables", i + 1,
                                    program.constraints[i].coefficients.size(), n));
    }
  }
}

// The structural variables' values from the columns' values.
std::vector<rational> structural_values(const standard_form& form, std::size_t n,
                                        const std::vector<rational>& columns) {
  std::vector<rational> x(n, rational(0));
  for (std::size_t j = 0; j < form.layout.columns; ++j) {
    if (form.layout.kind[j] != column_kind::structural || columns[j] == 0) continue;
    if (form.direction[j] > 0) x[form.variable[j]] += columns[j];
    else x[form.variable[j]] -= columns[j];
  }
  return x;
}

// Whether x satisfies every constraint and sign condition; else why not.
std::string check_feasible(const linear_program& program, const std::vector<rational>& x, std::string_view what) {
  for (std::size_t j = 0; j < program.variable_count; ++j) {
    if (!program.is_free(j) && x[j] < 0) return fmt::format("{}: variable {} is negative", what, j + 1);
  }
  for (std::size_t i = 0; i < program.constraints.size(); ++i) {
    const lp_constraint& c = program.constraints[i];
    const rational lhs = dot(c.coefficients, x);
    const bool ok = c.sense == lp_sense::less_equal ? lhs <= c.rhs
                    : c.sense == lp_sense::equal    ? lhs == c.rhs
                                                    : lhs >= c.rhs;
    if (!ok) return fmt::format("{}: constraint {} does not hold", what, i + 1);
  }
  return {};
}

// A^T y, one entry per variable.
std::vector<rational> transposed_product(const linear_program& program, const std::vector<rational>& y) {
  std::vector<rational> result(program.variable_count, rational(0));
  for (std::size_t i = 0; i < program.constraints.size(); ++i) {
    if (y[i] == 0) continue;
    const auto& a = program.constraints[i].coefficients;
    for (std::size_t j = 0; j < a.size(); ++j) {
      if (a[j] != 0) result[j] += y[i] * a[j];
    }
  }
  return result;
}

// Signs of multipliers for a maximization: >= 0 on <=, <= 0 on >= rows.
std::string check_multiplier_signs(const linear_program& program, const std::vector<rational>& y, int orientation) {
  for (std::size_t i = 0; i < program.constraints.size(); ++i) {
    const rational v = y[i] * orientation;
    const lp_sense s = program.constraints[i].sense;
    if ((s == lp_sense::less_equal && v < 0) || (s == lp_sense::greater_equal && v > 0)) {
      return fmt::format("multiplier {} has the wrong sign", i + 1);
    }
  }
  return {};
}

rational objective_at(const linear_program& program, const std::vector<rational>& x) {
  return dot(program.objective, x);
}

}  // namespace

std::string check_lp_solution(const linear_program& program, const lp_solution& solution) {
  const std::size_t n = program.variable_count;
  const std::size_t m = program.constraints.size();
  const int orientation = program.direction == lp_direction::maximize ? 1 : -1;
  switch (solution.status) {
    case lp_status::optimal: {
      if (solution.values.size() != n || solution.duals.size() != m) return "optimal: wrong sizes";
      if (std::string why = check_feasible(program, solution.values, "optimal"); !why.empty()) return why;
      if (std::string why = check_multiplier_signs(program, solution.duals, orientation); !why.empty()) {
        return "optimal: " + why;
      }
      const std::vector<rational> aty = transposed_product(program, solution.duals);
      for (std::size_t j = 0; j < n; ++j) {
        const rational c = j < program.objective.size() ? program.objective[j] : rational(0);
        const rational slack = (aty[j] - c) * orientation;
        if (program.is_free(j) ? slack != 0 : slack < 0) {
          return fmt::format("optimal: dual constraint {} does not hold", j + 1);
        }
      }
      const rational value = objective_at(program, solution.values);
      if (value != solution.objective_value) return "optimal: wrong objective value";
      rational dual_value = 0;
      for (std::size_t i = 0; i < m; ++i) dual_value += solution.duals[i] * program.constraints[i].rhs;
      if (dual_value != value) return "optimal: the dual objective differs";
      return {};
    }
    case lp_status::infeasible: {
      if (solution.duals.size() != m) return "infeasible: wrong sizes";
      if (std::string why = check_multiplier_signs(program, solution.duals, 1); !why.empty()) {
        return "infeasible: " + why;
      }
      const std::vector<rational> aty = transposed_product(program, solution.duals);
      for (std::size_t j = 0; j < n; ++j) {
        if (program.is_free(j) ? aty[j] != 0 : aty[j] < 0) {
          return fmt::format("infeasible: combined coefficient of variable {} has the wrong sign", j + 1);
        }
      }
      rational combined = 0;
      for (std::size_t i = 0; i < m; ++i) combined += solution.duals[i] * program.constraints[i].rhs;
      if (combined >= 0) return "infeasible: combined right-hand side is not negative";
      return {};
    }
    case lp_status::unbounded: {
      if (solution.values.size() != n || solution.ray.size() != n) return "unbounded: wrong sizes";
      if (std::string why = check_feasible(program, solution.values, "unbounded"); !why.empty()) return why;
      for (std::size_t j = 0; j < n; ++j) {
        if (!program.is_free(j) && solution.ray[j] < 0) return "unbounded: the ray leaves x >= 0";
      }
      for (std::size_t i = 0; i < m; ++i) {
        const lp_constraint& c = program.constraints[i];
        const rational change = dot(c.coefficients, solution.ray);
        const bool ok = c.sense == lp_sense::less_equal ? change <= 0
                        : c.sense == lp_sense::equal    ? change == 0
                                                        : change >= 0;
        if (!ok) return fmt::format("unbounded: the ray leaves constraint {}", i + 1);
      }
      if (objective_at(program, solution.ray) * orientation <= 0) return "unbounded: the ray does not improve";
      return {};
    }
  }
  return "unknown status";
}

lp_solution solve_linear_program(const linear_program& program) {
  check_shape(program);
  const standard_form form = make_standard_form(program);
  raw_result raw;
  bool big = false;
  try {
    raw = run_tableau<int64_numbers>(form);
  } catch (const int64_overflow&) {
    big = true;
    raw = run_tableau<big_numbers>(form);
  }

  const std::size_t n = program.variable_count;
  lp_solution solution;
  solution.status = raw.status;
  solution.pivots = raw.pivots;
  solution.big_integers = big;
  if (raw.status != lp_status::infeasible) {
    solution.values = structural_values(form, n, raw.column_values);
    solution.objective_value = objective_at(program, solution.values);
  }
  if (raw.status == lp_status::unbounded) solution.ray = structural_values(form, n, raw.ray);
  if (raw.status != lp_status::unbounded) {
    // Back to the original rows: transformed row i = row_factor[i] * row i,
    // and the phase-2 costs are objective_factor * c.
    solution.duals.resize(program.constraints.size());
    for (std::size_t i = 0; i < program.constraints.size(); ++i) {
      rational y = raw.multipliers[i] * form.row_factor[i];
      if (raw.status == lp_status::optimal) y /= form.objective_factor;
      solution.duals[i] = y;
    }
  }

  if (std::string why = check_lp_solution(program, solution); !why.empty()) {
    throw std::logic_error("simplex: the solution failed its check: " + why);
  }
  return solution;
}

std::optional<small_feasibility_result> solve_small_feasibility(std::size_t rows, std::size_t columns,
                                                                const std::vector<std::int64_t>& a,
                                                                const std::vector<std::int64_t>& b) {
  if (a.size() != rows * columns || b.size() != rows) throw std::logic_error("solve_small_feasibility: wrong sizes");
  // Every row is an equality: one artificial column per row, after the
  // structural ones; a row with b_i < 0 is negated first.
  tableau_layout layout;
  layout.rows = rows;
  layout.columns = columns + rows;
  layout.kind.assign(columns, column_kind::structural);
  layout.kind.resize(columns + rows, column_kind::artificial);
  layout.initial_basis.resize(rows);
  const std::size_t width = layout.columns + 1;
  std::vector<std::int64_t> cells((rows + 2) * width, 0);
  std::vector<int> flip(rows, 1);
  // Data below 2^40 in absolute value and fewer than 2^20 rows keep the sums
  // of the phase-1 row below 2^60; the pivots check everything else.
  constexpr std::int64_t data_limit = std::int64_t{1} << 40;
  const auto small = [&](std::int64_t v) {
    if (v >= data_limit || v <= -data_limit) throw int64_overflow{};
    return v;
  };
  if (rows >= (std::size_t{1} << 20)) return std::nullopt;
  try {
    for (std::size_t i = 0; i < rows; ++i) {
      flip[i] = b[i] < 0 ? -1 : 1;
      std::int64_t* row = &cells[i * width];
      for (std::size_t j = 0; j < columns; ++j) row[j] = small(a[i * columns + j]) * flip[i];
      row[columns + i] = 1;
      row[layout.columns] = small(b[i]) * flip[i];
      layout.initial_basis[i] = columns + i;
    }
    set_phase1_row(layout, cells);
    tableau<int64_numbers> t(layout, std::move(cells), 1);
    small_feasibility_result result;
    result.feasible = t.solve(false) == tableau_outcome::optimal;
    result.denominator = t.denominator();
    if (result.feasible) {
      result.x.assign(columns, 0);
      for (std::size_t i = 0; i < rows; ++i) {
        if (t.basic(i) < columns) result.x[t.basic(i)] = t.cell(i, layout.columns);
      }
    } else {
      result.y.resize(rows);
      for (std::size_t i = 0; i < rows; ++i) result.y[i] = t.multiplier(rows, i) * flip[i];
    }
    return result;
  } catch (const int64_overflow&) {
    return std::nullopt;
  }
}

}  // namespace nnsim
