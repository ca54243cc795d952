// How `--help` looks: CLI11's layout with the descriptions word-wrapped to an
// 80-column terminal (CLI11 2.1 prints each on one long line) and without
// CLI11's "Excludes:" notes (the help texts say it in words).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>

namespace nnsim::cli {

inline constexpr std::size_t help_width = 80;
inline constexpr std::size_t help_name_column = 28;

// Greedy word wrap of each line of `text` to `width` columns (UTF-8 aware).
std::string wrap_text(std::string_view text, std::size_t width);

class help_formatter : public CLI::Formatter {
 public:
  help_formatter();
  std::string make_description(const CLI::App* app) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_option_opts(const CLI::Option* opt) const override;
  std::string make_option_desc(const CLI::Option* opt) const override;
};

}  // namespace nnsim::cli
