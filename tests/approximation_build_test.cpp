// Tests of the approximation constructions: relu_approximation.hpp,
// relu_set_approximation.hpp, sigmoid_staircase.hpp,
// sigmoid_approximation.hpp (with polynomial_fit.hpp and
// ridge_decomposition.hpp) and cube_approximation.hpp.
//
// Two kinds of facts.  Small cases are worked out by hand (the knots,
// weights, cells and bounds written in the comments next to them) and the
// networks are run by the simulator in exact rational arithmetic at points
// whose value is known.  Larger cases are checked by an independent route:
// the certified branch and bound of approximation_check.hpp, which knows
// nothing of how the network was built, must prove the bound <= ε, and its
// proven lower bound of the true error must not exceed the construction's
// proven upper bound.
#include "nnsim/approximation/approximation_check.hpp"
#include "nnsim/approximation/cube_approximation.hpp"
#include "nnsim/approximation/function_sample.hpp"
#include "nnsim/approximation/network_enclosure.hpp"
#include "nnsim/approximation/polynomial_fit.hpp"
#include "nnsim/approximation/relu_approximation.hpp"
#include "nnsim/approximation/relu_set_approximation.hpp"
#include "nnsim/approximation/ridge_decomposition.hpp"
#include "nnsim/approximation/sigmoid_approximation.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>
#include <mpfi.h>

#include <cmath>
#include <string>
#include <vector>

using namespace nnsim;

namespace {

rational q(long p, long d = 1) { return rational(p, d); }

function_enclosure function_of(const std::string& text, std::size_t dimension = 1) {
  return function_enclosure(parse_real_function(text, variables_for(dimension).names), dimension);
}

real_predicate_ptr set_of(const std::string& text, std::size_t dimension = 1) {
  return parse_real_predicate(text, variables_for(dimension).names);
}

// The network written out and loaded back (so the text is a valid network
// file that means the same), run by the simulator in rational arithmetic on
// one input: the value of y.
rational run_at(const network& built, const std::vector<rational>& input) {
  const network net = parse_network(write_network(built), "built.nn");
  REQUIRE(same_network(net, built));
  run_request request;
  request.input = input;
  request.rule = parse_rule_option("layered");
  const run_result result = run_network(net, request);
  REQUIRE(result.status == run_status::halted);
  return result.outputs.exact()[0];
}

// The certified check of the network against f on the domain.
function_check_result check_function(const network& net, const function_enclosure& f, const box& domain,
                                     const rational& epsilon, std::size_t max_boxes = 20000) {
  network_enclosure enclosure(net);
  return check_function_approximation(enclosure, f, {domain, epsilon, max_boxes});
}

set_check_result check_set(const network& net, const real_predicate& set, const box& domain, const rational& epsilon,
                           std::size_t max_boxes = 20000) {
  network_enclosure enclosure(net);
  return check_set_approximation(enclosure, set, {domain, epsilon, max_boxes});
}

rational power(const rational& base, std::size_t exponent) {
  rational r = 1;
  for (std::size_t i = 0; i < exponent; ++i) r *= base;
  return r;
}

std::size_t count_activation(const network& net, activation act) {
  std::size_t n = 0;
  for (const equation& e : net.equations) n += e.act == act ? 1 : 0;
  return n;
}

relu_approximation_options relu_options(const rational& epsilon, const box& domain = unit_box(1)) {
  relu_approximation_options options;
  options.epsilon = epsilon;
  options.domain = domain;
  return options;
}

relu_set_options set_options(const rational& epsilon) {
  relu_set_options options;
  options.epsilon = epsilon;
  return options;
}

sigmoid_approximation_options sigmoid_options(const rational& epsilon, const box& domain = unit_box(1)) {
  sigmoid_approximation_options options;
  options.epsilon = epsilon;
  options.domain = domain;
  return options;
}

sigmoid_staircase_options staircase_options(const rational& epsilon, const rational& low, const rational& high) {
  sigmoid_staircase_options options;
  options.epsilon = epsilon;
  options.low = low;
  options.high = high;
  return options;
}

cube_approximation_options cube_options(const rational& side, const box& domain) {
  cube_approximation_options options;
  options.cube_size = side;
  options.domain = domain;
  return options;
}

}  // namespace

// ------------------------------------------------------------ samples --

TEST_CASE("function samples: exact where rational, else a dyadic within the tolerance", "[approximation_build]") {
  // abs(1/3 - 1/2) = 1/6; sqrt(9/4 * x) at 1 = 3/2; exp(x - 1) at 1 = 1.
  CHECK(exact_value(function_of("abs(x - 1/2)"), {q(1, 3)}) == q(1, 6));
  CHECK(exact_value(function_of("sqrt(9/4 * x)"), {q(1)}) == q(3, 2));
  CHECK(exact_value(function_of("exp(x - 1)"), {q(1)}) == q(1));
  CHECK_FALSE(exact_value(function_of("sqrt(x)"), {q(2)}).has_value());
  CHECK_FALSE(exact_value(function_of("pi * x"), {q(1)}).has_value());
  // sqrt(2) = 1.41421356…: a multiple of 2^-11 (half the largest power of
  // two <= 1/1000, which is 2^-10) within 1/1000.
  const function_sample s = sample_function(function_of("sqrt(x)"), {q(2)}, q(1, 1000));
  CHECK(is_dyadic(s.value));
  CHECK(s.error > 0);
  CHECK(s.error <= q(1, 1000));
  CHECK(std::abs(s.value.convert_to<double>() - std::sqrt(2.0)) <= 1.0 / 1000);
  CHECK_THROWS_AS(sample_function(function_of("log(x)"), {q(0)}, q(1, 100)), input_error);
}

// --------------------------------------------------------------- ReLU --

TEST_CASE("relu: abs(x - 1/2) is interpolated exactly by two units", "[approximation_build]") {
  // By hand: on [0, 1] the whole cell has slopes in [-1, 1], so the bound
  // is min(1 * 2 / 4, 1/2) = 1/2 > 1/4; the halves [0, 1/2] and [1/2, 1]
  // have the single slopes -1 and 1 (spread 0), so their bound is 0.  Knots
  // 0, 1/2, 1, values 1/2, 0, 1/2; F(x) = 1/2 - relu(x) + 2 relu(x - 1/2).
  const relu_approximation r = build_relu_approximation(function_of("abs(x - 1/2)"), relu_options(q(1, 4)));
  CHECK(r.knots == std::vector<rational>{q(0), q(1, 2), q(1)});
  CHECK(r.values == std::vector<rational>{q(1, 2), q(0), q(1, 2)});
  CHECK(r.hidden == 2);
  CHECK(r.bound == 0);
  CHECK(r.lipschitz == q(1));
  CHECK(r.textbook_units == integer(2));  // ceil(1 / (2 * 1/4))
  REQUIRE(r.net.equations.size() == 3);
  const equation& h1 = r.net.equations[0];
  const equation& h2 = r.net.equations[1];
  const equation& y = r.net.equations[2];
  CHECK(h1.act == activation::relu);
  CHECK(h1.bias == 0);
  CHECK(h2.bias == q(-1, 2));
  CHECK(y.act == activation::id);
  CHECK(y.bias == q(1, 2));
  REQUIRE(y.inputs.size() == 2);
  CHECK(y.inputs[0].weight == -1);
  CHECK(y.inputs[1].weight == 2);
  for (const rational& x : {q(0), q(1, 5), q(1, 2), q(2, 3), q(1)}) CHECK(run_at(r.net, {x}) == abs(x - q(1, 2)));
}

TEST_CASE("relu: a linear function needs one unit and no subdivision", "[approximation_build]") {
  // 2x + 1/3 on [0, 1]: slopes exactly [2, 2], bound 0 on the whole domain;
  // F(x) = 1/3 + 2 relu(x).
  const relu_approximation r = build_relu_approximation(function_of("2*x + 1/3"), relu_options(q(1, 10)));
  CHECK(r.knots == std::vector<rational>{q(0), q(1)});
  CHECK(r.hidden == 1);
  CHECK(r.bound == 0);
  CHECK(run_at(r.net, {q(3, 7)}) == q(6, 7) + q(1, 3));
}

TEST_CASE("relu: fewer units than the textbook's L / (2 epsilon), bound certified", "[approximation_build]") {
  // sin(3x)^2 has Lipschitz constant 3 on [0, 1] (|3 sin(6x)| <= 3), so the
  // textbook's uniform grid needs ceil(3 / (2/20)) = 30 units for ε = 1/20.
  const function_enclosure f = function_of("sin(3*x)^2");
  const rational epsilon = q(1, 20);
  const relu_approximation r = build_relu_approximation(f, relu_options(epsilon));
  CHECK(r.bound <= epsilon);
  CHECK(r.hidden < 30);
  REQUIRE(r.lipschitz.has_value());
  CHECK(*r.lipschitz >= 3);  // a proven upper bound of the true constant 3
  CHECK(*r.textbook_units >= integer(30));
  const function_check_result checked = check_function(r.net, f, unit_box(1), epsilon);
  CHECK(checked.verdict == approximation_verdict::met);
  CHECK(checked.attained <= r.bound);  // the check's proven lower bound of the error
}

TEST_CASE("relu: sqrt(x) has no Lipschitz constant, its oscillation bounds the first cell", "[approximation_build]") {
  // Near 0 only the oscillation helps: on [0, h] it is sqrt(h), so the first
  // cell is at most (ε - δ)^2 wide.
  const function_enclosure f = function_of("sqrt(x)");
  const rational epsilon = q(1, 10);
  const relu_approximation r = build_relu_approximation(f, relu_options(epsilon));
  CHECK_FALSE(r.lipschitz.has_value());
  CHECK_FALSE(r.textbook_units.has_value());
  CHECK(r.bound <= epsilon);
  REQUIRE(r.knots.size() >= 2);
  CHECK(r.knots[1] <= epsilon * epsilon);
  const function_check_result checked = check_function(r.net, f, unit_box(1), epsilon);
  CHECK(checked.verdict == approximation_verdict::met);
  CHECK(checked.attained <= r.bound);
}

TEST_CASE("relu: the textbook's uniform grid for a given Lipschitz constant", "[approximation_build]") {
  // δ = the largest power of two <= ε/32 = 1/640, that is 1/1024; the cells:
  // ceil(3 / (2 (1/20 - 1/1024))) = ceil(61440 / 2008) = ceil(30.59…) = 31.
  const function_enclosure f = function_of("sin(3*x)^2");
  relu_approximation_options options = relu_options(q(1, 20));
  options.lipschitz = q(3);
  const relu_approximation r = build_relu_approximation(f, options);
  CHECK(r.rounding_allowed == q(1, 1024));
  REQUIRE(r.knots.size() == 32);
  for (std::size_t i = 0; i < r.knots.size(); ++i) CHECK(r.knots[i] == q(static_cast<long>(i), 31));
  CHECK(r.assumed_lipschitz == q(3));
  CHECK(*r.assumed_bound <= q(1, 20));
  CHECK(r.textbook_units == integer(30));
  const function_check_result checked = check_function(r.net, f, unit_box(1), q(1, 20));
  CHECK(checked.verdict == approximation_verdict::met);
  CHECK(checked.attained <= r.bound);
}

TEST_CASE("relu: other domains and functions are certified", "[approximation_build]") {
  struct example {
    const char* f;
    box domain;
    rational epsilon;
  };
  const std::vector<example> examples{
      {"exp(-x^2)", box{{q(-2)}, {q(2)}}, q(1, 50)},
      {"abs(x - 1/3) + x^3", unit_box(1), q(1, 30)},
      {"min(x, 1/2) * cos(pi * x)", unit_box(1), q(1, 20)},
  };
  for (const example& e : examples) {
    INFO(e.f);
    const function_enclosure f = function_of(e.f);
    const relu_approximation_options options = relu_options(e.epsilon, e.domain);
    const relu_approximation r = build_relu_approximation(f, options);
    CHECK(r.bound <= e.epsilon);
    const function_check_result checked = check_function(r.net, f, e.domain, e.epsilon);
    CHECK(checked.verdict == approximation_verdict::met);
    CHECK(checked.attained <= r.bound);
  }
}

TEST_CASE("relu: bad input is refused with a reason", "[approximation_build]") {
  CHECK_THROWS_WITH(build_relu_approximation(function_of("x"), relu_options(q(0))), "epsilon must be positive");
  CHECK_THROWS_WITH(build_relu_approximation(function_of("sqrt(x - 1/2)"), relu_options(q(1, 10))),
                    Catch::Contains("f is not defined at x = 0"));
  relu_approximation_options few = relu_options(q(1, 1000));
  few.max_neurons = 10;
  CHECK_THROWS_WITH(build_relu_approximation(function_of("sin(20*x)"), few), Catch::Contains("more than 10 cells"));
}

TEST_CASE("relu --set: runs at the domain's ends, worked out by hand", "[approximation_build]") {
  // x < 1/3 or x > 1/2 with ε = 1/100.  The cells around 1/3 and the cell
  // right of 1/2 (x > 1/2 is false at 1/2) stay ambiguous; bisection stops
  // when their total is <= 1/100: two cells of width 1/256 (two of 1/128
  // would be 1/64 > 1/100).  1/3 lies in [85/256, 86/256]; so the runs are
  // [0, 85/256] and [129/256, 1], one ReLU each.
  const real_predicate_ptr set = set_of("x < 1/3 or x > 1/2");
  const relu_set_approximation r = build_relu_set_approximation(*set, set_options(q(1, 100)));
  REQUIRE(r.runs.size() == 2);
  CHECK(r.runs[0].low == 0);
  CHECK(r.runs[0].high == q(85, 256));
  CHECK(r.runs[1].low == q(129, 256));
  CHECK(r.runs[1].high == 1);
  CHECK(r.ambiguous == q(1, 128));
  CHECK(r.inside + r.outside + r.ambiguous == 1);
  CHECK(r.hidden == 2);
  // F(x) = relu(85/256 - x) + relu(x - 129/256).
  CHECK(run_at(r.net, {q(0)}) == q(85, 256));
  CHECK(run_at(r.net, {q(2, 5)}) == 0);
  CHECK(run_at(r.net, {q(1)}) == q(127, 256));
  const set_check_result checked = check_set(r.net, *set, unit_box(1), q(1, 100));
  CHECK(checked.verdict == approximation_verdict::met);
  CHECK(checked.misclassified <= r.bound());
}

TEST_CASE("relu --set: an interior run is the lecture's distance to the boundary", "[approximation_build]") {
  // (x - 1/2)^2 < 1/16 is the open interval (1/4, 3/4).  The cells [1/4, 1/4 + w]
  // and [3/4 - w, 3/4] stay ambiguous (equality at their ends), w = 1/256 as
  // above, so the run is [65/256, 191/256]: three ReLUs (weights 1, -2, 1),
  // a triangle of height (191 - 65) / 512 = 63/256 at the middle 1/2.
  const real_predicate_ptr set = set_of("(x - 1/2)^2 < 1/16");
  const relu_set_approximation r = build_relu_set_approximation(*set, set_options(q(1, 100)));
  REQUIRE(r.runs.size() == 1);
  CHECK(r.runs[0].low == q(65, 256));
  CHECK(r.runs[0].high == q(191, 256));
  CHECK(r.hidden == 3);
  CHECK(r.ambiguous == q(1, 128));
  CHECK(run_at(r.net, {q(1, 2)}) == q(63, 256));
  CHECK(run_at(r.net, {q(65, 256)}) == 0);
  CHECK(run_at(r.net, {q(3, 4)}) == 0);
  CHECK(run_at(r.net, {q(1, 8)}) == 0);
  const set_check_result checked = check_set(r.net, *set, unit_box(1), q(1, 100));
  CHECK(checked.verdict == approximation_verdict::met);
}

TEST_CASE("relu --set: the whole domain and the empty set", "[approximation_build]") {
  const relu_set_approximation all = build_relu_set_approximation(*set_of("x > -1"), set_options(q(1, 10)));
  CHECK(all.hidden == 0);
  CHECK(run_at(all.net, {q(1, 2)}) == 1);
  const relu_set_approximation none = build_relu_set_approximation(*set_of("x > 2"), set_options(q(1, 10)));
  CHECK(none.hidden == 0);
  CHECK(none.runs.empty());
  CHECK(run_at(none.net, {q(1, 2)}) == 0);
}

// ------------------------------------------------------------ sigmoid --

TEST_CASE("sigmoid: the staircase for f(x) = x, worked out by hand", "[approximation_build]") {
  // f' = 1 exactly and the knot values are exact, so each cell's
  // interpolation bound is h/2: h/2 <= 3/4 ε = 3/16 needs N >= 8/3, N = 3
  // (2 cells give 1/4 > 3/16).  Steps of height 1/3 at the midpoints 1/6,
  // 1/2, 5/6.  The tails' budget is 1/4 - 1/6 = 1/12; with q = e^(-λ/6),
  // T = 2 (1/3) q / (1 - q^2): λ = 8 gives q = 0.2636…, T = 0.1889… > 1/12;
  // λ = 16 gives q = 0.0694…, T = 0.046547… <= 1/12.
  const sigmoid_staircase s = build_sigmoid_staircase(function_of("x"), staircase_options(q(1, 4), q(0), q(1)));
  CHECK(s.cells == 3);
  CHECK(s.width == q(1, 3));
  CHECK(s.interpolation_bound == q(1, 6));
  CHECK(s.base == 0);
  REQUIRE(s.steps.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(s.steps[i].centre == q(2 * static_cast<long>(i) + 1, 6));
    CHECK(s.steps[i].height == q(1, 3));
  }
  CHECK(s.lambda == 16);
  CHECK(s.largest_step == q(1, 3));
  CHECK(s.tail_bound > q(46547, 1000000));  // 0.0465470…
  CHECK(s.tail_bound < q(46548, 1000000));
  CHECK(s.bound() <= q(1, 4));
  // The network: F(1/2) = (σ(16/3) + σ(0) + σ(-16/3)) / 3 = (1 + 1/2) / 3 = 1/2,
  // as σ(z) + σ(-z) = 1; its enclosure at the point must contain 1/2.
  const sigmoid_approximation net = build_sigmoid_approximation(function_of("x"), sigmoid_options(q(1, 4)));
  network_enclosure enclosure(net.net);
  const gradient_enclosure at_half = enclosure.over(box{{q(1, 2)}, {q(1, 2)}});
  const rational half = q(1, 2);
  CHECK(mpfi_is_inside_q(half.backend().data(), at_half.value.get()) > 0);
  CHECK(magnitude_upper(at_half.value) - half < q(1, 1000000));
}

TEST_CASE("sigmoid: one input, certified", "[approximation_build]") {
  const function_enclosure f = function_of("sin(3*x)^2");
  const rational epsilon = q(1, 10);
  const sigmoid_approximation s = build_sigmoid_approximation(f, sigmoid_options(epsilon));
  CHECK(s.bound <= epsilon);
  CHECK(s.hidden == s.staircase.steps.size());
  CHECK(count_activation(s.net, activation::logistic) == s.hidden);
  const function_check_result checked = check_function(s.net, f, unit_box(1), epsilon);
  CHECK(checked.verdict == approximation_verdict::met);
  CHECK(checked.attained <= s.bound);
}

TEST_CASE("sigmoid: a constant needs no hidden neuron", "[approximation_build]") {
  const sigmoid_approximation s = build_sigmoid_approximation(function_of("1/2"), sigmoid_options(q(1, 100)));
  CHECK(s.hidden == 0);
  CHECK(s.bound == 0);
  CHECK(run_at(s.net, {q(1, 3)}) == q(1, 2));
}

TEST_CASE("ridge decomposition: the ridges add up to the polynomial", "[approximation_build]") {
  // p = 1/3 + z1 - 2 z2 + z1 z2 + 3/4 z2^2 - z1^3 + 1/5 z1 z2^2, compared with
  // the sum of the ridges at rational points (an independent evaluation of
  // both sides).
  std::vector<std::vector<rational>> c(4, std::vector<rational>(4, q(0)));
  c[0][0] = q(1, 3);
  c[1][0] = 1;
  c[0][1] = -2;
  c[1][1] = 1;
  c[0][2] = q(3, 4);
  c[3][0] = -1;
  c[1][2] = q(1, 5);
  const ridge_decomposition d = decompose_into_ridges(c, 3);
  CHECK(d.constant == q(1, 3));
  CHECK(d.ridges.size() <= 4);
  for (const auto& [z1, z2] : std::vector<std::pair<rational, rational>>{{q(0), q(0)}, {q(1, 2), q(-1, 3)},
                                                                         {q(-1), q(1)}, {q(2, 7), q(5, 9)}}) {
    rational p = 0;
    for (unsigned i = 0; i <= 3; ++i) {
      for (unsigned j = 0; i + j <= 3; ++j) p += c[i][j] * power(z1, i) * power(z2, j);
    }
    rational sum = d.constant;
    for (const ridge_function& r : d.ridges) {
      const rational u = r.alpha * z1 + r.beta * z2;
      for (std::size_t m = 0; m < r.coefficients.size(); ++m) sum += r.coefficients[m] * power(u, m);
    }
    CHECK(sum == p);
  }
}

TEST_CASE("polynomial fit: x1 x2 is a polynomial of degree 2, found exactly", "[approximation_build]") {
  // On [0, 1]^2, z_i = 2 x_i - 1, so x1 x2 = (z1 + 1)(z2 + 1) / 4
  // = 1/4 + z1/4 + z2/4 + z1 z2 / 4.
  const box_polynomial p = chebyshev_fit(function_of("x1*x2", 2), unit_box(2), 2);
  CHECK(p.coefficients[0][0] == q(1, 4));
  CHECK(p.coefficients[1][0] == q(1, 4));
  CHECK(p.coefficients[0][1] == q(1, 4));
  CHECK(p.coefficients[1][1] == q(1, 4));
  CHECK(p.coefficients[2][0] == 0);
  CHECK(p.coefficients[0][2] == 0);
  const polynomial_fit fit = fit_polynomial(function_of("x1*x2", 2), unit_box(2), q(1, 16));
  CHECK(fit.polynomial.degree == 2);
  CHECK(fit.error <= q(1, 16));
}

TEST_CASE("sigmoid: two inputs, certified", "[approximation_build]") {
  const function_enclosure f = function_of("x1*x2", 2);
  const rational epsilon = q(1, 4);
  const sigmoid_approximation_options options = sigmoid_options(epsilon, unit_box(2));
  const sigmoid_approximation s = build_sigmoid_approximation(f, options);
  CHECK(s.degree == 2);
  CHECK(s.bound <= epsilon);
  CHECK(s.net.inputs.size() == 2);
  CHECK(count_activation(s.net, activation::logistic) == s.hidden);
  // The check stops early (its budget) with a proven bound that is still
  // far below ε: the construction's a-priori bound is pessimistic.
  const function_check_result checked = check_function(s.net, f, unit_box(2), epsilon, 1500);
  CHECK(checked.verdict == approximation_verdict::met);
  CHECK(checked.attained <= s.bound);
}

TEST_CASE("sigmoid: what it refuses", "[approximation_build]") {
  CHECK_THROWS_WITH(build_sigmoid_approximation(function_of("x1 + x2 + x3", 3), sigmoid_options(q(1, 4), unit_box(3))),
                    Catch::Contains("one or two inputs"));
  CHECK_THROWS_WITH(build_sigmoid_approximation(function_of("log(x)"), sigmoid_options(q(1, 4))),
                    Catch::Contains("f is not defined at x = 0"));
}

// -------------------------------------------------------------- cubes --

TEST_CASE("cubes: one dimension, worked out by hand", "[approximation_build]") {
  // x < 1/3 with cubes of side 1/4: [0, 1/4] inside, [1/4, 1/2] meets the set,
  // [1/2, 3/4] and [3/4, 1] dropped.  In [1/4, 1/2], 3 levels of bisection
  // find [1/4, 5/16] inside (1/16), [5/16, 11/32] undecided (1/32), and
  // [11/32, 3/8] and [3/8, 1/2] outside (1/32 + 1/8): the bound is
  // 1/32 + 5/32 = 3/16 and the proven part 5/32; the truth, 1/2 - 1/3 = 1/6,
  // lies in between.
  const real_predicate_ptr set = set_of("x < 1/3");
  const cube_approximation c = build_cube_approximation(*set, cube_options(q(1, 4), unit_box(1)));
  CHECK(c.cubes == 4);
  CHECK(c.inside == 1);
  CHECK(c.meeting == 1);
  CHECK(c.ambiguous == 0);
  CHECK(c.dropped == 2);
  CHECK(c.first_layer == 4);  // x >= 0, x <= 1/4, x >= 1/4, x <= 1/2
  CHECK(c.second_layer == 2);
  CHECK(c.bound == q(3, 16));
  CHECK(c.proven_outside == q(5, 32));
  CHECK(run_at(c.net, {q(1, 10)}) == 1);
  CHECK(run_at(c.net, {q(9, 20)}) == 1);  // in the kept cube [1/4, 1/2], outside the set
  CHECK(run_at(c.net, {q(3, 5)}) == 0);
  const set_check_result checked = check_set(c.net, *set, unit_box(1), q(1, 5));
  CHECK(checked.misclassified <= c.bound);
  CHECK(c.proven_outside <= checked.bound());
}

TEST_CASE("cubes: a cube that only touches the set is dropped", "[approximation_build]") {
  // x <= 1/2 with cubes of side 1/4: [0, 1/4] and [1/4, 1/2] inside.  The
  // closed cube [1/2, 3/4] meets the set only at 1/2: three levels of
  // bisection leave [1/2, 17/32] undecided, and its interior, shrunk by
  // (1/32) / 2^32 at each face, is outside; so the cube is dropped and the
  // bound is the two faces' shells, 2 * 2^-37 = 2^-36.
  const cube_approximation c = build_cube_approximation(*set_of("x <= 1/2"), cube_options(q(1, 4), unit_box(1)));
  CHECK(c.inside == 2);
  CHECK(c.dropped == 2);
  CHECK(c.meeting + c.ambiguous == 0);
  rational shells = 1;
  mpq_div_2exp(shells.backend().data(), shells.backend().data(), 36);
  CHECK(c.bound == shells);
  CHECK(run_at(c.net, {q(1, 2)}) == 1);
  CHECK(run_at(c.net, {q(5, 8)}) == 0);
}

TEST_CASE("cubes: the lecture's network for a disc, checked independently", "[approximation_build]") {
  const real_predicate_ptr set = set_of("x1^2 + x2^2 <= 1/4", 2);
  const box domain{{q(-1), q(-1)}, {q(1), q(1)}};
  const cube_approximation c = build_cube_approximation(*set, cube_options(q(1, 8), domain));
  CHECK(c.cubes == 256);
  CHECK(c.inside + c.meeting + c.ambiguous + c.dropped == 256);
  CHECK(c.second_layer == c.inside + c.meeting + c.ambiguous);
  // Every AND neuron reads 2k = 4 half-spaces with bias -4; y is the OR.
  for (const equation& e : c.net.equations) {
    CHECK(e.act == activation::step);
    if (c.net.name_of(e.target)[0] == 'c') {
      CHECK(e.inputs.size() == 4);
      CHECK(e.bias == -4);
    }
  }
  // The kept cubes cover the disc (area π/4 ≈ 0.785): at least its area.
  rational kept_volume = 0;
  for (const kept_cube& k : c.kept) kept_volume += k.region.volume();
  CHECK(kept_volume >= q(785, 1000));
  CHECK(c.bound <= kept_volume - q(1, 2));  // cubes inside are not counted
  const set_check_result checked = check_set(c.net, *set, domain, c.bound);
  CHECK(checked.misclassified <= c.bound);
  CHECK(c.proven_outside <= checked.bound());
  CHECK(run_at(c.net, {q(0), q(0)}) == 1);
  CHECK(run_at(c.net, {q(9, 10), q(9, 10)}) == 0);
}

TEST_CASE("cubes: three dimensions, and what is refused", "[approximation_build]") {
  const real_predicate_ptr ball = set_of("x1^2 + x2^2 + x3^2 < 1", 3);
  const box domain{{q(-1), q(-1), q(-1)}, {q(1), q(1), q(1)}};
  const cube_approximation c = build_cube_approximation(*ball, cube_options(q(1, 2), domain));
  CHECK(c.cubes == 64);
  // Inside: the 8 cubes at the centre (their farthest corner is at distance
  // sqrt(3)/2 < 1).  None dropped: the nearest point of every cube is at
  // distance at most sqrt(3)/2 (the corner cubes' (1/2, 1/2, 1/2)).
  CHECK(c.inside == 8);
  CHECK(c.dropped == 0);
  CHECK(run_at(c.net, {q(0), q(0), q(0)}) == 1);
  CHECK_THROWS_WITH(build_cube_approximation(*ball, cube_options(q(3), domain)), Catch::Contains("larger than the box's side"));
  CHECK_THROWS_WITH(build_cube_approximation(*ball, cube_options(q(0), domain)), Catch::Contains("must be positive"));
  cube_approximation_options few = cube_options(q(1, 16), domain);
  few.max_neurons = 100;
  CHECK_THROWS_WITH(build_cube_approximation(*ball, few), Catch::Contains("raise --max-neurons"));
}
