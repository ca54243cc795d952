// The parser of word_pattern_syntax.hpp.
//
// The grammar is ECMAScript's (ECMA-262, section 22.2.1, without the
// Annex B extensions that hide mistakes), restricted to its regular part:
//     disjunction := alternative ('|' alternative)*
//     alternative := term*
//     term        := assertion | atom quantifier?
//     assertion   := '^' | '$' | '\b' | '\B'
//     quantifier  := ('*' | '+' | '?' | '{m}' | '{m,}' | '{m,n}') '?'?
//     atom        := character | '.' | class | escape
//                  | '(' disjunction ')' | '(?:' disjunction ')' | '(?<name>' disjunction ')'
// Open groups live on an explicit stack, so 100,000 nested parentheses cost
// memory, never the call stack.  A node is created when its construct is
// complete, which puts the nodes in post-order.
//
// Columns are 1-based byte columns, like the formula parser's and the file
// formats'; a character of several UTF-8 bytes is one character of the
// pattern (so that `é*` repeats the whole of it).
#include "languages/word_pattern_syntax.hpp"

#include "nnsim/languages/word_pattern.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace nnsim {
namespace {

input_error syntax_error(std::size_t column, const std::string& reason) {
  return input_error(fmt::format("regular expression: column {}: {}", column, reason));
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
std::uint32_t hex_value(char c) {
  if (is_digit(c)) return static_cast<std::uint32_t>(c - '0');
  return static_cast<std::uint32_t>((c | 0x20) - 'a' + 10);
}

// The set of {0, 1} that the characters lo ... hi (code points) contain.
std::uint8_t symbols_in_range(std::uint32_t lo, std::uint32_t hi) {
  std::uint8_t symbols = 0;
  if (lo <= '0' && '0' <= hi) symbols |= symbol_zero;
  if (lo <= '1' && '1' <= hi) symbols |= symbol_one;
  return symbols;
}

// One character of the pattern: its code point and its length in bytes.  A
// byte that does not start a well-formed UTF-8 sequence is a character of
// its own (its code point is the byte's value).
struct character {
  std::uint32_t code = 0;
  std::size_t length = 1;
};

character decode_character(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 1;
  std::uint32_t code = lead;
  if (lead >= 0xC2 && lead < 0xE0) {
    length = 2;
    code = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead < 0xF0) {
    length = 3;
    code = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead < 0xF5) {
    length = 4;
    code = lead & 0x07u;
  }
  if (length == 1 || i + length > text.size()) return {lead, 1};
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0u) != 0x80u) return {lead, 1};
    code = (code << 6) | (byte(i + k) & 0x3Fu);
  }
  return {code, length};
}

// A class escape (\d, \D, \s, \S, \w, \W): its set of symbols.  Every digit
// is a word character, no digit is white space.
bool class_escape_symbols(char c, std::uint8_t& symbols) {
  switch (c) {
    case 'd':
    case 'w':
    case 'S': symbols = symbol_both; return true;
    case 'D':
    case 'W':
    case 's': symbols = 0; return true;
    default: return false;
  }
}

// An atom of a character class: one character, or the set of a class escape.
struct class_atom {
  std::size_t column = 0;
  std::size_t length = 0;
  bool is_set = false;         // a class escape: it cannot bound a range
  std::uint32_t code = 0;      // the character
  std::uint8_t symbols = 0;    // the set (of the character too)
};

class parser {
 public:
  explicit parser(std::string_view text) : text_(text) {}

  pattern_syntax parse() {
    if (text_.size() > max_pattern_length) {
      throw input_error(fmt::format("regular expression: the pattern has {} characters, more than the limit of {}",
                                    text_.size(), max_pattern_length));
    }
    group whole;  // the whole pattern
    whole.column = 1;
    groups_.push_back(std::move(whole));
    while (i_ < text_.size()) step();
    if (groups_.size() > 1) throw syntax_error(groups_.back().column, "'(' is not closed");
    pattern_syntax syntax;
    syntax.root = finish_group(groups_.back());
    syntax.nodes = std::move(nodes_);
    return syntax;
  }

 private:
  // What the last term of the alternative being read is: a quantifier needs
  // an atom before it.
  enum class last_term { none, atom, assertion, repetition };

  struct group {
    std::size_t column = 0;                  // of its '(' (1 for the whole pattern)
    std::vector<std::uint32_t> alternatives; // the finished ones
    std::vector<std::uint32_t> terms;        // of the alternative being read
    last_term last = last_term::none;
  };

  std::uint32_t add_node(pattern_node node) {
    nodes_.push_back(std::move(node));
    return static_cast<std::uint32_t>(nodes_.size() - 1);
  }

  void add_term(std::uint32_t node, last_term kind) {
    groups_.back().terms.push_back(node);
    groups_.back().last = kind;
  }

  void add_symbols(std::uint8_t symbols, std::size_t column) {
    pattern_node node;
    node.kind = pattern_node_kind::symbols;
    node.symbols = symbols;
    node.column = column;
    add_term(add_node(std::move(node)), last_term::atom);
  }

  void add_assertion(pattern_assertion assertion, std::size_t column) {
    pattern_node node;
    node.kind = pattern_node_kind::assertion;
    node.assertion = assertion;
    node.column = column;
    add_term(add_node(std::move(node)), last_term::assertion);
  }

  // The alternative being read becomes one node (its single term, or the
  // concatenation of its terms).
  void finish_alternative(group& g) {
    if (g.terms.size() == 1) {
      g.alternatives.push_back(g.terms.front());
    } else {
      pattern_node node;
      node.kind = pattern_node_kind::concatenation;
      node.column = g.terms.empty() ? i_ + 1 : nodes_[g.terms.front()].column;
      node.children = std::move(g.terms);
      g.alternatives.push_back(add_node(std::move(node)));
    }
    g.terms.clear();
    g.last = last_term::none;
  }

  std::uint32_t finish_group(group& g) {
    finish_alternative(g);
    if (g.alternatives.size() == 1) return g.alternatives.front();
    pattern_node node;
    node.kind = pattern_node_kind::alternation;
    node.column = g.column;
    node.children = std::move(g.alternatives);
    return add_node(std::move(node));
  }

  void step() {
    const std::size_t column = i_ + 1;
    switch (text_[i_]) {
      case '|':
        finish_alternative(groups_.back());
        ++i_;
        return;
      case '(':
        open_group();
        return;
      case ')': {
        if (groups_.size() == 1) throw syntax_error(column, "')' without a matching '('");
        const std::uint32_t node = finish_group(groups_.back());
        groups_.pop_back();
        add_term(node, last_term::atom);
        ++i_;
        return;
      }
      case '*': repeat(0, unbounded, 1); return;
      case '+': repeat(1, unbounded, 1); return;
      case '?': repeat(0, 1, 1); return;
      case '{': counted_repeat(); return;
      case '^':
        add_assertion(pattern_assertion::word_start, column);
        ++i_;
        return;
      case '$':
        add_assertion(pattern_assertion::word_end, column);
        ++i_;
        return;
      case '.':
        // Any character but a line terminator: both symbols.
        add_symbols(symbol_both, column);
        ++i_;
        return;
      case '[':
        character_class();
        return;
      case '\\':
        escape();
        return;
      default: {
        const character c = decode_character(text_, i_);
        add_symbols(symbols_in_range(c.code, c.code), column);
        i_ += c.length;
        return;
      }
    }
  }

  // '(' '(?:' '(?<name>'; the lookarounds are refused.
  void open_group() {
    const std::size_t column = i_ + 1;
    const std::string_view rest = text_.substr(i_);
    std::size_t length = 1;
    if (rest.starts_with("(?=") || rest.starts_with("(?!")) {
      throw syntax_error(column, fmt::format("lookahead '{}' is not supported (only regular constructs are)",
                                             rest.substr(0, 3)));
    }
    if (rest.starts_with("(?<=") || rest.starts_with("(?<!")) {
      throw syntax_error(column, fmt::format("lookbehind '{}' is not supported (only regular constructs are)",
                                             rest.substr(0, 4)));
    }
    if (rest.starts_with("(?:")) {
      length = 3;
    } else if (rest.starts_with("(?<")) {
      length = group_name_length(rest, column);
    } else if (rest.starts_with("(?")) {
      const std::string_view shown = rest.size() > 2 ? rest.substr(0, 2 + decode_character(rest, 2).length) : rest;
      throw syntax_error(column, fmt::format("unknown group '{}' (the groups are (...), (?:...) and (?<name>...))",
                                             shown));
    }
    group g;
    g.column = column;
    groups_.push_back(std::move(g));
    i_ += length;
  }

  // The length of "(?<name>" at the start of `rest`: a name is a letter, '_'
  // or '$' followed by letters, digits, '_' or '$' (and any non-ASCII
  // character, which ECMAScript's identifiers allow).
  std::size_t group_name_length(std::string_view rest, std::size_t column) const {
    std::size_t k = 3;
    while (k < rest.size() && rest[k] != '>') {
      const char c = rest[k];
      const bool ascii = static_cast<unsigned char>(c) < 0x80;
      const bool allowed = !ascii || is_letter(c) || c == '_' || c == '$' || (k > 3 && is_digit(c));
      if (!allowed) {
        throw syntax_error(column + k, fmt::format("'{}' cannot be part of a group name",
                                                   rest.substr(k, decode_character(rest, k).length)));
      }
      ++k;
    }
    if (k == rest.size()) throw syntax_error(column, "the group name after '(?<' is not closed by '>'");
    if (k == 3) throw syntax_error(column, "the group name after '(?<' is empty");
    return k + 1;
  }

  // A quantifier of `length` bytes at i_ (followed by an optional '?', the
  // lazy form, which matches the same words under a full match).
  void repeat(std::uint32_t min, std::uint32_t max, std::size_t length) {
    group& g = groups_.back();
    const std::size_t column = i_ + 1;
    const std::string_view quantifier = text_.substr(i_, length);
    switch (g.last) {
      case last_term::none:
        throw syntax_error(column, fmt::format("'{}' has nothing to repeat", quantifier));
      case last_term::assertion:
        throw syntax_error(column, fmt::format("'{}' cannot repeat an assertion ('^', '$', '\\b', '\\B')", quantifier));
      case last_term::repetition:
        throw syntax_error(column, fmt::format("'{}' cannot follow another quantifier (group the repeated part: "
                                               "(?:x{{2}}){{3}})",
                                               quantifier));
      case last_term::atom: break;
    }
    if (i_ + length < text_.size() && text_[i_ + length] == '?') ++length;
    pattern_node node;
    node.kind = pattern_node_kind::repetition;
    node.min = min;
    node.max = max;
    node.column = column;
    node.length = length;
    node.children = {g.terms.back()};
    g.terms.back() = add_node(std::move(node));
    g.last = last_term::repetition;
    i_ += length;
  }

  // {m}, {m,} or {m,n}.  The counts saturate far above what the automaton
  // limit lets through, so a huge count is reported by that limit.
  void counted_repeat() {
    const std::size_t column = i_ + 1;
    constexpr std::uint64_t saturation = std::uint64_t{1} << 40;
    std::size_t k = i_ + 1;
    const auto number = [&](std::uint64_t& value) {
      const std::size_t start = k;
      value = 0;
      while (k < text_.size() && is_digit(text_[k])) {
        value = std::min(saturation, value * 10 + static_cast<std::uint64_t>(text_[k] - '0'));
        ++k;
      }
      return k > start;
    };
    std::uint64_t min = 0;
    std::uint64_t max = 0;
    bool well_formed = number(min);
    bool bounded = true;
    if (well_formed && k < text_.size() && text_[k] == ',') {
      ++k;
      bounded = number(max);
    } else {
      max = min;
    }
    well_formed = well_formed && k < text_.size() && text_[k] == '}';
    if (!well_formed) {
      throw syntax_error(column, "'{' does not start a quantifier {m}, {m,} or {m,n} (the character is written '\\{')");
    }
    const std::size_t length = k + 1 - i_;
    if (bounded && min > max) {
      throw syntax_error(column,
                         fmt::format("the quantifier '{}' has its bounds out of order", text_.substr(i_, length)));
    }
    const auto count = [](std::uint64_t value) {
      return static_cast<std::uint32_t>(std::min<std::uint64_t>(value, unbounded - 1));
    };
    repeat(count(min), bounded ? count(max) : unbounded, length);
  }

  // '[' ... ']', '[^' ... ']'.
  void character_class() {
    const std::size_t column = i_ + 1;
    ++i_;
    bool negated = false;
    if (i_ < text_.size() && text_[i_] == '^') {
      negated = true;
      ++i_;
    }
    std::uint8_t symbols = 0;
    while (true) {
      if (i_ >= text_.size()) throw syntax_error(column, "'[' is not closed");
      if (text_[i_] == ']') {
        ++i_;
        break;
      }
      const class_atom first = read_class_atom();
      if (i_ + 1 < text_.size() && text_[i_] == '-' && text_[i_ + 1] != ']') {
        ++i_;
        const class_atom last = read_class_atom();
        const std::string_view range = text_.substr(first.column - 1, last.column + last.length - first.column);
        if (first.is_set) {
          throw syntax_error(first.column, fmt::format("'{}' cannot start a range ('{}')",
                                                       text_.substr(first.column - 1, first.length), range));
        }
        if (last.is_set) {
          throw syntax_error(last.column, fmt::format("'{}' cannot end a range ('{}')",
                                                      text_.substr(last.column - 1, last.length), range));
        }
        if (first.code > last.code) {
          throw syntax_error(first.column, fmt::format("the range '{}' is out of order", range));
        }
        symbols |= symbols_in_range(first.code, last.code);
      } else {
        symbols |= first.symbols;
      }
    }
    add_symbols(negated ? static_cast<std::uint8_t>(symbols ^ symbol_both) : symbols, column);
  }

  class_atom read_class_atom() {
    class_atom atom;
    atom.column = i_ + 1;
    if (text_[i_] != '\\') {
      const character c = decode_character(text_, i_);
      atom.length = c.length;
      atom.code = c.code;
    } else {
      if (i_ + 1 >= text_.size()) throw syntax_error(atom.column, "'\\' at the end of the pattern");
      const char c = text_[i_ + 1];
      if (class_escape_symbols(c, atom.symbols)) {
        atom.is_set = true;
        atom.length = 2;
        i_ += 2;
        return atom;
      }
      if (c == 'b') {  // backspace inside a class
        atom.length = 2;
        atom.code = 8;
      } else {
        const character escaped = character_escape();
        atom.length = escaped.length;
        atom.code = escaped.code;
      }
    }
    atom.symbols = symbols_in_range(atom.code, atom.code);
    i_ += atom.length;
    return atom;
  }

  // A backslash outside a class.
  void escape() {
    const std::size_t column = i_ + 1;
    if (i_ + 1 >= text_.size()) throw syntax_error(column, "'\\' at the end of the pattern");
    const char c = text_[i_ + 1];
    std::uint8_t symbols = 0;
    if (class_escape_symbols(c, symbols)) {
      add_symbols(symbols, column);
      i_ += 2;
      return;
    }
    if (c == 'b' || c == 'B') {
      add_assertion(c == 'b' ? pattern_assertion::word_boundary : pattern_assertion::not_word_boundary, column);
      i_ += 2;
      return;
    }
    if (c >= '1' && c <= '9') {
      std::size_t k = i_ + 1;
      while (k < text_.size() && is_digit(text_[k])) ++k;
      throw syntax_error(column, fmt::format("the backreference '{}' is not supported (only regular constructs are)",
                                             text_.substr(i_, k - i_)));
    }
    if (c == 'k') {
      throw syntax_error(column, "the named backreference '\\k' is not supported (only regular constructs are)");
    }
    const character escaped = character_escape();
    add_symbols(symbols_in_range(escaped.code, escaped.code), column);
    i_ += escaped.length;
  }

  // The character of the escape at i_ (a backslash with at least one byte
  // after it); `length` counts the backslash.
  character character_escape() const {
    const std::size_t column = i_ + 1;
    const std::string_view rest = text_.substr(i_ + 1);
    const char c = rest[0];
    const auto hex = [&](std::size_t digits) {
      std::uint32_t value = 0;
      for (std::size_t k = 1; k <= digits; ++k) {
        if (k >= rest.size() || !is_hex_digit(rest[k])) {
          throw syntax_error(column,
                             fmt::format("'\\{}' needs {} hexadecimal digits", c, digits == 2 ? "two" : "four"));
        }
        value = value * 16 + hex_value(rest[k]);
      }
      return character{value, 1 + 1 + digits};
    };
    switch (c) {
      case 'f': return {12, 2};
      case 'n': return {10, 2};
      case 'r': return {13, 2};
      case 't': return {9, 2};
      case 'v': return {11, 2};
      case '0':
        if (rest.size() > 1 && is_digit(rest[1])) {
          throw syntax_error(column, fmt::format("the octal escape '\\0{}' is not supported", rest[1]));
        }
        return {0, 2};
      case 'x': return hex(2);
      case 'u': return hex(4);
      case 'c':
        if (rest.size() < 2 || !is_letter(rest[1])) throw syntax_error(column, "'\\c' needs a letter");
        return {static_cast<std::uint32_t>(rest[1]) % 32, 3};
      default: break;
    }
    if (is_letter(c) || is_digit(c)) throw syntax_error(column, fmt::format("unknown escape '\\{}'", c));
    // Any other character stands for itself: \. \* \\ \- \/ ...
    const character escaped = decode_character(rest, 0);
    return {escaped.code, 1 + escaped.length};
  }

  std::string_view text_;
  std::size_t i_ = 0;
  std::vector<group> groups_;
  std::vector<pattern_node> nodes_;
};

}  // namespace

pattern_syntax parse_word_pattern(std::string_view pattern) { return parser(pattern).parse(); }

}  // namespace nnsim
