// The NPN classes of npn_classes.hpp.
//
// Cost for n = 5.  Each of the 616,126 classes has its orbit generated: 3840
// input transforms of the representative (and 3840 more of its negation
// when that is not among them), 4.7 billion tables in all, each marked in
// the 512 MiB bitmap.  A transform is reached from the previous one by one
// step on the table, a few word operations: flipping input p swaps the
// blocks of 2^p bits, and exchanging inputs p and q moves the bits of the
// inputs x with x_p = 1, x_q = 0 by 2^q - 2^p (a "delta swap").  Gray code
// over the 32 negations, Heap's algorithm over the 120 permutations (one
// exchange of two inputs per permutation) reach all 3840.  The images are
// collected before they are marked, so that the marks' cache misses overlap.
#include "nnsim/boolean/npn_classes.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <numeric>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace nnsim {
namespace {

void check_arity(unsigned arity) {
  if (arity > max_npn_arity) {
    throw input_error(fmt::format("NPN classes: arity {} is more than {}", arity, max_npn_arity));
  }
}

// The 2^n bits of a table of n inputs.
std::uint32_t full_mask(unsigned arity) {
  return arity == 5 ? ~std::uint32_t{0} : (std::uint32_t{1} << (std::uint32_t{1} << arity)) - 1;
}

// The inputs x < 2^n (as bits of a table) for which `pick` holds.
template <typename Pick>
std::uint32_t inputs_where(unsigned arity, Pick pick) {
  std::uint32_t mask = 0;
  for (std::uint32_t x = 0; x < (std::uint32_t{1} << arity); ++x) {
    if (pick(x)) mask |= std::uint32_t{1} << x;
  }
  return mask;
}

// One step between transforms: G(x) = F(x with input p flipped), or
// G(x) = F(x with inputs p < q exchanged).
struct input_step {
  std::uint32_t mask = 0;
  unsigned shift = 0;
  bool exchange = false;

  std::uint32_t apply(std::uint32_t t) const {
    if (!exchange) return ((t >> shift) & mask) | ((t & mask) << shift);
    return (t & ~(mask | (mask << shift))) | ((t & mask) << shift) | ((t >> shift) & mask);
  }
};

input_step flip_step(unsigned arity, unsigned p) {
  return {inputs_where(arity, [p](std::uint32_t x) { return ((x >> p) & 1u) == 0; }), 1u << p, false};
}

input_step exchange_step(unsigned arity, unsigned p, unsigned q) {
  if (p > q) std::swap(p, q);
  return {inputs_where(arity, [p, q](std::uint32_t x) { return ((x >> p) & 1u) == 1 && ((x >> q) & 1u) == 0; }),
          (1u << q) - (1u << p), true};
}

// The exchanges of Heap's algorithm: applied in turn from the identity, they
// pass through every permutation of n inputs once (n! - 1 exchanges).
std::vector<input_step> permutation_steps(unsigned arity) {
  std::vector<input_step> steps;
  std::vector<unsigned> c(arity, 0);
  unsigned i = 1;
  while (i < arity) {
    if (c[i] < i) {
      steps.push_back(exchange_step(arity, i % 2 == 0 ? 0 : c[i], i));
      ++c[i];
      i = 1;
    } else {
      c[i] = 0;
      ++i;
    }
  }
  return steps;
}

// One bit per table, zeroed.  The marks of an orbit fall all over the
// 512 MiB of n = 5, so almost every one misses the TLB with 4 KiB pages; on
// Linux the memory is asked for in 2 MiB pages (transparent huge pages),
// so that fewer of them miss the TLB.
class mark_bits {
 public:
  explicit mark_bits(std::uint64_t words) {
    constexpr std::size_t huge_page = std::size_t{2} << 20;
    const std::size_t needed = words * sizeof(std::uint64_t);
    const std::size_t alignment = needed >= huge_page ? huge_page : 64;
    const std::size_t bytes = (needed + alignment - 1) / alignment * alignment;
    void* memory = std::aligned_alloc(alignment, bytes);
    if (memory == nullptr) throw std::bad_alloc();
#ifdef __linux__
    if (alignment == huge_page) madvise(memory, bytes, MADV_HUGEPAGE);  // a hint: without it, ordinary pages
#endif
    std::memset(memory, 0, bytes);
    words_.reset(static_cast<std::uint64_t*>(memory));
  }
  std::uint64_t& operator[](std::uint64_t i) { return words_[i]; }
  std::uint64_t operator[](std::uint64_t i) const { return words_[i]; }

 private:
  struct free_memory {
    void operator()(std::uint64_t* p) const { std::free(p); }
  };
  std::unique_ptr<std::uint64_t[], free_memory> words_;
};

class orbit_marker {
 public:
  explicit orbit_marker(unsigned arity)
      : arity_(arity),
        permutations_(permutation_steps(arity)),
        marks_(std::max<std::uint64_t>(1, (std::uint64_t{1} << (std::uint64_t{1} << arity)) / 64)) {
    for (unsigned p = 0; p < arity; ++p) flips_.push_back(flip_step(arity, p));
    images_.reserve((std::size_t{1} << arity) * (permutations_.size() + 1));
  }

  bool marked(std::uint32_t t) const { return ((marks_[t >> 6] >> (t & 63)) & 1u) != 0; }

  // Marks every input transform of t; returns how many were not marked.
  std::uint32_t mark_np_orbit(std::uint32_t t) {
    images_.clear();
    std::uint32_t negated = t;
    for (std::uint32_t k = 0; k < (std::uint32_t{1} << arity_); ++k) {
      if (k != 0) negated = flips_[static_cast<unsigned>(std::countr_zero(k))].apply(negated);
      std::uint32_t image = negated;
      images_.push_back(image);
      for (const input_step& step : permutations_) {
        image = step.apply(image);
        images_.push_back(image);
      }
    }
    std::uint32_t fresh = 0;
    for (const std::uint32_t image : images_) {
      std::uint64_t& word = marks_[image >> 6];
      const std::uint64_t bit = std::uint64_t{1} << (image & 63);
      fresh += (word & bit) == 0 ? 1 : 0;
      word |= bit;
    }
    return fresh;
  }

  // The least unmarked table from `from` on (within 2^(2^n)), if any.
  bool next_unmarked(std::uint64_t& from) const {
    const std::uint64_t tables = std::uint64_t{1} << (std::uint64_t{1} << arity_);
    while (from < tables) {
      const std::uint64_t w = from >> 6;
      std::uint64_t free_bits = ~marks_[w] & (~std::uint64_t{0} << (from & 63));
      if (tables < 64) free_bits &= (std::uint64_t{1} << tables) - 1;
      if (free_bits != 0) {
        from = (w << 6) + static_cast<unsigned>(std::countr_zero(free_bits));
        return from < tables;
      }
      from = (w + 1) << 6;
    }
    return false;
  }

 private:
  unsigned arity_;
  std::vector<input_step> permutations_;
  std::vector<input_step> flips_;
  mark_bits marks_;
  std::vector<std::uint32_t> images_;
};

}  // namespace

std::uint32_t apply_npn_transform(std::uint32_t table, unsigned arity, const npn_transform& transform) {
  check_arity(arity);
  std::uint32_t result = 0;
  for (std::uint32_t x = 0; x < (std::uint32_t{1} << arity); ++x) {
    std::uint32_t y = 0;
    for (unsigned p = 0; p < arity; ++p) y |= ((x >> transform.permutation[p]) & 1u) << p;
    y ^= transform.input_negation;
    const std::uint32_t value = ((table >> y) & 1u) ^ (transform.output_negation ? 1u : 0u);
    result |= value << x;
  }
  return result;
}

std::vector<npn_transform> npn_group(unsigned arity) {
  check_arity(arity);
  std::vector<npn_transform> group;
  std::array<std::uint8_t, max_npn_arity> permutation{};
  std::iota(permutation.begin(), permutation.end(), std::uint8_t{0});
  do {
    for (std::uint32_t negation = 0; negation < (std::uint32_t{1} << arity); ++negation) {
      for (const bool output : {false, true}) {
        npn_transform t;
        t.permutation = permutation;
        t.input_negation = negation;
        t.output_negation = output;
        group.push_back(t);
      }
    }
  } while (std::next_permutation(permutation.begin(), permutation.begin() + arity));
  return group;
}

std::uint32_t npn_canonical_form(std::uint32_t table, unsigned arity) {
  std::uint32_t least = table;
  for (const npn_transform& t : npn_group(arity)) least = std::min(least, apply_npn_transform(table, arity, t));
  return least;
}

std::uint32_t table_bits(const boolean_function& f) {
  check_arity(f.arity());
  std::uint32_t table = 0;
  for (std::uint32_t x = 0; x < f.size(); ++x) table |= (f(x) ? 1u : 0u) << x;
  return table;
}

boolean_function function_of_table(unsigned arity, std::uint32_t table) {
  check_arity(arity);
  std::vector<bool> values(std::size_t{1} << arity);
  for (std::uint32_t x = 0; x < values.size(); ++x) values[x] = ((table >> x) & 1u) != 0;
  return boolean_function(arity, std::move(values));
}

std::uint64_t npn_enumeration_memory(unsigned arity) {
  check_arity(arity);
  return std::max<std::uint64_t>(8, (std::uint64_t{1} << (std::uint64_t{1} << arity)) / 8);
}

std::vector<npn_class> enumerate_npn_classes(unsigned arity, const npn_enumeration_options& options) {
  check_arity(arity);
  const std::uint64_t tables = std::uint64_t{1} << (std::uint64_t{1} << arity);
  const std::uint32_t all = full_mask(arity);
  orbit_marker marker(arity);
  std::vector<npn_class> classes;
  std::uint64_t done = 0;
  std::uint64_t from = 0;
  while (marker.next_unmarked(from)) {
    if (options.stop_requested != nullptr && options.stop_requested->load(std::memory_order_relaxed)) break;
    // Every table below `from` is marked, and orbits are disjoint, so
    // nothing of this class is marked yet: the NP orbit of the negation is
    // either the one just marked or another as large.
    npn_class c;
    c.representative = static_cast<std::uint32_t>(from);
    c.size = marker.mark_np_orbit(c.representative);
    const std::uint32_t negation = ~c.representative & all;
    c.self_complementary = marker.marked(negation);
    if (!c.self_complementary) c.size += marker.mark_np_orbit(negation);
    classes.push_back(c);
    done += c.size;
    if (options.progress && classes.size() % 4096 == 0) options.progress(done, tables);
  }
  if (options.progress) options.progress(done, tables);
  return classes;
}

}  // namespace nnsim
