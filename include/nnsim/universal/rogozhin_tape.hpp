// A 2-tag system in Rogozhin's form (rogozhin_form.hpp) and its word as the
// tape of Rogozhin's UTM(4,6) (Y. Rogozhin, "Small universal Turing
// machines", Theoretical Computer Science 168(2), 1996), and the tag word
// read back from the tape the machine halts with (docs/tag-systems.md,
// "Rogozhin's tape").  Tape symbols: `0` (blank), `1`, `b`, `<`, `>`, `c`.
#pragma once

#include "nnsim/universal/tag_system.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// N(a1) … N(a(n+1)), by position in `order`: N(ai) = 1 + 2 Σ_{j<i} |P(aj)|,
// the length of the block of 1s that stands for ai.  `system` must be in
// Rogozhin's form with this order (input_error otherwise).
std::vector<std::uint64_t> rogozhin_block_lengths(const tag_system& system, const std::vector<tag_letter>& order);

struct rogozhin_tape {
  std::string cells;     // the tape from its first non-blank cell; blank (`0`) elsewhere
  std::size_t head = 0;  // the head's cell, an index into `cells`: the first 1 of the word
};

// The initial tape: `<b`, then for i = n down to 1 the production P(ai) as
// `b1`, then `b 1^N(x) b` for each letter x of Bi from last to first, then
// `b 1^N(an) b`, then `b 1^(N(an) − N(ai))`; then one `b`; then the word's
// letters as blocks 1^N separated by `c`.  The machine starts in state 1 on
// the word's first cell.  The word needs at least two letters (input_error
// otherwise), as in Rogozhin's normal form no word is shorter.
rogozhin_tape make_rogozhin_tape(const tag_system& system, const std::vector<tag_letter>& order,
                                 const tag_word& word);

// The tag word on a tape: right of the leftmost `c`, blocks of 1s separated
// by `c`, each of some length N(ai); blanks (`0`) at the right end are
// ignored.  Anything else is an input_error that names the cell (an index
// into `cells`).
tag_word decode_rogozhin_tape(const tag_system& system, const std::vector<tag_letter>& order,
                              std::string_view cells);

// What the machine's tape holds when the tag system halts on `halted_word`
// (whose first letter h is the halting letter): the machine deletes h and
// the letter after it and appends h, so decode_rogozhin_tape reads
// halted_word[2:] followed by h.  `halted_word` must start with a halting
// letter and have at least two letters (input_error otherwise).
tag_word rogozhin_final_word(const tag_system& system, const tag_word& halted_word);

}  // namespace nnsim
