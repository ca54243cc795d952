// Tests of the `.nn` loader (network_parser.hpp, network_lexer.hpp): every
// construct of network-format.md with exact values, and every error with its
// exact place and message.
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/text_file.hpp"
#include "io/network_lexer.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

using nnsim::activation;
using nnsim::input_error;
using nnsim::network;
using nnsim::neuron_id;
using nnsim::norm_kind;
using nnsim::parse_network;
using nnsim::potential_kind;
using nnsim::rational;
using nnsim::rule_kind;

namespace {

const std::string xor_example = R"(# XOR of two bits with unit-step neurons (lines P1 and P2 of the lecture)
network xor
input x1, x2
output y
rule parallel

h1 = step(-1 + 2 x1 + 2 x2)      # P1: -1 + 2x1 + 2x2 = 0
h2 = step(3 - 2 x1 - 2 x2)       # P2:  3 - 2x1 - 2x2 = 0
y  = step(-2 + h1 + h2)          # AND of the two half-planes
)";

const std::string recurrent_example = R"(one  = sat(1)                    # becomes 1 at its first update
s    = sat(1/4 s + 3/4 one)      # s(t+1) = σ(s(t)/4 + 3/4)
init s = 1/2
)";

network parse(std::string_view text) { return parse_network(text, "test.nn"); }

// "LINE:COLUMN: MESSAGE" of the error that loading `text` reports.
std::string error_of(std::string_view text) {
  try {
    (void)parse(text);
  } catch (const input_error& e) {
    return fmt::format("{}:{}: {}", e.where().line, e.where().column, e.what());
  }
  return "no error";
}

// The full diagnostic, caret line included.
std::string diagnostic_of(std::string_view text) {
  try {
    (void)parse(text);
  } catch (const input_error& e) {
    return e.diagnostic();
  }
  return "no error";
}

rational q(const char* text) { return rational(text); }

// The only equation of a one-equation network `y = ACT(POTENTIAL)` whose
// other neurons are inputs x, z.
network with_potential(std::string_view potential) { return parse(fmt::format("input x, z\ny = id({})\n", potential)); }

const nnsim::equation& equation_of(const network& net, std::string_view name) {
  const auto id = net.find(name);
  REQUIRE(id.has_value());
  const nnsim::equation* e = net.equation_of(*id);
  REQUIRE(e != nullptr);
  return *e;
}

std::string name_of_input(const network& net, const nnsim::equation& e, std::size_t i) {
  return net.name_of(e.inputs.at(i).source);
}

}  // namespace

// ---------------------------------------------------------------------------
// The spec's examples

TEST_CASE("the lecture's XOR network loads with exact values", "[parser]") {
  const network net = parse(xor_example);
  CHECK(net.name == "xor");
  CHECK(net.source_name == "test.nn");
  REQUIRE(net.source_lines.size() == 10);
  CHECK(net.source_lines[1] == "network xor");
  REQUIRE(net.size() == 5);
  // Ids in order of first appearance.
  CHECK(net.name_of(neuron_id{0}) == "x1");
  CHECK(net.name_of(neuron_id{1}) == "x2");
  CHECK(net.name_of(neuron_id{2}) == "y");
  CHECK(net.name_of(neuron_id{3}) == "h1");
  CHECK(net.name_of(neuron_id{4}) == "h2");
  REQUIRE(net.inputs.size() == 2);
  CHECK(net.at(net.inputs[0]).is_input);
  CHECK(net.name_of(net.inputs[1]) == "x2");
  REQUIRE(net.outputs.size() == 1);
  CHECK(net.name_of(net.outputs[0]) == "y");
  CHECK(net.rule_given);
  CHECK(net.rule.kind == rule_kind::parallel);
  CHECK(net.rule_location == nnsim::text_location{5, 1});
  REQUIRE(net.equations.size() == 3);

  const auto& h1 = net.equations[0];
  CHECK(net.name_of(h1.target) == "h1");
  CHECK(h1.act == activation::step);
  CHECK(h1.kind == potential_kind::weighted_sum);
  CHECK(h1.bias == -1);
  REQUIRE(h1.inputs.size() == 2);
  CHECK(name_of_input(net, h1, 0) == "x1");
  CHECK(h1.inputs[0].weight == 2);
  CHECK(name_of_input(net, h1, 1) == "x2");
  CHECK(h1.inputs[1].weight == 2);
  CHECK(h1.location == nnsim::text_location{7, 1});

  const auto& h2 = net.equations[1];
  CHECK(h2.bias == 3);
  CHECK(h2.inputs[0].weight == -2);
  CHECK(h2.inputs[1].weight == -2);

  const auto& y = net.equations[2];
  CHECK(net.name_of(y.target) == "y");
  CHECK(y.bias == -2);
  CHECK(name_of_input(net, y, 0) == "h1");
  CHECK(y.inputs[0].weight == 1);
  CHECK(y.inputs[1].weight == 1);
  CHECK(y.location == nnsim::text_location{9, 1});
}

TEST_CASE("the recurrent example with a constant unit loads", "[parser]") {
  const network net = parse(recurrent_example);
  CHECK(net.name.empty());
  CHECK_FALSE(net.rule_given);
  CHECK(net.rule.kind == rule_kind::parallel);
  CHECK(net.inputs.empty());
  CHECK(net.outputs.empty());
  REQUIRE(net.size() == 2);
  const auto& one = equation_of(net, "one");
  CHECK(one.act == activation::sat);
  CHECK(one.bias == 1);
  CHECK(one.inputs.empty());
  const auto& s = equation_of(net, "s");
  REQUIRE(s.inputs.size() == 2);
  CHECK(name_of_input(net, s, 0) == "s");
  CHECK(s.inputs[0].weight == q("1/4"));
  CHECK(name_of_input(net, s, 1) == "one");
  CHECK(s.inputs[1].weight == q("3/4"));
  CHECK(s.bias == 0);
  const auto& s_neuron = net.at(*net.find("s"));
  REQUIRE(s_neuron.init.has_value());
  CHECK(*s_neuron.init == q("1/2"));
  CHECK(s_neuron.init_location == nnsim::text_location{3, 6});
  CHECK_FALSE(net.at(*net.find("one")).init.has_value());
}

// ---------------------------------------------------------------------------
// Lexical structure

TEST_CASE("an empty file or one with only comments is a network without neurons", "[parser]") {
  for (const char* text : {"", "\n\n", "# nothing here\n", "   # é ü λ in a comment are fine\n\t\n", "# no newline"}) {
    const network net = parse(text);
    CHECK(net.size() == 0);
    CHECK(net.equations.empty());
    CHECK(net.rule.kind == rule_kind::parallel);
  }
}

TEST_CASE("statements may span lines inside ( ) { } [ ]", "[parser]") {
  const network net = parse(
      "input x1,\tx2\r\n"
      "output y\r\n"
      "rule schedule {h,\n  y}, {\n}\n"
      "h = logistic[\n -1/2\n](x1 # a comment inside\n"
      "  + x2\n"
      ")\n"
      "y = step(h)\n");
  REQUIRE(net.rule.sets.size() == 2);
  CHECK(net.rule.sets[0].size() == 2);
  CHECK(net.rule.sets[1].empty());
  const auto& h = equation_of(net, "h");
  CHECK(h.act == activation::logistic);
  CHECK(h.logistic_lambda == q("-1/2"));
  CHECK(h.inputs.size() == 2);
  CHECK(equation_of(net, "y").location == nnsim::text_location{11, 1});
  CHECK(net.source_lines[0] == "input x1,\tx2");  // the '\r' is not part of the line
}

TEST_CASE("a UTF-8 byte order mark is skipped but counted in columns", "[parser]") {
  const network net = parse("\xEF\xBB\xBFx = step(1)\n");
  CHECK(equation_of(net, "x").location == nnsim::text_location{1, 4});
  CHECK(error_of("\xEF\xBB\xBF@") == "1:4: unexpected character '@'");
}

TEST_CASE("LF, CRLF and CR line ends, mixed, count lines the same way", "[parser]") {
  for (const std::string_view end : {"\n", "\r\n", "\r"}) {
    std::string text = "# a comment" + std::string(end) + "input x" + std::string(end) + "output y" +
                       std::string(end) + "h = step(x +" + std::string(end) + " 1)" + std::string(end) +
                       "y = step(h)" + std::string(end);
    const network net = parse(text);
    CHECK(net.size() == 3);
    CHECK(equation_of(net, "h").location == nnsim::text_location{4, 1});
    CHECK(equation_of(net, "y").location == nnsim::text_location{6, 1});
    CHECK(net.source_lines.size() == 7);
    CHECK(net.source_lines[3] == "h = step(x +");
    CHECK(error_of("# c" + std::string(end) + "x = stpe(1)" + std::string(end)) ==
          "2:5: unknown activation 'stpe'; did you mean 'step'?");
  }
  // A comment ends at a lone CR: before, the whole file was one comment.
  CHECK(parse("# XOR\rinput x1, x2\routput y\ry = step(-1 + x1 + x2)\r").size() == 3);
  const network mixed = parse("input x\r\n\ry = id(x)\n\r\nz = id(y)");
  CHECK(equation_of(mixed, "y").location == nnsim::text_location{3, 1});
  CHECK(equation_of(mixed, "z").location == nnsim::text_location{5, 1});
}

TEST_CASE("an error echoes its line escaped and short", "[parser]") {
  // An escape sequence in a comment never reaches the terminal raw.
  CHECK(diagnostic_of("y = stpe(1) # \x1b]0;title\x07\n") ==
        "test.nn:1:5: error: unknown activation 'stpe'; did you mean 'step'?\n"
        "  y = stpe(1) # \\x1b]0;title\\x07\n"
        "      ^");
  // A 1 MB line with the error at its end: a short message, the true column.
  // The window is the last 79 columns; the comment's two-byte characters
  // are one column each.
  std::string line = "y = step(";
  for (int i = 0; i < 250000; ++i) line += "x + ";
  std::string shown = "… + ";
  for (int i = 0; i < 17; ++i) shown += "x + ";
  const std::string message = diagnostic_of("input x\n" + line + "q) # \u00e9\u00e9\u00e9\n");
  CHECK(message ==
        "test.nn:2:1000010: error: undefined neuron 'q': it is not an input and has no equation or init value\n"
        "  " + shown + "q) # \u00e9\u00e9\u00e9\n"
        "  " + std::string(72, ' ') + "^");
  CHECK(message.size() < 300);
}

TEST_CASE("identifiers: letters, digits, '_' and '.', case-sensitive", "[parser]") {
  const network net = parse("input tm.q0.read, _x, h_3, X, x\ny = id(tm.q0.read + _x + h_3 + X - x)\n");
  CHECK(net.size() == 6);
  const auto& y = equation_of(net, "y");
  REQUIRE(y.inputs.size() == 5);
  CHECK(name_of_input(net, y, 0) == "tm.q0.read");
  CHECK(name_of_input(net, y, 3) == "X");
  CHECK(name_of_input(net, y, 4) == "x");
  CHECK(y.inputs[4].weight == -1);
  // A name that only differs from a reserved word in case is not reserved.
  CHECK(parse("Step = step(1)\n").find("Step").has_value());
  CHECK(parse("x..y = step(1)\n").find("x..y").has_value());
}

TEST_CASE("numbers are exact rationals", "[parser]") {
  const auto bias = [](const char* literal) { return with_potential(literal).equations[0].bias; };
  CHECK(bias("12") == 12);
  CHECK(bias("0.1") == q("1/10"));
  CHECK(bias("0.125") == q("1/8"));
  CHECK(bias("3/4") == q("3/4"));
  CHECK(bias("6/8") == q("3/4"));
  CHECK(bias("1e-3") == q("1/1000"));
  CHECK(bias("2.5E+2") == 250);
  CHECK(bias("2.5e2") == 250);
  CHECK(bias("1.5/0.5") == 3);
  CHECK(bias("0") == 0);
  CHECK(bias("000") == 0);
  CHECK(bias("-0.5") == q("-1/2"));
  CHECK(bias("+7") == 7);
  CHECK(bias("123456789012345678901234567890") == q("123456789012345678901234567890"));
  CHECK(bias("1e10000") > 0);
}

// ---------------------------------------------------------------------------
// Potentials

TEST_CASE("affine sums: every form of term", "[parser]") {
  SECTION("number times neuron, with or without '*'") {
    const auto net = with_potential("2 x + 3*z");
    const auto& e = net.equations[0];
    REQUIRE(e.inputs.size() == 2);
    CHECK(e.inputs[0].weight == 2);
    CHECK(e.inputs[1].weight == 3);
    CHECK(e.bias == 0);
  }
  SECTION("fractions and decimals as coefficients") {
    const auto e = with_potential("3/4 x - 0.5*z").equations[0];
    CHECK(e.inputs[0].weight == q("3/4"));
    CHECK(e.inputs[1].weight == q("-1/2"));
  }
  SECTION("a neuron divided by a number") {
    const auto e = with_potential("x/4 - z / 2").equations[0];
    CHECK(e.inputs[0].weight == q("1/4"));
    CHECK(e.inputs[1].weight == q("-1/2"));
  }
  SECTION("a bare neuron has weight 1, a negated one -1") {
    const auto e = with_potential("-x + z").equations[0];
    CHECK(e.inputs[0].weight == -1);
    CHECK(e.inputs[1].weight == 1);
  }
  SECTION("the first term may carry '+'") {
    const auto e = with_potential("+x").equations[0];
    CHECK(e.inputs[0].weight == 1);
  }
  SECTION("a neuron twice merges into one term at its first place") {
    const auto net = with_potential("x + z + x");
    const auto& e = net.equations[0];
    REQUIRE(e.inputs.size() == 2);
    CHECK(name_of_input(net, e, 0) == "x");
    CHECK(e.inputs[0].weight == 2);
    CHECK(name_of_input(net, e, 1) == "z");
  }
  SECTION("coefficients that cancel leave a zero term, which is kept") {
    const auto net = with_potential("1 + x - x + 0 z");
    const auto& e = net.equations[0];
    REQUIRE(e.inputs.size() == 2);
    CHECK(e.inputs[0].weight == 0);
    CHECK(e.inputs[1].weight == 0);
    CHECK(e.bias == 1);
    CHECK(e.predecessors().size() == 2);
  }
  SECTION("the bias is the sum of all constants wherever they stand") {
    const auto e = with_potential("1 + x - 1/2 + 2 z + 0.25").equations[0];
    CHECK(e.bias == q("3/4"));
    CHECK(e.inputs.size() == 2);
  }
  SECTION("a potential of constants only") {
    const auto e = with_potential("-3").equations[0];
    CHECK(e.bias == -3);
    CHECK(e.inputs.empty());
  }
}

TEST_CASE("distance potentials: offset, scale, norm and centres", "[parser]") {
  SECTION("the spec's example") {
    const auto net = parse("input x1, x2\nr = step(1 - 2 dist(x1 - 1/2, x2 - 1/2))\n");
    const auto& e = net.equations[0];
    CHECK(e.kind == potential_kind::distance);
    CHECK(e.norm == norm_kind::dist);
    CHECK(e.offset == 1);
    CHECK(e.scale == -2);
    CHECK(e.bias == 0);
    CHECK(e.inputs.empty());
    REQUIRE(e.arguments.size() == 2);
    CHECK(net.name_of(e.arguments[0].source) == "x1");
    CHECK(e.arguments[0].centre == q("1/2"));
    CHECK(e.arguments[1].centre == q("1/2"));
  }
  SECTION("a centre added is a negative centre; no centre is 0") {
    const auto e = with_potential("sqdist(x + 3, z)").equations[0];
    CHECK(e.norm == norm_kind::sqdist);
    CHECK(e.offset == 0);
    CHECK(e.scale == 1);
    CHECK(e.arguments[0].centre == -3);
    CHECK(e.arguments[1].centre == 0);
  }
  SECTION("scale with '*', a signed first term, every norm") {
    CHECK(with_potential("2 * distmax(x)").equations[0].scale == 2);
    CHECK(with_potential("2 * distmax(x)").equations[0].norm == norm_kind::distmax);
    CHECK(with_potential("-dist1(x)").equations[0].scale == -1);
    CHECK(with_potential("-dist1(x)").equations[0].norm == norm_kind::dist1);
    const auto e = with_potential("-1/2 + 0.5 dist(x)").equations[0];
    CHECK(e.offset == q("-1/2"));
    CHECK(e.scale == q("1/2"));
    const auto zero = with_potential("0 dist(x, x)").equations[0];
    CHECK(zero.scale == 0);
    CHECK(zero.arguments.size() == 2);
    CHECK(zero.predecessors().size() == 1);
  }
}

TEST_CASE("activations and the logistic parameter", "[parser]") {
  const std::pair<const char*, activation> all[] = {
      {"step", activation::step}, {"sign", activation::sign}, {"sat", activation::sat},
      {"relu", activation::relu}, {"id", activation::id},     {"logistic", activation::logistic},
      {"tanh", activation::tanh},
  };
  for (const auto& [name, act] : all) {
    const network net = parse(fmt::format("y = {}(1)\n", name));
    CHECK(net.equations[0].act == act);
    CHECK(net.equations[0].logistic_lambda == 1);
  }
  CHECK(parse("y = logistic[4](1)").equations[0].logistic_lambda == 4);
  CHECK(parse("y = logistic[1/2](1)").equations[0].logistic_lambda == q("1/2"));
  CHECK(parse("y = logistic [ -0.5 ] (1)").equations[0].logistic_lambda == q("-1/2"));
  CHECK(parse("y = logistic[+2](1)").equations[0].logistic_lambda == 2);
}

// ---------------------------------------------------------------------------
// Statements

TEST_CASE("every rule loads", "[parser]") {
  const std::string eqs = "a = step(1)\nb = step(a)\nc = step(b)\n";
  SECTION("default and parallel") {
    CHECK(parse(eqs).rule == nnsim::rule_spec{});
    const network net = parse("rule parallel\n" + eqs);
    CHECK(net.rule.kind == rule_kind::parallel);
    CHECK(net.rule_given);
  }
  SECTION("sequential in file order") {
    const network net = parse("rule sequential\n" + eqs);
    CHECK(net.rule.kind == rule_kind::sequential);
    CHECK_FALSE(net.rule.explicit_order);
    CHECK(net.sequential_order().size() == 3);
  }
  SECTION("sequential with an explicit order, forward references allowed") {
    const network net = parse("rule sequential c, a\n" + eqs);
    CHECK(net.rule.explicit_order);
    REQUIRE(net.rule.order.size() == 2);
    CHECK(net.name_of(net.rule.order[0]) == "c");
    CHECK(net.name_of(net.rule.order[1]) == "a");
    // c was named first, so it has id 0.
    CHECK(index(*net.find("c")) == 0);
  }
  SECTION("layered on an acyclic network") { CHECK(parse("rule layered\n" + eqs).rule.kind == rule_kind::layered); }
  SECTION("random, with and without seed") {
    CHECK(parse("rule random\n" + eqs).rule.seed == 0);
    CHECK(parse("rule random\n" + eqs).rule.kind == rule_kind::random);
    CHECK(parse("rule random seed 42\n" + eqs).rule.seed == 42);
    CHECK(parse("rule random seed 18446744073709551615\n" + eqs).rule.seed == 18446744073709551615ULL);
    CHECK(parse("rule random seed 007\n" + eqs).rule.seed == 7);
  }
  SECTION("schedule with an empty set") {
    const network net = parse("rule schedule {a, b}, {}, {c}\n" + eqs);
    CHECK(net.rule.kind == rule_kind::schedule);
    REQUIRE(net.rule.sets.size() == 3);
    CHECK(net.rule.sets[0].size() == 2);
    CHECK(net.rule.sets[1].empty());
    CHECK(net.name_of(net.rule.sets[2][0]) == "c");
  }
  SECTION("the same neuron may appear in several schedule sets") {
    CHECK(parse("rule schedule {a}, {a}\n" + eqs).rule.sets.size() == 2);
  }
}

TEST_CASE("init values, constant units and inputs", "[parser]") {
  const network net = parse("input x\noutput c\ninit c = -2.5E+2\ninit s = +3\ns = sat(x + c)\n");
  CHECK(*net.at(*net.find("c")).init == -250);
  CHECK(*net.at(*net.find("s")).init == 3);
  CHECK_FALSE(net.at(*net.find("c")).equation.has_value());  // a constant unit
  CHECK(parse("init c = 0\n").at(neuron_id{0}).init == rational(0));
  // An input neuron may have an equation (semantics.md, section 1).
  CHECK(parse("input x\nx = step(x)\n").equations.size() == 1);
  // A neuron may be input and output.
  CHECK(parse("input x\noutput x\n").outputs.size() == 1);
}

TEST_CASE("neuron ids follow the first appearance, forward references are fine", "[parser]") {
  const network net = parse("output y\ninput x\ny = step(h)\nh = id(x + k)\ninit k = 1\n");
  CHECK(net.name_of(neuron_id{0}) == "y");
  CHECK(net.name_of(neuron_id{1}) == "x");
  CHECK(net.name_of(neuron_id{2}) == "h");
  CHECK(net.name_of(neuron_id{3}) == "k");
  CHECK(net.at(neuron_id{0}).first_seen == nnsim::text_location{1, 8});
  CHECK(net.at(neuron_id{3}).first_seen == nnsim::text_location{4, 12});
}

// ---------------------------------------------------------------------------
// Errors: lexical

TEST_CASE("bytes that start no token are located errors that show the byte", "[parser]") {
  CHECK(error_of("x = step(1) @") == "1:13: unexpected character '@'");
  CHECK(error_of("x = step(1)\xff") == "1:12: unexpected character '\\xff'");
  CHECK(error_of(std::string("x = step(\0)", 11)) == "1:10: unexpected character '\\x00'");
  CHECK(error_of("\xc3\xa9 = step(1)") == "1:1: unexpected character '\\xc3'");
  CHECK(error_of("x\xc3\xa9 = step(1)") == "1:2: unexpected character '\\xc3'");
  CHECK(error_of("x = step(1)\f") == "1:12: unexpected character '\\x0c'");
  CHECK(error_of("x = step(.5)") == "1:10: unexpected character '.'");
  CHECK(error_of("x = step(1)\ny = step(x;)") == "2:11: unexpected character ';'");
}

TEST_CASE("bad identifiers and numbers", "[parser]") {
  CHECK(error_of("x. = step(1)") == "1:1: identifier 'x.' must not end with '.'");
  CHECK(error_of("x = step(2x)") == "1:11: number '2' is directly followed by 'x'; separate them with a space or '*'");
  CHECK(error_of("x = step(1.)") == "1:12: digits expected after '.' in number '1.'");
  CHECK(error_of("x = step(1e)") == "1:11: digits expected in the exponent of number '1e'");
  CHECK(error_of("x = step(1.5.3)") ==
        "1:13: number '1.5' is directly followed by '.'; separate them with a space or '*'");
  CHECK(error_of("x = step(1/0)") == "1:12: division by zero in number '1/0'");
  CHECK(error_of("x = step(3/0.0 + 1)") == "1:12: division by zero in number '3/0.0'");
  CHECK(error_of("x = step(1e99999)") == "1:11: exponent of number '1e99999' is too large (at most 10000 is allowed)");
  CHECK(error_of("init s = 1e-10001") == "1:11: exponent of number '1e-10001' is too large (at most 10000 is allowed)");
  const std::string digits(nnsim::max_number_length + 1, '7');
  CHECK(error_of("x = step(" + digits + ")") ==
        "1:10: number '7777777777777777777777777777777777777777...' is too long (more than 200001 characters)");
}

TEST_CASE("every number the loader stores keeps within the digit limit", "[parser]") {
  const std::string nines(nnsim::max_number_digits, '9');  // 10^100000 - 1: the largest integer allowed
  const std::string ten_to_the_limit = "1" + std::string(nnsim::max_number_digits, '0');
  // At the limit: a numerator and a denominator of 100,000 digits each, in a
  // literal of the longest length the lexer reads.
  const std::string below = "1" + std::string(nnsim::max_number_digits - 2, '0') + "1";  // 10^99999 + 1
  const std::string longest = nines + "/" + below;
  REQUIRE(longest.size() == nnsim::max_number_length);
  CHECK(with_potential(longest).equations[0].bias == rational(nnsim::integer(nines), nnsim::integer(below)));
  CHECK(with_potential("0." + std::string(99988, '0') + "1e-10").equations[0].bias ==
        rational(nnsim::integer(1), nnsim::integer("1" + std::string(99999, '0'))));
  // One digit more, however the literal is written.
  CHECK(error_of("x = step(2 + " + ten_to_the_limit + ")") ==
        "1:14: number '1000000000000000000000000000000000000000...' is too large: its numerator has 100001 digits, "
        "more than 100000");
  CHECK(error_of("init x = -1/" + ten_to_the_limit) ==
        "1:11: number '1/10000000000000000000000000000000000000...' is too large: its denominator has 100001 digits, "
        "more than 100000");
  CHECK(error_of("init x = 1e-100000") == "1:11: exponent of number '1e-100000' is too large (at most 10000 is allowed)");
  CHECK(error_of("input x\ny = id(x/" + std::string(95000, '3') + "e10000)") ==
        "2:10: number '3333333333333333333333333333333333333333...' is too large: its numerator has 105000 digits, "
        "more than 100000");
  CHECK(error_of("init x = 0." + std::string(99989, '0') + "1e-10") ==
        "1:10: number '0.00000000000000000000000000000000000000...' is too large: its denominator has 100001 "
        "digits, more than 100000");
  // Sums: the constant terms and the coefficients of a neuron named twice,
  // each reported at the term that makes the sum too large.  Here
  // 1/10^60000 + 1/(10^50000 + 1) has the denominator 10^110000 + 10^60000.
  const std::string first = "1/1" + std::string(60000, '0');
  const std::string second = "1/1" + std::string(49999, '0') + "1";
  const std::string too_large = "add up to a number that is too large: its denominator has 110001 digits, more than 100000";
  std::string prefix = "input x\ny = sat(" + first + " + x - ";
  CHECK(error_of(prefix + second + ")") ==
        fmt::format("2:{}: the constant terms {}", prefix.size() - 8 + 1, too_large));
  prefix = "input x\ny = sat(" + first + " x + 2 - " + second + " ";
  CHECK(error_of(prefix + "x)") == fmt::format("2:{}: the coefficients of 'x' {}", prefix.size() - 8 + 1, too_large));
  prefix = "input x\ny = sat(x/" + first.substr(2) + " + ";
  CHECK(error_of(prefix + "x/" + second.substr(2) + ")") ==
        fmt::format("2:{}: the coefficients of 'x' {}", prefix.size() - 8 + 1, too_large));
  // The check is made after every term, so an intermediate sum beyond the
  // limit is refused even when a later term would bring it back.
  CHECK(with_potential(nines + " - " + nines + " + 1").equations[0].bias == 1);
  CHECK(error_of("y = id(" + nines + " + 1 - 1)") ==
        "1:100011: the constant terms add up to a number that is too large: its numerator has 100001 digits, more "
        "than 100000");
}

// ---------------------------------------------------------------------------
// Errors: statements and syntax

TEST_CASE("the network statement", "[parser]") {
  CHECK(error_of("network") == "1:8: expected a network name after 'network', found end of file");
  CHECK(error_of("network a b") == "1:11: expected end of line, found 'b'");
  CHECK(error_of("network 3") == "1:9: expected a network name after 'network', found '3'");
  CHECK(error_of("init a = 1\nnetwork x") == "2:1: 'network' must be the first statement");
  CHECK(error_of("network a\nnetwork b") == "2:1: duplicate 'network' statement (the first is on line 1)");
  // Comments and blank lines before it are fine; the name may be a reserved word.
  CHECK(parse("# header\n\nnetwork step\n").name == "step");
}

TEST_CASE("input and output lists", "[parser]") {
  CHECK(error_of("input") == "1:6: expected a neuron name after 'input', found end of file");
  CHECK(error_of("input\nx = step(1)") == "1:6: expected a neuron name after 'input', found end of line");
  CHECK(error_of("output # none") == "1:7: expected a neuron name after 'output', found end of file");
  CHECK(error_of("input a,") == "1:9: expected a neuron name after ',', found end of file");
  CHECK(error_of("input a b") == "1:9: expected ',' or end of line, found 'b'");
  CHECK(error_of("input a, 2") == "1:10: expected a neuron name after ',', found '2'");
  CHECK(error_of("input a, a") == "1:10: neuron 'a' is listed twice in 'input'");
  CHECK(error_of("input a\noutput b, b\nb = id(a)") == "2:11: neuron 'b' is listed twice in 'output'");
  CHECK(error_of("input x\ninput y") == "2:1: duplicate 'input' statement (the first is on line 1)");
  CHECK(error_of("input x\noutput x\n\noutput x") == "4:1: duplicate 'output' statement (the first is on line 2)");
  CHECK(error_of("input x, sat") == "1:10: 'sat' is a reserved word and cannot be a neuron name");
  CHECK(error_of("output seed") == "1:8: 'seed' is a reserved word and cannot be a neuron name");
}

TEST_CASE("rule statements", "[parser]") {
  const std::string eqs = "\na = step(1)\nb = step(a)\n";
  CHECK(error_of("rule") ==
        "1:5: expected a rule after 'rule' (parallel, sequential, layered, random or schedule), found end of file");
  CHECK(error_of("rule paralel" + eqs) == "1:6: unknown rule 'paralel'; did you mean 'parallel'?");
  CHECK(error_of("rule Layered" + eqs) == "1:6: unknown rule 'Layered'; did you mean 'layered'?");
  CHECK(error_of("rule foo" + eqs) ==
        "1:6: unknown rule 'foo' (expected parallel, sequential, layered, random or schedule)");
  CHECK(error_of("rule parallel\nrule layered" + eqs) == "2:1: duplicate 'rule' statement (the first is on line 1)");
  CHECK(error_of("rule parallel now" + eqs) == "1:15: expected end of line, found 'now'");
  CHECK(error_of("rule layered 1" + eqs) == "1:14: expected end of line, found '1'");
  CHECK(error_of("rule sequential a, b, a" + eqs) == "1:23: neuron 'a' appears twice in the sequential order");
  CHECK(error_of("rule sequential a b" + eqs) == "1:19: expected ',' or end of line, found 'b'");
  CHECK(error_of("rule sequential a, step" + eqs) == "1:20: 'step' is a reserved word and cannot be a neuron name");
  CHECK(error_of("rule random foo" + eqs) == "1:13: expected 'seed' or end of line, found 'foo'");
  CHECK(error_of("rule random seed" + eqs) ==
        "1:17: expected the seed, an integer from 0 to 18446744073709551615, found end of line");
  CHECK(error_of("rule random seed -1" + eqs) ==
        "1:18: expected the seed, an integer from 0 to 18446744073709551615, found '-'");
  CHECK(error_of("rule random seed 1.5" + eqs) ==
        "1:18: expected the seed, an integer from 0 to 18446744073709551615, found '1.5'");
  CHECK(error_of("rule random seed 1e3" + eqs) ==
        "1:18: expected the seed, an integer from 0 to 18446744073709551615, found '1e3'");
  CHECK(error_of("rule random seed 18446744073709551616" + eqs) ==
        "1:18: expected the seed, an integer from 0 to 18446744073709551615, found '18446744073709551616'");
  CHECK(error_of("rule random seed 1 2" + eqs) == "1:20: expected end of line, found '2'");
  CHECK(error_of("rule schedule" + eqs) == "1:14: expected '{' after 'schedule', found end of line");
  CHECK(error_of("rule schedule a" + eqs) == "1:15: expected '{' after 'schedule', found 'a'");
  CHECK(error_of("rule schedule {a b}" + eqs) == "1:18: expected ',' or '}', found 'b'");
  CHECK(error_of("rule schedule {a,}" + eqs) == "1:18: expected a neuron name after ',', found '}'");
  CHECK(error_of("rule schedule {,}" + eqs) == "1:16: expected a neuron name or '}', found ','");
  CHECK(error_of("rule schedule {a, a}" + eqs) == "1:19: neuron 'a' appears twice in the same schedule set");
  CHECK(error_of("rule schedule {a}, b" + eqs) == "1:20: expected '{' after ',', found 'b'");
  CHECK(error_of("rule schedule {a} {b}" + eqs) == "1:19: expected ',' or end of line, found '{'");
  CHECK(error_of("rule schedule {a}, {b") == "1:20: missing '}' to close this '{'");
  // A line break inside braces is a blank, so the next line continues the set.
  CHECK(error_of("rule schedule {a}, {b" + eqs) == "2:1: expected ',' or '}', found 'a'");
  // A line break after ',' outside the braces ends the statement.
  CHECK(error_of("rule schedule {a},\n{b}" + eqs) == "1:19: expected '{' after ',', found end of line");
}

TEST_CASE("init statements", "[parser]") {
  CHECK(error_of("init") == "1:5: expected a neuron name after 'init', found end of file");
  CHECK(error_of("init s") == "1:7: expected '=' after 'init s', found end of file");
  CHECK(error_of("init s 1") == "1:8: expected '=' after 'init s', found '1'");
  CHECK(error_of("init s =") == "1:9: expected a value after '=', found end of file");
  CHECK(error_of("init s = x") == "1:10: expected a value after '=', found 'x'");
  CHECK(error_of("init s = - x") == "1:12: expected a number after '-', found 'x'");
  CHECK(error_of("init s = --1") == "1:11: expected a number after '-', found '-'");
  CHECK(error_of("init s = 1 + 1") == "1:12: expected end of line, found '+'");
  CHECK(error_of("init s = 1/2/3") == "1:13: expected end of line, found '/'");
  CHECK(error_of("init step = 1") == "1:6: 'step' is a reserved word and cannot be a neuron name");
  CHECK(error_of("init x = 1\n# again\ninit x = 2") == "3:6: neuron 'x' already has an init value (line 1)");
  CHECK(error_of("input x\ninit x = 1") == "2:6: input neuron 'x' cannot have an init value");
  CHECK(error_of("init x = 1\ninput x") == "1:6: input neuron 'x' cannot have an init value");
}

TEST_CASE("statements that are not statements", "[parser]") {
  CHECK(error_of("inptu x") == "1:1: unknown statement 'inptu'; did you mean 'input'?");
  CHECK(error_of("outptu y") == "1:1: unknown statement 'outptu'; did you mean 'output'?");
  CHECK(error_of("nework xor") == "1:1: unknown statement 'nework'; did you mean 'network'?");
  CHECK(error_of("rules parallel") == "1:1: unknown statement 'rules'; did you mean 'rule'?");
  CHECK(error_of("int s = 1") == "1:1: unknown statement 'int'; did you mean 'init'?");
  CHECK(error_of("h1 step(x)") == "1:4: expected '=' after 'h1', found 'step'");
  CHECK(error_of("foo") == "1:4: expected '=' after 'foo', found end of file");
  CHECK(error_of("2 = step(1)") == "1:1: expected a statement or an equation, found '2'");
  CHECK(error_of("x = step(1)\n  (x") == "2:3: expected a statement or an equation, found '('");
  CHECK(error_of("= step(1)") == "1:1: expected a statement or an equation, found '='");
  CHECK(error_of("sat(1)") == "1:1: 'sat' is a reserved word and cannot be a neuron name");
  CHECK(error_of("sat = step(1)") == "1:1: 'sat' is a reserved word and cannot be a neuron name");
  CHECK(error_of("input = step(1)") == "1:1: 'input' is a reserved word and cannot be a neuron name");
  CHECK(error_of("init = 3") == "1:1: 'init' is a reserved word and cannot be a neuron name");
  CHECK(error_of("seed = step(1)") == "1:1: 'seed' is a reserved word and cannot be a neuron name");
}

TEST_CASE("equation syntax errors", "[parser]") {
  CHECK(error_of("x = step(1)\nx = step(2)") == "2:1: neuron 'x' already has an equation (line 1)");
  CHECK(error_of("x =") == "1:4: expected an activation function after '=', found end of file");
  CHECK(error_of("x = 1") == "1:5: expected an activation function after '=', found '1'");
  CHECK(error_of("x = stpe(1)") == "1:5: unknown activation 'stpe'; did you mean 'step'?");
  CHECK(error_of("x = Sat(1)") == "1:5: unknown activation 'Sat'; did you mean 'sat'?");
  CHECK(error_of("x = sigmoid(1)") ==
        "1:5: unknown activation 'sigmoid'; did you mean 'logistic'? (the lecture's sigmoid is logistic)");
  CHECK(error_of("x = foo(1)") == "1:5: unknown activation 'foo'");
  CHECK(error_of("x = dist(y)") == "1:5: 'dist' is a norm, not an activation function");
  CHECK(error_of("x = step") == "1:9: expected '(' after 'step', found end of file");
  CHECK(error_of("x = step 1") == "1:10: expected '(' after 'step', found '1'");
  CHECK(error_of("x = step[2](x)") == "1:9: expected '(' after 'step', found '['");
  CHECK(error_of("x = logistic 1") == "1:14: expected '(' or '[' after 'logistic', found '1'");
  CHECK(error_of("x = logistic[](1)") == "1:14: expected a value after '[', found ']'");
  CHECK(error_of("x = logistic[2(1)") == "1:15: expected ']', found '('");
  CHECK(error_of("x = logistic[x](1)") == "1:14: expected a value after '[', found 'x'");
  CHECK(error_of("x = logistic[2") == "1:13: missing ']' to close this '['");
  CHECK(error_of("x = step(1") == "1:9: missing ')' to close this '('");
  CHECK(error_of("x = step(1 +\n\n") == "1:9: missing ')' to close this '('");
  CHECK(error_of("x = step(1))") == "1:12: expected end of line, found ')'");
  CHECK(error_of("x = step(1) y") == "1:13: expected end of line, found 'y'");
  CHECK(error_of("x = step()") == "1:10: expected a number or a neuron name, found ')'");
  CHECK(error_of("input y\nx = step(y y)") == "2:12: expected '+', '-' or ')', found 'y'");
  CHECK(error_of("input x\nh = step(x\ny = step(1)") == "3:1: expected '+', '-' or ')', found 'y'");
  // A number followed by a name on the next line is a product: `1 y`.
  CHECK(error_of("x = step(1\ny = step(1)") == "2:3: expected '+', '-' or ')', found '='");
  CHECK(error_of("x = step(2 3)") == "1:12: expected '+', '-' or ')', found '3'");
  CHECK(error_of("x = step(2 * 3 x)") == "1:14: expected a neuron name after '*', found '3'");
  CHECK(error_of("x = step(x * 2)") == "1:12: expected '+', '-' or ')', found '*'");
  CHECK(error_of("x = step(2 x / 4)") == "1:14: expected '+', '-' or ')', found '/'");
  CHECK(error_of("x = step(1 / 2)") == "1:12: expected '+', '-' or ')', found '/'");
  CHECK(error_of("x = step(x / y)") == "1:14: expected a number after '/', found 'y'");
  CHECK(error_of("x = step(x/4/2)") ==
        "1:12: cannot divide by the fraction '4/2'; write a coefficient in front of 'x' instead");
  CHECK(error_of("x = step(x / 3/4)") ==
        "1:14: cannot divide by the fraction '3/4'; write a coefficient in front of 'x' instead");
  CHECK(error_of("x = step(--x)") == "1:11: expected a number or a neuron name, found '-'");
  CHECK(error_of("x = step(1 + - x)") == "1:14: expected a number or a neuron name, found '-'");
  CHECK(error_of("x = step(1 +)") == "1:13: expected a number or a neuron name, found ')'");
  CHECK(error_of("x = step((x))") == "1:10: expected a number or a neuron name, found '('");
  CHECK(error_of("x = step(step(x))") == "1:10: activation 'step' cannot be used inside a potential");
  CHECK(error_of("x = step(2 sat)") == "1:12: activation 'sat' cannot be used inside a potential");
  CHECK(error_of("x = step(1 + rule)") == "1:14: 'rule' is a reserved word and cannot be a neuron name");
  CHECK(error_of("x = step(2 * )") == "1:14: expected a neuron name after '*', found ')'");
  CHECK(error_of("x = step(2 *") == "1:9: missing ')' to close this '('");
}

TEST_CASE("other names of the activations get the format's name", "[parser]") {
  const auto activation_error = [](std::string_view name) {
    return error_of(fmt::format("input x\ny = {}(x)\n", name));
  };
  const std::string sigmoid = "; did you mean 'logistic'? (the lecture's sigmoid is logistic)";
  CHECK(activation_error("sigmoid") == "2:5: unknown activation 'sigmoid'" + sigmoid);
  CHECK(activation_error("Sigmoid") == "2:5: unknown activation 'Sigmoid'" + sigmoid);
  CHECK(activation_error("sigm") == "2:5: unknown activation 'sigm'" + sigmoid);
  CHECK(activation_error("logsig") == "2:5: unknown activation 'logsig'" + sigmoid);
  const std::string step = "; did you mean 'step'? (step(ξ) is 1 if ξ ≥ 0, else 0)";
  CHECK(activation_error("heaviside") == "2:5: unknown activation 'heaviside'" + step);
  CHECK(activation_error("Heaviside") == "2:5: unknown activation 'Heaviside'" + step);
  CHECK(activation_error("threshold") == "2:5: unknown activation 'threshold'" + step);
  CHECK(activation_error("hardlim") == "2:5: unknown activation 'hardlim'" + step);
  CHECK(activation_error("Step") == "2:5: unknown activation 'Step'; did you mean 'step'?");
  const std::string sign = "; did you mean 'sign'? (sign(ξ) is 1 if ξ ≥ 0, else −1)";
  CHECK(activation_error("sgn") == "2:5: unknown activation 'sgn'" + sign);
  CHECK(activation_error("signum") == "2:5: unknown activation 'signum'" + sign);
  CHECK(activation_error("ReLU") == "2:5: unknown activation 'ReLU'; did you mean 'relu'?");
  CHECK(activation_error("RELU") == "2:5: unknown activation 'RELU'; did you mean 'relu'?");
  CHECK(activation_error("rectifier") ==
        "2:5: unknown activation 'rectifier'; did you mean 'relu'? (relu(ξ) is max(ξ, 0))");
  const std::string id = "; did you mean 'id'? (id(ξ) is ξ)";
  CHECK(activation_error("identity") == "2:5: unknown activation 'identity'" + id);
  CHECK(activation_error("linear") == "2:5: unknown activation 'linear'" + id);
  CHECK(activation_error("purelin") == "2:5: unknown activation 'purelin'" + id);
  CHECK(activation_error("ID") == "2:5: unknown activation 'ID'; did you mean 'id'?");
  const std::string tanh = "; did you mean 'tanh'? (the lecture's hyperbolic tangens is tanh(ξ/2))";
  CHECK(activation_error("tgh") == "2:5: unknown activation 'tgh'" + tanh);
  CHECK(activation_error("tansig") == "2:5: unknown activation 'tansig'" + tanh);
  CHECK(activation_error("Tanh") == "2:5: unknown activation 'Tanh'; did you mean 'tanh'?");
  CHECK(activation_error("tahn") == "2:5: unknown activation 'tahn'; did you mean 'tanh'?");
  CHECK(activation_error("satlin") ==
        "2:5: unknown activation 'satlin'; did you mean 'sat'? (sat(ξ) is 0 below 0, ξ between 0 and 1, 1 above 1)");
  CHECK(activation_error("logist") == "2:5: unknown activation 'logist'; did you mean 'logistic'?");
}

TEST_CASE("max(x, 0) is relu", "[parser]") {
  const std::string relu = "; did you mean 'relu'? (max(ξ, 0) is written relu(ξ))";
  CHECK(error_of("input x\ny = max(x, 0)") == "2:5: unknown activation 'max'" + relu);
  CHECK(error_of("input x\ny = max(0, x)") == "2:5: unknown activation 'max'" + relu);
  CHECK(error_of("input x\ny = Max(0, 2 x - 1)") == "2:5: unknown activation 'Max'" + relu);
  // Inside a potential it is read as a norm.
  CHECK(error_of("input x\ny = step(max(x, 0) - 1)") ==
        "2:10: unknown norm 'max'; max(ξ, 0) is the activation relu(ξ), which applies to a whole potential: "
        "N = relu(ξ)");
  CHECK(error_of("input x\ny = step(1 + 2 max(x, 0))") ==
        "2:16: unknown norm 'max'; max(ξ, 0) is the activation relu(ξ), which applies to a whole potential: "
        "N = relu(ξ)");
  CHECK(error_of("input x\ny = step(dits(x))") == "2:10: unknown norm 'dits'; did you mean 'dist'?");
}

TEST_CASE("characters copied from slides are named, at their byte column", "[parser]") {
  const std::string minus = "'−' (U+2212 MINUS SIGN) is not ASCII '-'; use ASCII '-'";
  CHECK(error_of("input x\ny = step(−1 + 2 x)") == "2:10: " + minus);
  CHECK(error_of("input x\ny = step(2 x − 1)") == "2:14: " + minus);
  CHECK(error_of("input x\ny = step(x−1)") == "2:11: " + minus);
  CHECK(error_of("input x\ny = step(1−x)") == "2:11: " + minus);
  CHECK(error_of("init s = −1/2\ns = sat(s)") == "1:10: " + minus);
  CHECK(error_of("x = logistic[−2](1)") == "1:14: " + minus);
  // Inside brackets that span lines, and after a byte order mark (counted).
  CHECK(error_of("input x\ny = step(1\n  − x)") == "3:3: " + minus);
  CHECK(error_of("\xEF\xBB\xBFy = step(−1)") == "1:13: " + minus);
  CHECK(error_of("input x\ny = step(1 – x)") ==
        "2:12: '–' (U+2013 EN DASH) is not ASCII '-'; use ASCII '-'");
  CHECK(error_of("input x\ny = step(1 — x)") ==
        "2:12: '—' (U+2014 EM DASH) is not ASCII '-'; use ASCII '-'");
  CHECK(error_of("input x\ny = step(2 × x)") ==
        "2:12: '×' (U+00D7 MULTIPLICATION SIGN) is not ASCII '*'; use ASCII '*'");
  CHECK(error_of("input x\ny = step(2·x)") ==
        "2:11: '·' (U+00B7 MIDDLE DOT) is not ASCII '*'; use ASCII '*'");
  CHECK(error_of("input x\ny = step(2 ∗ x)") ==
        "2:12: '∗' (U+2217 ASTERISK OPERATOR) is not ASCII '*'; use ASCII '*'");
  CHECK(error_of("input x\ny = step(2 ⋅ x)") ==
        "2:12: '⋅' (U+22C5 DOT OPERATOR) is not ASCII '*'; use ASCII '*'");
  CHECK(error_of("input x\ny = step(x ÷ 2)") ==
        "2:12: '÷' (U+00F7 DIVISION SIGN) is not ASCII '/'; use ASCII '/'");
  CHECK(error_of("input x\ny = step(1 + x)") ==
        "2:11: U+00A0 NO-BREAK SPACE is not an ASCII space; use an ASCII space");
  CHECK(error_of("input x1 x2") == "1:9: U+00A0 NO-BREAK SPACE is not an ASCII space; use an ASCII space");
  CHECK(error_of("input x1， x2") == "1:9: '，' (U+FF0C FULLWIDTH COMMA) is not ASCII ','; use ASCII ','");
  CHECK(error_of("y ＝ step(1)") ==
        "1:3: '＝' (U+FF1D FULLWIDTH EQUALS SIGN) is not ASCII '='; use ASCII '='");
  CHECK(error_of("input x\u2081, x\u2082") ==
        "1:8: '\u2081' (U+2081 SUBSCRIPT ONE) is not ASCII '1'; use ASCII '1'");
  // In a comment they are text like any other.
  CHECK(error_of("input x  # 1 − x\ny = step(1 - x)  # ×\n") == "no error");
  // The echoed line shows the character itself and the caret under it.
  CHECK(diagnostic_of("input x\ny = step(2 x − 1)") ==
        "test.nn:2:14: error: " + minus + "\n  y = step(2 x − 1)\n               ^");
}

TEST_CASE("division by zero in a term", "[parser]") {
  CHECK(error_of("input y\nx = step(y/0)") == "2:12: division by zero in 'y/0'");
  CHECK(error_of("input y\nx = step(y / 0.00)") == "2:14: division by zero in 'y/0.00'");
}

TEST_CASE("distance syntax errors", "[parser]") {
  CHECK(error_of("x = step(dits(x))") == "1:10: unknown norm 'dits'; did you mean 'dist'?");
  CHECK(error_of("x = step(2 norm(x))") == "1:12: unknown norm 'norm'");
  CHECK(error_of("x = step(dist)") == "1:14: expected '(' after 'dist', found ')'");
  CHECK(error_of("x = step(dist())") == "1:15: expected a neuron name, found ')'");
  CHECK(error_of("x = step(dist(1))") == "1:15: expected a neuron name, found '1'");
  CHECK(error_of("x = step(dist(x - y))") == "1:19: expected a number after '-', found 'y'");
  CHECK(error_of("x = step(dist(x * 2))") == "1:17: expected ',' or ')', found '*'");
  CHECK(error_of("x = step(dist(x,))") == "1:17: expected a neuron name, found ')'");
  CHECK(error_of("x = step(dist(dist(x)))") == "1:15: 'dist' is a reserved word and cannot be a neuron name");
  CHECK(error_of("x = step(dist(x") == "1:14: missing ')' to close this '('");
  CHECK(error_of("x = step(x + dist(x))") == "1:14: cannot mix 'dist(...)' with neuron terms in one potential");
  CHECK(error_of("x = step(dist(x) + x)") == "1:20: cannot mix neuron 'x' with 'dist(...)' in one potential");
  CHECK(error_of("x = step(dist(x) - 2 sqdist(x))") == "1:22: only one norm is allowed in a potential");
  CHECK(error_of("x = step(dist(x) + 1)") == "1:20: the constant of a distance potential must come before 'dist'");
  CHECK(error_of("x = step(1 + 2 + dist(x))") ==
        "1:18: a distance potential has at most one constant, before the norm");
}

// ---------------------------------------------------------------------------
// Errors: checks over the whole file

TEST_CASE("undefined neurons are reported at their first use", "[parser]") {
  CHECK(error_of("x = step(y)") == "1:10: undefined neuron 'y': it is not an input and has no equation or init value");
  CHECK(error_of("output y\ninput x") ==
        "1:8: undefined neuron 'y': it is not an input and has no equation or init value");
  CHECK(error_of("rule sequential a\nb = step(1)") ==
        "1:17: undefined neuron 'a': it is not an input and has no equation or init value");
  CHECK(error_of("rule schedule {b}, {c}\nb = step(1)") ==
        "1:21: undefined neuron 'c': it is not an input and has no equation or init value");
  CHECK(error_of("x = step(1 - 2 dist(x, w - 1))") ==
        "1:24: undefined neuron 'w': it is not an input and has no equation or init value");
  // The first of several problems in the file is reported.
  CHECK(error_of("a = step(b + c)\nb = id(d)\ninit c = 1\ninput c") ==
        "2:8: undefined neuron 'd': it is not an input and has no equation or init value");
  CHECK(error_of("a = step(b + c)\nb = id(d)\ninit c = 1\ninput c\nd = id(1)") ==
        "3:6: input neuron 'c' cannot have an init value");
}

TEST_CASE("rule neurons need equations", "[parser]") {
  CHECK(error_of("input x\nrule sequential y, x\ny = step(x)") == "2:20: rule names neuron 'x', which has no equation");
  CHECK(error_of("init c = 1\nrule schedule {}, {c}\n") == "2:20: rule names neuron 'c', which has no equation");
}

TEST_CASE("rule layered needs an acyclic network", "[parser]") {
  CHECK(error_of("rule layered\na = step(b)\nb = step(a)") ==
        "1:6: rule 'layered' needs an acyclic network, but it has the cycle a -> b -> a");
  CHECK(error_of("input x\nrule  layered\na = step(x + a)") ==
        "2:7: rule 'layered' needs an acyclic network, but it has the cycle a -> a");
  // A zero weight is still an edge.
  CHECK(error_of("rule layered\na = step(0 b)\nb = step(a)") ==
        "1:6: rule 'layered' needs an acyclic network, but it has the cycle a -> b -> a");
  // Without rule layered, cycles are fine.
  CHECK(error_of("a = step(b)\nb = step(a)") == "no error");
}

TEST_CASE("full diagnostics with the caret line", "[parser]") {
  CHECK(diagnostic_of(xor_example + "z = step(h1 + h3)\n") ==
        "test.nn:10:15: error: undefined neuron 'h3': it is not an input and has no equation or init value\n"
        "  z = step(h1 + h3)\n"
        "                ^");
  CHECK(diagnostic_of("input x1\n\th = stpe(x1)\n") ==
        "test.nn:2:6: error: unknown activation 'stpe'; did you mean 'step'?\n"
        "  \th = stpe(x1)\n"
        "  \t    ^");
  CHECK(diagnostic_of("x = step(1)\r\ny = step(2x)\r\n") ==
        "test.nn:2:11: error: number '2' is directly followed by 'x'; separate them with a space or '*'\n"
        "  y = step(2x)\n"
        "            ^");
  CHECK(diagnostic_of("rule layered\nh = step(1 + h)\n") ==
        "test.nn:1:6: error: rule 'layered' needs an acyclic network, but it has the cycle h -> h\n"
        "  rule layered\n"
        "       ^");
  CHECK(diagnostic_of("x = step(1\n") ==
        "test.nn:1:9: error: missing ')' to close this '('\n"
        "  x = step(1\n"
        "          ^");
}

// ---------------------------------------------------------------------------
// Robustness: no input crashes or hangs the loader

TEST_CASE("deep nesting, long lines and huge literals are plain errors", "[parser]") {
  CHECK(error_of("x = step(" + std::string(10000, '(') + "1" + std::string(10000, ')') + ")") ==
        "1:10: expected a number or a neuron name, found '('");
  CHECK(error_of(std::string(10000, '(')) == "1:1: expected a statement or an equation, found '('");
  CHECK(error_of(std::string(10000, ')')) == "1:1: expected a statement or an equation, found ')'");
  CHECK(error_of(std::string(10000, '{') + "\n" + std::string(10000, '[')) ==
        "1:1: expected a statement or an equation, found '{'");
  const std::string long_name(1000000, 'a');
  CHECK(error_of("input x\noutput " + long_name) ==
        "2:8: undefined neuron 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...': it is not an input and has no equation "
        "or init value");
  CHECK(error_of("x = step(x " + long_name + ")") ==
        "1:12: expected '+', '-' or ')', found '" + std::string(40, 'a') + "...'");
  // Many terms on one line are linear work.
  std::string many = "input x\ny = step(0";
  for (int i = 0; i < 100000; ++i) many += " + x";
  many += ")\n";
  CHECK(parse(many).equations[0].inputs[0].weight == 100000);
}

TEST_CASE("big networks load in linear time", "[parser]") {
  constexpr int n = 100000;
  std::string names, chain = "input x0\n";
  for (int i = 1; i <= n; ++i) {
    names += fmt::format("{}x{}", i > 1 ? ", " : "", i);
    chain += fmt::format("x{} = step(x{})\n", i, i - 1);
  }
  // A long layered chain, a long sequential order and a long output list.
  const network net = parse("rule layered\n" + chain);
  CHECK(net.equations.size() == n);
  CHECK(parse("rule sequential " + names + "\noutput " + names + "\n" + chain).rule.order.size() == n);
  // ... and a cycle through all of it, named by its ends.
  CHECK(error_of("rule layered\n" + chain + "x0 = step(x100000)\n") ==
        "1:6: rule 'layered' needs an acyclic network, but it has the cycle x0 -> x1 -> x2 -> x3 -> x4 -> ... -> "
        "x99996 -> x99997 -> x99998 -> x99999 -> x100000 -> x0 (100001 neurons)");
}

TEST_CASE("random bytes and mutated files only ever give located input errors", "[parser]") {
  std::mt19937_64 rng(20240607);
  const std::string alphabet = "ab x1y=+-*/()[]{},.#\n\t 0123456789eE\xff\x80step sat dist rule input";
  const std::vector<std::string> seeds{
      xor_example, recurrent_example,
      "input x1, x2\nrule schedule {r}, {}\nr = logistic[1/2](1 - 2 dist(x1 - 1/2, x2 + 3))\n"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    if (round % 2 == 0) {
      const std::size_t length = rng() % 80;
      for (std::size_t i = 0; i < length; ++i) {
        text += rng() % 4 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
      }
    } else {
      text = seeds[rng() % seeds.size()];
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !text.empty(); ++e) {
        const std::size_t at = rng() % text.size();
        switch (rng() % 3) {
          case 0: text.erase(at, 1 + rng() % 3); break;
          case 1: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
          default: text[at] = static_cast<char>(rng() % 256); break;
        }
      }
    }
    try {
      const network net = parse(text);
      // Whatever loads is a consistent network.
      for (const auto& e : net.equations) CHECK(net.at(e.target).equation.has_value());
    } catch (const input_error& e) {
      INFO(text);
      CHECK(e.has_location());
      CHECK(e.where().line >= 1);
      CHECK(e.where().column >= 1);
      CHECK(e.file() == "test.nn");
      CHECK_FALSE(std::string(e.what()).empty());
    }
  }
}

// ---------------------------------------------------------------------------
// Files

TEST_CASE("loading files", "[parser]") {
  const auto dir = std::filesystem::temp_directory_path() / "nnsim_parser_test";
  std::filesystem::create_directories(dir);
  const auto path = (dir / "xor.nn").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << xor_example;
  }
  SECTION("a file loads and its name goes into the diagnostics") {
    const network net = nnsim::load_network_file(path);
    CHECK(net.name == "xor");
    CHECK(net.source_name == path);
    CHECK(nnsim::read_text_file(path) == xor_example);
  }
  SECTION("a file that does not load names itself") {
    const auto bad = (dir / "bad.nn").string();
    {
      std::ofstream out(bad, std::ios::binary);
      out << "y = step(x)\n";
    }
    try {
      (void)nnsim::load_network_file(bad);
      FAIL("no error");
    } catch (const input_error& e) {
      CHECK(e.diagnostic() ==
            bad +
                ":1:10: error: undefined neuron 'x': it is not an input and has no equation or init value\n"
                "  y = step(x)\n"
                "           ^");
    }
  }
  SECTION("a missing file has no location") {
    const auto missing = (dir / "missing.nn").string();
    try {
      (void)nnsim::load_network_file(missing);
      FAIL("no error");
    } catch (const input_error& e) {
      CHECK_FALSE(e.has_location());
      CHECK(std::string(e.what()) == "cannot read '" + missing + "': No such file or directory");
      CHECK(e.diagnostic() == "error: cannot read '" + missing + "': No such file or directory");
    }
  }
  SECTION("a directory is not a file") {
    try {
      (void)nnsim::read_text_file(dir.string());
      FAIL("no error");
    } catch (const input_error& e) {
      CHECK(std::string(e.what()) == "cannot read '" + dir.string() + "': Is a directory");
    }
  }
  std::filesystem::remove_all(dir);
}
