// Ctrl-C during long work (cli.md, "Progress and Ctrl-C"): the first SIGINT
// asks the work to stop, which then reports what it reached and exits with
// exit_interrupted; a second one ends nnsim at once, as SIGINT always does.
// The library only reads the flag (run_monitor.hpp); the handler lives here.
#pragma once

#include <atomic>
#include <csignal>

namespace nnsim::cli {

// 128 + SIGINT, what a shell reports for a program that SIGINT ended.
inline constexpr int exit_interrupted = 130;

// While it exists, SIGINT sets interrupt_flag() instead of ending the
// process, once: the handler resets itself, so a second Ctrl-C ends nnsim.
// Commands create one around the work that watches the flag, and only
// those commands: elsewhere Ctrl-C ends nnsim at once.  When SIGINT was
// ignored (the shell started nnsim in the background without job control)
// it stays ignored, as for any program.
class interrupt_guard {
 public:
  interrupt_guard();
  ~interrupt_guard();
  interrupt_guard(const interrupt_guard&) = delete;
  interrupt_guard& operator=(const interrupt_guard&) = delete;

 private:
  struct sigaction previous_ {};
  bool installed_ = false;
};

// Set by the first SIGINT under an interrupt_guard; cleared only by
// clear_interrupt_request.
const std::atomic<bool>* interrupt_flag();

// Clears the flag, for a command that goes on after an interruption (the
// stepper of nnsim step, which returns to its prompt and makes a new guard
// for its next long move).
void clear_interrupt_request();

// Whether it is set.
bool interrupt_requested();

}  // namespace nnsim::cli
