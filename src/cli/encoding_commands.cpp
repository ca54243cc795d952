// nnsim encode WORD and nnsim decode VALUE: the δ-encoding of binary words
// (semantics.md, section 6) that language recognition feeds to a network.
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/numbers/real_expression.hpp"

#include <memory>
#include <vector>

namespace nnsim::cli {

command add_encode_command(CLI::App& app) {
  auto words = std::make_shared<std::vector<std::string>>();
  CLI::App* sub = app.add_subcommand(
      "encode",
"Print the δ-code of binary words");
  sub->add_option("WORD", *words, "words over 0 and 1")->required()->type_name("");
  sub->footer(help_footer(
      "δ(w1…wn) = w1/2 + w2/4 + … + wn/2^n + 1/2^(n+1), the binary fraction 0.w1…wn1. A network with one input "
      "neuron and one output neuron recognizes a language when, on input δ(w), it stops with an output > 0 exactly "
      "for the words w of the language. The empty word ε is written \"\"; δ(ε) = 1/2.",
      {
      "nnsim encode 11001       # 51/64 (binary 0.110011)",
      "nnsim encode \"\" 0 1      # 1/2, 1/4 and 3/4, one per line",
      }));

  command result;
  result.app = sub;
  result.execute = [words]() {
    std::string text;
    for (const std::string& word : *words) text += to_string(delta_encode(word)) + "\n";
    write_output(text, "");
    return 0;
  };
  return result;
}

command add_decode_command(CLI::App& app) {
  auto values = std::make_shared<std::vector<std::string>>();
  CLI::App* sub = app.add_subcommand(
      "decode",
"Print the binary word of a δ-code");
  sub->add_option("VALUE", *values, "δ-codes, e.g. 51/64 or 0.796875")->required()->type_name("");
  sub->footer(help_footer(
      "A δ-code is a/2^m with a odd and m ≥ 1, strictly between 0 and 1; its word is its first m-1 binary digits. "
      "Any other value is an error (exit code 2). The empty word ε prints as an empty line.",
      {
      "nnsim decode 51/64       # 11001",
      "nnsim decode 0.25        # 0",
      "nnsim decode 1/3         # error: its denominator is not a power of two",
      }));

  command result;
  result.app = sub;
  result.execute = [values]() {
    // Every value is decoded before anything is printed, so a bad one leaves
    // standard output empty.
    std::string text;
    for (const std::string& value : *values) text += delta_decode(parse_rational_value(value, "value")) + "\n";
    write_output(text, "");
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
