// How many threads the next dense sweep of double mode runs on: all that
// it was given, or one -- whichever the sweeps have shown to be faster on
// this machine, now.
//
// A second core pays on a machine whose cores are the program's own; on a
// virtual machine whose host lends its cores to others as well, the two
// threads of a sweep can be slower than one (measured on this project's
// two-core machine: 200 sweeps of 10^5 neurons took 0.44 to 0.87 s on two
// threads from minute to minute, and 0.57 to 0.58 s on one).  So now and
// then two sweeps in a row run the other way (two, since the first of them
// finds the values in the other core's cache), and each way is judged by
// the least of its last four times -- noise only ever adds time.  The
// first trial is at the third sweep; while the trials confirm the way
// taken, they come half as often (every 16 sweeps, then 32, up to 256), so
// that on a machine where the way is clear they cost little; when a trial
// changes the way, every 16 sweeps again.  The values do not depend on the
// choice: a sweep's parts are the same on any number of threads, and their
// results are combined in the parts' order (simulator.hpp).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace nnsim {

class sweep_thread_choice {
 public:
  enum class policy {
    fixed,        // always `most` (the user's --threads, obeyed as given)
    adaptive,     // all or one, whichever the last sweeps show faster, the other tried now and then (above)
    alternating,  // one thread and `most` in turns, for the tests that the values do not depend on it
  };
  sweep_thread_choice(unsigned most, policy how) : most_(std::max(most, 1u)), how_(most > 1 ? how : policy::fixed) {}

  // The threads of the next sweep.
  unsigned next() {
    if (how_ == policy::fixed) return most_;
    const std::uint64_t sweep = sweeps_++;
    if (how_ == policy::alternating) return sweep % 2 == 0 ? 1 : most_;
    const bool one_is_faster = least(one) < least(all);
    if (one_is_faster != one_was_faster_) {
      one_was_faster_ = one_is_faster;
      interval_ = first_interval;
    }
    if (sweep == trial_) trial_threads_ = one_is_faster ? most_ : 1;  // the way not taken
    if (sweep == trial_ + trial_sweeps) {  // the trial is over: the next one
      trial_ = sweep + interval_;
      interval_ = std::min(interval_ * 2, last_interval);
    }
    if (sweep >= trial_ && sweep < trial_ + trial_sweeps) return trial_threads_;
    return one_is_faster ? 1 : most_;
  }

  // A sweep on `threads` threads took `seconds`.
  void record(unsigned threads, double seconds) {
    if (how_ != policy::adaptive) return;
    way& w = ways_[threads == 1 ? one : all];
    w.times[w.count++ % w.times.size()] = seconds;
  }

 private:
  static constexpr std::uint64_t trial_sweeps = 2;
  static constexpr std::uint64_t first_interval = 16;
  static constexpr std::uint64_t last_interval = 256;
  enum : std::size_t { one = 0, all = 1 };
  struct way {
    std::array<double, 4> times{};
    std::uint64_t count = 0;
  };
  // Unmeasured: infinitely slow, so that all threads are used until one
  // thread has been tried.
  double least(std::size_t which) const {
    const way& w = ways_[which];
    if (w.count == 0) return std::numeric_limits<double>::infinity();
    return *std::min_element(w.times.begin(), w.times.begin() + std::min<std::uint64_t>(w.count, w.times.size()));
  }

  unsigned most_;
  policy how_;
  std::uint64_t sweeps_ = 0;
  std::uint64_t trial_ = 2;  // the first sweep of the next trial
  std::uint64_t interval_ = first_interval;
  bool one_was_faster_ = false;
  unsigned trial_threads_ = 1;
  std::array<way, 2> ways_{};
};

}  // namespace nnsim
