// Tests of the expression language of real constants (real_expression.hpp),
// their correct rounding (real_rounding.hpp) and the `const` statement of
// the network format.  The rounded values are compared with doubles
// computed independently (mpmath at 300 bits, then rounded to nearest).
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/numbers/real_rounding.hpp"
#include "nnsim/run/simulation.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace nnsim;

namespace {

rational folded(const std::string& text) {
  const real_expression_ptr e = parse_real_expression(text);
  REQUIRE(e->value);
  return *e->value;
}

bool is_irrational(const std::string& text) { return !parse_real_expression(text)->value; }

// "OFFSET: MESSAGE" of the expression_error the text raises.
std::string error_of(const std::string& text) {
  try {
    parse_real_expression(text);
  } catch (const expression_error& e) {
    return std::to_string(e.offset()) + ": " + e.what();
  }
  return "no error";
}

std::string load_error(const std::string& text) {
  try {
    parse_network(text, "t.nn");
  } catch (const input_error& e) {
    return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " + e.what();
  }
  return "no error";
}

double rounded(const std::string& text) { return round_to_double(*parse_real_expression(text)); }

}  // namespace

TEST_CASE("rational expressions fold exactly", "[real_expression]") {
  CHECK(folded("1/3 + 2^-10") == rational(1027, 3072));
  CHECK(folded("sqrt(9/4)") == rational(3, 2));
  CHECK(folded("sqrt(0)") == 0);
  CHECK(folded("-2^2") == -4);
  CHECK(folded("(-2)^2") == 4);
  CHECK(folded("2^3^2") == 512);
  CHECK(folded("2/3^2") == rational(2, 9));
  CHECK(folded("2^-1") == rational(1, 2));
  CHECK(folded("1 - 2 - 3") == -4);
  CHECK(folded("12 / 2 / 3") == 2);
  CHECK(folded("2 * -3") == -6);
  CHECK(folded("0.125 * 8") == 1);
  CHECK(folded("1e-3") == rational(1, 1000));
  CHECK(folded("abs(-3/4)") == rational(3, 4));
  CHECK(folded("min(3, 1/2, 2)") == rational(1, 2));
  CHECK(folded("max(3, 1/2, 2)") == 3);
  CHECK(folded("exp(0) + log(1) + cos(0) + sin(0) + tanh(0)") == 2);
  CHECK(folded("(1/2)^-3") == 8);
}

TEST_CASE("anything else is irrational", "[real_expression]") {
  CHECK(is_irrational("pi"));
  CHECK(is_irrational("e"));
  CHECK(is_irrational("sqrt(2)"));
  CHECK(is_irrational("sin(pi)"));
  CHECK(is_irrational("sqrt(2) * sqrt(2)"));
  CHECK(is_irrational("exp(1)"));
  CHECK(is_irrational("max(pi, 4)"));
}

TEST_CASE("expressions are written back with the parentheses they need", "[real_expression]") {
  const auto round_trip = [](const std::string& text) { return to_string(*parse_real_expression(text)); };
  CHECK(round_trip("sqrt(2)/2") == "sqrt(2) / 2");
  CHECK(round_trip("1/3+2^-10") == "1/3 + 2^-10");
  CHECK(round_trip("(-2)^2 - -2^2") == "(-2)^2 - -2^2");
  CHECK(round_trip("0.125 * (1 - pi)") == "1/8 * (1 - pi)");
  CHECK(round_trip("(1/2)^2") == "(1/2)^2");
  CHECK(round_trip("1 - (2 - 3)") == "1 - (2 - 3)");
  CHECK(round_trip("min(1, (2), e)") == "min(1, 2, e)");
  for (const char* text : {"sqrt(2) / 2", "1/3 + 2^-10", "(-2)^2 - -2^2", "1/8 * (1 - pi)", "2 / (3 * pi)"}) {
    CHECK(round_trip(round_trip(text)) == round_trip(text));
  }
}

TEST_CASE("expression errors say what and where", "[real_expression]") {
  CHECK(error_of("1/0") == "1: division by zero");
  CHECK(error_of("1/(2-2)") == "1: division by zero");
  CHECK(error_of("0^-1") == "1: 0^-1 is a division by zero");
  CHECK(error_of("log(0)") == "0: log of 0, which is not positive");
  CHECK(error_of("sqrt(-1)") == "0: sqrt of the negative number -1");
  CHECK(error_of("2^1/2") == "no error");
  CHECK(error_of("2^(1/2)") == "2: the exponent of '^' must be an integer");
  CHECK(error_of("2^pi") == "2: the exponent of '^' must be an integer");
  CHECK(error_of("sqr(2)") == "0: unknown function 'sqr'; did you mean 'sqrt'?");
  CHECK(error_of("zzz(2)") ==
        "0: unknown function 'zzz' (the functions are sqrt, exp, log, sin, cos, tanh, abs, min and max)");
  CHECK(error_of("r + 1") == "0: undefined name 'r'");
  CHECK(error_of("sqrt") == "0: the function 'sqrt' needs its arguments: sqrt(...)");
  CHECK(error_of("min(1)") == "0: 'min' takes two or more arguments");
  CHECK(error_of("sqrt(1, 2)") == "0: 'sqrt' takes one argument, not 2");
  CHECK(error_of("(1 + 2") == "0: missing ')' to close this '('");
  CHECK(error_of("1 + 2)") == "5: unmatched ')'");
  CHECK(error_of("1 +") == "3: expected a number, a name or '(', found the end of the expression");
  CHECK(error_of("2 3") == "2: expected an operator, found '3'");
  CHECK(error_of("2x") == "1: number '2' is directly followed by 'x'; separate them with a space or '*'");
}

TEST_CASE("hostile expressions are refused before they cost anything", "[real_expression]") {
  CHECK(error_of("2^100000000") == "1: the value is too large: the power has more than 100000 digits");
  CHECK(error_of("2^10000000000") == "2: the exponent of '^' is too large (at most 1000000000 in size)");
  CHECK(folded("1^100000000") == 1);
  CHECK(folded("(-1)^-999999999") == -1);
  CHECK(error_of(std::string(300, '(') + "1" + std::string(300, ')')) ==
        "200: the expression is nested more than 200 levels deep");
  std::string long_sum = "1";
  for (int i = 0; i < 2500; ++i) long_sum += "+1";
  CHECK(error_of(long_sum) == "3999: the expression has more than 2000 levels of operations");
}

TEST_CASE("irrational values are rounded correctly to double", "[real_rounding]") {
  // mpmath 1.3.0, mp.prec = 300, float(value): the nearest doubles.
  CHECK(rounded("sqrt(2)/2") == 0x1.6a09e667f3bcdp-1);
  CHECK(rounded("pi") == 0x1.921fb54442d18p+1);
  CHECK(rounded("exp(1)") == 0x1.5bf0a8b145769p+1);
  CHECK(rounded("e") == 0x1.5bf0a8b145769p+1);
  CHECK(rounded("log(3)") == 0x1.193ea7aad030bp+0);
  // The enclosure tightens around 2, which is not a rounding boundary.
  CHECK(rounded("sqrt(2) * sqrt(2)") == 2.0);
  // sin(pi) is 0: its enclosure's ends underflow to -0 and +0 in doubles
  // once the working precision passes about 1100 bits; +0 is returned.
  CHECK(rounded("sin(pi)") == 0.0);
  CHECK_FALSE(std::signbit(rounded("sin(pi)")));
}

TEST_CASE("real:P rounds to P bits", "[real_rounding]") {
  real_number value(53);
  round_correctly(*parse_real_expression("pi"), value.get());
  CHECK(mpfr_get_d(value.get(), MPFR_RNDN) == 0x1.921fb54442d18p+1);
  real_number low(8);
  round_correctly(*parse_real_expression("pi"), low.get());
  CHECK(mpfr_get_d(low.get(), MPFR_RNDN) == 3.140625);  // 0b11.001001 (pi = 11.00100100...)
}

TEST_CASE("the enclosure shows domain errors of irrational arguments", "[real_rounding]") {
  const auto check = [](const std::string& text) {
    try {
      check_enclosure(*parse_real_expression(text));
    } catch (const expression_error& e) {
      return std::to_string(e.offset()) + ": " + e.what();
    }
    return std::string("no error");
  };
  CHECK(check("log(sin(pi) - 1)") == "0: log of a number that is not positive");
  CHECK(check("sqrt(-pi)") == "0: sqrt of a negative number");
  CHECK(check("1 / (pi * 0)") == "2: division by zero");
  CHECK(check("1 / (pi - pi)") == "no error");  // [-u, u]: not proven 0
  CHECK(check("log(sin(pi))") == "no error");  // cannot tell at 128 bits
  CHECK_THROWS_AS(round_to_double(*parse_real_expression("log(sqrt(2)^2 - 2)")), expression_error);
}

TEST_CASE("const statements load, fold and write back", "[real_expression][network_parser]") {
  const std::string text =
      "input x\noutput y\nrule parallel\nconst h = sqrt(9/4) - 1\nconst r = sqrt(2) / 2\n"
      "init z = -h\n\ny = sat(r x - r + z / h)\nz = logistic[h](x - h + 1)\n"
      "w = id(r dist(x - r, z + h))\n";
  const network net = parse_network(text, "t.nn");
  REQUIRE(net.constants.size() == 2);
  CHECK(net.constants[0]->value() == rational(1, 2));
  CHECK_FALSE(net.constants[1]->is_rational());
  // The rational constant is its folded value; the name is kept for the writer.
  CHECK(*net.neurons[index(*net.find("z"))].init == rational(-1, 2));
  CHECK(net.equations[1].bias == rational(1, 2));
  CHECK(net.equations[0].inputs[1].weight == 2);
  const std::string written = write_network(net);
  CHECK(written ==
        "input x\noutput y\nrule parallel\nconst h = sqrt(9/4) - 1\nconst r = sqrt(2) / 2\ninit z = -h\n\n"
        "y = sat(-r + r x + z / h)\nz = logistic[h](1/2 + x)\nw = id(r dist(x - r, z + h))\n");
  const network again = parse_network(written, "t2.nn");
  CHECK(same_network(net, again));
  CHECK(write_network(again) == written);
}

TEST_CASE("const statement errors are located", "[real_expression][network_parser]") {
  CHECK(load_error("const r = 1/0\n") == "1:12: division by zero");
  CHECK(load_error("const r = log(-1)\n") == "1:11: log of -1, which is not positive");
  CHECK(load_error("const r = 1\nconst r = 2\n") == "2:7: constant 'r' is already defined (line 1)");
  CHECK(load_error("const r = s\n") == "1:11: undefined name 's'");
  CHECK(load_error("x = id(1)\nconst r = x + 1\n") ==
        "2:11: 'x' is a neuron; a constant is built from numbers and earlier constants");
  CHECK(load_error("x = id(1)\nconst x = 1\n") == "2:7: 'x' is already a neuron (line 1)");
  CHECK(load_error("const r = 1\nr = id(1)\n") == "2:1: 'r' is a constant (line 1), not a neuron");
  CHECK(load_error("const r = 1\ny = id(r r)\n") == "2:10: 'r' is a constant (line 1), not a neuron");
  CHECK(load_error("const pi = 3\n") == "1:7: 'pi' is a reserved word and cannot be a constant name");
  CHECK(load_error("e = id(1)\n") == "1:1: 'e' is a reserved word and cannot be a neuron name");
  CHECK(load_error("const r =\n") == "1:10: expected an expression after '='");
  CHECK(load_error("const r = sqrt(2)\ny = id(r x + x)\nx = id(1)\n") ==
        "2:14: neuron 'x' is named twice in one potential with an irrational coefficient; define a constant for "
        "the sum of its coefficients");
  CHECK(load_error("const r = sqrt(2)\ny = id(r + 1)\n") ==
        "2:12: an irrational constant cannot be added to another constant term; define a constant for the sum");
  CHECK(load_error("const r = 0\nx = id(1)\ny = id(x / r)\n") == "3:12: division by zero in 'x/r'");
}

TEST_CASE("rational mode refuses an irrational constant; the floating modes round it once", "[real_expression]") {
  const network net = parse_network("input x\noutput y\nconst r = sqrt(2) / 2\ny = id(r x)\n", "t.nn");
  run_request request;
  request.input = {rational(1)};
  try {
    run_network(net, request);
    FAIL("no error");
  } catch (const input_error& e) {
    CHECK(std::string(e.what()) == "constant 'r' (line 3) is irrational; use --numbers interval:P, certified or real:P");
    CHECK(e.where() == text_location{4, 1});
  }
  request.numbers = number_mode::parse("double");
  const run_result result = run_network(net, request);
  CHECK(result.outputs.to_rational(0) == rational(0x16a09e667f3bcdLL, 1LL << 53));
}

TEST_CASE("command-line values accept expressions", "[real_expression]") {
  CHECK(parse_rational_value("1/3 + 2^-10") == rational(1027, 3072));
  CHECK(parse_rational_value("-1/2") == rational(-1, 2));
  CHECK(parse_rational_value("1/2/3") == rational(1, 6));
  CHECK(parse_rational_value("1/3+1") == rational(4, 3));
  CHECK_THROWS_WITH(parse_rational_value("sqrt(2)/2"),
                    "invalid value 'sqrt(2)/2': it is irrational, and only rational values can be given here");
  CHECK_THROWS_WITH(parse_rational_value("-x"), "invalid value '-x': expected a number");
  CHECK_THROWS_WITH(parse_rational_value("2 * x"), "invalid value '2 * x': undefined name 'x'");
  CHECK_THROWS_WITH(parse_rational_value("pi"),
                    "invalid value 'pi': it is irrational, and only rational values can be given here");
  const auto items = split_value_list(" min(1, 2), 3 ,max(1,2,3)");
  REQUIRE(items.size() == 3);
  CHECK(items[0] == "min(1, 2)");
  CHECK(items[1] == "3");
  CHECK(items[2] == "max(1,2,3)");
}

TEST_CASE("a value that may be irrational: exact when rational, else the expression", "[real_expression]") {
  const real_value third = parse_real_value("1/3 + 2^-10");
  CHECK(third.exact == rational(1027, 3072));
  CHECK(third.irrational == nullptr);
  CHECK(parse_real_value("-0.25").exact == rational(-1, 4));
  const real_value root = parse_real_value("sqrt(2)/2");
  REQUIRE(root.irrational != nullptr);
  CHECK(to_string(*root.irrational) == "sqrt(2) / 2");
  CHECK(root.exact == 0);
  CHECK_THROWS_WITH(parse_real_value("-x"), "invalid value '-x': expected a number");
  // A domain error the enclosure proves is refused where the value is read.
  CHECK_THROWS_WITH(parse_real_value("log(sin(pi) - 1)", "input value"),
                    "invalid input value 'log(sin(pi) - 1)': log of a number that is not positive");
}

TEST_CASE("irrational input values: rounded correctly once in the floating modes, refused in rational mode",
          "[real_expression][runner]") {
  const network net = parse_network("input x, z\noutput y\ny = id(x + z)\n", "t.nn");
  run_request request;
  request.input = {0, rational(1, 4)};
  request.input_expressions = {parse_real_value("sqrt(2)/2").irrational, nullptr};
  try {
    run_network(net, request);
    FAIL("no error");
  } catch (const input_error& e) {
    CHECK(std::string(e.what()) == "input x = sqrt(2) / 2 is irrational; use --numbers interval:P, certified or real:P");
  }
  // mpmath: sqrt(2)/2 to nearest double is 0x1.6a09e667f3bcdp-1; input[0]
  // (0 here) is not read.
  request.numbers = number_mode::parse("double");
  run_result result = run_network(net, request);
  CHECK(result.state.to_rational(0) == rational(0x16a09e667f3bcdLL, 1LL << 53));
  CHECK(result.state.to_rational(1) == rational(1, 4));
  // real:20 (mpmath): sqrt(2)/2 rounds to 0xB504F / 2^20, pi to 0xC90FE / 2^18.
  request.numbers = number_mode::parse("real:20");
  result = run_network(net, request);
  CHECK(result.state.to_rational(0) == rational(0xB504F, 1 << 20));

  // The interval modes enclose it; certified passes it to every precision
  // it tries.
  for (const char* mode : {"interval:64", "certified"}) {
    CAPTURE(mode);
    request.numbers = number_mode::parse(mode);
    result = run_network(net, request);
    CHECK(result.status == run_status::halted);
    CHECK(result.precision == 64);
    CHECK(result.state.text(0) == "[0.70710678118654752438, 0.70710678118654752444]");
  }
  request.numbers = number_mode::parse("real:20");

  // The runner takes them too, and stays usable after one that cannot be
  // rounded (sin(pi) is 0, which no enclosure decides in real:P).
  network_runner runner(net, request);
  CHECK_THROWS_WITH(runner.run({0, 0}, {parse_real_value("sin(pi)").irrational, nullptr}),
                    "input x = sin(pi): cannot enclose the value closely enough to round it to 20 bits (tried up to "
                    "65536 bits)");
  CHECK(runner.run({0, 0}, {parse_real_value("pi").irrational, nullptr}).state.to_rational(0) ==
        rational(0xC90FE, 1 << 18));
  CHECK(runner.run({rational(1, 2), 0}).state.to_rational(0) == rational(1, 2));
  CHECK(runner.run({rational(1, 2), 0}, {}).state.to_rational(0) == rational(1, 2));
}
