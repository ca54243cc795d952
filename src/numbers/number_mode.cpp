#include "nnsim/numbers/number_mode.hpp"

#include "nnsim/support/error.hpp"
#include "support/spelling_suggestion.hpp"
#include "support/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

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
  std::vector<std::string_view> forms;
  for (const number_mode_word& word : number_mode_words) {
    if (word.takes_precision && text == word.name) {
      throw input_error(fmt::format("number mode '{}' needs a precision in bits: {}, from {} to {} (e.g. {}:128)",
                                    text, word.form, min_precision, max_precision, word.name));
    }
    forms.push_back(word.form);
  }
  const std::string hint = did_you_mean(text, forms);
  if (!hint.empty()) throw input_error(fmt::format("unknown number mode '{}'{}", text, hint));
  throw input_error(fmt::format("unknown number mode '{}': expected {}", text, number_mode_alternatives()));
}

std::string number_mode::name() const {
  for (const number_mode_word& word : number_mode_words) {
    if (word.value != type) continue;
    return word.takes_precision ? fmt::format("{}:{}", word.name, precision) : std::string(word.name);
  }
  return "?";
}

std::string number_mode_alternatives() {
  std::vector<std::string_view> forms;
  for (const number_mode_word& word : number_mode_words) forms.push_back(word.form);
  return alternatives(forms);
}

std::string number_mode_help() {
  std::vector<std::string> items;
  for (const number_mode_word& word : number_mode_words) {
    items.push_back(word.help.empty() ? std::string(word.form) : fmt::format("{} ({})", word.form, word.help));
  }
  return alternatives(std::vector<std::string_view>(items.begin(), items.end()), ", or ");
}

std::string inexact_number_mode_options() {
  // The proven modes first: "--numbers certified, interval:P, real:P or double".
  std::vector<std::string_view> forms;
  for (auto word = number_mode_words.rbegin(); word != number_mode_words.rend(); ++word) {
    if (!word->exact_in_rational_mode) forms.push_back(word->form);
  }
  return "--numbers " + alternatives(forms);
}

}  // namespace nnsim
