// The certified approximation checks (approximation_check.hpp) against
// errors and measures derived by hand, and the expression language's
// variables and predicates they read.
#include "nnsim/approximation/approximation_check.hpp"
#include "nnsim/approximation/approximation_input.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace nnsim;

namespace {

network parse(const std::string& text) { return parse_network(text, "test.nn"); }

function_check_result check_function(const std::string& net_text, const std::string& f, const rational& epsilon,
                                     std::size_t max_boxes = 100000) {
  const network net = parse(net_text);
  network_enclosure enclosure(net);
  const function_enclosure fe(parse_function_option(f, enclosure.dimension()), enclosure.dimension());
  return check_function_approximation(enclosure, fe, {unit_box(enclosure.dimension()), epsilon, max_boxes});
}

set_check_result check_set(const std::string& net_text, const std::string& set, const rational& epsilon) {
  const network net = parse(net_text);
  network_enclosure enclosure(net);
  const real_predicate_ptr a = parse_set_option(set, enclosure.dimension());
  return check_set_approximation(enclosure, *a, {unit_box(enclosure.dimension()), epsilon, 100000});
}

const char* const identity_net = "input x\noutput y\nh = relu(x)\ny = id(h)\n";
// The lecture's XOR: y = 1 exactly on the strip 1/2 <= x1 + x2 <= 3/2.
const char* const xor_net =
    "input x1, x2\noutput y\nh1 = step(-1 + 2 x1 + 2 x2)\nh2 = step(3 - 2 x1 - 2 x2)\ny = step(-2 + h1 + h2)\n";

}  // namespace

TEST_CASE("expressions of variables and predicates parse, print and locate errors", "[approximation]") {
  const auto f = parse_function_option("sin(3*x)^2 + x1", 1);
  CHECK(to_string(*f) == "sin(3 * x)^2 + x1");
  CHECK_FALSE(f->value.has_value());
  const auto a = parse_set_option("x1^2 + x2^2 <= 1/4 or not (x1 > 3/4 and 0 < x2 < 1/2)", 2);
  CHECK(to_string(*a) == "x1^2 + x2^2 <= 1/4 or not (x1 > 3/4 and 0 < x2 and x2 < 1/2)");
  // A parenthesis that holds no comparison is arithmetic.
  CHECK(to_string(*parse_set_option("(x1 + 1) * 2 < 3", 2)) == "(x1 + 1) * 2 < 3");
  CHECK_THROWS_WITH(parse_function_option("sin(3*y)", 1),
                    Catch::Contains("undefined name 'y'") && Catch::Contains("at column 7"));
  CHECK_THROWS_WITH(parse_function_option("x3", 2), Catch::Contains("at column 1"));
  CHECK_THROWS_WITH(parse_set_option("x1 + x2", 2), Catch::Contains("a comparison"));
  CHECK_THROWS_WITH(parse_set_option("x1 < 1 and", 2), Catch::Contains("found the end"));
}

TEST_CASE("predicates are decided on boxes in three values", "[approximation]") {
  const auto disc = parse_set_option("x1^2 + x2^2 <= 1/4", 2);
  CHECK(holds_over(*disc, {{0, 0}, {rational(1, 4), rational(1, 4)}}) == truth::yes);  // 1/16 + 1/16 <= 1/4
  CHECK(holds_over(*disc, {{rational(3, 4), 0}, {1, 1}}) == truth::no);
  CHECK(holds_over(*disc, {{0, 0}, {1, 1}}) == truth::unknown);
  const auto outside = parse_set_option("not x1^2 + x2^2 <= 1/4", 2);
  CHECK(holds_over(*outside, {{rational(3, 4), 0}, {1, 1}}) == truth::yes);
}

TEST_CASE("the function check proves sup |f - F| found by hand", "[approximation]") {
  // F(x) = x and f(x) = x^2: |x^2 - x| = x(1 - x) is largest at x = 1/2, where it is 1/4.
  const function_check_result r = check_function(identity_net, "x^2", rational(1, 3));
  CHECK(r.verdict == approximation_verdict::met);
  CHECK(r.attained <= rational(1, 4));
  CHECK(r.bound >= rational(1, 4));
  CHECK(r.bound - rational(1, 4) <= rational(1, 4) / 256 + rational(1, 64 * 3));
  CHECK(r.attained > rational(1, 4) * 255 / 256);
  const function_check_result below = check_function(identity_net, "x^2", rational(1, 5));
  CHECK(below.verdict == approximation_verdict::not_met);
  CHECK(below.attained > rational(1, 5));

  // A hat of two ReLUs is f = 1 - |2x - 1| exactly: the error is 0 up to rounding.
  const char* const hat = "input x\noutput y\nh1 = relu(x)\nh2 = relu(x - 1/2)\ny = id(2 h1 - 4 h2)\n";
  const function_check_result exact = check_function(hat, "1 - abs(2*x - 1)", rational(1, 1000000));
  CHECK(exact.verdict == approximation_verdict::met);
  CHECK(exact.bound < rational(1, 1000000000));

  // Two inputs: F = x1 + x2, f = x1 + x2 + x1 x2 / 10; the error x1 x2 / 10 is largest at (1, 1).
  const char* const sum = "input x1, x2\noutput y\ny = id(x1 + x2)\n";
  const function_check_result two = check_function(sum, "x1 + x2 + x1*x2/10", rational(1, 8));
  CHECK(two.verdict == approximation_verdict::met);
  CHECK(two.bound >= rational(1, 10));
  CHECK(two.bound <= rational(1, 10) * 257 / 256 + rational(1, 64 * 8));
  CHECK(two.attained <= rational(1, 10));
  CHECK(two.witness[0] > rational(9, 10));
  CHECK(two.witness[1] > rational(9, 10));

  // sqrt has no bounded slope at 0, so only the plain enclosure works there: sup |sqrt x - x| = 1/4 at x = 1/4.
  const function_check_result root = check_function(identity_net, "sqrt(x)", rational(3, 10));
  CHECK(root.verdict == approximation_verdict::met);
  CHECK(root.bound >= rational(1, 4));
  CHECK(root.attained <= rational(1, 4));
  CHECK(root.attained > rational(1, 4) * 255 / 256);
}

TEST_CASE("a bound reached exactly is proven exactly where the error is monotone", "[approximation]") {
  // F interpolates x^2 at 0, 1/2, 1; x^2 - F is x^2 - x/2 on [0, 1/2] and x^2 - 3x/2 + 1/2 on [1/2, 1], with
  // extremes -1/16 at 1/4 and 3/4.  On each side of them the error is monotone, so the bound is 1/16 itself.
  const char* const broken_line = "input x\noutput y\nh1 = relu(x)\nh2 = relu(x - 1/2)\ny = id(1/2 h1 + h2)\n";
  const function_check_result r = check_function(broken_line, "x^2", rational(1, 16));
  CHECK(r.verdict == approximation_verdict::met);
  CHECK(r.bound == rational(1, 16));
  CHECK(r.attained == rational(1, 16));
  CHECK((r.witness[0] == rational(1, 4) || r.witness[0] == rational(3, 4)));
  CHECK(check_function(broken_line, "x^2", rational(1, 17)).verdict == approximation_verdict::not_met);
}

TEST_CASE("a step network's function is checked although it jumps", "[approximation]") {
  // y = step(x - 1/2) against f = x: the error is largest next to the jump, |1/2 - 1| just left of 1/2 is
  // 1/2 (sup, not attained), and 1/2 at x = 1/2 where F = 1.
  const char* const jump = "input x\noutput y\ny = step(x - 1/2)\n";
  const function_check_result r = check_function(jump, "x", rational(3, 4));
  CHECK(r.verdict == approximation_verdict::met);
  CHECK(r.bound >= rational(1, 2));
  CHECK(r.attained <= rational(1, 2));
}

TEST_CASE("the set check proves the misclassified measure found by hand", "[approximation]") {
  // The XOR network is positive exactly on the strip: nothing is misclassified.
  const set_check_result strip = check_set(xor_net, "x1 + x2 >= 1/2 and x1 + x2 <= 3/2", rational(1, 100));
  CHECK(strip.verdict == approximation_verdict::met);
  CHECK(strip.misclassified == 0);
  CHECK(strip.bound() <= rational(1, 100));
  CHECK(strip.volume == 1);
  // Against A = {x1 + x2 > 1}: misclassified are 1/2 <= s <= 1 (area 1/2 - 1/8) and s > 3/2 (area 1/8): 1/2.
  const set_check_result half = check_set(xor_net, "x1 + x2 > 1", rational(1, 10));
  CHECK(half.verdict == approximation_verdict::not_met);
  CHECK(half.misclassified <= rational(1, 2));
  CHECK(half.bound() >= rational(1, 2));
  CHECK(half.bound() - half.misclassified <= rational(1, 640) + half.shell);
  // The part in A with F <= 0 is s > 3/2: 1/8.
  CHECK(half.false_negative <= rational(1, 8));
  CHECK(half.false_negative > rational(1, 8) - rational(1, 640));
}

TEST_CASE("the checks refuse what they cannot check", "[approximation]") {
  CHECK_THROWS_AS(network_enclosure(parse("input x\noutput y\ny = relu(x + y)\n")), input_error);
  CHECK_THROWS_WITH(network_enclosure(parse("input x\noutput y, z\ny = relu(x)\nz = relu(x)\n")),
                    Catch::Contains("--output"));
  CHECK_THROWS_WITH(check_function(identity_net, "sqrt(x - 2)", rational(1, 10)), Catch::Contains("not defined"));
  CHECK_THROWS_WITH(check_function(identity_net, "log(x)", rational(1, 10)), Catch::Contains("cannot be evaluated"));
  CHECK_THROWS_WITH(check_function(identity_net, "x1 + x2", rational(1, 10)), Catch::Contains("undefined name 'x2'"));
}

TEST_CASE("a comparison undefined on a box is false there, whatever the order of the operands", "[approximation]") {
  // F = -1 <= 0 everywhere; A = (1/2, 1] (sqrt(x - 2) is defined nowhere on [0, 1]): misclassified 1/2.
  const char* const negative = "input x\noutput y\ny = id(0 x - 1)\n";
  for (const char* set : {"sqrt(x - 2) < 1 or x > 1/2", "x > 1/2 or sqrt(x - 2) < 1"}) {
    const set_check_result r = check_set(negative, set, rational(1, 100));
    CHECK(r.verdict == approximation_verdict::not_met);
    CHECK(r.misclassified <= rational(1, 2));
    CHECK(r.bound() >= rational(1, 2));
    CHECK(r.misclassified > rational(1, 2) - rational(1, 1000));
  }
  // `not` of it holds everywhere: A = [0, 1], all misclassified.
  CHECK(check_set(negative, "not sqrt(x - 2) < 1", rational(1, 100)).bound() >= 1);
}

TEST_CASE("the network's function is the value a run leaves, not a guess", "[approximation]") {
  // An input neuron with an equation: a run overwrites the input, y = 1 for every x; |x - 1| is 1 at x = 0.
  const function_check_result overwritten =
      check_function("input x\noutput y\nrule layered\nx = id(1)\ny = id(x)\n", "x", rational(1, 100));
  CHECK(overwritten.verdict == approximation_verdict::not_met);
  CHECK(overwritten.bound >= 1);
  CHECK(overwritten.attained <= 1);
  // A rule that never updates h computes no function of x that the layers describe: refused.
  CHECK_THROWS_WITH(check_function("input x\noutput y\nrule sequential y\nh = relu(x)\ny = id(h)\n", "x", 1),
                    Catch::Contains("never updates neuron 'h'"));
  CHECK_THROWS_WITH(check_function("input x\noutput y\nrule schedule {y}\nh = relu(x)\ny = id(h)\n", "x", 1),
                    Catch::Contains("never updates neuron 'h'"));
}

TEST_CASE("the set check's lower bound counts only what was decided", "[approximation]") {
  // y = step(x - 1/2) against A = [0, 1/2 + 2^-40): misclassified 1 - 2^-40, less than ε = 1 - 2^-41, so the
  // check must not call ε exceeded although every box but the shells is decided.
  const set_check_result r =
      check_set("input x\noutput y\ny = step(x - 1/2)\n", "x < 1/2 + 2^-40", 1 - rational(1, 2199023255552));
  CHECK(r.verdict != approximation_verdict::not_met);
  CHECK(r.misclassified <= 1 - rational(1, 1099511627776));
  CHECK(r.bound() >= 1 - rational(1, 1099511627776));
}

TEST_CASE("the shards' evaluations give back the whole check, box for box", "[approximation][shard]") {
  const network net = parse(identity_net);
  network_enclosure enclosure(net);
  // The error is sin(20 x) / 1000: largest, 1/1000, at six points.
  const function_enclosure f(parse_function_option("x + sin(20*x)/1000", 1), 1);
  const approximation_check_options options{unit_box(1), rational(1, 1000), 100000};
  const function_check_result whole = check_function_approximation(enclosure, f, options);
  REQUIRE(whole.boxes > 100);
  for (const std::uint64_t n : {1, 2, 3, 7}) {
    box_evaluations known;
    for (std::uint64_t k = 1; k <= n; ++k) {
      const box_evaluations part = explore_function_approximation(enclosure, f, options, shard{k, n});
      CHECK(part.size() > 0);
      known.insert(part.begin(), part.end());
    }
    approximation_check_options merging = options;
    merging.known = &known;
    const function_check_result merged = check_function_approximation(enclosure, f, merging);
    CHECK(merged.bound == whole.bound);
    CHECK(merged.attained == whole.attained);
    CHECK(merged.witness == whole.witness);
    CHECK(to_string(merged.worst_box) == to_string(whole.worst_box));
    CHECK(merged.boxes == whole.boxes);
    CHECK(merged.verdict == whole.verdict);
  }
  // What is not known is computed: no evaluations at all is the whole check.
  box_evaluations none;
  approximation_check_options merging = options;
  merging.known = &none;
  CHECK(check_function_approximation(enclosure, f, merging).bound == whole.bound);
  // And what is known is taken as it is: a domain said to have error 0
  // everywhere ends the check at once (which is why a merge checks that
  // the records are of the same job).
  box_evaluations lying;
  lying[""].upper = rational(0);
  lying[""].lower = rational(0);
  merging.known = &lying;
  const function_check_result lied = check_function_approximation(enclosure, f, merging);
  CHECK(lied.boxes == 1);
  CHECK(lied.bound == 0);
}

TEST_CASE("the shards' classifications give back the whole set check", "[approximation][shard]") {
  const network net = parse(xor_net);
  network_enclosure enclosure(net);
  const real_predicate_ptr strip = parse_set_option("x1 + x2 > 1/2 and x1 + x2 < 3/2", 2);
  const approximation_check_options options{unit_box(2), rational(1, 1000), 100000};
  const set_check_result whole = check_set_approximation(enclosure, *strip, options);
  REQUIRE(whole.boxes > 100);
  for (const std::uint64_t n : {2, 5}) {
    box_evaluations known;
    for (std::uint64_t k = 1; k <= n; ++k) {
      const box_evaluations part = explore_set_approximation(enclosure, *strip, options, shard{k, n});
      known.insert(part.begin(), part.end());
    }
    approximation_check_options merging = options;
    merging.known = &known;
    const set_check_result merged = check_set_approximation(enclosure, *strip, merging);
    CHECK(merged.misclassified == whole.misclassified);
    CHECK(merged.false_negative == whole.false_negative);
    CHECK(merged.undecided == whole.undecided);
    CHECK(merged.inside == whole.inside);
    CHECK(merged.leaves.size() == whole.leaves.size());
    CHECK(merged.boxes == whole.boxes);
    CHECK(merged.verdict == whole.verdict);
  }
}
