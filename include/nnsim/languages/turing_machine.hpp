// A deterministic one-tape Turing machine over the input alphabet {0, 1}
// (semantics.md, section 7; file format: machine-format.md) or over the
// input symbols its file lists (docs/machine-format.md), and its direct run, the
// reference that compiled networks are checked against.
#pragma once

#include "nnsim/support/error.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nnsim {

enum class head_move { left, right, stay };

struct machine_transition {
  std::uint32_t next_state = 0;
  std::uint32_t write = 0;  // symbol index
  head_move move = head_move::stay;
  text_location location;
};

class turing_machine {
 public:
  std::string name;
  std::string source_name;
  std::vector<std::string> source_lines;
  std::vector<std::string> states;         // state index -> name, in order of first appearance (add with intern_state)
  std::vector<char> symbols;               // symbol index -> character, in the order of `tape`
  std::uint32_t blank = 0;                 // symbol index
  std::uint32_t start = 0;                 // state index
  std::vector<char> accepting;             // by state index
  std::vector<char> rejecting;             // by state index
  // The input symbols (symbol indices) in the order of the `input`
  // statement; empty means the binary default, `0` then `1`.
  std::vector<std::uint32_t> input_symbols;

  std::size_t state_count() const { return states.size(); }
  std::size_t symbol_count() const { return symbols.size(); }
  bool halts_in(std::uint32_t state) const { return accepting[state] || rejecting[state]; }
  // The transition for (state, symbol), or nothing (the machine halts and rejects).
  const std::optional<machine_transition>& transition(std::uint32_t state, std::uint32_t symbol) const {
    return table_[state * symbols.size() + symbol];
  }
  std::optional<std::uint32_t> symbol_index(char c) const;
  // input_symbols, or the indices of `0` and `1` when it is empty.
  std::vector<std::uint32_t> input_alphabet() const;
  // O(1): states are found by name through a hash table that intern_state fills.
  std::optional<std::uint32_t> state_index(std::string_view state_name) const;

  // Builders for the loader and tests.
  std::uint32_t intern_state(std::string_view state_name);
  void set_transition(std::uint32_t state, std::uint32_t symbol, machine_transition t);
  void resize_table();

 private:
  std::vector<std::optional<machine_transition>> table_;  // states x symbols
  std::unordered_map<std::string, std::uint32_t> state_ids_;  // name -> state index
};

enum class machine_outcome { accepted, rejected, runs_forever, undecided };
std::string_view name_of(machine_outcome outcome);

// One configuration: the state, the head position and the visited tape.
struct machine_configuration {
  std::uint32_t state = 0;
  std::int64_t head = 0;          // cell index; the word starts at cell 0
  std::int64_t first_cell = 0;    // index of tape.front()
  std::string tape;               // the cells that were ever visited or hold input
};

struct machine_run {
  machine_outcome outcome = machine_outcome::undecided;
  std::uint64_t steps = 0;        // transitions applied
  bool halted_without_transition = false;  // rejected because no transition applied
  std::uint64_t cycle_start = 0;  // runs_forever: the configuration at cycle_start repeats
  std::uint64_t cycle_period = 0;
  machine_configuration final_configuration;
  // Repetition checks that compared two tapes cell by cell: only those whose
  // hashes agreed, so a run that never repeats a configuration does none
  // (barring a hash collision), and a repetition costs one per pass.
  std::uint64_t tape_comparisons = 0;
};

// Runs M on `word` (over the input alphabet; a cell may also be
// machine_code.hpp's unassigned_cell, which M has no transition for) for at most `max_steps` transitions.  A
// configuration that repeats proves that M runs forever (found with Brent's
// cycle detection, so memory stays within two copies of the tape, and every
// repetition confirmed cell by cell); a machine that keeps moving into fresh
// cells is reported undecided at the limit.  Each step costs O(1) amortised:
// configurations are compared by an incrementally kept hash first.  `observer` sees every
// configuration, the first before any step.
machine_run run_machine(const turing_machine& machine, std::string_view word, std::uint64_t max_steps,
                        const std::function<void(std::uint64_t, const machine_configuration&)>& observer = {});

// "q3  _ 1 [0] 1 _" : the state, then the tape with the head's cell in brackets.
std::string describe_configuration(const turing_machine& machine, const machine_configuration& configuration);

}  // namespace nnsim
