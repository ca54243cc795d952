// Tests of shard.hpp: the shards 1..N of a job take every item exactly once
// (for totals around N, below and above), reading "K/N" and its errors, and
// the shards of check boolean and check machine adding up to the whole run
// (the counts of n = 3 from OEIS A000609: 104 separable of 256).
#include "nnsim/boolean/boolean_check.hpp"
#include "nnsim/languages/machine_check.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/support/shard.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace nnsim {
namespace {

TEST_CASE("the shards of a job take every item once", "[shard]") {
  for (std::uint64_t n = 1; n <= 9; ++n) {
    for (std::uint64_t total : {std::uint64_t{0}, std::uint64_t{1}, n - 1, n, n + 1, 3 * n + 2, std::uint64_t{100}}) {
      std::vector<int> taken(total, 0);
      for (std::uint64_t k = 1; k <= n; ++k) {
        const shard part{k, n};
        const std::uint64_t count = part.items_of(total);
        for (std::uint64_t j = 0; j < count; ++j) {
          const std::uint64_t item = part.item_at(j);
          REQUIRE(item < total);
          REQUIRE(part.owns(item));
          ++taken[item];
        }
      }
      for (std::uint64_t i = 0; i < total; ++i) REQUIRE(taken[i] == 1);
    }
  }
  // 10 items in 4 shards: 0 4 8 | 1 5 9 | 2 6 | 3 7.
  CHECK(shard{1, 4}.items_of(10) == 3);
  CHECK(shard{2, 4}.items_of(10) == 3);
  CHECK(shard{3, 4}.items_of(10) == 2);
  CHECK(shard{4, 4}.item_at(1) == 7);
  CHECK(shard{7, 7}.items_of(4) == 0);
}

TEST_CASE("reading K/N", "[shard]") {
  std::string why;
  const auto part = parse_shard("3/8", why);
  REQUIRE(part);
  CHECK(part->index == 3);
  CHECK(part->count == 8);
  CHECK(part->text() == "3/8");
  CHECK(parse_shard("1/1", why));
  CHECK(parse_shard("1000000/1000000", why));
  CHECK_FALSE(parse_shard("0/3", why));
  CHECK(why == "'0/3': K must be from 1 to N = 3");
  CHECK_FALSE(parse_shard("4/3", why));
  CHECK_FALSE(parse_shard("1/0", why));
  CHECK(why == "'1/0': N must be from 1 to 1000000");
  CHECK_FALSE(parse_shard("1/1000001", why));
  CHECK_FALSE(parse_shard("2", why));
  CHECK(why == "'2' is not of the form K/N (shard K of N, e.g. 2/4)");
  for (const char* bad : {"/3", "1/", "+1/3", "1/3 ", "1.0/3", "a/b", "-1/3", "1//3"}) {
    INFO(bad);
    CHECK_FALSE(parse_shard(bad, why));
  }
}

TEST_CASE("the shards of check boolean add up to the whole check", "[shard]") {
  for (const unsigned arity : {2u, 3u, 4u}) {
    boolean_check_options options;
    options.threads = 2;
    const boolean_check_summary whole = check_boolean_functions(arity, options);
    for (const std::uint64_t n : {2u, 3u, 7u}) {
      boolean_check_summary sum;
      for (std::uint64_t k = 1; k <= n; ++k) {
        options.part = shard{k, n};
        const boolean_check_summary s = check_boolean_functions(arity, options);
        CHECK_FALSE(s.interrupted);
        sum.checked += s.checked;
        sum.verified += s.verified;
        sum.separable += s.separable;
        sum.hidden_neurons_total += s.hidden_neurons_total;
        sum.hidden_neurons_max = std::max(sum.hidden_neurons_max, s.hidden_neurons_max);
      }
      INFO("arity " << arity << ", " << n << " shards");
      CHECK(sum.checked == whole.functions);
      CHECK(sum.verified == whole.verified);
      CHECK(sum.separable == whole.separable);
      CHECK(sum.hidden_neurons_total == whole.hidden_neurons_total);
      CHECK(sum.hidden_neurons_max == whole.hidden_neurons_max);
    }
  }
  boolean_check_options options;
  options.part = shard{2, 2};
  // n = 3: 256 functions, one block, all of it shard 1's.
  CHECK(check_boolean_functions(3, options).checked == 0);
  options.part = shard{1, 2};
  CHECK(check_boolean_functions(3, options).separable == 104);
}

TEST_CASE("the shards of check machine classify every word once", "[shard]") {
  // Accepts the words that start with 1 (and halts on every word).
  const turing_machine machine = parse_machine(R"(machine starts_1
tape 0 1 _
blank _
start q0
accept acc
reject rej
q0 1 -> acc 1 S
q0 0 -> rej 0 S
q0 _ -> rej _ S
)",
                                               "starts_1.tm");
  recognition_options options;
  const machine_check_report whole = check_compiled_machine(machine, 4, options);
  REQUIRE(whole.words == 31);
  REQUIRE(whole.recognition.accepted == 15);  // 1, 1x, 1xx, 1xxx: 1 + 2 + 4 + 8
  std::uint64_t accepted = 0;
  std::uint64_t classified = 0;
  for (std::uint64_t k = 1; k <= 4; ++k) {
    const machine_check_report part = check_compiled_machine(machine, 4, options, {}, shard{k, 4});
    CHECK(part.words == 31);
    CHECK(part.recognition.classified == shard{k, 4}.items_of(31));
    accepted += part.recognition.accepted;
    classified += part.recognition.classified;
  }
  CHECK(accepted == 15);
  CHECK(classified == 31);
}

}  // namespace
}  // namespace nnsim
