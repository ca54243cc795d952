// nnsim build oracle: the super-Turing network (oracle_network.hpp) for a
// language given as a list of words, a Turing machine run directly, or a
// built-in demonstration language, with the first 2^(n+1) - 1 digits of
// its weight w_L.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/languages/language_prefix.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/languages/oracle_network.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <memory>
#include <optional>

namespace nnsim::cli {
namespace {

// The default --max-len for a machine or a demonstration language: 127
// words, decided in at most a few thousand steps each.
constexpr std::size_t default_max_length = 6;

// "the words 0, 11 and 101", "the empty language".
std::string describe_words(std::vector<std::string> words) {
  if (words.empty()) return "the empty language (no word)";
  // In shortlex order, each once.
  std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::vector<std::string> shown;
  for (const std::string& word : words) shown.push_back(word.empty() ? "ε" : word);
  constexpr std::size_t listed = 12;
  if (shown.size() > listed) {
    const std::size_t count = shown.size();
    shown.resize(listed);
    return fmt::format("exactly {} words: {}, …", count, fmt::join(shown, ", "));
  }
  return fmt::format("exactly the word{} {}", shown.size() == 1 ? "" : "s", fmt::join(shown, ", "));
}

}  // namespace

command add_build_oracle_command(CLI::App& build) {
  struct oracle_options {
    std::string words;
    std::string machine;
    std::string demo;
    std::size_t max_length = default_max_length;
    std::uint64_t max_steps = run_limits{}.max_steps;
    std::string output;
    CLI::Option* words_option = nullptr;
    CLI::Option* max_length_option = nullptr;
  };
  auto options = std::make_shared<oracle_options>();
  CLI::App* sub = build.add_subcommand(
      "oracle", "The super-Turing network: any language in one real weight w_L (a finite prefix of it)");
  options->words_option =
      sub->add_option("--words", options->words,
                      "the language is exactly these words (comma-separated; an empty item or ε is the empty word)")
          ->type_name("W1,W2,...");
  auto* machine_option =
      sub->add_option("--machine", options->machine,
                      "the language of this Turing machine (.tm file), each word run directly")
          ->type_name("FILE.tm");
  std::vector<std::string> demo_names;
  for (const demo_language& demo : demo_languages()) demo_names.push_back(std::string(demo.name));
  auto* demo_option =
      sub->add_option("--demo", options->demo,
                      fmt::format("a demonstration language: {}", fmt::join(demo_names, ", ")))
          ->type_name("NAME");
  options->words_option->excludes(machine_option)->excludes(demo_option);
  machine_option->excludes(demo_option);
  options->max_length_option =
      sub->add_option("--max-len", options->max_length,
                      fmt::format("the weight decides the words of length 0 .. N (2^(N+1) - 1 digits; default: the "
                                  "longest of --words, else {}; at most {})",
                                  default_max_length, max_language_prefix_length))
          ->type_name("N")
          ->check(CLI::Validator(
              [](std::string& text) -> std::string {
                std::uint64_t value = 0;
                const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
                if (text.empty() || error == std::errc::invalid_argument || end != text.data() + text.size()) {
                  return fmt::format("'{}' is not a whole number", text);
                }
                if (error != std::errc::result_out_of_range && value <= max_language_prefix_length) return {};
                return fmt::format("{} is too large (at most {}: the weight of the words up to length N has "
                                   "2^(N+1) - 1 base-4 digits, and a number in a network file at most {} decimal "
                                   "digits)",
                                   text, max_language_prefix_length, max_number_digits);
              },
              ""));
  sub->add_option("--max-steps", options->max_steps,
                  "with --machine: the most transitions of one direct run; a word still running then is an error")
      ->type_name("N")
      ->capture_default_str()
      ->check(whole_number_check(1, std::numeric_limits<std::uint64_t>::max()));
  add_output_option(*sub, options->output);
  std::vector<std::string> demo_lines;
  for (const demo_language& demo : demo_languages()) demo_lines.push_back(fmt::format("{}: {}", demo.name, demo.description));
  sub->footer(help_footer(
      fmt::format(
          "Siegelmann and Sontag's construction (docs/reals.md): w_L = Σ d_i 4^-i has digit d_i = 3 when the i-th "
          "word in shortlex order (ε, 0, 1, 00, …) is in L and 1 when not. The network ({} sat neurons, whatever the "
          "language; rational weights except w_L, which is a `const` used once) reads δ(ω), counts the position "
          "i(ω) = int(\"1\"ω, 2) in unary while it pops i(ω) - 1 digits off w_L, and halts with output 1 when the "
          "top digit is 3 and 0 when it is 1. nnsim writes the first 2^(N+1) - 1 digits exactly, so the network "
          "decides the words of length 0..N and rejects longer ones. The language is one of --words, --machine "
          "(a word on which the machine neither halts nor repeats a configuration within --max-steps is an error: "
          "its membership is never guessed) or --demo, a built-in language: {}.",
          oracle_network_neurons, fmt::join(demo_lines, "; ")),
      {
      "nnsim build oracle --demo palindromes --max-len 4 -o palindromes.nn",
      "nnsim build oracle --words 0,11,101 -o three_words.nn       # --max-len 3, the longest word",
      "nnsim build oracle --machine networks/machines/even_ones.tm --max-len 5",
      "nnsim check oracle palindromes.nn                            # every word of length 0..4",
      }));

  command result;
  result.app = sub;
  result.execute = [options, sub]() {
    const bool has_words = options->words_option->count() > 0;
    const bool has_machine = sub->get_option("--machine")->count() > 0;
    const bool has_demo = sub->get_option("--demo")->count() > 0;
    if (!has_words && !has_machine && !has_demo) {
      throw input_error("build oracle needs a language: --words W1,W2,..., --machine FILE.tm or --demo NAME");
    }
    const bool length_given = options->max_length_option->count() > 0;
    std::string description;
    std::string source;  // the options that name the language, for the comment
    std::optional<language_prefix> language;
    if (has_words) {
      const std::vector<std::string> words = split_word_list(options->words);
      std::size_t longest = 0;
      for (const std::string& word : words) longest = std::max(longest, word.size());
      const std::size_t max_length = length_given ? options->max_length : longest;
      language.emplace(language_from_words(words, max_length));
      description = describe_words(words);
      source = fmt::format("--words '{}'", options->words);
    } else if (has_machine) {
      const turing_machine machine = load_machine_file(options->machine);
      language.emplace(language_from_machine(machine, options->max_length, options->max_steps));
      description = fmt::format("the language of the Turing machine {}({}), each word run directly",
                                machine.name.empty() ? "" : fmt::format("'{}' ", machine.name), options->machine);
      source = fmt::format("--machine {}", options->machine);
    } else {
      const demo_language& demo = find_demo_language(options->demo);
      language.emplace(language_from_demo(demo, options->max_length));
      description = fmt::format("{}, the demonstration language '{}'", demo.description, demo.name);
      source = fmt::format("--demo {}", demo.name);
    }
    network net = build_oracle_network(*language, description);
    const std::string file = options->output.empty() || options->output == "-" ? "FILE" : options->output;
    net.comment += fmt::format("\nBuilt with: nnsim build oracle {} --max-len {}{}\nCheck with: nnsim check oracle {}",
                               source, language->max_length(), file == "FILE" ? "" : " -o " + file, file);
    write_output(write_network(net), options->output);
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
