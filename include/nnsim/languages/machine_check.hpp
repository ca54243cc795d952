// `nnsim check machine`: compile a Turing machine and compare the network
// with the machine run directly on every word up to a length.
#pragma once

#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/support/shard.hpp"

#include <cstdint>
#include <functional>

namespace nnsim {

struct machine_check_report {
  std::size_t states = 0;
  std::size_t symbols = 0;
  std::size_t neurons = 0;
  std::size_t edges = 0;
  std::size_t max_length = 0;
  std::uint64_t words = 0;         // every word of length 0..max_length
  // Expectation: the machine run directly.  Its `words` holds only the
  // mismatched ones: there are 2^(max_length+1) - 1 words in all.
  recognition_report recognition;
  // The number of each mismatched word in the order of all the words
  // (shortlex), next to recognition.words.
  std::vector<std::uint64_t> mismatched_items;
};

// Compiles `machine` and classifies every word of length 0..max_length with
// the network, expecting what the direct run says (machine_expectation with
// the same step limit).  `progress` (optional) is called after each word
// with the words done and their total; options.monitor can stop the check
// (recognition.interrupted, recognition.classified).  With a `part` other
// than 1/1 only that shard's words are classified (shard.hpp): `words` is
// still the number of all of them, the counts are over the shard's, and
// `progress` counts the shard's.
machine_check_report check_compiled_machine(
    const turing_machine& machine, std::size_t max_length, const recognition_options& options,
    const std::function<void(std::uint64_t done, std::uint64_t total)>& progress = {}, const shard& part = {});

}  // namespace nnsim
