#include "nnsim/number_mode.hpp"

#include "nnsim/error.hpp"
#include "nnsim/vocabulary.hpp"

#include <fmt/format.h>

#include <charconv>

namespace nnsim {

namespace {
constexpr unsigned min_precision = 2;
constexpr unsigned max_precision = 100000;
}  // namespace

number_mode number_mode::parse(std::string_view text) {
  for (const number_mode_word& word : number_mode_words) {
    if (!word.takes_precision) {
      if (text == word.name) return {word.value, word.precision};
      continue;
    }
    const std::string prefix = fmt::format("{}:", word.name);
    if (!text.starts_with(prefix)) continue;
    const std::string_view digits = text.substr(prefix.size());
    unsigned bits = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
    if (!digits.empty() && error == std::errc() && end == digits.data() + digits.size() && bits >= min_precision &&
        bits <= max_precision) {
      return {word.value, bits};
    }
    throw input_error(fmt::format("invalid number mode '{}': the precision of {} must be an integer from {} to {}",
                                  text, word.form, min_precision, max_precision));
  }
  throw input_error(fmt::format("unknown number mode '{}': expected {}", text, number_mode_alternatives()));
}

std::string number_mode::name() const {
  for (const number_mode_word& word : number_mode_words) {
    if (word.value != type) continue;
    return word.takes_precision ? fmt::format("{}:{}", word.name, precision) : std::string(word.name);
  }
  return "?";
}

}  // namespace nnsim
