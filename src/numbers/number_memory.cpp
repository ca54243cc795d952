#include "nnsim/numbers/number_memory.hpp"

#include <fmt/format.h>
#include <gmp.h>

#include <atomic>
#include <cstdlib>
#include <limits>
#include <string>

namespace nnsim {
namespace {

// GMP allocates from every thread that computes (`check boolean --threads`
// runs several), so the count is atomic.  The ceiling is checked before the
// count is raised, so threads that allocate at once may pass it by what
// they allocate together: it is a last resort behind the budgets, not an
// exact bound.  The ceiling itself is set only while one thread computes.
std::atomic<std::size_t> in_use{0};
std::atomic<std::size_t> ceiling{std::numeric_limits<std::size_t>::max()};
std::size_t growth_limit = 0;  // what the ceiling allows beyond the numbers in use when it was set
number_memory_failure failure_handler = nullptr;

[[noreturn]] void fail(std::string_view reason) {
  if (failure_handler != nullptr) failure_handler(reason);
  std::abort();  // a handler that returns breaks the contract; GMP would abort too
}

[[noreturn]] void fail_to_allocate(std::size_t bytes) {
  fail(fmt::format("out of memory: a number needed {} more bytes, which the system could not give", bytes));
}

// `growth` more bytes for numbers; ends the process past the ceiling.
void admit(std::size_t growth) {
  const std::size_t limit = ceiling.load(std::memory_order_relaxed);
  if (growth > limit || in_use.load(std::memory_order_relaxed) > limit - growth) {
    fail(fmt::format("the numbers of the computation need more than the memory limit of {} bytes (raise "
                     "--max-memory)",
                     growth_limit));
  }
}

// Blocks allocated before tracking started are freed here too; they were
// never counted, so the count must not go below zero.
void forget(std::size_t bytes) {
  std::size_t now = in_use.load(std::memory_order_relaxed);
  while (!in_use.compare_exchange_weak(now, now - (bytes < now ? bytes : now), std::memory_order_relaxed)) {
  }
}

void* allocate(std::size_t bytes) {
  admit(bytes);
  void* block = std::malloc(bytes);
  if (block == nullptr) fail_to_allocate(bytes);
  in_use.fetch_add(bytes, std::memory_order_relaxed);
  return block;
}

void* reallocate(void* block, std::size_t old_bytes, std::size_t new_bytes) {
  if (new_bytes > old_bytes) admit(new_bytes - old_bytes);
  void* moved = std::realloc(block, new_bytes);
  if (moved == nullptr) fail_to_allocate(new_bytes);
  forget(old_bytes);
  in_use.fetch_add(new_bytes, std::memory_order_relaxed);
  return moved;
}

void release(void* block, std::size_t bytes) {
  std::free(block);
  forget(bytes);
}

}  // namespace

void track_number_memory(number_memory_failure on_failure) {
  failure_handler = on_failure;
  mp_set_memory_functions(allocate, reallocate, release);
}

std::size_t number_memory_in_use() { return in_use.load(std::memory_order_relaxed); }

void limit_number_memory_growth(std::size_t bytes) {
  growth_limit = bytes;
  const std::size_t now = in_use.load(std::memory_order_relaxed);
  ceiling.store(bytes > std::numeric_limits<std::size_t>::max() - now ? std::numeric_limits<std::size_t>::max()
                                                                      : now + bytes,
                std::memory_order_relaxed);
}

}  // namespace nnsim
