#include "nnsim/io/line_reader.hpp"

#include "nnsim/io/text_file.hpp"
#include "nnsim/support/error.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

namespace nnsim {
namespace {

// Bytes asked of one read(): read() returns what has arrived, so a line
// that has arrived is never held back waiting for a full buffer.
constexpr std::size_t chunk_bytes = 65536;

std::string reason(int error) { return std::strerror(error != 0 ? error : EIO); }

}  // namespace

line_reader::line_reader(const std::string& path) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
    source_name_ = "<stdin>";
    what_ = "standard input";
    return;
  }
  source_name_ = path;
  what_ = fmt::format("'{}'", path);
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw input_error(fmt::format("cannot read {}: {}", what_, reason(errno)));
  owns_fd_ = true;
}

line_reader::~line_reader() {
  if (owns_fd_) ::close(fd_);
}

bool line_reader::fill() {
  if (at_end_) return false;
  // What was handed out already goes first.
  buffer_.erase(0, position_);
  position_ = 0;
  const std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + chunk_bytes);
  ssize_t got = 0;
  do {
    got = ::read(fd_, buffer_.data() + old_size, chunk_bytes);
  } while (got < 0 && errno == EINTR);
  const int error = errno;
  buffer_.resize(old_size + (got > 0 ? static_cast<std::size_t>(got) : 0));
  // A read error is never taken for the end of the text: a folder (EISDIR)
  // or a closed standard input (EBADF) is not an empty file.
  if (got < 0) throw input_error(fmt::format("cannot read {}: {}", what_, reason(error)));
  if (got == 0) at_end_ = true;
  return got > 0;
}

bool line_reader::next(std::string& line) {
  if (line_number_ == 0 && position_ == 0) {
    // A byte order mark: read on only while what has arrived could still be
    // one, so that a short first line is not held back.
    static constexpr std::string_view mark = "\xEF\xBB\xBF";
    while (buffer_.size() < mark.size() && mark.starts_with(buffer_) && fill()) {
    }
    if (buffer_.starts_with(mark)) bom_length_ = mark.size();
  }
  std::size_t scanned = 0;  // bytes of the current line looked at so far
  while (true) {
    // A '\r' that ended the previous line at the end of what had arrived:
    // a '\n' right after it belongs to that line end.
    if (after_cr_ && position_ < buffer_.size()) {
      if (buffer_[position_] == '\n') ++position_;
      after_cr_ = false;
    }
    const std::size_t start = position_ + (line_number_ == 0 ? bom_length_ : 0);
    const std::size_t end = buffer_.find_first_of("\r\n", start + scanned);
    if (end != std::string::npos) {
      line.assign(buffer_, start, end - start);
      position_ = end + 1;
      if (buffer_[end] == '\r') after_cr_ = true;
      ++line_number_;
      return true;
    }
    scanned = buffer_.size() - start;
    if (scanned > max_text_file_bytes()) {
      throw input_error(fmt::format("cannot read {}: line {} is longer than the limit of {}", what_,
                                    line_number_ + 1, describe_text_file_limit()));
    }
    if (!fill()) {
      // The last line has no line end; a text that ends in one (or is
      // empty) has no line left.  fill() may have moved the bytes.
      after_cr_ = false;
      const std::size_t rest = position_ + (line_number_ == 0 ? bom_length_ : 0);
      if (rest >= buffer_.size()) return false;
      line.assign(buffer_, rest, std::string::npos);
      position_ = buffer_.size();
      ++line_number_;
      return true;
    }
  }
}

}  // namespace nnsim
