// Reading a whole text file, for every loader (.nn networks, .tm machines,
// training data).
#pragma once

#include <string>

namespace nnsim {

// Reads a whole file ("-" for standard input) or throws input_error; a read
// error (a directory, a closed standard input) is an error, never an empty
// text.
std::string read_text_file(const std::string& path);

}  // namespace nnsim
