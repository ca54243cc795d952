// The verdict of one computation and the limits a run works within
// (semantics.md, section 4): shared by the engine (simulator) and the
// mode-independent entry point (simulation.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nnsim {

enum class run_status { halted, diverges, undecided };
std::string_view name_of(run_status s);

struct run_limits {
  std::uint64_t max_steps = 100000;      // N: y(0) ... y(N) are examined
  std::size_t max_bits = 1u << 20;       // largest size of one exact state value (numerator + denominator bits)
  // Bytes the computation may keep (memory_budget.hpp): the compiled
  // network's arrays, the saved states and the table of seen states that
  // find repetitions, and the growth of every number's storage.
  std::size_t max_memory = 1u << 30;
};

}  // namespace nnsim
