// The command groups (build, check, learn) dispatch to the subcommand that
// was named; this is that dispatch, shared by all of them.
#include "cli/commands.hpp"

namespace nnsim::cli {

command make_command_group(CLI::App* group, std::vector<command> members) {
  for (const command& member : members) member.app->allow_extras(false);
  command result;
  result.app = group;
  result.execute = [members = std::move(members)]() {
    for (const command& member : members) {
      if (member.app->parsed()) return member.execute();
    }
    return 2;  // unreachable: the group requires one of its subcommands
  };
  return result;
}

}  // namespace nnsim::cli
