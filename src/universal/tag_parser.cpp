// The `.tag` loader (docs/tag-systems.md), built like the `.tm` loader
// (src/languages/machine_parser.cpp): lines are split into
// whitespace-separated words with their columns; each statement is checked
// when it is read, and the letters of the productions once the whole file is
// read, when every letter's definition (a production or `halt`) is known.
// Only then is it known whether every letter is one character, which lets a
// word be written compactly (`baa` for `b a a`).
#include "nnsim/io/text_file.hpp"
#include "nnsim/universal/tag_parser.hpp"
#include "support/look_alike_characters.hpp"
#include "support/spelling_suggestion.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace nnsim {
namespace {

struct word {
  std::string text;
  std::uint32_t column = 0;
};

// The check of the characters every reader of a word makes: printable
// ASCII, spaces and tabs; a look-alike (an arrow U+2192 for '->', a
// no-break space) named with the ASCII it stands for.  Returns the message
// and the 0-based offset of the first bad character.
std::optional<std::pair<std::string, std::size_t>> bad_character(std::string_view text, std::size_t begin,
                                                                 std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || (c >= 0x21 && c <= 0x7e)) continue;
    if (const auto look_alike = look_alike_at(text, i)) return std::pair{look_alike_message(*look_alike), i};
    return std::pair{fmt::format("unexpected character '\\x{:02x}'", c), i};
  }
  return std::nullopt;
}

std::vector<word> split_words(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<word> words;
  std::size_t i = begin;
  while (i < end) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < end && text[i] != ' ' && text[i] != '\t') ++i;
    words.push_back({std::string(text.substr(start, i - start)), static_cast<std::uint32_t>(start + 1)});
  }
  return words;
}

std::vector<std::string_view> letter_names(const tag_system& system) {
  return {system.letters.begin(), system.letters.end()};
}

// Why `name` is no letter of `system`, with the closest letter suggested.
std::string undefined_letter_message(const tag_system& system, std::string_view name) {
  const auto names = letter_names(system);
  return fmt::format("undefined letter '{}': give it a production '{} -> …' or list it after 'halt'{}", shorten(name),
                     shorten(name), did_you_mean(name, names));
}

// The letters of one word of a production or of --word: the whole word
// when it names a letter, else, when every letter is one character, its
// characters one by one.  `fail` receives the 0-based offset within the word
// and the message.
template <class Fail>
void letters_of_word(const tag_system& system, const word& w, tag_word& out, Fail&& fail) {
  if (const auto letter = system.letter_index(w.text)) {
    out.push_back(*letter);
    return;
  }
  if (system.has_one_character_letters()) {
    for (std::size_t i = 0; i < w.text.size(); ++i) {
      const std::string_view one(w.text.data() + i, 1);
      if (const auto letter = system.letter_index(one)) {
        out.push_back(*letter);
      } else if (!starts_identifier(one[0])) {
        fail(i, fmt::format("invalid letter '{}': a letter is an identifier", one));
      } else {
        fail(i, undefined_letter_message(system, one));
      }
    }
    return;
  }
  if (!is_identifier(w.text)) fail(0, fmt::format("invalid letter '{}': a letter is an identifier", shorten(w.text)));
  fail(0, undefined_letter_message(system, w.text));
}

class tag_loader {
 public:
  tag_loader(std::string_view text, const std::string& source_name) {
    system_.source_name = source_name;
    system_.source_lines = split_lines(text);
  }

  tag_system load() {
    for (std::size_t i = 0; i < system_.source_lines.size(); ++i) {
      line_ = static_cast<std::uint32_t>(i + 1);
      const auto words = split(system_.source_lines[i]);
      if (!words.empty()) statement(words);
    }
    finish();
    return std::move(system_);
  }

 private:
  [[noreturn]] void fail(std::uint32_t column, const std::string& message) const {
    fail_at({line_, column}, message);
  }
  [[noreturn]] void fail_at(text_location where, const std::string& message) const {
    throw input_error(message, system_.source_name, where,
                      where.line ? system_.source_lines[where.line - 1] : std::string());
  }

  std::vector<word> split(const std::string& line) const {
    // A UTF-8 byte order mark is not part of the text; columns still count
    // it, as in a network file.
    const std::size_t begin = line_ == 1 && line.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    const std::size_t comment = std::min(line.find('#'), line.size());
    if (const auto bad = bad_character(line, begin, comment)) fail(static_cast<std::uint32_t>(bad->second + 1), bad->first);
    return split_words(line, begin, comment);
  }

  tag_letter defined_letter(const word& w) {
    if (!is_identifier(w.text)) {
      fail(w.column, fmt::format("invalid letter name '{}': a letter is an identifier (a letter or '_', then "
                                 "letters, digits, '_' or '.')",
                                 shorten(w.text)));
    }
    const tag_letter letter = system_.intern_letter(w.text);
    defined_on_.resize(system_.letter_count());
    halting_.resize(system_.letter_count());
    return letter;
  }

  void statement(const std::vector<word>& words) {
    // A letter may be named like a statement (`halt -> a`), so a line whose
    // second word is '->' is a production, whatever its first word.
    if (words.size() >= 2 && words[1].text == "->") {
      any_other_statement_ = true;
      production(words);
      return;
    }
    const std::string& keyword = words[0].text;
    if (keyword == "tag") {
      if (seen_tag_) fail(words[0].column, "'tag' is given more than once");
      seen_tag_ = true;
      if (any_other_statement_) fail(words[0].column, "'tag' must come before any other statement");
      if (words.size() < 2) fail(words[0].column + 3, "incomplete statement; expected 'tag NAME'");
      if (words.size() > 2) fail(words[2].column, fmt::format("unexpected '{}' after 'tag NAME'", shorten(words[2].text)));
      if (!is_identifier(words[1].text)) fail(words[1].column, fmt::format("invalid tag system name '{}'", shorten(words[1].text)));
      system_.name = words[1].text;
      return;
    }
    any_other_statement_ = true;
    if (keyword == "halt") {
      if (words.size() < 2) fail(words[0].column + 4, "expected the halting letters after 'halt'");
      for (std::size_t i = 1; i < words.size(); ++i) halting(words[i]);
      return;
    }
    for (const word& w : words) {
      if (w.text == "->") fail(words[0].column, "expected a production 'LETTER -> WORD'");
      if (const auto arrow = w.text.find("->"); arrow != std::string::npos) {
        fail(w.column + static_cast<std::uint32_t>(arrow), "write '->' with a space on each side: 'LETTER -> WORD'");
      }
    }
    static constexpr std::array<std::string_view, 2> statements{"tag", "halt"};
    fail(words[0].column, fmt::format("unknown statement '{}'{}; expected 'LETTER -> WORD', 'halt LETTERS' or 'tag NAME'",
                                      shorten(keyword), did_you_mean(keyword, statements)));
  }

  void production(const std::vector<word>& words) {
    const tag_letter letter = defined_letter(words[0]);
    const auto& earlier = defined_on_[letter];
    if (earlier.line != 0) {
      if (halting_[letter]) {
        fail(words[0].column, fmt::format("letter '{}' halts (line {}), so it cannot have a production", words[0].text,
                                          earlier.line));
      }
      fail(words[0].column, fmt::format("a second production for letter '{}' (the first is on line {})", words[0].text,
                                        earlier.line));
    }
    defined_on_[letter] = {line_, words[0].column};
    pending_.push_back({letter, line_, std::vector<word>(words.begin() + 2, words.end())});
  }

  void halting(const word& w) {
    const tag_letter letter = defined_letter(w);
    const auto& earlier = defined_on_[letter];
    if (earlier.line != 0) {
      if (halting_[letter]) {
        fail(w.column, fmt::format("letter '{}' is listed as halting twice (first on line {})", w.text, earlier.line));
      }
      fail(w.column, fmt::format("letter '{}' has a production (line {}), so it cannot halt", w.text, earlier.line));
    }
    defined_on_[letter] = {line_, w.column};
    halting_[letter] = 1;
  }

  void finish() {
    if (system_.letter_count() == 0) {
      line_ = 1;
      fail(1, "no letters: expected productions 'LETTER -> WORD' and halting letters 'halt LETTERS'");
    }
    for (const auto& p : pending_) {
      line_ = p.line;
      tag_word production;
      for (const word& w : p.words) {
        letters_of_word(system_, w, production, [&](std::size_t offset, const std::string& message) {
          fail(w.column + static_cast<std::uint32_t>(offset), message);
        });
      }
      system_.productions[p.letter] = std::move(production);
    }
  }

  struct pending_production {
    tag_letter letter;
    std::uint32_t line;
    std::vector<word> words;
  };

  tag_system system_;
  std::uint32_t line_ = 0;
  bool seen_tag_ = false, any_other_statement_ = false;
  std::vector<text_location> defined_on_;  // by letter: where its production or `halt` is
  std::vector<char> halting_;              // by letter
  std::vector<pending_production> pending_;
};

}  // namespace

tag_system parse_tag_system(std::string_view text, const std::string& source_name) {
  return tag_loader(text, source_name).load();
}

tag_system load_tag_file(const std::string& path) {
  return parse_tag_system(read_text_file(path), path == "-" ? "<stdin>" : path);
}

tag_word parse_tag_word(const tag_system& system, std::string_view text, std::string_view option) {
  auto refuse = [&](std::size_t offset, const std::string& message) {
    throw input_error(fmt::format("invalid {} '{}': {} (at column {})", option, shorten(text), message, offset + 1));
  };
  if (const auto bad = bad_character(text, 0, text.size())) refuse(bad->second, bad->first);
  tag_word result;
  for (const word& w : split_words(text, 0, text.size())) {
    letters_of_word(system, w, result,
                    [&](std::size_t offset, const std::string& message) { refuse(w.column - 1 + offset, message); });
  }
  return result;
}

}  // namespace nnsim
