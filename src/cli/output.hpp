// Small text helpers shared by the commands: where output goes and how
// counts read.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace nnsim::cli {

// Writes `text` to the file `path`, or to standard output when `path` is
// empty or `-`.  Throws input_error when the file cannot be written.
void write_output(std::string_view text, const std::string& path);

// "1 step", "2 steps".
std::string plural(std::size_t count, std::string_view singular, std::string_view plural_form);

// The footer of a command's --help: the explanation (word-wrapped; a line
// break in it is kept) and an "Examples:" block, one example per line.
std::string help_footer(std::string_view explanation, std::initializer_list<std::string_view> examples);

}  // namespace nnsim::cli
