// Tests of linear_separability.hpp, against an independent route: a brute
// force over small integer weights, implemented here.  For every function
// of n <= 3 inputs the answer must agree with it; every neuron is checked on
// every input and every certificate recomputed here (not with the library's
// own checker); the counts per n are the published ones (OEIS A000609:
// 2, 4, 14, 104, 1882), found by the brute force as well as by the library.
#include "nnsim/boolean/boolean_check.hpp"
#include "nnsim/boolean/linear_separability.hpp"
#include "nnsim/boolean/neuron_network.hpp"
#include "nnsim/boolean/truth_table.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <set>
#include <vector>

using nnsim::boolean_function;
using nnsim::decide_separability;
using nnsim::labelled_points;
using nnsim::rational;
using nnsim::separability_result;
using nnsim::weight_choice;

namespace {

// OEIS A000609: the number of threshold functions of n or fewer variables.
const std::vector<std::uint64_t> threshold_function_counts = {2, 4, 14, 104, 1882};

// The truth table (as a number, F(0…0) most significant, as
// boolean_function_number) of step(bias + w·x) over all inputs of n bits.
std::uint64_t table_of(unsigned n, const std::vector<int>& w, int bias) {
  const std::uint32_t size = 1u << n;
  std::uint64_t table = 0;
  for (std::uint32_t v = 0; v < size; ++v) {
    int xi = bias;
    for (unsigned i = 0; i < n; ++i) {
      if (((v >> (n - 1 - i)) & 1u) != 0) xi += w[i];
    }
    table = (table << 1) | (xi >= 0 ? 1u : 0u);
  }
  return table;
}

// Every truth table that step(b + w·x) computes with integer weights in
// [-max_weight, max_weight] and bias in [-max_bias, max_bias].
std::set<std::uint64_t> brute_force(unsigned n, int max_weight, int max_bias) {
  std::set<std::uint64_t> tables;
  std::vector<int> w(n, -max_weight);
  while (true) {
    for (int b = -max_bias; b <= max_bias; ++b) tables.insert(table_of(n, w, b));
    unsigned i = 0;
    while (i < n && w[i] == max_weight) w[i++] = -max_weight;
    if (i == n) break;
    ++w[i];
  }
  return tables;
}

// Recomputes Σλ_k p_k for one side of a certificate, here, and checks the
// side's coefficients (positive, adding up to 1) and labels.
std::vector<rational> recompute_side(const nnsim::convex_combination& side, const labelled_points& data, bool label) {
  REQUIRE(side.points.size() == side.coefficients.size());
  REQUIRE_FALSE(side.points.empty());
  rational total = 0;
  std::vector<rational> point(data.dimension, rational(0));
  for (std::size_t k = 0; k < side.points.size(); ++k) {
    REQUIRE(side.points[k] < data.points.size());
    CHECK(data.labels[side.points[k]] == label);
    CHECK(side.coefficients[k] > 0);
    total += side.coefficients[k];
    for (std::size_t d = 0; d < data.dimension; ++d) point[d] += side.coefficients[k] * data.points[side.points[k]][d];
  }
  CHECK(total == 1);
  return point;
}

// The answer proves itself: the neuron is right on every point, or the two
// sides of the certificate are the same point.
void check_answer(const separability_result& answer, const labelled_points& data) {
  if (answer.separable) {
    REQUIRE(answer.neuron.weights.size() == data.dimension);
    for (std::size_t i = 0; i < data.points.size(); ++i) {
      rational xi(answer.neuron.bias);
      for (std::size_t d = 0; d < data.dimension; ++d) xi += rational(answer.neuron.weights[d]) * data.points[i][d];
      CHECK((xi >= 0) == data.labels[i]);
    }
  } else {
    const std::vector<rational> ones = recompute_side(answer.certificate.ones, data, true);
    const std::vector<rational> zeros = recompute_side(answer.certificate.zeros, data, false);
    CHECK(ones == zeros);
    CHECK(ones == answer.certificate.meeting_point);
    // A basic solution: at most dimension + 2 points in all.
    CHECK(answer.certificate.ones.points.size() + answer.certificate.zeros.points.size() <= data.dimension + 2);
  }
}

}  // namespace

TEST_CASE("separability: the brute-force range suffices for n <= 3", "[separability]") {
  // The brute force of the next test uses weights in [-3, 3] and biases in
  // [-4, 4]; a much larger range finds no other function, and the counts are
  // the published ones.
  for (unsigned n = 0; n <= 3; ++n) {
    const std::set<std::uint64_t> small = brute_force(n, 3, 4);
    CHECK(small == brute_force(n, 6, 12));
    CHECK(small.size() == threshold_function_counts[n]);
  }
}

TEST_CASE("separability: every function of n <= 3 inputs agrees with the brute force", "[separability]") {
  for (unsigned n = 0; n <= 3; ++n) {
    const std::set<std::uint64_t> separable = brute_force(n, 3, 4);
    const std::uint64_t functions = std::uint64_t{1} << (1u << n);
    std::uint64_t count = 0;
    for (std::uint64_t index = 0; index < functions; ++index) {
      const boolean_function f = nnsim::boolean_function_number(n, index);
      INFO("F = " << f.table());
      const labelled_points data = nnsim::points_of(f);
      for (weight_choice choice : {weight_choice::any, weight_choice::small}) {
        const separability_result answer = decide_separability(f, choice);
        CHECK(answer.separable == (separable.count(index) == 1));
        check_answer(answer, data);
        // The general path (rational points) gives the same decision.
        const separability_result general = decide_separability(data, choice);
        CHECK(general.separable == answer.separable);
        check_answer(general, data);
      }
      count += separable.count(index);
    }
    CHECK(count == threshold_function_counts[n]);
  }
}

TEST_CASE("separability: all 65,536 functions of four inputs against the brute force", "[separability]") {
  // Threshold functions of four variables need weights up to 3 (e.g. x1 x2
  // | x1 x3 | x1 x4 | x2 x3 x4 = step(-3 + 2 x1 + x2 + x3 + x4)); the range
  // below finds exactly the published 1882, so it finds them all.
  const std::set<std::uint64_t> separable = brute_force(4, 3, 7);
  REQUIRE(separable.size() == threshold_function_counts[4]);
  std::uint64_t disagreements = 0;
  for (std::uint64_t index = 0; index < 65536; ++index) {
    const boolean_function f = nnsim::boolean_function_number(4, index);
    if (decide_separability(f, weight_choice::any).separable != (separable.count(index) == 1)) ++disagreements;
  }
  CHECK(disagreements == 0);
}

TEST_CASE("separability: the lecture's gates get small integer weights", "[separability]") {
  struct expected {
    const char* table;
    std::vector<int> weights;
    int bias;
  };
  for (const expected& e : std::vector<expected>{
           {"0001", {1, 1}, -2},           // AND
           {"0111", {1, 1}, -1},           // OR
           {"10", {-1}, 0},                // NOT
           {"1000", {-1, -1}, 0},          // NOR
           {"00010111", {1, 1, 1}, -2},    // majority of three
           {"1011", {1, -1}, 0},           // x1 | !x2
       }) {
    INFO(e.table);
    const separability_result answer = decide_separability(boolean_function::from_table(e.table));
    REQUIRE(answer.separable);
    std::vector<int> weights;
    for (const auto& w : answer.neuron.weights) weights.push_back(w.convert_to<int>());
    CHECK(weights == e.weights);
    CHECK(answer.neuron.bias == e.bias);
  }
}

TEST_CASE("separability: the XOR certificate of the lecture", "[separability]") {
  const separability_result answer = decide_separability(boolean_function::from_table("0110"));
  REQUIRE_FALSE(answer.separable);
  // 1/2·(0,1) + 1/2·(1,0) = (1/2,1/2) = 1/2·(0,0) + 1/2·(1,1); points are
  // input numbers in binary counting order.
  CHECK(answer.certificate.ones.points == std::vector<std::size_t>{1, 2});
  CHECK(answer.certificate.ones.coefficients == std::vector<rational>{rational(1, 2), rational(1, 2)});
  CHECK(answer.certificate.zeros.points == std::vector<std::size_t>{0, 3});
  CHECK(answer.certificate.zeros.coefficients == std::vector<rational>{rational(1, 2), rational(1, 2)});
  CHECK(answer.certificate.meeting_point == std::vector<rational>{rational(1, 2), rational(1, 2)});
}

TEST_CASE("separability: the neuron as a network computes the function", "[separability]") {
  for (std::uint64_t index = 0; index < 256; ++index) {
    const boolean_function f = nnsim::boolean_function_number(3, index);
    const separability_result answer = decide_separability(f);
    if (!answer.separable) continue;
    const nnsim::network net = nnsim::neuron_network(answer.neuron, "n");
    const auto computed = nnsim::computed_function(nnsim::compute_truth_table(net));
    REQUIRE(computed);
    CHECK(*computed == f);
  }
}

TEST_CASE("separability: rational points, duplicates and conflicting labels", "[separability]") {
  labelled_points data;
  data.dimension = 2;
  // Two clusters on either side of the line x = 1/3.
  data.points = {{rational(1, 2), rational(1, 3)}, {rational(2, 3), rational(-1, 5)}, {rational(0), rational(1, 4)},
                 {rational(1, 7), rational(2)}};
  data.labels = {true, true, false, false};
  separability_result answer = decide_separability(data);
  CHECK(answer.separable);
  check_answer(answer, data);

  // The same point with both labels: the certificate is 1·p = 1·p.
  data.points.push_back({rational(1, 2), rational(1, 3)});
  data.labels.push_back(false);
  answer = decide_separability(data);
  REQUIRE_FALSE(answer.separable);
  check_answer(answer, data);
  CHECK(answer.certificate.ones.points.size() == 1);
  CHECK(answer.certificate.zeros.points.size() == 1);

  // A point inside the triangle of the other label.
  labelled_points triangle;
  triangle.dimension = 2;
  triangle.points = {{0, 0}, {3, 0}, {0, 3}, {1, 1}};
  triangle.labels = {true, true, true, false};
  answer = decide_separability(triangle);
  REQUIRE_FALSE(answer.separable);
  check_answer(answer, triangle);
  CHECK(answer.certificate.zeros.points == std::vector<std::size_t>{3});
}

TEST_CASE("separability: random rational point sets prove their answers", "[separability]") {
  std::mt19937 random(11);
  std::uniform_int_distribution<int> numerator(-6, 6);
  std::uniform_int_distribution<int> denominator(1, 4);
  std::uniform_int_distribution<int> count(1, 9);
  std::uniform_int_distribution<int> dimension(1, 3);
  int separable = 0;
  for (int round = 0; round < 300; ++round) {
    labelled_points data;
    data.dimension = static_cast<std::size_t>(dimension(random));
    const int points = count(random);
    for (int k = 0; k < points; ++k) {
      std::vector<rational> p;
      for (std::size_t d = 0; d < data.dimension; ++d) p.emplace_back(numerator(random), denominator(random));
      data.points.push_back(std::move(p));
      data.labels.push_back(random() % 2 == 0);
    }
    INFO("round " << round);
    const separability_result answer = decide_separability(data, round % 2 == 0 ? weight_choice::small : weight_choice::any);
    check_answer(answer, data);
    separable += answer.separable ? 1 : 0;
  }
  // Both answers occur.
  CHECK(separable > 0);
  CHECK(separable < 300);
}

TEST_CASE("separability: malformed data and wrong certificates are refused", "[separability]") {
  labelled_points data;
  data.dimension = 2;
  data.points = {{0, 0}, {1}};
  data.labels = {true, false};
  CHECK_THROWS_AS(decide_separability(data), nnsim::input_error);
  data.points = {{0, 0}};
  CHECK_THROWS_AS(decide_separability(data), nnsim::input_error);
  CHECK_THROWS_AS(decide_separability(boolean_function::from_table(std::string(1u << 17, '0'))), nnsim::input_error);

  const labelled_points xor_points = nnsim::points_of(boolean_function::from_table("0110"));
  nnsim::hull_certificate wrong = decide_separability(xor_points).certificate;
  CHECK(nnsim::check_certificate(wrong, xor_points).empty());
  wrong.ones.coefficients = {rational(1, 3), rational(2, 3)};
  CHECK_FALSE(nnsim::check_certificate(wrong, xor_points).empty());
  wrong = decide_separability(xor_points).certificate;
  wrong.zeros.points = {1, 2};  // labelled 1, not 0
  CHECK_FALSE(nnsim::check_certificate(wrong, xor_points).empty());
}
