// The δ-encoding of semantics.md, section 6, computed on GMP integers: the
// code of w1…wn is the odd integer (w1…wn1 in binary) over 2^(n+1), which is
// already in lowest terms, so no gcd is ever needed.
#include "nnsim/languages/delta_encoding.hpp"

#include "nnsim/support/error.hpp"
#include "languages/word_quoting.hpp"

#include <fmt/format.h>

namespace nnsim {

rational delta_encode(std::string_view word) {
  // numerator = binary number w1…wn1, denominator = 2^(n+1): built bit by bit
  // in one mpz, then moved into the rational without a gcd (it is reduced).
  integer numerator = 0;
  const mpz_ptr n = numerator.backend().data();
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (c != '0' && c != '1') {
      throw input_error(fmt::format("invalid word {}: {} at position {} is not 0 or 1", quoted_word(word),
                                    quoted_character(word, i), i + 1));
    }
    mpz_mul_2exp(n, n, 1);
    if (c == '1') mpz_add_ui(n, n, 1);
  }
  mpz_mul_2exp(n, n, 1);
  mpz_add_ui(n, n, 1);

  rational code;
  const mpq_ptr q = code.backend().data();
  mpz_swap(mpq_numref(q), n);
  mpz_set_ui(mpq_denref(q), 1);
  mpz_mul_2exp(mpq_denref(q), mpq_denref(q), word.size() + 1);
  return code;
}

namespace {

// Why `code` is not a δ-code, or an empty string when it is one.  A reduced
// q with 0 < q < 1 and a power of two as its denominator is a / 2^m with
// a odd and m >= 1 automatically, so these two checks are all it takes.
std::string why_not_delta_code(const rational& code) {
  if (code < 0) return "it is negative; a δ-code lies strictly between 0 and 1";
  if (code == 0) return "it is zero; a δ-code lies strictly between 0 and 1";
  if (code >= 1) return "it is not less than 1; a δ-code lies strictly between 0 and 1";
  if (!is_dyadic(code)) return "its denominator is not a power of two";
  return {};
}

}  // namespace

bool is_delta_code(const rational& code) { return why_not_delta_code(code).empty(); }

std::string delta_decode(const rational& code) {
  const std::string why = why_not_delta_code(code);
  if (!why.empty()) throw input_error(fmt::format("'{}' is not a δ-code: {}", to_string(code), why));

  // code = a / 2^m: the word is the m - 1 leading binary digits of a (m
  // digits, padded with leading zeros), without a's final 1.
  const mpq_srcptr q = code.backend().data();
  const std::size_t m = mpz_scan1(mpq_denref(q), 0);
  std::string word(m - 1, '0');
  for (std::size_t i = 0; i + 1 < m; ++i) {
    // Digit i + 1 after the binary point has weight 2^-(i+1), i.e. bit m-1-i of a.
    if (mpz_tstbit(mpq_numref(q), m - 1 - i) != 0) word[i] = '1';
  }
  return word;
}

}  // namespace nnsim
