// Tests of the "did you mean" suggestions (support/spelling_suggestion.hpp).
#include "support/spelling_suggestion.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <string_view>

using namespace nnsim;

TEST_CASE("the spelling distance counts edits, a swap as one, and ignores ASCII case", "[suggestion]") {
  CHECK(spelling_distance("step", "step") == 0);
  CHECK(spelling_distance("ReLU", "relu") == 0);
  CHECK(spelling_distance("stp", "step") == 1);     // a letter left out
  CHECK(spelling_distance("steps", "step") == 1);   // one too many
  CHECK(spelling_distance("stap", "step") == 1);    // one replaced
  CHECK(spelling_distance("stpe", "step") == 1);    // two swapped
  CHECK(spelling_distance("tarce", "trace") == 1);
  CHECK(spelling_distance("sat", "max") == 2);
  CHECK(spelling_distance("", "id") == 2);
  // Lengths far apart are not compared letter by letter.
  CHECK(spelling_distance("sigmoid", "id") == 5);
  CHECK(spelling_distance(std::string(100000, 'x'), "step") == 99996);
}

TEST_CASE("the closest name, within two edits and fewer edits than letters", "[suggestion]") {
  constexpr std::array<std::string_view, 7> activations{"step", "sign", "sat", "relu", "id", "logistic", "tanh"};
  CHECK(closest_spelling("stpe", activations) == "step");
  CHECK(closest_spelling("Sat", activations) == "sat");
  CHECK(closest_spelling("tahn", activations) == "tanh");
  CHECK(closest_spelling("sgin", activations) == "sign");
  // The first of equally close ones.
  CHECK(closest_spelling("sin", activations) == "sign");
  // Nothing for a word that every short name is as close to as it is long.
  CHECK(!closest_spelling("x", activations));
  CHECK(!closest_spelling("ab", activations));
  CHECK(!closest_spelling("sigmoid", activations));
  CHECK(!closest_spelling("", activations));
  // An abbreviation of one name only.
  CHECK(closest_spelling("logi", activations) == "logistic");
  constexpr std::array<std::string_view, 3> commands{"recognize", "run", "trace"};
  CHECK(closest_spelling("recog", commands) == "recognize");
  constexpr std::array<std::string_view, 2> two{"separable", "sequential"};
  CHECK(closest_spelling("seq", two) == "sequential");
  CHECK(closest_spelling("sep", two) == "separable");
  constexpr std::array<std::string_view, 2> ambiguous{"parallel", "parity"};
  CHECK(closest_spelling("pari", ambiguous) == "parity");  // two edits from "parity"
  CHECK(!closest_spelling("par", ambiguous));            // a prefix of both
  CHECK(!closest_spelling("pa", ambiguous));             // too short to be an abbreviation
}

TEST_CASE("did you mean", "[suggestion]") {
  constexpr std::array<std::string_view, 3> rules{"parallel", "sequential", "layered"};
  CHECK(did_you_mean("paralel", rules) == "; did you mean 'parallel'?");
  CHECK(did_you_mean("Layered", rules) == "; did you mean 'layered'?");
  CHECK(did_you_mean("chaotic", rules).empty());
}
