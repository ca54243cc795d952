// CLI11 2.1 reports a refused command line as an exception whose type says
// what went wrong and whose text names the option in a fixed form
// ("--input: At Most 1 required but received 2").  The words the parse could
// not place (unknown options, extra arguments) are kept by each App in
// remaining(), whether or not the exception was about them.  So: the first
// such word is reported first, then the exception by its type, with the
// option names taken from its text; a text of a form not known here is
// passed on, lowercased.
#include "cli/command_line_errors.hpp"

#include "support/spelling_suggestion.hpp"
#include "support/text.hpp"  // alternatives, lowercase_first, shorten

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace nnsim::cli {
namespace {

// The program and the commands named on the line, outermost first:
// nnsim, build, gate.
std::vector<const CLI::App*> named_commands(const CLI::App& app) {
  std::vector<const CLI::App*> chain{&app};
  while (true) {
    const std::vector<CLI::App*> chosen = chain.back()->get_subcommands();
    if (chosen.empty()) return chain;
    chain.push_back(chosen.front());
  }
}

// "nnsim build gate": the program and the commands up to `level`.
std::string command_name(const std::vector<const CLI::App*>& chain, std::size_t level) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i <= level && i < chain.size(); ++i) names.push_back(chain[i]->get_name());
  return fmt::format("{}", fmt::join(names, " "));
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// "; did you mean 'X'?" for the closest of `names`, compared without the
// dashes of an option ("--max-step" is one edit from "--max-steps", "-x" is
// not close to "-o"), or "".
std::string closest_name(std::string_view word, const std::vector<std::string>& names) {
  const auto bare = [](std::string_view name) {
    return name.substr(std::min(name.find_first_not_of('-'), name.size()));
  };
  std::vector<std::string_view> candidates;
  for (const std::string& name : names) candidates.push_back(bare(name));
  const auto best = closest_spelling(bare(word), candidates);
  for (std::size_t i = 0; best && i < candidates.size(); ++i) {
    if (candidates[i].data() == best->data()) return fmt::format("; did you mean '{}'?", names[i]);
  }
  return {};
}

// "the commands are run, trace, ..." style list of a group's members.
std::string listed(const std::vector<std::string>& names) {
  return alternatives(std::vector<std::string_view>(names.begin(), names.end()), ", ");
}

// Every spelling of `app`'s options: "--input", "-o", "--output", "--help".
std::vector<std::string> option_spellings(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& name : opt->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : opt->get_snames()) names.push_back("-" + name);
  }
  return names;
}

// The option CLI11 calls `name` in a message ("--input", "FILE"), if any.
const CLI::Option* option_named(const CLI::App& app, std::string_view name) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_name() == name || (opt->get_positional() && opt->get_name(true) == name)) return opt;
    for (const std::string& l : opt->get_lnames()) {
      if ("--" + l == name) return opt;
    }
    for (const std::string& s : opt->get_snames()) {
      if ("-" + s == name) return opt;
    }
  }
  return nullptr;
}

bool takes_many(const CLI::Option& opt) { return opt.get_items_expected_max() > 1; }

// A word that CLI11 treats as an option: a dash and more, except a
// negative number ("-1/2"), which is a value.
bool is_option_word(std::string_view word) {
  return word.size() > 1 && word[0] == '-' && !is_ascii_digit(word[1]);
}

// "FILE", "FILE and WORD", "WORD ..." : the arguments of a command.
std::string positional_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_positional()) names.push_back(opt->get_name(true) + (takes_many(*opt) ? " ..." : ""));
  }
  return alternatives(std::vector<std::string_view>(names.begin(), names.end()), " and ");
}

// A word of the line that no command or option took, at `level` of the
// named commands.
std::string unused_word(const std::vector<const CLI::App*>& chain, std::size_t level, std::string_view word) {
  const CLI::App& app = *chain[level];
  const std::string command = command_name(chain, level);
  if (is_option_word(word)) {
    const std::string_view name = word.substr(0, word.find('='));
    if (level > 0) {
      return fmt::format("{} has no option '{}'{}", command, shorten(name), closest_name(name, option_spellings(app)));
    }
    // Before the command: an option of the command given too early, or
    // one of nobody's.
    if (chain.size() > 1 && option_named(*chain.back(), name) != nullptr) {
      return fmt::format("'{}' is an option of '{}'; give it after '{}'", shorten(name),
                         command_name(chain, chain.size() - 1), chain.back()->get_name());
    }
    const std::string hint = closest_name(name, option_spellings(app));
    if (!hint.empty() || chain.size() > 1) return fmt::format("unknown option '{}'{}", shorten(name), hint);
    return fmt::format("unknown option '{}' before a command (the commands are {})", shorten(name),
                       listed(subcommand_names(app)));
  }
  const std::vector<std::string> members = subcommand_names(app);
  // After `--` an argument is left to the program, not to the command;
  // with a command named, it is an argument too many.
  if (level == 0 && chain.size() > 1) return unused_word(chain, chain.size() - 1, word);
  if (!members.empty()) {
    const std::string what = level == 0 ? "command" : fmt::format("{} command", app.get_name());
    const std::string hint = closest_name(word, members);
    if (!hint.empty()) return fmt::format("unknown {} '{}'{}", what, shorten(word), hint);
    return fmt::format("unknown {} '{}' ({} are {})", what, shorten(word), level == 0 ? "the commands" : "they",
                       listed(members));
  }
  const std::string takes = positional_names(app);
  if (takes.empty()) {
    return fmt::format("unexpected argument '{}' ({} takes no arguments, only options)", shorten(word), command);
  }
  return fmt::format("unexpected argument '{}' ({} takes only {})", shorten(word), command, takes);
}

// The text of `message` between `before` and `after` ("" when it does not
// have that form).
std::string_view between(std::string_view message, std::string_view before, std::string_view after) {
  if (!message.starts_with(before)) return {};
  message.remove_prefix(before.size());
  const std::size_t end = after.empty() ? message.size() : message.find(after);
  if (end == std::string_view::npos) return {};
  return message.substr(0, end);
}

std::string required_message(const std::vector<const CLI::App*>& chain, std::string_view message) {
  const CLI::App& app = *chain.back();
  const std::string command = command_name(chain, chain.size() - 1);
  if (chain.size() == 1) {
    return fmt::format("a command is required (the commands are {})", listed(subcommand_names(app)));
  }
  const std::vector<std::string> members = subcommand_names(app);
  if (!members.empty() && app.get_require_subcommand_min() > 0) {
    return fmt::format("{} needs one of its commands: {}", command, listed(members));
  }
  if (message.ends_with(" is required")) {
    const std::string_view name = message.substr(0, message.size() - std::string_view(" is required").size());
    if (const CLI::Option* opt = option_named(app, name)) {
      if (opt->get_positional()) {
        return fmt::format("{} needs {} {} argument", command, takes_many(*opt) ? "at least one" : "a", name);
      }
      const std::string type = opt->get_type_name();
      return fmt::format("{} needs {}{}", command, name, type.empty() ? "" : " " + type);
    }
  }
  return lowercase_first(std::string(message));
}

std::string argument_mismatch_message(const CLI::App& app, std::string_view message) {
  // "X: At Most N required but received M": the option was given M times.
  if (const auto at = message.find(": At Most "); at != std::string_view::npos) {
    const std::string_view name = message.substr(0, at);
    const std::string_view most = between(message.substr(at), ": At Most ", " required");
    if (most == "1") return fmt::format("{} may be given only once", name);
    return fmt::format("{} takes at most {} values", name, most);
  }
  if (const auto at = message.find(": At least "); at != std::string_view::npos) {
    return fmt::format("{} needs at least {} values", message.substr(0, at),
                       between(message.substr(at), ": At least ", " required"));
  }
  // "X: N required TYPE missing": the option came last, without its value.
  if (const auto at = message.find(": "); at != std::string_view::npos && message.ends_with(" missing")) {
    const std::string_view name = message.substr(0, at);
    const CLI::Option* opt = option_named(app, name);
    const std::string type = opt != nullptr ? opt->get_type_name() : std::string();
    return fmt::format("{} needs a value{}", name, type.empty() ? "" : fmt::format(" ({})", type));
  }
  if (message.ends_with(" was given a disallowed flag override")) {
    return fmt::format("{} takes no value", message.substr(0, message.find(' ')));
  }
  if (const auto exactly = between(message, "Expected exactly ", " arguments to "); !exactly.empty()) {
    const std::string_view rest = message.substr(message.find(" arguments to ") + 14);
    const std::size_t got = rest.rfind(", got ");
    if (got == std::string_view::npos) return lowercase_first(std::string(message));
    return fmt::format("{} takes exactly {} values, not {}", rest.substr(0, got), exactly, rest.substr(got + 6));
  }
  return lowercase_first(std::string(message));
}

std::string conversion_message(std::string_view message) {
  // "Could not convert: X = V" and "The value V is not an allowed value for X".
  if (const auto rest = between(message, "Could not convert: ", ""); !rest.empty()) {
    const std::size_t equals = rest.find(" = ");
    if (equals != std::string_view::npos) {
      return fmt::format("{}: '{}' is not a valid value", rest.substr(0, equals), shorten(rest.substr(equals + 3)));
    }
  }
  if (const auto value = between(message, "The value ", " is not an allowed value for "); !value.empty()) {
    const std::string_view name = message.substr(message.find(" is not an allowed value for ") + 29);
    return fmt::format("{}: '{}' is not a valid value", name, shorten(value));
  }
  if (message.ends_with(": too many inputs for a flag") || message.ends_with(": Should be true/false or a number")) {
    return fmt::format("{} takes no value", message.substr(0, message.find(':')));
  }
  return lowercase_first(std::string(message));
}

}  // namespace

std::optional<std::string> command_line_error(const CLI::ParseError& e, const CLI::App& app) {
  const std::vector<const CLI::App*> chain = named_commands(app);
  for (std::size_t level = 0; level < chain.size(); ++level) {
    const std::vector<std::string> unused = chain[level]->remaining();
    if (!unused.empty()) return unused_word(chain, level, unused.front());
  }
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return std::nullopt;  // --help, --version

  const std::string_view message = e.what();
  const CLI::App& innermost = *chain.back();
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) return required_message(chain, message);
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) return argument_mismatch_message(innermost, message);
  if (dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr) {
    const std::size_t at = message.find(" excludes ");
    if (at != std::string_view::npos) {
      return fmt::format("only one of {} and {} may be given", message.substr(0, at), message.substr(at + 10));
    }
  }
  if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr) {
    const std::size_t at = message.find(" requires ");
    if (at != std::string_view::npos) {
      return fmt::format("{} needs {} as well", message.substr(0, at), message.substr(at + 10));
    }
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) return conversion_message(message);
  // A ValidationError carries nnsim's own message after the option's name
  // ("--rule: unknown rule 'foo' ...").
  return lowercase_first(std::string(message));
}

}  // namespace nnsim::cli
