// The loader of `.nn` files (network-format.md): lexer, parser and every
// check of "What the file must satisfy".  Each violation throws input_error
// located at the offending token.
#pragma once

#include "nnsim/model/network.hpp"

#include <string>
#include <string_view>

namespace nnsim {

// Parses `text`; `source_name` is used in error messages (`FILE:LINE:COL`).
network parse_network(std::string_view text, const std::string& source_name);

// Reads and parses a file; "-" reads standard input.
network load_network_file(const std::string& path);

}  // namespace nnsim
