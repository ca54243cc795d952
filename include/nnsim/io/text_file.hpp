// Reading a whole text file, for every loader (.nn networks, .tm machines,
// training data).
#pragma once

#include <cstddef>
#include <string>

namespace nnsim {

// The largest input read, 64 MiB: a loaded network takes some forty times
// its file's size in memory, and an endless input (/dev/zero, `yes |`) must
// stop with a message, not fill the memory.
inline constexpr std::size_t max_text_file_bytes = std::size_t{64} << 20;

// Reads a whole file ("-" for standard input) or throws input_error; a read
// error (a directory, a closed standard input) is an error, never an empty
// text, and so is a text longer than max_text_file_bytes.
std::string read_text_file(const std::string& path);

}  // namespace nnsim
