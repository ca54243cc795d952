#include "nnsim/languages/turing_machine.hpp"

#include "nnsim/languages/machine_code.hpp"
#include "support/polynomial_hash.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nnsim {

std::optional<std::uint32_t> turing_machine::symbol_index(char c) const {
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    if (symbols[i] == c) return static_cast<std::uint32_t>(i);
  }
  return std::nullopt;
}

std::vector<std::uint32_t> turing_machine::input_alphabet() const {
  if (!input_symbols.empty()) return input_symbols;
  std::vector<std::uint32_t> binary;
  for (char c : {'0', '1'}) {
    if (const auto symbol = symbol_index(c)) binary.push_back(*symbol);
  }
  return binary;
}

std::optional<std::uint32_t> turing_machine::state_index(std::string_view state_name) const {
  const auto it = state_ids_.find(std::string(state_name));
  if (it == state_ids_.end()) return std::nullopt;
  return it->second;
}

std::uint32_t turing_machine::intern_state(std::string_view state_name) {
  const auto [it, added] = state_ids_.try_emplace(std::string(state_name), static_cast<std::uint32_t>(states.size()));
  if (!added) return it->second;
  states.emplace_back(state_name);
  accepting.push_back(0);
  rejecting.push_back(0);
  return it->second;
}

void turing_machine::resize_table() { table_.assign(states.size() * symbols.size(), std::nullopt); }

void turing_machine::set_transition(std::uint32_t state, std::uint32_t symbol, machine_transition t) {
  if (table_.size() != states.size() * symbols.size()) {
    // States may be added after the table was made: grow it, keeping entries.
    std::vector<std::optional<machine_transition>> grown(states.size() * symbols.size());
    const std::size_t old_states = symbols.empty() ? 0 : table_.size() / symbols.size();
    for (std::size_t q = 0; q < old_states; ++q) {
      for (std::size_t a = 0; a < symbols.size(); ++a) grown[q * symbols.size() + a] = table_[q * symbols.size() + a];
    }
    table_ = std::move(grown);
  }
  table_[state * symbols.size() + symbol] = t;
}

std::string_view name_of(machine_outcome outcome) {
  switch (outcome) {
    case machine_outcome::accepted: return "accept";
    case machine_outcome::rejected: return "reject";
    case machine_outcome::runs_forever: return "runs-forever";
    case machine_outcome::undecided: return "undecided";
  }
  return "?";
}

namespace {

// The tape hash's arithmetic modulo 2^61 - 1 is in support/polynomial_hash.hpp.

// The tape: the cells 0, 1, 2, ... and the cells -1, -2, ... in two arrays
// that grow at their ends, so a move onto a new cell costs O(1) on either
// side.  It also keeps the hash
//     H = sum over cells i of v(cell i) * b^i  (mod 2^61 - 1),
// v(blank) = 0 and v(c) = c + 1 otherwise, and b^head: a write or a move
// updates both in O(1).  H * b^-head depends only on the tape as seen from
// the head, blanks at either end ignored, which is exactly what
// same_relative_configuration compares.
class tape {
 public:
  tape(const turing_machine& machine, std::string_view word) : blank_(machine.symbols[machine.blank]) {
    right_ = std::string(word);
    if (right_.empty()) right_.push_back(blank_);
    std::uint64_t power = 1;
    for (char c : right_) {
      hash_ = add_mod(hash_, multiply_mod(value(c), power));
      power = multiply_mod(power, hash_base);
    }
  }
  char read(std::int64_t head) { return cell(head); }
  void write(std::int64_t head, std::uint64_t head_power, char c) {
    char& slot = cell(head);
    // H += (v(c) - v(old)) b^head, the difference taken modulo p.
    hash_ = add_mod(hash_, multiply_mod(add_mod(value(c), hash_modulus - value(slot)), head_power));
    slot = c;
  }
  std::uint64_t hash() const { return hash_; }
  // The cells, padded with blanks so that the head's cell is among them
  // (after a move the head may stand on a cell nothing has read yet).
  machine_configuration configuration(std::uint32_t state, std::int64_t head) const {
    machine_configuration c{state, head, -static_cast<std::int64_t>(left_.size()), std::string()};
    c.tape.reserve(left_.size() + right_.size());
    c.tape.append(left_.rbegin(), left_.rend());
    c.tape += right_;
    if (head < c.first_cell) {
      c.tape.insert(0, static_cast<std::size_t>(c.first_cell - head), blank_);
      c.first_cell = head;
    }
    const std::int64_t end = c.first_cell + static_cast<std::int64_t>(c.tape.size());
    if (head >= end) c.tape.append(static_cast<std::size_t>(head - end + 1), blank_);
    return c;
  }

 private:
  std::uint64_t value(char c) const { return c == blank_ ? 0 : static_cast<unsigned char>(c) + std::uint64_t{1}; }
  // The cell `head`, added (blank, with the cells between) when the tape
  // does not reach it yet.
  char& cell(std::int64_t head) {
    if (head >= 0) {
      const auto i = static_cast<std::size_t>(head);
      if (i >= right_.size()) right_.resize(i + 1, blank_);
      return right_[i];
    }
    const auto i = static_cast<std::size_t>(-(head + 1));
    if (i >= left_.size()) left_.resize(i + 1, blank_);
    return left_[i];
  }
  char blank_;
  std::string right_;  // cell i at right_[i]
  std::string left_;   // cell -1 - i at left_[i]
  std::uint64_t hash_ = 0;
};

// One running copy of the machine, for Brent's cycle detection.
class machine_walker {
 public:
  machine_walker(const turing_machine& machine, std::string_view word)
      : machine_(&machine), tape_(machine, word), state_(machine.start) {}

  bool halted() const { return halted_; }
  bool accepted() const { return machine_->accepting[state_] != 0; }
  bool stuck() const { return stuck_; }
  std::uint32_t state() const { return state_; }
  std::int64_t head() const { return head_; }
  machine_configuration configuration() const { return tape_.configuration(state_, head_); }

  // Applies one transition; returns false when the machine has halted.
  bool step() {
    if (halted_) return false;
    if (machine_->halts_in(state_)) {
      halted_ = true;
      return false;
    }
    // A cell outside the tape alphabet (an unassigned block of the input,
    // machine_code.hpp) has no transition.
    const auto symbol = machine_->symbol_index(tape_.read(head_));
    const auto* t = symbol ? &machine_->transition(state_, *symbol) : nullptr;
    if (t == nullptr || !*t) {
      halted_ = stuck_ = true;
      return false;
    }
    tape_.write(head_, head_power_, machine_->symbols[(*t)->write]);
    state_ = (*t)->next_state;
    if ((*t)->move == head_move::left) {
      --head_;
      head_power_ = multiply_mod(head_power_, hash_base_inverse);
    } else if ((*t)->move == head_move::right) {
      ++head_;
      head_power_ = multiply_mod(head_power_, hash_base);
    }
    return true;
  }

  // Whether the two walkers stand in the same configuration as seen from
  // the head, with blanks at both ends dropped: the machine is translation
  // invariant, so two equal relative configurations prove an infinite run
  // even if the machine drifts.  The hashes decide in O(1) when they differ
  // (equal configurations always have equal hashes); when they agree, the
  // tapes are compared cell by cell, so a collision can cost time but never
  // a wrong verdict.  `comparisons` counts those cell-by-cell comparisons.
  bool same_relative_configuration(const machine_walker& other, std::uint64_t& comparisons) const {
    if (state_ != other.state_) return false;
    // H_a b^-head_a == H_b b^-head_b, multiplied through by b^(head_a + head_b).
    if (multiply_mod(tape_.hash(), other.head_power_) != multiply_mod(other.tape_.hash(), head_power_)) return false;
    ++comparisons;
    return same_relative_tape(other);
  }

 private:
  bool same_relative_tape(const machine_walker& other) const {
    const auto a = configuration();
    const auto b = other.configuration();
    const char blank = machine_->symbols[machine_->blank];
    auto trimmed = [&](const machine_configuration& c, std::int64_t& offset) {
      const auto first = c.tape.find_first_not_of(blank);
      if (first == std::string::npos) {
        offset = 0;
        return std::string_view();
      }
      const auto last = c.tape.find_last_not_of(blank);
      offset = c.head - (c.first_cell + static_cast<std::int64_t>(first));
      return std::string_view(c.tape).substr(first, last - first + 1);
    };
    std::int64_t offset_a = 0;
    std::int64_t offset_b = 0;
    const auto tape_a = trimmed(a, offset_a);
    const auto tape_b = trimmed(b, offset_b);
    return tape_a == tape_b && (tape_a.empty() || offset_a == offset_b);
  }

  const turing_machine* machine_;
  tape tape_;
  std::uint32_t state_;
  std::int64_t head_ = 0;
  std::uint64_t head_power_ = 1;  // b^head modulo p
  bool halted_ = false;
  bool stuck_ = false;
};

}  // namespace

machine_run run_machine(const turing_machine& machine, std::string_view word, std::uint64_t max_steps,
                        const std::function<void(std::uint64_t, const machine_configuration&)>& observer) {
  const std::vector<std::uint32_t> alphabet = machine.input_alphabet();
  for (char c : word) {
    const auto symbol = machine.symbol_index(c);
    if (c == unassigned_cell || (symbol && std::find(alphabet.begin(), alphabet.end(), *symbol) != alphabet.end())) {
      continue;
    }
    std::string allowed;
    for (std::uint32_t a : alphabet) allowed += fmt::format("{}{}", allowed.empty() ? "" : " ", machine.symbols[a]);
    throw input_error(machine.input_symbols.empty()
                          ? fmt::format("invalid word '{}': only 0 and 1 are allowed", word)
                          : fmt::format("invalid word '{}': only the input symbols {} are allowed", word, allowed));
  }
  machine_run run;
  // Brent's algorithm: the hare runs ahead; the tortoise jumps to the hare at
  // powers of two.  A relative configuration that repeats gives the period;
  // a second pass finds where the cycle starts.  Each step costs O(1) (the
  // comparison is by hash first), and the copies of the tape at the powers
  // of two cost O(steps) in all.
  machine_walker hare(machine, word);
  machine_walker tortoise(machine, word);
  std::uint64_t power = 1;
  std::uint64_t lambda = 0;
  std::uint64_t t = 0;
  if (observer) observer(0, hare.configuration());
  for (;;) {
    if (machine.halts_in(hare.state())) break;
    if (t == max_steps) {
      run.outcome = machine_outcome::undecided;
      run.steps = t;
      run.final_configuration = hare.configuration();
      return run;
    }
    if (!hare.step()) break;  // no transition applies: a rejection
    ++t;
    if (observer) observer(t, hare.configuration());
    ++lambda;
    if (hare.same_relative_configuration(tortoise, run.tape_comparisons)) {
      // Period lambda; the cycle starts at the first mu with x_mu ~ x_(mu+lambda).
      machine_walker first(machine, word);
      machine_walker second(machine, word);
      for (std::uint64_t i = 0; i < lambda; ++i) second.step();
      std::uint64_t mu = 0;
      while (!first.same_relative_configuration(second, run.tape_comparisons)) {
        first.step();
        second.step();
        ++mu;
      }
      run.outcome = machine_outcome::runs_forever;
      run.steps = t;
      run.cycle_start = mu;
      run.cycle_period = lambda;
      run.final_configuration = hare.configuration();
      return run;
    }
    if (lambda == power) {
      tortoise = hare;
      power *= 2;
      lambda = 0;
    }
  }
  run.outcome = machine.accepting[hare.state()] ? machine_outcome::accepted : machine_outcome::rejected;
  run.halted_without_transition = hare.stuck();
  run.steps = t;
  run.final_configuration = hare.configuration();
  return run;
}

std::string describe_configuration(const turing_machine& machine, const machine_configuration& configuration) {
  std::string text = machine.states[configuration.state] + " ";
  for (std::size_t i = 0; i < configuration.tape.size(); ++i) {
    const bool here = configuration.first_cell + static_cast<std::int64_t>(i) == configuration.head;
    text += here ? fmt::format(" [{}]", configuration.tape[i]) : fmt::format(" {}", configuration.tape[i]);
  }
  return text;
}

}  // namespace nnsim
