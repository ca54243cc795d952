#pragma once
// The exit codes every command shares (cli.md, "Exit codes"); a command's
// own codes (1 for a check that failed) and Ctrl-C's (interruption.hpp) are
// beside the commands that use them.

namespace nnsim::cli {

inline constexpr int exit_bad_input = 2;
inline constexpr int exit_limit = 3;     // a limit (--max-bits, --max-memory, …) stopped the work
inline constexpr int exit_internal = 4;  // a bug: none of the documented codes fits

}  // namespace nnsim::cli
