// Tests of error.hpp: how a located error shows its source line.  Nothing of
// a hostile line reaches the terminal raw (control bytes, invalid UTF-8,
// invisible format characters are escaped), a long line shows a window of
// about 80 columns around the caret, and the caret stays under the
// character at the reported column.
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using nnsim::input_error;

namespace {

// The diagnostic of an error at line 1, `column` of `line`.
std::string shown(const std::string& line, std::uint32_t column) {
  return input_error("bad", "f.nn", {1, column}, line).diagnostic();
}

std::string repeated(std::string_view text, std::size_t count) {
  std::string result;
  for (std::size_t i = 0; i < count; ++i) result += text;
  return result;
}

}  // namespace

TEST_CASE("the echoed line escapes what a terminal would act on", "[error]") {
  // An escape sequence in a comment (it would retitle and clear the terminal).
  CHECK(shown("y = stpe(1) # \x1b]0;title\x07 \x1b[2J", 5) ==
        "f.nn:1:5: error: bad\n"
        "  y = stpe(1) # \\x1b]0;title\\x07 \\x1b[2J\n"
        "      ^");
  // The caret stays under the character at the column when escapes widen
  // the text before it.
  CHECK(shown("\x1b\x1b x", 4) ==
        "f.nn:1:4: error: bad\n"
        "  \\x1b\\x1b x\n"
        "           ^");
  // Invalid UTF-8: a stray continuation byte, a truncated sequence, an
  // overlong form, a surrogate; each byte escaped.
  CHECK(shown("a\x80 b\xC3 c\xC0\xAF d\xED\xA0\x80 e", 16) ==
        "f.nn:1:16: error: bad\n"
        "  a\\x80 b\\xc3 c\\xc0\\xaf d\\xed\\xa0\\x80 e\n"
        "  " + std::string(36, ' ') + "^");
  // Valid UTF-8 is shown as it is; C1 controls, bidirectional overrides and
  // a byte order mark after the line's start are escaped.
  CHECK(shown("σ(x) \u00e9 \xC2\x9B""2J \u202Eevil\u202C \uFEFF z", 30) ==
        "f.nn:1:30: error: bad\n"
        "  σ(x) é \\u009b2J \\u202eevil\\u202c \\ufeff z\n"
        "  " + std::string(40, ' ') + "^");
  // DEL, and a tab kept in both lines so that the caret lines up.
  CHECK(shown("\tx\x7f y", 5) ==
        "f.nn:1:5: error: bad\n"
        "  \tx\\x7f y\n"
        "  \t      ^");
  // The byte order mark at the start of a file is counted in columns but
  // not shown.
  CHECK(shown("\xEF\xBB\xBFx = stpe(1)", 8) ==
        "f.nn:1:8: error: bad\n"
        "  x = stpe(1)\n"
        "      ^");
}

TEST_CASE("a long line shows a window around the caret", "[error]") {
  // A 1 MB line with the error at its end: 80 columns, the true column.
  const std::string long_line = "y = step(" + repeated("x + ", 250000) + "q)";
  const std::string end = shown(long_line, 1000010);
  CHECK(end ==
        "f.nn:1:1000010: error: bad\n"
        "  … x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + q)\n"
        "  " + std::string(78, ' ') + "^");
  CHECK(end.size() < 250);

  // Near the start: the line's start, cut at 79 columns.
  CHECK(shown(long_line, 10) ==
        "f.nn:1:10: error: bad\n"
        "  y = step(" + repeated("x + ", 17) + "x …\n"
        "           ^");

  // In the middle: cut on both sides, 20 columns kept after the caret.
  std::string middle = repeated("a", 500) + "Q" + repeated("b", 500);
  CHECK(shown(middle, 501) ==
        "f.nn:1:501: error: bad\n"
        "  …" + repeated("a", 58) + "Q" + repeated("b", 19) + "…\n"
        "   " + std::string(58, ' ') + "^");

  // A place after the line's end (an end-of-line error).
  CHECK(shown(repeated("z", 200), 201) ==
        "f.nn:1:201: error: bad\n"
        "  …" + repeated("z", 79) + "\n"
        "   " + std::string(79, ' ') + "^");
}

TEST_CASE("a long line of multi-byte characters is cut between characters", "[error]") {
  // 1000 two-byte characters, then the error: byte column 2001.
  const std::string accents = repeated("\u00e9", 1000) + "q = 1";
  CHECK(shown(accents, 2001) ==
        "f.nn:1:2001: error: bad\n"
        "  …" + repeated("\u00e9", 74) + "q = 1\n"
        "   " + std::string(74, ' ') + "^");
  // The caret column inside a character points at that character.
  CHECK(shown("ab\u00e9cd", 4) ==
        "f.nn:1:4: error: bad\n"
        "  ab\u00e9cd\n"
        "    ^");
  // Wide characters take two columns, in the window and under the caret.
  const std::string wide = repeated("\u4e2d", 100) + "q";
  CHECK(shown(wide, 301) ==
        "f.nn:1:301: error: bad\n"
        "  …" + repeated("\u4e2d", 39) + "q\n"
        "   " + std::string(78, ' ') + "^");
}
