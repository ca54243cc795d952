#include "support/text.hpp"

namespace nnsim {
namespace {

constexpr std::size_t max_quoted_length = 40;

}  // namespace

std::string shorten(std::string_view text) {
  if (text.size() <= max_quoted_length) return std::string(text);
  return std::string(text.substr(0, max_quoted_length)) + "...";
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace nnsim
