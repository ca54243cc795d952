// Rogozhin's form of 2-tag systems: the check says exactly what is wrong,
// and the normalisation of random systems reads the same letters of the
// original and halts exactly when the original reads a halting letter.
#include "nnsim/universal/rogozhin_form.hpp"
#include "nnsim/universal/tag_parser.hpp"
#include "nnsim/universal/tag_run.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace nnsim;

namespace {

tag_system system_of(std::string_view text) { return parse_tag_system(text, "t.tag"); }

std::string violation(std::string_view text, const std::vector<tag_letter>& order) {
  return rogozhin_form_violation(system_of(text), order).value_or("in the form");
}

std::string order_error_of(std::string_view text) {
  try {
    rogozhin_order(system_of(text));
  } catch (const input_error& error) {
    return error.what();
  }
  return "no error";
}

// The letters a run reads, one per step, by name.
std::vector<std::string> letters_read(const tag_system& system, const tag_word& word, const tag_run_limits& limits,
                                      std::optional<tag_letter> skipped = std::nullopt) {
  std::vector<std::string> read;
  run_tag_system(system, word, limits, [&](std::uint64_t, const tag_word& w) {
    if (w.size() >= 2 && !system.halts_on(w[0]) && w[0] != skipped) read.push_back(system.letters[w[0]]);
  });
  return read;
}

}  // namespace

TEST_CASE("the form check says why a system is not in Rogozhin's form", "[rogozhin]") {
  const char* const good = "a1 -> a3 a3 a2 a1 a4\na2 -> a3 a3 a1\na3 -> a3 a3\nhalt a4\n";
  CHECK(violation(good, {0, 1, 2, 3}) == "in the form");
  CHECK(violation(good, {1, 0, 2, 3}) == "in the form");  // a1 … a(n-1) in any order
  CHECK(violation(good, {0, 1, 3, 2}) == "the last letter 'a3' must be the halting letter a4, but it has a production");
  CHECK(violation(good, {0, 2, 1, 3}) ==
        "the production of a3 = 'a2' must be 'a2 a2' (an an), but it is 'a3 a3 a1'");
  CHECK(violation(good, {0, 1, 2}) == "the order lists 3 letters, but the tag system has 4");
  CHECK(violation(good, {0, 1, 1, 3}) == "the order lists letter 'a2' twice");
  CHECK(violation("a -> z z\nz -> z z\nhalt h\n", {0, 1, 2}) ==
        "the production of a1 = 'a' must be 'zz' followed by at least one letter (Bi is empty only for an)");
  CHECK(violation("a -> z a\nz -> z z\nhalt h\n", {0, 1, 2}) ==
        "the production of a1 = 'a' must start with 'zz' (an an), but it is 'za'");
  CHECK(violation("a ->\nz -> z z\nhalt h\n", {0, 1, 2}) ==
        "the production of a1 = 'a' must start with 'zz' (an an), but it is the empty word");
  CHECK(violation("z -> z z\nhalt h g\n", {0, 1, 2}) ==
        "letter 'h' (a2) halts, but only the last letter a3 may: Rogozhin's form has one halting letter");
  CHECK(violation("halt h\n", {0}) ==
        "Rogozhin's form needs at least two letters: a1 … an and the halting letter a(n+1)");

  CHECK(rogozhin_order(system_of("z -> z z\nhalt h\nb -> z z h\n")) == std::vector<tag_letter>{2, 0, 1});
  CHECK(order_error_of("tag two\nz -> z z\nhalt h g\n") ==
        "tag system two is not in Rogozhin's form: it needs exactly one halting letter, but has 2 (h, g)");
  CHECK(order_error_of("a -> b\nb -> a\nhalt h\n") ==
        "tag system t.tag is not in Rogozhin's form: the production of a2 = 'b' must be 'bb' (an an), but it is "
        "'a'");
}

TEST_CASE("normalisation adds the padding letter and merges the halting letters", "[rogozhin]") {
  const tag_system original = system_of("a -> b c\nb ->\nc -> a a a\nhalt e f\n");
  const rogozhin_normal_form form = normalize_for_rogozhin(original);
  const tag_system& s = form.system;
  CHECK(s.letters == std::vector<std::string>{"a", "b", "c", "z", "h"});
  CHECK(form.order == std::vector<tag_letter>{0, 1, 2, 3, 4});
  CHECK(form.padding == 3);
  CHECK(form.halting == 4);
  CHECK(s.word_text(*s.productions[0]) == "zzbc");
  CHECK(s.word_text(*s.productions[1]) == "zzzz");  // an empty production: Bi = z z
  CHECK(s.word_text(*s.productions[2]) == "zzaaa");
  CHECK(s.word_text(*s.productions[3]) == "zz");
  CHECK(s.halts_on(4));
  CHECK(form.original_letters == std::vector<std::vector<tag_letter>>{{0}, {1}, {2}, {}, {3, 4}});
  CHECK(form.normal_letter == std::vector<tag_letter>{0, 1, 2, 4, 4});
  CHECK_FALSE(rogozhin_form_violation(s, form.order));
  CHECK(rogozhin_order(s) == form.order);

  // Names already taken are avoided; one halting letter keeps its name.
  const rogozhin_normal_form renamed = normalize_for_rogozhin(system_of("z -> Z\nZ -> z y\ny -> z\nhalt stop\n"));
  CHECK(renamed.system.letters == std::vector<std::string>{"z", "Z", "y", "Y", "stop"});
  const rogozhin_normal_form no_halt = normalize_for_rogozhin(system_of("h -> h\n"));
  CHECK(no_halt.system.letters == std::vector<std::string>{"h", "z", "H"});
  CHECK(no_halt.original_letters.back().empty());

  CHECK(normal_initial_word(form, {0, 3}) == tag_word{0, 4});
  CHECK_THROWS_WITH(normal_initial_word(form, {0}), Catch::StartsWith("the initial word has 1 letter, but Rogozhin's form needs at least 2"));
  CHECK_THROWS_WITH(normal_initial_word(form, {}), Catch::StartsWith("the initial word has 0 letters"));
}

TEST_CASE("a normalised random system reads the original's letters and halts as it does", "[rogozhin]") {
  std::mt19937 random(168);
  int halting = 0, short_words = 0, others = 0;
  // The normal form needs more steps than the original: it also reads the
  // pairs z z, one more of which circulates after each step of the original.
  const tag_run_limits direct_limits{60, 100000};
  // When the original does not halt, a shorter run of the normal form
  // suffices to compare what both read.
  const tag_run_limits halting_normal_limits{20000, 100000};
  const tag_run_limits other_normal_limits{2000, 100000};
  for (int trial = 0; trial < 1500; ++trial) {
    tag_system original;
    const auto letters = std::uniform_int_distribution<int>(1, 5)(random);
    for (int i = 0; i < letters; ++i) original.intern_letter(std::string(1, static_cast<char>('a' + i)));
    for (int i = 0; i < letters; ++i) {
      if (std::uniform_int_distribution<int>(0, 4)(random) == 0) continue;  // a halting letter
      tag_word production(std::uniform_int_distribution<std::size_t>(0, 4)(random));
      for (auto& x : production) x = std::uniform_int_distribution<tag_letter>(0, letters - 1)(random);
      original.productions[i] = production;
    }
    tag_word word(std::uniform_int_distribution<std::size_t>(2, 6)(random));
    for (auto& x : word) x = std::uniform_int_distribution<tag_letter>(0, letters - 1)(random);

    const rogozhin_normal_form form = normalize_for_rogozhin(original);
    REQUIRE_FALSE(rogozhin_form_violation(form.system, form.order));
    const tag_word normal_word = normal_initial_word(form, word);
    const tag_run direct = run_tag_system(original, word, direct_limits);
    const tag_run_limits& normal_limits =
        direct.reason == tag_stop_reason::halting_letter ? halting_normal_limits : other_normal_limits;
    const tag_run normal = run_tag_system(form.system, normal_word, normal_limits);
    INFO("trial " << trial << ": word " << original.word_text(word));

    // The letters of the original read by each, by name (the merged halting
    // letter is never read by a step).
    const auto read_direct = letters_read(original, word, direct_limits);
    const auto read_normal = letters_read(form.system, normal_word, normal_limits, form.padding);
    if (direct.reason == tag_stop_reason::halting_letter) {
      ++halting;
      CHECK(normal.reason == tag_stop_reason::halting_letter);
      CHECK(read_normal == read_direct);
      CHECK(without_padding(form, normal.final_word) == normal_letters(form, direct.final_word));
    } else {
      // The original repeats a word, runs into the limit or halts on a
      // short word.  The normal form reads the same letters as far as both
      // go; after a repetition it never halts.  After a short word it may go
      // on and even halt: the original's last letter is still read, which is
      // why normal_initial_word asks for 2 letters and the documentation
      // states the condition.
      ++(direct.reason == tag_stop_reason::too_short ? short_words : others);
      if (direct.outcome == tag_outcome::runs_forever) CHECK(normal.outcome != tag_outcome::halted);
      const std::size_t common = std::min(read_direct.size(), read_normal.size());
      CHECK(std::vector<std::string>(read_direct.begin(), read_direct.begin() + common) ==
            std::vector<std::string>(read_normal.begin(), read_normal.begin() + common));
      if (direct.reason == tag_stop_reason::too_short) CHECK(read_normal.size() >= read_direct.size());
    }
  }
  CHECK(halting > 300);
  CHECK(short_words > 100);
  CHECK(others > 100);
}
