// The library's error types. The library only throws; the command-line front
// end prints the message and picks the exit code (cli.md): input_error -> 2,
// limit_error -> 3.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace nnsim {

// A place in a source text, 1-based; line 0 means "no place known".
struct text_location {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(const text_location&, const text_location&) = default;
};

// Bad input: a file that does not load, a bad value or option.  When it comes
// from a file it carries the file name, the place and the source line, so the
// front end can print `FILE:LINE:COL: error: MESSAGE` and a caret under it.
class input_error : public std::runtime_error {
 public:
  explicit input_error(const std::string& message) : std::runtime_error(message) {}
  input_error(const std::string& message, std::string file, text_location where, std::string source_line)
      : std::runtime_error(message), file_(std::move(file)), where_(where), source_line_(std::move(source_line)) {}

  const std::string& file() const { return file_; }
  text_location where() const { return where_; }
  const std::string& source_line() const { return source_line_; }
  bool has_location() const { return where_.line != 0; }

  // `FILE:LINE:COL: error: MESSAGE` (or `error: MESSAGE` without a place),
  // followed, when the source line is known, by that line and a caret line.
  // The line is shown safe for a terminal (control bytes, invalid UTF-8 and
  // invisible format characters escaped as \xNN or \uNNNN) and, when wider
  // than 80 columns, cut to a window around the caret with … marks.
  std::string diagnostic() const;

 private:
  std::string file_;
  text_location where_;
  std::string source_line_;
};

// A resource limit the user can set (--max-bits, --max-steps where it is a
// hard limit, memory) stopped the work.
class limit_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A floating-point computation (--numbers double or real:P) produced a value
// that is not a finite number (+inf, -inf or NaN): the floating modes
// approximate real numbers, and past this point no verdict would mean
// anything (NaN is unequal to itself, so fixed points and repetitions break).
// It is a limit of the chosen number mode, reported like the other limits.
class non_finite_error : public limit_error {
 public:
  non_finite_error(const std::string& message, std::string neuron, std::uint64_t state_time)
      : limit_error(message), neuron_(std::move(neuron)), state_time_(state_time) {}
  // The neuron whose potential or value left the finite numbers.
  const std::string& neuron() const { return neuron_; }
  // t: the neuron was evaluated on y(t) (or, at t = 0, y(0) itself holds it).
  std::uint64_t state_time() const { return state_time_; }

 private:
  std::string neuron_;
  std::uint64_t state_time_;
};

// Throws `error` again with `context` in front of its message ("on word
// '01': ..."), keeping its type (a non_finite_error stays one).
[[noreturn]] void rethrow_in_context(const limit_error& error, const std::string& context);

}  // namespace nnsim
