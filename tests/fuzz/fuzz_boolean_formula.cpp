// The Boolean formula and truth-table parsers (boolean_function.hpp).  Any
// text either parses or is refused with an input_error.  A formula that
// parses must agree, on some rows of its table, with a plain recursive
// evaluation written here independently of the library's bit-parallel one;
// every function that parses is written as its truth table, which must read
// back as the same function.
#include "fuzz_check.hpp"

#include "nnsim/boolean/boolean_function.hpp"

#include <algorithm>
#include <optional>

namespace {

// A recursive-descent evaluator of the grammar of boolean_function.hpp on
// one input row.  It is called only on formulas the library accepted, so it
// does not report errors; it gives up (nothing) on deep nesting, which the
// library handles without recursion.
class reference_evaluator {
 public:
  reference_evaluator(std::string_view text, const nnsim::boolean_function& f, std::uint32_t row)
      : text_(text), f_(f), row_(row) {}

  std::optional<bool> value() {
    const bool v = either();
    if (too_deep_) return std::nullopt;
    return v;
  }

 private:
  void skip_blanks() {
    while (i_ < text_.size() && (text_[i_] == ' ' || text_[i_] == '\t' || text_[i_] == '\n' || text_[i_] == '\r')) ++i_;
  }
  bool at(char c) {
    skip_blanks();
    if (i_ < text_.size() && text_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool either() {  // a | b
    bool v = exclusive();
    while (at('|')) v = exclusive() || v;
    return v;
  }
  bool exclusive() {  // a ^ b
    bool v = both();
    while (at('^')) v = both() != v;
    return v;
  }
  bool both() {  // a & b
    bool v = unary();
    while (at('&')) v = unary() && v;
    return v;
  }
  bool unary() {
    if (++depth_ > 500) too_deep_ = true;
    bool v = false;
    if (too_deep_) {
      i_ = text_.size();
    } else if (at('!')) {
      v = !unary();
    } else if (at('(')) {
      v = either();
      at(')');
    } else {
      skip_blanks();
      if (i_ < text_.size() && text_[i_] == 'x') {
        std::size_t end = i_ + 1;
        unsigned index = 0;
        while (end < text_.size() && text_[end] >= '0' && text_[end] <= '9') index = index * 10 + unsigned(text_[end++] - '0');
        i_ = end;
        v = f_.variable(row_, index);
      } else if (i_ < text_.size()) {
        v = text_[i_++] == '1';
      }
    }
    --depth_;
    return v;
  }

  std::string_view text_;
  const nnsim::boolean_function& f_;
  std::uint32_t row_;
  std::size_t i_ = 0;
  unsigned depth_ = 0;
  bool too_deep_ = false;
};

void check_table_round_trip(const nnsim::boolean_function& f) {
  const std::string table = f.table();
  nnsim::fuzz::require(table.size() == f.size(), "a truth table of the wrong length: " + table);
  nnsim::fuzz::require(nnsim::boolean_function::from_table(table) == f,
                       "the truth table reads back as another function: " + table);
}

void check_formula(std::string_view text, const nnsim::boolean_function& f) {
  // The first 32 rows and 32 spread over the table.
  const std::size_t size = f.size();
  for (std::size_t k = 0; k < std::min<std::size_t>(size, 64); ++k) {
    const auto row = static_cast<std::uint32_t>(k < 32 ? k : (k - 32) * (size / 32) + (k % 7));
    if (row >= size) continue;
    const std::optional<bool> expected = reference_evaluator(text, f, row).value();
    if (!expected) return;
    nnsim::fuzz::require(f(row) == *expected, "row " + std::to_string(row) + " of the formula's table differs from a "
                                              "direct evaluation: " + std::string(text));
  }
}

}  // namespace

// The first byte chooses the parser and the least arity of a formula; the
// rest is the text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nnsim;
  if (size == 0) return 0;
  const unsigned choice = data[0];
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  try {
    if (choice < 0x80) {
      const boolean_function f = boolean_function::from_formula(text, choice % 24);
      check_formula(text, f);
      check_table_round_trip(f);
    } else {
      check_table_round_trip(boolean_function::from_table(text));
    }
  } catch (const input_error& e) {
    fuzz::check_diagnostic(e);
  }
  return 0;
}
