// Writes one picture of each kind (approximation_plot.hpp) into the folder
// given as the argument: function.svg, set.svg and interval.svg.  The
// rendering test tests/scripts/test_plot_render.py shows them in headless
// Chromium and looks for the regions it computes from the data below, which
// it builds again by itself; keep the two in step.
//
// Usage: approximation_plot_demo FOLDER
#include "nnsim/approximation/approximation_plot.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <string>

namespace {

using namespace nnsim;

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "approximation_plot_demo: error: cannot write " << path << "\n";
    return false;
  }
  return true;
}

// f(x) = sin(3x)² on [0, 1] and F, its interpolation at the knots k/8: the
// two-layer ReLU network's function.  The bound is the largest error at 201
// samples, as a stand-in for a proven one.
function_plot function_picture() {
  function_plot plot;
  plot.title = "f(x) = sin(3x)^2 and its ReLU interpolation at 9 knots";
  const auto f = [](double x) { return std::sin(3 * x) * std::sin(3 * x); };
  const auto network = [&](double x) {
    const double k = std::min(std::floor(x * 8), 7.0);
    const double a = k / 8, b = (k + 1) / 8;
    return f(a) + (f(b) - f(a)) * (x - a) / (b - a);
  };
  double worst = -1;
  for (int i = 0; i <= 200; ++i) {
    const double x = i / 200.0;
    plot.xs.push_back(x);
    plot.f_values.push_back(f(x));
    plot.network_values.push_back(network(x));
    const double error = std::abs(f(x) - network(x));
    if (error > worst) worst = error, plot.worst_x = x;
  }
  plot.bound = worst;
  plot.epsilon = 0.1;
  for (int k = 0; k <= 8; ++k) plot.knots.emplace_back(k / 8.0, f(k / 8.0));
  return plot;
}

// The disc of radius 0.35 about (1/2, 1/2) in [0, 1]², covered by cubes of
// side 1/5; each cube that meets the disc is kept, and a kept cube that is
// not inside it is cut into 4 × 4 cells: in A, outside A (misclassified) or
// undecided.  Decided exactly from the nearest and farthest points of a box.
set_plot set_picture() {
  set_plot plot;
  plot.title = "A: (x1 - 1/2)^2 + (x2 - 1/2)^2 < 0.35^2, cubes of side 1/5";
  constexpr double radius = 0.35, cube = 0.2, cell = cube / 4;
  const auto nearest = [](double low, double high) { return std::clamp(0.5, low, high) - 0.5; };
  const auto farthest = [](double low, double high) { return std::max(std::abs(low - 0.5), std::abs(high - 0.5)); };
  const auto meets = [&](const plot_rectangle& r) {
    return std::hypot(nearest(r.x0, r.x1), nearest(r.y0, r.y1)) < radius;
  };
  const auto inside = [&](const plot_rectangle& r) {
    return std::hypot(farthest(r.x0, r.x1), farthest(r.y0, r.y1)) < radius;
  };
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 5; ++j) {
      const plot_rectangle r{i * cube, (i + 1) * cube, j * cube, (j + 1) * cube};
      if (!meets(r)) continue;
      plot.cubes.push_back(r);
      if (inside(r)) {
        plot.inside.push_back(r);
        continue;
      }
      for (int a = 0; a < 4; ++a) {
        for (int b = 0; b < 4; ++b) {
          const plot_rectangle c{r.x0 + a * cell, r.x0 + (a + 1) * cell, r.y0 + b * cell, r.y0 + (b + 1) * cell};
          (inside(c) ? plot.inside : meets(c) ? plot.undecided : plot.misclassified).push_back(c);
        }
      }
    }
  }
  plot.caption = "misclassified measure <= " + std::to_string(plot.misclassified.size()) + " cells of 1/400";
  return plot;
}

// A = (0.2, 0.45) ∪ (0.6, 0.8) on [0, 1]; the network is positive on
// (0.2, 0.45) ∪ (0.55, 0.8), two tents of ReLUs, so (0.55, 0.6) is misclassified.
interval_plot interval_picture() {
  interval_plot plot;
  plot.title = "A = (0.2, 0.45) u (0.6, 0.8) and a network positive on A u (0.55, 0.6)";
  plot.inside = {{0.2, 0.45}, {0.6, 0.8}};
  plot.network_positive = {{0.2, 0.45}, {0.55, 0.8}};
  plot.misclassified = {{0.55, 0.6}};
  plot.undecided = {{0.19, 0.21}, {0.44, 0.46}, {0.79, 0.81}};
  const auto tent = [](double x, double a, double b) { return std::max(0.0, std::min(x - a, b - x)); };
  for (int i = 0; i <= 200; ++i) {
    const double x = i / 200.0;
    plot.xs.push_back(x);
    plot.network_values.push_back(tent(x, 0.2, 0.45) + tent(x, 0.55, 0.8));
  }
  plot.caption = "misclassified measure <= 0.05";
  return plot;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: approximation_plot_demo FOLDER\n";
    return 2;
  }
  const std::string folder = argv[1];
  const bool written = write_file(folder + "/function.svg", svg_of(function_picture())) &&
                       write_file(folder + "/set.svg", svg_of(set_picture())) &&
                       write_file(folder + "/interval.svg", svg_of(interval_picture()));
  return written ? 0 : 1;
}
