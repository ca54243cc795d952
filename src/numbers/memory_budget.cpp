#include "nnsim/numbers/memory_budget.hpp"

#include "nnsim/numbers/number_memory.hpp"

namespace nnsim {

memory_budget::memory_budget(std::size_t limit) : limit_(limit), numbers_at_start_(number_memory_in_use()) {}

std::size_t memory_budget::used() const {
  const std::size_t numbers = number_memory_in_use();
  const std::size_t growth = numbers > numbers_at_start_ ? numbers - numbers_at_start_ : 0;
  return charged_ + growth;
}

bool memory_budget::try_charge(std::size_t bytes) {
  const std::size_t now = used();
  if (now > limit_ || bytes > limit_ - now) return false;
  charged_ += bytes;
  return true;
}

void memory_budget::count_numbers_from_now(std::size_t already_counted) {
  const std::size_t numbers = number_memory_in_use();
  numbers_at_start_ = numbers - (already_counted < numbers ? already_counted : numbers);
}

void memory_budget::release(std::size_t bytes) { charged_ -= bytes < charged_ ? bytes : charged_; }

}  // namespace nnsim
