// The `.tm` loader (machine-format.md).  Lines are split into
// whitespace-separated words with their columns; every statement is checked
// when it is read, and the cross-references (start, accept and reject states,
// the alphabet) once the whole file is read, each error located at the word
// it is about.
#include "nnsim/io/network_parser.hpp"  // read_text_file
#include "nnsim/io/text_file.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/languages/turing_machine.hpp"
#include "support/look_alike_characters.hpp"
#include "support/spelling_suggestion.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

namespace nnsim {
namespace {

struct word {
  std::string text;
  std::uint32_t column = 0;
};

class machine_loader {
 public:
  machine_loader(std::string_view text, const std::string& source_name) {
    machine_.source_name = source_name;
    machine_.source_lines = split_lines(text);
  }

  turing_machine load() {
    for (std::size_t i = 0; i < machine_.source_lines.size(); ++i) {
      line_ = static_cast<std::uint32_t>(i + 1);
      const auto words = split(machine_.source_lines[i]);
      if (!words.empty()) statement(words);
    }
    finish();
    return std::move(machine_);
  }

 private:
  [[noreturn]] void fail(std::uint32_t column, const std::string& message) const {
    throw input_error(message, machine_.source_name, {line_, column}, machine_.source_lines[line_ - 1]);
  }
  [[noreturn]] void fail_at(text_location where, const std::string& message) const {
    throw input_error(message, machine_.source_name, where,
                      where.line ? machine_.source_lines[where.line - 1] : std::string());
  }

  std::vector<word> split(const std::string& line) const {
    std::vector<word> words;
    // A UTF-8 byte order mark is not part of the text; columns still count
    // it, as in a network file.
    const std::size_t begin = line_ == 1 && line.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    const std::size_t comment = std::min(line.find('#'), line.size());
    for (std::size_t i = begin; i < comment; ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      if (c != ' ' && c != '\t' && (c < 0x21 || c > 0x7e)) {
        // An arrow U+2192 for '->', a no-break space: named with the ASCII
        // they stand for.
        if (const auto look_alike = look_alike_at(line, i)) {
          fail(static_cast<std::uint32_t>(i + 1), look_alike_message(*look_alike));
        }
        fail(static_cast<std::uint32_t>(i + 1), fmt::format("unexpected character '\\x{:02x}'", c));
      }
    }
    std::size_t i = begin;
    while (i < comment) {
      if (line[i] == ' ' || line[i] == '\t') {
        ++i;
        continue;
      }
      const std::size_t start = i;
      while (i < comment && line[i] != ' ' && line[i] != '\t') ++i;
      words.push_back({line.substr(start, i - start), static_cast<std::uint32_t>(start + 1)});
    }
    return words;
  }

  void once(const word& keyword, bool& seen) {
    if (seen) fail(keyword.column, fmt::format("'{}' is given more than once", keyword.text));
    seen = true;
  }

  void expect_count(const std::vector<word>& words, std::size_t count, const char* usage) {
    if (words.size() < count) {
      fail(words.back().column + static_cast<std::uint32_t>(words.back().text.size()),
           fmt::format("incomplete statement; expected '{}'", usage));
    }
    if (words.size() > count) fail(words[count].column, fmt::format("unexpected '{}' after '{}'", shorten(words[count].text), usage));
  }

  std::uint32_t state_named(const word& w) {
    if (!is_identifier(w.text)) fail(w.column, fmt::format("invalid state name '{}'", shorten(w.text)));
    const std::uint32_t state = machine_.intern_state(w.text);
    if (first_seen_.size() <= state) first_seen_.push_back({line_, w.column});
    return state;
  }

  char symbol_named(const word& w) {
    if (w.text.size() != 1) {
      fail(w.column, fmt::format("invalid tape symbol '{}': a symbol is one printable character", shorten(w.text)));
    }
    return w.text[0];
  }

  void statement(const std::vector<word>& words) {
    const std::string& keyword = words[0].text;
    // A state may be named like a statement (machine-format.md: states are
    // identifiers), so a line whose third word is '->' is a transition,
    // whatever its first word.
    if (words.size() >= 3 && words[2].text == "->") {
      any_other_statement_ = true;
      transition(words);
      return;
    }
    if (keyword == "machine") {
      once(words[0], seen_machine_);
      if (any_other_statement_) fail(words[0].column, "'machine' must come before any other statement");
      expect_count(words, 2, "machine NAME");
      if (!is_identifier(words[1].text)) fail(words[1].column, fmt::format("invalid machine name '{}'", shorten(words[1].text)));
      machine_.name = words[1].text;
      return;
    }
    any_other_statement_ = true;
    if (keyword == "tape") {
      once(words[0], seen_tape_);
      if (words.size() < 2) fail(words[0].column + 4, "expected the tape symbols after 'tape'");
      for (std::size_t i = 1; i < words.size(); ++i) {
        const char c = symbol_named(words[i]);
        if (symbol_columns_.count(c)) fail(words[i].column, fmt::format("tape symbol '{}' is listed twice", c));
        symbol_columns_[c] = {line_, words[i].column};
        machine_.symbols.push_back(c);
      }
      tape_location_ = {line_, words[0].column};
    } else if (keyword == "input") {
      // An extension of machine-format.md (docs/machine-format.md): the input
      // alphabet, in code order (machine_code.hpp).
      once(words[0], seen_input_);
      if (words.size() < 2) fail(words[0].column + 5, "expected the input symbols after 'input'");
      for (std::size_t i = 1; i < words.size(); ++i) {
        const char c = symbol_named(words[i]);
        for (const auto& [earlier, where] : input_) {
          if (earlier == c) fail(words[i].column, fmt::format("input symbol '{}' is listed twice", c));
        }
        input_.push_back({c, {line_, words[i].column}});
      }
    } else if (keyword == "blank") {
      once(words[0], seen_blank_);
      expect_count(words, 2, "blank SYMBOL");
      blank_ = symbol_named(words[1]);
      blank_location_ = {line_, words[1].column};
    } else if (keyword == "start") {
      once(words[0], seen_start_);
      expect_count(words, 2, "start STATE");
      machine_.start = state_named(words[1]);
    } else if (keyword == "accept" || keyword == "reject") {
      once(words[0], keyword == "accept" ? seen_accept_ : seen_reject_);
      if (words.size() < 2) fail(words[0].column + static_cast<std::uint32_t>(keyword.size()), fmt::format("expected states after '{}'", keyword));
      for (std::size_t i = 1; i < words.size(); ++i) {
        const std::uint32_t state = state_named(words[i]);
        auto& mine = keyword == "accept" ? machine_.accepting : machine_.rejecting;
        const auto& other = keyword == "accept" ? machine_.rejecting : machine_.accepting;
        if (mine[state]) fail(words[i].column, fmt::format("state '{}' is listed twice", shorten(words[i].text)));
        if (other[state]) fail(words[i].column, fmt::format("state '{}' cannot both accept and reject", shorten(words[i].text)));
        mine[state] = 1;
      }
    } else if (std::any_of(words.begin(), words.end(), [](const word& w) { return w.text == "->"; })) {
      if (words.size() < 3 || words[2].text != "->") {
        fail(words[0].column, "expected a transition 'STATE READ -> NEXT WRITE MOVE'");
      }
      transition(words);
    } else {
      static constexpr std::array<std::string_view, 7> statements{"machine", "tape",   "input", "blank",
                                                                  "start",   "accept", "reject"};
      fail(words[0].column,
           fmt::format("unknown statement '{}'{}", shorten(keyword), did_you_mean(keyword, statements)));
    }
  }

  void transition(const std::vector<word>& words) {
    expect_count(words, 6, "STATE READ -> NEXT WRITE MOVE");
    pending_.push_back({state_named(words[0]), symbol_named(words[1]), {line_, words[1].column}, state_named(words[3]),
                        symbol_named(words[4]), {line_, words[4].column}, words[5], {line_, words[0].column}});
    const auto& move = words[5].text;
    if (move != "L" && move != "R" && move != "S") {
      fail(words[5].column, fmt::format("invalid move '{}': expected L, R or S", shorten(move)));
    }
  }

  void finish() {
    line_ = 0;
    if (!seen_tape_) fail_at({1, 1}, "missing 'tape' statement");
    if (!seen_blank_) fail_at({1, 1}, "missing 'blank' statement");
    if (!seen_start_) fail_at({1, 1}, "missing 'start' statement");
    if (!seen_accept_) fail_at({1, 1}, "missing 'accept' statement");
    const auto blank = machine_.symbol_index(blank_);
    if (!blank) fail_at(blank_location_, fmt::format("blank symbol '{}' is not in the tape alphabet", blank_));
    machine_.blank = *blank;
    if (!seen_input_) {
      for (char required : {'0', '1'}) {
        if (!machine_.symbol_index(required)) {
          fail_at(tape_location_, fmt::format("the tape alphabet must contain '{}'", required));
        }
      }
      if (blank_ == '0' || blank_ == '1') fail_at(blank_location_, "the blank must differ from the input symbols 0 and 1");
    }
    for (const auto& [c, where] : input_) {
      const auto symbol = machine_.symbol_index(c);
      if (!symbol) fail_at(where, fmt::format("input symbol '{}' is not in the tape alphabet", c));
      if (c == blank_) fail_at(where, fmt::format("the blank '{}' cannot be an input symbol", c));
      machine_.input_symbols.push_back(*symbol);
    }
    machine_.resize_table();
    std::map<std::pair<std::uint32_t, std::uint32_t>, text_location> defined;
    for (const auto& p : pending_) {
      const auto read = machine_.symbol_index(p.read);
      if (!read) fail_at(p.read_location, fmt::format("symbol '{}' is not in the tape alphabet", p.read));
      const auto write = machine_.symbol_index(p.write);
      if (!write) fail_at(p.write_location, fmt::format("symbol '{}' is not in the tape alphabet", p.write));
      if (machine_.halts_in(p.state)) {
        fail_at(p.location, fmt::format("state '{}' halts ({}), so it cannot have transitions", shorten(machine_.states[p.state]),
                                        machine_.accepting[p.state] ? "accepting" : "rejecting"));
      }
      const auto key = std::make_pair(p.state, *read);
      if (auto it = defined.find(key); it != defined.end()) {
        fail_at(p.location, fmt::format("a second transition for state '{}' reading '{}' (the first is on line {})",
                                        shorten(machine_.states[p.state]), p.read, it->second.line));
      }
      defined[key] = p.location;
      const head_move move = p.move.text == "L" ? head_move::left : p.move.text == "R" ? head_move::right : head_move::stay;
      machine_.set_transition(p.state, *read, {p.next, *write, move, p.location});
    }
  }

  struct pending_transition {
    std::uint32_t state;
    char read;
    text_location read_location;
    std::uint32_t next;
    char write;
    text_location write_location;
    word move;
    text_location location;
  };

  turing_machine machine_;
  std::uint32_t line_ = 0;
  bool seen_machine_ = false, seen_tape_ = false, seen_blank_ = false, seen_start_ = false, seen_accept_ = false,
       seen_reject_ = false, seen_input_ = false, any_other_statement_ = false;
  char blank_ = '_';
  text_location blank_location_, tape_location_;
  std::map<char, text_location> symbol_columns_;
  std::vector<std::pair<char, text_location>> input_;  // in the order listed
  std::vector<text_location> first_seen_;
  std::vector<pending_transition> pending_;
};

}  // namespace

turing_machine parse_machine(std::string_view text, const std::string& source_name) {
  return machine_loader(text, source_name).load();
}

turing_machine load_machine_file(const std::string& path) {
  return parse_machine(read_text_file(path), path == "-" ? "<stdin>" : path);
}

}  // namespace nnsim
