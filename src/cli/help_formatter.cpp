#include "cli/help_formatter.hpp"

#include "cli/text_table.hpp"

#include <algorithm>
#include <sstream>

namespace nnsim::cli {
namespace {

// Terminal columns of UTF-8 text (δ, ε and σ in the help texts are one
// column each).
std::size_t columns(std::string_view text) { return display_width(text); }

// A line that fits is kept as written (a table in a help text stays
// aligned); a longer one is wrapped, its continuation lines indented like it.
std::string wrap_line(std::string_view line, std::size_t width) {
  if (columns(line) <= width) return std::string(line);
  const std::size_t indent = std::min(line.find_first_not_of(' '), width / 2);
  std::string result(indent, ' ');
  std::size_t used = indent;
  std::size_t start = indent;
  while (start < line.size()) {
    const std::size_t space = line.find(' ', start);
    const std::string_view word = line.substr(start, space == std::string_view::npos ? std::string_view::npos
                                                                                      : space - start);
    if (!word.empty()) {
      if (used > indent && used + 1 + columns(word) > width) {
        result += '\n' + std::string(indent, ' ');
        used = indent;
      } else if (used > indent) {
        result += ' ';
        ++used;
      }
      result += word;
      used += columns(word);
    }
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  return result;
}

}  // namespace

std::string wrap_text(std::string_view text, std::size_t width) {
  std::string result;
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = text.find('\n', start);
    result += wrap_line(text.substr(start, newline == std::string_view::npos ? std::string_view::npos
                                                                              : newline - start),
                        width);
    if (newline == std::string_view::npos) break;
    result += '\n';
    start = newline + 1;
  }
  return result;
}

help_formatter::help_formatter() { column_width(help_name_column); }

std::string help_formatter::make_description(const CLI::App* app) const {
  const std::string description = app->get_description();
  return description.empty() ? std::string() : wrap_text(description, help_width) + "\n\n";
}

std::string help_formatter::make_subcommand(const CLI::App* sub) const {
  std::stringstream out;
  CLI::detail::format_help(out, sub->get_display_name(true),
                           wrap_text(sub->get_description(), help_width - help_name_column), help_name_column);
  return out.str();
}

// CLI11's own version minus the Env/Needs/Excludes notes.
std::string help_formatter::make_option_opts(const CLI::Option* opt) const {
  std::string text;
  if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
  if (opt->get_type_size() != 0) {
    if (!opt->get_type_name().empty()) text += " " + get_label(opt->get_type_name());
    if (!opt->get_default_str().empty()) text += "=" + opt->get_default_str();
    if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) text += " ...";
    if (opt->get_required()) text += " " + get_label("REQUIRED");
  }
  return text;
}

std::string help_formatter::make_option_desc(const CLI::Option* opt) const {
  return wrap_text(opt->get_description(), help_width - help_name_column);
}

}  // namespace nnsim::cli
