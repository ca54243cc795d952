// `nnsim check oracle`: a network with a language weight `const w_L`
// (oracle_network.hpp) run on every word of length 0..n and compared with
// the language that the weight's digits encode (oracle_weight.hpp), one
// report line per length.  The words run through the language-recognition
// path (language_recognition.hpp) in the number mode of the options.
#pragma once

#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/languages/oracle_weight.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace nnsim {

// The exact value of the network's constant w_L.  Throws input_error when
// the network has no such constant or when it is irrational (its digits are
// then not known exactly).
rational oracle_weight_of(const network& net);

// The words of one length.
struct oracle_length_report {
  std::size_t length = 0;
  std::uint64_t words = 0;        // 2^length
  std::uint64_t in_language = 0;  // words whose digit is 3
  std::uint64_t accepted = 0;     // words the network accepted
  std::uint64_t correct = 0;      // accepted and in L, or rejected (either way) and not in L
  std::uint64_t undecided = 0;    // the step limit came first (not correct)
  std::uint64_t largest_steps = 0;
  std::size_t largest_value_bits = 0;  // rational mode; 0 in the floating modes
  // The precision of the arithmetic that decided these words, in bits
  // (certified: the largest any of them needed); nothing for exact
  // (rational) arithmetic.
  std::optional<unsigned> precision;
};

struct oracle_check_report {
  std::size_t neurons = 0;
  std::size_t digits = 0;                 // base-4 digits of w_L
  std::optional<std::size_t> decided_length;  // the longest length the digits decide
  std::size_t max_length = 0;
  std::vector<oracle_length_report> lengths;  // 0 .. max_length (fewer when interrupted)
  // The words that were not classified as the weight says (wrong or
  // undecided), with the expectation the weight gives.
  std::vector<recognized_word> failures;
  // The counts over every word (its `words` are empty).
  recognition_report recognition;
  bool all_correct() const { return !recognition.interrupted && failures.empty(); }
};

// Classifies every word of length 0..max_length (default: every length the
// weight decides) with `net` and compares each verdict with the weight's
// digit.  Throws input_error as oracle_weight_of, when the weight does not
// decide the words of max_length (language_of_weight) or decides no word,
// and as recognize_each.  `progress` (optional) is called after each word;
// options.monitor can stop the check (recognition.interrupted).
oracle_check_report check_oracle_network(
    const network& net, std::optional<std::size_t> max_length, const recognition_options& options,
    const std::function<void(std::uint64_t done, std::uint64_t total)>& progress = {});

}  // namespace nnsim
