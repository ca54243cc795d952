#include "nnsim/vocabulary.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>

namespace nnsim {

std::vector<std::string_view> statement_words() {
  std::vector<std::string_view> words;
  for (const keyword& k : keywords) {
    if (k.starts_statement) words.push_back(k.name);
  }
  return words;
}

std::string alternatives(const std::vector<std::string_view>& words, std::string_view last) {
  if (words.size() < 2) return fmt::format("{}", fmt::join(words, ""));
  return fmt::format("{}{}{}", fmt::join(words.begin(), words.end() - 1, ", "), last, words.back());
}

const rule_word* rule_named(std::string_view name, rule_syntax syntax) {
  for (const rule_word& word : rule_words) {
    if (word.name == name) return syntax == rule_syntax::file || word.on_command_line ? &word : nullptr;
  }
  return nullptr;
}

std::string rule_file_alternatives() { return alternatives(names_of(rule_words)); }

std::string rule_option_alternatives() {
  std::vector<std::string> forms;
  for (const rule_word& word : rule_words) {
    if (word.on_command_line) forms.emplace_back(word.name);
  }
  for (const rule_word& word : rule_words) {
    if (word.on_command_line && word.takes_seed) forms.push_back(fmt::format("{}:SEED", word.name));
  }
  return alternatives(std::vector<std::string_view>(forms.begin(), forms.end()));
}

std::optional<std::uint64_t> parse_seed(std::string_view digits) {
  std::uint64_t seed = 0;
  const char* first = digits.data();
  const char* last = first + digits.size();
  const auto [end, problem] = std::from_chars(first, last, seed);
  if (digits.empty() || problem != std::errc() || end != last) return std::nullopt;
  return seed;
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
  std::vector<std::string> options;
  for (const number_mode_word& word : number_mode_words) {
    if (!word.exact_in_rational_mode) options.push_back(fmt::format("--numbers {}", word.form));
  }
  return alternatives(std::vector<std::string_view>(options.begin(), options.end()));
}

}  // namespace nnsim
