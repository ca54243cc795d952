// A language L ⊆ {0,1}* known on its short words: which of the words of
// length 0..n are in L, in shortlex order (ε, 0, 1, 00, 01, …).  The word ω
// has position i(ω) = int("1"ω, 2): ε is 1, 0 is 2, 1 is 3, 00 is 4, …, so
// the words of length 0..n are the positions 1 … 2^(n+1) - 1.  This is what
// the super-Turing construction (oracle_network.hpp) stores in its weight,
// and where such a language comes from: a list of words, a Turing machine
// run directly, or one of the built-in demonstration languages.
#pragma once

#include "nnsim/languages/turing_machine.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// i(ω) = int("1"ω, 2); throws input_error for a character other than 0/1
// or a word longer than 62 symbols.
std::uint64_t shortlex_position(std::string_view word);

class language_prefix {
 public:
  // The empty language on the words of length 0..max_length.
  explicit language_prefix(std::size_t max_length);

  std::size_t max_length() const { return max_length_; }
  // 2^(max_length+1) - 1: the words it decides.
  std::uint64_t word_count() const { return members_.size(); }
  // Whether the word at position i (1 … word_count()) is in L.
  bool contains_position(std::uint64_t i) const { return members_[i - 1]; }
  // Whether `word` (of length at most max_length) is in L.
  bool contains(std::string_view word) const;
  void set_position(std::uint64_t i, bool member) { members_[i - 1] = member; }
  // The number of words of length `length` in L.
  std::uint64_t count_of_length(std::size_t length) const;
  friend bool operator==(const language_prefix&, const language_prefix&) = default;

 private:
  std::size_t max_length_;
  std::vector<bool> members_;  // members_[i - 1]: the word at position i
};

// Largest n for which nnsim builds a language weight: the weight of the
// words of length 0..n has 2^(n+1) - 1 base-4 digits, and its denominator
// 4^(2^(n+1) - 1) must keep within the max_number_digits decimal digits of
// a number in a network file (4^131071 has 78,913 digits; 4^262143 has
// 157,826).
inline constexpr std::size_t max_language_prefix_length = 16;

// Throws input_error unless max_length <= max_language_prefix_length,
// saying why.
void check_language_prefix_length(std::size_t max_length);

// Exactly the given words (an empty word is ε).  Throws input_error for a
// character other than 0/1 or a word longer than max_length.
language_prefix language_from_words(const std::vector<std::string>& words, std::size_t max_length);

// L(M) on the words of length 0..max_length, each word run directly for at
// most max_steps transitions: accepted -> in L; rejected or proven to run
// forever -> not in L.  A word on which M is still running at the limit is
// an input_error that names it (its membership is not known, and is never
// guessed).
language_prefix language_from_machine(const turing_machine& machine, std::size_t max_length,
                                      std::uint64_t max_steps);

// A built-in demonstration language.
struct demo_language {
  std::string_view name;         // as given to --demo
  std::string_view description;  // "binary palindromes (ε, 0, 1, 00, 11, 000, 010, …)"
  bool (*contains)(std::string_view word);
};
const std::vector<demo_language>& demo_languages();
// The one named `name`; throws input_error naming the others.
const demo_language& find_demo_language(std::string_view name);
language_prefix language_from_demo(const demo_language& demo, std::size_t max_length);

}  // namespace nnsim
