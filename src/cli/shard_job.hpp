// Exhaustive jobs split into shards (`--shard K/N`) and their records
// combined again (`nnsim merge`), the same for every command that has them:
// check machine, check boolean, recognize, eval --grid and check approx
// (docs/distributed.md; check approx shares out the boxes of its search,
// approximation_check.hpp).
//
// A shard does its share of the items (shard.hpp) and writes, instead of
// its report, one JSON record: the job (the command line without --shard
// and --json, and a fingerprint of it and of the files it names), which
// shard it is, and the command's result over its items.  `nnsim merge`
// checks that the records are the shards 1..N of one job, each once, then
// runs the job's command line again with the records in
// shard_session::merging: the command then combines them instead of
// computing, and prints its report through the same code as an unsharded
// run, so that the two are the same.
#pragma once

#include "cli/commands.hpp"
#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/support/error.hpp"
#include "nnsim/support/shard.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nnsim::cli {

// --shard K/N, checked as the other options are (exit 2, a located message);
// `share` says in the help which part of the work a shard does.
CLI::Option* add_shard_option(CLI::App& app, std::string& text,
                              std::string_view share = "items i with i mod N = K - 1");

// The shard --shard gave; nothing when the option was not given (an
// ordinary run, or the run `nnsim merge` makes).
std::optional<shard> shard_option_value(const std::string& text);

// The records of one job's shards, as `nnsim merge` read them.
struct shard_merge {
  std::vector<std::string> arguments;    // the job's command line after `nnsim`, without --shard and --json
  std::vector<nlohmann::ordered_json> results;   // each shard's "result", shard 1 first
  std::vector<std::string> files;        // where each came from, in the same order
};

// The command line being run, and what `nnsim merge` hands on to main.cpp:
// one per process (main.cpp runs one command line, and for merge a second).
struct shard_session {
  // The command line after `nnsim`, as given: what a shard's record names
  // as its job.
  std::vector<std::string> arguments;
  // Set by `nnsim merge`: the command line of the merged job, which main
  // then runs with `merging` holding the shards' records; the command
  // combines them instead of computing.
  std::optional<std::vector<std::string>> merge_job;
  std::shared_ptr<const shard_merge> merging;
};
shard_session& current_shard_session();

// The records being merged, or null in any other run.
inline const shard_merge* merging_shards() { return current_shard_session().merging.get(); }

// nnsim merge FILE... (merge_command.cpp).
command add_merge_command(CLI::App& app, cli_context& context);

// Writes the record of shard `part` of the running command's job, with
// `result` (the command's result over the shard's items), to standard
// output.  Returns the exit code of a shard: 0, whatever its items found --
// the verdict belongs to the merged report, and a job array's merge step
// may wait for every shard to succeed.  An `interrupted` shard (Ctrl-C)
// writes no record, says so, and returns 130.
int write_shard_record(const shard& part, nlohmann::ordered_json result,
                       bool interrupted = false);

// Reads the records in `files` and checks that they are the shards 1..N of
// one job, each once, and that the files the job names are the same as
// when the shards ran.  Throws input_error otherwise (malformed JSON at
// FILE:LINE:COL, a missing or repeated shard, records of different jobs).
shard_merge read_shard_records(const std::vector<std::string>& files);

// The results of every shard's items combined: each shard's "items" array
// (pairs [i, item] with i the item's number in the whole job) merged in
// the order of i, as the unsharded run would have made them.  Throws
// input_error when a shard lists an item that is not its own.
std::vector<std::pair<std::uint64_t, nlohmann::ordered_json>> merged_items(const shard_merge& merge);

// The sum of the member `key` (a whole number, else input_error) over
// every shard's result; the largest of it.
std::uint64_t merged_sum(const shard_merge& merge, const char* key);
std::uint64_t merged_max(const shard_merge& merge, const char* key);

// The counts of a recognition over a shard's words (accept, reject, ...,
// classified, largest_steps, largest_bits) as a result's members, and
// their combination over every shard (sums, and the largest of the
// largest); the words themselves are left to the command.
nlohmann::ordered_json recognition_counts(const recognition_report& report);
recognition_report merged_recognition_counts(const shard_merge& merge);

inline constexpr std::array<word_verdict, 4> word_verdicts = {
    word_verdict::accept, word_verdict::reject, word_verdict::reject_diverges, word_verdict::undecided};
inline constexpr std::array<expected_verdict, 3> expected_verdicts = {
    expected_verdict::accept, expected_verdict::reject, expected_verdict::unknown};

// The one of `values` whose name_of is `name`, as a record stores it.
// Throws input_error for any other name.
template <class Enum, std::size_t count>
Enum value_named(std::string_view name, const std::array<Enum, count>& values) {
  for (const Enum value : values) {
    if (name_of(value) == name) return value;
  }
  throw input_error(fmt::format("merge: a shard record has '{}' where a verdict belongs", name));
}

}  // namespace nnsim::cli
