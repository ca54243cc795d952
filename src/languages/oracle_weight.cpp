#include "nnsim/languages/oracle_weight.hpp"

#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <gmp.h>

#include <cstdlib>
#include <memory>

namespace nnsim {
namespace {

std::string shown_word(std::string_view word) { return word.empty() ? std::string("ε") : fmt::format("'{}'", word); }

// The number of words of length 0..n: 2^(n+1) - 1.
std::uint64_t words_up_to(std::size_t n) { return (std::uint64_t{2} << n) - 1; }

}  // namespace

rational language_weight(const language_prefix& language) {
  std::string digits;
  digits.reserve(language.word_count());
  for (std::uint64_t i = 1; i <= language.word_count(); ++i) digits += language.contains_position(i) ? '3' : '1';
  integer numerator;
  mpz_set_str(numerator.backend().data(), digits.c_str(), 4);
  integer denominator = 1;
  denominator <<= 2 * digits.size();
  return rational(numerator, denominator);
}

std::string base4_digits(const rational& weight) {
  if (weight <= 0 || weight >= 1) {
    throw input_error("the weight is not strictly between 0 and 1");
  }
  const integer denominator = boost::multiprecision::denominator(weight);
  const std::size_t exponent = mpz_scan1(denominator.backend().data(), 0);  // denominator = 2^exponent?
  if (mpz_sizeinbase(denominator.backend().data(), 2) != exponent + 1) {
    throw input_error("the weight is not a finite base-4 fraction: its denominator is not a power of 2");
  }
  const std::size_t digit_count = (exponent + 1) / 2;
  integer numerator = boost::multiprecision::numerator(weight);
  numerator <<= 2 * digit_count - exponent;
  const std::unique_ptr<char, void (*)(void*)> text(mpz_get_str(nullptr, 4, numerator.backend().data()), std::free);
  std::string digits(text.get());
  return std::string(digit_count - digits.size(), '0') + digits;
}

std::optional<std::size_t> decided_length(const rational& weight) {
  const std::string digits = base4_digits(weight);
  std::size_t good = 0;  // leading digits that are 1 or 3
  while (good < digits.size() && (digits[good] == '1' || digits[good] == '3')) ++good;
  if (good == 0) return std::nullopt;
  std::size_t n = 0;
  while (words_up_to(n + 1) <= good) ++n;
  return n;
}

language_prefix language_of_weight(const rational& weight, std::size_t max_length) {
  language_prefix language(max_length);
  const std::string digits = base4_digits(weight);
  for (std::uint64_t i = 1; i <= language.word_count(); ++i) {
    const char digit = i <= digits.size() ? digits[i - 1] : '0';
    if (digit != '1' && digit != '3') {
      const std::optional<std::size_t> decided = decided_length(weight);
      throw input_error(fmt::format(
          "digit {} of the weight is {}, not 1 or 3, so it does not say whether the word {} is in the language; "
          "the weight {}",
          i, digit, shown_word(shortlex_word(i - 1)),
          decided ? fmt::format("decides the words of length 0..{} only", *decided)
                  : std::string("decides no word")));
    }
    language.set_position(i, digit == '3');
  }
  return language;
}

}  // namespace nnsim
