#include "nnsim/approximation/approximation_plot.hpp"

#include "approximation/rectangle_region.hpp"
#include "approximation/svg_text.hpp"
#include "support/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>

namespace nnsim {
namespace {

// The layout described in approximation_plot.hpp.
constexpr double area_left = 80, area_right = 760, area_top = 50, area_bottom = 450;
constexpr double title_baseline = 30, legend_top = 496, legend_row = 20, caption_baseline = 584;
// The interval picture: the output curve above, the tracks below it.
constexpr double curve_bottom = 290, tracks_top_under_curve = 300;
// Cubes are outlined one by one when they are this many pixels across on
// average; smaller ones would only paint their union in the outline's colour.
constexpr double smallest_outlined_cube = 8;
// Legend entries: a swatch, a gap, the label, a space before the next one;
// label widths are estimated from an average character width of the font.
constexpr double swatch_width = 22, swatch_gap = 6, entry_gap = 20, character_width = 7;

// The styles, each a set of presentation attributes.
constexpr std::string_view f_style = R"(fill="none" stroke="#1f77b4" stroke-width="2" stroke-linejoin="round")";
constexpr std::string_view network_style =
    R"(fill="none" stroke="#ff7f0e" stroke-width="1.5" stroke-linejoin="round")";
constexpr std::string_view band_style = R"(fill="#ff7f0e" fill-opacity="0.25" stroke="none")";
constexpr std::string_view epsilon_style = R"(fill="none" stroke="#2ca02c" stroke-width="1" stroke-dasharray="6 4")";
constexpr std::string_view worst_style = R"(fill="none" stroke="#d62728" stroke-width="1.5" stroke-dasharray="4 3")";
constexpr std::string_view knot_style = R"(fill="#8c3d00" stroke="none")";
constexpr std::string_view inside_style = R"(fill="#c6dbef" stroke="none")";
constexpr std::string_view cube_style = R"(fill="none" stroke="#6b9bd1" stroke-width="1")";
constexpr std::string_view cube_outline_style = R"(fill="none" stroke="#08519c" stroke-width="1.5")";
constexpr std::string_view network_region_style = R"(fill="#08519c" stroke="none")";
constexpr std::string_view misclassified_style = R"(fill="#d62728" stroke="none")";
constexpr std::string_view undecided_style = R"style(fill="url(#undecided-hatch)" stroke="none")style";
constexpr std::string_view grid_style = R"(stroke="#e5e5e5" stroke-width="1")";
constexpr std::string_view frame_style = R"(fill="none" stroke="#404040" stroke-width="1")";
constexpr std::string_view track_style = R"(fill="#fafafa" stroke="#bdbdbd" stroke-width="1")";

// A closed interval of values that a picture can draw.
struct value_range {
  double low = 0, high = 1;
};

// The domain as given when it is a proper finite interval (the header's rule).
value_range drawable(double low, double high) {
  // A span that overflows (-1e308 .. 1e308) could not be mapped to pixels either.
  if (!std::isfinite(low) || !std::isfinite(high) || low > high || !std::isfinite(high - low)) return {0, 1};
  if (low == high) return {low - 0.5, high + 0.5};
  return {low, high};
}

// The smallest range holding the values seen, widened as the header says.
class range_of_values {
 public:
  void add(double value) {
    if (!std::isfinite(value)) return;
    low_ = seen_ ? std::min(low_, value) : value;
    high_ = seen_ ? std::max(high_, value) : value;
    seen_ = true;
  }
  bool seen() const { return seen_; }
  double span() const { return seen_ ? high_ - low_ : 0; }
  // The range widened by 5% of its height on either side.
  value_range padded() const {
    value_range r = seen_ ? value_range{low_, high_} : value_range{0, 1};
    if (r.low == r.high) r = {r.low - 0.5, r.high + 0.5};
    const double margin = (r.high - r.low) / 20;
    r = {r.low - margin, r.high + margin};
    if (!std::isfinite(r.high - r.low) || !(r.low < r.high)) return {0, 1};
    return r;
  }

 private:
  bool seen_ = false;
  double low_ = 0, high_ = 0;
};

// Values to pixels along one axis: `values.low` goes to `from`, `values.high`
// to `to` (for a vertical axis `from` is the bottom pixel).
struct axis_map {
  value_range values;
  double from, to;
  double operator()(double value) const {
    return from + (value - values.low) / (values.high - values.low) * (to - from);
  }
};

// A rectangle of pixels.
struct pixel_box {
  double left, right, top, bottom;
};

// One path of many pieces, written as SVG path data: polylines broken where
// a sample is missing, closed polygons.
class path_data {
 public:
  void move_to(double x, double y) { point('M', x, y); }
  void line_to(double x, double y) { point(' ', x, y); }
  void close() { text_ += 'Z'; }
  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }

 private:
  void point(char command, double x, double y) {
    text_ += command;
    append_coordinate(text_, x);
    text_ += ',';
    append_coordinate(text_, y);
  }
  std::string text_;
};

// The runs of consecutive samples i < count for which `usable(i)` holds,
// as [first, last) index pairs: where a curve is unbroken.
template <class Usable>
std::vector<std::pair<std::size_t, std::size_t>> unbroken_runs(std::size_t count, Usable usable) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  for (std::size_t i = 0; i < count;) {
    if (!usable(i)) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < count && usable(end)) ++end;
    runs.emplace_back(i, end);
    i = end;
  }
  return runs;
}

bool finite(double a, double b) { return std::isfinite(a) && std::isfinite(b); }

// The curve through (xs[i], ys[i] + shift), broken at non-finite samples.
path_data curve(const std::vector<double>& xs, const std::vector<double>& ys, double shift, const axis_map& x_map,
                const axis_map& y_map) {
  path_data path;
  const std::size_t count = std::min(xs.size(), ys.size());
  const auto usable = [&](std::size_t i) { return finite(xs[i], ys[i] + shift); };
  for (const auto& [first, end] : unbroken_runs(count, usable)) {
    path.move_to(x_map(xs[first]), y_map(ys[first] + shift));
    for (std::size_t i = first + 1; i < end; ++i) path.line_to(x_map(xs[i]), y_map(ys[i] + shift));
  }
  return path;
}

enum class swatch { line, area, dot };
struct legend_entry {
  swatch kind;
  std::string_view style;
  std::string label;
};

// The parts every picture shares: the frame of the document, the axes, the
// legend and the caption.
class svg_picture {
 public:
  // Opens the document: size, the clip path of the data, the hatching of
  // undecided regions, a white background (a viewer's own may be dark), the title.
  svg_picture(const std::string& title, const pixel_box& clip) {
    fmt::format_to(std::back_inserter(out_),
                   R"(<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{0}" height="{1}" )"
                   R"(viewBox="0 0 {0} {1}" font-family="sans-serif" font-size="12">)"
                   "\n",
                   plot_width, plot_height);
    const std::string escaped_title = xml_text(title);
    out_ += "<title>" + escaped_title + "</title>\n<defs>\n<clipPath id=\"plot-area\">";
    rectangle(clip, "");
    out_ += "</clipPath>\n"
            R"(<pattern id="undecided-hatch" patternUnits="userSpaceOnUse" width="6" height="6">)"
            R"(<rect width="6" height="6" fill="#d9d9d9"/><path d="M0,6L6,0M-1,1L1,-1M5,7L7,5" )"
            R"(stroke="#737373" stroke-width="1"/></pattern>)"
            "\n</defs>\n";
    fmt::format_to(std::back_inserter(out_), R"(<rect width="{}" height="{}" fill="#ffffff"/>)", plot_width,
                   plot_height);
    out_ += "\n";
    fmt::format_to(std::back_inserter(out_),
                   R"(<text x="{}" y="{}" text-anchor="middle" font-size="16" font-weight="bold">{}</text>)",
                   plot_width / 2, coordinate(title_baseline), escaped_title);
    out_ += "\n";
  }

  // Grid lines and tick labels of the horizontal axis under `box`.
  void horizontal_axis(const axis_map& x_map, const pixel_box& box) {
    const axis_ticks ticks = round_ticks(x_map.values.low, x_map.values.high);
    path_data grid, marks;
    for (double value : ticks.values) {
      const double x = x_map(value);
      grid.move_to(x, box.top);
      grid.line_to(x, box.bottom);
      marks.move_to(x, box.bottom);
      marks.line_to(x, box.bottom + 5);
      text(x, box.bottom + 18, "middle", tick_label(value, ticks.step));
    }
    path(grid, grid_style);
    path(marks, frame_style);
  }

  // Grid lines and tick labels of a vertical axis left of `box`.
  void vertical_axis(const axis_map& y_map, const pixel_box& box) {
    const axis_ticks ticks = round_ticks(y_map.values.low, y_map.values.high);
    path_data grid, marks;
    for (double value : ticks.values) {
      const double y = y_map(value);
      grid.move_to(box.left, y);
      grid.line_to(box.right, y);
      marks.move_to(box.left - 5, y);
      marks.line_to(box.left, y);
      text(box.left - 8, y + 4, "end", tick_label(value, ticks.step));
    }
    path(grid, grid_style);
    path(marks, frame_style);
  }

  void frame(const pixel_box& box) {
    rectangle(box, frame_style);
    out_ += '\n';
  }

  void begin_clipped() { out_ += "<g clip-path=\"url(#plot-area)\">\n"; }
  void end_clipped() { out_ += "</g>\n"; }

  void path(const path_data& data, std::string_view style, std::string_view id = "") {
    path(data.text(), style, id);
  }
  void path(const std::string& data, std::string_view style, std::string_view id = "") {
    if (data.empty()) return;
    out_ += "<path";
    if (!id.empty()) fmt::format_to(std::back_inserter(out_), R"( id="{}")", id);
    fmt::format_to(std::back_inserter(out_), R"( {} d="{}"/>)", style, data);
    out_ += '\n';
  }

  void rectangle(const pixel_box& box, std::string_view style) {
    out_ += "<rect x=\"" + coordinate(box.left) + "\" y=\"" + coordinate(box.top) + "\" width=\"" +
            coordinate(box.right - box.left) + "\" height=\"" + coordinate(box.bottom - box.top) + "\"";
    if (!style.empty()) out_ += " " + std::string(style);
    out_ += "/>";
  }

  // A dot per point, all in one group.
  void dots(const std::vector<std::pair<double, double>>& points, const axis_map& x_map, const axis_map& y_map,
            std::string_view style, std::string_view id) {
    std::string circles;
    for (const auto& [x, y] : points) {
      if (!finite(x, y)) continue;
      circles += "<circle cx=\"" + coordinate(x_map(x)) + "\" cy=\"" + coordinate(y_map(y)) + "\" r=\"3\"/>";
    }
    if (circles.empty()) return;
    fmt::format_to(std::back_inserter(out_), R"(<g id="{}" {}>{}</g>)", id, style, circles);
    out_ += '\n';
  }

  void text(double x, double y, std::string_view anchor, const std::string& content) {
    fmt::format_to(std::back_inserter(out_), R"(<text x="{}" y="{}" text-anchor="{}">{}</text>)", coordinate(x),
                   coordinate(y), anchor, xml_text(content));
    out_ += '\n';
  }

  // The entries left to right from under the plot area, a new row when one
  // would run past its right edge.
  void legend(const std::vector<legend_entry>& entries) {
    out_ += "<g id=\"legend\">\n";
    double x = area_left, baseline = legend_top;
    for (const legend_entry& entry : entries) {
      const double width = swatch_width + swatch_gap + character_width * static_cast<double>(text_columns(entry.label));
      if (x > area_left && x + width > area_right) {
        x = area_left;
        baseline += legend_row;
      }
      switch (entry.kind) {
        case swatch::line: {
          path_data line;
          line.move_to(x, baseline - 4);
          line.line_to(x + swatch_width, baseline - 4);
          path(line, entry.style);
          break;
        }
        case swatch::area:
          rectangle({x, x + swatch_width, baseline - 10, baseline}, entry.style);
          out_ += '\n';
          break;
        case swatch::dot:
          fmt::format_to(std::back_inserter(out_), R"(<circle cx="{}" cy="{}" r="3" {}/>)",
                         coordinate(x + swatch_width / 2), coordinate(baseline - 4), entry.style);
          out_ += '\n';
          break;
      }
      text(x + swatch_width + swatch_gap, baseline, "start", entry.label);
      x += width + entry_gap;
    }
    out_ += "</g>\n";
  }

  void caption(const std::string& content) {
    if (!content.empty()) text(plot_width / 2.0, caption_baseline, "middle", content);
  }

  std::string finish() {
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  std::string out_;
};

constexpr pixel_box plot_area{area_left, area_right, area_top, area_bottom};

// A region's rectangles in pixels: each cut to the box of values, and left
// out when a coordinate is not finite or nothing of it is left.
std::vector<pixel_rectangle> in_pixels(const std::vector<plot_rectangle>& regions, const axis_map& x_map,
                                       const axis_map& y_map) {
  std::vector<pixel_rectangle> pixels;
  pixels.reserve(regions.size());
  for (const plot_rectangle& r : regions) {
    if (!finite(r.x0, r.x1) || !finite(r.y0, r.y1)) continue;
    const double x0 = std::max(std::min(r.x0, r.x1), x_map.values.low);
    const double x1 = std::min(std::max(r.x0, r.x1), x_map.values.high);
    const double y0 = std::max(std::min(r.y0, r.y1), y_map.values.low);
    const double y1 = std::min(std::max(r.y0, r.y1), y_map.values.high);
    if (!(x0 < x1) || !(y0 < y1)) continue;
    const pixel_rectangle p{hundredths_of(x_map(x0)), hundredths_of(x_map(x1)), hundredths_of(y_map(y1)),
                            hundredths_of(y_map(y0))};
    if (p.left < p.right && p.top < p.bottom) pixels.push_back(p);
  }
  return pixels;
}

// Intervals as bars of one track between the pixels `top` and `bottom`.
std::vector<pixel_rectangle> bars(const std::vector<std::pair<double, double>>& intervals, const axis_map& x_map,
                                  double top, double bottom) {
  std::vector<pixel_rectangle> pixels;
  for (const auto& [a, b] : intervals) {
    if (!finite(a, b)) continue;
    const double low = std::max(std::min(a, b), x_map.values.low);
    const double high = std::min(std::max(a, b), x_map.values.high);
    if (!(low < high)) continue;
    const pixel_rectangle p{hundredths_of(x_map(low)), hundredths_of(x_map(high)), hundredths_of(top),
                            hundredths_of(bottom)};
    if (p.left < p.right) pixels.push_back(p);
  }
  return pixels;
}

// Whether the rectangles are large enough on average to be outlined one by one.
bool large_enough_to_outline(const std::vector<pixel_rectangle>& rectangles) {
  double sides = 0;
  for (const pixel_rectangle& r : rectangles) sides += static_cast<double>(std::min(r.right - r.left, r.bottom - r.top));
  return sides >= smallest_outlined_cube * 100 * static_cast<double>(rectangles.size());
}

std::string with_none(std::string label, bool empty) { return empty ? label + " (none)" : label; }

}  // namespace

std::string svg_of(const function_plot& plot) {
  const axis_map x_map{drawable(plot.x_low, plot.x_high), area_left, area_right};
  const std::size_t f_count = std::min(plot.xs.size(), plot.f_values.size());
  const std::size_t network_count = std::min(plot.xs.size(), plot.network_values.size());

  range_of_values values;
  for (std::size_t i = 0; i < f_count; ++i) {
    if (std::isfinite(plot.xs[i])) values.add(plot.f_values[i]);
  }
  for (std::size_t i = 0; i < network_count; ++i) {
    if (std::isfinite(plot.xs[i])) values.add(plot.network_values[i]);
  }
  const double span = values.span();
  // The band and the ε lines widen the range unless they would squash the curves.
  const auto drawable_width = [](double width) { return std::isfinite(width) && width > 0; };
  range_of_values with_bands = values;
  for (const double width : {plot.bound, plot.epsilon}) {
    if (!drawable_width(width) || (span > 0 && width > span)) continue;
    for (std::size_t i = 0; i < network_count; ++i) {
      if (!std::isfinite(plot.xs[i])) continue;
      with_bands.add(plot.network_values[i] - width);
      with_bands.add(plot.network_values[i] + width);
    }
  }
  const axis_map y_map{with_bands.padded(), area_bottom, area_top};

  svg_picture svg(plot.title, plot_area);
  svg.horizontal_axis(x_map, plot_area);
  svg.vertical_axis(y_map, plot_area);
  svg.begin_clipped();
  if (drawable_width(plot.bound)) {
    // The band: along F + bound, back along F - bound, per unbroken run of F.
    path_data band;
    const auto usable = [&](std::size_t i) {
      return finite(plot.xs[i], plot.network_values[i] + plot.bound) &&
             std::isfinite(plot.network_values[i] - plot.bound);
    };
    for (const auto& [first, end] : unbroken_runs(network_count, usable)) {
      if (end - first < 2) continue;
      band.move_to(x_map(plot.xs[first]), y_map(plot.network_values[first] + plot.bound));
      for (std::size_t i = first + 1; i < end; ++i) {
        band.line_to(x_map(plot.xs[i]), y_map(plot.network_values[i] + plot.bound));
      }
      for (std::size_t i = end; i-- > first;) band.line_to(x_map(plot.xs[i]), y_map(plot.network_values[i] - plot.bound));
      band.close();
    }
    svg.path(band, band_style, "proven-band");
  }
  if (drawable_width(plot.epsilon)) {
    svg.path(curve(plot.xs, plot.network_values, plot.epsilon, x_map, y_map), epsilon_style, "epsilon-above");
    svg.path(curve(plot.xs, plot.network_values, -plot.epsilon, x_map, y_map), epsilon_style, "epsilon-below");
  }
  svg.path(curve(plot.xs, plot.f_values, 0, x_map, y_map), f_style, "f");
  svg.path(curve(plot.xs, plot.network_values, 0, x_map, y_map), network_style, "network");
  svg.dots(plot.knots, x_map, y_map, knot_style, "knots");
  const bool worst_shown = plot.worst_x && std::isfinite(*plot.worst_x);
  if (worst_shown) {
    path_data marker;
    marker.move_to(x_map(*plot.worst_x), area_top);
    marker.line_to(x_map(*plot.worst_x), area_bottom);
    svg.path(marker, worst_style, "worst-x");
  }
  svg.end_clipped();
  svg.frame(plot_area);

  std::vector<legend_entry> legend;
  if (!plot.f_values.empty()) legend.push_back({swatch::line, f_style, "f"});
  if (!plot.network_values.empty()) {
    legend.push_back({swatch::line, network_style, "network F"});
    legend.push_back({swatch::area, band_style, "F ± proven bound (" + legend_number(plot.bound) + ")"});
  }
  if (plot.epsilon > 0) {
    legend.push_back({swatch::line, epsilon_style, "F ± requested ε (" + legend_number(plot.epsilon) + ")"});
  }
  if (worst_shown) legend.push_back({swatch::line, worst_style, "bound attained at x = " + legend_number(*plot.worst_x)});
  if (!plot.knots.empty()) legend.push_back({swatch::dot, knot_style, "knots of F"});
  svg.legend(legend);
  return svg.finish();
}

std::string svg_of(const set_plot& plot) {
  const value_range xs = drawable(plot.x_low, plot.x_high), ys = drawable(plot.y_low, plot.y_high);
  // Equal units across and up, unless the box would become a sliver.
  const double area_width = area_right - area_left, area_height = area_bottom - area_top;
  const double aspect = (ys.high - ys.low) / (xs.high - xs.low);
  double width = std::min(area_width, area_height / aspect);
  double height = std::min(area_height, area_width * aspect);
  if (!(width >= area_width / 4) || !(height >= area_height / 4)) width = area_width, height = area_height;
  const double left = area_left + (area_width - width) / 2, top = area_top + (area_height - height) / 2;
  const pixel_box box{left, left + width, top, top + height};
  const axis_map x_map{xs, box.left, box.right};
  const axis_map y_map{ys, box.bottom, box.top};

  svg_picture svg(plot.title, box);
  svg.horizontal_axis(x_map, box);
  svg.vertical_axis(y_map, box);
  svg.begin_clipped();
  svg.path(filled_region(in_pixels(plot.inside, x_map, y_map)), inside_style, "inside");
  svg.path(filled_region(in_pixels(plot.undecided, x_map, y_map)), undecided_style, "undecided");
  svg.path(filled_region(in_pixels(plot.misclassified, x_map, y_map)), misclassified_style, "misclassified");
  // Each cube when they are large enough to be told apart, then the
  // boundary of the region where the network says "in A".
  const std::vector<pixel_rectangle> cubes = in_pixels(plot.cubes, x_map, y_map);
  if (large_enough_to_outline(cubes)) svg.path(rectangle_outlines(cubes), cube_style, "cubes");
  svg.path(region_outline(cubes), cube_outline_style, "cubes-outline");
  svg.end_clipped();
  svg.frame(box);
  svg.legend({
      {swatch::area, inside_style, with_none("A (proven inside)", plot.inside.empty())},
      {swatch::area, cube_outline_style, with_none("network says in A (its cubes)", plot.cubes.empty())},
      {swatch::area, misclassified_style, with_none("misclassified (proven)", plot.misclassified.empty())},
      {swatch::area, undecided_style, with_none("undecided", plot.undecided.empty())},
  });
  svg.caption(plot.caption);
  return svg.finish();
}

std::string svg_of(const interval_plot& plot) {
  const axis_map x_map{drawable(plot.x_low, plot.x_high), area_left, area_right};
  const std::size_t count = std::min(plot.xs.size(), plot.network_values.size());
  range_of_values values;
  for (std::size_t i = 0; i < count; ++i) {
    if (std::isfinite(plot.xs[i])) values.add(plot.network_values[i]);
  }
  const bool has_curve = values.seen();
  const pixel_box curve_box{area_left, area_right, area_top, curve_bottom};

  svg_picture svg(plot.title, curve_box);
  svg.horizontal_axis(x_map, plot_area);
  if (has_curve) {
    const axis_map y_map{values.padded(), curve_box.bottom, curve_box.top};
    svg.vertical_axis(y_map, curve_box);
    svg.begin_clipped();
    svg.path(curve(plot.xs, plot.network_values, 0, x_map, y_map), network_style, "network");
    svg.end_clipped();
    svg.frame(curve_box);
  }
  // Four tracks, each in an equal slice of the space left, its bar at most
  // 40 pixels high and centred in the slice.
  struct track {
    const char* label;
    const std::vector<std::pair<double, double>>* intervals;
    std::string_view style;
    const char* id;
  };
  const track tracks[] = {
      {"A", &plot.inside, inside_style, "inside"},
      {"network", &plot.network_positive, network_region_style, "network-positive"},
      {"wrong", &plot.misclassified, misclassified_style, "misclassified"},
      {"undecided", &plot.undecided, undecided_style, "undecided"},
  };
  const double tracks_top = has_curve ? tracks_top_under_curve : area_top;
  const double slice = (area_bottom - tracks_top) / static_cast<double>(std::size(tracks));
  const double bar = std::min(0.6 * slice, 40.0);
  for (std::size_t i = 0; i < std::size(tracks); ++i) {
    const double top = tracks_top + static_cast<double>(i) * slice + (slice - bar) / 2;
    svg.rectangle({area_left, area_right, top, top + bar}, track_style);
    svg.text(area_left - 8, top + bar / 2 + 4, "end", tracks[i].label);
    svg.path(filled_region(bars(*tracks[i].intervals, x_map, top, top + bar)), tracks[i].style, tracks[i].id);
  }
  path_data axis_line;
  axis_line.move_to(area_left, area_bottom);
  axis_line.line_to(area_right, area_bottom);
  svg.path(axis_line, frame_style);
  std::vector<legend_entry> legend = {
      {swatch::area, inside_style, with_none("A (proven inside)", plot.inside.empty())},
      {swatch::area, network_region_style, with_none("network says in A", plot.network_positive.empty())},
      {swatch::area, misclassified_style, with_none("misclassified (proven)", plot.misclassified.empty())},
      {swatch::area, undecided_style, with_none("undecided", plot.undecided.empty())},
  };
  if (has_curve) legend.push_back({swatch::line, network_style, "network output F"});
  svg.legend(legend);
  svg.caption(plot.caption);
  return svg.finish();
}

}  // namespace nnsim
