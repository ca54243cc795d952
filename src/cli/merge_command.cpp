// nnsim merge FILE...: the records of the shards of one job (--shard K/N,
// shard_job.hpp) combined into the report of the job run whole.
#include "cli/cli_options.hpp"
#include "cli/output.hpp"
#include "cli/shard_job.hpp"

#include <algorithm>
#include <memory>

namespace nnsim::cli {

command add_merge_command(CLI::App& app, cli_context& context) {
  struct merge_options {
    std::vector<std::string> files;
    bool json = false;
  };
  auto options = std::make_shared<merge_options>();
  CLI::App* sub = app.add_subcommand(
      "merge", "Combine the records of the shards of one job (--shard K/N) into the report of the whole job");
  sub->add_option("FILE", options->files,
                  "the records the shards wrote, one each, in any order; - reads standard input")
      ->required()
      ->type_name("");
  add_json_flag(*sub, options->json);
  sub->footer(help_footer(
      "check machine, check boolean, recognize, eval --grid and check approx take --shard K/N: "
      "then they do only the K-th of N shares of their items (check approx: of its boxes) and write a JSON record "
      "instead of their report. "
      "merge checks that the records are the shards 1 .. N of one job (the same command line and the same "
      "files), each exactly once, and prints the report the job prints when run whole -- the text, or with "
      "--json its JSON -- with its exit code. Run merge where the shards ran: the job's files are read again "
      "and must not have changed.",
      {
          "nnsim check machine networks/machines/palindromes.tm --words 8 --shard 1/2 > 1.json",
          "nnsim check machine networks/machines/palindromes.tm --words 8 --shard 2/2 > 2.json",
          "nnsim merge 1.json 2.json",
      }));

  command result;
  result.app = sub;
  result.execute = [options, &context]() {
    context.json_errors = options->json;
    auto merge = std::make_shared<shard_merge>(read_shard_records(options->files));
    std::vector<std::string> job = merge->arguments;
    // Before a `--`, after which it would be one of the job's words.
    if (options->json) job.insert(std::find(job.begin(), job.end(), "--"), "--json");
    current_shard_session().merge_job = std::move(job);
    current_shard_session().merging = std::move(merge);
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
