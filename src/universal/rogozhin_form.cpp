// Rogozhin's form of 2-tag systems: the check, the order of the letters, and
// the normalisation of any 2-tag system (docs/tag-systems.md).
#include "nnsim/universal/rogozhin_form.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace nnsim {
namespace {

std::string quoted_word(const tag_system& system, const tag_word& word) {
  return word.empty() ? std::string("the empty word") : fmt::format("'{}'", system.word_text(word));
}

// A letter name not yet in `system`, the first free of `candidates`, then
// of candidates[0] followed by 1, 2, ...
std::string fresh_letter(const tag_system& system, std::initializer_list<std::string_view> candidates) {
  for (const std::string_view name : candidates) {
    if (!system.letter_index(name)) return std::string(name);
  }
  for (std::size_t i = 1;; ++i) {
    std::string name = fmt::format("{}{}", *candidates.begin(), i);
    if (!system.letter_index(name)) return name;
  }
}

}  // namespace

std::optional<std::string> rogozhin_form_violation(const tag_system& system, const std::vector<tag_letter>& order) {
  if (order.size() != system.letter_count()) {
    return fmt::format("the order lists {} letters, but the tag system has {}", order.size(), system.letter_count());
  }
  if (order.size() < 2) {
    return std::string("Rogozhin's form needs at least two letters: a1 … an and the halting letter a(n+1)");
  }
  std::vector<char> listed(system.letter_count());
  for (const tag_letter letter : order) {
    if (letter >= system.letter_count()) return fmt::format("the order names letter index {}, which the system lacks", letter);
    if (listed[letter]) return fmt::format("the order lists letter '{}' twice", system.letters[letter]);
    listed[letter] = 1;
  }
  const std::size_t n = order.size() - 1;
  const tag_letter last = order[n];
  const tag_letter an = order[n - 1];
  const std::string& an_name = system.letters[an];
  if (!system.halts_on(last)) {
    return fmt::format("the last letter '{}' must be the halting letter a{}, but it has a production",
                       system.letters[last], n + 1);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (system.halts_on(order[i])) {
      return fmt::format("letter '{}' (a{}) halts, but only the last letter a{} may: Rogozhin's form has one "
                         "halting letter",
                         system.letters[order[i]], i + 1, n + 1);
    }
  }
  const tag_word an_an{an, an};
  if (*system.productions[an] != an_an) {
    return fmt::format("the production of a{} = '{}' must be '{}' (an an), but it is {}", n, an_name,
                       system.word_text(an_an), quoted_word(system, *system.productions[an]));
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const tag_word& production = *system.productions[order[i]];
    if (production.size() < 2 || production[0] != an || production[1] != an) {
      return fmt::format("the production of a{} = '{}' must start with '{}' (an an), but it is {}", i + 1,
                         system.letters[order[i]], system.word_text(an_an), quoted_word(system, production));
    }
    if (production.size() == 2) {
      return fmt::format("the production of a{} = '{}' must be '{}' followed by at least one letter (Bi is empty "
                         "only for an)",
                         i + 1, system.letters[order[i]], system.word_text(an_an));
    }
  }
  return std::nullopt;
}

std::vector<tag_letter> rogozhin_order(const tag_system& system) {
  auto refuse = [&](const std::string& why) -> std::vector<tag_letter> {
    throw input_error(fmt::format("tag system {} is not in Rogozhin's form: {}",
                                  system.name.empty() ? system.source_name : system.name, why));
  };
  std::vector<tag_letter> halting;
  std::optional<tag_letter> an;
  for (tag_letter x = 0; x < system.letter_count(); ++x) {
    if (system.halts_on(x)) {
      halting.push_back(x);
    } else if (!an && !system.productions[x]->empty()) {
      an = system.productions[x]->front();
    }
  }
  if (halting.size() != 1) {
    std::vector<std::string_view> names;
    for (const tag_letter h : halting) names.push_back(system.letters[h]);
    return refuse(fmt::format("it needs exactly one halting letter, but has {}{}", halting.size(),
                              names.empty() ? "" : fmt::format(" ({})", fmt::join(names, ", "))));
  }
  if (!an) return refuse("no production starts with a letter an");
  std::vector<tag_letter> order;
  for (tag_letter x = 0; x < system.letter_count(); ++x) {
    if (x != *an && x != halting[0]) order.push_back(x);
  }
  order.push_back(*an);
  order.push_back(halting[0]);
  if (const auto why = rogozhin_form_violation(system, order)) return refuse(*why);
  return order;
}

rogozhin_normal_form normalize_for_rogozhin(const tag_system& original) {
  rogozhin_normal_form form;
  tag_system& normal = form.system;
  normal.name = original.name.empty() ? std::string("rogozhin") : original.name + "_rogozhin";
  form.normal_letter.resize(original.letter_count());
  // a1 … a(n-1): the original's letters with a production, in its order.
  for (tag_letter x = 0; x < original.letter_count(); ++x) {
    if (original.halts_on(x)) continue;
    form.normal_letter[x] = normal.intern_letter(original.letters[x]);
    form.original_letters.push_back({x});
  }
  // an = z and a(n+1): new names, except that a single halting letter keeps its own.
  std::vector<tag_letter> halting;
  for (tag_letter x = 0; x < original.letter_count(); ++x) {
    if (original.halts_on(x)) halting.push_back(x);
  }
  form.padding = normal.intern_letter(fresh_letter(original, {"z", "Z", "y", "Y"}));
  form.original_letters.emplace_back();
  tag_system taken = original;  // the names the halting letter must avoid
  taken.intern_letter(normal.letters[form.padding]);
  form.halting = normal.intern_letter(halting.size() == 1 ? original.letters[halting[0]]
                                                          : fresh_letter(taken, {"h", "H", "x", "X"}));
  form.original_letters.push_back(halting);
  for (const tag_letter h : halting) form.normal_letter[h] = form.halting;

  const tag_letter z = form.padding;
  for (tag_letter x = 0; x < original.letter_count(); ++x) {
    if (original.halts_on(x)) continue;
    tag_word production{z, z};
    const tag_word& b = *original.productions[x];
    // Bi must not be empty; a second pair z z is as harmless as the first.
    if (b.empty()) production.insert(production.end(), {z, z});
    for (const tag_letter y : b) production.push_back(form.normal_letter[y]);
    normal.productions[form.normal_letter[x]] = std::move(production);
  }
  normal.productions[z] = tag_word{z, z};
  for (tag_letter x = 0; x < normal.letter_count(); ++x) form.order.push_back(x);
  return form;
}

tag_word normal_letters(const rogozhin_normal_form& form, const tag_word& original_word) {
  tag_word word;
  word.reserve(original_word.size());
  for (const tag_letter x : original_word) word.push_back(form.normal_letter.at(x));
  return word;
}

tag_word normal_initial_word(const rogozhin_normal_form& form, const tag_word& original_word) {
  if (original_word.size() < 2) {
    throw input_error(fmt::format(
        "the initial word has {} letter{}, but Rogozhin's form needs at least 2: its words never get shorter, "
        "so it cannot halt the way a 2-tag system halts on a word shorter than 2 letters",
        original_word.size(), original_word.size() == 1 ? "" : "s"));
  }
  return normal_letters(form, original_word);
}

tag_word without_padding(const rogozhin_normal_form& form, const tag_word& normal_word) {
  tag_word word;
  for (const tag_letter x : normal_word) {
    if (x != form.padding) word.push_back(x);
  }
  return word;
}

}  // namespace nnsim
