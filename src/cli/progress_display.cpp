#include "cli/progress_display.hpp"

#include "cli/interruption.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace nnsim::cli {
namespace {

// "about a second" of work before the line appears, and at most about seven
// redraws a second after that.
constexpr auto first_draw_after = std::chrono::seconds(1);
constexpr auto redraw_every = std::chrono::milliseconds(150);

// The display whose line is on the screen (one command runs at a time).
progress_display* showing = nullptr;

bool shown_for_environment(bool terminal) {
  const char* setting = std::getenv("NNSIM_PROGRESS");
  const std::string_view value = setting != nullptr ? setting : "";
  if (value == "always") return true;
  if (value == "never") return false;
  return terminal;
}

// All of `text` to standard error, raw (it is our own text, with the control
// sequences that redraw the line); a failure only loses the line.
void write_raw(std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(STDERR_FILENO, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

// The terminal's width, or 0 when unknown.
std::size_t terminal_width() {
  winsize size{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

}  // namespace

progress_display::progress_display(std::string label, bool machine_output)
    : label_(std::move(label)),
      enabled_(!machine_output && shown_for_environment(::isatty(STDERR_FILENO) != 0)),
      start_(clock::now()),
      last_draw_(start_) {}

progress_display::~progress_display() {
  clear();
  if (showing == this) showing = nullptr;
}

void progress_display::update_run(std::uint64_t steps, std::size_t bits) {
  if (!enabled_) return;
  running_ = true;
  steps_ = steps;
  bits_ = bits;
  refresh();
}

void progress_display::update_count(std::uint64_t done, std::uint64_t total, std::string_view what) {
  if (!enabled_) return;
  counting_ = true;
  done_ = done;
  total_ = total;
  if (what_ != what) what_ = what;
  running_ = false;
  refresh();
}

void progress_display::refresh() {
  const clock::time_point now = clock::now();
  if (now - start_ < first_draw_after || (shown_ && now - last_draw_ < redraw_every)) return;
  last_draw_ = now;
  std::string line = text(now);
  // A line wider than the terminal wraps, and '\r' would not return to its start.
  if (const std::size_t width = terminal_width(); width > 1 && line.size() > width - 1) line.resize(width - 1);
  // Standard output first, when it is the same screen: its text goes above the line.
  if (::isatty(STDOUT_FILENO) != 0) std::fflush(stdout);
  write_raw("\r" + line + "\033[K");
  shown_ = true;
  showing = this;
}

std::string progress_display::text(clock::time_point now) const {
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = label_ + ": ";
  if (counting_) {
    // A total of 0: not known in advance (the lines of a stream).
    if (total_ > 0) line += fmt::format("{}/{} {}, {:.1f} s", done_, total_, what_, seconds);
    else line += fmt::format("{} {}, {:.1f} s", done_, what_, seconds);
    if (running_) {
      line += fmt::format("; current one: {} steps", steps_);
      if (bits_ > 0) line += fmt::format(", largest value {} bits", bits_);
    }
    return line;
  }
  line += fmt::format("{} steps", steps_);
  if (bits_ > 0) line += fmt::format(", largest value {} bits", bits_);
  line += fmt::format(", {:.1f} s", seconds);
  if (seconds > 0) line += fmt::format(", {:.0f} steps/s", static_cast<double>(steps_) / seconds);
  return line;
}

void progress_display::clear() {
  if (!shown_) return;
  write_raw("\r\033[K");
  shown_ = false;
  if (showing == this) showing = nullptr;
}

run_monitor progress_display::monitor() {
  run_monitor monitor;
  monitor.stop_requested = interrupt_flag();
  if (enabled_) {
    monitor.progress = [this](const run_progress& p) { update_run(p.steps, p.largest_value_bits); };
  }
  return monitor;
}

void progress_display::before_output(bool standard_output) {
  if (showing == nullptr) return;
  if (standard_output && ::isatty(STDOUT_FILENO) == 0) return;
  showing->clear();
}

}  // namespace nnsim::cli
