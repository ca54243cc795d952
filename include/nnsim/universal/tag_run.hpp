// The direct run of a 2-tag system (docs/tag-systems.md), the reference that
// Rogozhin's machine and the universal network are checked against.
//
// A step on the word w: if w is empty, or its first letter is a halting
// letter, or |w| < 2, the system halts; otherwise the first two letters are
// deleted and the first letter's production is appended.
#pragma once

#include "nnsim/universal/tag_system.hpp"

#include <cstdint>
#include <functional>
#include <string_view>

namespace nnsim {

enum class tag_outcome { halted, runs_forever, undecided };
// Why a run ended: the two ways of halting, the proof of an infinite run,
// and the two limits of an undecided one.
enum class tag_stop_reason { halting_letter, too_short, repeated_word, step_limit, length_limit };

std::string_view name_of(tag_outcome outcome);      // "halted", "runs-forever", "undecided"
std::string_view name_of(tag_stop_reason reason);   // "halting-letter", "too-short", "repeated-word", ...

struct tag_run_limits {
  std::uint64_t max_steps = 100000;
  // The longest word allowed: a step that would make the word longer stops
  // the run, undecided, before it is taken.  The word's memory (4 bytes a
  // letter, twice for the cycle check) stays within this.
  std::uint64_t max_length = 10000000;
};

struct tag_run {
  tag_outcome outcome = tag_outcome::undecided;
  tag_stop_reason reason = tag_stop_reason::step_limit;
  std::uint64_t steps = 0;          // steps taken
  std::uint64_t cycle_start = 0;    // runs_forever: the word after cycle_start steps repeats
  std::uint64_t cycle_period = 0;   // ... after every cycle_period steps
  std::uint64_t longest_word = 0;   // the most letters any word of the run had
  tag_word final_word;              // the word when the run ended
  // Words compared letter by letter: only those whose hashes and lengths
  // agreed, so a run without a repeated word does none (barring a hash
  // collision).
  std::uint64_t word_comparisons = 0;
};

// Sees the word after `step` steps (step 0 is the initial word), before the
// next step; the word is only valid during the call.
using tag_observer = std::function<void(std::uint64_t step, const tag_word& word)>;

// Runs `system` on `word`.  A repeated word proves that the system runs
// forever (it is deterministic): found with Brent's cycle detection over an
// incrementally kept hash of the word, and every repetition confirmed letter
// by letter, never decided by a hash alone.  A step costs O(|production|)
// amortised: the word is a ring buffer, which allocates only when it grows.
// Throws input_error when `word` holds a letter that `system` does not have.
tag_run run_tag_system(const tag_system& system, const tag_word& word, const tag_run_limits& limits = {},
                       const tag_observer& observer = {});

}  // namespace nnsim
