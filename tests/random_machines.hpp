// Random small Turing machines for the tests of the constructions that
// rewrite a machine (binary tape, tag system).
#pragma once

#include "nnsim/languages/turing_machine.hpp"

#include <random>
#include <string>

// `states` working states plus `yes` (accepting) and `no` (rejecting); the
// tape alphabet 0, 1, the blank _ and `extra_symbols` more (X, Y, Z, …).
// Each (state, symbol) has a transition with probability 9/10, to any state
// with any write and any move (stays included).
inline nnsim::turing_machine random_machine(std::mt19937_64& random, int states, int extra_symbols) {
  nnsim::turing_machine m;
  m.name = "random";
  m.symbols = {'0', '1', '_'};
  for (int i = 0; i < extra_symbols; ++i) m.symbols.push_back(static_cast<char>('X' + i));
  m.blank = 2;
  for (int q = 0; q < states; ++q) m.intern_state("q" + std::to_string(q));
  const auto yes = m.intern_state("yes");
  const auto no = m.intern_state("no");
  m.accepting[yes] = 1;
  m.rejecting[no] = 1;
  m.start = 0;
  m.resize_table();
  std::uniform_int_distribution<std::uint32_t> any_state(0, static_cast<std::uint32_t>(m.state_count() - 1));
  std::uniform_int_distribution<std::uint32_t> any_symbol(0, static_cast<std::uint32_t>(m.symbol_count() - 1));
  std::uniform_int_distribution<int> any_move(0, 2), tenth(0, 9);
  for (std::uint32_t q = 0; q < static_cast<std::uint32_t>(states); ++q) {
    for (std::uint32_t a = 0; a < m.symbol_count(); ++a) {
      if (tenth(random) == 0) continue;
      const int move = any_move(random);
      m.set_transition(q, a,
                       nnsim::machine_transition{any_state(random), any_symbol(random),
                                                 move == 0 ? nnsim::head_move::left
                                                 : move == 1 ? nnsim::head_move::right
                                                             : nnsim::head_move::stay,
                                                 {}});
    }
  }
  return m;
}
