// The parsers of command-line values (cli.md): value vectors (`--input
// 1,0,1/2`, and the network input `--input 'sqrt(2)/2, 1'` with irrational
// values), single values (`--rate`, `decode`) and constant expressions, rule
// names (`--rule random:SEED`), number modes (`--numbers real:P`), words for
// the δ-encoding (`--word`, `encode`), δ-codes (`decode`) and gate names
// (`build gate atleast:K`).  Any text either parses or is refused with an
// input_error; what parses is printed and must parse back to the same value.
#include "fuzz_check.hpp"

#include "cli/cli_options.hpp"
#include "nnsim/boolean/logic_gates.hpp"
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/number_mode.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/numbers/real_rounding.hpp"
#include "nnsim/run/update_rule.hpp"

#include <string>

namespace {

using namespace nnsim;

void value_list(std::string_view text) {
  const std::vector<rational> values = cli::parse_value_list(text, "--input");
  std::string printed;
  for (std::size_t i = 0; i < values.size(); ++i) printed += (i > 0 ? "," : "") + to_string(values[i]);
  fuzz::require(cli::parse_value_list(printed, "--input") == values, "the values read back differently: " + printed);
}

// The same text as the network input of --input, where a value may be
// irrational: every rational value reads back, and every irrational one is
// written back as an expression that reads back to the same text.
void input_list(std::string_view text) {
  const cli::input_values input = cli::parse_input_list(text, "--input");
  fuzz::require(input.expressions.empty() || input.expressions.size() == input.values.size(),
                "one expression per value, or none");
  for (std::size_t i = 0; i < input.values.size(); ++i) {
    const real_expression_ptr irrational = input.expressions.empty() ? nullptr : input.expressions[i];
    if (irrational == nullptr) {
      fuzz::require(parse_real_value(to_string(input.values[i])).exact == input.values[i],
                    "an input value reads back differently: " + to_string(input.values[i]));
      continue;
    }
    fuzz::require(!irrational->value, "a rational value kept as an expression: " + to_string(*irrational));
    const std::string printed = to_string(*irrational);
    const real_value again = parse_real_value(printed);
    fuzz::require(again.irrational != nullptr && to_string(*again.irrational) == printed,
                  "an irrational input value reads back differently: " + printed);
  }
}

void value(std::string_view text) {
  const rational v = parse_value(text, "value");
  fuzz::require(parse_value(to_string(v)) == v, "the value reads back differently: " + to_string(v));
}

// A value as a constant expression (reals.md): what parses is written back
// and must read back to the same text and value; its enclosure is computed.
void expression(std::string_view text) {
  const real_expression_ptr e = parse_value_expression(text, "value");
  const std::string printed = to_string(*e);
  const real_expression_ptr again = parse_value_expression(printed, "value");
  fuzz::require(to_string(*again) == printed, "the expression is written back differently: " + printed);
  fuzz::require(again->value == e->value, "the expression reads back to another value: " + printed);
  try {
    check_enclosure(*e);
  } catch (const expression_error&) {
    // a domain error the enclosure proves: refused, as the loader refuses it
  }
}

void rule(std::string_view text) {
  const rule_spec spec = parse_rule_option(text);
  std::string printed(name_of(spec.kind));
  if (spec.kind == rule_kind::random) printed += ":" + std::to_string(spec.seed);
  fuzz::require(parse_rule_option(printed) == spec, "the rule reads back differently: " + printed);
}

void numbers(std::string_view text) {
  const number_mode mode = number_mode::parse(text);
  fuzz::require(number_mode::parse(mode.name()) == mode, "the number mode reads back differently: " + mode.name());
}

void word(std::string_view text) {
  const rational code = delta_encode(text);
  fuzz::require(is_delta_code(code), "δ(" + std::string(text) + ") is not a δ-code: " + to_string(code));
  fuzz::require(delta_decode(code) == text, "δ(" + std::string(text) + ") decodes to another word");
}

void code(std::string_view text) {
  const rational code = parse_value(text, "value");
  std::string word;
  try {
    word = delta_decode(code);
  } catch (const input_error& e) {
    fuzz::require(!is_delta_code(code), "a δ-code that does not decode: " + to_string(code));
    throw;
  }
  fuzz::require(delta_encode(word) == code, "the decoded word encodes to another value: " + to_string(code));
}

void gate(std::string_view text, std::optional<unsigned> arity) {
  const gate_spec gate = parse_gate(text, arity);
  fuzz::require(parse_gate(gate_name(gate), gate.arity) == gate, "the gate reads back differently: " + gate_name(gate));
  fuzz::require(!describe_gate(gate).empty(), "a gate without a description");
}

}  // namespace

// The first byte chooses the parser; the rest is the text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  try {
    switch (data[0] % 8) {
      case 0:
        try {
          input_list(text);
        } catch (const input_error& e) {
          fuzz::check_diagnostic(e);
        }
        value_list(text);
        break;
      case 1:
        try {
          expression(text);
        } catch (const input_error& e) {
          fuzz::check_diagnostic(e);
        }
        value(text);
        break;
      case 2: rule(text); break;
      case 3: numbers(text); break;
      case 4: word(text); break;
      case 5: code(text); break;
      case 6: gate(text, std::nullopt); break;
      case 7: gate(text, data[0] / 8); break;
    }
  } catch (const input_error& e) {
    fuzz::check_diagnostic(e);
  }
  return 0;
}
