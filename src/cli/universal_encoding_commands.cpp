// nnsim encode universal and nnsim decode universal: the universal network's
// input for a 2-tag system or a Turing machine and a word, and the
// simulated result read back from the network's final state
// (universal_encoding.hpp, docs/universal.md).
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/run_report.hpp"
#include "nnsim/io/text_file.hpp"
#include "nnsim/languages/compiled_configuration.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/universal/tag_parser.hpp"
#include "nnsim/universal/universal_encoding.hpp"
#include "nnsim/universal/universal_machine.hpp"

#include <fmt/format.h>

#include <memory>

namespace nnsim::cli {
namespace {

struct simulated_options {
  std::string tag_file;
  std::string machine_file;
  std::string word;
  bool word_given = false;
  std::uint64_t max_tape = std::uint64_t{1} << 24;
  bool json = false;
};

// --tag FILE | --machine FILE: what the universal network simulates.
void add_simulated_options(CLI::App& sub, simulated_options& options) {
  auto* tag = sub.add_option("--tag", options.tag_file, "a 2-tag system (.tag file, docs/tag-systems.md)")
                  ->type_name("FILE");
  auto* machine = sub.add_option("--machine", options.machine_file,
                                 "a Turing machine (.tm file), simulated through its Cocke–Minsky 2-tag system")
                      ->type_name("FILE");
  tag->excludes(machine);
  machine->excludes(tag);
}

void require_one_system(const simulated_options& options, const std::string& command) {
  if (options.tag_file.empty() && options.machine_file.empty()) {
    throw input_error(fmt::format("nnsim {} needs --tag FILE or --machine FILE", command));
  }
}

std::string shown(const tag_system& system, const tag_word& word) {
  return word.empty() ? std::string("ε") : system.word_text(word);
}

}  // namespace

command add_encode_universal_command(CLI::App& encode) {
  auto options = std::make_shared<simulated_options>();
  CLI::App* sub = encode.add_subcommand(
      "universal", "The universal network's input for a 2-tag system or a Turing machine and a word");
  add_simulated_options(*sub, *options);
  sub->add_option("--word", options->word, "the word: tag letters (--tag) or a tape word (--machine)")
      ->required()
      ->type_name("W");
  sub->add_option("--max-tape", options->max_tape, "refuse a Rogozhin tape of more cells than this")
      ->type_name("N")
      ->capture_default_str();
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "Writes the tag system in Rogozhin's form (normalised when it is not), its word, Rogozhin's tape (the input "
      "word of networks/universal/rogozhin-4-6.tm), the tape in the machine's block code of 2 bits a symbol, and "
      "δ of that: the input of the universal network (nnsim build universal). A Turing machine goes through its "
      "Cocke–Minsky 2-tag system first; its tape grows exponentially with the word.",
      {
          "nnsim encode universal --tag networks/universal/rogozhin-517.tag --word 'a1 a1 a2'",
          "nnsim encode universal --machine networks/universal/reject_at_once.tm --word 1 --json",
      }));

  command result;
  result.app = sub;
  result.execute = [options]() {
    require_one_system(*options, "encode universal");
    std::optional<universal_machine_input> through_machine;
    universal_tag_system simulated;
    universal_input input;
    tag_system given;
    if (!options->tag_file.empty()) {
      given = load_tag_file(options->tag_file);
      simulated = prepare_for_universal(given);
      input = universal_input_for(simulated, parse_tag_word(given, options->word), options->max_tape);
    } else {
      const turing_machine machine = load_machine_file(options->machine_file);
      through_machine = universal_input_for_machine(machine, options->word, options->max_tape);
      simulated = through_machine->simulated;
      input = through_machine->input;
      given = through_machine->conversion.system;
    }
    const tag_system& system = simulated.system;
    if (options->json) {
      nlohmann::ordered_json json;
      json["system"] = system.name;
      json["letters"] = system.letter_count();
      json["normalised"] = simulated.normalization.has_value();
      json["word"] = system.word_text(input.word);
      json["tape"] = input.tape.cells;
      json["binary_word"] = input.binary_word;
      json["input"] = to_string(input.code);
      write_output(dump_json(json, 2) + "\n", "");
      return 0;
    }
    std::string text;
    if (through_machine) {
      text += fmt::format("machine: {}, word {} -> Cocke–Minsky 2-tag system of {} letters\n",
                          options->machine_file, options->word.empty() ? "ε" : options->word, given.letter_count());
    }
    text += fmt::format("tag system: {} letters{}\n", system.letter_count(),
                        simulated.normalization ? ", normalised into Rogozhin's form (docs/tag-systems.md)"
                                                : ", in Rogozhin's form");
    text += fmt::format("tag word: {}\n", shown(system, input.word));
    text += fmt::format("tape: {} cells: {}\n", input.tape.cells.size(), input.tape.cells);
    text += fmt::format("binary word: {} bits: {}\n", input.binary_word.size(), input.binary_word);
    text += fmt::format("input: {}\n", to_string(input.code));
    write_output(text, "");
    return 0;
  };
  return result;
}

command add_decode_universal_command(CLI::App& decode) {
  auto options = std::make_shared<simulated_options>();
  auto run_file = std::make_shared<std::string>();
  CLI::App* sub = decode.add_subcommand(
      "universal", "The simulated result in the final state of a run of the universal network");
  sub->add_option("RUN", *run_file, "the run's JSON (nnsim run universal.nn --input … --json); - reads standard input")
      ->required()
      ->type_name("FILE");
  add_simulated_options(*sub, *options);
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "Reads Rogozhin's machine's final configuration from the state of the network (its stacks tm.A.L and "
      "tm.A.R, docs/languages.md) and the tag word on its tape right of the leftmost c: for a tag system that "
      "halted on the word w, w without its first two letters, followed by the halting letter. With --machine, the "
      "machine's verdict and final tape, read from that word.",
      {
          "nnsim run universal.nn --input \"$(nnsim encode universal --tag networks/universal/rogozhin-517.tag "
          "--word 'a1 a1 a2' --json | jq -r .input)\" --json > run.json",
          "nnsim decode universal run.json --tag networks/universal/rogozhin-517.tag",
      }));

  command result;
  result.app = sub;
  result.execute = [options, run_file]() {
    require_one_system(*options, "decode universal");
    const std::string text_of_run = read_text_file(*run_file);
    nlohmann::json run;
    try {
      run = nlohmann::json::parse(text_of_run);
    } catch (const nlohmann::json::exception& e) {
      throw input_error(fmt::format("{}: not a run's JSON: {}", *run_file, e.what()));
    }
    if (!run.is_object() || !run.contains("state") || !run["state"].is_object() || !run.contains("status")) {
      throw input_error(fmt::format("{}: not the JSON of nnsim run --json (no \"status\" and \"state\")", *run_file));
    }
    if (run["status"] != "halted") {
      throw input_error(fmt::format("{}: the run did not halt (status {}): there is no result to read", *run_file,
                                    run["status"].dump()));
    }
    const network net = build_universal_network();
    std::vector<rational> state(net.size(), rational(0));
    for (const auto& [name, value] : run["state"].items()) {
      const auto id = net.find(name);
      if (!id) throw input_error(fmt::format("{}: neuron {} is not in the universal network", *run_file, name));
      if (!value.is_string()) throw input_error(fmt::format("{}: the value of {} is not a string", *run_file, name));
      state[index(*id)] = parse_rational_value(value.get<std::string>(), name);
    }
    const machine_configuration final_configuration = read_compiled_configuration(rogozhin_machine(), net, state);
    std::string text;
    nlohmann::ordered_json json;
    if (!options->tag_file.empty()) {
      const tag_system given = load_tag_file(options->tag_file);
      const universal_tag_system simulated = prepare_for_universal(given);
      const tag_word word = universal_final_word(simulated, final_configuration);
      json["tape_word"] = simulated.system.word_text(word);
      json["word"] = given.word_text(given_letters(simulated, word));
      text += fmt::format("tag word on the tape: {}\n", shown(simulated.system, word));
      if (simulated.normalization) {
        text += fmt::format("without the padding: {}\n", shown(given, given_letters(simulated, word)));
      }
    } else {
      const turing_machine machine = load_machine_file(options->machine_file);
      const universal_machine_input encoded = machine_for_universal(machine);
      const machine_tag_result decoded = universal_machine_result(encoded, final_configuration);
      const std::string verdict(name_of(decoded.outcome));
      json["verdict"] = verdict;
      json["tape"] = decoded.final_configuration.tape;
      text += fmt::format("machine: {}\n", verdict);
      text += fmt::format("final tape, seen from the head: {}\n", describe_configuration(machine, decoded.final_configuration));
    }
    if (options->json) {
      write_output(dump_json(json, 2) + "\n", "");
    } else {
      write_output(text, "");
    }
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
