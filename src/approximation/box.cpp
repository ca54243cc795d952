#include "nnsim/approximation/box.hpp"

#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

namespace nnsim {

rational box::volume() const {
  rational v = 1;
  for (std::size_t i = 0; i < dimension(); ++i) v *= high[i] - low[i];
  return v;
}

std::vector<rational> box::midpoint() const {
  std::vector<rational> m(dimension());
  for (std::size_t i = 0; i < dimension(); ++i) m[i] = (low[i] + high[i]) / 2;
  return m;
}

std::size_t box::widest(const box& reference) const {
  std::size_t best = 0;
  rational best_ratio = -1;
  for (std::size_t i = 0; i < dimension(); ++i) {
    const rational ratio = (high[i] - low[i]) / (reference.high[i] - reference.low[i]);
    if (ratio > best_ratio) {
      best_ratio = ratio;
      best = i;
    }
  }
  return best;
}

std::pair<box, box> box::bisect(std::size_t i) const {
  const rational middle = (low[i] + high[i]) / 2;
  std::pair<box, box> halves{*this, *this};
  halves.first.high[i] = middle;
  halves.second.low[i] = middle;
  return halves;
}

box box::shrunk(unsigned shift) const {
  box inner = *this;
  for (std::size_t i = 0; i < dimension(); ++i) {
    rational margin = high[i] - low[i];
    mpq_div_2exp(margin.backend().data(), margin.backend().data(), shift);
    inner.low[i] += margin;
    inner.high[i] -= margin;
  }
  return inner;
}

box unit_box(std::size_t dimension) {
  return {std::vector<rational>(dimension, rational(0)), std::vector<rational>(dimension, rational(1))};
}

box parse_box(std::string_view text, std::size_t dimension, std::string_view option) {
  const std::vector<std::string_view> items = split_value_list(text);
  if (items.size() != 1 && items.size() != dimension) {
    throw input_error(fmt::format("invalid {} '{}': give one lo:hi for every one of the {} coordinates, or one for all",
                                  option, text, dimension));
  }
  box b;
  for (std::size_t i = 0; i < dimension; ++i) {
    const std::string_view item = items.size() == 1 ? items[0] : items[i];
    const std::size_t colon = item.find(':');
    if (colon == std::string_view::npos) {
      throw input_error(fmt::format("invalid {} '{}': expected lo:hi, found '{}'", option, text, item));
    }
    const std::string what(option);
    b.low.push_back(parse_rational_value(item.substr(0, colon), what + " lower bound"));
    b.high.push_back(parse_rational_value(item.substr(colon + 1), what + " upper bound"));
    if (!(b.low.back() < b.high.back())) {
      throw input_error(fmt::format("invalid {} '{}': the lower bound must be less than the upper one in '{}'",
                                    option, text, item));
    }
  }
  return b;
}

std::string to_string(const box& b) {
  std::string out;
  for (std::size_t i = 0; i < b.dimension(); ++i) {
    if (i > 0) out += " x ";
    out += fmt::format("[{}, {}]", to_string(b.low[i]), to_string(b.high[i]));
  }
  return out;
}

std::string point_text(const std::vector<rational>& point) {
  if (point.size() == 1) return "x = " + to_string(point[0]);
  std::string names, values;
  for (std::size_t i = 0; i < point.size(); ++i) {
    names += fmt::format("{}x{}", i > 0 ? ", " : "", i + 1);
    values += (i > 0 ? ", " : "") + to_string(point[i]);
  }
  return "(" + names + ") = (" + values + ")";
}

variable_list variables_for(std::size_t dimension) {
  variable_list list;
  if (dimension == 1) {
    list.names.push_back("x");
    list.coordinate.push_back(0);
  }
  for (std::size_t i = 0; i < dimension; ++i) {
    list.names.push_back(fmt::format("x{}", i + 1));
    list.coordinate.push_back(i);
  }
  return list;
}

}  // namespace nnsim
