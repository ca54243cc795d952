// Reading a whole text file, for every loader (.nn networks, .tm machines,
// training data).
#pragma once

#include <cstddef>
#include <string>

namespace nnsim {

// The largest input read (and the longest line of line_reader): a loaded
// network takes some sixteen to forty times its file's size in memory, and
// an endless input (/dev/zero, `yes |`) must stop with a message, not fill
// the memory.  64 MiB unless raised: the command line allows an eighth of
// --max-memory (a network of 10^6 neurons and 10^7 edges is a file of about
// 150 MB).
inline constexpr std::size_t default_max_text_file_bytes = std::size_t{64} << 20;
std::size_t max_text_file_bytes();
// Sets the limit to max(default_max_text_file_bytes, memory_limit / 8).
void limit_text_file_size(std::size_t memory_limit);
// The limit in words, for messages: "67108864 bytes (64 MiB)".
std::string describe_text_file_limit();

// Reads a whole file ("-" for standard input) or throws input_error; a read
// error (a directory, a closed standard input) is an error, never an empty
// text, and so is a text longer than max_text_file_bytes().  Standard input
// is read once: every later read of "-" in the process gives the same text;
// so is a pipe, a FIFO or a device named by its path (/dev/stdin, <(...)).
std::string read_text_file(const std::string& path);

// Whether `path` names a pipe, a FIFO or a device (what read_text_file
// reads once and keeps), not a regular file or a directory.
bool is_stream(const std::string& path);

}  // namespace nnsim
