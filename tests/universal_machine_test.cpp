// The universal machine and network: the table is compared with Rogozhin's
// as printed in the paper (typed in here again, not read from the file),
// the direct run with the published step count, and the network's final
// state, read back as a configuration, with the direct run's.
#include "nnsim/languages/compiled_configuration.hpp"
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/machine_code.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/universal/universal_machine.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace nnsim;

namespace {

// The cells from the first to the last non-blank one, with the head's cell
// among them, and where the head is in that string.
std::pair<std::string, std::int64_t> trimmed(const machine_configuration& c, char blank) {
  std::int64_t from = c.head - c.first_cell;
  std::int64_t to = from;
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(c.tape.size()); ++i) {
    if (c.tape[static_cast<std::size_t>(i)] != blank) {
      from = std::min(from, i);
      to = std::max(to, i);
    }
  }
  return {c.tape.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(to - from + 1)),
          c.head - c.first_cell - from};
}

}  // namespace

TEST_CASE("the universal machine has Rogozhin's 22 transitions", "[universal]") {
  const turing_machine machine = rogozhin_machine();
  // Rogozhin (1996), UTM(4,6): rows states 1..4, columns 0 1 b < > c, entries write move next.
  const char* const table[4][6] = {
      {"<L1", "<L1", ">R1", "0R1", "bL1", "0R4"},
      {"1L2", "0R2", ">L3", ">L2", "<R2", "bR2"},
      {"cR1", "1R3", "<R4", "halt", "bR3", "1R1"},
      {"cL2", "0R4", "cL2", "", "<R4", "bR4"},
  };
  const std::string columns = "01b<>c";
  int transitions = 0;
  for (int q = 0; q < 4; ++q) {
    const auto state = machine.state_index(fmt::format("q{}", q + 1));
    REQUIRE(state);
    for (int a = 0; a < 6; ++a) {
      const std::string entry = table[q][a];
      const auto& t = machine.transition(*state, *machine.symbol_index(columns[static_cast<std::size_t>(a)]));
      INFO("q" << q + 1 << " reading " << columns[static_cast<std::size_t>(a)]);
      if (entry.empty()) {
        CHECK_FALSE(t);
        continue;
      }
      REQUIRE(t);
      if (entry == "halt") {
        CHECK(machine.accepting[t->next_state]);
        continue;
      }
      ++transitions;
      CHECK(machine.symbols[t->write] == entry[0]);
      CHECK(t->move == (entry[1] == 'L' ? head_move::left : head_move::right));
      CHECK(machine.states[t->next_state] == fmt::format("q{}", entry[2]));
    }
  }
  CHECK(transitions == 22);
  CHECK(machine.symbols[machine.blank] == '0');
  // The built-in copy is the file in networks/universal/.
  const turing_machine file = load_machine_file(std::string(NNSIM_SOURCE_DIR) + "/networks/universal/rogozhin-4-6.tm");
  CHECK(file.source_lines == machine.source_lines);
}

TEST_CASE("the published 517-step example, directly and through the universal network", "[universal]") {
  const turing_machine machine = rogozhin_machine();
  // P(a1) = a1 a1, halting a2, word a1 a1 a2 (the tape after `<b`).
  const std::string tape = "<bb1b1bbb1c1c11111";
  const machine_run direct = run_machine(machine, tape, 100000);
  REQUIRE(direct.outcome == machine_outcome::accepted);
  // The prelude walks 10 cells right to the first c, 2 back left and 1
  // right (13 transitions), then Rogozhin's 517, then the halting one.
  CHECK(direct.steps == 13 + 517 + 1);
  const auto [direct_tape, direct_head] = trimmed(direct.final_configuration, '0');
  CHECK(direct_tape == "<>>1>1>>>11111111111c1c11111");
  CHECK(direct_head == 0);

  const network net = build_universal_network();
  run_request request;
  request.input = {delta_encode(machine_code(machine).encode(tape))};
  request.limits.max_steps = 1000000;
  const run_result result = run_network(net, request);
  REQUIRE(result.status == run_status::halted);
  CHECK(result.outputs.exact()[0] == 1);
  const machine_configuration read = read_compiled_configuration(machine, net, result.state.exact());
  CHECK(machine.states[read.state] == "halt");
  const auto [network_tape, network_head] = trimmed(read, '0');
  CHECK(network_tape == direct_tape);
  CHECK(network_head == direct_head);
}
