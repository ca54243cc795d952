#include "nnsim/universal/universal_encoding.hpp"

#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/machine_code.hpp"
#include "nnsim/universal/universal_machine.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nnsim {
namespace {

// The number of cells make_rogozhin_tape would write, so that a tape too
// large is refused before it exists (a Cocke–Minsky system's can be huge).
std::uint64_t rogozhin_tape_cells(const tag_system& system, const std::vector<tag_letter>& order,
                                  const tag_word& word) {
  const std::vector<std::uint64_t> lengths = rogozhin_block_lengths(system, order);
  std::vector<std::uint64_t> length_of(system.letter_count(), 0);
  for (std::size_t i = 0; i < order.size(); ++i) length_of[order[i]] = lengths[i];
  const std::size_t n = order.size() - 1;
  const std::uint64_t n_last = lengths[n - 1];
  std::uint64_t cells = 2 + 1;  // `<b`, and the `b` after the productions
  for (std::size_t i = 0; i < n; ++i) {
    const tag_word& production = *system.productions[order[i]];
    cells += 2 + (n_last + 2) + 1 + (n_last - lengths[i]);
    for (std::size_t k = 2; k < production.size(); ++k) cells += length_of[production[k]] + 2;
  }
  for (tag_letter letter : word) cells += length_of[letter] + 1;
  return cells - 1;
}

}  // namespace

universal_tag_system prepare_for_universal(const tag_system& given) {
  universal_tag_system simulated;
  try {
    simulated.order = rogozhin_order(given);
    simulated.system = given;
    return simulated;
  } catch (const input_error&) {
    // Not in the form: normalised below.
  }
  rogozhin_normal_form form = normalize_for_rogozhin(given);
  simulated.system = form.system;
  simulated.order = form.order;
  simulated.normalization = std::move(form);
  return simulated;
}

universal_input universal_input_for(const universal_tag_system& simulated, const tag_word& given_word,
                                    std::uint64_t max_tape_cells) {
  universal_input input;
  input.word = simulated.normalization ? normal_initial_word(*simulated.normalization, given_word) : given_word;
  if (input.word.size() < 2) {
    throw input_error(fmt::format("the word has {} letter{}; the universal machine needs at least 2",
                                  input.word.size(), input.word.size() == 1 ? "" : "s"));
  }
  const std::uint64_t cells = rogozhin_tape_cells(simulated.system, simulated.order, input.word);
  if (cells > max_tape_cells) {
    throw limit_error(fmt::format("Rogozhin's tape would have {} cells, more than the limit of {}", cells,
                                  max_tape_cells));
  }
  input.tape = make_rogozhin_tape(simulated.system, simulated.order, input.word);
  input.binary_word = machine_code(rogozhin_machine()).encode(input.tape.cells);
  input.code = delta_encode(input.binary_word);
  return input;
}

tag_word universal_final_word(const universal_tag_system& simulated, const machine_configuration& final_configuration) {
  return decode_rogozhin_tape(simulated.system, simulated.order, final_configuration.tape);
}

tag_word given_letters(const universal_tag_system& simulated, const tag_word& simulated_word) {
  if (!simulated.normalization) return simulated_word;
  const rogozhin_normal_form& form = *simulated.normalization;
  tag_word given;
  for (tag_letter letter : without_padding(form, simulated_word)) given.push_back(form.original_letters[letter].front());
  return given;
}

universal_machine_input machine_for_universal(const turing_machine& machine) {
  universal_machine_input encoded{machine_to_tag(machine), {}, {}};
  encoded.simulated = prepare_for_universal(encoded.conversion.system);
  return encoded;
}

void set_machine_word(universal_machine_input& encoded, const turing_machine& machine, std::string_view word,
                      std::uint64_t max_tape_cells) {
  machine_code(machine).encode(word);  // only input symbols, as for a direct run
  encoded.input = universal_input_for(encoded.simulated, initial_tag_word(encoded.conversion, word), max_tape_cells);
}

universal_machine_input universal_input_for_machine(const turing_machine& machine, std::string_view word,
                                                    std::uint64_t max_tape_cells) {
  universal_machine_input encoded = machine_for_universal(machine);
  set_machine_word(encoded, machine, word, max_tape_cells);
  return encoded;
}

machine_tag_result universal_machine_result(const universal_machine_input& encoded,
                                            const machine_configuration& final_configuration) {
  // The tape holds w[2:] h for the halted word w = H x (u x)^m M x (v x)^k of
  // the Cocke–Minsky system (in the normal form's letters, with padding).
  // Its first two letters are always H and the filler x, and the rest never
  // starts with x, so w is H x followed by the tape's word without its last
  // letter, its padding and a filler left in front by the padding.
  tag_word rest = given_letters(encoded.simulated, universal_final_word(encoded.simulated, final_configuration));
  if (rest.empty()) throw input_error("the universal machine's tape holds no tag word");
  rest.pop_back();  // h
  const machine_tag_conversion& conversion = encoded.conversion;
  if (!rest.empty() && rest.front() == conversion.filler) rest.erase(rest.begin());
  tag_word halted{conversion.halt, conversion.filler};
  halted.insert(halted.end(), rest.begin(), rest.end());
  return decode_tag_word(conversion, halted, std::nullopt);
}

}  // namespace nnsim
