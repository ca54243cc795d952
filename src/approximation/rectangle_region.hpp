// A region made of many axis-parallel rectangles (the cubes of a set
// picture, up to some hundred thousand) as SVG path data of a size that
// follows the region's shape rather than the count of its rectangles.
// Coordinates are whole hundredths of a pixel, the precision of the file
// (svg_text.hpp), so that rectangles that touch in the picture share their
// edges exactly whatever rounding produced them.
#pragma once

#include <string>
#include <vector>

namespace nnsim {

// left < right, top < bottom, in hundredths of a pixel, y downward.
struct pixel_rectangle {
  long long left, right, top, bottom;
};

// Path data that fills the union of the rectangles: the rectangles of each
// row (same top and bottom) that touch or overlap are joined into one
// strip, and each strip is a closed subpath of the same orientation, so the
// nonzero fill rule fills exactly the union.
std::string filled_region(std::vector<pixel_rectangle> rectangles);

// Path data of the edges of the union of the rectangles: a stretch of edge
// with a rectangle on both sides (two cubes of a grid side by side) is left
// out and collinear stretches that meet are joined, so a grid of cubes
// comes out as its outer boundary.  Edges that only partly coincide are
// drawn whole: lines inside the union, never a missing piece of its boundary.
std::string region_outline(const std::vector<pixel_rectangle>& rectangles);

// The outline of each rectangle, one closed subpath each.
std::string rectangle_outlines(const std::vector<pixel_rectangle>& rectangles);

}  // namespace nnsim
