// The block code that lets a machine over any input alphabet read one binary
// word.  A compiled network reads a single δ-encoded binary word β
// (semantics.md, section 6); a machine whose `.tm` file lists k input symbols
// (`input a b c ...`, docs/machine-format.md) gets each symbol as a block of
// w = max(1, ⌈log2 k⌉) bits: the i-th listed symbol (from 0) is i written in
// binary, most significant bit first.  The binary default, `input 0 1`, is
// the plain code (w = 1, `0` -> 0, `1` -> 1), so β = ω and binary machines
// read their words exactly as before.
//
// Decoding is total, so that every binary word has a verdict to compare a
// network with: β is cut into blocks of w bits and a trailing incomplete
// block is dropped (the network reads it but never acts on it); a block whose
// number no symbol has becomes `unassigned_cell`, a cell the machine has no
// transition for (reading it halts and rejects).
#pragma once

#include "nnsim/languages/turing_machine.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// A cell decoded from a block that no input symbol has (never a tape symbol:
// those are printable ASCII).
inline constexpr char unassigned_cell = '\x7f';

class machine_code {
 public:
  explicit machine_code(const turing_machine& machine);

  unsigned width() const { return width_; }
  // The input symbols in code order: symbol i has code i.
  const std::vector<char>& symbols() const { return symbols_; }
  // The plain binary code: width 1, `0` -> 0, `1` -> 1.
  bool is_plain() const;

  // β for a tape word over the input symbols; throws input_error naming the
  // first character that is not an input symbol and its position (from 1).
  std::string encode(std::string_view tape_word) const;
  // The tape word a network reads from β (see above); throws input_error for
  // a character other than 0/1.
  std::string decode(std::string_view binary_word) const;

  // The tape words of length 0..max_length in shortlex order (by length,
  // then by code), one at a time: their number, and the one at a position.
  // Throws input_error when there would be more than 2^25 of them.
  std::uint64_t count_words_up_to(std::size_t max_length) const;
  std::string shortlex_word(std::uint64_t position) const;

 private:
  std::vector<char> symbols_;
  unsigned width_ = 1;
};

}  // namespace nnsim
