#include "nnsim/numbers/number_mode.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <charconv>

namespace nnsim {

namespace {
constexpr unsigned min_precision = 2;
constexpr unsigned max_precision = 100000;
}  // namespace

number_mode number_mode::parse(std::string_view text) {
  if (text == "rational") return {kind::rational, 0};
  if (text == "double") return {kind::ieee_double, 53};
  const std::string_view prefix = "real:";
  if (text.starts_with(prefix)) {
    const std::string_view digits = text.substr(prefix.size());
    unsigned bits = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (!digits.empty() && error == std::errc() && end == digits.data() + digits.size() && bits >= min_precision &&
        bits <= max_precision) {
      return {kind::real, bits};
    }
    throw input_error(fmt::format("invalid number mode '{}': the precision of real:P must be an integer from {} to {}",
                                  text, min_precision, max_precision));
  }
  throw input_error(fmt::format("unknown number mode '{}': expected rational, double or real:P", text));
}

std::string number_mode::name() const {
  switch (type) {
    case kind::rational: return "rational";
    case kind::ieee_double: return "double";
    case kind::real: return fmt::format("real:{}", precision);
  }
  return "?";
}

}  // namespace nnsim
