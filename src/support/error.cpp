#include "nnsim/support/error.hpp"

#include <fmt/format.h>

namespace nnsim {

std::string input_error::diagnostic() const {
  if (!has_location()) {
    return fmt::format("error: {}", what());
  }
  std::string text = fmt::format("{}:{}:{}: error: {}", file_, where_.line, where_.column, what());
  if (!source_line_.empty()) {
    // Tabs are kept so that the caret lines up under the same column in a terminal.
    std::string caret;
    for (std::size_t i = 0; i + 1 < where_.column && i < source_line_.size(); ++i) {
      caret += source_line_[i] == '\t' ? '\t' : ' ';
    }
    text += fmt::format("\n  {}\n  {}^", source_line_, caret);
  }
  return text;
}

void rethrow_in_context(const limit_error& error, const std::string& context) {
  const std::string message = context + ": " + error.what();
  if (const auto* non_finite = dynamic_cast<const non_finite_error*>(&error)) {
    throw non_finite_error(message, non_finite->neuron(), non_finite->state_time());
  }
  throw limit_error(message);
}

}  // namespace nnsim
