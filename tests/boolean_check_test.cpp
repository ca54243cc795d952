// Tests of boolean_check.hpp: the summaries for n <= 3 against numbers
// derived independently (the hidden-neuron counts from the construction's
// definition, the separable counts from OEIS A000609), the compiled
// evaluator against the simulator (compute_truth_table), and the options.
#include "nnsim/boolean/boolean_check.hpp"
#include "nnsim/boolean/truth_table.hpp"
#include "nnsim/boolean/two_layer_network.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using nnsim::boolean_check_options;
using nnsim::boolean_check_summary;
using nnsim::boolean_function;
using nnsim::check_boolean_functions;

namespace {

const std::vector<std::uint64_t> threshold_function_counts = {2, 4, 14, 104, 1882};  // OEIS A000609

// The construction has one hidden neuron per input with F = 1, except for
// the constant 1, which has none.  Over all 2^(2^n) functions every input is
// a one of half of them: 2^n · 2^(2^n) / 2 in all, minus the 2^n of the
// constant 1.  The most is 2^n - 1 (all ones but one).
std::uint64_t expected_hidden_total(unsigned n) {
  const std::uint64_t inputs = std::uint64_t{1} << n;
  return inputs * (std::uint64_t{1} << inputs) / 2 - inputs;
}

}  // namespace

TEST_CASE("check boolean: every function of n <= 3 inputs", "[boolean_check]") {
  for (unsigned n = 0; n <= 3; ++n) {
    INFO("n = " << n);
    const boolean_check_summary s = check_boolean_functions(n);
    CHECK(s.arity == n);
    CHECK(s.functions == std::uint64_t{1} << (1u << n));
    CHECK(s.verified == s.functions);
    CHECK(s.failures.empty());
    CHECK(s.separable == threshold_function_counts[n]);
    CHECK(s.hidden_neurons_total == expected_hidden_total(n));
    CHECK(s.hidden_neurons_max == (std::uint64_t{1} << n) - 1);
  }
}

TEST_CASE("check boolean: the simulator route and threads give the same summary", "[boolean_check]") {
  for (unsigned n = 0; n <= 3; ++n) {
    INFO("n = " << n);
    const boolean_check_summary fast = check_boolean_functions(n);
    boolean_check_options options;
    options.full_simulation = true;
    const boolean_check_summary simulated = check_boolean_functions(n, options);
    options.full_simulation = false;
    options.threads = 3;
    const boolean_check_summary threaded = check_boolean_functions(n, options);
    for (const boolean_check_summary* s : {&simulated, &threaded}) {
      CHECK(s->verified == fast.verified);
      CHECK(s->separable == fast.separable);
      CHECK(s->hidden_neurons_total == fast.hidden_neurons_total);
      CHECK(s->hidden_neurons_max == fast.hidden_neurons_max);
    }
  }
}

TEST_CASE("check boolean: progress reaches the total; arity 6 is refused", "[boolean_check]") {
  boolean_check_options options;
  std::uint64_t last_done = 0;
  std::uint64_t last_total = 0;
  options.progress = [&](std::uint64_t done, std::uint64_t total) {
    CHECK(done >= last_done);
    last_done = done;
    last_total = total;
  };
  check_boolean_functions(3, options);
  CHECK(last_done == 256);
  CHECK(last_total == 256);
  CHECK_THROWS_AS(check_boolean_functions(6), nnsim::input_error);
}

TEST_CASE("check boolean: function numbers are truth tables read as binary numbers", "[boolean_check]") {
  CHECK(nnsim::boolean_function_number(2, 6).table() == "0110");
  CHECK(nnsim::boolean_function_number(2, 1).table() == "0001");
  CHECK(nnsim::boolean_function_number(0, 1).table() == "1");
  CHECK(nnsim::boolean_function_number(3, 0x17).table() == "00010111");
}

TEST_CASE("check boolean: the compiled evaluator agrees with the simulator", "[boolean_check]") {
  // Every construction of two_layer_network.hpp for every function of
  // three inputs, in both forms and both rules.
  for (std::uint64_t index = 0; index < 256; ++index) {
    const boolean_function f = nnsim::boolean_function_number(3, index);
    for (int variant = 0; variant < 4; ++variant) {
      nnsim::two_layer_options options;
      options.form = variant % 2 == 0 ? nnsim::normal_form::dnf : nnsim::normal_form::cnf;
      options.layered = variant >= 2;
      const nnsim::network net = nnsim::build_two_layer(f, options);
      const auto fast = nnsim::evaluate_step_network(net);
      const auto simulated = nnsim::computed_function(nnsim::compute_truth_table(net));
      REQUIRE(fast);
      REQUIRE(simulated);
      CHECK(*fast == *simulated);
      CHECK(*fast == f);
    }
  }
  // Equations out of dependency order, a constant unit, a gate of the
  // lecture.
  const nnsim::network unordered = nnsim::parse_network(
      "input a, b\noutput y\ninit one = 1\ny = step(-2 + h + g)\nh = step(-1 + 2 a + 2 b)\n"
      "g = step(2 one - 2 a - 2 b + 1)\n",
      "t.nn");
  const auto fast = nnsim::evaluate_step_network(unordered);
  REQUIRE(fast);
  CHECK(fast->table() == "0110");
  CHECK(*fast == *nnsim::computed_function(nnsim::compute_truth_table(unordered)));
}

TEST_CASE("check boolean: the compiled evaluator takes no irrational constant for an integer", "[boolean_check]") {
  // The rational field beside an irrational constant is 0: read as a
  // weight, bias or init value it would give a wrong function.
  for (const char* text : {"input a\noutput y\nconst r = sqrt(2)\ny = step(r a - 1)\n",
                           "input a\noutput y\nconst r = sqrt(2)\ny = step(-r + a)\n",
                           "input a\noutput y\nconst r = sqrt(2)\ninit c = r\ny = step(-1 + a + c)\n"}) {
    CAPTURE(text);
    CHECK_FALSE(nnsim::evaluate_step_network(nnsim::parse_network(text, "t.nn")));
  }
  // A rational constant is the integer it folds to.
  const auto fast = nnsim::evaluate_step_network(
      nnsim::parse_network("input a\noutput y\nconst two = sqrt(4)\ny = step(two a - 1)\n", "t.nn"));
  REQUIRE(fast);
  CHECK(fast->table() == "01");
}

TEST_CASE("check boolean: the compiled evaluator agrees with the simulator on random step networks",
          "[boolean_check][property]") {
  // Acyclic step networks of up to four layers over three inputs, written in
  // a shuffled order, with weights up to the evaluator's bound 2^31 - 1,
  // constant units and outputs that may be an input or a constant: wherever
  // the compiled evaluator answers, the general simulator must agree.
  std::mt19937 rng(7);
  const std::int64_t big = 2147483647;
  const std::int64_t weights[] = {-big, -3, -2, -1, 0, 1, 2, 3, big};
  int answered = 0;
  for (int n = 0; n < 300; ++n) {
    std::vector<std::string> lines;
    std::vector<std::string> known = {"a", "b", "c", "one", "zero"};
    const int hidden = 1 + static_cast<int>(rng() % 6);
    for (int h = 0; h < hidden; ++h) {
      std::string line = "h" + std::to_string(h) + " = step(" + std::to_string(weights[rng() % 9]);
      for (const std::string& source : known) {
        if (rng() % 3 != 0) continue;
        const std::int64_t w = weights[rng() % 9];
        line += (w < 0 ? " - " : " + ") + std::to_string(w < 0 ? -w : w) + " " + source;
      }
      lines.push_back(line + ")");
      known.push_back("h" + std::to_string(h));
    }
    std::shuffle(lines.begin(), lines.end(), rng);
    std::string text = "input a, b, c\noutput " + known[rng() % known.size()] + "\ninit one = 1\ninit zero = 0\n";
    if (rng() % 2) text += "rule layered\n";
    for (const std::string& line : lines) text += line + "\n";
    INFO(text);
    const nnsim::network net = nnsim::parse_network(text, "t.nn");
    const auto fast = nnsim::evaluate_step_network(net);
    if (!fast) continue;
    ++answered;
    const auto simulated = nnsim::computed_function(nnsim::compute_truth_table(net));
    REQUIRE(simulated);
    CHECK(*fast == *simulated);
  }
  CHECK(answered == 300);
}

TEST_CASE("check boolean: networks the compiled evaluator does not take", "[boolean_check]") {
  auto refused = [](const char* text) {
    return !nnsim::evaluate_step_network(nnsim::parse_network(text, "t.nn")).has_value();
  };
  CHECK(refused("input x\noutput y\ny = step(x - 1/2)\n"));                     // a fraction
  CHECK(refused("input x\noutput y\ny = sat(x)\n"));                            // not a step
  CHECK(refused("input x\noutput y\ny = step(x + y)\n"));                       // a cycle
  CHECK(refused("input x\noutput y\nrule sequential\ny = step(x)\n"));          // another rule
  CHECK(refused("input x\noutput y, z\ny = step(x)\nz = step(-x)\n"));          // two outputs
  CHECK(refused("input x\noutput y\ny = step(4294967296 x)\n"));                // a weight of 2^32
  CHECK(refused("input x\noutput y\ninit c = 2\ny = step(x + c)\n"));           // a constant 2
  CHECK_FALSE(refused("input x\noutput y\ny = step(2147483647 x - 1)\n"));
}

TEST_CASE("check boolean: the dual and the minimized constructions", "[boolean_check]") {
  for (unsigned n = 0; n <= 3; ++n) {
    INFO("n = " << n);
    boolean_check_options options;
    options.construction.form = nnsim::normal_form::cnf;
    const boolean_check_summary cnf = check_boolean_functions(n, options);
    CHECK(cnf.verified == cnf.functions);
    CHECK(cnf.separable == threshold_function_counts[n]);
    // One hidden neuron per zero, none for the constant 0: by symmetry the
    // same counts as the lecture's construction.
    CHECK(cnf.hidden_neurons_total == expected_hidden_total(n));
    CHECK(cnf.hidden_neurons_max == (std::uint64_t{1} << n) - 1);

    options.construction.form = nnsim::normal_form::dnf;
    options.construction.minimize = true;
    const boolean_check_summary minimized = check_boolean_functions(n, options);
    CHECK(minimized.verified == minimized.functions);
    // Parity needs all its 2^(n-1) minterms, and no function needs more
    // prime implicants in a minimum cover.
    CHECK(minimized.hidden_neurons_max == (n == 0 ? 0 : std::uint64_t{1} << (n - 1)));
    CHECK(minimized.hidden_neurons_total <= expected_hidden_total(n));
    if (n >= 2) CHECK(minimized.hidden_neurons_total < expected_hidden_total(n));
  }
}
