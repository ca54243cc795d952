// `nnsim check universal`: a 2-tag system or a Turing machine on a word,
// run directly and through the universal network, level by level
// (docs/universal.md):
//   1. the reference: the machine run directly (run_machine), or the tag
//      system Rogozhin's machine simulates run directly (run_tag_system);
//   2. for a machine, its Cocke–Minsky 2-tag system run directly and its
//      halted word decoded (machine_to_tag.hpp);
//   3. Rogozhin's machine run directly on the tape, its final tape decoded;
//   4. the universal network run exactly on δ of the tape's block code, the
//      configuration in its final state decoded.
// Each level must halt exactly when the reference halts and decode to the
// reference's result.  A level cut short by its limit is undecided, which
// is reported and is no mismatch; a level that provably runs forever while
// the reference halts, or the other way round, is one.
#pragma once

#include "nnsim/languages/turing_machine.hpp"
#include "nnsim/run/run_limits.hpp"
#include "nnsim/run/run_monitor.hpp"
#include "nnsim/universal/tag_system.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace nnsim {

struct universal_check_options {
  std::uint64_t max_reference_steps = 1000000;   // the reference (and the Cocke–Minsky system)
  std::uint64_t max_machine_steps = 100000000;   // Rogozhin's machine run directly (0: not run)
  run_limits network_limits{10000000};           // the universal network
  std::uint64_t max_tape_cells = std::uint64_t{1} << 22;
  bool run_network = true;                       // false: levels 1 to 3 only
  run_monitor monitor;                           // can stop a network run
};

enum class level_verdict { agrees, disagrees, undecided, skipped };
std::string_view name_of(level_verdict verdict);

struct universal_level {
  std::string name;                 // "tag system", "Cocke–Minsky system", "Rogozhin's machine", "universal network"
  level_verdict verdict = level_verdict::skipped;
  std::string result;               // what it did: "halts after 517 steps: a1 a2", "runs forever", ...
  std::uint64_t steps = 0;
  std::size_t largest_value_bits = 0;  // the network's
};

struct universal_case_report {
  std::string label;                // the system or machine and the word
  std::uint64_t tape_cells = 0;     // Rogozhin's tape
  std::vector<universal_level> levels;  // the reference first
  bool mismatch = false;
};

// A tag system on a word (in its letters).
universal_case_report check_universal_tag(const tag_system& system, const tag_word& word, const std::string& label,
                                          const universal_check_options& options);
// A Turing machine on a word (over its input symbols).
universal_case_report check_universal_machine(const turing_machine& machine, std::string_view word,
                                              const std::string& label, const universal_check_options& options);

// A random 2-tag system for the check: 2 to 4 letters with productions of 1
// to 4 letters and one halting letter, drawn until the system halts on a
// random word of 2 to 4 letters within `max_steps` steps and its Rogozhin
// tape has at most `max_tape_cells` cells; `seed` fixes it.  Returns the
// system and the word.
std::pair<tag_system, tag_word> random_halting_tag_system(std::uint64_t seed, std::uint64_t max_steps,
                                                          std::uint64_t max_tape_cells);

}  // namespace nnsim
