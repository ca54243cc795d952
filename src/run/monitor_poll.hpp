// How the engine watches a run_monitor (run_monitor.hpp) without slowing
// its step loop: it looks at the clock and the stop flag only every `stride`
// steps, and the stride adapts so that two looks are about 1 to 10 ms of
// work apart, whether a step takes nanoseconds (a small network in doubles)
// or seconds (values of millions of bits).  Per step that leaves one
// decrement and one branch (docs/performance.md, "Watching a run").
#pragma once

#include "nnsim/run/run_monitor.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace nnsim {

class monitor_poll {
 public:
  // Nothing to watch (nullptr or an inactive monitor): due() is never true.
  explicit monitor_poll(const run_monitor* monitor);

  // Once per step: whether it is time to look().
  bool due() { return --countdown_ == 0; }

  // Reports the progress when the monitor's interval has passed and returns
  // whether the run is to stop; sets when the next look is due.
  bool look(std::uint64_t steps, std::size_t largest_value_bits);

 private:
  using clock = std::chrono::steady_clock;
  const run_monitor* monitor_ = nullptr;
  std::uint64_t stride_ = 1;
  std::uint64_t countdown_ = 1;
  clock::time_point last_look_;
  clock::time_point last_report_;
};

}  // namespace nnsim
