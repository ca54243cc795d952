// The threads of double mode's steps (src/run/worker_pool.hpp): every part
// of every call runs exactly once and is done when the call returns, also
// when calls come from several threads at once or from inside a part (the
// pool is busy then, and the call runs on threads of its own).
#include "run/worker_pool.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

using namespace nnsim;

namespace {

// Runs `calls` calls of `parts` parts; each part adds its number + 1 to its
// own slot, so that a part run twice, or not at all, or still running when
// the call returns, shows in the sums checked after each call.
bool repeated_calls(unsigned parts, int calls) {
  std::vector<long> slots(parts, 0);
  for (int call = 1; call <= calls; ++call) {
    in_parallel(parts, [&](unsigned p) { slots[p] += p + 1; });
    for (unsigned p = 0; p < parts; ++p) {
      if (slots[p] != static_cast<long>(call) * (p + 1)) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("worker pool: each part of each call runs once, before the call returns", "[worker_pool]") {
  CHECK(repeated_calls(1, 100));
  CHECK(repeated_calls(2, 2000));
  CHECK(repeated_calls(3, 500));
  // More parts than before: the pool grows, and the old workers still
  // answer every call.
  CHECK(repeated_calls(7, 500));
  CHECK(repeated_calls(2, 500));
  in_parallel(0, [](unsigned) { FAIL("a call of no parts runs nothing"); });
}

TEST_CASE("worker pool: calls from several threads at once, and from inside a part", "[worker_pool]") {
  std::atomic<int> failures{0};
  {
    std::vector<std::jthread> callers;
    for (int c = 0; c < 3; ++c) {
      callers.emplace_back([&failures] {
        if (!repeated_calls(2, 300)) ++failures;
      });
    }
  }
  CHECK(failures == 0);

  std::vector<long> inner(4, 0);
  in_parallel(2, [&](unsigned outer) {
    in_parallel(2, [&](unsigned p) { inner[2 * outer + p] += 1; });
  });
  CHECK(inner == std::vector<long>{1, 1, 1, 1});
}
