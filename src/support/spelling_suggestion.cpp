#include "support/spelling_suggestion.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace nnsim {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::size_t spelling_distance(std::string_view a, std::string_view b) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > max_spelling_distance) return gap;
  // Three rows of the dynamic programme: i - 2, i - 1 and i.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
      const bool swapped = i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]);
      if (swapped) current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string_view> closest_spelling(std::string_view word, std::span<const std::string_view> candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = std::min(max_spelling_distance + 1, word.size());
  for (std::string_view candidate : candidates) {
    const std::size_t d = spelling_distance(word, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  // One edit is a typo; at two edits an abbreviation of exactly one name
  // is the likelier meaning (`par` is `parity` rather than `or`).
  if (best_distance <= 1 || word.size() < min_prefix_length) return best;
  std::optional<std::string_view> abbreviated;
  for (std::string_view candidate : candidates) {
    if (candidate.size() > word.size() && spelling_distance(word, candidate.substr(0, word.size())) == 0) {
      if (abbreviated) return best;  // more than one: no guess
      abbreviated = candidate;
    }
  }
  return abbreviated ? abbreviated : best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  const auto best = closest_spelling(word, candidates);
  return best ? fmt::format("; did you mean '{}'?", *best) : std::string();
}

}  // namespace nnsim
