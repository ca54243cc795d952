#pragma once
// The hash of a state that finds repetitions: the sum (mod 2^64) of one
// share per neuron, so that a step updates it with the changed neurons
// alone, whichever order or thread applies them.
#include <cstdint>

#include "support/splitmix64.hpp"

namespace nnsim {

// Neuron v's share, from the hash of its value: mixed with v, so that two
// states that hold the same values on other neurons hash apart.
inline std::uint64_t hash_share(std::uint32_t v, std::uint64_t value_hash) {
  return mix_hash(value_hash + (static_cast<std::uint64_t>(v) + 1) * 0x9E3779B97F4A7C15ULL);
}

}  // namespace nnsim
