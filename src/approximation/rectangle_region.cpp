#include "approximation/rectangle_region.hpp"

#include "approximation/svg_text.hpp"

#include <algorithm>
#include <tuple>

namespace nnsim {
namespace {

void append_rectangle(std::string& path, const pixel_rectangle& r) {
  path += 'M';
  append_hundredths(path, r.left);
  path += ',';
  append_hundredths(path, r.top);
  path += 'H';
  append_hundredths(path, r.right);
  path += 'V';
  append_hundredths(path, r.bottom);
  path += 'H';
  append_hundredths(path, r.left);
  path += 'Z';
}

// A stretch of a rectangle's edge: along x (horizontal, at y = `level`) or
// along y (vertical, at x = `level`), from `from` to `to`, with the
// rectangle on its lower side (above or left) or on its higher side.
struct edge {
  bool vertical;
  long long level, from, to;
  unsigned sides;  // 1: a rectangle on the lower side, 2: on the higher side
  auto key() const { return std::tie(vertical, level, from, to); }
};
constexpr unsigned lower_side = 1, higher_side = 2;

}  // namespace

std::string filled_region(std::vector<pixel_rectangle> rectangles) {
  std::sort(rectangles.begin(), rectangles.end(), [](const pixel_rectangle& a, const pixel_rectangle& b) {
    return std::tie(a.top, a.bottom, a.left) < std::tie(b.top, b.bottom, b.left);
  });
  std::string path;
  for (std::size_t i = 0; i < rectangles.size();) {
    pixel_rectangle strip = rectangles[i++];
    while (i < rectangles.size() && rectangles[i].top == strip.top && rectangles[i].bottom == strip.bottom &&
           rectangles[i].left <= strip.right) {
      strip.right = std::max(strip.right, rectangles[i++].right);
    }
    append_rectangle(path, strip);
  }
  return path;
}

std::string region_outline(const std::vector<pixel_rectangle>& rectangles) {
  std::vector<edge> edges;
  edges.reserve(4 * rectangles.size());
  for (const pixel_rectangle& r : rectangles) {
    edges.push_back({false, r.top, r.left, r.right, higher_side});
    edges.push_back({false, r.bottom, r.left, r.right, lower_side});
    edges.push_back({true, r.left, r.top, r.bottom, higher_side});
    edges.push_back({true, r.right, r.top, r.bottom, lower_side});
  }
  std::sort(edges.begin(), edges.end(), [](const edge& a, const edge& b) { return a.key() < b.key(); });
  // The same stretch from several rectangles: on the boundary unless there
  // are rectangles on both of its sides.
  std::vector<edge> boundary;
  for (std::size_t i = 0; i < edges.size();) {
    edge e = edges[i++];
    while (i < edges.size() && edges[i].key() == e.key()) e.sides |= edges[i++].sides;
    if (e.sides == (lower_side | higher_side)) continue;
    // Sorted, so a stretch continuing the last one on the same line comes next.
    if (!boundary.empty() && boundary.back().vertical == e.vertical && boundary.back().level == e.level &&
        e.from <= boundary.back().to) {
      boundary.back().to = std::max(boundary.back().to, e.to);
    } else {
      boundary.push_back(e);
    }
  }
  std::string path;
  for (const edge& e : boundary) {
    path += 'M';
    append_hundredths(path, e.vertical ? e.level : e.from);
    path += ',';
    append_hundredths(path, e.vertical ? e.from : e.level);
    path += e.vertical ? 'V' : 'H';
    append_hundredths(path, e.to);
  }
  return path;
}

std::string rectangle_outlines(const std::vector<pixel_rectangle>& rectangles) {
  std::string path;
  for (const pixel_rectangle& r : rectangles) append_rectangle(path, r);
  return path;
}

}  // namespace nnsim
