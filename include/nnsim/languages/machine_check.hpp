// `nnsim check machine`: compile a Turing machine and compare the network
// with the machine run directly on every word up to a length.
#pragma once

#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/languages/machine_compiler.hpp"

namespace nnsim {

struct machine_check_report {
  std::size_t states = 0;
  std::size_t symbols = 0;
  std::size_t neurons = 0;
  std::size_t edges = 0;
  std::size_t max_length = 0;
  recognition_report recognition;  // expectation: the machine run directly
};

// Compiles `machine` and classifies every word of length 0..max_length with
// the network, expecting what the direct run says (machine_expectation with
// the same step limit).
machine_check_report check_compiled_machine(const turing_machine& machine, std::size_t max_length,
                                            const recognition_options& options);

}  // namespace nnsim
