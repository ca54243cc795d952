#include "run/monitor_poll.hpp"

#include <limits>

namespace nnsim {
namespace {

constexpr auto too_soon = std::chrono::milliseconds(1);
constexpr auto too_late = std::chrono::milliseconds(10);
constexpr std::uint64_t max_stride = std::uint64_t{1} << 24;

}  // namespace

monitor_poll::monitor_poll(const run_monitor* monitor)
    : monitor_(monitor != nullptr && monitor->active() ? monitor : nullptr),
      countdown_(monitor_ != nullptr ? 1 : std::numeric_limits<std::uint64_t>::max()),
      last_look_(clock::now()),
      last_report_(last_look_) {}

bool monitor_poll::look(std::uint64_t steps, std::size_t largest_value_bits) {
  if (monitor_ == nullptr) {
    countdown_ = std::numeric_limits<std::uint64_t>::max();
    return false;
  }
  const clock::time_point now = clock::now();
  const clock::duration since = now - last_look_;
  if (since < too_soon && stride_ < max_stride) {
    stride_ *= 2;
  } else if (since > too_late && stride_ > 1) {
    stride_ /= 2;
  }
  last_look_ = now;
  countdown_ = stride_;
  if (monitor_->stop()) return true;
  if (monitor_->progress && now - last_report_ >= monitor_->interval) {
    last_report_ = now;
    monitor_->progress(run_progress{steps, largest_value_bits});
  }
  return false;
}

}  // namespace nnsim
