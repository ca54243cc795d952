// Small text helpers shared by the loaders and the analyses: quoting a piece
// of source in a message, and splitting a source into the lines that
// diagnostics print under `FILE:LINE:COL`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// `text` cut to a readable length for quoting in a message.
std::string shorten(std::string_view text);

// The text split at '\n', a trailing '\r' removed from each line.
std::vector<std::string> split_lines(std::string_view text);

}  // namespace nnsim
