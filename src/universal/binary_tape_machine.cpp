#include "nnsim/universal/binary_tape_machine.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>
#include <tuple>

namespace nnsim {

namespace {

std::uint32_t block_width_for(std::size_t symbol_count) {
  std::uint32_t width = 1;
  while ((std::size_t{1} << width) < symbol_count) ++width;
  return width;
}

std::string code_of(std::uint32_t value, std::uint32_t width) {
  std::string code(width, '0');
  for (std::uint32_t i = 0; i < width; ++i) {
    if ((value >> (width - 1 - i)) & 1U) code[i] = '1';
  }
  return code;
}

std::int64_t floor_divide(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Builds the binary machine's states on demand, each from a key that says
// what it remembers, under a name made from the original state's name.
class binary_machine_builder {
 public:
  explicit binary_machine_builder(const turing_machine& original) : original_(original) {
    result_.original_symbols = original.symbols;
    result_.original_blank = original.blank;
    result_.block_width = block_width_for(original.symbol_count());
    std::uint32_t next_code = 1;
    for (std::uint32_t a = 0; a < original.symbol_count(); ++a) {
      result_.codes.push_back(code_of(a == original.blank ? 0 : next_code++, result_.block_width));
    }
    turing_machine& m = result_.machine;
    m.name = original.name.empty() ? std::string("binary") : original.name + "_binary";
    m.symbols = {'0', '1'};
    m.blank = 0;
    // The block-start states first, so that binary state q is original state
    // q for every q (halting states keep their names and roles).
    for (std::uint32_t q = 0; q < original.state_count(); ++q) {
      result_.block_start_states.push_back(add_state(original.states[q], {binary_state_origin::phase::reading, q, ""}));
    }
    m.start = original.start;
    m.resize_table();
    for (std::uint32_t q = 0; q < original.state_count(); ++q) {
      m.accepting[q] = original.accepting[q];
      m.rejecting[q] = original.rejecting[q];
    }
    for (std::uint32_t q = 0; q < original.state_count(); ++q) {
      if (!original.halts_in(q)) add_reading(q, "");
    }
  }

  binary_tape_machine take() { return std::move(result_); }

 private:
  std::uint32_t add_state(const std::string& wanted_name, binary_state_origin origin) {
    turing_machine& m = result_.machine;
    std::string name = wanted_name;
    while (m.state_index(name)) name += '_';  // never merge two states whose names clash
    const std::uint32_t state = m.intern_state(name);
    result_.origins.push_back(std::move(origin));
    return state;
  }

  void set(std::uint32_t state, char read, char write, head_move move, std::uint32_t next) {
    result_.machine.set_transition(state, read == '1' ? 1 : 0,
                                   machine_transition{next, write == '1' ? 1U : 0U, move, text_location{}});
  }

  bool is_code_prefix(const std::string& bits) const {
    for (const auto& code : result_.codes) {
      if (code.compare(0, bits.size(), bits) == 0) return true;
    }
    return false;
  }

  // The reading state of original state q with `bits` read; adds its transitions.
  std::uint32_t reading_state(std::uint32_t q, const std::string& bits) {
    if (bits.empty()) return result_.block_start_states[q];
    const auto key = std::make_pair(q, bits);
    if (const auto it = reading_.find(key); it != reading_.end()) return it->second;
    const std::uint32_t state =
        add_state(fmt::format("{}.read_{}", original_.states[q], bits), {binary_state_origin::phase::reading, q, bits});
    reading_.emplace(key, state);
    add_reading(q, bits);
    return state;
  }

  void add_reading(std::uint32_t q, const std::string& bits) {
    const std::uint32_t state = reading_state(q, bits);
    const std::uint32_t w = result_.block_width;
    for (char bit : {'0', '1'}) {
      const std::string read = bits + bit;
      if (!is_code_prefix(read)) continue;  // no block on the tape starts so
      if (read.size() < w) {
        const std::uint32_t next = reading_state(q, read);
        set(state, bit, bit, head_move::right, next);
        continue;
      }
      std::uint32_t symbol = 0;
      while (result_.codes[symbol] != read) ++symbol;
      const auto& t = original_.transition(q, symbol);
      if (!t) continue;  // the original halts and rejects here; so does the binary machine
      const std::string& code = result_.codes[t->write];
      if (w == 1) {
        set(state, bit, code[0], t->move == head_move::left ? head_move::left : head_move::right,
            after_first_move(t->next_state, t->move));
      } else {
        set(state, bit, code[w - 1], head_move::left, writing_state(t->next_state, code.substr(0, w - 1), t->move));
      }
    }
  }

  // Writes `bits` from right to left, the head on the last of them, then moves.
  std::uint32_t writing_state(std::uint32_t q, const std::string& bits, head_move move) {
    const auto key = std::make_tuple(q, bits, move);
    if (const auto it = writing_.find(key); it != writing_.end()) return it->second;
    const char direction = move == head_move::left ? 'L' : move == head_move::right ? 'R' : 'S';
    const std::uint32_t state = add_state(fmt::format("{}.write_{}{}", original_.states[q], bits, direction),
                                          {binary_state_origin::phase::writing, q, ""});
    writing_.emplace(key, state);
    for (char bit : {'0', '1'}) {
      if (bits.size() > 1) {
        set(state, bit, bits.back(), head_move::left, writing_state(q, bits.substr(0, bits.size() - 1), move));
      } else {
        set(state, bit, bits[0], move == head_move::left ? head_move::left : head_move::right,
            after_first_move(q, move));
      }
    }
    return state;
  }

  // Where the head goes after the first cell of a move from a block's first
  // cell: w − 1 more cells the same way, or for a stay one cell back.
  std::uint32_t after_first_move(std::uint32_t q, head_move move) {
    if (move == head_move::stay) return moving_state(q, 1, head_move::left);
    return moving_state(q, result_.block_width - 1, move);
  }

  std::uint32_t moving_state(std::uint32_t q, std::uint32_t cells, head_move move) {
    if (cells == 0) return reading_state(q, "");
    const auto key = std::make_tuple(q, cells, move);
    if (const auto it = moving_.find(key); it != moving_.end()) return it->second;
    const std::uint32_t state =
        add_state(fmt::format("{}.move_{}{}", original_.states[q], cells, move == head_move::left ? 'L' : 'R'),
                  {binary_state_origin::phase::moving, q, ""});
    moving_.emplace(key, state);
    const std::uint32_t next = moving_state(q, cells - 1, move);
    for (char bit : {'0', '1'}) set(state, bit, bit, move, next);
    return state;
  }

  const turing_machine& original_;
  binary_tape_machine result_;
  std::map<std::pair<std::uint32_t, std::string>, std::uint32_t> reading_;
  std::map<std::tuple<std::uint32_t, std::string, head_move>, std::uint32_t> writing_;
  std::map<std::tuple<std::uint32_t, std::uint32_t, head_move>, std::uint32_t> moving_;
};

}  // namespace

binary_tape_machine to_binary_tape_machine(const turing_machine& machine) {
  if (machine.symbol_count() < 2) {
    throw input_error(fmt::format("machine '{}' has fewer than two tape symbols", machine.name));
  }
  return binary_machine_builder(machine).take();
}

std::string binary_tape_word(const binary_tape_machine& binary, std::string_view word) {
  std::string bits;
  bits.reserve(word.size() * binary.block_width);
  for (char c : word) {
    std::size_t symbol = 0;
    while (symbol < binary.original_symbols.size() && binary.original_symbols[symbol] != c) ++symbol;
    if (symbol == binary.original_symbols.size()) {
      throw input_error(fmt::format("invalid word '{}': '{}' is not a tape symbol", word, c));
    }
    bits += binary.codes[symbol];
  }
  return bits;
}

machine_configuration original_configuration(const binary_tape_machine& binary,
                                             const machine_configuration& binary_configuration) {
  const auto& origin = binary.origins.at(binary_configuration.state);
  if (origin.part != binary_state_origin::phase::reading) {
    throw std::logic_error("a binary configuration in the middle of writing or moving stands for no original one");
  }
  const std::int64_t w = binary.block_width;
  const std::int64_t head_block = floor_divide(binary_configuration.head, w);
  if (binary_configuration.head - head_block * w != static_cast<std::int64_t>(origin.bits_read.size())) {
    throw std::logic_error("the head of a reading state stands at the wrong place in its block");
  }
  const std::int64_t first_cell = binary_configuration.first_cell;
  const std::int64_t end_cell = first_cell + static_cast<std::int64_t>(binary_configuration.tape.size());
  const std::int64_t first_block = floor_divide(first_cell, w);
  const std::int64_t end_block = floor_divide(end_cell - 1, w) + 1;
  machine_configuration result{origin.original_state, head_block, first_block, std::string()};
  for (std::int64_t block = first_block; block < end_block; ++block) {
    std::string code;
    for (std::int64_t cell = block * w; cell < (block + 1) * w; ++cell) {
      code += cell >= first_cell && cell < end_cell ? binary_configuration.tape[cell - first_cell] : '0';
    }
    std::size_t symbol = 0;
    while (symbol < binary.codes.size() && binary.codes[symbol] != code) ++symbol;
    if (symbol == binary.codes.size()) throw std::logic_error("a block that is no symbol's code: " + code);
    result.tape += binary.original_symbols[symbol];
  }
  return result;
}

}  // namespace nnsim
