#include "nnsim/support/shard.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

#include <charconv>

namespace nnsim {

std::string shard::text() const { return fmt::format("{}/{}", index, count); }

namespace {

// A whole number of digits only, at most max_shard_count.
std::optional<std::uint64_t> shard_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 7) return std::nullopt;
  for (const char c : digits) {
    if (!is_ascii_digit(c)) return std::nullopt;
  }
  std::uint64_t value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

}  // namespace

std::optional<shard> parse_shard(std::string_view text, std::string& why) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    why = fmt::format("'{}' is not of the form K/N (shard K of N, e.g. 2/4)", shorten(text));
    return std::nullopt;
  }
  const std::optional<std::uint64_t> k = shard_number(text.substr(0, slash));
  const std::optional<std::uint64_t> n = shard_number(text.substr(slash + 1));
  if (!k || !n) {
    why = fmt::format("'{}' is not of the form K/N with whole numbers K and N of at most {} (e.g. 2/4)",
                      shorten(text), max_shard_count);
    return std::nullopt;
  }
  if (*n < 1 || *n > max_shard_count) {
    why = fmt::format("'{}': N must be from 1 to {}", shorten(text), max_shard_count);
    return std::nullopt;
  }
  if (*k < 1 || *k > *n) {
    why = fmt::format("'{}': K must be from 1 to N = {}", shorten(text), *n);
    return std::nullopt;
  }
  return shard{*k, *n};
}

}  // namespace nnsim
