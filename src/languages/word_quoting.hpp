// How messages quote a word that was refused and the character that was
// wrong in it (delta_encoding.cpp, machine_code.cpp).
#pragma once

#include <string>
#include <string_view>

namespace nnsim {

// 'word', or its first 40 bytes (cut between characters) and its length.
std::string quoted_word(std::string_view word);
// "character 'x'", a look-alike named ("the minus sign U+2212 ..."), or
// "byte 0xNN" for a byte that is not printable ASCII.
std::string quoted_character(std::string_view word, std::size_t i);

}  // namespace nnsim
