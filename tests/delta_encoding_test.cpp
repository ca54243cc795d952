// Tests of the δ-encoding (delta_encoding.hpp, semantics.md section 6): the
// spec's examples, a round trip over every short word checked against the
// defining sum, and every reason a value is not a δ-code, word for word.
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using nnsim::delta_decode;
using nnsim::delta_encode;
using nnsim::input_error;
using nnsim::is_delta_code;
using nnsim::parse_value;
using nnsim::rational;

namespace {

// δ(w) straight from the definition: Σ w_i / 2^i + 1 / 2^(n+1), an
// independent route from the bit-building implementation.
rational delta_by_definition(const std::string& word) {
  rational sum = 0;
  rational weight(1, 2);
  for (char c : word) {
    if (c == '1') sum += weight;
    weight /= 2;
  }
  return sum + weight;
}

// The message of the input_error that decoding `text` throws.
std::string decode_error(const std::string& text) {
  try {
    delta_decode(parse_value(text));
  } catch (const input_error& e) {
    return e.what();
  }
  return "(no error)";
}

std::string encode_error(const std::string& word) {
  try {
    delta_encode(word);
  } catch (const input_error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("the spec's examples of δ", "[delta]") {
  CHECK(delta_encode("11001") == rational(51, 64));
  CHECK(delta_encode("") == rational(1, 2));
  CHECK(delta_encode("0") == rational(1, 4));
  CHECK(delta_encode("1") == rational(3, 4));
  CHECK(delta_decode(rational(51, 64)) == "11001");
  CHECK(delta_decode(rational(1, 2)).empty());
  CHECK(delta_decode(rational(1, 4)) == "0");
  CHECK(delta_decode(rational(3, 4)) == "1");
}

TEST_CASE("leading and trailing zeros are kept", "[delta]") {
  CHECK(delta_encode("000") == rational(1, 16));
  CHECK(delta_decode(rational(1, 16)) == "000");
  CHECK(delta_encode("1000") == rational(17, 32));
  CHECK(delta_decode(rational(17, 32)) == "1000");
}

TEST_CASE("round trip of every word up to length 12", "[delta]") {
  std::size_t words = 0;
  for (std::size_t length = 0; length <= 12; ++length) {
    for (unsigned long bits = 0; bits < (1ul << length); ++bits) {
      std::string word;
      for (std::size_t i = 0; i < length; ++i) word += ((bits >> (length - 1 - i)) & 1u) != 0 ? '1' : '0';
      const rational code = delta_encode(word);
      REQUIRE(code == delta_by_definition(word));
      REQUIRE(is_delta_code(code));
      REQUIRE(delta_decode(code) == word);
      ++words;
    }
  }
  CHECK(words == (1u << 13) - 1);
}

TEST_CASE("a long word is encoded exactly", "[delta]") {
  const std::string word(1000, '1');
  const rational code = delta_encode(word);
  CHECK(code == delta_by_definition(word));
  CHECK(delta_decode(code) == word);
}

TEST_CASE("values that are not δ-codes", "[delta]") {
  CHECK(decode_error("1/3") == "'1/3' is not a δ-code: its denominator is not a power of two");
  CHECK(decode_error("3/10") == "'3/10' is not a δ-code: its denominator is not a power of two");
  CHECK(decode_error("1") == "'1' is not a δ-code: it is not less than 1; a δ-code lies strictly between 0 and 1");
  CHECK(decode_error("0") == "'0' is not a δ-code: it is zero; a δ-code lies strictly between 0 and 1");
  CHECK(decode_error("-1/4") == "'-1/4' is not a δ-code: it is negative; a δ-code lies strictly between 0 and 1");
  CHECK(decode_error("3/2") ==
        "'3/2' is not a δ-code: it is not less than 1; a δ-code lies strictly between 0 and 1");
  CHECK(decode_error("2") == "'2' is not a δ-code: it is not less than 1; a δ-code lies strictly between 0 and 1");
  CHECK(decode_error("-3") == "'-3' is not a δ-code: it is negative; a δ-code lies strictly between 0 and 1");
  CHECK(decode_error("5/4") ==
        "'5/4' is not a δ-code: it is not less than 1; a δ-code lies strictly between 0 and 1");
  for (const char* text : {"1/3", "1", "0", "-1/4", "3/2", "2", "-3", "5/4", "-1/2"}) {
    INFO(text);
    CHECK_FALSE(is_delta_code(parse_value(text)));
  }
}

TEST_CASE("1/2 is δ(ε), also when written 2/4 or 0.5", "[delta]") {
  CHECK(decode_error("1/2") == "(no error)");
  CHECK(delta_decode(parse_value("2/4")).empty());
  CHECK(delta_decode(parse_value("0.5")).empty());
  CHECK(delta_decode(parse_value("0.796875")) == "11001");
  CHECK(delta_decode(parse_value("102/128")) == "11001");
}

TEST_CASE("words with characters other than 0 and 1", "[delta]") {
  CHECK(encode_error("0120") == "invalid word '0120': character '2' at position 3 is not 0 or 1");
  CHECK(encode_error("a") == "invalid word 'a': character 'a' at position 1 is not 0 or 1");
  CHECK(encode_error("1 0") == "invalid word '1 0': character ' ' at position 2 is not 0 or 1");
  CHECK(encode_error(std::string("1\t")) == "invalid word '1\t': byte 0x09 at position 2 is not 0 or 1");
  CHECK(encode_error("1δ") == "invalid word '1δ': byte 0xCE at position 2 is not 0 or 1");
  // Curly quotes that the shell does not remove are named.
  CHECK(encode_error("\u201801\u2019") ==
        "invalid word '\u201801\u2019': '\u2018' (U+2018 LEFT SINGLE QUOTATION MARK) at position 1 is not 0 or 1");
  CHECK(encode_error("01\u201d") ==
        "invalid word '01\u201d': '\u201d' (U+201D RIGHT DOUBLE QUOTATION MARK) at position 3 is not 0 or 1");
  const std::string long_word = std::string(50, '0') + "2";
  CHECK(encode_error(long_word) ==
        "invalid word '" + std::string(40, '0') + "…' (51 bytes): character '2' at position 51 is not 0 or 1");
}
