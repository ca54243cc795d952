// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014), exactly as semantics.md section 3 fixes it for
// the `random` rule, so two implementations draw the same neurons.
#pragma once

#include <cstdint>

namespace nnsim {

// The finaliser of SplitMix64: spreads every input bit over the whole word.
// The generator below applies it to its state; the state hashes use it so
// that summing per-neuron hashes stays a good hash.
inline std::uint64_t mix_hash(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class splitmix64 {
 public:
  explicit splitmix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    return mix_hash(state_);
  }

 private:
  std::uint64_t state_;
};

}  // namespace nnsim
