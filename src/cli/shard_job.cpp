#include "cli/shard_job.hpp"

#include "cli/interruption.hpp"
#include "cli/output.hpp"
#include "cli/run_report.hpp"
#include "nnsim/io/text_file.hpp"
#include "nnsim/support/error.hpp"
#include "nnsim/version.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>

namespace nnsim::cli {
namespace {

constexpr int record_format = 1;

// FNV-1a, 64 bits: enough to tell a changed file or command line from the
// one a shard ran with (a fingerprint, not a proof; the records are the
// user's own files).
struct fingerprint_hash {
  std::uint64_t value = 0xcbf29ce484222325ULL;
  void add(std::string_view bytes) {
    for (const char c : bytes) {
      value ^= static_cast<unsigned char>(c);
      value *= 0x100000001b3ULL;
    }
  }
};

// Whether arguments[i] is the value of -o / --output or --plot: a file
// `nnsim merge` writes (eval's rows, check approx's picture), not one the
// job reads.
bool names_output_file(const std::vector<std::string>& arguments, std::size_t i) {
  const std::string& argument = arguments[i];
  if (argument.starts_with("--output=") || argument.starts_with("--plot=") ||
      (argument.starts_with("-o") && argument.size() > 2)) {
    return true;
  }
  return i > 0 && (arguments[i - 1] == "-o" || arguments[i - 1] == "--output" || arguments[i - 1] == "--plot");
}

// The fingerprint of a job: its arguments and the contents of every
// argument (or `--option=value` value) that names a file the job reads:
// a regular file, standard input (`-`), a pipe, a FIFO or a device.
std::string job_fingerprint(const std::vector<std::string>& arguments) {
  fingerprint_hash hash;
  bool options_end = false;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    hash.add(argument);
    hash.add(std::string_view("\0", 1));
    const bool option_value = !options_end && names_output_file(arguments, i);
    options_end = options_end || argument == "--";
    if (option_value) continue;
    const std::size_t equals = argument.starts_with("--") ? argument.find('=') : std::string::npos;
    const std::string path = equals == std::string::npos ? argument : argument.substr(equals + 1);
    if (path == "-" || is_stream(path)) {
      // What the job read there (the shard), or will read (the merge):
      // standard input, a pipe, a FIFO or a device is read once per
      // process (read_text_file).
      try {
        hash.add(read_text_file(path));
      } catch (const input_error& failure) {
        if (path == "-") throw;  // standard input unreadable: said as it is
        hash.add(failure.what());  // a path the job may not read at all
      }
      continue;
    }
    std::error_code error;
    if (path.empty() || !std::filesystem::is_regular_file(path, error)) continue;
    std::ifstream in(path, std::ios::binary);
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      hash.add(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
    }
  }
  return fmt::format("{:016x}", hash.value);
}

// The job of a command line: without --shard (and its value) and --json,
// which change only what is written, not what is computed.
std::vector<std::string> job_arguments(const std::vector<std::string>& arguments) {
  std::vector<std::string> job;
  bool options_end = false;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    options_end = options_end || argument == "--";
    if (!options_end && argument == "--shard") {
      ++i;
    } else if (options_end || (argument != "--json" && !argument.starts_with("--shard="))) {
      job.push_back(argument);
    }
  }
  return job;
}

// An argument as a shell reads it back: as it is when it is made of
// letters, digits and a few harmless signs, else in single quotes.
std::string shell_word(const std::string& argument) {
  const bool plain = !argument.empty() && std::all_of(argument.begin(), argument.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("_-./:=,+@%^").find(c) != std::string_view::npos;
  });
  if (plain) return argument;
  std::string quoted = "'";
  for (const char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// The job's command line, as it can be pasted into a shell.
std::string shown_job(const std::vector<std::string>& arguments) {
  std::vector<std::string> words;
  for (const std::string& argument : arguments) words.push_back(shell_word(argument));
  return fmt::format("nnsim {}", fmt::join(words, " "));
}

// Line and column (from 1, in bytes) of byte `offset` of `text`, and that line.
input_error located_error(const std::string& message, const std::string& file, const std::string& text,
                         std::size_t offset) {
  offset = std::min(offset, text.size());
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  const std::size_t line_end = std::min(text.find('\n', line_start), text.size());
  return input_error(message, file, {line, static_cast<std::uint32_t>(offset - line_start + 1)},
                     text.substr(line_start, line_end - line_start));
}

struct shard_record {
  std::string file;
  std::vector<std::string> arguments;
  std::string fingerprint;
  shard part;
  nlohmann::ordered_json result;
};

shard_record read_record(const std::string& file) {
  const std::string text = read_text_file(file);
  const std::string who = file == "-" ? "<stdin>" : file;
  // Ordered, as the records were written: a result's objects are printed
  // again by the merged report, in the order the unsharded run prints them.
  nlohmann::ordered_json json;
  try {
    json = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann's byte is one past the character it could not read.
    std::string reason = e.what();
    const std::size_t colon = reason.rfind(": ");
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    throw located_error(fmt::format("not a shard record: malformed JSON ({})", reason), who, text,
                        e.byte == 0 ? 0 : e.byte - 1);
  }
  const auto refuse = [&](std::string_view why) {
    return input_error(fmt::format("{}: not a shard record of nnsim --shard: {}", who, why));
  };
  if (!json.is_object() || !json.contains("nnsim-shard")) throw refuse("no \"nnsim-shard\" member");
  if (json["nnsim-shard"] != record_format) throw refuse("a record format other than 1");
  if (json.value("version", std::string()) != NNSIM_VERSION_STRING) {
    throw input_error(fmt::format("{}: written by nnsim {}, not by this nnsim {}: run the shards again", who,
                                  json.value("version", std::string("?")), NNSIM_VERSION_STRING));
  }
  shard_record record;
  record.file = who;
  const auto member = [&](const char* name, bool (nlohmann::ordered_json::*is_kind)() const noexcept,
                          std::string_view kind) -> const nlohmann::ordered_json& {
    const auto found = json.find(name);
    if (found == json.end()) throw refuse(fmt::format("no \"{}\" member", name));
    if (!((*found).*is_kind)()) throw refuse(fmt::format("\"{}\" is not {}", name, kind));
    return *found;
  };
  const nlohmann::ordered_json& arguments = member("arguments", &nlohmann::ordered_json::is_array, "a list of strings");
  for (const nlohmann::ordered_json& argument : arguments) {
    if (!argument.is_string()) throw refuse("\"arguments\" is not a list of strings");
    record.arguments.push_back(argument.get<std::string>());
  }
  if (record.arguments.empty()) throw refuse("\"arguments\" is empty: no job");
  record.fingerprint = member("fingerprint", &nlohmann::ordered_json::is_string, "a string").get<std::string>();
  std::string why;
  const std::optional<shard> part =
      parse_shard(member("shard", &nlohmann::ordered_json::is_string, "a string").get<std::string>(), why);
  if (!part) throw refuse(why);
  record.part = *part;
  record.result = member("result", &nlohmann::ordered_json::is_object, "an object");
  return record;
}

}  // namespace

CLI::Option* add_shard_option(CLI::App& app, std::string& text, std::string_view share) {
  return app
      .add_option("--shard", text,
                  fmt::format("do only shard K of N of the work ({}) and write a JSON record for nnsim merge "
                              "instead of the report",
                              share))
      ->type_name("K/N")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            std::string why;
            return parse_shard(value, why) ? std::string() : why;
          },
          ""));
}

std::optional<shard> shard_option_value(const std::string& text) {
  if (text.empty()) return std::nullopt;
  std::string why;
  const std::optional<shard> part = parse_shard(text, why);
  if (!part) throw input_error("--shard: " + why);
  return part;
}

shard_session& current_shard_session() {
  static shard_session session;
  return session;
}

int write_shard_record(const shard& part, nlohmann::ordered_json result, bool interrupted) {
  if (interrupted) {
    write_standard_error(fmt::format("nnsim: shard {} interrupted (Ctrl-C): no record written\n", part.text()));
    return exit_interrupted;
  }
  const std::vector<std::string> job = job_arguments(current_shard_session().arguments);
  nlohmann::ordered_json record;
  record["nnsim-shard"] = record_format;
  record["version"] = NNSIM_VERSION_STRING;
  record["arguments"] = job;
  record["fingerprint"] = job_fingerprint(job);
  record["shard"] = part.text();
  record["result"] = std::move(result);
  write_output(dump_json(record) + "\n", "");
  return 0;
}

shard_merge read_shard_records(const std::vector<std::string>& files) {
  if (files.empty()) throw input_error("merge: no shard records given");
  std::vector<shard_record> records;
  for (const std::string& file : files) records.push_back(read_record(file));
  const shard_record& first = records.front();
  std::map<std::uint64_t, const shard_record*> by_index;
  for (const shard_record& r : records) {
    if (r.arguments != first.arguments) {
      throw input_error(fmt::format("{}: a shard of another job ({}) than {} ({})", r.file, shown_job(r.arguments),
                                    first.file, shown_job(first.arguments)));
    }
    if (r.part.count != first.part.count) {
      throw input_error(fmt::format("{}: shard {} of a job split into {}, but {} is shard {} of {}", r.file,
                                    r.part.text(), r.part.count, first.file, first.part.text(), first.part.count));
    }
    if (r.fingerprint != first.fingerprint) {
      throw input_error(fmt::format("{}: a shard of the same command line as {}, but over different files (the "
                                    "files it names changed between the shards)",
                                    r.file, first.file));
    }
    const auto [at, inserted] = by_index.emplace(r.part.index, &r);
    if (!inserted) {
      throw input_error(
          fmt::format("{}: shard {} is given twice (also {})", r.file, r.part.text(), at->second->file));
    }
  }
  std::vector<std::string> missing;
  for (std::uint64_t k = 1; k <= first.part.count; ++k) {
    if (by_index.count(k) != 0) continue;
    if (missing.size() == 10) {
      missing.emplace_back("…");
      break;
    }
    missing.push_back(fmt::format("{}/{}", k, first.part.count));
  }
  if (!missing.empty()) {
    throw input_error(fmt::format("merge: {} missing: {} (of {})", missing.size() == 1 ? "a shard is" : "shards are",
                                  fmt::join(missing, ", "), shown_job(first.arguments)));
  }
  // Only a command that writes records can read them back; any other
  // command line in a record was not written by nnsim.
  const std::vector<std::string>& a = first.arguments;
  const bool sharded_command =
      (!a.empty() && (a[0] == "recognize" || a[0] == "eval")) ||
      (a.size() > 1 && a[0] == "check" && (a[1] == "machine" || a[1] == "boolean" || a[1] == "approx"));
  if (!sharded_command) {
    throw input_error(fmt::format("{}: not a shard record of nnsim --shard: {} does not take --shard", first.file,
                                  shown_job(a)));
  }
  if (job_fingerprint(first.arguments) != first.fingerprint) {
    throw input_error(fmt::format("merge: the files that {} names have changed since the shards ran; run them again",
                                  shown_job(first.arguments)));
  }
  shard_merge merge;
  merge.arguments = first.arguments;
  for (const auto& [k, r] : by_index) {
    merge.results.push_back(r->result);
    merge.files.push_back(r->file);
  }
  return merge;
}

namespace {

// Member `key` of shard s's result: a whole number, as a shard writes it.
std::uint64_t whole_number(const shard_merge& merge, std::size_t s, const char* key) {
  const nlohmann::ordered_json& value = merge.results[s].at(key);
  if (!value.is_number_unsigned()) {
    throw input_error(fmt::format("{}: not a shard record of nnsim --shard: \"{}\" is {}, not a whole number",
                                  merge.files[s], key, value.dump()));
  }
  return value.get<std::uint64_t>();
}

}  // namespace

std::vector<std::pair<std::uint64_t, nlohmann::ordered_json>> merged_items(const shard_merge& merge) {
  // Shard s (from 0) of N did the items i with i mod N = s, in increasing
  // order: a record whose items break that was not written by its shard.
  const std::size_t shards = merge.results.size();
  std::vector<std::pair<std::uint64_t, nlohmann::ordered_json>> items;
  for (std::size_t s = 0; s < shards; ++s) {
    const nlohmann::ordered_json& result = merge.results[s];
    if (!result.contains("items")) continue;
    std::optional<std::uint64_t> last;
    for (const nlohmann::ordered_json& item : result.at("items")) {
      const nlohmann::ordered_json& number = item.at(0);
      if (!number.is_number_unsigned() || number.get<std::uint64_t>() % shards != s ||
          (last && number.get<std::uint64_t>() <= *last)) {
        throw input_error(fmt::format("{}: not a shard record of nnsim --shard: item {} is not one of shard {}/{}'s "
                                      "items in order",
                                      merge.files[s], number.dump(), s + 1, shards));
      }
      last = number.get<std::uint64_t>();
      items.emplace_back(*last, item.at(1));
    }
  }
  std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return items;
}

std::uint64_t merged_sum(const shard_merge& merge, const char* key) {
  std::uint64_t sum = 0;
  for (std::size_t s = 0; s < merge.results.size(); ++s) sum += whole_number(merge, s, key);
  return sum;
}

std::uint64_t merged_max(const shard_merge& merge, const char* key) {
  std::uint64_t most = 0;
  for (std::size_t s = 0; s < merge.results.size(); ++s) most = std::max(most, whole_number(merge, s, key));
  return most;
}

nlohmann::ordered_json recognition_counts(const recognition_report& report) {
  nlohmann::ordered_json json;
  json["accept"] = report.accepted;
  json["reject"] = report.rejected;
  json["reject-diverges"] = report.rejected_diverging;
  json["undecided"] = report.undecided;
  json["undecided_precision"] = report.undecided_precision;
  json["mismatches"] = report.mismatches;
  json["classified"] = report.classified;
  json["largest_steps"] = report.largest_steps;
  json["largest_bits"] = report.largest_value_bits;
  return json;
}

recognition_report merged_recognition_counts(const shard_merge& merge) {
  recognition_report report;
  report.accepted = merged_sum(merge, "accept");
  report.rejected = merged_sum(merge, "reject");
  report.rejected_diverging = merged_sum(merge, "reject-diverges");
  report.undecided = merged_sum(merge, "undecided");
  report.undecided_precision = merged_sum(merge, "undecided_precision");
  report.mismatches = merged_sum(merge, "mismatches");
  report.classified = merged_sum(merge, "classified");
  report.largest_steps = merged_max(merge, "largest_steps");
  report.largest_value_bits = merged_max(merge, "largest_bits");
  return report;
}

}  // namespace nnsim::cli
