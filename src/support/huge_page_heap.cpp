#include "nnsim/support/huge_page_heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace nnsim {
namespace {

constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;

bool unlimited(int resource) {
  rlimit limit{};
  return getrlimit(resource, &limit) == 0 && limit.rlim_cur == RLIM_INFINITY;
}

// The reservation: an eighth of the physical memory, at most 1 GiB (what
// M_TOP_PAD, an int, holds), a multiple of the huge page.  A larger one
// could be refused outright by the kernel's overcommit check on a small
// machine.
int reservation() {
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return 0;
  const std::uint64_t physical = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page_size);
  const std::uint64_t pad = std::min<std::uint64_t>(physical / 8, std::uint64_t{1} << 30);
  return static_cast<int>(pad / huge_page * huge_page);
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool address_sanitizer = true;
#else
constexpr bool address_sanitizer = false;
#endif

}  // namespace

bool use_huge_page_heap() {
  if (address_sanitizer) return false;  // the sanitizer's allocator keeps its own heap
  const char* setting = std::getenv("NNSIM_HUGE_PAGES");
  if (setting != nullptr && std::strcmp(setting, "0") == 0) return false;
  if (!unlimited(RLIMIT_AS) || !unlimited(RLIMIT_DATA)) return false;
  const int pad = reservation();
  if (pad == 0) return false;
  // Blocks up to 32 MiB (glibc's largest threshold) from the heap rather
  // than from mappings of their own, which would be outside the advice.
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0 || mallopt(M_TOP_PAD, pad) == 0) return false;
  // A block larger than what is left of the heap (its top, mallinfo2's
  // keepcost: a fresh process has some kilobytes there) makes malloc grow
  // it by the block plus the pad, in one piece; the block begins in what
  // was left.
  const std::size_t block_size = mallinfo2().keepcost + (std::size_t{1} << 20);
  if (block_size >= std::size_t{32} << 20) return false;  // it would be a mapping of its own
  const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
  void* block = std::malloc(block_size);
  const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
  const auto at = reinterpret_cast<std::uintptr_t>(block);
  std::free(block);
  if (block == nullptr || after <= before || at >= after || at + block_size <= before) return false;
  // The free may have given back what lay beyond the pad, so the heap ends
  // where sbrk says now.
  const std::uintptr_t begin = (before + huge_page - 1) & ~(huge_page - 1);
  const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(huge_page - 1);
  if (end <= begin) return false;
  return madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE) == 0;
}

}  // namespace nnsim
