#include "approximation/construction_numbers.hpp"

#include <fmt/format.h>
#include <gmp.h>
#include <mpfi.h>
#include <mpfr.h>

namespace nnsim::construction {

integer floor_of(const rational& q) {
  integer r;
  mpz_fdiv_q(r.backend().data(), mpq_numref(q.backend().data()), mpq_denref(q.backend().data()));
  return r;
}

integer ceiling_of(const rational& q) {
  integer r;
  mpz_cdiv_q(r.backend().data(), mpq_numref(q.backend().data()), mpq_denref(q.backend().data()));
  return r;
}

rational power_of_two(long e) {
  rational r = 1;
  if (e >= 0) {
    mpq_mul_2exp(r.backend().data(), r.backend().data(), static_cast<mp_bitcnt_t>(e));
  } else {
    mpq_div_2exp(r.backend().data(), r.backend().data(), static_cast<mp_bitcnt_t>(-e));
  }
  return r;
}

rational power_of_two_at_most(const rational& q) {
  // An estimate from the sizes of numerator and denominator, then corrected:
  // 2^(bits(p) - bits(d) - 1) < p/d < 2^(bits(p) - bits(d) + 1).
  const long estimate = static_cast<long>(mpz_sizeinbase(mpq_numref(q.backend().data()), 2)) -
                        static_cast<long>(mpz_sizeinbase(mpq_denref(q.backend().data()), 2));
  long e = estimate + 1;
  while (power_of_two(e) > q) --e;
  return power_of_two(e);
}

rational round_to_multiple(const rational& q, const rational& step) {
  return rational(floor_of(q / step + rational(1, 2))) * step;
}

std::string wrapped(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    std::size_t line_length = 0;
    std::size_t i = 0;
    while (i < paragraph.size()) {
      while (i < paragraph.size() && paragraph[i] == ' ') ++i;
      std::size_t j = paragraph.find(' ', i);
      if (j == std::string_view::npos) j = paragraph.size();
      const std::string_view word = paragraph.substr(i, j - i);
      if (word.empty()) break;
      if (line_length > 0 && line_length + 1 + word.size() > width) {
        out += '\n';
        line_length = 0;
      } else if (line_length > 0) {
        out += ' ';
        ++line_length;
      }
      out += word;
      line_length += word.size();
      i = j;
    }
    if (end == text.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

std::string affine_text(const std::vector<rational>& weights, const std::vector<std::string>& names,
                        const rational& constant) {
  std::string text;
  auto term = [&](const rational& c, const std::string& name) {
    if (c == 0) return;
    const rational magnitude = abs(c);
    const std::string value = name.empty() ? to_string(magnitude)
                              : magnitude == 1 ? name
                                               : to_string(magnitude) + " " + name;
    if (text.empty()) {
      text = (c < 0 ? "-" : "") + value;
    } else {
      text += (c < 0 ? " - " : " + ") + value;
    }
  };
  for (std::size_t i = 0; i < weights.size(); ++i) term(weights[i], names[i]);
  term(constant, "");
  return text.empty() ? "0" : text;
}

}  // namespace nnsim::construction
