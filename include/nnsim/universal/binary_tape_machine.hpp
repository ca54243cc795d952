// A Turing machine over any tape alphabet Γ rewritten as a machine over
// {0, 1} with blank 0, the form the Cocke–Minsky construction needs
// (machine_to_tag.hpp; M. Minsky, Computation: Finite and Infinite Machines,
// 1967, section 14.6, assumes a binary tape whose blank is 0).
//
// Each symbol of Γ becomes a block of w = ⌈log2 |Γ|⌉ bits (at least 1): the
// blank is 0…0, the other symbols get 1, 2, 3, … in the order of the tape
// alphabet, written most significant bit first.  Cell i of the original tape
// is cells w·i … w·i + w − 1 of the binary one.  One original step becomes
//   - reading: w steps, each writing back the bit it read and moving right,
//     the state remembering the bits read so far, except the last, which
//     knows the symbol and the transition, writes the new block's last bit
//     and moves left (or, when w = 1, writes the bit and makes the move);
//   - writing: w − 1 steps, each writing one bit of the new block from right
//     to left, the last of them (at the block's first cell) making the move;
//   - moving: w − 1 further steps in the direction of the move, rewriting the
//     bits they read, so that the head stands on the next block's first cell.
// A right or left move costs 3w − 2 binary steps; a stay is a right move
// followed by one step back (2w steps).  Every binary step moves the head,
// which the Cocke–Minsky construction needs as well.
#pragma once

#include "nnsim/languages/turing_machine.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// What a state of the binary machine stands for.
struct binary_state_origin {
  enum class phase { reading, writing, moving };
  phase part = phase::reading;
  // reading: the state whose transition is being looked up; writing and
  // moving: the state the transition goes to.
  std::uint32_t original_state = 0;
  // reading: the bits read so far (the head's offset in its block).
  std::string bits_read;
  // Whether the binary configuration stands for an original configuration
  // in which the original machine has just arrived (reading, nothing read
  // yet); the original machine's steps are the binary run's configurations
  // in such a state, less one.
  bool begins_step() const { return part == phase::reading && bits_read.empty(); }
};

struct binary_tape_machine {
  turing_machine machine;                    // symbols '0', '1'; blank '0'
  std::vector<char> original_symbols;        // the original tape alphabet, by symbol index
  std::uint32_t original_blank = 0;          // its blank's index (code 0…0)
  std::uint32_t block_width = 1;             // w
  std::vector<std::string> codes;            // by original symbol index: its block, leftmost bit first
  std::vector<binary_state_origin> origins;  // by binary state index
  // By original state: the binary state that reads its block from the
  // start.  A halting original state's is a halting binary state (accepting
  // or rejecting as the original), named as the original.
  std::vector<std::uint32_t> block_start_states;
};

// Throws input_error when the machine has fewer than two symbols.
binary_tape_machine to_binary_tape_machine(const turing_machine& machine);

// The word's symbols (original tape characters) written as their blocks.
std::string binary_tape_word(const binary_tape_machine& binary, std::string_view word);

// The original machine's configuration that a binary configuration in a
// reading state stands for, with the same cell numbering (cell i of the
// original tape is block i).  Throws std::logic_error for a configuration in
// the middle of writing or moving, or for a block that is no symbol's code.
machine_configuration original_configuration(const binary_tape_machine& binary,
                                             const machine_configuration& binary_configuration);

}  // namespace nnsim
