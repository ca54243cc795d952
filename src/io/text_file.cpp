#include "nnsim/io/text_file.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace nnsim {
namespace {

// The whole content of an open stream, or an input_error naming `what`.  A
// read error is never taken for the end of the text: a directory (EISDIR)
// or a closed standard input (EBADF) must not load as an empty network.
std::string read_stream(std::FILE* file, const std::string& what) {
  std::string text;
  std::array<char, 65536> buffer;
  while (true) {
    errno = 0;
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file);
    const int error = errno;
    text.append(buffer.data(), got);
    if (std::ferror(file)) {
      throw input_error(fmt::format("cannot read {}: {}", what, std::strerror(error != 0 ? error : EIO)));
    }
    if (text.size() > max_text_file_bytes()) {
      throw input_error(fmt::format("cannot read {}: it is longer than the limit of {} for an input file", what,
                                    describe_text_file_limit()));
    }
    if (got < buffer.size()) break;
  }
  return text;
}

}  // namespace

namespace {
std::size_t text_file_limit = default_max_text_file_bytes;
}  // namespace

std::size_t max_text_file_bytes() { return text_file_limit; }

void limit_text_file_size(std::size_t memory_limit) {
  text_file_limit = std::max(default_max_text_file_bytes, memory_limit / 8);
}

std::string describe_text_file_limit() {
  if (text_file_limit == default_max_text_file_bytes) return fmt::format("{} bytes (64 MiB)", text_file_limit);
  return fmt::format("{} bytes (an eighth of --max-memory)", text_file_limit);
}

bool is_stream(const std::string& path) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  return !error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
         !std::filesystem::is_directory(status);
}

std::string read_text_file(const std::string& path) {
  if (path == "-") {
    // Read once, kept: a shard's record fingerprints what the job read from
    // standard input, and `nnsim merge` fingerprints it before running the
    // job, which reads it again (cli/shard_job.cpp).
    static std::optional<std::string> standard_input;
    if (!standard_input) standard_input = read_stream(stdin, "standard input");
    return *standard_input;
  }
  // A pipe, a FIFO or a device (/dev/stdin, <(...)) cannot be read twice
  // either: read once and kept, for the same reason.
  static std::map<std::string, std::string> streams;
  const bool stream = is_stream(path);
  if (stream) {
    const auto kept = streams.find(path);
    if (kept != streams.end()) return kept->second;
  }
  errno = 0;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw input_error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  // fopen succeeds on a directory; reading it fails with EISDIR.
  std::string text = read_stream(file.get(), fmt::format("'{}'", path));
  if (stream) streams[path] = text;
  return text;
}

}  // namespace nnsim
