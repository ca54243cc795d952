// Tests of the canonical writer (network_writer.hpp): the exact text of every
// construct, and the round trip load(write(N)) == N with write as a fixed
// point, on the spec's examples and on random networks.
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"
#include "io/network_lexer.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <stdexcept>
#include <string>

using nnsim::activation;
using nnsim::network;
using nnsim::neuron_id;
using nnsim::norm_kind;
using nnsim::parse_network;
using nnsim::potential_kind;
using nnsim::rational;
using nnsim::rule_kind;
using nnsim::write_network;

namespace {

network parse(std::string_view text) { return parse_network(text, "test.nn"); }

// The canonical text of `text`.
std::string canonical(std::string_view text) { return write_network(parse(text)); }

// The potential of the only equation of `input x, z; y = id(POTENTIAL)`,
// written back.
std::string potential(std::string_view text) {
  const network net = parse(fmt::format("input x, z\ny = id({})\n", text));
  return nnsim::write_potential(net, net.equations.at(0));
}

// load(write(net)) is the same network and write is a fixed point.
void check_round_trip(const network& net) {
  const std::string text = write_network(net);
  INFO(text);
  const network again = parse(text);
  CHECK(nnsim::same_network(again, net));
  CHECK(nnsim::same_network(net, again));
  CHECK(write_network(again) == text);
}

}  // namespace

TEST_CASE("the XOR example in canonical form", "[writer]") {
  const std::string text = R"(# XOR of two bits with unit-step neurons
network xor
input x1, x2
output y
rule parallel

h1 = step(-1 + 2 x1 + 2 x2)      # P1
h2 = step(3 - 2 x1 - 2 x2)       # P2
y  = step(-2 + h1 + h2)          # AND
)";
  CHECK(canonical(text) ==
        "network xor\n"
        "input x1, x2\n"
        "output y\n"
        "rule parallel\n"
        "\n"
        "h1 = step(-1 + 2 x1 + 2 x2)\n"
        "h2 = step(3 - 2 x1 - 2 x2)\n"
        "y = step(-2 + h1 + h2)\n");
  check_round_trip(parse(text));
}

TEST_CASE("the recurrent example in canonical form", "[writer]") {
  const std::string text = "one  = sat(1)\ns    = sat(1/4 s + 3/4 one)\ninit s = 1/2\n";
  CHECK(canonical(text) ==
        "rule parallel\n"
        "init s = 1/2\n"
        "\n"
        "one = sat(1)\n"
        "s = sat(1/4 s + 3/4 one)\n");
  check_round_trip(parse(text));
}

TEST_CASE("an empty network is just its rule", "[writer]") {
  CHECK(canonical("") == "rule parallel\n");
  CHECK(write_network(network{}) == "rule parallel\n");
}

TEST_CASE("terms of a weighted sum", "[writer]") {
  CHECK(potential("x - 1/2 z") == "x - 1/2 z");
  CHECK(potential("1*x + 1 z") == "x + z");
  CHECK(potential("-x - z") == "-x - z");
  CHECK(potential("-1 x - 1/1") == "-1 - x");
  CHECK(potential("0 x + 0*z") == "0 x + 0 z");
  CHECK(potential("x - x") == "0 x");
  CHECK(potential("1 + x - 1") == "x");
  CHECK(potential("0") == "0");
  CHECK(potential("0 - 0") == "0");
  CHECK(potential("0.1") == "1/10");
  CHECK(potential("x/4 + 2.5E+2") == "250 + 1/4 x");
  CHECK(potential("6/8 x - 0.125 z") == "3/4 x - 1/8 z");
  CHECK(potential("-2/3 x") == "-2/3 x");
  CHECK(potential("x + x + z - 3 x") == "-x + z");
  CHECK(potential("123456789012345678901234567890 z") == "123456789012345678901234567890 z");
}

TEST_CASE("distance potentials are written with offset, scale and centres", "[writer]") {
  CHECK(potential("1 - 2 dist(x - 1/2, z - 0.5)") == "1 - 2 dist(x - 1/2, z - 1/2)");
  CHECK(potential("dist1(x + 3, z)") == "dist1(x + 3, z)");
  CHECK(potential("-distmax(x)") == "-distmax(x)");
  CHECK(potential("2*sqdist(x)") == "2 sqdist(x)");
  CHECK(potential("-1/2 - sqdist(x)") == "-1/2 - sqdist(x)");
  CHECK(potential("0 + 1 dist(x)") == "dist(x)");
  CHECK(potential("3 + 0 dist(x, x)") == "3 + 0 dist(x, x)");
  CHECK(potential("0 dist(x)") == "0 dist(x)");
}

TEST_CASE("the logistic parameter is written only when it is not 1", "[writer]") {
  CHECK(canonical("y = logistic(1)") == "rule parallel\n\ny = logistic(1)\n");
  CHECK(canonical("y = logistic[1](1)") == "rule parallel\n\ny = logistic(1)\n");
  CHECK(canonical("y = logistic[0.5](1)") == "rule parallel\n\ny = logistic[1/2](1)\n");
  CHECK(canonical("y = logistic[-4](1)") == "rule parallel\n\ny = logistic[-4](1)\n");
  CHECK(canonical("a = sign(1)\nb = relu(1)\nc = tanh(1)\nd = id(1)\n") ==
        "rule parallel\n\na = sign(1)\nb = relu(1)\nc = tanh(1)\nd = id(1)\n");
}

TEST_CASE("write_value: a literal, or a constant's name with its sign and reciprocal", "[writer][real_expression]") {
  const network net = parse_network("input x, z\noutput y\nconst r = sqrt(2)\ny = id(-r - x / r + 2/3 z)\n", "t.nn");
  const nnsim::equation& e = net.equations.at(0);
  using nnsim::constant_use, nnsim::write_value;
  CHECK(write_value(e.bias, e.bias_constant) == "-r");
  CHECK(write_value(e.inputs.at(0).weight, e.inputs.at(0).weight_constant) == "-1/r");
  CHECK(write_value(rational(2, 3), constant_use{}) == "2/3");
  CHECK(write_value(0, constant_use{net.constants.at(0), false, true}) == "1/r");
  CHECK(write_value(0, constant_use{net.constants.at(0), false, false}) == "r");
}

TEST_CASE("every rule is written on its line", "[writer]") {
  const std::string eqs = "a = step(1)\nb = step(a)\n";
  const auto rule_line = [&](const std::string& rule) {
    const std::string text = canonical(rule + "\n" + eqs);
    return text.substr(0, text.find('\n'));
  };
  CHECK(rule_line("") == "rule parallel");
  CHECK(rule_line("rule layered") == "rule layered");
  CHECK(rule_line("rule sequential") == "rule sequential");
  CHECK(rule_line("rule sequential b, a") == "rule sequential b, a");
  CHECK(rule_line("rule random") == "rule random seed 0");
  CHECK(rule_line("rule random seed 18446744073709551615") == "rule random seed 18446744073709551615");
  CHECK(rule_line("rule schedule {a,b},{ },{b}") == "rule schedule {a, b}, {}, {b}");
}

TEST_CASE("the header, init lines and equations keep their stored order", "[writer]") {
  const std::string text =
      "output y, c\n"
      "input x2, x1\n"
      "rule sequential y, h\n"
      "y = sat(h + c)\n"
      "init h = -3/6\n"
      "h = relu(x1 - x2 + k)\n"
      "init k = 2\n"
      "init c = 0.75\n"
      "init lone = 1\n";
  const std::string expected =
      "input x2, x1\n"
      "output y, c\n"
      "rule sequential y, h\n"
      "init c = 3/4\n"
      "init h = -1/2\n"
      "init k = 2\n"
      "init lone = 1\n"
      "\n"
      "y = sat(h + c)\n"
      "h = relu(x1 - x2 + k)\n";
  CHECK(canonical(text) == expected);
  check_round_trip(parse(text));
}

TEST_CASE("init lines do not depend on neuron ids", "[writer]") {
  // Built so that ids disagree with the order a reload would give: b is
  // created first but only appears in an init line.
  network net;
  const neuron_id b = net.intern("b");
  const neuron_id a = net.intern("a");
  const neuron_id y = net.intern("y");
  net.set_init(b, rational(2));
  net.set_init(a, rational(1));
  net.add_output(a);
  net.add_equation(y, activation::step).bias = 1;
  net.set_init(y, rational(-1));
  const std::string text = write_network(net);
  CHECK(text ==
        "output a\n"
        "rule parallel\n"
        "init a = 1\n"
        "init y = -1\n"
        "init b = 2\n"
        "\n"
        "y = step(1)\n");
  check_round_trip(net);
}

TEST_CASE("networks built through the model API", "[writer]") {
  network net;
  net.name = "rbf";
  const neuron_id x1 = net.add_input("x1");
  const neuron_id x2 = net.add_input("x2");
  const neuron_id r = net.intern("r");
  net.add_output(r);
  auto& e = net.add_equation(r, activation::step);
  e.kind = potential_kind::distance;
  e.offset = 1;
  e.scale = -2;
  e.norm = norm_kind::dist;
  e.arguments = {{x1, rational(1, 2)}, {x2, rational(1, 2)}};
  const neuron_id c = net.intern("c");
  net.add_equation(c, activation::sat);  // no terms and no bias
  net.rule.kind = rule_kind::schedule;
  net.rule.sets = {{r}, {}, {c, r}};
  CHECK(write_network(net) ==
        "network rbf\n"
        "input x1, x2\n"
        "output r\n"
        "rule schedule {r}, {}, {c, r}\n"
        "\n"
        "r = step(1 - 2 dist(x1 - 1/2, x2 - 1/2))\n"
        "c = sat(0)\n");
  CHECK(nnsim::write_potential(net, net.equations[1]) == "0");
  check_round_trip(net);
}

TEST_CASE("networks that cannot be written are refused", "[writer]") {
  network net;
  net.add_input("x");
  SECTION("a name that is not an identifier") {
    net.intern("two words");
    CHECK_THROWS_AS(write_network(net), std::invalid_argument);
  }
  SECTION("a reserved word as a neuron name") {
    net.add_input("sat");
    CHECK_THROWS_AS(write_network(net), std::invalid_argument);
  }
  SECTION("a network name that is not an identifier") {
    net.name = "tm-binary";
    CHECK_THROWS_AS(write_network(net), std::invalid_argument);
  }
  SECTION("a sequential rule with an empty explicit order") {
    net.rule.kind = rule_kind::sequential;
    net.rule.explicit_order = true;
    CHECK_THROWS_AS(write_network(net), std::invalid_argument);
  }
  SECTION("a schedule without sets") {
    net.rule.kind = rule_kind::schedule;
    CHECK_THROWS_AS(write_network(net), std::invalid_argument);
  }
  SECTION("a distance without arguments") {
    auto& e = net.add_equation(net.intern("y"), activation::id);
    e.kind = potential_kind::distance;
    CHECK_THROWS_AS(write_network(net), std::invalid_argument);
  }
}

namespace {

rational random_value(std::mt19937_64& rng) {
  switch (rng() % 6) {
    case 0: return 0;
    case 1: return rng() % 2 == 0 ? 1 : -1;
    case 2: {  // a big value, to make sure nothing is rounded
      rational big(nnsim::integer(rng()) * nnsim::integer(rng()), nnsim::integer(rng() | 1));
      return rng() % 2 == 0 ? big : rational(-big);
    }
    default: return rational(static_cast<long>(rng() % 41) - 20, static_cast<long>(1 + rng() % 12));
  }
}

// A random valid network: every neuron is an input, has an equation or has
// an init value; rule neurons have equations; `layered` only over an
// acyclic architecture (sources of an equation have smaller ids).
network random_network(std::mt19937_64& rng) {
  network net;
  if (rng() % 3 == 0) net.name = fmt::format("net{}", rng() % 100);
  const std::size_t count = rng() % 10;
  const char* prefixes[] = {"x", "h_", "tm.q", "_n", "Y"};
  for (std::size_t i = 0; i < count; ++i) net.intern(fmt::format("{}{}", prefixes[rng() % 5], i));

  const auto rule_choice = static_cast<rule_kind>(rng() % 5);
  std::vector<neuron_id> ids;
  for (std::size_t i = 0; i < count; ++i) ids.push_back(nnsim::make_neuron_id(i));

  std::vector<neuron_id> inputs, with_equation;
  for (neuron_id id : ids) {
    const auto role = rng() % 4;
    if (role == 0) {
      inputs.push_back(id);
    } else if (role == 1) {
      net.set_init(id, random_value(rng));
    } else {
      with_equation.push_back(id);
      if (rng() % 3 == 0) net.set_init(id, random_value(rng));
    }
  }
  std::shuffle(inputs.begin(), inputs.end(), rng);
  for (neuron_id id : inputs) net.add_input(net.name_of(id));
  std::shuffle(ids.begin(), ids.end(), rng);
  for (neuron_id id : ids) {
    if (rng() % 3 == 0) net.add_output(id);
  }

  std::shuffle(with_equation.begin(), with_equation.end(), rng);
  for (neuron_id target : with_equation) {
    auto& e = net.add_equation(target, static_cast<activation>(rng() % 7));
    if (e.act == activation::logistic && rng() % 2 == 0) e.logistic_lambda = random_value(rng);
    std::vector<neuron_id> sources;
    for (std::size_t i = 0; i < count; ++i) {
      if (rule_choice == rule_kind::layered && i >= index(target)) break;
      if (rng() % 3 == 0) sources.push_back(nnsim::make_neuron_id(i));
    }
    std::shuffle(sources.begin(), sources.end(), rng);
    if (!sources.empty() && rng() % 5 == 0) {
      e.kind = potential_kind::distance;
      e.norm = static_cast<norm_kind>(rng() % 4);
      e.offset = rng() % 2 == 0 ? rational(0) : random_value(rng);
      e.scale = random_value(rng);
      for (neuron_id s : sources) e.arguments.push_back({s, rng() % 2 == 0 ? rational(0) : random_value(rng)});
      if (rng() % 4 == 0) e.arguments.push_back({sources.front(), random_value(rng)});  // a repeated coordinate
    } else {
      if (rng() % 2 == 0) e.bias = random_value(rng);
      for (neuron_id s : sources) e.inputs.push_back({s, random_value(rng)});
    }
  }

  net.rule.kind = rule_choice;
  const std::vector<neuron_id> updatable = net.updatable();
  switch (rule_choice) {
    case rule_kind::sequential:
      // An explicit order names at least one neuron (an empty one cannot be
      // written, see the writer).
      if (!updatable.empty() && rng() % 2 == 0) {
        net.rule.explicit_order = true;
        net.rule.order = updatable;
        std::shuffle(net.rule.order.begin(), net.rule.order.end(), rng);
        net.rule.order.resize(1 + rng() % updatable.size());
      }
      break;
    case rule_kind::random: net.rule.seed = rng() % 2 == 0 ? rng() % 100 : rng(); break;
    case rule_kind::schedule: {
      const std::size_t sets = 1 + rng() % 3;
      for (std::size_t s = 0; s < sets; ++s) {
        auto& set = net.rule.sets.emplace_back();
        for (neuron_id id : updatable) {
          if (rng() % 2 == 0) set.push_back(id);
        }
        std::shuffle(set.begin(), set.end(), rng);
      }
      break;
    }
    default: break;
  }
  return net;
}

}  // namespace

TEST_CASE("random networks survive the round trip and write is a fixed point", "[writer]") {
  std::mt19937_64 rng(0x6e6e73696dULL);
  for (int round = 0; round < 400; ++round) {
    const network net = random_network(rng);
    const std::string text = write_network(net);
    INFO("round " << round << ":\n" << text);
    network again;
    REQUIRE_NOTHROW(again = parse(text));
    CHECK(nnsim::same_network(again, net));
    CHECK(write_network(again) == text);
    // Loading the written text after a reload still gives the same network.
    CHECK(nnsim::same_network(parse(write_network(again)), net));
  }
}

// ---------------------------------------------------------------------------
// Long numbers: every number the loader stores keeps within max_number_digits
// digits above and below the bar, so its canonical `p/q` always loads.

namespace {

// `count` pseudo-random decimal digits, the first and the last not 0 (nor 5,
// so that a decimal ending in them is not shortened by reduction).
std::string digits(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += static_cast<char>('0' + rng() % 10);
  text.front() = '7';
  text.back() = '3';
  return text;
}

nnsim::integer big(const std::string& decimal) { return nnsim::integer(decimal); }

nnsim::integer power_of_ten(unsigned exponent) {
  nnsim::integer p = 1;
  for (unsigned i = 0; i < exponent; ++i) p *= 10;
  return p;
}

// The longest literal of the canonical form in `text`, in characters.
std::size_t longest_number(const std::string& text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '/') ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

}  // namespace

TEST_CASE("a 99,995-character decimal round-trips through the canonical form", "[writer]") {
  // 1.DDD...D: 99,993 digits after the point, so the value is a fraction
  // with about 99,994 digits above and below the bar: about 199,990
  // characters written, twice the literal.
  const std::string fraction = digits(99993, 1);
  const std::string literal = "1." + fraction;
  REQUIRE(literal.size() == 99995);
  const rational value(big("1" + fraction), power_of_ten(99993));
  for (const std::string& text :
       {"input x\ny = sat(" + literal + " x)\n", "input x\ny = sat(" + literal + " - x)\n",
        "input x\ny = sat(x)\ninit y = -" + literal + "\n", "input x\ny = logistic[" + literal + "](x)\n",
        "input x\ny = id(" + literal + " - 2 dist(x - " + literal + "))\n"}) {
    const network net = parse(text);
    const std::string written = write_network(net);
    CHECK(longest_number(written) > 190000);
    CHECK(longest_number(written) <= nnsim::max_number_length);
    const network again = parse(written);
    CHECK(nnsim::same_network(again, net));
    CHECK(write_network(again) == written);
    const nnsim::equation& e = again.equations.at(0);
    if (e.kind == potential_kind::distance) {
      CHECK(e.offset == value);
      CHECK(e.arguments.at(0).centre == value);
    } else if (e.act == activation::logistic) {
      CHECK(e.logistic_lambda == value);
    } else if (again.at(e.target).init) {
      CHECK(*again.at(e.target).init == -value);
    } else {
      CHECK((e.bias == value || e.inputs.at(0).weight == value));
    }
  }
}

TEST_CASE("two long fractions that the loader adds round-trip through the canonical form", "[writer]") {
  // A/B + C/D, each literal 99,999 characters, B and D coprime: the sum has
  // about 99,997 digits above and below the bar.
  const std::string a = digits(49999, 2), c = digits(49999, 3);
  const nnsim::integer b = power_of_ten(49998) + 1, d = power_of_ten(49998) + 3;
  const std::string first = a + "/" + b.str(), second = c + "/" + d.str();
  REQUIRE(first.size() == 99999);
  REQUIRE(second.size() == 99999);
  const rational sum = rational(big(a), b) + rational(big(c), d);
  for (const std::string& text : {"input x\ny = sat(" + first + " + " + second + " + x)\n",
                                  "input x\ny = sat(" + first + " x - x + " + second + " x + x)\n"}) {
    const network net = parse(text);
    const nnsim::equation& e = net.equations.at(0);
    CHECK((e.bias == sum || e.inputs.at(0).weight == sum));
    const std::string written = write_network(net);
    CHECK(longest_number(written) > 199000);
    const network again = parse(written);
    CHECK(nnsim::same_network(again, net));
    CHECK(write_network(again) == written);
    const nnsim::equation& f = again.equations.at(0);
    CHECK((f.bias == sum || f.inputs.at(0).weight == sum));
  }
}

TEST_CASE("numbers at the digit limit are written and load again", "[writer]") {
  const std::string top = std::string(nnsim::max_number_digits, '9');              // 10^100000 - 1
  const std::string bottom = "1" + std::string(nnsim::max_number_digits - 1, '0');  // 10^99999, coprime to it
  const network net = parse("input x\ny = sat(" + top + "/" + bottom + " x - " + top + ")\n");
  const std::string written = write_network(net);
  CHECK(longest_number(written) == nnsim::max_number_length);
  check_round_trip(net);
  // Built in memory, one digit more cannot be written.
  network built;
  const neuron_id x = built.add_input("x");
  nnsim::equation& e = built.add_equation(built.intern("y"), activation::sat);
  e.inputs.push_back({x, rational(big(top) + 2)});
  try {
    (void)write_network(built);
    FAIL("written");
  } catch (const std::invalid_argument& error) {
    CHECK(std::string(error.what()) ==
          "cannot write a coefficient of neuron 'y': its numerator has 100001 digits, more than 100000");
  }
  e.inputs.at(0).weight = rational(1, big(top) + 2);
  e.bias = rational(big(top) + 2);
  CHECK_THROWS_WITH(write_network(built),
                    "cannot write the bias of neuron 'y': its numerator has 100001 digits, more than 100000");
  e.bias = 0;
  CHECK_THROWS_WITH(write_network(built),
                    "cannot write a coefficient of neuron 'y': its denominator has 100001 digits, more than 100000");
  e.inputs.at(0).weight = 1;
  built.set_init(built.intern("y"), rational(-big(top) - 1));
  CHECK_THROWS_WITH(write_network(built),
                    "cannot write the init value of neuron 'y': its numerator has 100001 digits, more than 100000");
}

TEST_CASE("random networks with long literals: the canonical form loads as the same network", "[writer][property]") {
  // Each number is one of: a short integer or fraction, a long integer, a
  // long decimal, a long fraction, any of them with an exponent; sums of
  // several constants and repeated neurons add them up.  A network whose sums
  // outgrow the limit is refused with the located "too large" error; every
  // other one must round-trip exactly.
  std::mt19937_64 rng(0x6c6f6e67ULL);
  auto literal = [&]() -> std::string {
    const std::size_t length = std::vector<std::size_t>{1, 20, 2000, 49000, 99990, 100002}[rng() % 6];
    std::string text;
    switch (rng() % 4) {
      case 0: text = digits(length, rng()); break;
      case 1: text = digits(1 + rng() % 3, rng()) + "." + digits(length, rng()); break;
      case 2: text = digits(length / 2 + 1, rng()) + "/" + digits(length / 2 + 1, rng()); break;
      default: text = digits(length / 2 + 1, rng()) + "." + digits(2, rng()) + "/" + digits(length / 2 + 1, rng()); break;
    }
    if (rng() % 5 == 0) text += fmt::format("e{}{}", rng() % 2 == 0 ? "-" : "", rng() % 10001);
    return text;
  };
  int loaded = 0, refused = 0;
  for (int round = 0; round < 40; ++round) {
    std::string text = "input x, z\n";
    const int equations = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < equations; ++k) {
      std::string potential = literal();
      const int terms = static_cast<int>(rng() % 3);
      for (int t = 0; t < terms; ++t) {
        potential += fmt::format(" {} {} {}", rng() % 2 == 0 ? "+" : "-", literal(), rng() % 2 == 0 ? "x" : "z");
        if (rng() % 3 == 0) potential += " + " + literal();
      }
      if (rng() % 4 == 0) potential = fmt::format("{} - {} dist(x - {}, z)", literal(), literal(), literal());
      text += fmt::format("y{} = sat({})\n", k, potential);
      if (rng() % 2 == 0) text += fmt::format("init y{} = -{}\n", k, literal());
    }
    network net;
    try {
      net = parse(text);
    } catch (const nnsim::input_error& error) {
      const std::string message = error.what();
      INFO(message.substr(0, 200));
      CHECK(message.find("is too large: its ") != std::string::npos);
      ++refused;
      continue;
    }
    ++loaded;
    const std::string written = write_network(net);
    CHECK(longest_number(written) <= nnsim::max_number_length);
    network again;
    REQUIRE_NOTHROW(again = parse(written));
    CHECK(nnsim::same_network(again, net));
    CHECK(write_network(again) == written);
  }
  CHECK(loaded >= 10);
  CHECK(refused >= 3);
}
