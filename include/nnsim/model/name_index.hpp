#pragma once

// The index from neuron names to ids: an open-addressing table of words,
// each a 32-bit tag of the name's hash and the id, probed linearly.  The
// names themselves stay where they are (in the network's neurons) and are
// compared only when a tag matches.  A std::unordered_map keeps a node with
// its own copy of every name, and a lookup follows a bucket and then a node
// to another part of memory; a file of 10^6 neurons looks up every name of
// every equation, so that is most of its loading time spent waiting.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace nnsim {

class name_index {
 public:
  // The id stored under `name`; name_of(id) gives back the name of an id.
  template <class NameOf>
  std::optional<std::uint32_t> find(std::string_view name, const NameOf& name_of) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint64_t hash = hash_of(name);
    const std::uint64_t tag = hash >> 32;
    for (std::size_t at = hash & mask(); slots_[at] != empty; at = (at + 1) & mask()) {
      const std::uint64_t slot = slots_[at];
      if ((slot >> 32) == tag && name_of(id_in(slot)) == name) return id_in(slot);
    }
    return std::nullopt;
  }

  // Adds `id` under `name`, which must not be in the index yet.
  template <class NameOf>
  void insert(std::string_view name, std::uint32_t id, const NameOf& name_of) {
    if (2 * (count_ + 1) > slots_.size()) grow(name_of);
    place(hash_of(name), id);
    ++count_;
  }

  std::size_t size() const { return count_; }

 private:
  static constexpr std::uint64_t empty = 0;
  static constexpr std::size_t first_size = 64;

  static std::uint64_t hash_of(std::string_view name) { return std::hash<std::string_view>{}(name); }
  // The id is kept plus one, so that a zero word means an empty slot.
  static std::uint32_t id_in(std::uint64_t slot) { return static_cast<std::uint32_t>(slot) - 1U; }
  std::size_t mask() const { return slots_.size() - 1; }

  void place(std::uint64_t hash, std::uint32_t id) {
    std::size_t at = hash & mask();
    while (slots_[at] != empty) at = (at + 1) & mask();
    slots_[at] = (hash >> 32 << 32) | (static_cast<std::uint64_t>(id) + 1U);
  }

  // Doubles the table (at most half full, so probe sequences stay short);
  // the hashes are recomputed from the names.
  template <class NameOf>
  void grow(const NameOf& name_of) {
    std::vector<std::uint64_t> old(slots_.empty() ? first_size : 2 * slots_.size(), empty);
    old.swap(slots_);
    for (const std::uint64_t slot : old) {
      if (slot != empty) place(hash_of(name_of(id_in(slot))), id_in(slot));
    }
  }

  std::vector<std::uint64_t> slots_;  // a power of two in size
  std::size_t count_ = 0;
};

}  // namespace nnsim
