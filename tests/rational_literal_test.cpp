// Number literals (network-format.md, "Numbers"): the short ones are read
// with word arithmetic, the others with GMP; both must give the same exact
// value, length and errors.  The expected values are built here from the
// digits by mpq_set_str, a route that shares nothing with the reader.

#include "nnsim/numbers/rational.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using namespace nnsim;

namespace {

// digits (with an optional '.') as an exact rational: "12.5" is 125/10.
rational decimal_value(const std::string& digits) {
  std::string numerator;
  std::string denominator = "1";
  bool after_point = false;
  for (char c : digits) {
    if (c == '.') {
      after_point = true;
    } else {
      numerator += c;
      if (after_point) denominator += '0';
    }
  }
  rational value;
  REQUIRE(mpq_set_str(value.backend().data(), (numerator + "/" + denominator).c_str(), 10) == 0);
  mpq_canonicalize(value.backend().data());
  return value;
}

rational read(const std::string& text, std::size_t expected_length) {
  std::size_t length = 0;
  literal_problem problem;
  const std::optional<rational> value = read_number(text, length, problem);
  INFO(text << ": " << problem.message);
  REQUIRE(value);
  CHECK(length == expected_length);
  return *value;
}

}  // namespace

TEST_CASE("literals: values worked out by hand", "[rational]") {
  CHECK(read("3", 1) == rational(3));
  CHECK(read("3/8", 3) == rational(3, 8));
  CHECK(read("10/4", 4) == rational(5, 2));
  CHECK(read("0.25", 4) == rational(1, 4));
  CHECK(read("0.5/0.25", 8) == rational(2));
  CHECK(read("000012", 6) == rational(12));
  CHECK(read("0/7", 3) == rational(0));
  CHECK(read("1.5e3", 5) == rational(1500));
  CHECK(read("25e-2/5", 7) == rational(1, 20));
  // The bar without a digit after it ends the number (`x/4` style is the parser's).
  CHECK(read("3/ x", 1) == rational(3));
  CHECK(read("7)", 1) == rational(7));
  // 18 digits (word arithmetic), 19 and 40 (GMP), and a product of 10^18 and 10^18.
  CHECK(read("123456789012345678", 18) == decimal_value("123456789012345678"));
  CHECK(read("1234567890123456789", 19) == decimal_value("1234567890123456789"));
  CHECK(read("1234567890123456789012345678901234567890", 40) ==
        decimal_value("1234567890123456789012345678901234567890"));
  CHECK(read("99999999999999999.9/0.00000000000000001", 39) == rational(decimal_value("999999999999999999")) *
                                                                   decimal_value("10000000000000000"));
}

TEST_CASE("literals: the errors are the same on both paths", "[rational]") {
  const auto problem_of = [](const std::string& text) {
    std::size_t length = 0;
    literal_problem problem;
    CHECK_FALSE(read_number(text, length, problem));
    return std::pair(problem.message, problem.offset);
  };
  CHECK(problem_of("5/0") == std::pair(std::string("division by zero in number '5/0'"), std::size_t{2}));
  CHECK(problem_of("2.") == std::pair(std::string("digits expected after '.' in number '2.'"), std::size_t{2}));
  CHECK(problem_of("2x").second == 1);
  CHECK(problem_of("0.5.5").second == 3);
  CHECK(problem_of("12345678901234567890x").second == 20);
}

TEST_CASE("literals: random short and long literals against their digits", "[rational]") {
  std::mt19937_64 random(20261201);
  const auto digits = [&](int count) {
    std::string text;
    for (int k = 0; k < count; ++k) text += static_cast<char>('0' + random() % 10);
    return text;
  };
  const auto decimal = [&]() {
    // Up to 24 digits in all, so that both sides of 18 are met.
    std::string text = digits(1 + static_cast<int>(random() % 14));
    if (random() % 2 == 0) text += "." + digits(1 + static_cast<int>(random() % 10));
    return text;
  };
  for (int k = 0; k < 20000; ++k) {
    const std::string top = decimal();
    std::string text = top;
    rational expected = decimal_value(top);
    if (random() % 2 == 0) {
      std::string bottom = decimal();
      if (decimal_value(bottom) == 0) bottom = "1" + bottom;
      text += "/" + bottom;
      expected /= decimal_value(bottom);
    }
    INFO(text);
    CHECK(read(text + " ", text.size()) == expected);
  }
}
