// Tests of npn_classes.hpp and of what check boolean builds on it: the
// enumeration against canonical forms computed by brute force over the
// whole group, the class counts against OEIS A000370 (NPN) and A000616 (NP),
// the correspondence of the two-layer networks under input transforms that
// makes one function per class enough (boolean_check.cpp, check_classes),
// and the NPN check against the function-by-function check for n <= 4.
#include "nnsim/boolean/boolean_check.hpp"
#include "nnsim/boolean/npn_classes.hpp"
#include "nnsim/boolean/two_layer_network.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <vector>

using nnsim::npn_class;
using nnsim::npn_transform;

namespace {

const std::vector<std::uint64_t> npn_class_counts = {1, 2, 4, 14, 222, 616126};  // OEIS A000370
const std::vector<std::uint64_t> np_class_counts = {2, 3, 6, 22, 402, 1228158};   // OEIS A000616, from n = 0

std::uint32_t all_bits(unsigned n) { return n == 5 ? ~std::uint32_t{0} : (std::uint32_t{1} << (1u << n)) - 1; }

// Whether NOT t is an input transform of t, by trying them all.
bool np_equivalent_to_negation(std::uint32_t t, unsigned n) {
  for (const npn_transform& g : nnsim::npn_group(n)) {
    if (!g.output_negation && nnsim::apply_npn_transform(t, n, g) == (~t & all_bits(n))) return true;
  }
  return false;
}

// The orbit of t, by trying every transform.
std::set<std::uint32_t> orbit(std::uint32_t t, unsigned n) {
  std::set<std::uint32_t> images;
  for (const npn_transform& g : nnsim::npn_group(n)) images.insert(nnsim::apply_npn_transform(t, n, g));
  return images;
}

// A neuron of a two-layer network as its weights on x_n, ..., x_1 (by bit
// position, as npn_transform counts them) and its bias, all integers.
using neuron_weights = std::vector<long>;

long integer_of(const nnsim::rational& r) {
  REQUIRE(nnsim::is_integer(r));
  return static_cast<long>(numerator(r));
}

// The hidden neurons (sorted, so that names and order do not matter) and
// the output neuron (bias, then its weights sorted).
struct network_shape {
  std::vector<neuron_weights> hidden;
  neuron_weights output;
  friend bool operator==(const network_shape&, const network_shape&) = default;
};

network_shape shape_of(const nnsim::network& net) {
  const auto n = static_cast<unsigned>(net.inputs.size());
  REQUIRE(net.outputs.size() == 1);
  network_shape shape;
  for (const nnsim::equation& eq : net.equations) {
    if (eq.target == net.outputs[0]) {
      shape.output.push_back(integer_of(eq.bias));
      for (const nnsim::weighted_input& term : eq.inputs) shape.output.push_back(integer_of(term.weight));
      std::sort(shape.output.begin() + 1, shape.output.end());
      continue;
    }
    neuron_weights w(n + 1, 0);
    for (const nnsim::weighted_input& term : eq.inputs) {
      const auto input = std::find(net.inputs.begin(), net.inputs.end(), term.source);
      REQUIRE(input != net.inputs.end());  // hidden neurons read inputs only
      const auto j = static_cast<unsigned>(input - net.inputs.begin());
      w[n - 1 - j] += integer_of(term.weight);  // x_{j+1} is bit n-1-j
    }
    w[n] = integer_of(eq.bias);
    shape.hidden.push_back(w);
  }
  std::sort(shape.hidden.begin(), shape.hidden.end());
  return shape;
}

// The network with σ(x) substituted for its inputs x (σ an input
// transform): a neuron reading w_p · σ(x)_p = w_p · (x_perm[p] XOR m_p)
// reads ±w_p · x_perm[p], with w_p added to its bias where m_p = 1.
network_shape substituted(const network_shape& shape, unsigned n, const npn_transform& sigma) {
  network_shape result;
  result.output = shape.output;
  for (const neuron_weights& w : shape.hidden) {
    neuron_weights image(n + 1, 0);
    image[n] = w[n];
    for (unsigned p = 0; p < n; ++p) {
      const bool negated = ((sigma.input_negation >> p) & 1u) != 0;
      image[sigma.permutation[p]] += negated ? -w[p] : w[p];
      if (negated) image[n] += w[p];
    }
    result.hidden.push_back(image);
  }
  std::sort(result.hidden.begin(), result.hidden.end());
  return result;
}

// The construction commutes with σ for f: the network built for f∘σ is the
// network built for f with σ substituted.
void check_correspondence(std::uint32_t table, unsigned n, const npn_transform& sigma, nnsim::normal_form form) {
  nnsim::two_layer_options options;
  options.form = form;
  const std::uint32_t image = nnsim::apply_npn_transform(table, n, sigma);
  const network_shape built = shape_of(nnsim::build_two_layer(nnsim::function_of_table(n, table), options));
  const network_shape built_for_image =
      shape_of(nnsim::build_two_layer(nnsim::function_of_table(n, image), options));
  CHECK(built_for_image == substituted(built, n, sigma));
}

npn_transform random_input_transform(unsigned n, std::mt19937& rng) {
  npn_transform t;
  std::shuffle(t.permutation.begin(), t.permutation.begin() + n, rng);
  t.input_negation = static_cast<std::uint32_t>(rng()) & ((1u << n) - 1);
  return t;
}

}  // namespace

TEST_CASE("NPN: transforms computed point by point", "[npn]") {
  const std::uint32_t and2 = 0b1000;  // x1 & x2: F(1,1) = 1, input 3
  npn_transform negate_x1;
  negate_x1.input_negation = 0b10;  // bit 1 is x1 of two inputs
  // G(x) = F(x XOR 10) = !x1 & x2: 1 only at x1 x2 = 0 1, input number 1.
  CHECK(nnsim::apply_npn_transform(and2, 2, negate_x1) == 0b0010);
  npn_transform exchange;
  exchange.permutation = {1, 0, 2, 3, 4};
  // x1 & !x2 (1 at input 10, number 2) becomes x2 & !x1 (number 1).
  CHECK(nnsim::apply_npn_transform(0b0100, 2, exchange) == 0b0010);
  npn_transform negate_output;
  negate_output.output_negation = true;
  CHECK(nnsim::apply_npn_transform(and2, 2, negate_output) == 0b0111);
  // x1 of three inputs (bit 2 of the input number, 1 at inputs 4 ... 7)
  // through a cycle: bit 2 of σ(x) is bit 1 of x, so G = x2.
  npn_transform cycle;
  cycle.permutation = {2, 0, 1, 3, 4};
  CHECK(nnsim::apply_npn_transform(0b11110000, 3, cycle) == 0b11001100);
}

TEST_CASE("NPN: the group has 2^(n+1) n! distinct elements", "[npn]") {
  const std::vector<std::size_t> sizes = {2, 4, 16, 96, 768, 7680};
  for (unsigned n = 0; n <= 5; ++n) {
    const std::vector<npn_transform> group = nnsim::npn_group(n);
    CHECK(group.size() == sizes[n]);
    std::set<std::vector<std::uint32_t>> distinct;
    for (const npn_transform& g : group) {
      std::vector<std::uint32_t> key(g.permutation.begin(), g.permutation.begin() + n);
      key.push_back(g.input_negation);
      key.push_back(g.output_negation ? 1 : 0);
      distinct.insert(key);
    }
    CHECK(distinct.size() == sizes[n]);
  }
  // As maps on the functions of three inputs they differ too: the image of
  // x1 & x2 & x3 (one 1, or seven) shows the output negation, then the
  // images of x1, x2, x3 where each input goes and whether it is negated.
  std::set<std::vector<std::uint32_t>> maps;
  for (const npn_transform& g : nnsim::npn_group(3)) {
    maps.insert({nnsim::apply_npn_transform(0b10000000, 3, g), nnsim::apply_npn_transform(0b11110000, 3, g),
                 nnsim::apply_npn_transform(0b11001100, 3, g), nnsim::apply_npn_transform(0b10101010, 3, g)});
  }
  CHECK(maps.size() == 96);
  CHECK_THROWS_AS(nnsim::npn_canonical_form(0, 6), nnsim::input_error);
}

TEST_CASE("NPN: tables and functions", "[npn]") {
  const nnsim::boolean_function x1_and_not_x2 = nnsim::boolean_function::from_table("0010");
  CHECK(nnsim::table_bits(x1_and_not_x2) == 0b0100);  // F(1,0) = 1, input number 2
  CHECK(nnsim::function_of_table(2, 0b0100) == x1_and_not_x2);
  for (std::uint32_t t = 0; t < 256; ++t) CHECK(nnsim::table_bits(nnsim::function_of_table(3, t)) == t);
}

TEST_CASE("NPN: the enumeration against brute force over the whole group, n <= 3", "[npn]") {
  for (unsigned n = 0; n <= 3; ++n) {
    INFO("n = " << n);
    const std::vector<npn_class> classes = nnsim::enumerate_npn_classes(n);
    std::map<std::uint32_t, const npn_class*> by_representative;
    for (const npn_class& c : classes) by_representative[c.representative] = &c;
    REQUIRE(by_representative.size() == classes.size());
    // Every function's canonical form is a representative; the class sizes
    // are the numbers of functions with that form.
    std::map<std::uint32_t, std::uint32_t> members;
    for (std::uint32_t t = 0; t <= all_bits(n); ++t) {
      const std::uint32_t form = nnsim::npn_canonical_form(t, n);
      REQUIRE(by_representative.count(form) == 1);
      ++members[form];
      if (t == all_bits(n)) break;
    }
    CHECK(members.size() == classes.size());
    for (const npn_class& c : classes) {
      CHECK(members[c.representative] == c.size);
      CHECK(c.self_complementary == np_equivalent_to_negation(c.representative, n));
    }
    CHECK(std::is_sorted(classes.begin(), classes.end(),
                         [](const npn_class& a, const npn_class& b) { return a.representative < b.representative; }));
  }
}

TEST_CASE("NPN: the classes of four inputs against brute force", "[npn]") {
  // Each representative is the least of its orbit, the orbits' sizes are
  // the class sizes, and they add up to all 65,536 functions: so the
  // classes are exactly the orbits.
  const std::vector<npn_class> classes = nnsim::enumerate_npn_classes(4);
  std::uint64_t total = 0;
  std::set<std::uint32_t> seen;
  for (const npn_class& c : classes) {
    const std::set<std::uint32_t> members = orbit(c.representative, 4);
    CHECK(*members.begin() == c.representative);
    CHECK(members.size() == c.size);
    CHECK(c.self_complementary == np_equivalent_to_negation(c.representative, 4));
    seen.insert(members.begin(), members.end());
    total += c.size;
  }
  CHECK(total == 65536);
  CHECK(seen.size() == 65536);
}

TEST_CASE("NPN: class counts are OEIS A000370 and A000616", "[npn]") {
  for (unsigned n = 0; n <= 4; ++n) {
    INFO("n = " << n);
    const std::vector<npn_class> classes = nnsim::enumerate_npn_classes(n);
    std::uint64_t np = 0;
    std::uint64_t total = 0;
    for (const npn_class& c : classes) {
      np += c.self_complementary ? 1 : 2;
      total += c.size;
      if (!c.self_complementary) CHECK(c.size % 2 == 0);
    }
    CHECK(classes.size() == npn_class_counts[n]);
    CHECK(np == np_class_counts[n]);
    CHECK(total == std::uint64_t{1} << (1u << n));
  }
}

TEST_CASE("NPN: the two-layer construction commutes with input transforms", "[npn]") {
  // Every function and every input transform of up to three inputs, both
  // constructions.
  for (unsigned n = 0; n <= 3; ++n) {
    for (std::uint32_t t = 0; t <= all_bits(n); ++t) {
      for (const npn_transform& sigma : nnsim::npn_group(n)) {
        if (sigma.output_negation) continue;
        check_correspondence(t, n, sigma, nnsim::normal_form::dnf);
        check_correspondence(t, n, sigma, nnsim::normal_form::cnf);
      }
      if (t == all_bits(n)) break;
    }
  }
  // Samples of four and five inputs.
  std::mt19937 rng(14);
  for (unsigned n = 4; n <= 5; ++n) {
    for (int sample = 0; sample < 300; ++sample) {
      const std::uint32_t t = static_cast<std::uint32_t>(rng()) & all_bits(n);
      const npn_transform sigma = random_input_transform(n, rng);
      check_correspondence(t, n, sigma, nnsim::normal_form::dnf);
      check_correspondence(t, n, sigma, nnsim::normal_form::cnf);
    }
  }
}

TEST_CASE("NPN: output negation does not commute with the construction", "[npn]") {
  // Why check boolean checks the negation of each representative too: the
  // network for NOT F is not the one for F with a negated output (x1 & x2
  // has one hidden neuron, its negation three).
  const auto hidden = [](std::uint32_t t) { return shape_of(nnsim::build_two_layer(nnsim::function_of_table(2, t))).hidden.size(); };
  CHECK(hidden(0b1000) == 1);
  CHECK(hidden(0b0111) == 3);
}

TEST_CASE("NPN: check boolean by classes gives the function-by-function summary", "[npn][boolean_check]") {
  for (const nnsim::normal_form form : {nnsim::normal_form::dnf, nnsim::normal_form::cnf}) {
    for (unsigned n = 0; n <= 4; ++n) {
      INFO("n = " << n);
      nnsim::boolean_check_options options;
      options.construction.form = form;
      options.threads = 2;
      const nnsim::boolean_check_summary one_by_one = nnsim::check_boolean_functions(n, options);
      options.npn_classes = true;
      const nnsim::boolean_check_summary by_class = nnsim::check_boolean_functions(n, options);
      CHECK(one_by_one.npn_classes == 0);
      CHECK(by_class.npn_classes == npn_class_counts[n]);
      CHECK(by_class.arity == one_by_one.arity);
      CHECK(by_class.functions == one_by_one.functions);
      CHECK(by_class.checked == one_by_one.checked);
      CHECK(by_class.interrupted == one_by_one.interrupted);
      CHECK(by_class.verified == one_by_one.verified);
      CHECK(by_class.separable == one_by_one.separable);
      CHECK(by_class.hidden_neurons_total == one_by_one.hidden_neurons_total);
      CHECK(by_class.hidden_neurons_max == one_by_one.hidden_neurons_max);
      CHECK(by_class.failures == one_by_one.failures);
    }
  }
}

TEST_CASE("NPN: the minimized construction is not checked by classes", "[npn][boolean_check]") {
  nnsim::boolean_check_options options;
  options.construction.minimize = true;
  CHECK_THROWS_AS(nnsim::check_boolean_functions(5, options), nnsim::input_error);
  options.npn_classes = true;
  CHECK_THROWS_AS(nnsim::check_boolean_functions(2, options), nnsim::input_error);
  CHECK_THROWS_AS(nnsim::check_boolean_functions(6), nnsim::input_error);
}

TEST_CASE("NPN: a stop before the classes are complete checks nothing", "[npn][boolean_check]") {
  const std::atomic<bool> stop{true};
  nnsim::boolean_check_options options;
  options.npn_classes = true;
  options.stop_requested = &stop;
  const nnsim::boolean_check_summary s = nnsim::check_boolean_functions(4, options);
  CHECK(s.interrupted);
  CHECK(s.checked == 0);
  CHECK(s.verified == 0);
  CHECK(s.separable == 0);
}
