#include "nnsim/languages/oracle_check.hpp"

#include "nnsim/languages/oracle_network.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nnsim {
namespace {

// The length of the word at shortlex position p (from 0): the words of
// length k are the positions 2^k - 1 … 2^(k+1) - 2.
std::size_t length_at(std::uint64_t p) {
  std::size_t k = 0;
  while (p + 1 >= (std::uint64_t{2} << k)) ++k;
  return k;
}

bool is_correct(word_verdict verdict, bool member) {
  switch (verdict) {
    case word_verdict::accept: return member;
    case word_verdict::reject:
    case word_verdict::reject_diverges: return !member;
    case word_verdict::undecided: return false;
  }
  return false;
}

}  // namespace

rational oracle_weight_of(const network& net) {
  const real_constant_ptr weight = net.find_constant(oracle_weight_name);
  if (!weight) {
    throw input_error(fmt::format("the network has no constant '{}': check oracle reads the language from the weight "
                                  "that nnsim build oracle writes as `const {} = …`",
                                  oracle_weight_name, oracle_weight_name));
  }
  if (!weight->is_rational()) {
    throw input_error(fmt::format("constant '{}' (line {}) is irrational: check oracle reads the language from the "
                                  "digits of an exact (finite) weight",
                                  oracle_weight_name, weight->line));
  }
  return *weight->value();
}

oracle_check_report check_oracle_network(const network& net, std::optional<std::size_t> max_length,
                                         const recognition_options& options,
                                         const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  check_recognizer_shape(net);
  const rational weight = oracle_weight_of(net);
  oracle_check_report report;
  report.neurons = net.size();
  report.digits = base4_digits(weight).size();
  report.decided_length = decided_length(weight);
  if (!max_length && !report.decided_length) {
    throw input_error(fmt::format("the weight {} decides no word: its first base-4 digit is not 1 or 3",
                                  oracle_weight_name));
  }
  report.max_length = max_length.value_or(report.decided_length.value_or(0));
  const language_prefix language = language_of_weight(weight, report.max_length);

  // Fixed by the mode, or (certified) the largest a word of the length needed.
  std::optional<unsigned> precision;
  if (options.numbers.type == number_mode::kind::certified) {
    precision = 0;
  } else if (!options.numbers.exact()) {
    precision = options.numbers.type == number_mode::kind::ieee_double ? 53 : options.numbers.precision;
  }
  for (std::size_t k = 0; k <= report.max_length; ++k) {
    oracle_length_report line;
    line.length = k;
    line.words = std::uint64_t{1} << k;
    line.in_language = language.count_of_length(k);
    line.precision = precision;
    report.lengths.push_back(line);
  }

  const language_expectation expectation{
      [&language](std::string_view word) {
        return language.contains(word) ? expected_verdict::accept : expected_verdict::reject;
      },
      fmt::format("the digits of {}", oracle_weight_name)};
  const std::uint64_t total = count_words_up_to(report.max_length);
  report.recognition = recognize_each(net, {total, shortlex_word}, options, &expectation,
                                      [&](std::uint64_t p, recognized_word&& entry) {
                                        oracle_length_report& line = report.lengths[length_at(p)];
                                        const word_verdict verdict = entry.result.verdict;
                                        if (verdict == word_verdict::accept) ++line.accepted;
                                        if (verdict == word_verdict::undecided) {
                                          ++line.undecided;
                                        } else {
                                          line.largest_steps = std::max(line.largest_steps, entry.result.steps);
                                        }
                                        line.largest_value_bits =
                                            std::max(line.largest_value_bits, entry.result.largest_value_bits);
                                        if (options.numbers.type == number_mode::kind::certified) {
                                          line.precision = std::max(*line.precision, entry.result.precision);
                                        }
                                        if (is_correct(verdict, entry.expected == expected_verdict::accept)) {
                                          ++line.correct;
                                        } else {
                                          report.failures.push_back(std::move(entry));
                                        }
                                        if (progress) progress(p + 1, total);
                                      });
  if (report.recognition.interrupted) {
    // Only the lengths whose words were all classified.
    std::size_t complete = 0;
    while (complete < report.lengths.size() && count_words_up_to(complete) <= report.recognition.classified) {
      ++complete;
    }
    report.lengths.resize(complete);
  }
  return report;
}

}  // namespace nnsim
