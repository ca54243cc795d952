// One budget for everything a computation keeps (--max-memory): explicit
// charges, the growth of the numbers' GMP/MPFR storage, and what the
// simulator keeps (its arrays, the table of seen states, saved states).
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/numbers/number_memory.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/support/error.hpp"
#include "test_networks.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace nnsim;

namespace {

[[noreturn]] void abort_on_failure(std::string_view reason) {
  std::fprintf(stderr, "number memory: %.*s\n", static_cast<int>(reason.size()), reason.data());
  std::abort();
}

std::string limit_message(const network& net, const run_request& request) {
  try {
    run_network(net, request);
  } catch (const limit_error& e) {
    return e.what();
  }
  return "no limit_error";
}

}  // namespace

TEST_CASE("a budget refuses a charge past its limit and takes releases back", "[memory]") {
  memory_budget budget(1000);
  CHECK(budget.try_charge(600));
  CHECK_FALSE(budget.try_charge(401));
  CHECK(budget.used() == 600);
  CHECK(budget.try_charge(400));
  CHECK(budget.used() == 1000);
  CHECK_FALSE(budget.exceeded());
  CHECK_FALSE(budget.try_charge(1));
  budget.release(500);
  CHECK(budget.used() == 500);
  CHECK(budget.try_charge(500));
}

TEST_CASE("a memory_charge gives back what it charged", "[memory]") {
  memory_budget budget(100);
  {
    memory_charge charge(budget);
    CHECK(charge.try_add(70));
    CHECK_FALSE(charge.try_add(31));
    CHECK(charge.bytes() == 70);
    charge.remove(20);
    CHECK(budget.used() == 50);
  }
  CHECK(budget.used() == 0);
}

TEST_CASE("the numbers' own storage counts once tracking is on", "[memory]") {
  track_number_memory(abort_on_failure);
  memory_budget budget(1u << 20);
  {
    // 2^(2^23) has 2^23 + 1 bits: over 1 MiB of limbs.
    const rational big = rational(boost::multiprecision::pow(boost::multiprecision::mpz_int(2), 1u << 23));
    CHECK(budget.used() >= (1u << 20));
    CHECK(budget.exceeded());
  }
  CHECK_FALSE(budget.exceeded());
}

TEST_CASE("a run stops at its memory limit when its values grow", "[memory]") {
  track_number_memory(abort_on_failure);
  // 200 neurons x_i = id(2^64 x_i) from x_i(0) = 1: after t steps every value
  // has 64 t + 1 bits, so the state alone holds about 1600 t bytes, and the
  // saved states and the next values as much again.  No single value comes
  // near --max-bits, and the table of seen states stays small (16 bytes a
  // step): only the values can reach 4 MB, at some step below 4000000 / 1600
  // = 2500.  Without the budget the run reaches the step limit, 3000.
  network net;
  for (int i = 0; i < 200; ++i) {
    const std::string name = "x" + std::to_string(i);
    net.set_init(net.intern(name), 1);
    nnsim_test::add(net, name, activation::id, 0, {{name, rational(boost::multiprecision::mpz_int(1) << 64)}});
  }
  run_request request;
  request.limits.max_steps = 3000;
  request.limits.max_bits = 1u << 30;
  request.limits.max_memory = 4000000;
  const std::string message = limit_message(net, request);
  INFO(message);
  const bool values = message.find("need more than the memory limit of 4000000 bytes after ") != std::string::npos;
  const bool saved = message.find("needs more than the memory limit of 4000000 bytes after ") != std::string::npos;
  CHECK((values || saved));
  const std::size_t after = message.find(" bytes after ") + 13;
  const std::uint64_t step = std::stoull(message.substr(after));
  CHECK(step < 2500);
  CHECK(step > 300);
}

TEST_CASE("real:P values count against the budget", "[memory]") {
  track_number_memory(abort_on_failure);
  // 100 neurons a_i = id(a_i) at 100000 bits of precision: every number of
  // the compiled network (initial value, state, replay; bias, scale, λ,
  // next, replay next; the weight) is 12.5 KB of mantissa, 11 MB in all.
  network net;
  for (int i = 0; i < 100; ++i) {
    const std::string name = "a" + std::to_string(i);
    nnsim_test::add(net, name, activation::id, 0, {{name, 1}});
  }
  run_request request;
  request.numbers = number_mode::parse("real:100000");
  request.limits.max_memory = 1000000;
  CHECK(limit_message(net, request) ==
        "the values of the computation need more than the memory limit of 1000000 bytes after 0 steps (lower "
        "--max-steps or raise --max-memory)");
  request.limits.max_memory = 100000000;
  CHECK(run_network(net, request).status == run_status::halted);
}

TEST_CASE("the compiled network itself is charged before it is made", "[memory]") {
  network net;
  for (int i = 0; i < 1000; ++i) nnsim_test::add(net, "n" + std::to_string(i), activation::sat, 1, {});
  run_request request;
  request.numbers = number_mode::parse("double");
  request.limits.max_memory = 10000;
  CHECK(limit_message(net, request) ==
        "the compiled network needs more than the memory limit of 10000 bytes (raise --max-memory)");
}

TEST_CASE("a budget shared by the caller limits the run and the caller's storage together", "[memory]") {
  // The oscillator of networks/lecture: it never halts; each of its 2^k-th
  // states is saved.  A caller that has used up the budget leaves the run
  // no room for the table of seen states.
  network net;
  nnsim_test::add(net, "a", activation::step, 0, {{"b", -1}});
  nnsim_test::add(net, "b", activation::step, -1, {{"a", 1}});
  memory_budget budget(20000);
  REQUIRE(budget.try_charge(19000));
  run_request request;
  request.budget = &budget;
  request.limits.max_memory = 1u << 30;  // not read: the shared budget's limit applies
  request.limits.repetitions = repetition_method::table;
  CHECK(limit_message(net, request) ==
        "looking for a repeated state needs more than the memory limit of 20000 bytes after 0 steps (lower "
        "--max-steps or raise --max-memory)");
  budget.release(19000);
  CHECK(run_network(net, request).status == run_status::diverges);
  CHECK(budget.used() == 0);
}
