// Small text helpers shared by the commands: where output goes, that none of
// it is lost, and how counts read.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace nnsim::cli {

// Output that was produced but could not be written: a full device, a
// file-size limit, a closed standard output.  main reports it with exit
// code 3 (cli.md).
class output_error : public std::runtime_error {
 public:
  output_error(const std::string& message, bool standard_output)
      : std::runtime_error(message), standard_output_(standard_output) {}
  // Whether standard output itself failed (then nothing more goes there).
  bool standard_output() const { return standard_output_; }

 private:
  bool standard_output_;
};

// Writes `text` to the file `path`, or to standard output when `path` is
// empty or `-`.  A file is written whole or not at all: into a temporary
// file in the same folder, synced, then renamed over `path` (which keeps its
// permissions); on any failure the temporary file is removed and an
// existing `path` is left as it was.  A path that exists but is not a
// regular file (/dev/null, a pipe) is written directly.  Throws input_error
// when the file cannot be created (a missing folder, no permission, a
// folder as `path`) and output_error when writing it fails.
void write_output(std::string_view text, const std::string& path);

class file_output;

// Output made piece by piece, as a stream of rows (eval): to standard
// output when `path` is empty or `-`, where flush() hands what was written
// to the reader at once; or to the file `path`, replaced whole or not at
// all as by write_output: the pieces go into the temporary file and
// finish() renames it over `path`.  Destroyed before finish() (an error
// stopped the work), it removes the temporary file and leaves an existing
// `path` as it was.  Throws as write_output does: input_error from the
// constructor when the file cannot be created, output_error when writing
// fails.
class output_stream {
 public:
  explicit output_stream(const std::string& path);
  ~output_stream();
  output_stream(const output_stream&) = delete;
  output_stream& operator=(const output_stream&) = delete;

  void write(std::string_view text);
  // Standard output: flushes it.  A file: nothing (it appears whole).
  void flush();
  void finish();

 private:
  std::unique_ptr<file_output> file_;
};

// Writes `text` to standard output (buffered); throws output_error as soon
// as a write fails, so that a long stream stops when its reader is gone.
void write_standard_output(std::string_view text);

// Writes `text` to standard error, where a failure cannot be reported; it is
// remembered and finish_output reports it by the exit code.
void write_standard_error(std::string_view text);

// Flushes standard output; throws output_error when anything written to
// standard output or standard error was lost.  main calls it after every
// command that succeeded.
void finish_output();

// "1 step", "2 steps".
std::string plural(std::size_t count, std::string_view singular, std::string_view plural_form);

// The footer of a command's --help: the explanation (word-wrapped; a line
// break in it is kept) and an "Examples:" block, one example per line.
std::string help_footer(std::string_view explanation, std::initializer_list<std::string_view> examples);

}  // namespace nnsim::cli
