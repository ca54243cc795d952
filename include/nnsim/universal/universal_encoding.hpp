// The input of the universal network and the reading of its result
// (docs/universal.md).  A 2-tag system and its word become, in turn:
//   - a system in Rogozhin's form (the system itself when it is in the form
//     already, else its normalisation, rogozhin_form.hpp);
//   - Rogozhin's tape for it (rogozhin_tape.hpp), the input word of the
//     universal machine (universal_machine.hpp);
//   - that word's block code (machine_code.hpp) and its δ-code, the
//     universal network's input.
// A Turing machine and its word go through the Cocke–Minsky 2-tag system
// first (machine_to_tag.hpp).  Back: the network's final state holds the
// machine's final configuration (compiled_configuration.hpp), whose tape
// holds the tag word.
#pragma once

#include "nnsim/languages/turing_machine.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/universal/machine_to_tag.hpp"
#include "nnsim/universal/rogozhin_form.hpp"
#include "nnsim/universal/rogozhin_tape.hpp"
#include "nnsim/universal/tag_system.hpp"

#include <optional>
#include <span>
#include <string>

namespace nnsim {

// The system the universal machine simulates for a given one.
struct universal_tag_system {
  tag_system system;               // in Rogozhin's form
  std::vector<tag_letter> order;   // a1 … a(n+1) of `system`
  // The normalisation, when the given system was not in the form; nothing
  // when it is simulated as it is.
  std::optional<rogozhin_normal_form> normalization;
};

universal_tag_system prepare_for_universal(const tag_system& given);

struct universal_input {
  tag_word word;             // the initial word in the letters of the simulated system
  rogozhin_tape tape;        // Rogozhin's tape
  std::string binary_word;   // the tape's cells in the universal machine's block code
  rational code;             // δ(binary_word): the universal network's input
};

// Throws input_error for a word shorter than two letters, limit_error when
// the tape would have more than `max_tape_cells` cells.
universal_input universal_input_for(const universal_tag_system& simulated, const tag_word& given_word,
                                    std::uint64_t max_tape_cells = std::uint64_t{1} << 24);

// The tag word the universal machine's final tape holds (right of its
// leftmost `c`), in the simulated system's letters: for a run that halted
// on the word w, w[2:] followed by the halting letter (rogozhin_tape.hpp).
// Throws input_error when the tape holds no such word.
tag_word universal_final_word(const universal_tag_system& simulated, const machine_configuration& final_configuration);

// The same word in the given system's letters: the padding letters of a
// normalisation left out, the halting letter as the merged one.
tag_word given_letters(const universal_tag_system& simulated, const tag_word& simulated_word);

// A Turing machine's word through its Cocke–Minsky system.
struct universal_machine_input {
  machine_tag_conversion conversion;
  universal_tag_system simulated;
  universal_input input;
};
universal_machine_input universal_input_for_machine(const turing_machine& machine, std::string_view word,
                                                    std::uint64_t max_tape_cells = std::uint64_t{1} << 24);
// Its two halves: the conversion and the simulated system, with no input
// yet (what decoding needs), and the input for one word (throws
// input_error for a symbol that is not an input symbol).
universal_machine_input machine_for_universal(const turing_machine& machine);
void set_machine_word(universal_machine_input& encoded, const turing_machine& machine, std::string_view word,
                      std::uint64_t max_tape_cells = std::uint64_t{1} << 24);

// The machine's result read back from the universal machine's final
// configuration (the steps are not known from it).  Throws input_error when
// the tape is not the end of a halted simulation.
machine_tag_result universal_machine_result(const universal_machine_input& encoded,
                                            const machine_configuration& final_configuration);

}  // namespace nnsim
