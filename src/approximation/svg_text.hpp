// The pieces of SVG text the pictures (approximation_plot.hpp) are written
// with: text escaped for XML (xml_text, support/text.hpp), coordinates with
// at most 2 decimals, and the round numbers an axis is labelled with.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// The columns `text` takes in a monospaced view (wide characters count 2),
// for estimating how long a label is; invalid bytes count 1.
std::size_t text_columns(std::string_view text);

// Appends a pixel coordinate rounded to 2 decimals without trailing zeros
// ("250", "249.5", "-3.25"; never "-0").  Coordinates beyond a million
// pixels (infinities too, from values so far out that the mapping
// overflows) are cut to ±1000000, outside any clip area; NaN must not reach
// here and is written as 0 should it do.
void append_coordinate(std::string& out, double value);
std::string coordinate(double value);
// A coordinate rounded to whole hundredths of a pixel, the precision of the
// file (clamped as above), and one so rounded written out.
long long hundredths_of(double value);
void append_hundredths(std::string& out, long long hundredths);

// Axis ticks: multiples of a round step (1, 2 or 5 times a power of ten)
// inside [low, high], between 3 and about 8 of them for low < high.
struct axis_ticks {
  double step = 1;
  std::vector<double> values;
};
axis_ticks round_ticks(double low, double high);
// A tick value as its label: as many decimals as the step needs ("0",
// "0.2", "1.5", "-10"), exponent form for magnitudes beyond 10^9 or steps
// below 10^-9.
std::string tick_label(double value, double step);

// A number in a legend or caption: 4 significant digits ("0.009766",
// "1.5e-07"), "∞" for infinity.
std::string legend_number(double value);

}  // namespace nnsim
