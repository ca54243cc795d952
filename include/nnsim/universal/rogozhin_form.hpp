// The form of 2-tag system that Rogozhin's universal Turing machine UTM(4,6)
// simulates (Y. Rogozhin, "Small universal Turing machines", Theoretical
// Computer Science 168(2), 1996): letters a1 … an and one halting letter
// a(n+1), with productions P(ai) = an an Bi, Bi nonempty for i < n, and
// P(an) = an an.  And the normalisation of any 2-tag system into that form
// (docs/tag-systems.md, "Rogozhin's form").
#pragma once

#include "nnsim/universal/tag_system.hpp"

#include <optional>
#include <string>
#include <vector>

namespace nnsim {

// Why `system`, with its letters in the order a1 … a(n+1) given by `order`
// (letter indices of `system`), is not in Rogozhin's form; nothing when it is.
std::optional<std::string> rogozhin_form_violation(const tag_system& system, const std::vector<tag_letter>& order);

// The order a1 … a(n+1) in which `system` is in Rogozhin's form: a(n+1) its
// one halting letter, an the letter every production starts with twice,
// a1 … a(n-1) the other letters in the system's order (any order of them
// would do; it only changes the block lengths N).  Throws input_error,
// saying why, when the system is not in the form.
std::vector<tag_letter> rogozhin_order(const tag_system& system);

// A 2-tag system brought into Rogozhin's form, and the way back.
struct rogozhin_normal_form {
  tag_system system;               // in Rogozhin's form, its letters already in the order a1 … a(n+1)
  std::vector<tag_letter> order;   // 0, 1, …, n: a1 … a(n+1) of `system`
  tag_letter padding = 0;          // z = an, P(z) = z z
  tag_letter halting = 0;          // a(n+1), every halting letter of the original merged into one
  // By letter of `system`: the letters of the original it stands for: one
  // for a letter with a production, every halting letter of the original
  // for `halting`, none for `padding`.
  std::vector<std::vector<tag_letter>> original_letters;
  // By letter of the original: the letter of `system` that stands for it.
  std::vector<tag_letter> normal_letter;
};

// Brings `original` into Rogozhin's form: a new letter z with P(z) = z z;
// every production P(x) becomes z z P(x), an empty one z z z z (Bi must not
// be empty); all halting letters become one.  A pair z z has even length,
// so every letter of the original is read exactly when the original reads it
// and the pairs only circulate: the normal form reads the same sequence of
// original letters and halts exactly when the original reads a halting
// letter.  Faithful as long as the original never halts on a word shorter
// than 2 letters (no word of the normal form gets shorter: each step deletes
// two letters and appends at least two), so initial words must have at least
// two letters (normal_initial_word checks).
rogozhin_normal_form normalize_for_rogozhin(const tag_system& original);

// The word of the original written with the normal form's letters.
tag_word normal_letters(const rogozhin_normal_form& form, const tag_word& original_word);
// The same for an initial word, which must have at least two letters
// (input_error otherwise, saying why).
tag_word normal_initial_word(const rogozhin_normal_form& form, const tag_word& original_word);
// A word of the normal form without its padding letters z: when the normal
// form halts, this is normal_letters of the original's final word.
tag_word without_padding(const rogozhin_normal_form& form, const tag_word& normal_word);

}  // namespace nnsim
