// An exact linear-programming solver: the two-phase simplex method on exact
// numbers, with Dantzig's entering rule and Bland's rule (R. G. Bland, "New
// finite pivoting rules for the simplex method", Math. Oper. Res. 2, 1977)
// whenever a run of degenerate pivots could be a cycle, so it never cycles.
// No floating point is used anywhere.
//
// The answer is a proof, not just a claim, and solve_linear_program checks it
// before returning:
//   optimal     a feasible point x and dual multipliers y with equal
//               objective values (strong duality);
//   infeasible  Farkas multipliers y: a combination of the constraints that
//               reads 0 >= (something positive), so no x satisfies them all;
//   unbounded   a feasible point x and a ray d along which the objective
//               grows without bound while every constraint stays satisfied.
//
// The problems it was written for (linear_separability.hpp) are small and
// dense, so the tableau is dense.  See exact_simplex.cpp for how the numbers
// are held (integers over one common denominator, in int64 while provably
// safe and in GMP integers otherwise).
#pragma once

#include "nnsim/numbers/rational.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nnsim {

enum class lp_sense { less_equal, equal, greater_equal };
enum class lp_direction { maximize, minimize };

// coefficients · x  (<= | = | >=)  rhs.  Coefficients past the end are 0.
struct lp_constraint {
  std::vector<rational> coefficients;
  lp_sense sense = lp_sense::less_equal;
  rational rhs = 0;
};

// maximize or minimize objective · x subject to the constraints, with each
// variable either nonnegative (the default) or free.
struct linear_program {
  std::size_t variable_count = 0;
  std::vector<bool> free_variables;      // empty: all variables are >= 0
  lp_direction direction = lp_direction::maximize;
  std::vector<rational> objective;       // empty or shorter: the rest is 0 (a feasibility problem)
  std::vector<lp_constraint> constraints;

  bool is_free(std::size_t j) const { return j < free_variables.size() && free_variables[j]; }
};

enum class lp_status { optimal, infeasible, unbounded };
std::string_view name_of(lp_status s);

struct lp_solution {
  lp_status status = lp_status::infeasible;
  // optimal, unbounded: a feasible point (a basic one: at most as many
  // nonzero values as there are constraints, counting a free variable twice).
  std::vector<rational> values;
  rational objective_value = 0;          // optimal
  // optimal: an optimal solution of the dual, one multiplier per constraint.
  //   maximize: y_i >= 0 on <= rows, y_i <= 0 on >= rows, free on = rows;
  //             (A^T y)_j >= c_j for x_j >= 0, = c_j for a free x_j; b·y = c·x.
  //   minimize: the signs of y and the inequality on A^T y are reversed.
  // infeasible: Farkas multipliers, signed as for maximize, with
  //   (A^T y)_j >= 0 for x_j >= 0, = 0 for a free x_j, and b·y < 0.
  std::vector<rational> duals;
  // unbounded: d with x + t d feasible for every t >= 0 and c·d improving.
  std::vector<rational> ray;
  std::size_t pivots = 0;                // simplex pivots, both phases
  bool big_integers = false;             // whether the GMP fallback was needed
};

// Solves the program exactly.  Throws input_error for a malformed program
// (more coefficients than variables, a wrong-sized free_variables or
// objective) and std::logic_error if the result fails its own check (a bug).
lp_solution solve_linear_program(const linear_program& program);

// Checks every claim of `solution` about `program` exactly, as described
// above.  Returns an empty string when it holds, else what is wrong.
std::string check_lp_solution(const linear_program& program, const lp_solution& solution);

// The same method for many tiny feasibility problems (the hot loop of
// `nnsim check boolean`): is {x >= 0 : A x = b} feasible, for an integer
// matrix A (`rows` x `columns`, row-major) and integer b?  Phase 1 only, on
// int64 numbers, and no rationals are built.  The answer is integers over
// one common denominator d > 0: a basic solution x = x_num / d, or Farkas
// multipliers y = y_num / d with A^T y >= 0 and b·y < 0.  Returns nothing
// when an entry would leave the int64 range; the caller then falls back to
// solve_linear_program.  Not checked here: the caller checks what it uses.
struct small_feasibility_result {
  bool feasible = false;
  std::vector<std::int64_t> x;        // feasible: numerators, one per column
  std::vector<std::int64_t> y;        // infeasible: numerators, one per row
  std::int64_t denominator = 1;
};
std::optional<small_feasibility_result> solve_small_feasibility(std::size_t rows, std::size_t columns,
                                                                const std::vector<std::int64_t>& a,
                                                                const std::vector<std::int64_t>& b);

}  // namespace nnsim
