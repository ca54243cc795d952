// Tests of truth_table.hpp on networks from the spec and small hand-made
// ones whose computations are worked out in the comments: the row order,
// each verdict, rule and number-mode overrides, comparisons with a function.
#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/boolean/truth_table.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <functional>

using namespace nnsim;

namespace {

network parse(std::string_view text) { return parse_network(text, "test.nn"); }

const char* const xor_text = R"(network xor
input x1, x2
output y
rule parallel

h1 = step(-1 + 2 x1 + 2 x2)
h2 = step(3 - 2 x1 - 2 x2)
y  = step(-2 + h1 + h2)
)";

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const input_error& e) {
    return e.what();
  }
  return "no error";
}

// The first output of every row, as an exact number (in any mode).
std::vector<rational> output_column(const truth_table& table) {
  std::vector<rational> values;
  for (const truth_table_row& row : table.rows) values.push_back(row.outputs.to_rational(0));
  return values;
}

}  // namespace

TEST_CASE("truth table: the lecture's XOR network, row by row", "[truth]") {
  const truth_table table = compute_truth_table(parse(xor_text));
  REQUIRE(table.arity == 2);
  REQUIRE(table.output_count == 1);
  REQUIRE(table.rows.size() == 4);
  for (std::uint32_t v = 0; v < 4; ++v) {
    CHECK(table.rows[v].input == v);
    CHECK(table.rows[v].status == run_status::halted);
  }
  // Row 2 is x1 = 1, x2 = 0: the first input is the most significant bit.
  CHECK(table.input_bit(2, 1));
  CHECK_FALSE(table.input_bit(2, 2));
  CHECK(output_column(table) == std::vector<rational>{0, 1, 1, 0});
  // Parallel, input 00: y(1) has h2 = 1 and y = step(-2) = 0, which step 2
  // keeps, so T = 1.  Input 01: y(1) has h1 = h2 = 1 and still y = 0; step 2
  // sets y = 1, so T = 2.
  CHECK(table.rows[0].steps == 1);
  CHECK(table.rows[1].steps == 2);
  CHECK(table.rule.kind == rule_kind::parallel);
  CHECK(mismatching_rows(table, boolean_function::from_table("0110")).empty());
  CHECK(mismatching_rows(table, boolean_function::from_table("0111")) == std::vector<std::uint32_t>{3});
  CHECK(computed_function(table) == boolean_function::from_table("0110"));
}

TEST_CASE("truth table: a rule override and the floating modes give the same table here", "[truth]") {
  const network net = parse(xor_text);
  for (const char* mode : {"rational", "double", "real:8"}) {
    for (const char* rule : {"parallel", "sequential", "layered", "random:5"}) {
      INFO(mode << " " << rule);
      truth_table_request request;
      request.rule = parse_rule_option(rule);
      request.numbers = number_mode::parse(mode);
      const truth_table table = compute_truth_table(net, request);
      CHECK(table.rule == *request.rule);
      CHECK(output_column(table) == std::vector<rational>{0, 1, 1, 0});
      CHECK(computed_function(table) == boolean_function::from_table("0110"));
    }
  }
}

TEST_CASE("truth table: rows that diverge or stay undecided", "[truth]") {
  // On input 1 the neuron y alternates 0, 1, 0, ... (y = step(-y) while x = 1
  // keeps it going); on input 0 y = step(-1 - y) stays 0.
  const network blinker = parse(
      "input x\n"
      "output y\n"
      "y = step(-1 + 2 x - 2 y)\n");
  const truth_table table = compute_truth_table(blinker);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0].status == run_status::halted);
  CHECK(table.rows[0].outputs.exact() == std::vector<rational>{0});
  CHECK(table.rows[1].status == run_status::diverges);
  CHECK(mismatching_rows(table, boolean_function::from_table("01")) == std::vector<std::uint32_t>{1});
  CHECK(mismatching_rows(table, boolean_function::from_table("00")) == std::vector<std::uint32_t>{1});
  CHECK_FALSE(computed_function(table).has_value());

  truth_table_request request;
  request.limits.max_steps = 1;
  request.rule = parse_rule_option("random");
  const truth_table undecided = compute_truth_table(blinker, request);
  CHECK(undecided.rows[1].status == run_status::undecided);
  CHECK(undecided.rows[1].steps == 1);
}

TEST_CASE("truth table: outputs that are not 0 or 1 match nothing", "[truth]") {
  const network half = parse(
      "input x\n"
      "output y\n"
      "y = id(1/2 x)\n");
  const truth_table table = compute_truth_table(half);
  CHECK(output_column(table) == std::vector<rational>{0, rational(1, 2)});
  CHECK(row_matches(table.rows[0], false));
  CHECK_FALSE(row_matches(table.rows[1], false));
  CHECK_FALSE(row_matches(table.rows[1], true));
  CHECK_FALSE(computed_function(table).has_value());
}

TEST_CASE("truth table: networks without inputs and with two outputs", "[truth]") {
  const network constant = parse(
      "output y\n"
      "y = step(0)\n");
  const truth_table one_row = compute_truth_table(constant);
  REQUIRE(one_row.rows.size() == 1);
  CHECK(computed_function(one_row) == boolean_function::from_table("1"));

  const network two = parse(
      "input a, b\n"
      "output p, q\n"
      "p = step(-2 + a + b)\n"
      "q = step(-1 + a + b)\n");
  const truth_table table = compute_truth_table(two);
  CHECK(table.output_count == 2);
  CHECK(table.rows[1].outputs.exact() == std::vector<rational>{0, 1});
  CHECK_FALSE(computed_function(table).has_value());
  CHECK(error_of([&] { mismatching_rows(table, boolean_function::from_table("0001")); }) ==
        "comparing with a Boolean function needs a network with one output neuron; this one has 2");
  CHECK(error_of([&] { mismatching_rows(compute_truth_table(parse(xor_text)), boolean_function::from_table("01")); }) ==
        "the expected function has 1 input, the network 2");
  CHECK(error_of([&] { mismatching_rows(compute_truth_table(parse(xor_text)), boolean_function::from_table("0110"
                                                                                                           "0110")); }) ==
        "the expected function has 3 inputs, the network 2");
}

TEST_CASE("truth table: too many inputs and a rule that does not fit", "[truth]") {
  std::string inputs = "x1";
  for (int i = 2; i <= 21; ++i) inputs += fmt::format(", x{}", i);
  const network wide = parse("input " + inputs + "\noutput x1\n");
  CHECK(error_of([&] { compute_truth_table(wide); }) ==
        "a truth table runs the network on all 2^k inputs; the network has 21 input neurons, at most 20 are allowed");

  const network cyclic = parse(
      "input x\n"
      "output y\n"
      "y = step(x - y)\n");
  truth_table_request request;
  request.rule = parse_rule_option("layered");
  CHECK_THROWS_AS(compute_truth_table(cyclic, request), input_error);
}

TEST_CASE("truth table: ten inputs, OR of all, 1024 rows", "[truth]") {
  std::string inputs = "x1";
  std::string sum = "x1";
  for (int i = 2; i <= 10; ++i) {
    inputs += fmt::format(", x{}", i);
    sum += fmt::format(" + x{}", i);
  }
  const network net = parse(fmt::format("input {}\noutput y\ny = step(-1 + {})\n", inputs, sum));
  const truth_table table = compute_truth_table(net);
  REQUIRE(table.rows.size() == 1024);
  CHECK(computed_function(table) == boolean_function::from_table("0" + std::string(1023, '1')));
}
