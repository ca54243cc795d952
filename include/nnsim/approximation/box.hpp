// Boxes of ℝ^k with rational corners: the domains of the approximation
// theorems ([0,1]^n in the lecture) and the pieces they are cut into when a
// bound is proven by bisection.  Corners stay dyadic when the domain's are,
// so measures add up exactly.
#pragma once

#include "nnsim/numbers/rational.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nnsim {

struct box {
  std::vector<rational> low, high;  // one interval [low_i, high_i] per coordinate

  std::size_t dimension() const { return low.size(); }
  rational volume() const;
  std::vector<rational> midpoint() const;
  // The coordinate whose side is longest relative to `reference`'s (the
  // domain), so that bisection keeps the pieces' shapes like the domain's.
  std::size_t widest(const box& reference) const;
  // The two halves along coordinate i.
  std::pair<box, box> bisect(std::size_t i) const;
  // The box shrunk by side / 2^shift at each face (a thin shell left out).
  box shrunk(unsigned shift) const;
};

// [0,1]^dimension, the lecture's domain.
box unit_box(std::size_t dimension);

// A box from `lo:hi,lo:hi,...`, one item per coordinate, or one item for
// every coordinate; each bound a rational value (`1/3`, `-2^-3`).  Throws
// input_error naming `option`.
box parse_box(std::string_view text, std::size_t dimension, std::string_view option = "--box");

// "[0, 1] x [0, 1/2]"
std::string to_string(const box& b);

// "x = 1/2" for one coordinate, "(x1, x2) = (1/2, 1/4)" for more.
std::string point_text(const std::vector<rational>& point);

// The names of the variables of a function or set on ℝ^dimension: x1 … xk,
// and for one dimension also x.  coordinate[i] is the coordinate names[i]
// stands for.
struct variable_list {
  std::vector<std::string> names;
  std::vector<std::size_t> coordinate;
};
variable_list variables_for(std::size_t dimension);

}  // namespace nnsim
