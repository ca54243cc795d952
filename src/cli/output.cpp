#include "cli/output.hpp"

#include "cli/help_formatter.hpp"
#include "cli/progress_display.hpp"
#include "nnsim/support/error.hpp"
#include "support/text.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace nnsim::cli {
namespace {

// errno as words; a failure that left errno unset (a stream's error flag
// set by an earlier write) reads as an input/output error.
std::string reason(int error) { return std::strerror(error != 0 ? error : EIO); }

[[noreturn]] void file_write_failed(const std::string& path, int error) {
  throw output_error(fmt::format("cannot write '{}': {}", path, reason(error)), false);
}

// Writes all of `text` to the descriptor, or returns the errno of the write
// that failed.
int write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(fd, text.data(), text.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

// The mode a new file gets from open(…, 0666): 0666 without the umask.
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// The temporary file of write_output: removed unless it was renamed.
class temporary_file {
 public:
  explicit temporary_file(std::string name) : name_(std::move(name)), fd_(::mkstemp(name_.data())) {}
  ~temporary_file() {
    if (fd_ >= 0) ::close(fd_);
    if (!renamed_) ::unlink(name_.c_str());
  }
  temporary_file(const temporary_file&) = delete;
  temporary_file& operator=(const temporary_file&) = delete;

  int fd() const { return fd_; }
  // Closes the file; the errno of a failure, else 0.
  int close() {
    const int result = ::close(fd_);
    fd_ = -1;
    return result == 0 ? 0 : errno;
  }
  // Renames the file to `target`; the errno of a failure, else 0.
  int rename_to(const std::string& target) {
    if (std::rename(name_.c_str(), target.c_str()) != 0) return errno;
    renamed_ = true;
    return 0;
  }

 private:
  std::string name_;
  int fd_;
  bool renamed_ = false;
};

}  // namespace

// What is written to `path` goes into a temporary file `.NAME.XXXXXX` next
// to it, renamed over it by finish(); a file that is not a regular one
// (/dev/null, /dev/stdout, a named pipe) cannot be replaced by a rename and
// is written where it is.
class file_output {
 public:
  explicit file_output(const std::string& path) : path_(path) {
    // A symbolic link stays one: the file it points to is replaced.
    target_ = path;
    if (std::unique_ptr<char, void (*)(void*)> resolved(::realpath(path.c_str(), nullptr), &std::free); resolved) {
      target_ = resolved.get();
    }
    struct stat existing {};
    const bool exists = ::stat(target_.c_str(), &existing) == 0;
    if (exists && S_ISDIR(existing.st_mode)) {
      throw input_error(fmt::format("cannot write '{}': {}", path, reason(EISDIR)));
    }
    if (exists && !S_ISREG(existing.st_mode)) {
      errno = 0;
      in_place_ = std::fopen(path.c_str(), "wb");
      if (in_place_ == nullptr) throw input_error(fmt::format("cannot write '{}': {}", path, reason(errno)));
      return;
    }

    // `.NAME.XXXXXX` next to the target, so that the rename stays on one
    // file system and is atomic.
    const std::size_t slash = target_.rfind('/');
    const std::string folder = slash == std::string::npos ? std::string() : target_.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? target_ : target_.substr(slash + 1);
    temporary_ = std::make_unique<temporary_file>(folder + "." + name.substr(0, 200) + ".XXXXXX");
    if (temporary_->fd() < 0) throw input_error(fmt::format("cannot write '{}': {}", path, reason(errno)));

    // The new file keeps the mode (and, where allowed, the owner) of the
    // one it replaces; a new one gets the mode open() would give it.
    if (::fchmod(temporary_->fd(), exists ? existing.st_mode & 07777 : new_file_mode()) != 0) {
      file_write_failed(path, errno);
    }
    if (exists && (existing.st_uid != ::geteuid() || existing.st_gid != ::getegid())) {
      [[maybe_unused]] const int ignored = ::fchown(temporary_->fd(), existing.st_uid, existing.st_gid);
    }
  }
  ~file_output() {
    if (in_place_ != nullptr) std::fclose(in_place_);
  }
  file_output(const file_output&) = delete;
  file_output& operator=(const file_output&) = delete;

  void write(std::string_view text) {
    if (in_place_ != nullptr) {
      errno = 0;
      if (std::fwrite(text.data(), 1, text.size(), in_place_) != text.size()) file_write_failed(path_, errno);
      return;
    }
    if (pending_.size() + text.size() < buffer_bytes) {
      pending_.append(text);
      return;
    }
    // A large text (a whole network from write_output) is not copied.
    write_pending();
    if (const int error = write_all(temporary_->fd(), text); error != 0) file_write_failed(path_, error);
  }

  void finish() {
    if (in_place_ != nullptr) {
      errno = 0;
      const bool flushed = std::fflush(in_place_) == 0;
      const int error = errno;
      const int closed = std::fclose(in_place_);
      in_place_ = nullptr;
      if (closed != 0 || !flushed) file_write_failed(path_, flushed ? errno : error);
      return;
    }
    write_pending();
    if (::fsync(temporary_->fd()) != 0) file_write_failed(path_, errno);
    if (const int error = temporary_->close(); error != 0) file_write_failed(path_, error);
    if (const int error = temporary_->rename_to(target_); error != 0) file_write_failed(path_, error);
  }

 private:
  // Written to the temporary file in pieces of about this size.
  static constexpr std::size_t buffer_bytes = 65536;

  void write_pending() {
    if (const int error = write_all(temporary_->fd(), pending_); error != 0) file_write_failed(path_, error);
    pending_.clear();
  }

  std::string path_;
  std::string target_;
  std::FILE* in_place_ = nullptr;
  std::unique_ptr<temporary_file> temporary_;
  std::string pending_;
};

namespace {

void write_file(std::string_view text, const std::string& path) {
  file_output file(path);
  file.write(text);
  file.finish();
}

// A write to standard error failed (there is nowhere to say so).
bool standard_error_failed = false;

}  // namespace

void write_output(std::string_view text, const std::string& path) {
  if (path.empty() || path == "-") return write_standard_output(text);
  write_file(text, path);
}

output_stream::output_stream(const std::string& path) {
  if (!path.empty() && path != "-") file_ = std::make_unique<file_output>(path);
}

output_stream::~output_stream() = default;

void output_stream::write(std::string_view text) {
  if (file_) return file_->write(text);
  write_standard_output(text);
}

void output_stream::flush() {
  if (file_) return;
  errno = 0;
  if (std::fflush(stdout) != 0) throw output_error(fmt::format("cannot write standard output: {}", reason(errno)), true);
}

void output_stream::finish() {
  if (file_) file_->finish();
  file_.reset();
}

void write_standard_output(std::string_view text) {
  progress_display::before_output(true);
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::ferror(stdout)) {
    throw output_error(fmt::format("cannot write standard output: {}", reason(errno)), true);
  }
}

void write_standard_error(std::string_view text) {
  // Messages quote file names and command-line values, which may hold
  // anything; none of it may reach the terminal raw.
  const std::string shown = escape_lines_for_terminal(text);
  progress_display::before_output(false);
  if (std::fwrite(shown.data(), 1, shown.size(), stderr) != shown.size() || std::fflush(stderr) != 0) {
    standard_error_failed = true;
  }
}

void finish_output() {
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    throw output_error(fmt::format("cannot write standard output: {}", reason(errno)), true);
  }
  if (standard_error_failed || std::ferror(stderr)) {
    throw output_error(fmt::format("cannot write standard error: {}", reason(errno)), false);
  }
}

std::string plural(std::size_t count, std::string_view singular, std::string_view plural_form) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural_form);
}

std::string help_footer(std::string_view explanation, std::initializer_list<std::string_view> examples) {
  std::string text = wrap_text(explanation, help_width) + "\n\nExamples:";
  for (std::string_view line : examples) text += fmt::format("\n  {}", line);
  return text;
}

}  // namespace nnsim::cli
