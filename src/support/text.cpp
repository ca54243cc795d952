#include "support/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

namespace nnsim {
namespace {

constexpr std::size_t max_quoted_length = 40;

}  // namespace

bool is_identifier(std::string_view word) {
  if (word.empty() || !starts_identifier(word.front()) || word.back() == '.') return false;
  return std::all_of(word.begin(), word.end(), continues_identifier);
}

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

std::string alternatives(const std::vector<std::string_view>& words, std::string_view last) {
  if (words.size() < 2) return fmt::format("{}", fmt::join(words, ""));
  return fmt::format("{}{}{}", fmt::join(words.begin(), words.end() - 1, ", "), last, words.back());
}

std::string lowercase_first(std::string message) {
  if (message.size() >= 2 && std::isupper(static_cast<unsigned char>(message[0])) != 0 &&
      std::isupper(static_cast<unsigned char>(message[1])) == 0) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  return message;
}

}  // namespace nnsim
