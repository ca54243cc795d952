#include "nnsim/approximation/approximation_input.hpp"

#include "nnsim/approximation/box.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <mpfr.h>

namespace nnsim {
namespace {

[[noreturn]] void refuse(std::string_view option, std::string_view text, const expression_error& error) {
  throw input_error(fmt::format("invalid {} '{}': {} (at column {})", option, text, error.what(), error.offset() + 1));
}

}  // namespace

real_expression_ptr parse_function_option(std::string_view text, std::size_t dimension, std::string_view option) {
  try {
    return parse_real_function(text, variables_for(dimension).names);
  } catch (const expression_error& error) {
    refuse(option, text, error);
  }
}

real_predicate_ptr parse_set_option(std::string_view text, std::size_t dimension, std::string_view option) {
  try {
    return parse_real_predicate(text, variables_for(dimension).names);
  } catch (const expression_error& error) {
    refuse(option, text, error);
  }
}

std::string bound_text(const rational& value, bool upper, int digits) {
  const std::string exact = to_string(value);
  if (exact.size() <= static_cast<std::size_t>(digits) + 2) return exact;
  mpfr_t x;
  mpfr_init2(x, 256);
  mpfr_set_q(x, value.backend().data(), upper ? MPFR_RNDU : MPFR_RNDD);
  char* text = nullptr;
  mpfr_asprintf(&text, upper ? "%.*RUg" : "%.*RDg", digits, x);
  std::string out = text != nullptr ? text : exact;
  mpfr_free_str(text);
  mpfr_clear(x);
  return out;
}

}  // namespace nnsim
