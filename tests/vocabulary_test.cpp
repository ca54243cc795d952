// Tests of the vocabulary tables (vocabulary.hpp) and of what reads them: the
// name functions, the lexer's reserved words, the rule registry and the two
// forms of a rule, the number modes and the text helpers.
#include "io/network_lexer.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/numbers/number_mode.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "support/splitmix64.hpp"
#include "support/text.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/model/vocabulary.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <set>
#include <string>
#include <string_view>

using namespace nnsim;

namespace {

// The message of the input_error that `f` throws, or "no error".
template <class F>
std::string message_of(F f) {
  try {
    f();
  } catch (const input_error& e) {
    return e.what();
  }
  return "no error";
}

network load(std::string_view text) { return parse_network(text, "test.nn"); }

}  // namespace

TEST_CASE("every activation and norm name round-trips through its table", "[vocabulary]") {
  for (const auto& word : activation_words) {
    CHECK(name_of(word.value) == word.name);
    CHECK(activation_from_name(word.name) == word.value);
    CHECK(is_exact_in_rational_mode(word.value) == word.exact_in_rational_mode);
    CHECK(!word.help.empty());
  }
  for (const auto& word : norm_words) {
    CHECK(name_of(word.value) == word.name);
    CHECK(norm_from_name(word.name) == word.value);
    CHECK(is_exact_in_rational_mode(word.value) == word.exact_in_rational_mode);
    CHECK(!word.help.empty());
  }
  for (const auto& word : rule_words) {
    CHECK(name_of(word.value) == word.name);
    CHECK(rule_from_name(word.name) == word.value);
    CHECK(!word.help.empty());
  }
  CHECK(!activation_from_name("sigmoid"));
  CHECK(!norm_from_name("step"));
  CHECK(!rule_from_name("seed"));
  // The exactness the semantics fixes.
  CHECK(!is_exact_in_rational_mode(activation::logistic));
  CHECK(!is_exact_in_rational_mode(activation::tanh));
  CHECK(is_exact_in_rational_mode(activation::sat));
  CHECK(!is_exact_in_rational_mode(norm_kind::dist));
  CHECK(is_exact_in_rational_mode(norm_kind::sqdist));
}

TEST_CASE("the lexer reserves exactly the table's reserved words", "[vocabulary]") {
  std::set<std::string_view> reserved;
  for (const auto& k : keywords) reserved.insert(k.name);
  for (const auto& w : activation_words) {
    if (w.reserved) reserved.insert(w.name);
  }
  for (const auto& w : norm_words) {
    if (w.reserved) reserved.insert(w.name);
  }
  for (const auto& w : rule_words) {
    if (w.reserved) reserved.insert(w.name);
  }
  // The words of constant expressions (real_expression.hpp); tanh is one
  // already.
  reserved.insert("pi");
  reserved.insert("e");
  for (const auto& w : real_function_words) reserved.insert(w.name);
  CHECK(reserved.size() == 33);
  for (std::string_view word : reserved) {
    INFO(word);
    CHECK(is_reserved_word(word));
    CHECK(message_of([&] { load(fmt::format("{} = id(1)\n", word)); }) ==
          fmt::format("'{}' is a reserved word and cannot be a neuron name", word));
  }
  for (std::string_view word : {"x", "Step", "steps", "seeds", "real", "rational", "double", "ξ"}) {
    INFO(word);
    CHECK(!is_reserved_word(word));
  }
}

TEST_CASE("the activation aliases are other names, each for an activation of the table", "[vocabulary]") {
  std::set<std::string> seen;
  for (const activation_alias& alias : activation_aliases) {
    INFO(alias.alias);
    CHECK(is_identifier(alias.alias));
    CHECK(!activation_from_name(alias.alias));
    // max is a function of constant expressions, so reserved.
    CHECK(is_reserved_word(alias.alias) == (alias.alias == "max"));
    CHECK(seen.insert(std::string(alias.alias)).second);
    CHECK(activation_alias_named(alias.alias) == &alias);
    CHECK(activation_suggestion(alias.alias) ==
          fmt::format("; did you mean '{}'? ({})", name_of(alias.meant), alias.remark));
  }
  CHECK(activation_alias_named("SIGMOID") == activation_alias_named("sigmoid"));
  CHECK(activation_alias_named("sigmoid")->meant == activation::logistic);
  CHECK(activation_alias_named("max")->meant == activation::relu);
  CHECK(activation_alias_named("sigmoids") == nullptr);
  CHECK(activation_suggestion("stpe") == "; did you mean 'step'?");
  CHECK(activation_suggestion("softmax").empty());
}

TEST_CASE("the statement keywords are the ones that start a statement", "[vocabulary]") {
  CHECK(statement_words() == std::vector<std::string_view>{"network", "input", "output", "rule", "init", "const"});
}

TEST_CASE("word lists for messages and help", "[vocabulary]") {
  CHECK(alternatives({}) == "");
  CHECK(alternatives({"a"}) == "a");
  CHECK(alternatives({"a", "b"}) == "a or b");
  CHECK(alternatives({"a", "b", "c"}, ", or ") == "a, b, or c");
  CHECK(rule_file_alternatives() == "parallel, sequential, layered, random or schedule");
  CHECK(rule_option_alternatives() == "parallel, sequential, layered, random or random:SEED");
  CHECK(number_mode_alternatives() == "rational, double, real:P, interval:P or certified");
  CHECK(number_mode_help() ==
        "rational (exact), double, real:P (P-bit binary floating point), interval:P (intervals of P-bit bounds, "
        "proven verdicts), or certified (intervals, the precision raised until the verdict is proven)");
  CHECK(inexact_number_mode_options() == "--numbers certified, interval:P, real:P or double");
}

TEST_CASE("every rule of the table has a registered factory", "[vocabulary]") {
  network net = load("input x\noutput y\ny = step(x)\n");
  for (const auto& word : rule_words) {
    INFO(word.name);
    CHECK(is_registered_rule(word.name));
    rule_spec spec;
    spec.kind = word.value;
    if (word.value == rule_kind::schedule) spec.sets = {{*net.find("y")}};
    const auto rule = make_update_rule(net, spec);
    REQUIRE(rule != nullptr);
    CHECK(rule->universe() == std::vector<equation_index>{0});
  }
  CHECK(!is_registered_rule("chaotic"));
}

TEST_CASE("a rule on the command line and in a file is the same rule_spec", "[vocabulary]") {
  const std::string eqs = "\ny = id(1)\n";
  CHECK(parse_rule_option("random:7") == load("rule random seed 7" + eqs).rule);
  CHECK(parse_rule_option("random") == load("rule random" + eqs).rule);
  CHECK(parse_rule_option("random:18446744073709551615") == load("rule random seed 18446744073709551615" + eqs).rule);
  for (const auto& word : rule_words) {
    if (!word.on_command_line) continue;
    INFO(word.name);
    CHECK(parse_rule_option(word.name) == load(fmt::format("rule {}", word.name) + eqs).rule);
  }
}

TEST_CASE("a bad rule name or seed is refused by both forms", "[vocabulary]") {
  const std::string eqs = "\ny = id(1)\n";
  for (std::string_view name : {"chaotic", "seed", "Random", "schedul"}) {
    INFO(name);
    const std::string option = message_of([&] { parse_rule_option(name); });
    const std::string file = message_of([&] { load(fmt::format("rule {}", name) + eqs); });
    const std::string start = fmt::format("unknown rule '{}'", name);
    CHECK(option.starts_with(start));
    CHECK(file.starts_with(start));
  }
  CHECK(message_of([] { parse_rule_option("chaotic"); }) ==
        "unknown rule 'chaotic': expected parallel, sequential, layered, random or random:SEED");
  CHECK(message_of([] { load("rule chaotic\ny = id(1)\n"); }) ==
        "unknown rule 'chaotic' (expected parallel, sequential, layered, random or schedule)");
  CHECK(message_of([] { parse_rule_option("paralel"); }) == "unknown rule 'paralel'; did you mean 'parallel'?");
  CHECK(message_of([] { parse_rule_option("Sequential"); }) == "unknown rule 'Sequential'; did you mean 'sequential'?");
  CHECK(message_of([] { parse_rule_option("rnadom:3"); }) == "unknown rule 'rnadom:3'; did you mean 'random'?");
  CHECK(message_of([] { load("rule paralel\ny = id(1)\n"); }) == "unknown rule 'paralel'; did you mean 'parallel'?");
  // A schedule needs neuron names, which the command line cannot give.
  CHECK(message_of([] { parse_rule_option("schedule"); }).starts_with("unknown rule 'schedule'"));
  CHECK(message_of([] { parse_rule_option("parallel:3"); }).starts_with("unknown rule 'parallel:3'"));
  // The same seeds are refused in both forms.
  for (std::string_view seed : {"18446744073709551616", "1e3", "3/4", "0.5"}) {
    INFO(seed);
    CHECK(message_of([&] { parse_rule_option(fmt::format("random:{}", seed)); }) ==
          fmt::format("invalid seed in rule 'random:{}': expected an integer from 0 to 18446744073709551615", seed));
    CHECK(message_of([&] { load(fmt::format("rule random seed {}", seed) + eqs); }) ==
          fmt::format("expected the seed, an integer from 0 to 18446744073709551615, found '{}'", seed));
  }
  CHECK(!parse_seed(""));
  CHECK(!parse_seed("-1"));
  CHECK(!parse_seed("+1"));
  CHECK(parse_seed("0") == 0u);
  CHECK(parse_seed("42") == 42u);
}

TEST_CASE("number modes read their table", "[vocabulary]") {
  for (const auto& word : number_mode_words) {
    INFO(word.form);
    const number_mode mode = number_mode::parse(word.takes_precision ? fmt::format("{}:64", word.name)
                                                                      : std::string(word.name));
    CHECK(mode.type == word.value);
    CHECK(mode.exact() == word.exact_in_rational_mode);
    CHECK(number_mode::parse(mode.name()) == mode);
  }
  CHECK(number_mode::parse("double").precision == 53);
  CHECK(number_mode::parse("real:64").name() == "real:64");
  CHECK(message_of([] { number_mode::parse("float"); }) ==
        "unknown number mode 'float': expected rational, double, real:P, interval:P or certified");
  CHECK(message_of([] { number_mode::parse("rationl"); }) == "unknown number mode 'rationl'; did you mean 'rational'?");
  CHECK(message_of([] { number_mode::parse("Double"); }) == "unknown number mode 'Double'; did you mean 'double'?");
  CHECK(message_of([] { number_mode::parse("real"); }) == "number mode 'real' needs a precision in bits: real:P, from 2 to 100000 (e.g. real:128)");
  CHECK(message_of([] { number_mode::parse("real:1"); }) ==
        "invalid number mode 'real:1': the precision of real:P must be an integer from 2 to 100000");
}

TEST_CASE("the exactness check names the first inexact equation", "[vocabulary]") {
  const network exact = load("input x\ny = sat(sqdist(x - 1))\nz = relu(x)\n");
  CHECK(first_inexact_equation(exact) == nullptr);
  const network net = load("input x\ny = sat(x)\nz = tanh(dist(x))\nw = logistic(x)\n");
  const equation* e = first_inexact_equation(net);
  REQUIRE(e != nullptr);
  CHECK(net.name_of(e->target) == "z");
  CHECK(!is_exact_in_rational_mode(*e));
  CHECK(is_exact_in_rational_mode(net.equations[0]));
}

TEST_CASE("a value copied from a slide names the character", "[vocabulary]") {
  CHECK(message_of([] { parse_value("\u22121/2", "value"); }) ==
        "invalid value '\u22121/2': '\u2212' (U+2212 MINUS SIGN) is not ASCII '-'; use ASCII '-'");
  CHECK(message_of([] { parse_value("1/2\u00a0", "value"); }) ==
        "invalid value '1/2\u00a0': U+00A0 NO-BREAK SPACE is not an ASCII space; use an ASCII space");
  CHECK(message_of([] { parse_value("2\u00d710", "value"); }) ==
        "invalid value '2\u00d710': '\u00d7' (U+00D7 MULTIPLICATION SIGN) is not ASCII '*'; use ASCII '*'");
  CHECK(message_of([] { parse_value("-x", "value"); }) == "invalid value '-x': expected a number");
  CHECK(parse_value("-1/2", "value") == rational(-1, 2));
}

TEST_CASE("text helpers", "[vocabulary]") {
  CHECK(is_identifier("x1"));
  CHECK(is_identifier("_tm.q0.read"));
  CHECK(!is_identifier(""));
  CHECK(!is_identifier("1x"));
  CHECK(!is_identifier("x."));
  CHECK(!is_identifier("x-y"));
  CHECK(split_lines("") == std::vector<std::string>{""});
  CHECK(split_lines("a\r\nb\n") == std::vector<std::string>{"a", "b", ""});
  CHECK(lowercase_first("Unexpected end") == "unexpected end");
  CHECK(lowercase_first("FILE is required") == "FILE is required");
  CHECK(lowercase_first("A") == "A");
}

// One escaping for the SVG pictures and the trace page's <title>: the
// characters each escaped before, & < > and " ', with what XML forbids.
TEST_CASE("text is escaped for XML and HTML", "[vocabulary]") {
  CHECK(xml_text("a < b && c > \"d\" 'e'") == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos;");
  CHECK(xml_text("</title><script>x</script>") == "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;");
  CHECK(xml_text("two\nlines\tand a tab") == "two lines and a tab");
  CHECK(xml_text("ε ± √") == "ε ± √");
  CHECK(xml_text("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
  CHECK(xml_text("\xEF\xBF\xBE") == "\xEF\xBF\xBD");  // U+FFFE is no XML character
}

TEST_CASE("the SplitMix64 generator applies the shared finaliser", "[vocabulary]") {
  splitmix64 generator(0);
  // The first outputs for seed 0 (Steele, Lea and Flood's reference values).
  CHECK(generator.next() == 0xE220A8397B1DCDAFULL);
  CHECK(generator.next() == 0x6E789E6AA1B965F4ULL);
  CHECK(mix_hash(0x9E3779B97F4A7C15ULL) == 0xE220A8397B1DCDAFULL);
}

TEST_CASE("a single-neuron network", "[vocabulary]") {
  const network net = single_neuron_network({"a", "b", "c"}, "y", {rational(2), rational(0), rational(-1, 2)}, 1);
  CHECK(net.inputs.size() == 3);
  REQUIRE(net.outputs.size() == 1);
  CHECK(net.name_of(net.outputs[0]) == "y");
  REQUIRE(net.equations.size() == 1);
  const equation& e = net.equations[0];
  CHECK(e.act == activation::step);
  CHECK(e.bias == 1);
  REQUIRE(e.inputs.size() == 2);
  CHECK(net.name_of(e.inputs[1].source) == "c");
  CHECK(e.inputs[1].weight == rational(-1, 2));
}
