// One budget for the memory a piece of work keeps (--max-memory): what the
// work charges explicitly (the table of seen states, saved states, the
// arrays of a compiled network, trace rows, the results of many words) plus
// what GMP and MPFR hold for numbers beyond what they held when the budget
// was made (number_memory.hpp; nothing while tracking is off).  Charging is
// explicit so that the owner of a large allocation can stop *before* making
// it, with a message that says what needed the memory.
#pragma once

#include <cstddef>
#include <limits>

namespace nnsim {

class memory_budget {
 public:
  static constexpr std::size_t unlimited = std::numeric_limits<std::size_t>::max();

  explicit memory_budget(std::size_t limit = unlimited);

  std::size_t limit() const { return limit_; }
  // Charged bytes plus the growth of number memory since construction.
  std::size_t used() const;
  // Charges `bytes` and returns true, or charges nothing and returns false
  // when used() + bytes would pass the limit.
  [[nodiscard]] bool try_charge(std::size_t bytes);
  // Gives back bytes charged before.
  void release(std::size_t bytes);
  // Counts the growth of number memory from now on instead of from
  // construction, plus `already_counted` bytes that numbers in use now are
  // still to count for: for a budget that serves one computation after
  // another, all of which count the numbers they share.
  void count_numbers_from_now(std::size_t already_counted = 0);
  // Whether used() is past the limit (numbers grow without being charged).
  bool exceeded() const { return used() > limit_; }

 private:
  std::size_t limit_;
  std::size_t charged_ = 0;
  std::size_t numbers_at_start_;
};

// Bytes charged through one handle, given back when it goes away: a
// container owner charges its growth here.
class memory_charge {
 public:
  explicit memory_charge(memory_budget& budget) : budget_(&budget) {}
  memory_charge(const memory_charge&) = delete;
  memory_charge& operator=(const memory_charge&) = delete;
  ~memory_charge() { budget_->release(bytes_); }

  [[nodiscard]] bool try_add(std::size_t bytes) {
    if (!budget_->try_charge(bytes)) return false;
    bytes_ += bytes;
    return true;
  }
  void remove(std::size_t bytes) {
    bytes = bytes < bytes_ ? bytes : bytes_;
    budget_->release(bytes);
    bytes_ -= bytes;
  }
  std::size_t bytes() const { return bytes_; }
  memory_budget& budget() const { return *budget_; }

 private:
  memory_budget* budget_;
  std::size_t bytes_ = 0;
};

}  // namespace nnsim
