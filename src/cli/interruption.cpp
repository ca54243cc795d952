#include "cli/interruption.hpp"

namespace nnsim::cli {
namespace {

// A lock-free atomic is what a signal handler may write (C++17 [support.signal]).
std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_interrupt(int) { interrupted.store(true, std::memory_order_relaxed); }

}  // namespace

interrupt_guard::interrupt_guard() {
  struct sigaction current {};
  if (sigaction(SIGINT, nullptr, &current) != 0 || current.sa_handler == SIG_IGN) return;
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // SA_RESETHAND: the handler runs once, then SIGINT ends the process again.
  // SA_RESTART: a write that SIGINT interrupts goes on.
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  installed_ = sigaction(SIGINT, &action, &previous_) == 0;
}

interrupt_guard::~interrupt_guard() {
  if (installed_) sigaction(SIGINT, &previous_, nullptr);
}

const std::atomic<bool>* interrupt_flag() { return &interrupted; }

void clear_interrupt_request() { interrupted.store(false, std::memory_order_relaxed); }

bool interrupt_requested() { return interrupted.load(std::memory_order_relaxed); }

}  // namespace nnsim::cli
