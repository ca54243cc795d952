#include "nnsim/languages/language_recognition.hpp"

#include "nnsim/languages/machine_code.hpp"

#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/word_pattern.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <unordered_set>

namespace nnsim {
namespace {

// "1 input neuron (x)", "2 output neurons (y, z)", "no input neurons".
std::string describe_neurons(const network& net, const std::vector<neuron_id>& ids, std::string_view role) {
  if (ids.empty()) return fmt::format("no {} neurons", role);
  return fmt::format("{} {} neuron{} ({})", ids.size(), role, ids.size() == 1 ? "" : "s", join_neuron_names(net, ids));
}

std::string shown_word(std::string_view word) { return word.empty() ? std::string("ε") : fmt::format("'{}'", word); }

// Whether the first output of a halted run is > 0.  An interval has a proven
// sign here: a run that must decide the output's sign (run_request::
// decide_output_sign) halts only with an output interval above 0 or one
// with no number above 0, which may hold 0 and negative numbers (no
// proven sign of its own, but a proven reject).
bool output_is_positive(const state_values& outputs) {
  if (outputs.is_interval()) return mpfr_sgn(&outputs.as<interval_number>()[0].get()->left) > 0;
  return outputs.sign(0) > 0;
}

}  // namespace

std::string_view name_of(word_verdict verdict) {
  switch (verdict) {
    case word_verdict::accept: return "accept";
    case word_verdict::reject: return "reject";
    case word_verdict::reject_diverges: return "reject-diverges";
    case word_verdict::undecided: return "undecided";
  }
  return "?";
}

std::string_view name_of(expected_verdict expected) {
  switch (expected) {
    case expected_verdict::accept: return "accept";
    case expected_verdict::reject: return "reject";
    case expected_verdict::unknown: return "unknown";
  }
  return "?";
}

bool is_mismatch(word_verdict verdict, expected_verdict expected) {
  switch (expected) {
    case expected_verdict::accept:
      return verdict == word_verdict::reject || verdict == word_verdict::reject_diverges;
    case expected_verdict::reject:
      return verdict == word_verdict::accept;
    case expected_verdict::unknown:
      return false;
  }
  return false;
}

void check_recognizer_shape(const network& net) {
  if (net.inputs.size() == 1 && net.outputs.size() == 1) return;
  throw input_error(fmt::format("a recognizer needs exactly one input neuron and one output neuron, but the "
                                "network has {} and {}",
                                describe_neurons(net, net.inputs, "input"),
                                describe_neurons(net, net.outputs, "output")));
}

// Contract: `net` has one input and one output neuron (checked), `word` is
// over {0, 1} (checked by delta_encode).  The verdict follows semantics.md,
// section 6, from the run's status and the exact sign of the output (in the
// floating modes the sign of the approximation; in the interval modes the
// proven sign, or undecided).
word_classification classify_word(const network& net, std::string_view word, const recognition_options& options) {
  check_recognizer_shape(net);
  word_classification result;
  result.word = std::string(word);
  result.code = delta_encode(word);

  run_request request;
  request.input = {result.code};
  request.rule = options.rule;
  request.numbers = options.numbers;
  request.limits = options.limits;
  request.budget = options.budget;
  request.monitor = options.monitor;
  request.decide_output_sign = true;  // accept iff output > 0 (reals.md, section 3)
  run_result run;
  try {
    run = run_network(net, request);
  } catch (const limit_error& e) {
    rethrow_in_context(e, fmt::format("on word {}", shown_word(word)));
  }

  switch (run.status) {
    case run_status::halted:
      result.verdict = output_is_positive(run.outputs) ? word_verdict::accept : word_verdict::reject;
      break;
    case run_status::diverges:
      result.verdict = word_verdict::reject_diverges;
      break;
    case run_status::undecided:
      result.verdict = word_verdict::undecided;
      break;
  }
  result.steps = run.steps;
  result.interrupted = run.interrupted;
  result.largest_value_bits = run.largest_value_bits;
  result.repetitions = run.repetitions;
  result.brent_from = run.brent_from;
  result.output = std::move(run.outputs);
  result.precision = run.precision;
  result.shortfall = std::move(run.shortfall);
  return result;
}

std::uint64_t count_words_up_to(std::size_t max_length) {
  if (max_length > max_enumerated_length) {
    throw input_error(fmt::format("cannot enumerate the words of length up to {}: at most {} (2^{} - 1 words)",
                                  max_length, max_enumerated_length, max_enumerated_length + 1));
  }
  return (std::uint64_t{2} << max_length) - 1;
}

std::string shortlex_word(std::uint64_t position) {
  // The 2^n words of length n come after the 2^n - 1 shorter ones; within a
  // length they are the binary numbers 0 ... 2^n - 1 written with n digits,
  // which is lexicographic order.
  std::size_t n = 0;
  while (position >= (std::uint64_t{2} << n) - 1) ++n;
  const std::uint64_t value = position - ((std::uint64_t{1} << n) - 1);
  std::string word(n, '0');
  for (std::size_t i = 0; i < n; ++i) {
    if ((value >> (n - 1 - i)) & 1U) word[i] = '1';
  }
  return word;
}

std::vector<std::string> all_words_up_to(std::size_t max_length) {
  const std::uint64_t count = count_words_up_to(max_length);
  std::vector<std::string> words;
  words.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) words.push_back(shortlex_word(i));
  return words;
}

language_expectation machine_expectation(turing_machine machine, std::uint64_t max_steps) {
  auto shared = std::make_shared<const turing_machine>(std::move(machine));
  language_expectation expectation;
  const std::string& name = shared->name.empty() ? shared->source_name : shared->name;
  expectation.description = fmt::format("machine {}, run directly", name);
  auto code = std::make_shared<const machine_code>(*shared);
  expectation.expect = [shared, code, max_steps](std::string_view word) {
    const std::string tape_word = code->is_plain() ? std::string(word) : code->decode(word);
    switch (run_machine(*shared, tape_word, max_steps).outcome) {
      case machine_outcome::accepted: return expected_verdict::accept;
      case machine_outcome::rejected:
      case machine_outcome::runs_forever: return expected_verdict::reject;
      case machine_outcome::undecided: return expected_verdict::unknown;
    }
    return expected_verdict::unknown;
  };
  return expectation;
}

language_expectation regex_expectation(const std::string& pattern) {
  auto compiled = std::make_shared<const word_pattern>(pattern);
  language_expectation expectation;
  expectation.description = fmt::format("regular expression {} (full match)", pattern);
  expectation.expect = [compiled](std::string_view word) {
    return compiled->matches(word) ? expected_verdict::accept : expected_verdict::reject;
  };
  return expectation;
}

language_expectation word_list_expectation(const std::vector<std::string>& accepted) {
  auto words = std::make_shared<std::unordered_set<std::string>>();
  for (const std::string& word : accepted) {
    delta_encode(word);  // the check, with its message
    words->insert(word);
  }
  language_expectation expectation;
  expectation.description = fmt::format("a list of {} accepted word{}", words->size(), words->size() == 1 ? "" : "s");
  expectation.expect = [words](std::string_view word) {
    return words->contains(std::string(word)) ? expected_verdict::accept : expected_verdict::reject;
  };
  return expectation;
}

recognition_report recognize_each(const network& net, const word_source& words, const recognition_options& options,
                                  const language_expectation* expectation,
                                  const std::function<void(std::uint64_t, recognized_word&&)>& each) {
  // Every check before the first run, so that a bad word at the end does not
  // cost the runs before it.
  check_recognizer_shape(net);
  for (std::uint64_t i = 0; i < words.count; ++i) delta_encode(words.word_at(i));

  recognition_report report;
  for (std::uint64_t i = 0; i < words.count; ++i) {
    if (options.monitor.stop()) {
      report.interrupted = true;
      break;
    }
    const std::string word = words.word_at(i);
    recognized_word entry;
    entry.result = classify_word(net, word, options);
    if (entry.result.interrupted) {
      report.interrupted = true;
      break;
    }
    ++report.classified;
    if (expectation != nullptr) entry.expected = expectation->expect(word);
    entry.mismatch = is_mismatch(entry.result.verdict, entry.expected);

    switch (entry.result.verdict) {
      case word_verdict::accept: ++report.accepted; break;
      case word_verdict::reject: ++report.rejected; break;
      case word_verdict::reject_diverges: ++report.rejected_diverging; break;
      case word_verdict::undecided:
        ++report.undecided;
        if (entry.result.shortfall) ++report.undecided_precision;
        break;
    }
    if (entry.mismatch) ++report.mismatches;
    if (entry.result.verdict != word_verdict::undecided) {
      report.largest_steps = std::max(report.largest_steps, entry.result.steps);
    }
    report.largest_value_bits = std::max(report.largest_value_bits, entry.result.largest_value_bits);
    each(i, std::move(entry));
  }
  return report;
}

recognition_report recognize_words(const network& net, const std::vector<std::string>& words,
                                   const recognition_options& options, const language_expectation* expectation) {
  std::vector<recognized_word> results;
  results.reserve(words.size());
  recognition_report report =
      recognize_each(net, {words.size(), [&](std::uint64_t i) { return words[i]; }}, options, expectation,
                     [&](std::uint64_t, recognized_word&& entry) { results.push_back(std::move(entry)); });
  report.words = std::move(results);
  return report;
}

}  // namespace nnsim
