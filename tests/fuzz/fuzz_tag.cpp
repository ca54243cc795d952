// The `.tag` loader (docs/tag-systems.md).  Any text either loads or is
// refused with an input_error.  A system that loads runs for a few steps;
// its words read back as written; its normalisation is in Rogozhin's form;
// and a system in the form gives a tape that reads back as its word.
#include "fuzz_check.hpp"

#include "nnsim/universal/rogozhin_form.hpp"
#include "nnsim/universal/rogozhin_tape.hpp"
#include "nnsim/universal/tag_parser.hpp"
#include "nnsim/universal/tag_run.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nnsim;
  tag_system system;
  try {
    system = parse_tag_system(fuzz::as_text(data, size), "fuzz.tag");
  } catch (const input_error& e) {
    fuzz::check_diagnostic(e);
    return 0;
  }
  tag_word word;
  for (tag_letter x = 0; x < system.letter_count() && word.size() < 4; ++x) word.push_back(x);
  if (word.size() < 2) word.push_back(word.front());
  const tag_run run = run_tag_system(system, word, {64, 4096});
  fuzz::require(run.steps <= 64, "the tag system ran past its step limit");
  fuzz::require(run.final_word.size() <= 4096, "the word grew past its length limit");
  fuzz::require(parse_tag_word(system, system.word_text(run.final_word)) == run.final_word,
                "the final word does not read back as itself: " + system.word_text(run.final_word));

  const rogozhin_normal_form form = normalize_for_rogozhin(system);
  fuzz::require(!rogozhin_form_violation(form.system, form.order), "the normal form is not in Rogozhin's form");
  std::vector<tag_letter> order;
  try {
    order = rogozhin_order(system);
  } catch (const input_error&) {
    return 0;
  }
  // The initial tape's leftmost `c` follows the word's first letter.
  const rogozhin_tape tape = make_rogozhin_tape(system, order, word);
  fuzz::require(decode_rogozhin_tape(system, order, tape.cells) == tag_word(word.begin() + 1, word.end()),
                "the tape does not read back as the word");
  return 0;
}
