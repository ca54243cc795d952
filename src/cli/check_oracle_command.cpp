// nnsim check oracle NET [--max-len N]: a network with a language weight
// `const w_L` run on every word of length 0..N and compared with the
// language the weight's digits encode (oracle_check.hpp), one line per
// length.  Exit 1 when a word is not classified as the weight says.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/progress_display.hpp"
#include "cli/run_report.hpp"
#include "cli/text_table.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/languages/oracle_check.hpp"
#include "nnsim/languages/oracle_network.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>

namespace nnsim::cli {
namespace {

// Enough steps for every word the largest weight decides: a word ω takes
// about 27 i(ω) steps, and i(ω) < 2^17 for the words of length 16.
constexpr std::uint64_t default_max_steps = 10'000'000;

std::string shown(const std::string& word) { return word.empty() ? "ε" : word; }

std::string precision_cell(const std::optional<unsigned>& precision) {
  return precision ? fmt::format("{} bits", *precision) : "exact";
}

std::string correct_cell(const oracle_length_report& line) {
  return line.correct == line.words ? "all" : fmt::format("{} of {}", line.correct, line.words);
}

}  // namespace

command add_check_oracle_command(CLI::App& check, cli_context& context) {
  struct oracle_check_options {
    std::string file;
    std::size_t max_length = 0;
    computation_options computation;
    bool json = false;
    CLI::Option* max_length_option = nullptr;
  };
  auto options = std::make_shared<oracle_check_options>();
  options->computation.max_steps = default_max_steps;
  options->computation.numbers = "certified";  // the proof the issue asks for (reals.md, section 4)
  CLI::App* sub = check.add_subcommand(
      "oracle", "A super-Turing network against the language its weight w_L encodes, on every short word");
  add_file_argument(*sub, options->file)->description("the network (.nn file with `const w_L = …`); - reads standard input");
  options->max_length_option =
      sub->add_option("--max-len", options->max_length,
                      "check every word of length 0 .. N (default: every length the weight decides)")
          ->type_name("N")
          ->check(whole_number_check(0, max_language_prefix_length));
  add_numbers_option(*sub, options->computation.numbers);
  add_max_steps_option(*sub, options->computation.max_steps);
  add_max_bits_option(*sub, options->computation.max_bits);
  add_max_memory_option(*sub, options->computation.max_memory);
  add_max_precision_option(*sub, options->computation.max_precision);
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "Reads the language from the digits of the network's weight w_L (digit i is 3 when the i-th word in "
      "shortlex order is in L, 1 when not), runs the network on δ(ω) for every word ω of length at most N, as "
      "nnsim recognize does, and prints one line per length: the words, how many are in L, how many the network "
      "accepted, how many it classified as the weight says, the most steps a word needed, and the precision of "
      "the arithmetic: by default --numbers certified, so each verdict is proven with intervals and the column "
      "gives the largest precision a word of that length needed (exact in rational mode). Exit code 1 when a "
      "word is classified wrongly or is undecided (the step limit or the precision came first); 2 when the network has no exact weight w_L or its digits do not decide the "
      "words of length N. Ctrl-C stops the check: the lengths checked so far are reported, with exit code 130.",
      {
      "nnsim check oracle networks/oracle/palindromes.nn",
      "nnsim check oracle networks/oracle/palindromes.nn --max-len 3 --json",
      "nnsim check oracle networks/oracle/palindromes.nn --numbers double   # rounded: wrong from length 4 on",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const network net = load_network_file(options->file);
    recognition_options run;
    apply_computation_options(options->computation, run);
    progress_display progress("check oracle", options->json);
    const interrupt_guard guard;
    run.monitor = progress.monitor();
    const std::optional<std::size_t> max_length =
        options->max_length_option->count() > 0 ? std::optional<std::size_t>(options->max_length) : std::nullopt;
    const oracle_check_report report =
        check_oracle_network(net, max_length, run, [&](std::uint64_t done, std::uint64_t total) {
          progress.update_count(done, total, "words");
        });
    progress.clear();
    const recognition_report& r = report.recognition;
    if (options->json) {
      nlohmann::ordered_json json;
      json["network"] = net.name;
      json["neurons"] = report.neurons;
      json["weight"] = oracle_weight_name;
      json["digits"] = report.digits;
      json["decided_length"] = report.decided_length ? nlohmann::ordered_json(*report.decided_length) : nullptr;
      json["max_length"] = report.max_length;
      json["numbers"] = run.numbers.name();
      if (r.interrupted) {
        json["interrupted"] = true;
        json["classified"] = r.classified;
      }
      json["lengths"] = nlohmann::ordered_json::array();
      for (const oracle_length_report& line : report.lengths) {
        nlohmann::ordered_json item;
        item["length"] = line.length;
        item["words"] = line.words;
        item["in_language"] = line.in_language;
        item["accepted"] = line.accepted;
        item["correct"] = line.correct;
        item["undecided"] = line.undecided;
        item["largest_steps"] = line.largest_steps;
        item["largest_bits"] = line.largest_value_bits;
        item["precision"] = line.precision ? nlohmann::ordered_json(*line.precision) : nullptr;
        json["lengths"].push_back(item);
      }
      json["failures"] = nlohmann::ordered_json::array();
      for (const recognized_word& w : report.failures) {
        nlohmann::ordered_json item;
        item["word"] = w.result.word;
        item["verdict"] = name_of(w.result.verdict);
        item["expected"] = name_of(w.expected);
        json["failures"].push_back(item);
      }
      json["all_correct"] = report.all_correct();
      write_output(dump_json(json, 2) + "\n", "");
    } else {
      std::string text = fmt::format("network: {}{}, {} neurons\n", net.name.empty() ? "" : net.name + " ",
                                     options->file == "-" ? "(standard input)" : "(from " + options->file + ")",
                                     report.neurons);
      text += fmt::format("weight: {}, {} base-4 digits, {}\n", oracle_weight_name, report.digits,
                          report.decided_length
                              ? fmt::format("deciding the words of length 0..{}", *report.decided_length)
                              : std::string("deciding no word"));
      text += fmt::format("numbers: {}\n", describe_numbers(run.numbers));
      if (r.interrupted) {
        text += fmt::format("interrupted: {} of {} words classified (Ctrl-C); the complete lengths are shown\n",
                            r.classified, count_words_up_to(report.max_length));
      }
      text += "\n";
      text_table table({{align::right, ""},
                        {align::right, "  "},
                        {align::right, "  "},
                        {align::right, "  "},
                        {align::right, "  "},
                        {align::right, "  "},
                        {align::left, "  "}});
      table.add_row({"length", "words", "in L", "accepted", "correct", "steps", "precision"});
      for (const oracle_length_report& line : report.lengths) {
        table.add_row({fmt::format("{}", line.length), fmt::format("{}", line.words),
                       fmt::format("{}", line.in_language), fmt::format("{}", line.accepted), correct_cell(line),
                       fmt::format("{}", line.largest_steps), precision_cell(line.precision)});
      }
      text += table.text();
      text += "\n";
      if (report.failures.empty()) {
        if (!r.interrupted) {
          text += fmt::format("every word of length 0..{} is classified as the weight says (steps: the most one "
                              "word needed)\n",
                              report.max_length);
        }
      } else {
        std::size_t wrong = 0;
        for (const recognized_word& w : report.failures) {
          if (w.result.verdict == word_verdict::undecided) continue;
          ++wrong;
          text += fmt::format("wrong: {}: network {}, expected {} (digit {})\n", shown(w.result.word),
                              name_of(w.result.verdict), name_of(w.expected),
                              w.expected == expected_verdict::accept ? 3 : 1);
        }
        std::size_t by_precision = 0;
        for (const recognized_word& w : report.failures) by_precision += w.result.shortfall ? 1 : 0;
        const std::size_t by_steps = report.failures.size() - wrong - by_precision;
        if (by_steps > 0) {
          text += fmt::format("undecided: {} reached the step limit of {} (raise --max-steps)\n",
                              plural(by_steps, "word", "words"), plural(run.limits.max_steps, "step", "steps"));
        }
        if (by_precision > 0) {
          text += precision_undecided_line(by_precision, run.numbers, run.limits);
        }
        text += fmt::format("{} of {} not classified as the weight says\n", report.failures.size(),
                            plural(r.classified, "word", "words"));
      }
      write_output(text, "");
    }
    if (r.interrupted) return exit_interrupted;
    return report.failures.empty() ? 0 : 1;
  };
  return result;
}

}  // namespace nnsim::cli
