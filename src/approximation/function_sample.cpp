#include "nnsim/approximation/function_sample.hpp"

#include "approximation/construction_numbers.hpp"
#include "approximation/rational_arithmetic.hpp"
#include "nnsim/support/error.hpp"
#include "numbers/expression_evaluation.hpp"
#include "numbers/interval_arithmetic.hpp"

#include <fmt/format.h>
#include <mpfi.h>

namespace nnsim {
namespace {


// Precisions tried for the enclosure, from approximation_precision on,
// doubling up to this: far more than any tolerance a user gives needs.
constexpr mpfr_prec_t highest_precision = 8192;

// The variables' values in the order of variables_for(dimension) (in one
// dimension both x and x1 stand for the coordinate).
std::vector<rational> bound_variables(std::size_t dimension, const std::vector<rational>& point) {
  const variable_list variables = variables_for(dimension);
  std::vector<rational> values;
  for (std::size_t c : variables.coordinate) values.push_back(point[c]);
  return values;
}

}  // namespace

std::optional<rational> exact_value(const function_enclosure& f, const std::vector<rational>& point) {
  const std::vector<rational> values = bound_variables(f.dimension(), point);
  rational_arithmetic arithmetic(values);
  expression_evaluator<rational_arithmetic> evaluator(arithmetic);
  try {
    rational value = evaluator.evaluate(f.expression());
    if (bit_size(value) > max_exact_sample_bits) return std::nullopt;
    return value;
  } catch (const not_rational&) {
    return std::nullopt;
  }
}

function_sample sample_function(const function_enclosure& f, const std::vector<rational>& point,
                                const rational& tolerance) {
  try {
    if (std::optional<rational> value = exact_value(f, point)) return {std::move(*value), rational(0)};
  } catch (const expression_error& error) {
    throw input_error(fmt::format("f is not defined at {}: {}", point_text(point), error.what()));
  }
  // Round to a multiple of g/2, g the largest power of two <= tolerance, an
  // enclosure [lo, hi] of width <= g/2: then |v - mid| <= g/4 and
  // |mid - f| <= g/4, so |v - f| <= g/2 <= tolerance.
  const rational g = construction::power_of_two_at_most(tolerance);
  const std::vector<rational> values = bound_variables(f.dimension(), point);
  std::string undecided;
  for (mpfr_prec_t precision = approximation_precision; precision <= highest_precision; precision *= 2) {
    std::vector<interval_number> intervals;
    for (const rational& v : values) {
      interval_number i(precision);
      mpfi_set_q(i.get(), v.backend().data());
      intervals.push_back(std::move(i));
    }
    interval_arithmetic arithmetic(precision, intervals);
    expression_evaluator<interval_arithmetic> evaluator(arithmetic);
    try {
      const interval_number enclosure = evaluator.evaluate(f.expression());
      if (mpfi_nan_p(enclosure.get()) != 0 || mpfi_bounded_p(enclosure.get()) == 0) continue;
      const rational lo = lower_end(enclosure);
      const rational hi = upper_end(enclosure);
      if (hi - lo > g / 2) continue;
      rational v = construction::round_to_multiple((lo + hi) / 2, g / 2);
      rational error = std::max(v - lo, hi - v);
      return {std::move(v), std::move(error)};
    } catch (const undecided_domain& question) {
      undecided = question.question;
    } catch (const expression_error& error) {
      throw input_error(fmt::format("f is not defined at {}: {}", point_text(point), error.what()));
    }
  }
  throw input_error(fmt::format("f cannot be evaluated at {} within {}{}", point_text(point), to_string(tolerance),
                                undecided.empty() ? std::string() : " (" + undecided + " stays undecided)"));
}

}  // namespace nnsim
