#include "nnsim/numbers/number_memory.hpp"

#include <fmt/format.h>
#include <gmp.h>

#include <cstdlib>
#include <limits>
#include <string>

namespace nnsim {
namespace {

// nnsim computes in one thread; the counters need no synchronisation.
std::size_t in_use = 0;
std::size_t ceiling = std::numeric_limits<std::size_t>::max();
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
  if (growth > ceiling || in_use > ceiling - growth) {
    fail(fmt::format("the numbers of the computation need more than the memory limit of {} bytes (raise "
                     "--max-memory)",
                     growth_limit));
  }
}

// Blocks allocated before tracking started are freed here too; they were
// never counted, so the count must not go below zero.
void forget(std::size_t bytes) { in_use -= bytes < in_use ? bytes : in_use; }

void* allocate(std::size_t bytes) {
  admit(bytes);
  void* block = std::malloc(bytes);
  if (block == nullptr) fail_to_allocate(bytes);
  in_use += bytes;
  return block;
}

void* reallocate(void* block, std::size_t old_bytes, std::size_t new_bytes) {
  if (new_bytes > old_bytes) admit(new_bytes - old_bytes);
  void* moved = std::realloc(block, new_bytes);
  if (moved == nullptr) fail_to_allocate(new_bytes);
  forget(old_bytes);
  in_use += new_bytes;
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

std::size_t number_memory_in_use() { return in_use; }

void limit_number_memory_growth(std::size_t bytes) {
  growth_limit = bytes;
  ceiling = bytes > std::numeric_limits<std::size_t>::max() - in_use ? std::numeric_limits<std::size_t>::max()
                                                                     : in_use + bytes;
}

}  // namespace nnsim
