// Tests of the exact simplex (exact_simplex.hpp): small programs with optima
// known by hand, infeasible and unbounded ones with their certificates,
// degenerate programs on which the textbook rule cycles, redundant rows,
// the GMP fallback, and random two-variable programs against an independent
// vertex enumeration.
#include "nnsim/boolean/exact_simplex.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

using nnsim::linear_program;
using nnsim::lp_constraint;
using nnsim::lp_direction;
using nnsim::lp_sense;
using nnsim::lp_solution;
using nnsim::lp_status;
using nnsim::rational;

namespace {

rational q(long n, long d = 1) { return rational(n, d); }

lp_constraint row(std::vector<rational> a, lp_sense sense, rational b) {
  return lp_constraint{std::move(a), sense, std::move(b)};
}

constexpr lp_sense le = lp_sense::less_equal;
constexpr lp_sense ge = lp_sense::greater_equal;
constexpr lp_sense eq = lp_sense::equal;

lp_solution solve_checked(const linear_program& lp) {
  const lp_solution s = nnsim::solve_linear_program(lp);
  INFO("status " << nnsim::name_of(s.status));
  CHECK(nnsim::check_lp_solution(lp, s).empty());
  return s;
}

}  // namespace

TEST_CASE("simplex: a textbook maximum with its dual", "[simplex]") {
  // max 3x + 2y, x + y <= 4, x + 3y <= 6, x <= 3: x = 3, y = 1, value 11;
  // the first and third constraints are tight, y = (2, 0, 1).
  linear_program lp;
  lp.variable_count = 2;
  lp.objective = {3, 2};
  lp.constraints = {row({1, 1}, le, 4), row({1, 3}, le, 6), row({1, 0}, le, 3)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::optimal);
  CHECK(s.values == std::vector<rational>{3, 1});
  CHECK(s.objective_value == 11);
  CHECK(s.duals == std::vector<rational>{2, 0, 1});
  CHECK_FALSE(s.big_integers);
}

TEST_CASE("simplex: a fractional optimum", "[simplex]") {
  // max x + y, 2x + y <= 4, x + 2y <= 4: x = y = 4/3, value 8/3, y = (1/3, 1/3).
  linear_program lp;
  lp.variable_count = 2;
  lp.objective = {1, 1};
  lp.constraints = {row({2, 1}, le, 4), row({1, 2}, le, 4)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::optimal);
  CHECK(s.values == std::vector<rational>{q(4, 3), q(4, 3)});
  CHECK(s.objective_value == q(8, 3));
  CHECK(s.duals == std::vector<rational>{q(1, 3), q(1, 3)});
}

TEST_CASE("simplex: minimizing over >= rows with rational data", "[simplex]") {
  // min 2x + 3y, x + y >= 2, x/3 + y >= 1: the vertices (3, 0) and (0, 2) cost
  // 6, their crossing (3/2, 1/2) costs 9/2.
  linear_program lp;
  lp.variable_count = 2;
  lp.direction = lp_direction::minimize;
  lp.objective = {2, 3};
  lp.constraints = {row({1, 1}, ge, 2), row({q(1, 3), 1}, ge, 1)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::optimal);
  CHECK(s.values == std::vector<rational>{q(3, 2), q(1, 2)});
  CHECK(s.objective_value == q(9, 2));
  // Minimization duals: >= 0 on >= rows, A^T y <= c, b·y = 9/2.
  CHECK(s.duals == std::vector<rational>{q(3, 2), q(3, 2)});
}

TEST_CASE("simplex: free variables and negative right-hand sides", "[simplex]") {
  // max -x - y with x free, y >= 0, x >= -5 and x + y = -2: the objective is
  // 2 on the whole line, so any feasible point is optimal.
  linear_program lp;
  lp.variable_count = 2;
  lp.free_variables = {true, false};
  lp.objective = {-1, -1};
  lp.constraints = {row({1, 0}, ge, -5), row({1, 1}, eq, -2)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::optimal);
  CHECK(s.objective_value == 2);
  CHECK(s.values[0] + s.values[1] == -2);

  // max x with x free and x <= -7/2: x = -7/2.
  linear_program single;
  single.variable_count = 1;
  single.free_variables = {true};
  single.objective = {1};
  single.constraints = {row({1}, le, q(-7, 2))};
  const lp_solution t = solve_checked(single);
  REQUIRE(t.status == lp_status::optimal);
  CHECK(t.values == std::vector<rational>{q(-7, 2)});
  CHECK(t.duals == std::vector<rational>{1});
}

TEST_CASE("simplex: an infeasible program and its Farkas multipliers", "[simplex]") {
  // x + y <= 1 and x + y >= 3: 1·(first) - 1·(second) reads 0 <= -2.
  linear_program lp;
  lp.variable_count = 2;
  lp.constraints = {row({1, 1}, le, 1), row({1, 1}, ge, 3)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::infeasible);
  REQUIRE(s.duals.size() == 2);
  CHECK(s.duals[0] > 0);
  CHECK(s.duals[1] < 0);

  // Equalities with free variables: x - y = 1, y - x = 1.
  linear_program free_lp;
  free_lp.variable_count = 2;
  free_lp.free_variables = {true, true};
  free_lp.constraints = {row({1, -1}, eq, 1), row({-1, 1}, eq, 1)};
  const lp_solution t = solve_checked(free_lp);
  CHECK(t.status == lp_status::infeasible);

  // 0 >= 1 alone.
  linear_program empty_row;
  empty_row.variable_count = 1;
  empty_row.constraints = {row({}, ge, 1)};
  CHECK(solve_checked(empty_row).status == lp_status::infeasible);
}

TEST_CASE("simplex: unbounded programs and their rays", "[simplex]") {
  // max x with x - y <= 1: along (1, 1) forever.
  linear_program lp;
  lp.variable_count = 2;
  lp.objective = {1};
  lp.constraints = {row({1, -1}, le, 1)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::unbounded);
  CHECK(s.ray[0] > 0);

  // min x with x free and no constraints.
  linear_program free_lp;
  free_lp.variable_count = 1;
  free_lp.free_variables = {true};
  free_lp.direction = lp_direction::minimize;
  free_lp.objective = {1};
  const lp_solution t = solve_checked(free_lp);
  REQUIRE(t.status == lp_status::unbounded);
  CHECK(t.ray == std::vector<rational>{-1});
}

TEST_CASE("simplex: Beale's cycling example terminates at the optimum", "[simplex]") {
  // E. M. L. Beale, "Cycling in the dual simplex algorithm" (1955): with the
  // largest-coefficient rule the simplex cycles here; Bland's rule does not.
  // Optimum 5/4 at x4 = 1, x6 = 1 (numbered x4 … x7 as in the paper).
  linear_program lp;
  lp.variable_count = 4;
  lp.objective = {q(3, 4), -20, q(1, 2), -6};
  lp.constraints = {row({q(1, 4), -8, -1, 9}, le, 0), row({q(1, 2), -12, q(-1, 2), 3}, le, 0),
                    row({0, 0, 1, 0}, le, 1)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::optimal);
  CHECK(s.objective_value == q(5, 4));
  CHECK(s.values == std::vector<rational>{1, 0, 1, 0});
}

TEST_CASE("simplex: Chvatal's cycling example terminates at the optimum", "[simplex]") {
  // V. Chvátal, Linear Programming (1983), chapter 3: cycles under the
  // largest-coefficient rule with the smallest-index tie break; optimum 1.
  linear_program lp;
  lp.variable_count = 4;
  lp.objective = {10, -57, -9, -24};
  lp.constraints = {row({q(1, 2), q(-11, 2), q(-5, 2), 9}, le, 0), row({q(1, 2), q(-3, 2), q(-1, 2), 1}, le, 0),
                    row({1, 0, 0, 0}, le, 1)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::optimal);
  CHECK(s.objective_value == 1);
}

TEST_CASE("simplex: a degenerate vertex where many constraints meet", "[simplex]") {
  // The origin lies on all five constraints of the cone; max x + y is 0 there
  // because every direction into the cone is cut off by x + y <= 0.
  linear_program lp;
  lp.variable_count = 2;
  lp.free_variables = {true, true};
  lp.objective = {1, 1};
  lp.constraints = {row({1, 1}, le, 0), row({2, 1}, le, 0), row({1, 2}, le, 0), row({1, 0}, le, 0),
                    row({0, 1}, le, 0)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::optimal);
  CHECK(s.objective_value == 0);
}

TEST_CASE("simplex: redundant equality rows", "[simplex]") {
  // x + y = 2 three times over (scaled); max x is 2.
  linear_program lp;
  lp.variable_count = 2;
  lp.objective = {1, 0};
  lp.constraints = {row({1, 1}, eq, 2), row({2, 2}, eq, 4), row({q(1, 2), q(1, 2)}, eq, 1)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::optimal);
  CHECK(s.values == std::vector<rational>{2, 0});
}

TEST_CASE("simplex: no constraints and no objective", "[simplex]") {
  linear_program lp;
  lp.variable_count = 3;
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::optimal);
  CHECK(s.values == std::vector<rational>{0, 0, 0});
  CHECK(s.objective_value == 0);
}

TEST_CASE("simplex: huge coefficients fall back to GMP integers", "[simplex]") {
  // max x + y with 2^70 x + y <= 2^71 and x + 2^70 y <= 2^71: x = y = 2^71 / (2^70 + 1).
  const rational big = rational(nnsim::integer(1) << 70);
  linear_program lp;
  lp.variable_count = 2;
  lp.objective = {1, 1};
  lp.constraints = {row({big, 1}, le, 2 * big), row({1, big}, le, 2 * big)};
  const lp_solution s = solve_checked(lp);
  REQUIRE(s.status == lp_status::optimal);
  CHECK(s.big_integers);
  CHECK(s.values[0] == 2 * big / (big + 1));
  CHECK(s.values[1] == s.values[0]);
}

TEST_CASE("simplex: malformed programs are input errors", "[simplex]") {
  linear_program lp;
  lp.variable_count = 1;
  lp.constraints = {row({1, 2}, le, 1)};
  CHECK_THROWS_AS(nnsim::solve_linear_program(lp), nnsim::input_error);
  linear_program flags;
  flags.variable_count = 2;
  flags.free_variables = {true};
  CHECK_THROWS_AS(nnsim::solve_linear_program(flags), nnsim::input_error);
}

TEST_CASE("simplex: the checker refuses wrong claims", "[simplex]") {
  linear_program lp;
  lp.variable_count = 2;
  lp.objective = {1, 1};
  lp.constraints = {row({2, 1}, le, 4), row({1, 2}, le, 4)};
  lp_solution s = nnsim::solve_linear_program(lp);
  lp_solution wrong = s;
  wrong.values = {2, 0};  // feasible, but not optimal: the duals no longer match
  wrong.objective_value = 2;
  CHECK_FALSE(nnsim::check_lp_solution(lp, wrong).empty());
  wrong = s;
  wrong.status = lp_status::infeasible;
  CHECK_FALSE(nnsim::check_lp_solution(lp, wrong).empty());
}

namespace {

// The optimum of max c·x over {x in Q^2 : a_i·x <= b_i} by enumerating the
// crossings of every two constraint lines (the box -10 <= x, y <= 10 is part
// of the constraints, so the region is bounded and its vertices are among
// the crossings).  Returns false when no crossing is feasible.
bool vertex_optimum(const std::vector<lp_constraint>& rows, const std::vector<rational>& c, rational& best) {
  bool found = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t j = i + 1; j < rows.size(); ++j) {
      const auto& a = rows[i].coefficients;
      const auto& b = rows[j].coefficients;
      const rational det = a[0] * b[1] - a[1] * b[0];
      if (det == 0) continue;
      const rational x = (rows[i].rhs * b[1] - a[1] * rows[j].rhs) / det;
      const rational y = (a[0] * rows[j].rhs - rows[i].rhs * b[0]) / det;
      bool feasible = true;
      for (const auto& r : rows) feasible = feasible && r.coefficients[0] * x + r.coefficients[1] * y <= r.rhs;
      if (!feasible) continue;
      const rational value = c[0] * x + c[1] * y;
      if (!found || value > best) best = value;
      found = true;
    }
  }
  return found;
}

}  // namespace

TEST_CASE("simplex: random two-variable programs agree with vertex enumeration", "[simplex]") {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> coefficient(-4, 4);
  std::uniform_int_distribution<int> count(1, 6);
  for (int round = 0; round < 300; ++round) {
    linear_program lp;
    lp.variable_count = 2;
    lp.free_variables = {true, true};
    lp.objective = {coefficient(random), coefficient(random)};
    for (int k = 0; k < 2; ++k) {  // the box
      std::vector<rational> e(2, rational(0));
      e[k] = 1;
      lp.constraints.push_back(row(e, le, 10));
      e[k] = -1;
      lp.constraints.push_back(row(e, le, 10));
    }
    const int extra = count(random);
    for (int k = 0; k < extra; ++k) {
      lp.constraints.push_back(row({coefficient(random), rational(coefficient(random), 1 + (k % 3))}, le,
                                   rational(coefficient(random), 1 + (round % 2))));
    }
    INFO("round " << round);
    rational best;
    const bool feasible = vertex_optimum(lp.constraints, lp.objective, best);
    const lp_solution s = solve_checked(lp);
    if (!feasible) {
      CHECK(s.status == lp_status::infeasible);
    } else {
      REQUIRE(s.status == lp_status::optimal);
      CHECK(s.objective_value == best);
    }
  }
}
