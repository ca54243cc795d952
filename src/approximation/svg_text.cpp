#include "approximation/svg_text.hpp"

#include "support/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>

namespace nnsim {
namespace {

// Coordinates far outside the picture are cut here, so that a wild value
// cannot make a number of hundreds of digits; the clip path hides them anyway.
constexpr double largest_coordinate = 1e6;

}  // namespace

std::size_t text_columns(std::string_view text) {
  std::size_t columns = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const shown_character c = show_character(text, pos);
    columns += c.escaped ? 1 : c.width;
    pos += c.bytes;
  }
  return columns;
}

long long hundredths_of(double value) {
  if (std::isnan(value)) return 0;
  return std::llround(std::clamp(value, -largest_coordinate, largest_coordinate) * 100);
}

void append_hundredths(std::string& out, long long hundredths) {
  // In integers, so that the decimals and the sign of zero are decided once.
  if (hundredths < 0) out += '-';
  const long long magnitude = std::llabs(hundredths);
  fmt::format_to(std::back_inserter(out), "{}", magnitude / 100);
  const long long decimals = magnitude % 100;
  if (decimals == 0) return;
  if (decimals % 10 == 0) {
    fmt::format_to(std::back_inserter(out), ".{}", decimals / 10);
  } else {
    fmt::format_to(std::back_inserter(out), ".{:02}", decimals);
  }
}

void append_coordinate(std::string& out, double value) { append_hundredths(out, hundredths_of(value)); }

std::string coordinate(double value) {
  std::string out;
  append_coordinate(out, value);
  return out;
}

axis_ticks round_ticks(double low, double high) {
  axis_ticks ticks;
  if (!std::isfinite(low) || !std::isfinite(high) || !(low < high)) return ticks;
  // The smallest round step that cuts the range into at most 7 parts; the
  // next round step is at most 2.5 times larger, so there are at least 2.
  const double rough = (high - low) / 7;
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = 10 * power;
  for (double factor : {1.0, 2.0, 5.0}) {
    if (factor * power >= rough) {
      step = factor * power;
      break;
    }
  }
  if (!(step > 0) || !std::isfinite(step)) return ticks;
  ticks.step = step;
  const double first = std::ceil(low / step - 1e-9);
  const double last = std::floor(high / step + 1e-9);
  for (double k = first; k <= last && ticks.values.size() < 20; k += 1) ticks.values.push_back(k * step);
  return ticks;
}

std::string tick_label(double value, double step) {
  if (std::abs(value) < step / 2) return "0";
  if (std::abs(value) >= 1e9 || step < 1e-9) {
    const int digits =
        std::clamp(static_cast<int>(std::floor(std::log10(std::abs(value))) - std::floor(std::log10(step))) + 1, 1, 15);
    return fmt::format("{:.{}g}", value, digits);
  }
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  std::string label = fmt::format("{:.{}f}", value, decimals);
  if (label.find('.') != std::string::npos) {
    while (label.back() == '0') label.pop_back();
    if (label.back() == '.') label.pop_back();
  }
  if (label == "-0") label = "0";
  return label;
}

std::string legend_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "∞" : "-∞";
  return fmt::format("{:.4g}", value);
}

}  // namespace nnsim
