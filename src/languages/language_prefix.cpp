#include "nnsim/languages/language_prefix.hpp"

#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace nnsim {
namespace {

std::string shown_word(std::string_view word) { return word.empty() ? std::string("ε") : fmt::format("'{}'", word); }

bool is_palindrome(std::string_view word) { return std::equal(word.begin(), word.begin() + word.size() / 2, word.rbegin()); }

bool ones_divisible_by_three(std::string_view word) { return std::count(word.begin(), word.end(), '1') % 3 == 0; }

void check_binary_word(std::string_view word) {
  for (const char c : word) {
    if (c != '0' && c != '1') {
      throw input_error(fmt::format("the word {} has the character '{}': words are over 0 and 1", shown_word(word), c));
    }
  }
}

}  // namespace

std::uint64_t shortlex_position(std::string_view word) {
  check_binary_word(word);
  if (word.size() > 62) {
    throw input_error(fmt::format("the word {} is too long for a position (at most 62 symbols)", shown_word(word)));
  }
  std::uint64_t i = 1;
  for (const char c : word) i = 2 * i + static_cast<std::uint64_t>(c - '0');
  return i;
}

void check_language_prefix_length(std::size_t max_length) {
  if (max_length <= max_language_prefix_length) return;
  throw input_error(fmt::format(
      "the words of length up to {} need a weight of 2^{} - 1 base-4 digits, whose denominator has more than {} "
      "decimal digits, the most a number in a network file may have; the length is at most {}",
      max_length, max_length + 1, max_number_digits, max_language_prefix_length));
}

language_prefix::language_prefix(std::size_t max_length) : max_length_(max_length) {
  check_language_prefix_length(max_length);
  members_.assign((std::size_t{2} << max_length) - 1, false);
}

bool language_prefix::contains(std::string_view word) const {
  if (word.size() > max_length_) return false;
  return contains_position(shortlex_position(word));
}

std::uint64_t language_prefix::count_of_length(std::size_t length) const {
  const std::uint64_t first = std::uint64_t{1} << length;
  return static_cast<std::uint64_t>(
      std::count(members_.begin() + static_cast<std::ptrdiff_t>(first - 1),
                 members_.begin() + static_cast<std::ptrdiff_t>(2 * first - 1), true));
}

language_prefix language_from_words(const std::vector<std::string>& words, std::size_t max_length) {
  language_prefix language(max_length);
  for (const std::string& word : words) {
    check_binary_word(word);
    if (word.size() > max_length) {
      throw input_error(fmt::format("the word {} is longer than the longest words the weight decides (length {})",
                                    shown_word(word), max_length));
    }
    language.set_position(shortlex_position(word), true);
  }
  return language;
}

language_prefix language_from_machine(const turing_machine& machine, std::size_t max_length,
                                      std::uint64_t max_steps) {
  language_prefix language(max_length);
  for (std::uint64_t i = 1; i <= language.word_count(); ++i) {
    const std::string word = shortlex_word(i - 1);
    const machine_run run = run_machine(machine, word, max_steps);
    if (run.outcome == machine_outcome::undecided) {
      throw input_error(fmt::format("the machine{} neither halts nor repeats a configuration within {} steps on "
                                    "the word {}: whether it accepts it is not known (raise --max-steps)",
                                    machine.name.empty() ? "" : fmt::format(" '{}'", machine.name), max_steps,
                                    shown_word(word)));
    }
    language.set_position(i, run.outcome == machine_outcome::accepted);
  }
  return language;
}

const std::vector<demo_language>& demo_languages() {
  static const std::vector<demo_language> demos{
      {"palindromes", "binary palindromes (ε, 0, 1, 00, 11, 000, 010, …)", is_palindrome},
      {"ones-mod-3", "the words whose number of 1s is divisible by 3 (ε, 0, 00, 000, 111, …)", ones_divisible_by_three},
  };
  return demos;
}

const demo_language& find_demo_language(std::string_view name) {
  for (const demo_language& demo : demo_languages()) {
    if (demo.name == name) return demo;
  }
  std::vector<std::string> names;
  for (const demo_language& demo : demo_languages()) names.push_back(std::string(demo.name));
  throw input_error(fmt::format("unknown demonstration language '{}' (there are {})", name, fmt::join(names, ", ")));
}

language_prefix language_from_demo(const demo_language& demo, std::size_t max_length) {
  language_prefix language(max_length);
  for (std::uint64_t i = 1; i <= language.word_count(); ++i) {
    language.set_position(i, demo.contains(shortlex_word(i - 1)));
  }
  return language;
}

}  // namespace nnsim
