// Tests of perceptron.hpp: the learning rule on AND and OR against runs
// computed by hand, XOR (the rule cycles and the data is not separable),
// exact rational rates, and the CSV reader with its located errors.
#include "nnsim/boolean/truth_table.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/learning/perceptron.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using nnsim::labelled_points;
using nnsim::perceptron_options;
using nnsim::perceptron_result;
using nnsim::rational;
using nnsim::train_perceptron;

namespace {

// The four inputs (0,0), (0,1), (1,0), (1,1) in this order with the targets
// of a truth table.
labelled_points two_inputs(const std::string& table) {
  labelled_points data;
  data.dimension = 2;
  data.points = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  for (char c : table) data.labels.push_back(c == '1');
  return data;
}

std::vector<std::uint64_t> errors_per_epoch(const perceptron_result& r) {
  std::vector<std::uint64_t> errors;
  for (const auto& epoch : r.epochs) errors.push_back(epoch.errors);
  return errors;
}

std::string message_of(std::string_view text) {
  try {
    nnsim::parse_training_data(text, "data.csv");
  } catch (const nnsim::input_error& e) {
    return e.diagnostic();
  }
  return "no error";
}

}  // namespace

TEST_CASE("perceptron: AND, computed by hand", "[perceptron]") {
  // w = (0,0), b = 0, ε = 1; y = 1 iff w·x + b >= 0; an error adds ±x to w
  // and ±1 to b.  (w1, w2; b) after each example:
  //   epoch 1: (0,0)->0 ξ=0 wrong: (0,0;-1); (0,1) ξ=-1 ok; (1,0) ok;
  //            (1,1)->1 ξ=-1 wrong: (1,1;0)                       2 errors
  //   epoch 2: (0,0) ξ=0 wrong: (1,1;-1); (0,1) ξ=0 wrong: (1,0;-2);
  //            (1,0) ξ=-1 ok; (1,1) ξ=-1 wrong: (2,1;-1)           3 errors
  //   epoch 3: (0,0) ok; (0,1) ξ=0 wrong: (2,0;-2); (1,0) ξ=0 wrong: (1,0;-3);
  //            (1,1) ξ=-2 wrong: (2,1;-2)                          3 errors
  //   epoch 4: (0,0) ok; (0,1) ok; (1,0) ξ=0 wrong: (1,1;-3);
  //            (1,1) ξ=-1 wrong: (2,2;-2)                          2 errors
  //   epoch 5: (0,0) ok; (0,1) ξ=0 wrong: (2,1;-3); (1,0) ok; (1,1) ξ=0 ok  1 error
  //   epoch 6: ξ = -3, -2, -1, 0: all right                        0 errors
  const perceptron_result r = train_perceptron(two_inputs("0001"));
  CHECK(r.converged);
  CHECK(errors_per_epoch(r) == std::vector<std::uint64_t>{2, 3, 3, 2, 1, 0});
  CHECK(r.weights == std::vector<rational>{2, 1});
  CHECK(r.bias == -3);
  CHECK(r.epochs[1].weights == std::vector<rational>{2, 1});
  CHECK(r.epochs[1].bias == -1);
  CHECK(r.repeats == 0);
}

TEST_CASE("perceptron: OR, computed by hand", "[perceptron]") {
  //   epoch 1: (0,0) ξ=0 wrong: (0,0;-1); (0,1)->1 ξ=-1 wrong: (0,1;0);
  //            (1,0) ξ=0 ok; (1,1) ok                               2 errors
  //   epoch 2: (0,0) ξ=0 wrong: (0,1;-1); (0,1) ξ=0 ok; (1,0) ξ=-1 wrong:
  //            (1,1;0); (1,1) ok                                    2 errors
  //   epoch 3: (0,0) ξ=0 wrong: (1,1;-1); the rest ok               1 error
  //   epoch 4: ξ = -1, 0, 0, 1: all right                           0 errors
  const perceptron_result r = train_perceptron(two_inputs("0111"));
  CHECK(r.converged);
  CHECK(errors_per_epoch(r) == std::vector<std::uint64_t>{2, 2, 1, 0});
  CHECK(r.weights == std::vector<rational>{1, 1});
  CHECK(r.bias == -1);
}

TEST_CASE("perceptron: XOR never converges, and the data is not separable", "[perceptron]") {
  //   epoch 1: (0,0) wrong: (0,0;-1); (0,1)->1 wrong: (0,1;0); (1,0) ok;
  //            (1,1)->0 ξ=1 wrong: (-1,0;-1)                        3 errors
  //   epoch 2: (0,0) ok; (0,1) ξ=-1 wrong: (-1,1;0); (1,0) ξ=-1 wrong: (0,1;1);
  //            (1,1) ξ=2 wrong: (-1,0;0)                            3 errors
  //   epoch 3: from (-1,0;0) every example is wrong and the neuron comes
  //            back to (-1,0;0): a cycle of period 1               4 errors
  const labelled_points data = two_inputs("0110");
  perceptron_options options;
  options.max_epochs = 1000;
  const perceptron_result r = train_perceptron(data, options);
  CHECK_FALSE(r.converged);
  CHECK(errors_per_epoch(r) == std::vector<std::uint64_t>{3, 3, 4});
  CHECK(r.repeats == 3);
  CHECK(r.repeated == 2);
  CHECK(r.weights == std::vector<rational>{-1, 0});
  CHECK(r.bias == 0);
  CHECK_FALSE(nnsim::decide_separability(data).separable);

  options.max_epochs = 2;
  const perceptron_result limited = train_perceptron(data, options);
  CHECK_FALSE(limited.converged);
  CHECK(limited.epochs.size() == 2);
  CHECK(limited.repeats == 0);
}

TEST_CASE("perceptron: a rational rate scales the run exactly", "[perceptron]") {
  // From w = 0 the rule with rate ε makes exactly the same decisions as with
  // rate 1, with every weight multiplied by ε.
  perceptron_options options;
  options.rate = rational(1, 3);
  const perceptron_result r = train_perceptron(two_inputs("0001"), options);
  CHECK(errors_per_epoch(r) == std::vector<std::uint64_t>{2, 3, 3, 2, 1, 0});
  CHECK(r.weights == std::vector<rational>{rational(2, 3), rational(1, 3)});
  CHECK(r.bias == -1);
}

TEST_CASE("perceptron: initial weights and rational data", "[perceptron]") {
  // Starting from a separating neuron nothing changes.
  perceptron_options options;
  options.initial_weights = {1, 1};
  options.initial_bias = rational(-3, 2);
  const perceptron_result r = train_perceptron(two_inputs("0001"), options);
  CHECK(errors_per_epoch(r) == std::vector<std::uint64_t>{0});
  CHECK(r.bias == rational(-3, 2));

  // Points on a line: 1 iff x >= 1/2.
  labelled_points line;
  line.dimension = 1;
  line.points = {{rational(1, 3)}, {rational(3, 4)}, {rational(-2)}, {rational(1, 2)}};
  line.labels = {false, true, false, true};
  const perceptron_result fitted = train_perceptron(line);
  REQUIRE(fitted.converged);
  for (std::size_t i = 0; i < line.points.size(); ++i) {
    CHECK((fitted.weights[0] * line.points[i][0] + fitted.bias >= 0) == line.labels[i]);
  }

  options.initial_weights = {1};
  CHECK_THROWS_AS(train_perceptron(two_inputs("0001"), options), nnsim::input_error);
  options = {};
  options.rate = 0;
  CHECK_THROWS_AS(train_perceptron(two_inputs("0001"), options), nnsim::input_error);
  options = {};
  options.max_epochs = 0;
  CHECK_THROWS_AS(train_perceptron(two_inputs("0001"), options), nnsim::input_error);
}

TEST_CASE("perceptron: the learned network computes what was learned", "[perceptron]") {
  const nnsim::training_data data = nnsim::parse_training_data("a, b, and\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n", "and.csv");
  const perceptron_result r = train_perceptron(data.examples);
  const nnsim::network net = nnsim::perceptron_network(data, r.weights, r.bias, "learned");
  const std::string text = nnsim::write_network(net);
  CHECK(text.find("and = step(-3 + 2 a + b)") != std::string::npos);
  const nnsim::network again = nnsim::parse_network(text, "learned.nn");
  CHECK(nnsim::same_network(net, again));
  const auto f = nnsim::computed_function(nnsim::compute_truth_table(again));
  REQUIRE(f);
  CHECK(f->table() == "0001");
}

TEST_CASE("perceptron data: headers, comments, signs and fractions", "[perceptron]") {
  const nnsim::training_data data = nnsim::parse_training_data(
      "# points of the plane\n"
      "\n"
      "  u , v , label   # a header\n"
      "1/2, -3/4, 1\n"
      "\t-1e1 ,+2.5,0\r\n"
      "0,0,1  # the origin\n",
      "data.csv");
  CHECK(data.has_header);
  CHECK(data.input_names == std::vector<std::string>{"u", "v"});
  CHECK(data.target_name == "label");
  REQUIRE(data.examples.points.size() == 3);
  CHECK(data.examples.points[0] == std::vector<rational>{rational(1, 2), rational(-3, 4)});
  CHECK(data.examples.points[1] == std::vector<rational>{-10, rational(5, 2)});
  CHECK(data.examples.labels == std::vector<bool>{true, false, true});
  CHECK(data.lines == std::vector<std::uint32_t>{4, 5, 6});

  // Without a header the names are x1 … xn and y; a header that cannot name
  // neurons (a reserved word, a repeated name) is kept out of the network.
  const nnsim::training_data plain = nnsim::parse_training_data("0,1\n1,0\n", "d.csv");
  CHECK_FALSE(plain.has_header);
  CHECK(plain.input_names == std::vector<std::string>{"x1"});
  CHECK(plain.target_name == "y");
  const nnsim::training_data reserved = nnsim::parse_training_data("step,x\n0,1\n", "d.csv");
  CHECK(reserved.has_header);
  CHECK(reserved.input_names == std::vector<std::string>{"x1"});
  const nnsim::training_data only_targets = nnsim::parse_training_data("1\n0\n", "d.csv");
  CHECK(only_targets.examples.dimension == 0);
}

TEST_CASE("perceptron data: errors name the file, line and column", "[perceptron]") {
  CHECK(message_of("a,b,t\n0,0,0\n0,x1,1\n") == "data.csv:3:3: error: invalid number 'x1'\n  0,x1,1\n    ^");
  CHECK(message_of("0,0,0\n0,1,2\n") ==
        "data.csv:2:5: error: the target (last column) must be 0 or 1, not '2'\n  0,1,2\n      ^");
  CHECK(message_of("0,0,0\n0,1\n") ==
        "data.csv:2:4: error: expected 3 columns (2 inputs and the target), as on line 1, but found 2\n  0,1\n     ^");
  CHECK(message_of("0,1\n0,1,1  # three\n") ==
        "data.csv:2:5: error: expected 2 columns (1 input and the target), as on line 1, but found 3\n"
        "  0,1,1  # three\n      ^");
  CHECK(message_of("0, 1/0, 1\n") == "data.csv:1:6: error: division by zero in number '1/0'\n  0, 1/0, 1\n       ^");
  CHECK(message_of("0, 2x, 1\n") ==
        "data.csv:1:5: error: number '2' is directly followed by 'x'; separate them with a space or '*'\n"
        "  0, 2x, 1\n      ^");
  CHECK(message_of("0,,1\n") == "data.csv:1:3: error: empty field: expected a number\n  0,,1\n    ^");
  // A character copied from a slide is named, at its byte column.
  CHECK(message_of("x1,x2,t\n1, \u22121, 1\n") ==
        "data.csv:2:4: error: '\u2212' (U+2212 MINUS SIGN) is not ASCII '-'; use ASCII '-'\n  1, \u22121, 1\n     ^");
  CHECK(message_of("0,0,0\n1/2,1\u20133,1\n") ==
        "data.csv:2:6: error: '\u2013' (U+2013 EN DASH) is not ASCII '-'; use ASCII '-'\n  1/2,1\u20133,1\n       ^");
  CHECK(message_of("0,0,0\n1\u00a0000,1,1\n") ==
        "data.csv:2:2: error: U+00A0 NO-BREAK SPACE is not an ASCII space; use an ASCII space\n"
        "  1\u00a0000,1,1\n   ^");
  CHECK(message_of("0,0,0\n1,2\u00f73,1\n") ==
        "data.csv:2:4: error: '\u00f7' (U+00F7 DIVISION SIGN) is not ASCII '/'; use ASCII '/'\n  1,2\u00f73,1\n     ^");
  CHECK(message_of("# nothing\n") ==
        "data.csv:1:10: error: no examples: expected lines of comma-separated inputs and a target 0 or 1\n"
        "  # nothing\n           ^");
  CHECK(message_of("x,,y\n") == "data.csv:1:3: error: empty column name in the header\n  x,,y\n    ^");
}

TEST_CASE("perceptron data: every line end, a byte order mark, short messages", "[perceptron]") {
  for (const char* text : {"a,b,y\r\n0,0,0\r\n1,1,1\r\n", "a,b,y\r0,0,0\r1,1,1\r", "\xEF\xBB\xBF""a,b,y\n0,0,0\n1,1,1\n"}) {
    const nnsim::training_data data = nnsim::parse_training_data(text, "d.csv");
    CHECK(data.has_header);
    CHECK(data.input_names == std::vector<std::string>{"a", "b"});
    CHECK(data.target_name == "y");
    CHECK(data.lines == std::vector<std::uint32_t>{2, 3});
  }
  CHECK(message_of("0,0,0\r0,1\r") ==
        "data.csv:2:4: error: expected 3 columns (2 inputs and the target), as on line 1, but found 2\n  0,1\n     ^");
  // Columns count the byte order mark, as in a network file; it is not shown.
  CHECK(message_of("\xEF\xBB\xBF""0,x,0\n") == "data.csv:1:6: error: invalid number 'x'\n  0,x,0\n    ^");
  // A field is quoted escaped and shortened.
  CHECK(message_of("0,\x1b[2J,0\n") ==
        "data.csv:1:3: error: invalid number '\\x1b[2J'\n  0,\\x1b[2J,0\n    ^");
  CHECK(message_of("0," + std::string(100000, 'z') + ",0\n") ==
        "data.csv:1:3: error: invalid number '" + std::string(40, 'z') + "...'\n  0," + std::string(77, 'z') +
            "…\n    ^");
}
