#include "nnsim/model/vocabulary.hpp"

#include "support/spelling_suggestion.hpp"
#include "support/text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>

namespace nnsim {

const activation_alias* activation_alias_named(std::string_view word) {
  const auto same = [word](const activation_alias& a) {
    return std::equal(word.begin(), word.end(), a.alias.begin(), a.alias.end(), [](char x, char y) {
      const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
      return lower(x) == lower(y);
    });
  };
  const auto it = std::find_if(activation_aliases.begin(), activation_aliases.end(), same);
  return it == activation_aliases.end() ? nullptr : &*it;
}

std::string activation_suggestion(std::string_view word) {
  if (const activation_alias* alias = activation_alias_named(word)) {
    return fmt::format("; did you mean '{}'? ({})", name_of(alias->meant), alias->remark);
  }
  return did_you_mean(word, names_of(activation_words));
}

std::vector<std::string_view> statement_words() {
  std::vector<std::string_view> words;
  for (const keyword& k : keywords) {
    if (k.starts_statement) words.push_back(k.name);
  }
  return words;
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

std::string describe_rule(const network& net, const rule_spec& rule) {
  switch (rule.kind) {
    case rule_kind::sequential:
      return rule.explicit_order ? fmt::format("{} {}", name_of(rule.kind), join_neuron_names(net, rule.order))
                                 : std::string(name_of(rule.kind));
    case rule_kind::random:
      return fmt::format("{} {} {}", name_of(rule.kind), seed_keyword, rule.seed);
    case rule_kind::schedule: {
      std::vector<std::string> sets;
      for (const std::vector<neuron_id>& set : rule.sets) sets.push_back(fmt::format("{{{}}}", join_neuron_names(net, set)));
      return fmt::format("{} {}", name_of(rule.kind), fmt::join(sets, ", "));
    }
    default: return std::string(name_of(rule.kind));
  }
}

}  // namespace nnsim
