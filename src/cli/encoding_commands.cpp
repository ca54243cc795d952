// nnsim encode WORD and nnsim decode VALUE: the δ-encoding of binary words
// (semantics.md, section 6) that language recognition feeds to a network.
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/machine_code.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/numbers/real_expression.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

namespace nnsim::cli {

namespace {

// --code FILE.tm: the words are tape words over the machine's input symbols
// (machine_code.hpp), coded in blocks of bits.
CLI::Option* add_code_option(CLI::App& sub, std::string& machine_file) {
  return sub.add_option("--code", machine_file,
                        "a Turing machine (.tm) whose block code turns tape words over its input symbols into "
                        "binary words (docs/machine-format.md)")
      ->type_name("FILE.tm");
}

std::string shown(const std::string& word) { return word.empty() ? "ε" : word; }

}  // namespace

command add_encode_command(CLI::App& app) {
  auto words = std::make_shared<std::vector<std::string>>();
  auto machine_file = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand(
      "encode",
"Print the δ-code of binary words");
  sub->add_option("WORD", *words, "words over 0 and 1 (with --code: over the machine's input symbols)")
      ->type_name("");
  add_code_option(*sub, *machine_file);
  const command universal = add_encode_universal_command(*sub);
  // WORD is required unless `encode universal` was named.
  sub->callback([sub, universal, words]() {
    if (!universal.app->parsed() && words->empty()) throw CLI::RequiredError(sub->get_option("WORD")->get_name());
  });
  sub->footer(help_footer(
      "δ(w1…wn) = w1/2 + w2/4 + … + wn/2^n + 1/2^(n+1), the binary fraction 0.w1…wn1. A network with one input "
      "neuron and one output neuron recognizes a language when, on input δ(w), it stops with an output > 0 exactly "
      "for the words w of the language. The empty word ε is written \"\"; δ(ε) = 1/2.",
      {
      "nnsim encode 11001       # 51/64 (binary 0.110011)",
      "nnsim encode \"\" 0 1      # 1/2, 1/4 and 3/4, one per line",
      "nnsim encode --code networks/machines/abc.tm abc   # 000110 13/128: the binary word, its δ-code",
      }));

  command result;
  result.app = sub;
  result.execute = [words, machine_file, universal]() {
    if (universal.app->parsed()) return universal.execute();
    std::string text;
    if (machine_file->empty()) {
      for (const std::string& word : *words) text += to_string(delta_encode(word)) + "\n";
    } else {
      const machine_code code(load_machine_file(*machine_file));
      for (const std::string& word : *words) {
        const std::string binary = code.encode(word);
        text += fmt::format("{} {}\n", shown(binary), to_string(delta_encode(binary)));
      }
    }
    write_output(text, "");
    return 0;
  };
  return result;
}

command add_decode_command(CLI::App& app) {
  auto values = std::make_shared<std::vector<std::string>>();
  auto machine_file = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand(
      "decode",
"Print the binary word of a δ-code");
  sub->add_option("VALUE", *values, "δ-codes, e.g. 51/64 or 0.796875")->type_name("");
  add_code_option(*sub, *machine_file);
  const command universal = add_decode_universal_command(*sub);
  sub->callback([sub, universal, values]() {
    if (!universal.app->parsed() && values->empty()) throw CLI::RequiredError(sub->get_option("VALUE")->get_name());
  });
  sub->footer(help_footer(
      "A δ-code is a/2^m with a odd and m ≥ 1, strictly between 0 and 1; its word is its first m-1 binary digits. "
      "Any other value is an error (exit code 2). The empty word ε prints as an empty line.",
      {
      "nnsim decode 51/64       # 11001",
      "nnsim decode 0.25        # 0",
      "nnsim decode 1/3         # error: its denominator is not a power of two",
      "nnsim decode --code networks/machines/abc.tm 13/128    # 000110 abc: the binary word, the tape word",
      }));

  command result;
  result.app = sub;
  result.execute = [values, machine_file, universal]() {
    if (universal.app->parsed()) return universal.execute();
    // Every value is decoded before anything is printed, so a bad one leaves
    // standard output empty.
    std::string text;
    std::optional<machine_code> code;
    if (!machine_file->empty()) code.emplace(load_machine_file(*machine_file));
    for (const std::string& value : *values) {
      const std::string binary = delta_decode(parse_rational_value(value, "value"));
      if (!code) {
        text += binary + "\n";
        continue;
      }
      // A cell no symbol has is shown as `?` (it is not a tape symbol).
      std::string tape = code->decode(binary);
      std::replace(tape.begin(), tape.end(), unassigned_cell, '?');
      text += fmt::format("{} {}\n", shown(binary), shown(tape));
    }
    write_output(text, "");
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
