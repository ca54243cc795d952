#include "nnsim/numbers/rational.hpp"

#include "nnsim/support/error.hpp"
#include "support/look_alike_characters.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdint>
#include <limits>
#include <numeric>

namespace nnsim {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.'; }

// 10^exponent as an exact rational, exponent within max_literal_exponent.
rational power_of_ten(long exponent) {
  integer magnitude;
  mpz_ui_pow_ui(magnitude.backend().data(), 10, static_cast<unsigned long>(exponent < 0 ? -exponent : exponent));
  return exponent < 0 ? rational(integer(1), magnitude) : rational(magnitude);
}

// A short decimal without exponent, digits [. digits] of at most 18 digits in
// all, as the word `numerator` over 10^`scale`; or nothing, and `pos`
// unchanged, for anything else.
struct short_decimal {
  std::uint64_t numerator = 0;
  int scale = 0;
};

std::optional<short_decimal> read_short_decimal(std::string_view text, std::size_t& pos) {
  constexpr int most_digits = 18;  // 10^18 < 2^64
  std::size_t at = pos;
  short_decimal read;
  int digits = 0;
  while (at < text.size() && is_digit(text[at]) && digits <= most_digits) {
    read.numerator = read.numerator * 10 + static_cast<std::uint64_t>(text[at++] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (at < text.size() && text[at] == '.') {
    if (at + 1 >= text.size() || !is_digit(text[at + 1])) return std::nullopt;
    ++at;
    while (at < text.size() && is_digit(text[at]) && digits <= most_digits) {
      read.numerator = read.numerator * 10 + static_cast<std::uint64_t>(text[at++] - '0');
      ++digits;
      ++read.scale;
    }
  }
  if (digits > most_digits) return std::nullopt;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) return std::nullopt;
  pos = at;
  return read;
}

// The literals of nearly every file -- 3, 0.25, 3/8 -- read with word
// arithmetic and one gcd, instead of several GMP numbers each (a network of
// 10^6 weights reads 10^6 of them).  Nothing, and `pos` unchanged, where the
// general reader must decide: longer literals, exponents, a zero divisor.
std::optional<rational> read_short_number(std::string_view text, std::size_t& pos) {
  std::size_t at = pos;
  const auto top = read_short_decimal(text, at);
  if (!top) return std::nullopt;
  short_decimal bottom{1, 0};
  if (at + 1 < text.size() && text[at] == '/' && is_digit(text[at + 1])) {
    ++at;
    const auto divisor = read_short_decimal(text, at);
    if (!divisor || divisor->numerator == 0) return std::nullopt;
    bottom = *divisor;
  }
  // (a / 10^i) / (b / 10^j) = (a 10^j) / (b 10^i), where both fit a word.
  constexpr std::uint64_t powers_of_ten[] = {1U,
                                             10U,
                                             100U,
                                             1000U,
                                             10000U,
                                             100000U,
                                             1000000U,
                                             10000000U,
                                             100000000U,
                                             1000000000U,
                                             10000000000U,
                                             100000000000U,
                                             1000000000000U,
                                             10000000000000U,
                                             100000000000000U,
                                             1000000000000000U,
                                             10000000000000000U,
                                             100000000000000000U,
                                             1000000000000000000U};
  std::uint64_t numerator = 0, denominator = 0;
  if (__builtin_mul_overflow(top->numerator, powers_of_ten[bottom.scale], &numerator) ||
      __builtin_mul_overflow(bottom.numerator, powers_of_ten[top->scale], &denominator))
    return std::nullopt;
  const std::uint64_t common = std::gcd(numerator, denominator);
  static_assert(sizeof(unsigned long) == sizeof(std::uint64_t));
  rational value;
  mpq_set_ui(value.backend().data(), numerator / common, denominator / common);  // in lowest terms already
  pos = at;
  return value;
}

// One decimal literal (no fraction bar): digits [. digits] [e [sign] digits].
std::optional<rational> read_decimal(std::string_view text, std::size_t& pos, literal_problem& problem) {
  const std::size_t start = pos;
  if (pos >= text.size() || !is_digit(text[pos])) {
    problem = {"expected a number", pos};
    return std::nullopt;
  }
  // The digits before and after the '.', converted at once by GMP (in time
  // near-linear in their number; adding one digit at a time is quadratic).
  std::string digits;
  long scale = 0;  // value = digits * 10^(scale)
  while (pos < text.size() && is_digit(text[pos])) digits += text[pos++];
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    if (pos >= text.size() || !is_digit(text[pos])) {
      problem = {fmt::format("digits expected after '.' in number '{}'", text.substr(start, pos - start)), pos};
      return std::nullopt;
    }
    while (pos < text.size() && is_digit(text[pos])) {
      digits += text[pos++];
      --scale;
    }
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    const std::size_t mark = pos;
    ++pos;
    bool negative = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      negative = text[pos] == '-';
      ++pos;
    }
    if (pos >= text.size() || !is_digit(text[pos])) {
      problem = {fmt::format("digits expected in the exponent of number '{}'", text.substr(start, pos - start)), mark};
      return std::nullopt;
    }
    long exponent = 0;
    bool too_big = false;
    while (pos < text.size() && is_digit(text[pos])) {
      if (!too_big) {
        exponent = exponent * 10 + (text[pos] - '0');
        too_big = exponent > max_literal_exponent;
      }
      ++pos;
    }
    if (too_big) {
      problem = {fmt::format("exponent of number '{}' is too large (at most {} is allowed)",
                             text.substr(start, pos - start), max_literal_exponent),
                 mark};
      return std::nullopt;
    }
    scale += negative ? -exponent : exponent;
  }
  integer mantissa;
  mpz_set_str(mantissa.backend().data(), digits.c_str(), 10);  // cannot fail: only digits
  if (mantissa == 0) return rational(0);
  return rational(mantissa) * power_of_ten(scale);
}

// `value`, read from text[0, pos), unless a letter, digit or '_' follows it
// directly (`2x`): then nothing, and `problem` says so.
std::optional<rational> ended_at(std::string_view text, std::size_t pos, std::optional<rational> value,
                                 std::size_t& length, literal_problem& problem) {
  if (pos < text.size() && is_word_char(text[pos])) {
    problem = {fmt::format("number '{}' is directly followed by '{}'; separate them with a space or '*'",
                           text.substr(0, pos), text[pos]),
               pos};
    return std::nullopt;
  }
  length = pos;
  return value;
}

}  // namespace

std::optional<rational> read_number(std::string_view text, std::size_t& length, literal_problem& problem) {
  std::size_t pos = 0;
  if (auto value = read_short_number(text, pos)) return ended_at(text, pos, std::move(value), length, problem);
  auto numerator = read_decimal(text, pos, problem);
  if (!numerator) return std::nullopt;
  rational value = *numerator;
  if (pos + 1 < text.size() && text[pos] == '/' && is_digit(text[pos + 1])) {
    const std::size_t bar = pos;
    ++pos;
    auto denominator = read_decimal(text, pos, problem);
    if (!denominator) return std::nullopt;
    if (*denominator == 0) {
      problem = {fmt::format("division by zero in number '{}'", text.substr(0, pos)), bar + 1};
      return std::nullopt;
    }
    value /= *denominator;
  }
  return ended_at(text, pos, std::move(value), length, problem);
}

std::optional<rational> read_decimal_number(std::string_view text, std::size_t& length, literal_problem& problem) {
  std::size_t pos = 0;
  auto value = read_decimal(text, pos, problem);
  if (!value) return std::nullopt;
  return ended_at(text, pos, std::move(value), length, problem);
}

namespace {

// Whether |z| has more than max_number_digits decimal digits, and how many.
// mpz_sizeinbase may count one digit too many, so near the limit the
// count is made exact by a comparison with a power of ten.
std::optional<std::size_t> digits_beyond_limit(mpz_srcptr z) {
  std::size_t digits = mpz_sizeinbase(z, 10);
  if (digits <= max_number_digits) return std::nullopt;
  integer power;
  mpz_ui_pow_ui(power.backend().data(), 10, static_cast<unsigned long>(digits - 1));
  if (mpz_cmpabs(z, power.backend().data()) < 0) --digits;
  if (digits <= max_number_digits) return std::nullopt;
  return digits;
}

}  // namespace

std::optional<std::string> number_size_problem(const rational& value) {
  const mpq_srcptr q = value.backend().data();
  if (auto digits = digits_beyond_limit(mpq_numref(q))) {
    return fmt::format("its numerator has {} digits, more than {}", *digits, max_number_digits);
  }
  if (auto digits = digits_beyond_limit(mpq_denref(q))) {
    return fmt::format("its denominator has {} digits, more than {}", *digits, max_number_digits);
  }
  return std::nullopt;
}

rational parse_value(std::string_view text, std::string_view what) {
  std::size_t pos = 0;
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    pos = 1;
  }
  std::size_t length = 0;
  literal_problem problem;
  auto value = read_number(text.substr(pos), length, problem);
  if (!value || pos + length != text.size()) {
    // A minus sign U+2212 or another character copied from a slide.
    if (const auto found = find_look_alike(text)) {
      throw input_error(fmt::format("invalid {} '{}': {}", what, text, look_alike_message(found->character)));
    }
  }
  if (!value) {
    throw input_error(fmt::format("invalid {} '{}': {}", what, text, problem.message));
  }
  if (pos + length != text.size()) {
    throw input_error(fmt::format("invalid {} '{}': unexpected '{}'", what, text, text.substr(pos + length)));
  }
  return negative ? rational(-*value) : *value;
}

std::string to_string(const rational& value) { return value.str(); }

std::size_t bit_size(const rational& value) {
  const mpq_srcptr q = value.backend().data();
  return mpz_sizeinbase(mpq_numref(q), 2) + mpz_sizeinbase(mpq_denref(q), 2);
}

bool is_integer(const rational& value) { return mpz_cmp_ui(mpq_denref(value.backend().data()), 1) == 0; }

bool is_dyadic(const rational& value) {
  const mpz_srcptr den = mpq_denref(value.backend().data());
  return mpz_popcount(den) == 1;
}

}  // namespace nnsim
