// A Turing machine as a 2-tag system: the construction of J. Cocke and
// M. Minsky ("Universality of tag systems with P = 2", J. ACM 11(1), 1964;
// M. Minsky, Computation: Finite and Infinite Machines, 1967, section 14.6),
// applied to the machine's binary form (binary_tape_machine.hpp).
//
// A configuration of the binary machine in state q is three numbers:
//   m = the cells left of the head read as a binary number, the nearest cell
//       least significant;
//   n = the head's cell and the cells right of it, the head's cell least
//       significant, so the bit read is r = n mod 2.
// A step writing s and moving right gives m' = 2m + s, n' = n div 2; moving
// left, m' = m div 2, n' = 4 (n div 2) + 2s + (m mod 2).  The tag word of the
// configuration counts m and n in unary,
//     A_q x (a_q x)^m B_q x (b_q x)^n,
// whose length is 2m + 2n + 4.  A 2-tag system reads every other letter, so
// it reads A_q, a_q m times, B_q, b_q n times and never the x; a sweep
// through the word ("pass") appends the productions of what it read:
//   pass 1  A_q → C_q x,  a_q → c_q x,  B_q → S_q,  b_q → s_q.
//           Result C x (c x)^m S s^n: the b's lose their fillers.
//   pass 2  C_q → D_q1 D_q0, c_q → d_q1 d_q0, S_q → T_q1 T_q0,
//           s_q → t_q1 t_q0.  Reading every other letter of S s^n reads
//           n div 2 of the s's; the pass's word has odd length iff n is
//           even, and then its last read letter deletes the first letter
//           it appended, D_q1.  So the next pass reads the letters with
//           index r = n mod 2 throughout (the parity as a phase shift).
//   pass 3  knows (q, r) and so the transition (s, move, q').  Moving right:
//           D → A' x (a' x)^s, d → a' x a' x (doubling), T → B' x,
//           t → b' x, with A' … the letters of q'.  Moving left:
//           D → E, d → e, T → G1 G0, t → g1 g0, a pass 4 halves e^m
//           (the halving by reading every other letter) and shows
//           p = m mod 2 as the phase of G1 G0 and g1 g0; pass 4 appends
//           E → H1 H0, e → h1 h0, Gp → Jp Jp, gp → j j and pass 5 reads
//           the letters of index p: Hp → A' x, hp → a' x,
//           Jp → B' x (b' x)^(2s + p), j → (b' x)^4.
// A pass whose word has odd length deletes the first letter of the next
// one's text; where the phase is known (r = 0 in pass 3, p = 0 in pass 5) the
// production read first starts with an x to be deleted.  A missing transition
// makes D_qr → H x, d → u x, T → M_qr x, t → v x: the word
//     H x (u x)^m M x (v x)^k
// with H the one halting letter and M a marker letter that says why the
// machine stopped: M_q for a halting state q (the letters of a halting state
// q' are H, u, M_q', v, so k = n), M_qr for a missing transition on bit r
// (then n = 2k + r).  The word never gets shorter than 2 letters, and the
// system halts only on H.
//
// Letters: 4 (x, H, u, v) + 1 per halting binary state + 8 per other one + 4
// per transition of a binary state (5 per missing one) + 13 per pair (next
// state, bit written) of its left moves, whose passes 4 and 5 depend on
// nothing else.  A binary step takes m + n + 2 tag steps for pass 1, about m + n/2 + 2
// for pass 2 and m + n/2 + 2 for pass 3, and for a left move about m + n for
// passes 4 and 5 together: exponential in the tape's length.
#pragma once

#include "nnsim/languages/turing_machine.hpp"
#include "nnsim/universal/binary_tape_machine.hpp"
#include "nnsim/universal/tag_system.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nnsim {

// What a letter of the converted system is.
struct machine_tag_letter_role {
  enum class kind {
    filler,            // x: never read
    halt,              // H: the one halting letter
    halted_left,       // u: one per cell value of m in a halted word
    halted_right,      // v: likewise for n (or n div 2 after a missing transition)
    halted_in_state,   // M_q: the machine entered halting state `state`
    stuck,             // M_qr: no transition for state `state` reading bit `bit`
    configuration,     // A_q: the first letter of a configuration word of state `state`
    pass               // every other letter, read during a step
  };
  kind what = kind::pass;
  std::uint32_t state = 0;  // binary state
  std::uint32_t bit = 0;
};

struct machine_tag_conversion {
  binary_tape_machine binary;
  tag_system system;
  std::vector<machine_tag_letter_role> roles;  // by letter
  tag_letter filler = 0, halt = 0, halted_left = 0, halted_right = 0;
  // By binary state: the letters of its configuration word A_q, a_q, B_q,
  // b_q (for a halting state H, u, M_q, v).
  std::vector<tag_letter> first_letters, left_letters, marker_letters, right_letters;
};

// Throws input_error when the machine has fewer than two symbols.
machine_tag_conversion machine_to_tag(const turing_machine& machine);

// The tag word of the machine's start configuration on `word` (over the
// machine's tape symbols; the head on its first symbol).  Its length is
// 2n + 4 with n < 2^(w·|word|); throws limit_error beyond `max_letters`.
tag_word initial_tag_word(const machine_tag_conversion& conversion, std::string_view word,
                          std::size_t max_letters = std::size_t{1} << 26);

// Whether a run of the tag system that reads `front` (as the first letter of
// its word) stands in a configuration in which the original machine has just
// arrived.  The machine's steps in a halted run are the number of such
// letters read, plus one when it halted in a halting state, less one
// (decode_tag_word counts so when given the number).
bool begins_machine_step(const machine_tag_conversion& conversion, tag_letter front);

struct machine_tag_result {
  machine_outcome outcome = machine_outcome::rejected;  // accepted or rejected
  bool halted_without_transition = false;
  // The original machine's final configuration seen from the head: the head
  // at cell 0, the tape from the leftmost to the rightmost non-blank cell and
  // the head's cell (the tag word keeps no absolute position).
  machine_configuration final_configuration;
  std::optional<std::uint64_t> steps;  // the original machine's, when counted
};

// Decodes a word on which the system halted (H first).  `step_letters` is the
// number of letters read for which begins_machine_step holds, if counted.
// Throws input_error when the word is not such a word of this conversion.
machine_tag_result decode_tag_word(const machine_tag_conversion& conversion, const tag_word& halted_word,
                                   std::optional<std::uint64_t> step_letters = std::nullopt);

// The configuration as decode_tag_word gives it: the head at cell 0, blank
// cells at both ends dropped except the head's.  For comparing a direct run
// (run_machine) with a decoded one.
machine_configuration seen_from_head(const machine_configuration& configuration, char blank);

}  // namespace nnsim
