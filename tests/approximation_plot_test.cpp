// Tests of approximation_plot.hpp, the SVG pictures of the approximation
// theorems, and of the pieces they are written with (approximation/svg_text.hpp):
// the document's frame, well-formedness as far as a simple scanner can tell,
// the pixel of a sample worked out by hand from the layout the header
// describes, samples that are not finite left out, text escaped, legends.
// Regions of many rectangles (approximation/rectangle_region.hpp) are checked
// on small grids whose union is drawn by hand.
// How the pictures look in a browser is tested by tests/scripts/test_plot_render.py.
#include "nnsim/approximation/approximation_plot.hpp"

#include "approximation/rectangle_region.hpp"
#include "approximation/svg_text.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

using namespace nnsim;

namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

// Every start tag is closed by its end tag or is empty (`/>`), and every
// `&` starts one of XML's five entities: what a browser's XML parser would
// refuse first.  Returns the first problem, or "" when there is none.
std::string well_formedness_problem(const std::string& svg) {
  std::vector<std::string> open;
  std::size_t pos = 0;
  while ((pos = svg.find('<', pos)) != std::string::npos) {
    const std::size_t end = svg.find('>', pos);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(pos);
    const std::string tag = svg.substr(pos + 1, end - pos - 1);
    if (tag.find('<') != std::string::npos) return "'<' inside a tag at " + std::to_string(pos);
    if (tag.starts_with('/')) {
      const std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) return "</" + name + "> closes nothing open";
      open.pop_back();
    } else if (!tag.ends_with('/')) {
      open.push_back(tag.substr(0, tag.find_first_of(" \n")));
    }
    pos = end + 1;
  }
  if (!open.empty()) return "<" + open.back() + "> never closed";
  for (pos = svg.find('&'); pos != std::string::npos; pos = svg.find('&', pos + 1)) {
    bool known = false;
    for (const char* entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"}) known |= svg.compare(pos, std::strlen(entity), entity) == 0;
    if (!known) return "a bare '&' at " + std::to_string(pos);
  }
  return "";
}

// The value of `attribute` in the element whose id is `id`, or "" when there
// is no such element.
std::string attribute_of(const std::string& svg, const std::string& id, const std::string& attribute) {
  const std::size_t element = svg.find("id=\"" + id + "\"");
  if (element == std::string::npos) return "";
  const std::size_t end = svg.find('>', element);
  const std::size_t start = svg.find(" " + attribute + "=\"", element);
  if (start == std::string::npos || start > end) return "";
  const std::size_t value = start + attribute.size() + 3;
  return svg.substr(value, svg.find('"', value) - value);
}

void check_document(const std::string& svg) {
  CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" "));
  const std::string start = svg.substr(0, svg.find('>'));
  CHECK(start.find(" width=\"800\"") != std::string::npos);
  CHECK(start.find(" height=\"600\"") != std::string::npos);
  CHECK(start.find(" viewBox=\"0 0 800 600\"") != std::string::npos);
  CHECK(svg.ends_with("</svg>\n"));
  CHECK(well_formedness_problem(svg) == "");
  // No coordinate or number of the file is NaN or infinite.
  for (const char* word : {"nan", "NaN", "inf"}) CHECK(svg.find(word) == std::string::npos);
}

// f on [0, 1] sampled at 0, 1/4, 1/2 and 1; F equal to it.  The values
// span [0, 1], so without a band the vertical range is [-0.05, 1.05].
function_plot square_samples() {
  function_plot plot;
  plot.title = "samples";
  plot.xs = {0, 0.25, 0.5, 1};
  plot.f_values = {0, 0.5, 0.5, 1};
  plot.network_values = plot.f_values;
  return plot;
}

}  // namespace

TEST_CASE("coordinates have at most 2 decimals and never a negative zero", "[plot]") {
  CHECK(coordinate(250) == "250");
  CHECK(coordinate(249.999) == "250");
  CHECK(coordinate(249.5) == "249.5");
  CHECK(coordinate(431.81818) == "431.82");
  CHECK(coordinate(-3.25) == "-3.25");
  CHECK(coordinate(-0.001) == "0");
  CHECK(coordinate(0.07) == "0.07");
  CHECK(coordinate(not_a_number) == "0");
  CHECK(coordinate(1e300) == "1000000");
  CHECK(coordinate(-infinity) == "-1000000");
  CHECK(hundredths_of(431.81818) == 43182);
  CHECK(hundredths_of(-0.004) == 0);
  std::string written;
  append_hundredths(written, -1205);
  CHECK(written == "-12.05");
}

TEST_CASE("axis ticks are round numbers inside the range", "[plot]") {
  const axis_ticks unit = round_ticks(0, 1);
  CHECK(unit.step == Approx(0.2));
  REQUIRE(unit.values.size() == 6);
  std::vector<std::string> labels;
  for (double value : unit.values) labels.push_back(tick_label(value, unit.step));
  CHECK(labels == std::vector<std::string>{"0", "0.2", "0.4", "0.6", "0.8", "1"});
  // [-0.05, 1.05]: a step of 0.2 again (1.1 / 7 = 0.157), from 0 to 1.
  CHECK(round_ticks(-0.05, 1.05).values.size() == 6);
  // [3, 1503]: a step of 500 (1500 / 7 = 214), ticks 500 to 1500.
  const axis_ticks wide = round_ticks(3, 1503);
  CHECK(wide.step == 500);
  CHECK(wide.values == std::vector<double>{500, 1000, 1500});
  CHECK(tick_label(1500, 500) == "1500");
  CHECK(tick_label(-0.1 * 3, 0.1) == "-0.3");
  CHECK(tick_label(1e-17, 0.2) == "0");
  CHECK(tick_label(2e10, 5e9) == "2e+10");
  CHECK(round_ticks(1, 1).values.empty());
  CHECK(round_ticks(not_a_number, 1).values.empty());
}

TEST_CASE("a label's columns", "[plot]") { CHECK(text_columns("F ± ε") == 5); }

TEST_CASE("every picture is a standalone 800 x 600 SVG document", "[plot]") {
  check_document(svg_of(square_samples()));
  check_document(svg_of(function_plot{}));
  set_plot set;
  set.inside = {{0, 0.5, 0, 0.5}};
  set.cubes = {{0, 0.5, 0, 0.5}, {0.5, 1, 0, 0.5}};
  set.misclassified = {{0.5, 1, 0, 0.5}};
  set.undecided = {{0.5, 1, 0.5, 1}};
  set.caption = "measure <= 1/4";
  check_document(svg_of(set));
  check_document(svg_of(set_plot{}));
  interval_plot line;
  line.inside = {{0.2, 0.4}};
  line.xs = {0, 1};
  line.network_values = {1, -1};
  check_document(svg_of(line));
  check_document(svg_of(interval_plot{}));
  // The undecided regions' hatching is defined where it is used.
  CHECK(svg_of(set).find("<pattern id=\"undecided-hatch\"") != std::string::npos);
}

TEST_CASE("a sample lands at the pixel of the axis mapping", "[plot]") {
  // x: 80 + 680 x, so 0 -> 80, 1/4 -> 250, 1/2 -> 420, 1 -> 760.
  // y in [-0.05, 1.05]: 450 - 400 (y + 0.05) / 1.1, so 0 -> 431.82,
  // 1/2 -> 250, 1 -> 68.18.
  const std::string svg = svg_of(square_samples());
  CHECK(attribute_of(svg, "f", "d") == "M80,431.82 250,250 420,250 760,68.18");
  CHECK(attribute_of(svg, "network", "d") == "M80,431.82 250,250 420,250 760,68.18");
  // The ticks: 0.2 at x = 80 + 136 = 216 under the plot area (baseline 468).
  CHECK(svg.find(R"(<text x="216" y="468" text-anchor="middle">0.2</text>)") != std::string::npos);
  // The clip path is the plot area.
  CHECK(svg.find(R"(<clipPath id="plot-area"><rect x="80" y="50" width="680" height="400"/></clipPath>)") !=
        std::string::npos);

  // A band of 0.1 widens the range to [-0.1, 1.1], then by 0.06 to
  // [-0.16, 1.16]: y -> 450 - 400 (y + 0.16) / 1.32, so 0 -> 401.52,
  // 1/2 -> 250, 1 -> 98.48.  The band goes along F + 0.1 (0.1 -> 371.21,
  // 0.6 -> 219.7, 1.1 -> 68.18) and back along F - 0.1 (0.9 -> 128.79,
  // 0.4 -> 280.3, -0.1 -> 431.82).
  function_plot banded = square_samples();
  banded.bound = 0.1;
  const std::string with_band = svg_of(banded);
  CHECK(attribute_of(with_band, "f", "d") == "M80,401.52 250,250 420,250 760,98.48");
  CHECK(attribute_of(with_band, "proven-band", "d") ==
        "M80,371.21 250,219.7 420,219.7 760,68.18 760,128.79 420,280.3 250,280.3 80,431.82Z");
  // A band wider than the span of f and F leaves the range alone.
  banded.bound = 5;
  CHECK(attribute_of(svg_of(banded), "f", "d") == "M80,431.82 250,250 420,250 760,68.18");
}

TEST_CASE("samples that are not finite are left out and break the curve", "[plot]") {
  function_plot plot = square_samples();
  plot.f_values = {0, not_a_number, 0.5, 1};
  plot.network_values = {0, 0.5, infinity, 1};
  plot.xs[3] = 1;
  const std::string svg = svg_of(plot);
  check_document(svg);
  // The range is still [-0.05, 1.05]: an infinite value does not widen it.
  CHECK(attribute_of(svg, "f", "d") == "M80,431.82M420,250 760,68.18");
  CHECK(attribute_of(svg, "network", "d") == "M80,431.82 250,250M760,68.18");
  // A sample with no abscissa is left out too.
  plot = square_samples();
  plot.xs[1] = not_a_number;
  CHECK(attribute_of(svg_of(plot), "f", "d") == "M80,431.82M420,250 760,68.18");
  // Nothing finite at all: no curve, a document still.
  plot.f_values = {not_a_number, not_a_number, not_a_number, not_a_number};
  plot.network_values = {};
  plot.bound = not_a_number;
  plot.worst_x = infinity;
  const std::string empty = svg_of(plot);
  check_document(empty);
  CHECK(attribute_of(empty, "f", "d") == "");
  CHECK(empty.find("id=\"worst-x\"") == std::string::npos);
  // Rectangles with a coordinate that is not finite are left out.
  set_plot set;
  set.misclassified = {{not_a_number, 1, 0, 1}, {0, infinity, 0, 1}};
  const std::string no_rectangles = svg_of(set);
  check_document(no_rectangles);
  CHECK(no_rectangles.find("id=\"misclassified\"") == std::string::npos);
}

TEST_CASE("the set picture keeps equal units and cuts rectangles to the box", "[plot]") {
  // [0, 1]²: a square of 400 pixels from x 220, y 50.  The rectangle
  // [1/2, 3/4] × [1/4, 1/2] is x 420 .. 520 and y 250 .. 350.
  set_plot plot;
  plot.misclassified = {{0.5, 0.75, 0.25, 0.5}};
  plot.inside = {{0.5, 2, -1, 0.5}, {2, 3, 0, 1}};  // the first cut to [1/2, 1] × [0, 1/2], the second outside
  plot.cubes = {{0.75, 0.5, 0.5, 0.25}};             // corners in either order
  std::string svg = svg_of(plot);
  CHECK(attribute_of(svg, "misclassified", "d") == "M420,250H520V350H420Z");
  CHECK(attribute_of(svg, "inside", "d") == "M420,250H620V450H420Z");
  CHECK(attribute_of(svg, "cubes", "d") == "M420,250H520V350H420Z");
  CHECK(attribute_of(svg, "cubes-outline", "d") == "M420,250H520M420,350H520M420,250V350M520,250V350");
  CHECK(svg.find(R"(<clipPath id="plot-area"><rect x="220" y="50" width="400" height="400"/></clipPath>)") !=
        std::string::npos);
  // [-1, 1] × [0, 1]: 680 pixels across, so 340 up, from y 50 + 30 = 80.
  plot = set_plot{};
  plot.x_low = -1;
  plot.misclassified = {{0, 1, 0, 1}};
  CHECK(attribute_of(svg_of(plot), "misclassified", "d") == "M420,80H760V420H420Z");
  // [0, 100] × [0, 1] would be 6.8 pixels high: the box fills the plot area.
  plot.x_low = 0;
  plot.x_high = 100;
  plot.misclassified = {{0, 50, 0, 1}};
  CHECK(attribute_of(svg_of(plot), "misclassified", "d") == "M80,50H420V450H80Z");
}

TEST_CASE("a domain that is reversed or not finite is drawn as [0, 1], a point as the interval about it", "[plot]") {
  function_plot plot = square_samples();
  plot.x_low = 1;
  plot.x_high = 0;
  CHECK(attribute_of(svg_of(plot), "f", "d") == "M80,431.82 250,250 420,250 760,68.18");
  plot.x_low = not_a_number;
  CHECK(attribute_of(svg_of(plot), "f", "d") == "M80,431.82 250,250 420,250 760,68.18");
  plot.x_low = -1e308;
  plot.x_high = 1e308;
  CHECK(attribute_of(svg_of(plot), "f", "d") == "M80,431.82 250,250 420,250 760,68.18");
  // [1/2, 1/2] is drawn as [0, 1].
  plot.x_low = plot.x_high = 0.5;
  CHECK(attribute_of(svg_of(plot), "f", "d") == "M80,431.82 250,250 420,250 760,68.18");
  // Values spanning more than a double can hold: the vertical range [0, 1],
  // the values beyond it a million pixels away.
  plot.f_values = {-1e308, 1e308, 0, 0};
  plot.network_values = {};
  CHECK(attribute_of(svg_of(plot), "f", "d") == "M80,1000000 250,-1000000 420,450 760,450");
}

TEST_CASE("titles and captions are escaped", "[plot]") {
  function_plot plot = square_samples();
  plot.title = "f(x) < 1 & \"g\"";
  const std::string svg = svg_of(plot);
  check_document(svg);
  CHECK(svg.find("<title>f(x) &lt; 1 &amp; &quot;g&quot;</title>") != std::string::npos);
  CHECK(svg.find(">f(x) &lt; 1 &amp; &quot;g&quot;</text>") != std::string::npos);
  CHECK(svg.find("f(x) < 1") == std::string::npos);
  set_plot set;
  set.title = "</svg><script>";
  set.caption = "measure <= 1/4\n";
  const std::string set_svg = svg_of(set);
  check_document(set_svg);
  CHECK(set_svg.find(">measure &lt;= 1/4 </text>") != std::string::npos);
  CHECK(set_svg.find("<script>") == std::string::npos);
}

TEST_CASE("the legends name every colour", "[plot]") {
  function_plot plot = square_samples();
  plot.bound = 0.03125;
  plot.epsilon = 0.05;
  plot.worst_x = 0.5;
  plot.knots = {{0, 0}, {0.5, 0.5}, {1, 1}};
  const std::string svg = svg_of(plot);
  for (const char* name : {">f</text>", ">network F</text>", ">F ± proven bound (0.03125)</text>",
                           ">F ± requested ε (0.05)</text>", ">bound attained at x = 0.5</text>", ">knots of F</text>"}) {
    CHECK(svg.find(name) != std::string::npos);
  }
  // The worst point's marker is a vertical line at x = 80 + 340 = 420 from
  // the top of the plot area to its bottom; the knot (1/2, 1/2) is a dot at
  // y = 250, the middle of the range [-0.05, 1.05] (the ε lines widen it
  // evenly: [-0.05, 1.05] before the 5%, [-0.105, 1.105] after).
  CHECK(attribute_of(svg, "worst-x", "d") == "M420,50 420,450");
  CHECK(svg.find(R"(<circle cx="420" cy="250" r="3"/>)") != std::string::npos);

  set_plot set;
  set.misclassified = {{0, 1, 0, 1}};
  const std::string set_svg = svg_of(set);
  for (const char* name : {">A (proven inside) (none)</text>", ">network says in A (its cubes) (none)</text>",
                           ">misclassified (proven)</text>", ">undecided (none)</text>"}) {
    CHECK(set_svg.find(name) != std::string::npos);
  }
  interval_plot line;
  line.xs = {0, 1};
  line.network_values = {0, 1};
  const std::string line_svg = svg_of(line);
  for (const char* name : {">A (proven inside) (none)</text>", ">network says in A (none)</text>",
                           ">misclassified (proven) (none)</text>", ">undecided (none)</text>", ">network output F</text>"}) {
    CHECK(line_svg.find(name) != std::string::npos);
  }
}

TEST_CASE("the interval picture puts its tracks under the curve", "[plot]") {
  // With a curve, four slices of 37.5 pixels from y 300; bars 22.5 high
  // centred in them.  The third track (misclassified) runs from 382.5 to 405;
  // (0.55, 0.6) is x 454 .. 488.
  interval_plot plot;
  plot.misclassified = {{0.6, 0.55}, {not_a_number, 1}, {1.5, 2}};
  plot.xs = {0, 1};
  plot.network_values = {0, 1};
  CHECK(attribute_of(svg_of(plot), "misclassified", "d") == "M454,382.5H488V405H454Z");
  // Without one, slices of 100 pixels from y 50, bars of 40: the third
  // slice is 250 .. 350, its bar 250 + (100 - 40) / 2 = 280 .. 320.
  plot.xs.clear();
  CHECK(attribute_of(svg_of(plot), "misclassified", "d") == "M454,280H488V320H454Z");
}

TEST_CASE("a region of rectangles is filled by rows and outlined along its boundary", "[plot]") {
  // Two squares side by side and one under the left one, in hundredths of
  // a pixel: x 0 .. 100 .. 200, y 0 .. 100 .. 200.
  const std::vector<pixel_rectangle> ell{{0, 100, 0, 100}, {100, 200, 0, 100}, {0, 100, 100, 200}};
  CHECK(filled_region(ell) == "M0,0H2V1H0ZM0,1H1V2H0Z");
  // The edges x = 1 (between the top two) and y = 1 under the top left one
  // have squares on both sides; the rest is the boundary of the L.
  CHECK(region_outline(ell) == "M0,0H2M1,1H2M0,2H1M0,0V2M1,1V2M2,0V1");
  CHECK(rectangle_outlines({ell[0]}) == "M0,0H1V1H0Z");
  // A square given twice is outlined once, all of it.
  CHECK(region_outline({ell[0], ell[0]}) == "M0,0H1M0,1H1M0,0V1M1,0V1");
  // Overlapping squares in a row are one strip; their partly coinciding
  // edges are drawn whole.
  CHECK(filled_region({{0, 150, 0, 100}, {100, 200, 0, 100}}) == "M0,0H2V1H0Z");
  CHECK(region_outline({{0, 150, 0, 100}, {100, 200, 0, 100}}) == "M0,0H2M0,1H2M0,0V1M1,0V1M1.5,0V1M2,0V1");
  CHECK(filled_region({}).empty());
  CHECK(region_outline({}).empty());
}

TEST_CASE("a hundred thousand cubes make a small picture", "[plot]") {
  set_plot plot;
  constexpr int side = 317;  // 100,489 cubes
  for (int i = 0; i < side; ++i) {
    for (int j = 0; j < side; ++j) {
      plot.cubes.push_back({double(i) / side, double(i + 1) / side, double(j) / side, double(j + 1) / side});
    }
  }
  plot.inside = plot.cubes;
  const std::string svg = svg_of(plot);
  CHECK(well_formedness_problem(svg) == "");
  // Cubes 1.26 pixels across are not outlined one by one; their union is
  // the square [0, 1]², 400 pixels from (220, 50), and so is its outline.
  CHECK(svg.find("id=\"cubes\"") == std::string::npos);
  CHECK(attribute_of(svg, "cubes-outline", "d") == "M220,50H620M220,450H620M220,50V450M620,50V450");
  // The inside: one strip per row of cubes.
  const std::string inside = attribute_of(svg, "inside", "d");
  CHECK(static_cast<int>(std::count(inside.begin(), inside.end(), 'Z')) == side);
  CHECK(svg.size() < 30'000);
}
