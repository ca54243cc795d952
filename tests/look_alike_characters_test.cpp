// Tests of the table of characters that look like ASCII
// (support/look_alike_characters.hpp).
#include "support/look_alike_characters.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace nnsim;

namespace {

std::string message_at(std::string_view text, std::size_t pos) {
  const auto c = look_alike_at(text, pos);
  return c ? look_alike_message(*c) : "none";
}

}  // namespace

TEST_CASE("the characters copied from slides are named with their ASCII", "[look-alike]") {
  CHECK(message_at("\u2212", 0) == "'\u2212' (U+2212 MINUS SIGN) is not ASCII '-'; use ASCII '-'");
  CHECK(message_at("\u2013", 0) == "'\u2013' (U+2013 EN DASH) is not ASCII '-'; use ASCII '-'");
  CHECK(message_at("\u2014", 0) == "'\u2014' (U+2014 EM DASH) is not ASCII '-'; use ASCII '-'");
  CHECK(message_at("\u00d7", 0) == "'\u00d7' (U+00D7 MULTIPLICATION SIGN) is not ASCII '*'; use ASCII '*'");
  CHECK(message_at("\u00b7", 0) == "'\u00b7' (U+00B7 MIDDLE DOT) is not ASCII '*'; use ASCII '*'");
  CHECK(message_at("\u2217", 0) == "'\u2217' (U+2217 ASTERISK OPERATOR) is not ASCII '*'; use ASCII '*'");
  CHECK(message_at("\u22c5", 0) == "'\u22c5' (U+22C5 DOT OPERATOR) is not ASCII '*'; use ASCII '*'");
  CHECK(message_at("\u00f7", 0) == "'\u00f7' (U+00F7 DIVISION SIGN) is not ASCII '/'; use ASCII '/'");
  CHECK(message_at("\u2192", 0) == "'\u2192' (U+2192 RIGHTWARDS ARROW) is not ASCII '->'; use ASCII '->'");
  CHECK(message_at("\u2018", 0) ==
        "'\u2018' (U+2018 LEFT SINGLE QUOTATION MARK) is not ASCII '''; use ASCII '''");
  CHECK(message_at("\u201d", 0) ==
        "'\u201d' (U+201D RIGHT DOUBLE QUOTATION MARK) is not ASCII '\"'; use ASCII '\"'");
  CHECK(message_at("\u2081", 0) == "'\u2081' (U+2081 SUBSCRIPT ONE) is not ASCII '1'; use ASCII '1'");
  CHECK(message_at("\uff0c", 0) == "'\uff0c' (U+FF0C FULLWIDTH COMMA) is not ASCII ','; use ASCII ','");
  // An invisible space is named, not shown.
  CHECK(message_at("\u00a0", 0) == "U+00A0 NO-BREAK SPACE is not an ASCII space; use an ASCII space");
  CHECK(message_at("\u202f", 0) == "U+202F NARROW NO-BREAK SPACE is not an ASCII space; use an ASCII space");
}

TEST_CASE("only a whole look-alike at the place is one", "[look-alike]") {
  CHECK(message_at("-", 0) == "none");
  CHECK(message_at("\u00e9", 0) == "none");    // é: not like any ASCII
  CHECK(message_at("\u03c3", 0) == "none");    // σ
  CHECK(message_at("\xe2\x88", 0) == "none");  // a minus sign cut short
  CHECK(message_at("\xe2\x88\x92", 1) == "none");  // inside the character
  CHECK(message_at("\xc0\x80", 0) == "none");  // an overlong encoding
  CHECK(message_at("", 0) == "none");
  CHECK(message_at("1 \u2212 x", 2) == "'\u2212' (U+2212 MINUS SIGN) is not ASCII '-'; use ASCII '-'");
}

TEST_CASE("the first look-alike of a text and its byte offset", "[look-alike]") {
  const auto found = find_look_alike("\u00e9 1 \u00d7 2 \u2212 3");
  REQUIRE(found);
  CHECK(found->offset == 5);  // bytes: é is two
  CHECK(found->character.code_point == 0x00D7);
  CHECK(!find_look_alike("1 - 2 * 3"));
  CHECK(describe_look_alike(found->character) == "'\u00d7' (U+00D7 MULTIPLICATION SIGN)");
  CHECK(ascii_replacement(found->character) == "ASCII '*'");
  CHECK(utf8_of(found->character) == "\u00d7");
}
