// The `.tm` loader (machine-format.md): every statement and cross-reference
// checked, each error an input_error located at the word it is about.
#pragma once

#include "nnsim/languages/turing_machine.hpp"

#include <string>
#include <string_view>

namespace nnsim {

// Parses a `.tm` text; errors are input_error located at the offending token.
turing_machine parse_machine(std::string_view text, const std::string& source_name);
// Reads and parses a file ("-" for standard input).
turing_machine load_machine_file(const std::string& path);

}  // namespace nnsim
