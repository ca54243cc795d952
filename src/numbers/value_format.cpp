#include "nnsim/numbers/value_format.hpp"

#include <fmt/format.h>

#include <memory>

namespace nnsim {

std::string format_value(const rational& value) { return to_string(value); }

namespace {

// x as a decimal with `digits` significant digits (0: enough to read back
// to x), rounded in direction `rounding`.
std::string decimal_text(mpfr_srcptr x, mpfr_rnd_t rounding, std::size_t digits = 0) {
  if (mpfr_nan_p(x)) return "nan";
  if (mpfr_inf_p(x)) return mpfr_sgn(x) > 0 ? "inf" : "-inf";
  if (mpfr_zero_p(x)) return mpfr_signbit(x) ? "-0" : "0";
  mpfr_exp_t exponent = 0;
  std::unique_ptr<char, void (*)(char*)> text(mpfr_get_str(nullptr, &exponent, 10, digits, x, rounding), mpfr_free_str);
  std::string mantissa = text.get();
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

// Bounds written with `digits` significant digits (0: all that P bits need).
std::optional<std::pair<std::string, std::string>> interval_bounds(const interval_number& value, std::size_t digits) {
  if (value.is_point()) return std::nullopt;
  const auto bound = [digits](mpfr_srcptr x, mpfr_rnd_t rounding) {
    return mpfr_zero_p(x) ? std::string("0") : decimal_text(x, rounding, digits);  // MPFI's bounds can be -0
  };
  return std::pair{bound(&value.get()->left, MPFR_RNDD), bound(&value.get()->right, MPFR_RNDU)};
}

}  // namespace

std::string format_value(const real_number& value) { return decimal_text(value.get(), MPFR_RNDN); }

std::string format_value(double value) { return fmt::format("{}", value); }

std::optional<std::pair<std::string, std::string>> interval_bounds_text(const interval_number& value) {
  return interval_bounds(value, 0);
}

std::string format_value(const interval_number& value) {
  if (const auto bounds = interval_bounds(value, interval_text_digits)) {
    return fmt::format("[{}, {}]", bounds->first, bounds->second);
  }
  mpfr_srcptr point = &value.get()->left;
  if (!mpfr_number_p(point)) return decimal_text(point, MPFR_RNDN);
  rational exact;
  mpfr_get_q(exact.backend().data(), point);
  return to_string(exact);
}

}  // namespace nnsim
