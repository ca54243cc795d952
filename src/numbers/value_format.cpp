#include "nnsim/numbers/value_format.hpp"

#include <fmt/format.h>

#include <memory>

namespace nnsim {

std::string format_value(const rational& value) { return to_string(value); }

std::string format_value(const real_number& value) {
  mpfr_srcptr x = value.get();
  if (mpfr_nan_p(x)) return "nan";
  if (mpfr_inf_p(x)) return mpfr_sgn(x) > 0 ? "inf" : "-inf";
  if (mpfr_zero_p(x)) return mpfr_signbit(x) ? "-0" : "0";
  mpfr_exp_t exponent = 0;
  std::unique_ptr<char, void (*)(char*)> digits(mpfr_get_str(nullptr, &exponent, 10, 0, x, MPFR_RNDN), mpfr_free_str);
  std::string mantissa = digits.get();
  std::string sign;
  if (mantissa.front() == '-') {
    sign = "-";
    mantissa.erase(0, 1);
  }
  while (mantissa.size() > 1 && mantissa.back() == '0') mantissa.pop_back();
  // value = 0.mantissa * 10^exponent
  const long point = static_cast<long>(exponent);
  const long length = static_cast<long>(mantissa.size());
  if (point > 0 && point <= 21) {
    if (length <= point) return sign + mantissa + std::string(static_cast<std::size_t>(point - length), '0');
    return sign + mantissa.substr(0, static_cast<std::size_t>(point)) + "." + mantissa.substr(static_cast<std::size_t>(point));
  }
  if (point <= 0 && point > -6) return sign + "0." + std::string(static_cast<std::size_t>(-point), '0') + mantissa;
  std::string scientific = sign + mantissa.substr(0, 1);
  if (length > 1) scientific += "." + mantissa.substr(1);
  return scientific + fmt::format("e{}", point - 1);
}

std::string format_value(double value) { return fmt::format("{}", value); }

}  // namespace nnsim
