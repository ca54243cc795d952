// The progress line of long work (cli.md, "Progress and Ctrl-C"): one line
// on standard error, redrawn in place with '\r' a few times a second, once
// the work has taken a second -- "run: 48213 steps, largest value 154290
// bits, 3.2 s, 15066 steps/s" or "recognize: 412/2047 words, 3.2 s".  It is
// shown only when standard error is a terminal and the command's output is
// not for a program (--json), so pipes, files and scripts see nothing.  The
// environment variable NNSIM_PROGRESS overrides the terminal test:
// `always` shows it on any standard error (for tests), `never` never.
//
// The line is cleared before anything else is written to standard error, or
// to standard output when that is a terminal too (output.cpp calls
// before_output), and when the display goes away; so it never mixes with a
// report or a message.  Every command that works long makes one.
#pragma once

#include "nnsim/run/run_monitor.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace nnsim::cli {

class progress_display {
 public:
  // `label` opens the line ("run", "check boolean").  `machine_output`: the
  // command writes JSON or JSON lines (no line then, even with `always`).
  progress_display(std::string label, bool machine_output);
  ~progress_display();
  progress_display(const progress_display&) = delete;
  progress_display& operator=(const progress_display&) = delete;

  // Whether the line is shown at all; updates cost nothing when it is not.
  bool enabled() const { return enabled_; }

  // One computation: the steps done and its largest value in bits (0: the
  // values have no size in bits, as in the floating modes).  Within a count
  // (update_count) this is the computation of the current item.
  void update_run(std::uint64_t steps, std::size_t bits);

  // Many items: `done` of `total` `what` ("words", "functions"); a total of
  // 0 means it is not known in advance.  Drops the previous item's
  // computation from the line.
  void update_count(std::uint64_t done, std::uint64_t total, std::string_view what);

  // Removes the line; the next update draws it again.
  void clear();

  // A monitor for a run (run_request::monitor, recognition_options::monitor):
  // its progress goes to update_run when the line is shown, and Ctrl-C
  // (interruption.hpp) stops the run.  Valid while the display exists.
  run_monitor monitor();

  // Called before text is written to standard output (`standard_output`)
  // or standard error: clears the line of the display that shows one.
  static void before_output(bool standard_output);

 private:
  using clock = std::chrono::steady_clock;
  // Redraws the line when the work has taken long enough and the last draw
  // is old enough.
  void refresh();
  std::string text(clock::time_point now) const;

  std::string label_;
  bool enabled_ = false;
  bool shown_ = false;
  clock::time_point start_;
  clock::time_point last_draw_;

  // What the line says.
  bool counting_ = false;
  std::uint64_t done_ = 0;
  std::uint64_t total_ = 0;
  std::string what_;
  bool running_ = false;
  std::uint64_t steps_ = 0;
  std::size_t bits_ = 0;
};

}  // namespace nnsim::cli
