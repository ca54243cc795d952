// Tests of the Boolean constructions: logic_gates.hpp, minimum_cover.hpp and
// two_layer_network.hpp.  Every network is written out, loaded back with the
// parser and run with the simulator on every 0/1 input, under the parallel
// and the layered rule, and the outputs are compared with the
// function evaluated directly (popcounts, truth tables): an independent route
// from how the network was built.  Minimum covers are compared with a
// breadth-first search over unions of implicants that does not use the
// prime implicants at all.
#include "nnsim/boolean/logic_gates.hpp"
#include "nnsim/boolean/minimum_cover.hpp"
#include "nnsim/boolean/two_layer_network.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <functional>
#include <random>
#include <set>
#include <unordered_set>

using namespace nnsim;

namespace {

bool bit(std::uint32_t v, unsigned n, unsigned i) { return ((v >> (n - i)) & 1u) != 0; }
unsigned ones(std::uint32_t v) { return static_cast<unsigned>(std::popcount(v)); }

// What the network computes on every input, run by the simulator on the
// network as loaded back from its text: 0 or 1, or -1 for a computation that
// did not halt with one output of exactly 0 or 1.
std::vector<int> simulate(const network& built, const char* rule) {
  const std::string text = write_network(built);
  const network net = parse_network(text, "built.nn");
  REQUIRE(same_network(net, built));
  const auto n = static_cast<unsigned>(net.inputs.size());
  std::vector<int> values;
  for (std::uint32_t v = 0; v < (std::uint32_t{1} << n); ++v) {
    run_request request;
    for (unsigned i = 1; i <= n; ++i) request.input.push_back(bit(v, n, i) ? 1 : 0);
    request.rule = parse_rule_option(rule);
    const run_result result = run_network(net, request);
    int value = -1;
    if (result.status == run_status::halted && result.outputs.size() == 1) {
      if (result.outputs.exact()[0] == 0) value = 0;
      if (result.outputs.exact()[0] == 1) value = 1;
    }
    values.push_back(value);
  }
  return values;
}

// The network computes `expected` on every input under both rules, and is
// made of step neurons with integer weights, two layers at most.
void check_computes(const network& net, const std::function<bool(std::uint32_t)>& expected) {
  for (const equation& e : net.equations) {
    REQUIRE(e.act == activation::step);
    REQUIRE(e.kind == potential_kind::weighted_sum);
    REQUIRE(is_integer(e.bias));
    for (const weighted_input& t : e.inputs) REQUIRE(is_integer(t.weight));
  }
  REQUIRE(net.outputs.size() == 1);
  REQUIRE(net.name_of(net.outputs[0]) == "y");
  for (const char* rule : {"parallel", "layered"}) {
    INFO("rule " << rule);
    const std::vector<int> values = simulate(net, rule);
    for (std::uint32_t v = 0; v < values.size(); ++v) {
      INFO("input number " << v);
      REQUIRE(values[v] == (expected(v) ? 1 : 0));
    }
  }
}

void check_computes(const network& net, const boolean_function& f) {
  REQUIRE(net.inputs.size() == f.arity());
  check_computes(net, [&](std::uint32_t v) { return f(v); });
}

// Hidden neurons: every equation but the output's.
std::size_t hidden_count(const network& net) { return net.equations.size() - 1; }

// Every hidden neuron reads only inputs and the output only hidden neurons.
void check_two_layers(const network& net) {
  const neuron_id y = net.outputs.at(0);
  for (const equation& e : net.equations) {
    for (const weighted_input& t : e.inputs) {
      if (e.target == y) {
        REQUIRE_FALSE(net.at(t.source).is_input);
      } else {
        REQUIRE(net.at(t.source).is_input);
      }
    }
  }
}

boolean_function negation(const boolean_function& f) {
  std::vector<bool> values(f.size());
  for (std::uint32_t v = 0; v < f.size(); ++v) values[v] = !f(v);
  return {f.arity(), values};
}

boolean_function random_function(std::mt19937& rng, unsigned n) {
  std::vector<bool> values(std::size_t{1} << n);
  for (std::size_t v = 0; v < values.size(); ++v) values[v] = (rng() & 1u) != 0;
  return {n, values};
}

// The fewest implicants whose union is the ones of F, by breadth-first
// search over unions of implicants (every cube that contains only ones,
// found by enumerating all 3^n cubes).  Independent of prime_implicants.
std::size_t minimum_by_search(const boolean_function& f) {
  const unsigned n = f.arity();
  std::uint32_t target = 0;  // the ones as a bit set over inputs (n <= 5)
  for (std::uint32_t v = 0; v < f.size(); ++v) {
    if (f(v)) target |= std::uint32_t{1} << v;
  }
  if (target == 0) return 0;
  std::vector<std::uint32_t> cubes;
  for (std::uint32_t code = 0; code < static_cast<std::uint32_t>(std::pow(3, n)); ++code) {
    // digit i of code in base 3: 0, 1 or free
    std::uint32_t members = 0;
    for (std::uint32_t v = 0; v < f.size(); ++v) {
      bool inside = true;
      std::uint32_t c = code;
      for (unsigned i = 1; i <= n; ++i, c /= 3) {
        if (c % 3 != 2 && (c % 3 == 1) != bit(v, n, i)) inside = false;
      }
      if (inside) members |= std::uint32_t{1} << v;
    }
    if ((members & ~target) == 0) cubes.push_back(members);
  }
  std::unordered_set<std::uint32_t> seen{0};
  std::vector<std::uint32_t> level{0};
  for (std::size_t depth = 1;; ++depth) {
    std::vector<std::uint32_t> next;
    for (std::uint32_t covered : level) {
      for (std::uint32_t cube : cubes) {
        const std::uint32_t u = covered | cube;
        if (u == target) return depth;
        if (seen.insert(u).second) next.push_back(u);
      }
    }
    level = std::move(next);
  }
}

// The cover consists of prime implicants of F, and their union is F.
void check_cover(const boolean_function& f, const std::vector<implicant>& cover) {
  const std::vector<implicant> primes = prime_implicants(f);
  const std::set<implicant> prime_set(primes.begin(), primes.end());
  for (const implicant& q : cover) REQUIRE(prime_set.count(q) == 1);
  for (std::uint32_t v = 0; v < f.size(); ++v) {
    bool covered = false;
    for (const implicant& q : cover) covered = covered || q.covers(v);
    REQUIRE(covered == f(v));
  }
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const input_error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("gate: every gate of arity 1 to 5 on every input", "[boolean][gates]") {
  struct gate_case {
    const char* name;
    std::function<bool(unsigned ones, unsigned n)> expected;
  };
  const std::vector<gate_case> cases = {
      {"and", [](unsigned s, unsigned n) { return s == n; }},
      {"or", [](unsigned s, unsigned) { return s >= 1; }},
      {"nand", [](unsigned s, unsigned n) { return s < n; }},
      {"nor", [](unsigned s, unsigned) { return s == 0; }},
      {"majority", [](unsigned s, unsigned n) { return 2 * s > n; }},
      {"parity", [](unsigned s, unsigned) { return s % 2 == 1; }},
  };
  for (unsigned n = 1; n <= 5; ++n) {
    for (const gate_case& c : cases) {
      INFO(c.name << " of " << n);
      const network net = build_gate(parse_gate(c.name, n));
      check_computes(net, [&](std::uint32_t v) { return c.expected(ones(v), n); });
      CHECK(hidden_count(net) == (std::string(c.name) == "parity" ? n : 0));
    }
    for (unsigned k = 1; k <= n; ++k) {
      INFO("atleast:" << k << " of " << n);
      const network net = build_gate(parse_gate(fmt::format("atleast:{}", k), n));
      check_computes(net, [&](std::uint32_t v) { return ones(v) >= k; });
      CHECK(hidden_count(net) == 0);
    }
  }
  check_computes(build_gate(parse_gate("not")), [](std::uint32_t v) { return v == 0; });
  check_computes(build_gate(parse_gate("xor")), [](std::uint32_t v) { return v == 1 || v == 2; });
}

TEST_CASE("gate: parity of 12 inputs has 13 neurons and is right on all 4096 inputs", "[boolean][gates]") {
  const network net = build_gate(parse_gate("parity", 12));
  CHECK(net.equations.size() == 13);
  check_two_layers(net);
  check_computes(net, [](std::uint32_t v) { return ones(v) % 2 == 1; });
}

TEST_CASE("gate: defaults, names and descriptions", "[boolean][gates]") {
  CHECK(parse_gate("and") == gate_spec{gate_kind::and_gate, 2, 0});
  CHECK(parse_gate("not") == gate_spec{gate_kind::not_gate, 1, 0});
  CHECK(parse_gate("majority") == gate_spec{gate_kind::majority, 3, 0});
  CHECK(parse_gate("atleast:3") == gate_spec{gate_kind::at_least, 3, 3});
  CHECK(parse_gate("atleast:1") == gate_spec{gate_kind::at_least, 2, 1});
  CHECK(parse_gate("atleast:2", 5) == gate_spec{gate_kind::at_least, 5, 2});
  CHECK(parse_gate("parity", 1000).arity == 1000);
  CHECK(gate_name(parse_gate("atleast:2", 5)) == "atleast:2");
  CHECK(gate_name(parse_gate("nor", 4)) == "nor");
  CHECK(describe_gate(parse_gate("atleast:2", 5)) == "At least 2 of 5 inputs are 1");
  CHECK(describe_gate(parse_gate("majority", 4)) == "Majority of 4 inputs (more than half are 1)");
  CHECK(build_gate(parse_gate("atleast:2", 5)).name == "atleast2_of_5");
  CHECK(build_gate(parse_gate("parity", 4)).name == "parity4");
}

TEST_CASE("gate: bad names and arities, word for word", "[boolean][gates]") {
  CHECK(error_of([] { parse_gate("andd"); }) == "unknown gate 'andd'; did you mean 'and'?");
  CHECK(error_of([] { parse_gate("AND"); }) == "unknown gate 'AND'; did you mean 'and'?");
  CHECK(error_of([] { parse_gate("majorty"); }) == "unknown gate 'majorty'; did you mean 'majority'?");
  CHECK(error_of([] { parse_gate("par"); }) == "unknown gate 'par'; did you mean 'parity'?");
  CHECK(error_of([] { parse_gate("implies"); }) ==
        "unknown gate 'implies' (the gates are and, or, not, nand, nor, majority, atleast:K, xor, parity)");
  CHECK(error_of([] { parse_gate("atleast"); }) == "gate 'atleast' needs its threshold: atleast:K, e.g. atleast:2");
  CHECK(error_of([] { parse_gate("atleast:"); }) == "gate 'atleast:': the threshold '' is not a whole number");
  CHECK(error_of([] { parse_gate("atleast:-1"); }) == "gate 'atleast:-1': the threshold '-1' is not a whole number");
  CHECK(error_of([] { parse_gate("atleast:0"); }) == "gate 'atleast:0': the threshold must be at least 1");
  CHECK(error_of([] { parse_gate("atleast:4", 3); }) == "atleast:4 needs at least 4 inputs, not 3");
  CHECK(error_of([] { parse_gate("not", 2); }) == "not has one input, not 2");
  CHECK(error_of([] { parse_gate("xor", 3); }) ==
        "xor is the lecture's network for two inputs, not 3; for n inputs use parity");
  CHECK(error_of([] { parse_gate("and", 0); }) == "a gate has 1 to 1000 inputs, not 0");
  CHECK(error_of([] { parse_gate("or", 1001); }) == "a gate has 1 to 1000 inputs, not 1001");
}

TEST_CASE("gate: the lecture's XOR network, written out", "[boolean][gates]") {
  CHECK(write_network(build_gate(parse_gate("xor"))) ==
        "# XOR of two bits: the lecture's two-layer network of unit-step neurons (no single neuron\n"
        "# computes XOR: its ones (1,0), (0,1) and zeros (0,0), (1,1) are not linearly separable).\n"
        "network xor\n"
        "input x1, x2\n"
        "output y\n"
        "rule parallel\n"
        "\n"
        "# P1: -1 + 2 x1 + 2 x2 >= 0, at least one input is 1 (OR)\n"
        "h1 = step(-1 + 2 x1 + 2 x2)\n"
        "\n"
        "# P2: 3 - 2 x1 - 2 x2 >= 0, not both inputs are 1 (NAND)\n"
        "h2 = step(3 - 2 x1 - 2 x2)\n"
        "\n"
        "# AND of the two half-planes\n"
        "y = step(-2 + h1 + h2)\n");
}

TEST_CASE("gate: single neurons with the weights of the lecture", "[boolean][gates]") {
  const auto equation_text = [](const char* name, unsigned n) {
    const network net = build_gate(parse_gate(name, n));
    return write_potential(net, net.equations.at(0));
  };
  CHECK(equation_text("and", 3) == "-3 + x1 + x2 + x3");
  CHECK(equation_text("or", 3) == "-1 + x1 + x2 + x3");
  CHECK(equation_text("not", 1) == "-x1");
  CHECK(equation_text("nand", 3) == "2 - x1 - x2 - x3");
  CHECK(equation_text("nor", 2) == "-x1 - x2");
  CHECK(equation_text("majority", 4) == "-3 + x1 + x2 + x3 + x4");
  CHECK(equation_text("majority", 5) == "-3 + x1 + x2 + x3 + x4 + x5");
  CHECK(equation_text("atleast:2", 3) == "-2 + x1 + x2 + x3");

  const network parity = build_gate(parse_gate("parity", 3));
  CHECK(write_potential(parity, parity.equations.at(1)) == "-2 + x1 + x2 + x3");
  CHECK(write_potential(parity, parity.equations.at(3)) == "-1 + h1 - h2 + h3");
}

TEST_CASE("boolean construction: all functions of up to 3 inputs, in all four forms", "[boolean]") {
  for (unsigned n = 0; n <= 3; ++n) {
    const std::uint32_t size = std::uint32_t{1} << n;
    for (std::uint32_t code = 0; code < (std::uint32_t{1} << size); ++code) {
      std::vector<bool> values(size);
      for (std::uint32_t v = 0; v < size; ++v) values[v] = ((code >> v) & 1u) != 0;
      const boolean_function f(n, values);
      INFO("table " << f.table());
      std::size_t true_count = 0;
      for (std::uint32_t v = 0; v < size; ++v) true_count += f(v) ? 1 : 0;
      const bool constant = true_count == 0 || true_count == size;

      const network dnf = build_two_layer(f);
      check_computes(dnf, f);
      check_two_layers(dnf);
      CHECK(hidden_count(dnf) == (constant ? 0 : true_count));
      CHECK(dnf.rule.kind == rule_kind::parallel);

      const network cnf = build_two_layer(f, {normal_form::cnf, false, true});
      check_computes(cnf, f);
      check_two_layers(cnf);
      CHECK(hidden_count(cnf) == (constant ? 0 : size - true_count));
      CHECK(cnf.rule.kind == rule_kind::layered);

      const std::size_t minimum = minimum_by_search(f);
      const std::vector<implicant> cover = minimum_cover(f);
      CHECK(cover.size() == minimum);
      check_cover(f, cover);

      const network min_dnf = build_two_layer(f, {normal_form::dnf, true, false});
      check_computes(min_dnf, f);
      check_two_layers(min_dnf);
      CHECK(hidden_count(min_dnf) == (constant ? 0 : minimum));

      const network min_cnf = build_two_layer(f, {normal_form::cnf, true, false});
      check_computes(min_cnf, f);
      check_two_layers(min_cnf);
      CHECK(hidden_count(min_cnf) == (constant ? 0 : minimum_by_search(negation(f))));
    }
  }
}

TEST_CASE("boolean construction: random functions of 4 to 6 inputs", "[boolean]") {
  std::mt19937 rng(77);
  for (unsigned n = 4; n <= 6; ++n) {
    for (int round = 0; round < (n == 4 ? 60 : 15); ++round) {
      const boolean_function f = random_function(rng, n);
      INFO("table " << f.table());
      check_computes(build_two_layer(f), f);
      check_computes(build_two_layer(f, {normal_form::cnf, false, false}), f);
      const network min_dnf = build_two_layer(f, {normal_form::dnf, true, true});
      check_computes(min_dnf, f);
      check_computes(build_two_layer(f, {normal_form::cnf, true, false}), f);
      const std::vector<implicant> cover = minimum_cover(f);
      check_cover(f, cover);
      CHECK(hidden_count(min_dnf) == cover.size());
      if (n == 4) CHECK(cover.size() == minimum_by_search(f));
    }
  }
}

TEST_CASE("boolean construction: minimum sums of products of known size", "[boolean]") {
  const auto minimum = [](const char* formula, unsigned n = 0) {
    return minimum_cover(boolean_function::from_formula(formula, n)).size();
  };
  CHECK(minimum("x1 ^ x2") == 2);
  CHECK(minimum("x1 ^ x2 ^ x3") == 4);
  CHECK(minimum("x1 ^ x2 ^ x3 ^ x4") == 8);
  CHECK(minimum("x1 ^ x2 ^ x3 ^ x4 ^ x5 ^ x6 ^ x7") == 64);
  CHECK(minimum("x1 & x2 | x1 & x3 | x2 & x3") == 3);  // majority of 3
  CHECK(minimum("x1 & x2 | !x1 & x3") == 2);            // the consensus x2 & x3 is prime but not needed
  CHECK(minimum("0", 3) == 0);
  CHECK(minimum("1", 3) == 1);                          // the empty product
  CHECK(minimum("x1 | x2 | x3 | x4 | x5 | x6 | x7") == 7);
  // Minterms 0, 1, 2, 5, 6, 7 of three inputs: a cyclic chart, six primes and
  // no essential one; two covers of three.
  const boolean_function cyclic = boolean_function::from_table("11100111");
  CHECK(prime_implicants(cyclic).size() == 6);
  CHECK(minimum_cover(cyclic).size() == 3);
  // majority of 5: all ten products of three inputs are needed.
  std::vector<bool> majority(32);
  for (std::uint32_t v = 0; v < 32; ++v) majority[v] = ones(v) >= 3;
  CHECK(minimum_cover(boolean_function(5, majority)).size() == 10);
}

TEST_CASE("boolean construction: prime implicants and their text", "[boolean]") {
  const boolean_function f = boolean_function::from_formula("x1 & x2 | !x1 & x3");
  std::vector<std::string> texts;
  for (const implicant& q : prime_implicants(f)) texts.push_back(q.text(3));
  CHECK(texts == std::vector<std::string>{"-11", "0-1", "11-"});
  const implicant q{0b101, 0b100};
  CHECK(q.text(3) == "1-0");
  CHECK(q.formula(3) == "x1 & !x3");
  CHECK(q.literal_count() == 2);
  CHECK(implicant{}.formula(3) == "1");
  CHECK(implicant{}.text(3) == "---");
  std::vector<std::string> cover;
  for (const implicant& p : minimum_cover(f)) cover.push_back(p.text(3));
  CHECK(cover == std::vector<std::string>{"0-1", "11-"});
}

TEST_CASE("boolean construction: random functions of 7 inputs minimize exactly", "[boolean]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 6; ++round) {
    // Dense functions are the hard ones for the cover search.
    std::vector<bool> values(128);
    for (std::size_t v = 0; v < 128; ++v) values[v] = rng() % 10 < static_cast<unsigned>(5 + round % 5);
    const boolean_function f(7, values);
    const std::vector<implicant> cover = minimum_cover(f);
    check_cover(f, cover);
    check_computes(build_two_layer(f, {normal_form::dnf, true, false}), f);
  }
}

TEST_CASE("boolean construction: no smaller set of primes covers random functions of 5 inputs", "[boolean]") {
  // The minimum over sets of prime implicants is the minimum over all sets
  // of implicants (a cover stays a cover when each implicant is replaced by
  // a prime containing it), so checking every set of k - 1 primes shows
  // that k is the minimum.
  std::mt19937 rng(5);
  for (int round = 0; round < 8; ++round) {
    const boolean_function f = random_function(rng, 5);
    INFO("table " << f.table());
    std::uint32_t target = 0;
    for (std::uint32_t v = 0; v < 32; ++v) target |= f(v) ? std::uint32_t{1} << v : 0;
    std::vector<std::uint32_t> members;
    for (const implicant& q : prime_implicants(f)) {
      std::uint32_t m = 0;
      for (std::uint32_t v = 0; v < 32; ++v) m |= q.covers(v) ? std::uint32_t{1} << v : 0;
      members.push_back(m);
    }
    const std::size_t k = minimum_cover(f).size();
    REQUIRE(k >= 1);
    // Whether `count` more primes from index `from` on reach the target.
    std::function<bool(std::size_t, std::size_t, std::uint32_t)> reachable = [&](std::size_t from, std::size_t count,
                                                                                  std::uint32_t covered) {
      if (covered == target) return true;
      if (count == 0) return false;
      for (std::size_t i = from; i < members.size(); ++i) {
        if (reachable(i + 1, count - 1, covered | members[i])) return true;
      }
      return false;
    };
    CHECK_FALSE(reachable(0, k - 1, 0));
    CHECK(reachable(0, k, 0));
  }
}

TEST_CASE("boolean construction: the DNF of XOR, written out", "[boolean]") {
  CHECK(write_network(build_two_layer(boolean_function::from_table("0110"))) == R"(# F(x1, x2) with the truth table 0110
# (F of the inputs in binary counting order, x1 the most significant bit).
# The lecture's theorem: two-layer networks of unit-step neurons compute every
# F: {0,1}^n -> {0,1}.  Its proof as a construction: a hidden neuron N_v for each
# input vector v with F(v) = 1, which fires exactly on v (weight +1 where v_i = 1,
# -1 where v_i = 0, bias minus the number of ones of v), and an OR neuron on top.
network dnf_0110
input x1, x2
output y
rule parallel

# N_v for v = (0,1): fires exactly on v
n_01 = step(-1 - x1 + x2)

# N_v for v = (1,0): fires exactly on v
n_10 = step(-1 + x1 - x2)

# OR of the 2 hidden neurons: y = 1 iff one of them fires
y = step(-1 + n_01 + n_10)
)");
}

TEST_CASE("boolean construction: the minimized CNF of majority, written out", "[boolean]") {
  CHECK(write_network(build_two_layer(boolean_function::from_table("00010111"), {normal_form::cnf, true, true})) ==
        R"(# F(x1, x2, x3) with the truth table 00010111
# (F of the inputs in binary counting order, x1 the most significant bit).
# The dual two-layer construction (conjunctive normal form), minimized: a hidden neuron
# for each prime implicant q of a minimum cover of the zeros of F (a prime implicant of
# !F; Quine-McCluskey, then an exact cover search), firing everywhere except where q
# holds (a clause of F), and an AND neuron on top: 3 hidden neurons instead of 4
# (one per v with F(v) = 0).  An implicant is written one character per input, x1
# first: 1, 0, or - for an input it does not read.
# Rule layered (the lecture's MLP rule): step i evaluates the neurons of layer i.
network cnf_min_00010111
input x1, x2, x3
output y
rule layered

# prime implicant -00 of !F (!x2 & !x3): fires except where it holds (the clause x2 | x3)
c1 = step(-1 + x2 + x3)

# prime implicant 0-0 of !F (!x1 & !x3): fires except where it holds (the clause x1 | x3)
c2 = step(-1 + x1 + x3)

# prime implicant 00- of !F (!x1 & !x2): fires except where it holds (the clause x1 | x2)
c3 = step(-1 + x1 + x2)

# AND of the 3 hidden neurons: y = 1 iff all of them fire
y = step(-3 + c1 + c2 + c3)
)");
}

TEST_CASE("boolean construction: constant functions have no hidden neurons", "[boolean]") {
  const network one = build_two_layer(boolean_function::from_table("1111"));
  CHECK(write_network(one) == R"(# F(x1, x2) with the truth table 1111
# (F of the inputs in binary counting order, x1 the most significant bit).
# F is constant 1, so the two-layer construction needs no hidden neurons: y = step(0) = 1
# on every input.
network dnf_1111
input x1, x2
output y
rule parallel

# the constant 1
y = step(0)
)");
  const network zero = build_two_layer(boolean_function::from_formula("0", 2), {normal_form::cnf, true, false});
  CHECK(hidden_count(zero) == 0);
  CHECK(write_potential(zero, zero.equations.at(0)) == "-1");
  check_computes(zero, [](std::uint32_t) { return false; });
  // No inputs at all.
  check_computes(build_two_layer(boolean_function::from_table("1")), [](std::uint32_t) { return true; });
}

TEST_CASE("boolean construction: size limits, word for word", "[boolean]") {
  const boolean_function eight = boolean_function::from_formula("x8");
  CHECK(error_of([&] { build_two_layer(eight, {normal_form::dnf, true, false}); }) ==
        "minimizing a function of 8 inputs: the exact minimization handles at most 7 inputs (the number of prime "
        "implicants grows like 3^n / n)");
  CHECK(error_of([&] { prime_implicants(eight); }) == error_of([&] { minimum_cover(eight); }));
  CHECK(error_of([] { build_two_layer(boolean_function::from_formula("x17")); }) ==
        "the two-layer construction for 17 inputs would have up to 2^17 hidden neurons; it is built for at most 16 "
        "inputs");
  // 16 inputs is allowed: x1 & ... & x16 has one hidden neuron.
  std::string all = "x1";
  for (int i = 2; i <= 16; ++i) all += fmt::format(" & x{}", i);
  CHECK(hidden_count(build_two_layer(boolean_function::from_formula(all))) == 1);
}
