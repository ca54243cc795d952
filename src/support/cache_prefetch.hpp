// Asking the processor for a cache line before it is read.
#pragma once

namespace nnsim {

// Starts bringing the line of `address` into the cache, for reading.  The
// empty asm statement, which takes the address, keeps the request: a loop
// that only prefetches has no side effect in the language's sense, and the
// compiler may drop the whole loop (C++ lets it assume that such a loop
// ends, and nothing it does is observable).
inline void prefetch_for_reading(const void* address) {
  __builtin_prefetch(address);
  asm volatile("" : : "r"(address));
}

}  // namespace nnsim
