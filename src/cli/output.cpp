#include "cli/output.hpp"

#include "cli/help_formatter.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace nnsim::cli {

void write_output(std::string_view text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  // stdio rather than a stream, so that the reason for a failure (errno)
  // can be named in the message.
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file) throw input_error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  const bool written = std::fwrite(text.data(), 1, text.size(), file.get()) == text.size();
  if (!written || std::fflush(file.get()) != 0) {
    throw input_error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
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
