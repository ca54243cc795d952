#include "run/worker_pool.hpp"

#include <pthread.h>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace nnsim {

namespace {

void run_on_new_threads(unsigned parts, const std::function<void(unsigned)>& work) {
  std::vector<std::jthread> helpers;
  helpers.reserve(parts > 0 ? parts - 1 : 0);
  for (unsigned p = 1; p < parts; ++p) helpers.emplace_back([&work, p] { work(p); });
  if (parts > 0) work(0);
}  // the helpers join here

inline void spin_pause() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

// Waits until done(value) holds: spinning first, for some tens of
// microseconds (about the gap between the two calls of a step), then asleep.
template <class Done>
void wait_until(const std::atomic<std::uint32_t>& value, Done done) {
  constexpr int spins = 4000;
  std::uint32_t seen = value.load(std::memory_order_acquire);
  for (int i = 0; i < spins && !done(seen); ++i) {
    spin_pause();
    seen = value.load(std::memory_order_acquire);
  }
  while (!done(seen)) {
    value.wait(seen, std::memory_order_acquire);
    seen = value.load(std::memory_order_acquire);
  }
}

// Set in the child of a fork(), where the pool's threads do not exist (a
// pid would not do: a later process may be given the same one).
std::atomic<bool> in_forked_child{false};

class worker_pool {
 public:
  worker_pool() {
    pthread_atfork(nullptr, nullptr, [] { in_forked_child.store(true); });
  }

  // Runs the call on the pool, or returns false at once when the pool is
  // busy or this is not the process that made it.
  bool try_run(unsigned parts, const std::function<void(unsigned)>& work) {
    if (in_forked_child.load()) return false;
    bool idle = false;
    if (!busy_.compare_exchange_strong(idle, true, std::memory_order_acquire)) return false;
    const std::uint32_t generation = generation_.load(std::memory_order_relaxed);
    try {
      while (workers_.size() + 1 < parts) {
        const auto index = static_cast<unsigned>(workers_.size() + 1);
        workers_.emplace_back([this, index, generation] { serve(index, generation); });
      }
    } catch (...) {
      // No thread to be had: the workers made so far wait for the next call.
      busy_.store(false, std::memory_order_release);
      throw;
    }
    // Every worker answers every call, even one without a part for it, so
    // that none is still reading work_ and parts_ when the next call writes
    // them.
    work_ = &work;
    parts_ = parts;
    remaining_.store(static_cast<std::uint32_t>(workers_.size()), std::memory_order_relaxed);
    // seq_cst, as the check for sleeping waiters in notify_all is.
    generation_.store(generation + 1);
    generation_.notify_all();
    try {
      work(0);
    } catch (...) {
      finish();
      throw;
    }
    finish();
    return true;
  }

 private:
  void finish() {
    wait_until(remaining_, [](std::uint32_t left) { return left == 0; });
    busy_.store(false, std::memory_order_release);
  }

  void serve(unsigned index, std::uint32_t seen) {
    for (;;) {
      wait_until(generation_, [seen](std::uint32_t now) { return now != seen; });
      seen = generation_.load(std::memory_order_acquire);
      if (index < parts_) (*work_)(index);
      if (remaining_.fetch_sub(1, std::memory_order_acq_rel) == 1) remaining_.notify_one();
    }
  }

  std::atomic<bool> busy_{false};
  std::atomic<std::uint32_t> generation_{0};
  std::atomic<std::uint32_t> remaining_{0};
  const std::function<void(unsigned)>* work_ = nullptr;
  unsigned parts_ = 0;
  std::vector<std::jthread> workers_;  // never joined: the pool lives as long as the program
};

}  // namespace

void in_parallel(unsigned parts, const std::function<void(unsigned)>& work) {
  if (parts <= 1) {
    if (parts == 1) work(0);
    return;
  }
  // Made on first use and never destroyed (see worker_pool.hpp).
  static worker_pool* const pool = new worker_pool;
  if (!pool->try_run(parts, work)) run_on_new_threads(parts, work);
}

}  // namespace nnsim
