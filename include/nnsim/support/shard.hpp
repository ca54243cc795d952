// One share of an exhaustive job split over several processes or machines
// (`--shard K/N`, docs/distributed.md): the items of the job are numbered
// 0, 1, 2, ... and shard K of N takes the items i with i mod N = K - 1.
// Interleaved rather than contiguous ranges: in most jobs an item's cost
// grows with its number (longer words, larger grid points), and taking every
// N-th item gives each shard nearly the same mix.  The shards together take
// every item exactly once, so their results combine into the whole job's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nnsim {

struct shard {
  std::uint64_t index = 1;  // K, from 1
  std::uint64_t count = 1;  // N; 1/1 is the whole job

  bool whole() const { return count == 1; }
  // Whether item `item` (from 0) is this shard's.
  bool owns(std::uint64_t item) const { return item % count == index - 1; }
  // How many of the items 0 .. total - 1 are this shard's.
  std::uint64_t items_of(std::uint64_t total) const {
    return total / count + (total % count >= index ? 1 : 0);
  }
  // The item number of this shard's `position`-th item (from 0).
  std::uint64_t item_at(std::uint64_t position) const { return position * count + (index - 1); }
  // "K/N".
  std::string text() const;
};

// The most shards a job is split into.
inline constexpr std::uint64_t max_shard_count = 1'000'000;

// Reads "K/N" with 1 <= K <= N <= max_shard_count, digits only.  On failure
// nothing, and `why` says what is wrong ("'0/3': K must be at least 1").
std::optional<shard> parse_shard(std::string_view text, std::string& why);

}  // namespace nnsim
