// The grid of nnsim eval --grid: LO:HI:COUNT axes, exact evenly spaced
// values, the points in nested-loop order, and a count past 2^64 - 1.
#include "nnsim/run/input_grid.hpp"
#include "nnsim/support/error.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace nnsim;

namespace {

std::string error_of(std::string_view text) {
  try {
    parse_grid_axis(text);
  } catch (const input_error& e) {
    return e.what();
  }
  return "no input_error";
}

std::vector<std::string> texts(const std::vector<rational>& values) {
  std::vector<std::string> shown;
  for (const rational& v : values) shown.push_back(to_string(v));
  return shown;
}

}  // namespace

TEST_CASE("a grid axis reads LO:HI:COUNT with values as on the command line", "[grid]") {
  const grid_axis axis = parse_grid_axis("-1/3:0.25:5");
  CHECK(axis.low == rational(-1, 3));
  CHECK(axis.high == rational(1, 4));
  CHECK(axis.count == 5);
  CHECK(parse_grid_axis("2e-3:+1:18446744073709551615").count == 18446744073709551615ULL);
  CHECK(parse_grid_axis("1:0:1").low == 1);
}

TEST_CASE("a grid axis that is not LO:HI:COUNT is refused with the reason", "[grid]") {
  CHECK(error_of("0:1") == "'0:1' is not LO:HI:COUNT (e.g. 0:1:101)");
  CHECK(error_of("0:1:2:3") == "'0:1:2:3' is not LO:HI:COUNT (e.g. 0:1:101)");
  CHECK(error_of("") == "'' is not LO:HI:COUNT (e.g. 0:1:101)");
  CHECK(error_of("a:1:3") == "invalid LO 'a': expected a number");
  CHECK(error_of("0::3") == "invalid HI '': expected a number");
  CHECK(error_of("0:1x:3") ==
        "invalid HI '1x': number '1' is directly followed by 'x'; separate them with a space or '*'");
  CHECK(error_of("0:1:") == "invalid COUNT '': expected a whole number of points");
  CHECK(error_of("0:1:-2") == "invalid COUNT '-2': expected a whole number of points");
  CHECK(error_of("0:1:2.5") == "invalid COUNT '2.5': expected a whole number of points");
  CHECK(error_of("0:1:0") == "invalid COUNT '0': an axis has at least 1 point");
  CHECK(error_of("0:1:18446744073709551616") == "invalid COUNT '18446744073709551616': at most "
                                                 "18446744073709551615 points");
}

TEST_CASE("an axis has COUNT exact values from LO to HI, both included", "[grid]") {
  const grid_axis hundredths = parse_grid_axis("0:1:101");
  CHECK(to_string(grid_value(hundredths, 0)) == "0");
  CHECK(to_string(grid_value(hundredths, 1)) == "1/100");
  CHECK(to_string(grid_value(hundredths, 50)) == "1/2");
  CHECK(to_string(grid_value(hundredths, 100)) == "1");

  const grid_axis down = parse_grid_axis("1:-1/2:4");
  CHECK(texts({grid_value(down, 0), grid_value(down, 1), grid_value(down, 2), grid_value(down, 3)}) ==
        std::vector<std::string>{"1", "1/2", "0", "-1/2"});

  // One value: LO, whatever HI is.
  CHECK(to_string(grid_value(parse_grid_axis("1/3:7:1"), 0)) == "1/3");

  // The step number and COUNT - 1 pass a long: still exact.
  const grid_axis huge = parse_grid_axis("0:1:18446744073709551615");
  CHECK(to_string(grid_value(huge, 18446744073709551614ULL)) == "1");
  CHECK(to_string(grid_value(huge, 1)) == "1/18446744073709551614");
}

TEST_CASE("the points of a grid go like nested loops, the first axis slowest", "[grid]") {
  const input_grid grid({parse_grid_axis("0:1:3"), parse_grid_axis("5:6:2")});
  REQUIRE(grid.size() == 6);
  std::vector<std::vector<std::string>> points;
  std::vector<rational> point;
  for (std::uint64_t row = 0; row < grid.size(); ++row) {
    grid.point(row, point);
    points.push_back(texts(point));
  }
  CHECK(points == std::vector<std::vector<std::string>>{
                      {"0", "5"}, {"0", "6"}, {"1/2", "5"}, {"1/2", "6"}, {"1", "5"}, {"1", "6"}});

  const input_grid empty({});
  CHECK(empty.size() == 1);
  empty.point(0, point);
  CHECK(point.empty());
}

TEST_CASE("a grid of more than 2^64 - 1 points is refused", "[grid]") {
  const grid_axis big = parse_grid_axis("0:1:4294967296");  // 2^32
  CHECK(input_grid({big, parse_grid_axis("0:1:4294967295")}).size() == 18446744069414584320ULL);
  try {
    input_grid({big, big});
    FAIL("no input_error");
  } catch (const input_error& e) {
    CHECK(std::string(e.what()) ==
          "the grid has too many points: 4294967296 x 4294967296 is more than 18446744073709551615");
  }
  grid_axis none;
  none.count = 0;
  CHECK_THROWS_WITH(input_grid({none}), "a grid axis has at least 1 point, not 0");
}
