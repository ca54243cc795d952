// A grid of network inputs (nnsim eval --grid): for each input neuron an
// axis of COUNT evenly spaced exact values from LO to HI, written
// `LO:HI:COUNT`, and the grid's points are the cartesian product of the
// axes in the order of nested loops, the first axis slowest.  Points are
// made one at a time from their number, so a grid of 10^12 points costs no
// memory.
#pragma once

#include "nnsim/numbers/rational.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace nnsim {

struct grid_axis {
  rational low;             // LO
  rational high;            // HI
  std::uint64_t count = 1;  // COUNT >= 1
};

// `LO:HI:COUNT`: LO and HI values as on the command line (`-1/3`, `0.25`,
// `2e-3`; HI may be below LO), COUNT a whole number from 1 to 2^64 - 1.
// Throws input_error saying which part is wrong.
grid_axis parse_grid_axis(std::string_view text);

// The value number `i` (0-based, i < count) of an axis: LO + (HI - LO) i /
// (COUNT - 1), exactly; LO alone when COUNT is 1.
rational grid_value(const grid_axis& axis, std::uint64_t i);

class input_grid {
 public:
  // Throws input_error for an axis of 0 points and when the number of
  // points, the product of the COUNTs, is larger than 2^64 - 1.
  explicit input_grid(std::vector<grid_axis> axes);

  const std::vector<grid_axis>& axes() const { return axes_; }
  // The number of points (1 for no axes: the empty input).
  std::uint64_t size() const { return size_; }
  // Point number `row` (0-based, row < size()), one value per axis, into
  // `point`: the last axis varies fastest.
  void point(std::uint64_t row, std::vector<rational>& point) const;

 private:
  std::vector<grid_axis> axes_;
  std::uint64_t size_ = 1;
};

}  // namespace nnsim
