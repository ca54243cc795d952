// Pictures of the approximation theorems (issue 11, item 5) as standalone SVG
// files that any browser shows: a function f against the network's F with
// the proven error band, a set A ⊆ ℝ² against the network's cubes, and a set
// on a line (the ReLU networks' set form).  The data are plain doubles,
// filled by the constructions and checks; this file only draws.
//
// Every picture is plot_width × plot_height pixels (width, height and
// viewBox in pixels, all styles inline as presentation attributes, no
// script, no external resource).  The layout, which the tests compute by
// hand:
// - the title is centred at the top; the plot area is the rectangle
//   x 80 .. 760, y 50 .. 450 (pixels, y downward); tick labels are round
//   numbers under and left of it; the legend is below, from y 496, one row
//   every 20 pixels; the caption, when there is one, is on the line y 584;
// - a value x of the domain [x_low, x_high] is at pixel
//   80 + 680 (x - x_low) / (x_high - x_low), a value y of a vertical range
//   [y0, y1] at pixel 450 - 400 (y - y0) / (y1 - y0);
// - a domain that is reversed, not finite or too wide for a double is
//   drawn as [0, 1], one of a single point v as [v - 1/2, v + 1/2];
// - samples, rectangles and intervals with a coordinate that is NaN or
//   infinite are left out; a curve is broken where a sample is left out;
// - everything drawn from the data is clipped to the plot area; numbers in
//   the file have at most 2 decimals.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nnsim {

// A 1-D picture: f, the network's F, and the proven error band F ± bound.
// The vertical range is that of the finite values of f and F, widened to
// take the band F ± bound and the lines F ± ε, each when it is finite and no
// wider than the span of f and F (a wider one is clipped, its size read
// from the legend), then by 5% of its height on either side (a range of a
// single value v becomes [v - 1/2, v + 1/2] before that).  The requested ε is drawn
// as dashed lines at F ± ε: the bound meets ε exactly when the shaded band
// stays between them.
struct function_plot {
  std::string title;                  // shown at the top
  double x_low = 0, x_high = 1;       // the domain
  std::vector<double> xs;             // sample abscissae, increasing
  std::vector<double> f_values;       // f at xs (same length)
  std::vector<double> network_values; // F at xs
  double bound = 0;                   // proven sup |f - F|: the band F - bound .. F + bound is shaded
  double epsilon = 0;                 // the requested error, shown in the legend
  std::optional<double> worst_x;      // where the bound is attained: a marker (vertical dashed line)
  std::vector<std::pair<double, double>> knots;  // optional: (x, F(x)) dots at the network's breakpoints
};

// A 2-D picture over a rectangle: the set A, the network's cubes and the
// misclassified region.  One unit is as long across as up, so that a disc
// looks round, unless that would leave the picture narrower than 170 pixels
// or lower than 100: then the box fills the plot area.  The box is centred
// in the plot area: with equal units its width is
// w = min(680, 400 (x_high - x_low) / (y_high - y_low)) and its height
// h = min(400, 680 (y_high - y_low) / (x_high - x_low)), from
// x = 80 + (680 - w) / 2 and y = 50 + (400 - h) / 2.
// Drawn in this order: inside, undecided, misclassified, the cubes' outlines.
struct plot_rectangle { double x0, x1, y0, y1; };
struct set_plot {
  std::string title;
  double x_low = 0, x_high = 1, y_low = 0, y_high = 1;
  std::vector<plot_rectangle> inside;         // regions proven in A (filled light colour)
  std::vector<plot_rectangle> cubes;          // the network's cubes / regions where the network says "in A" (outlined)
  std::vector<plot_rectangle> misclassified;  // proven misclassified (filled red)
  std::vector<plot_rectangle> undecided;      // not decided (hatched or grey)
  std::string caption;                        // one line under the picture, e.g. the measure bound
};

// A 1-D set picture (ReLU set form): the line [x_low, x_high] with
// intervals, one labelled track per kind (A, the network, misclassified,
// undecided) at the bottom of the plot area, and above them, when there are
// samples, the network's output curve (its vertical range as for
// function_plot, from the finite network values alone).
struct interval_plot {
  std::string title;
  double x_low = 0, x_high = 1;
  std::vector<std::pair<double, double>> inside, network_positive, misclassified, undecided;
  std::vector<double> xs, network_values;     // optional: the network's output curve above the line
  std::string caption;
};

inline constexpr int plot_width = 800, plot_height = 600;  // pixels of every picture

std::string svg_of(const function_plot&);
std::string svg_of(const set_plot&);
std::string svg_of(const interval_plot&);

}  // namespace nnsim
