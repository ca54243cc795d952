// Suggestions for a misspelt name: of the names a list allows (activations,
// rules, number modes, gates, commands, options), the one closest to what was
// written, for the "; did you mean 'step'?" of a message.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace nnsim {

// A typo is at most this many edits away from the name meant.
inline constexpr std::size_t max_spelling_distance = 2;
// An abbreviation is suggested what it abbreviates from this length on.
inline constexpr std::size_t min_prefix_length = 3;

// The number of edits that turn `a` into `b`: inserting, deleting or
// replacing a letter, or swapping two neighbouring letters (the optimal
// string alignment distance), with ASCII case ignored, so that `ReLU` is 0
// edits from `relu`.  Words whose lengths differ by more than
// max_spelling_distance are not compared letter by letter: their distance is
// reported as that difference.
std::size_t spelling_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` (the first of equally close ones), if it
// is at most max_spelling_distance edits away and fewer edits than `word`
// has letters (so that `x` suggests nothing rather than any two-letter name).
// Unless one is a single edit away, the only candidate that starts with
// `word` comes first, if `word` has at least min_prefix_length letters
// (`perc` for `perceptron`, `par` for `parity` rather than `or`).
std::optional<std::string_view> closest_spelling(std::string_view word, std::span<const std::string_view> candidates);

// "; did you mean 'step'?" for the closest candidate, or "" when none is
// close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace nnsim
