// Watching a long computation and stopping it from outside: a flag that
// another thread or a signal handler sets, and a callback that sees how far
// the work has got.  The library never prints and never installs a signal
// handler; the command line does both (its Ctrl-C and progress line).
//
// A stop is not a verdict: a stopped run reports status `undecided` with
// `interrupted` set and the steps it had done (simulation.hpp), so nothing
// is claimed about the computation past that point.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace nnsim {

// How far one computation has got.
struct run_progress {
  std::uint64_t steps = 0;               // steps done
  std::size_t largest_value_bits = 0;    // rational mode: the largest value so far; 0 in the floating modes
};

struct run_monitor {
  // Read every few milliseconds of work; once it is true the run stops at
  // the step it has reached.  Set it from any thread or from a signal
  // handler (std::atomic<bool> is lock-free, so that is allowed).
  const std::atomic<bool>* stop_requested = nullptr;
  // Called from the running thread about every `interval` of work (never
  // more often), with the progress so far.  May throw: the exception leaves
  // the run.
  std::function<void(const run_progress&)> progress;
  std::chrono::milliseconds interval{100};

  bool active() const { return stop_requested != nullptr || static_cast<bool>(progress); }
  bool stop() const { return stop_requested != nullptr && stop_requested->load(std::memory_order_relaxed); }
};

}  // namespace nnsim
