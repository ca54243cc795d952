// use_huge_page_heap() changes the allocator of the whole process, so each
// case runs it in a child process (fork) and reads the verdict from the
// child's exit code: the test process's own heap stays as it was.
#include "nnsim/support/huge_page_heap.hpp"

#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

// What `body` returns in a child process (0 .. 255); 255 when it died.
int in_child(const std::function<int()>& body) {
  std::fflush(nullptr);
  const pid_t child = fork();
  if (child == 0) _exit(body());
  int status = 0;
  if (child < 0 || waitpid(child, &status, 0) != child || !WIFEXITED(status)) return 255;
  return WEXITSTATUS(status);
}

// The VmFlags line of the mapping of /proc/self/smaps that holds `address`.
std::string flags_of_mapping(const void* address) {
  std::unique_ptr<FILE, int (*)(FILE*)> smaps(std::fopen("/proc/self/smaps", "r"), &std::fclose);
  if (!smaps) return "";
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  bool inside = false;
  char line[512];
  while (std::fgets(line, sizeof line, smaps.get()) != nullptr) {
    unsigned long begin = 0, end = 0;
    if (std::sscanf(line, "%lx-%lx ", &begin, &end) == 2 && std::strchr(line, '-') != nullptr &&
        std::strncmp(line, "VmFlags", 7) != 0) {
      inside = begin <= at && at < end;
    } else if (inside && std::strncmp(line, "VmFlags:", 8) == 0) {
      return line;
    }
  }
  return "";
}

constexpr int used = 1, advised = 2;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool address_sanitizer = true;
#else
constexpr bool address_sanitizer = false;
#endif

bool unlimited(int resource) {
  rlimit limit{};
  return getrlimit(resource, &limit) == 0 && limit.rlim_cur == RLIM_INFINITY;
}

// 1: the heap was set up; 2 more: a block allocated afterwards ends in a
// mapping marked for huge pages ("hg").  (It may begin in what was left of
// the heap before, below the first 2 MiB boundary of the reservation.)
int set_up_and_look() {
  int result = nnsim::use_huge_page_heap() ? used : 0;
  std::vector<char> block(std::size_t{8} << 20, 1);
  if (flags_of_mapping(&block.back()).find(" hg") != std::string::npos) result |= advised;
  return result;
}

}  // namespace

TEST_CASE("the heap is marked for huge pages, and later blocks come from it", "[huge_page_heap]") {
  // In a child of this process, whose heap is in use and fragmented, not
  // fresh as at the start of a program.
  const int result = in_child([] {
    unsetenv("NNSIM_HUGE_PAGES");
    return set_up_and_look();
  });
  if (address_sanitizer) {
    CHECK(result == 0);  // the sanitizer's allocator is left alone
  } else if (unlimited(RLIMIT_AS) && unlimited(RLIMIT_DATA)) {
    CHECK(result == (used | advised));
  } else {
    CHECK(result == 0);
  }
}

TEST_CASE("NNSIM_HUGE_PAGES=0 leaves the heap alone", "[huge_page_heap]") {
  const int result = in_child([] {
    setenv("NNSIM_HUGE_PAGES", "0", 1);
    return set_up_and_look();
  });
  CHECK(result == 0);
}

TEST_CASE("a limited address space leaves the heap alone", "[huge_page_heap]") {
  const int result = in_child([] {
    unsetenv("NNSIM_HUGE_PAGES");
    rlimit limit{};
    getrlimit(RLIMIT_AS, &limit);
    // Limited, if generously.
    limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? std::size_t{64} << 40 : limit.rlim_max;
    if (setrlimit(RLIMIT_AS, &limit) != 0) return 254;
    return set_up_and_look();
  });
  CHECK(result == 0);
}
