// Language recognition (semantics.md, section 6): a network with one input
// and one output neuron classifies a binary word ω by its computation on
// δ(ω) -- accept when it halts with an output > 0, reject when it halts with
// an output <= 0 or provably never halts.  Here: the verdict for one word,
// the words of length 0..N in shortlex order, and the expectations a verdict
// is compared with (a Turing machine run directly, a regular expression, a
// list of accepted words).
#pragma once

#include "nnsim/languages/turing_machine.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/number_mode.hpp"
#include "nnsim/run/simulation.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// The verdict of the simulator on one word (semantics.md, section 6).
enum class word_verdict {
  accept,           // halted, output > 0
  reject,           // halted, output <= 0
  reject_diverges,  // periodic without a fixed point: provably never halts
  undecided,        // the step limit came first, or (interval modes) the precision did not decide it
};
// "accept", "reject", "reject-diverges", "undecided" (the names of cli.md).
std::string_view name_of(word_verdict verdict);

// What an expectation says about a word.
enum class expected_verdict { accept, reject, unknown };
// "accept", "reject", "unknown".
std::string_view name_of(expected_verdict expected);

// A verdict contradicts an expectation when it accepts an expected
// rejection or rejects (either way) an expected acceptance.  `undecided`
// and an `unknown` expectation never contradict anything.
bool is_mismatch(word_verdict verdict, expected_verdict expected);

// How every word's computation is run: the rule (nothing: the network's
// own), the number mode and the limits.
struct recognition_options {
  std::optional<rule_spec> rule;
  number_mode numbers;
  run_limits limits;
  memory_budget* budget = nullptr;     // shared by every word's run (run_request::budget)
  // Given to every word's run (run_request::monitor); its stop flag also
  // ends a list of words between two words.
  run_monitor monitor;
};

// Throws input_error unless `net` has exactly one input and one output
// neuron, naming the counts it has.
void check_recognizer_shape(const network& net);

struct word_classification {
  std::string word;
  rational code;                        // δ(word)
  word_verdict verdict = word_verdict::undecided;
  std::uint64_t steps = 0;              // T, t2 or N as in run_result
  std::size_t largest_value_bits = 0;   // rational mode; 0 in the floating modes
  // How repetitions were looked for, as in run_result.
  repetition_method repetitions = repetition_method::table;
  std::uint64_t brent_from = 0;
  state_values output;                  // the output neuron's value in the last state (one value)
  // options.monitor stopped the run: verdict undecided, and no verdict about the word.
  bool interrupted = false;
  // interval:P and certified: the precision of the run (certified: the one
  // that proved the verdict), and what it could not decide when undecided
  // for that reason -- the sign of the output is one of the decisions.
  unsigned precision = 0;
  std::optional<precision_shortfall> shortfall;
};

// Runs `net` on δ(word) and classifies the word.  Throws input_error for a
// network of the wrong shape or a word with a character other than 0/1 (and
// whatever run_network throws for the network); a limit_error from the run
// is rethrown with the word in its message.
word_classification classify_word(const network& net, std::string_view word, const recognition_options& options);

// Largest N that all_words_up_to accepts: 2^(N+1) - 1 words.
inline constexpr std::size_t max_enumerated_length = 24;

// 2^(max_length+1) - 1, the number of words of length 0..max_length.
// Throws input_error when max_length > max_enumerated_length.
std::uint64_t count_words_up_to(std::size_t max_length);

// The word at `position` (from 0) in shortlex order: ε, 0, 1, 00, 01, ...
std::string shortlex_word(std::uint64_t position);

// Every word over {0, 1} of length 0..max_length in shortlex order (by
// length, then lexicographically): ε, 0, 1, 00, 01, 10, 11, 000, ...
// Throws input_error when max_length > max_enumerated_length.
std::vector<std::string> all_words_up_to(std::size_t max_length);

// An expectation: the verdict a word should get, and a description of where
// it comes from ("machine even_ones, run directly").
struct language_expectation {
  std::function<expected_verdict(std::string_view word)> expect;
  std::string description;
};

// M run directly on the tape word the binary word codes (machine_code.hpp;
// for a binary machine the word itself) for at most `max_steps`
// transitions: accepted -> accept;
// rejected or runs forever -> reject (a word M does not accept is not in
// L(M)); undecided -> unknown.
language_expectation machine_expectation(turing_machine machine, std::uint64_t max_steps);

// Full match of the word against a regular expression in ECMAScript syntax
// (word_pattern.hpp: linear time, the regular constructs only).  Throws
// word_pattern's input_error for a malformed, unsupported or too large
// pattern.
language_expectation regex_expectation(const std::string& pattern);

// The given words are accepted, every other word rejected.  Throws
// input_error for a word with a character other than 0/1.
language_expectation word_list_expectation(const std::vector<std::string>& accepted);

// One word of a recognition run: the network's verdict next to the
// expectation.
struct recognized_word {
  word_classification result;
  expected_verdict expected = expected_verdict::unknown;
  bool mismatch = false;
};

struct recognition_report {
  std::vector<recognized_word> words;  // in the order given
  std::size_t accepted = 0;
  std::size_t rejected = 0;             // halted with output <= 0
  std::size_t rejected_diverging = 0;
  std::size_t undecided = 0;
  std::size_t undecided_precision = 0;  // of the undecided: for want of precision (interval modes)
  std::size_t mismatches = 0;
  std::uint64_t largest_steps = 0;      // the largest T or t2 of a decided word (undecided ones ran N)
  std::size_t largest_value_bits = 0;   // over every word's run
  // The words classified: all of them, unless options.monitor asked to stop
  // (then `interrupted`, and the counts are over the first `classified`
  // words; the word whose run was stopped is not among them).
  std::uint64_t classified = 0;
  bool interrupted = false;
};

// Classifies every word and compares it with `expectation` (nothing: every
// word is expected `unknown`).  The shape of the network is checked before
// any word runs; errors as for classify_word.
recognition_report recognize_words(const network& net, const std::vector<std::string>& words,
                                   const recognition_options& options,
                                   const language_expectation* expectation = nullptr);

// Words given one at a time, so that a long list need not exist at once.
struct word_source {
  std::uint64_t count = 0;
  std::function<std::string(std::uint64_t)> word_at;  // position 0 ... count - 1
};

// recognize_words for many words: each word's result goes to `each` (with
// its position) as soon as it is known, and is not kept; the report has the
// counts and no words.  A stop request (options.monitor) ends the list
// before the next word or within the current word's run, which is then not
// reported; the report says how many words were classified.
recognition_report recognize_each(const network& net, const word_source& words, const recognition_options& options,
                                  const language_expectation* expectation,
                                  const std::function<void(std::uint64_t, recognized_word&&)>& each);

}  // namespace nnsim
