#include "nnsim/run/input_grid.hpp"

#include "nnsim/numbers/real_expression.hpp"

#include "nnsim/support/error.hpp"
#include "support/text.hpp"  // shorten

#include <fmt/format.h>

#include <charconv>
#include <limits>

namespace nnsim {

grid_axis parse_grid_axis(std::string_view text) {
  const std::size_t first = text.find(':');
  const std::size_t second = first == std::string_view::npos ? first : text.find(':', first + 1);
  if (second == std::string_view::npos || text.find(':', second + 1) != std::string_view::npos) {
    throw input_error(fmt::format("'{}' is not LO:HI:COUNT (e.g. 0:1:101)", shorten(text)));
  }
  grid_axis axis;
  axis.low = parse_rational_value(text.substr(0, first), "LO");
  axis.high = parse_rational_value(text.substr(first + 1, second - first - 1), "HI");
  const std::string_view count = text.substr(second + 1);
  const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), axis.count);
  if (count.empty() || error == std::errc::invalid_argument || end != count.data() + count.size()) {
    throw input_error(fmt::format("invalid COUNT '{}': expected a whole number of points", shorten(count)));
  }
  if (error == std::errc::result_out_of_range) {
    throw input_error(fmt::format("invalid COUNT '{}': at most {} points", shorten(count),
                                  std::numeric_limits<std::uint64_t>::max()));
  }
  if (axis.count == 0) throw input_error("invalid COUNT '0': an axis has at least 1 point");
  return axis;
}

rational grid_value(const grid_axis& axis, std::uint64_t i) {
  if (axis.count == 1) return axis.low;
  // (HI - LO) i / (COUNT - 1) in GMP integers: COUNT may pass a long.
  const integer step_number(i);
  const integer steps(axis.count - 1);
  return axis.low + (axis.high - axis.low) * rational(step_number, steps);
}

input_grid::input_grid(std::vector<grid_axis> axes) : axes_(std::move(axes)) {
  constexpr std::uint64_t most = std::numeric_limits<std::uint64_t>::max();
  for (const grid_axis& axis : axes_) {
    if (axis.count == 0) throw input_error("a grid axis has at least 1 point, not 0");
    if (size_ > most / axis.count) {
      std::string counts;
      for (const grid_axis& a : axes_) counts += (counts.empty() ? "" : " x ") + fmt::format("{}", a.count);
      throw input_error(fmt::format("the grid has too many points: {} is more than {}", counts, most));
    }
    size_ *= axis.count;
  }
}

void input_grid::point(std::uint64_t row, std::vector<rational>& point) const {
  point.resize(axes_.size());
  for (std::size_t k = axes_.size(); k-- > 0;) {
    point[k] = grid_value(axes_[k], row % axes_[k].count);
    row /= axes_[k].count;
  }
}

}  // namespace nnsim
