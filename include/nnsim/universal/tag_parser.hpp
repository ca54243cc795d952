// The `.tag` loader (docs/tag-systems.md): every statement and every letter
// checked, each error an input_error located at the word or letter it is
// about, in the style of the `.tm` loader.
#pragma once

#include "nnsim/universal/tag_system.hpp"

#include <string>
#include <string_view>

namespace nnsim {

// Parses a `.tag` text; errors are input_error located at the offending token.
tag_system parse_tag_system(std::string_view text, const std::string& source_name);
// Reads and parses a file ("-" for standard input).
tag_system load_tag_file(const std::string& path);

// A word of `system` written as in the file: letters separated by spaces,
// or, when every letter of the system is one character, also compactly
// (`baa`); "" is the empty word.  `option` names where the text came from
// in an error: "invalid --word 'a q': ... (at column 3)".
tag_word parse_tag_word(const tag_system& system, std::string_view text, std::string_view option = "--word");

}  // namespace nnsim
