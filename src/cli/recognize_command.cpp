// nnsim recognize FILE [WORD ...]: language recognition (semantics.md,
// section 6) -- the verdict of a one-input, one-output network on δ(ω) for
// each word, compared with an expectation (a Turing machine run directly, a
// regular expression or a list of accepted words).  cli.md fixes the JSON
// object and the exit codes: 1 when a verdict contradicts the expectation.
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/progress_display.hpp"
#include "cli/run_report.hpp"
#include "cli/shard_job.hpp"
#include "cli/text_table.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/languages/turing_machine.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/numbers/value_format.hpp"
#include "nnsim/run/update_rule.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <memory>

namespace nnsim::cli {
namespace {

struct recognize_command_options {
  std::string file;
  std::vector<std::string> words;
  std::size_t all_words = 0;
  std::string expect_machine;
  std::string expect_regex;
  std::string expect_words;
  computation_options computation;
  std::string shard;
  bool json = false;

  CLI::Option* all_words_option = nullptr;
  CLI::Option* expect_machine_option = nullptr;
  CLI::Option* expect_regex_option = nullptr;
  CLI::Option* expect_words_option = nullptr;
};

// --all-words N: a whole number no larger than the library enumerates.
CLI::Validator word_length_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::size_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error == std::errc::invalid_argument || end != text.data() + text.size()) {
          return fmt::format("'{}' is not a whole number", text);
        }
        if (error == std::errc::result_out_of_range || value > max_enumerated_length) {
          return fmt::format("{} is too large (at most {}: 2^{} - 1 words)", text, max_enumerated_length,
                             max_enumerated_length + 1);
        }
        return {};
      },
      "");
}

std::string shown(const std::string& word) { return word.empty() ? "ε" : word; }

// The table's verdict cell: the words of semantics.md, section 6.
std::string verdict_cell(word_verdict verdict) {
  return verdict == word_verdict::reject_diverges ? "reject (diverges)" : std::string(name_of(verdict));
}

// What is kept of each word until the report is printed: the numbers and
// verdicts, not the word (the given words are kept anyway, the enumerated
// ones are made again from their position) nor δ(ω), which follows from
// the word.  The output value only when the JSON report shows it.
struct word_record {
  std::uint64_t steps = 0;
  std::size_t bits = 0;
  word_verdict verdict = word_verdict::undecided;
  expected_verdict expected = expected_verdict::unknown;
  bool mismatch = false;
  bool precision_undecided = false;  // interval modes: the precision, not the step limit, left it undecided
  unsigned precision = 0;
  bool brent = false;                // repetitions looked for by Brent's method (from step brent_from)
  std::uint64_t brent_from = 0;
  nlohmann::ordered_json output;
};

// The words of one command: the WORD arguments, then --all-words.
struct word_list {
  const std::vector<std::string>* given = nullptr;
  std::uint64_t enumerated = 0;

  std::uint64_t count() const { return given->size() + enumerated; }
  std::string at(std::uint64_t i) const { return i < given->size() ? (*given)[i] : shortlex_word(i - given->size()); }
};

// A word's record in a shard's result (shard_job.hpp), and back.
nlohmann::ordered_json record_json(const word_record& w) {
  return {{"steps", w.steps},
          {"bits", w.bits},
          {"verdict", std::string(name_of(w.verdict))},
          {"expected", std::string(name_of(w.expected))},
          {"mismatch", w.mismatch},
          {"precision_undecided", w.precision_undecided},
          {"precision", w.precision},
          {"brent", w.brent},
          {"brent_from", w.brent_from},
          {"output", w.output}};
}

word_record record_of(const nlohmann::ordered_json& json) {
  word_record w;
  w.steps = json.at("steps").get<std::uint64_t>();
  w.bits = json.at("bits").get<std::size_t>();
  w.verdict = value_named(json.at("verdict").get<std::string>(), word_verdicts);
  w.expected = value_named(json.at("expected").get<std::string>(), expected_verdicts);
  w.mismatch = json.at("mismatch").get<bool>();
  w.precision_undecided = json.at("precision_undecided").get<bool>();
  w.precision = json.at("precision").get<unsigned>();
  w.brent = json.at("brent").get<bool>();
  w.brent_from = json.at("brent_from").get<std::uint64_t>();
  w.output = json.at("output");
  return w;
}

void write_human_report(const network& net, const recognition_options& options,
                        const language_expectation* expectation, const recognition_report& report,
                        const word_list& words, const std::vector<word_record>& records) {
  const auto out = write_standard_output;  // buffered: a report of millions of words is never one string
  const rule_spec rule = options.rule.value_or(net.rule);
  out(fmt::format("recognizer: {}input {}, output {}; rule {}; numbers {}\n",
                  net.name.empty() ? "" : net.name + ", ", net.name_of(net.inputs[0]), net.name_of(net.outputs[0]),
                  describe_rule(net, rule), describe_numbers(options.numbers)));
  if (expectation != nullptr) out(fmt::format("expected: {}\n", expectation->description));
  out("\n");

  // Columns: word, δ(ω), verdict, steps, bits (or precision)[, expected, mark].
  const bool exact = options.numbers.exact();
  const bool proves = options.numbers.proves();
  // Steps and bits are numbers: right-aligned.
  std::vector<text_table::column> columns = {
      {align::left, ""}, {align::left, "  "}, {align::left, "  "}, {align::right, "  "}, {align::right, "  "}};
  if (expectation != nullptr) columns.insert(columns.end(), {{align::left, "  "}, {align::left, "  "}});
  text_table table(std::move(columns));
  std::vector<std::string> header = {"word", "δ(ω)", "verdict", "steps", proves ? "precision" : "bits"};
  if (expectation != nullptr) header.push_back("expected");
  const auto row_of = [&](std::uint64_t i) {
    const word_record& w = records[i];
    const std::string word = words.at(i);
    std::vector<std::string> row = {shown(word), format_value(delta_encode(word)), verdict_cell(w.verdict),
                                    fmt::format("{}", w.steps),
                                    exact ? fmt::format("{}", w.bits) : proves ? fmt::format("{}", w.precision) : "-"};
    if (expectation != nullptr) {
      row.push_back(std::string(name_of(w.expected)));
      if (w.mismatch) row.push_back("<- mismatch");
    }
    return row;
  };
  // Two passes: the widths, then the rows.
  table.measure(header);
  for (std::uint64_t i = 0; i < records.size(); ++i) table.measure(row_of(i));
  out(table.line(header));
  for (std::uint64_t i = 0; i < records.size(); ++i) out(table.line(row_of(i)));
  out("\n");

  out(fmt::format("{}: {} accept, {} reject, {} reject (diverges), {} undecided\n",
                  plural(records.size(), "word", "words"), report.accepted, report.rejected,
                  report.rejected_diverging, report.undecided));
  if (report.interrupted) {
    out(fmt::format("interrupted: {} of {} classified (Ctrl-C); the counts are over these\n", report.classified,
                    plural(words.count(), "word", "words")));
  }
  if (expectation != nullptr) {
    std::vector<std::string> listed;
    for (std::uint64_t i = 0; i < records.size(); ++i) {
      if (!records[i].mismatch) continue;
      if (listed.size() == 10) {
        listed.emplace_back("…");
        break;
      }
      listed.push_back(shown(words.at(i)));
    }
    out(fmt::format("mismatches: {}{}\n", report.mismatches,
                    listed.empty() ? "" : fmt::format(" ({})", fmt::join(listed, ", "))));
    const auto unknown = static_cast<std::size_t>(std::count_if(
        records.begin(), records.end(), [](const word_record& w) { return w.expected == expected_verdict::unknown; }));
    if (unknown > 0) {
      out(fmt::format("expected unknown: {} (the expectation gave no answer within {})\n",
                      plural(unknown, "word", "words"), plural(options.limits.max_steps, "step", "steps")));
    }
  }
  const std::size_t by_precision = report.undecided_precision;
  const std::size_t by_steps = report.undecided - by_precision;
  const char* neither = expectation != nullptr ? "; neither confirmed nor counted as a mismatch" : "";
  if (by_steps > 0) {
    out(fmt::format("undecided: {} reached the step limit of {}{} (raise --max-steps)\n", plural(by_steps, "word", "words"),
                    plural(options.limits.max_steps, "step", "steps"), neither));
  }
  if (by_precision > 0) {
    out(precision_undecided_line(by_precision, options.numbers, options.limits, neither));
  }
  const auto brent_words =
      static_cast<std::size_t>(std::count_if(records.begin(), records.end(), [](const word_record& w) { return w.brent; }));
  if (brent_words > 0) {
    out(fmt::format("repetitions: Brent's cycle finding (memory bounded) for {}, the table of seen states for the "
                    "others (--repetitions)\n",
                    plural(brent_words, "word", "words")));
  }
  if (exact) {
    out(fmt::format("largest: {} to decide, {} in one value\n", plural(report.largest_steps, "step", "steps"),
                    plural(report.largest_value_bits, "bit", "bits")));
  } else if (proves) {
    unsigned most = 0;
    for (const word_record& w : records) most = std::max(most, w.precision);
    out(fmt::format("largest: {} to decide, a precision of {} bits\n", plural(report.largest_steps, "step", "steps"),
                    most));
  } else {
    out(fmt::format("largest: {} to decide\n", plural(report.largest_steps, "step", "steps")));
  }
}

// The JSON object of cli.md, written word by word.
void write_json_report(const network& net, const recognition_options& options,
                       const language_expectation* expectation, const recognition_report& report,
                       const word_list& words, const std::vector<word_record>& records) {
  nlohmann::ordered_json rest;
  if (report.interrupted) {
    rest["interrupted"] = true;
    rest["classified"] = report.classified;
    rest["total_words"] = words.count();
  }
  rest["mismatches"] = report.mismatches;
  rest["undecided"] = report.undecided;
  rest["counts"] = {{"accept", report.accepted},
                    {"reject", report.rejected},
                    {"reject-diverges", report.rejected_diverging},
                    {"undecided", report.undecided}};
  rest["largest_steps"] = report.largest_steps;
  rest["largest_bits"] = report.largest_value_bits;
  rest["expectation"] = expectation != nullptr ? nlohmann::ordered_json(expectation->description) : nullptr;
  rest["rule"] = describe_rule(net, options.rule.value_or(net.rule));
  rest["numbers"] = options.numbers.name();
  const auto each_word = [&](const json_item_sink& write) {
    for (std::uint64_t i = 0; i < records.size(); ++i) {
      const word_record& w = records[i];
      const std::string word = words.at(i);
      nlohmann::ordered_json entry;
      entry["word"] = word;
      entry["verdict"] = std::string(name_of(w.verdict));
      entry["steps"] = w.steps;
      entry["expected"] = std::string(name_of(w.expected));
      entry["delta"] = to_string(delta_encode(word));
      entry["output"] = w.output;
      entry["bits"] = w.bits;
      if (options.numbers.proves()) {
        entry["precision"] = w.precision;
        if (w.precision_undecided) entry["undecided"] = "precision";
      }
      entry["mismatch"] = w.mismatch;
      if (w.brent) entry["repetitions"] = {{"method", "brent"}, {"from", w.brent_from}};
      write(entry);
    }
  };
  write_json_with_array(nlohmann::ordered_json::object(), "words", each_word, rest);
}

}  // namespace

command add_recognize_command(CLI::App& app, cli_context& context) {
  auto options = std::make_shared<recognize_command_options>();
  CLI::App* sub = app.add_subcommand(
      "recognize", "Classify binary words with a one-input, one-output network, optionally against an expectation");
  add_file_argument(*sub, options->file);
  sub->add_option("WORD", options->words, "words over 0 and 1 to classify; \"\" is the empty word ε")
      ->type_name("");
  options->all_words_option =
      sub->add_option("--all-words", options->all_words,
                      "also classify every word of length 0 ... N, in shortlex order (ε, 0, 1, 00, 01, ...)")
          ->type_name("N")
          ->check(word_length_check());
  options->expect_machine_option =
      sub->add_option("--expect-machine", options->expect_machine,
                      "compare with a Turing machine (.tm), run directly for at most --max-steps steps: it accepts "
                      "-> accept; it rejects or provably runs forever -> reject; otherwise unknown")
          ->type_name("FILE");
  options->expect_regex_option =
      sub->add_option("--expect-regex", options->expect_regex,
                      "compare with a regular expression over 0/1 (ECMAScript syntax without backreferences or "
                      "lookaround, the whole word must match), e.g. '1[01]*'")
          ->type_name("RE");
  options->expect_words_option =
      sub->add_option("--expect-words", options->expect_words,
                      "compare with a list of the accepted words, comma-separated (an empty item or ε is the "
                      "empty word); every other word is expected to be rejected")
          ->type_name("W1,W2,...");
  options->expect_machine_option->excludes(options->expect_regex_option);
  options->expect_machine_option->excludes(options->expect_words_option);
  options->expect_regex_option->excludes(options->expect_words_option);
  add_computation_options(*sub, options->computation);
  add_json_flag(*sub, options->json);
  add_shard_option(*sub, options->shard);
  sub->footer(help_footer(
      "A network with one input neuron and one output neuron recognizes a language L when, for every word ω, "
      "its computation on input δ(ω) halts with an output > 0 exactly when ω is in L. Each word gets one "
      "verdict:\n"
      "  accept             halted with output > 0\n"
      "  reject             halted with output <= 0\n"
      "  reject (diverges)  a state repeats without a fixed point: it never halts\n"
      "  undecided          neither within --max-steps steps (interval:P and certified: or a decision needs "
      "more precision)\n"
      "A mismatch is an accept where the expectation says reject, or a reject (of either kind) where it says "
      "accept; undecided words are counted separately. Exit code 1 when there is a mismatch, 0 otherwise, "
      "2 on bad input, 3 when --max-bits or --max-memory stops a run. Ctrl-C stops a long list: the words "
      "classified so far are reported, with exit code 130.",
      {
          "nnsim recognize examples/networks/starts_with_1.nn 0110 1 \"\"     # three words, ε among them",
          "nnsim recognize examples/networks/starts_with_1.nn --all-words 8 --expect-regex '1[01]*'",
          "nnsim recognize even.nn --all-words 6 --expect-machine networks/machines/even_ones.tm",
          "nnsim recognize net.nn --all-words 2 --expect-words 1,10,11 --json   # accepts exactly 1, 10, 11?",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    const network net = load_network_file(options->file);
    check_recognizer_shape(net);

    recognition_options run_options;
    apply_computation_options(options->computation, run_options);

    std::optional<language_expectation> expectation;
    if (options->expect_machine_option->count() > 0) {
      expectation = machine_expectation(load_machine_file(options->expect_machine), options->computation.max_steps);
    } else if (options->expect_regex_option->count() > 0) {
      expectation = regex_expectation(options->expect_regex);
    } else if (options->expect_words_option->count() > 0) {
      expectation = word_list_expectation(split_word_list(options->expect_words));
    }

    word_list words{&options->words, 0};
    if (options->all_words_option->count() > 0) words.enumerated = count_words_up_to(options->all_words);
    if (words.count() == 0) throw input_error("no words to classify: give WORD arguments or --all-words N");

    // One budget for every word's run and the results kept for the report.
    memory_budget budget(options->computation.max_memory);
    run_options.budget = &budget;
    memory_charge kept(budget);
    std::vector<word_record> records;
    const language_expectation* expected = expectation ? &*expectation : nullptr;
    const std::optional<shard> part = shard_option_value(options->shard);
    const shard share = part.value_or(shard{});
    progress_display progress("recognize", options->json);
    const interrupt_guard guard;
    run_options.monitor = progress.monitor();
    // Keeps word j's record for the report, within the budget.  The merge
    // of shards keeps the same records in the same order, so it stops at
    // the same word as the run of the whole job.
    const auto keep = [&](std::uint64_t j, word_record&& record) {
      // Charged before the vector grows (it doubles).
      const std::size_t capacity =
          records.size() < records.capacity() ? records.capacity() : std::max<std::size_t>(16, 2 * records.size());
      if (!kept.try_add((capacity - records.capacity()) * sizeof(word_record) + record.output.dump().size())) {
        throw limit_error(fmt::format("keeping the results of {} words for the report needs more than the "
                                      "memory limit of {} bytes (raise --max-memory)",
                                      j + 1, budget.limit()));
      }
      records.reserve(capacity);
      records.push_back(std::move(record));
    };
    recognition_report report;
    if (merging_shards() != nullptr) {
      report = merged_recognition_counts(*merging_shards());
      std::uint64_t j = 0;
      for (const auto& [item, json] : merged_items(*merging_shards())) {
        word_record record = record_of(json);
        // The text report's run keeps no output values (below).
        if (!options->json) record.output = nullptr;
        keep(j++, std::move(record));
      }
    } else {
      const std::uint64_t shard_words = share.items_of(words.count());
      report = recognize_each(
        net, {shard_words, [&](std::uint64_t j) { return words.at(share.item_at(j)); }}, run_options, expected,
        [&](std::uint64_t j, recognized_word&& entry) {
          word_record record;
          record.steps = entry.result.steps;
          record.bits = entry.result.largest_value_bits;
          record.verdict = entry.result.verdict;
          record.expected = entry.expected;
          record.mismatch = entry.mismatch;
          record.precision = entry.result.precision;
          record.precision_undecided = entry.result.shortfall.has_value();
          record.brent = entry.result.repetitions == repetition_method::brent;
          record.brent_from = entry.result.brent_from;
          if (options->json || part) record.output = value_json(entry.result.output.view(), 0);
          keep(j, std::move(record));
          progress.update_count(j + 1, shard_words, "words");
        });
    }
    if (part) {
      nlohmann::ordered_json result = recognition_counts(report);
      result["items"] = nlohmann::ordered_json::array();
      for (std::uint64_t j = 0; j < records.size(); ++j) {
        result["items"].push_back({share.item_at(j), record_json(records[j])});
      }
      return write_shard_record(*part, std::move(result), report.interrupted);
    }
    if (options->json) {
      write_json_report(net, run_options, expected, report, words, records);
    } else {
      write_human_report(net, run_options, expected, report, words, records);
    }
    if (report.interrupted) return exit_interrupted;
    return report.mismatches > 0 ? 1 : 0;
  };
  return result;
}

}  // namespace nnsim::cli
