// The sentences for a command line that CLI11 refused.  CLI11's own
// messages ("At Most 1 required but received 2", "The following arguments
// were not expected: 10 --max-step", "--input excludes --word") are
// rewritten into sentences that name the command and the option, and a
// misspelt command, subcommand or option gets the closest correct one
// suggested.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace nnsim::cli {

// What nnsim says about the command line that made `app` (the program's
// App, after its parse) throw `e`; nothing when `e` is a request for help
// or the version that may be answered.  A word the parse left unused (an
// unknown command or option, an extra argument) is reported first, even
// next to --help: `nnsim frobnicate --help` is an error, not the main help.
std::optional<std::string> command_line_error(const CLI::ParseError& e, const CLI::App& app);

}  // namespace nnsim::cli
