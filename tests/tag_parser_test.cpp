// The `.tag` loader and the words of --word: what a file means, and every
// refusal located at the token it is about.
#include "nnsim/universal/tag_parser.hpp"
#include "nnsim/universal/tag_system.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace nnsim;

namespace {

std::string error_of(std::string_view text) {
  try {
    parse_tag_system(text, "t.tag");
  } catch (const input_error& error) {
    return error.diagnostic();
  }
  return "no error";
}

std::string word_error_of(const tag_system& system, std::string_view text) {
  try {
    parse_tag_word(system, text);
  } catch (const input_error& error) {
    return error.what();
  }
  return "no error";
}

// The production of `letter` written out, or "halt".
std::string production_text(const tag_system& system, std::string_view letter) {
  const auto& p = system.productions.at(*system.letter_index(letter));
  return p ? "-> " + system.word_text(*p) : std::string("halt");
}

}  // namespace

TEST_CASE("a tag file is read into letters and productions", "[tag]") {
  const tag_system system = parse_tag_system(
      "# De Mol's system\n"
      "tag collatz   # a name\n"
      "a -> b c\n"
      "b -> a\r\n"
      "c -> a a a\n"
      "\n"
      "halt e\n",
      "t.tag");
  CHECK(system.name == "collatz");
  CHECK(system.source_name == "t.tag");
  CHECK(system.letters == std::vector<std::string>{"a", "b", "c", "e"});
  CHECK(system.productions[0] == tag_word{1, 2});
  CHECK(system.productions[1] == tag_word{0});
  CHECK(system.productions[2] == tag_word{0, 0, 0});
  CHECK_FALSE(system.productions[3].has_value());
  CHECK(system.halts_on(3));
  CHECK(system.has_one_character_letters());
  CHECK(system.word_text({1, 2, 0}) == "bca");
}

TEST_CASE("words are compact only when every letter is one character", "[tag]") {
  // Letters are defined by their productions and `halt`, wherever a line
  // uses them first; a production may be empty.
  const tag_system compact = parse_tag_system("\xEF\xBB\xBF" "a -> bca\nb ->\nc -> a bb\nhalt h\n", "t.tag");
  CHECK(compact.letters == std::vector<std::string>{"a", "b", "c", "h"});
  CHECK(production_text(compact, "a") == "-> bca");
  CHECK(production_text(compact, "b") == "-> ");
  CHECK(production_text(compact, "c") == "-> abb");
  CHECK(parse_tag_word(compact, "abc") == tag_word{0, 1, 2});
  CHECK(parse_tag_word(compact, " a b  ch ") == tag_word{0, 1, 2, 3});
  CHECK(parse_tag_word(compact, "").empty());

  const tag_system spaced = parse_tag_system("x1 -> x2 x2 halt\nx2 -> x1\nhalt -> x1 x1\nhalt stop\n", "t.tag");
  CHECK(spaced.letters == std::vector<std::string>{"x1", "x2", "halt", "stop"});
  CHECK_FALSE(spaced.has_one_character_letters());
  CHECK(production_text(spaced, "x1") == "-> x2 x2 halt");  // a letter may be named like a statement
  CHECK(production_text(spaced, "stop") == "halt");
  CHECK(parse_tag_word(spaced, "x1 stop x2") == tag_word{0, 3, 1});
  CHECK(spaced.word_text({0, 3, 1}) == "x1 stop x2");
}

TEST_CASE("tag files are checked with located errors", "[tag]") {
  CHECK(error_of("a -> b q\nb -> a\nhalt h\n") ==
        "t.tag:1:8: error: undefined letter 'q': give it a production 'q -> …' or list it after 'halt'\n"
        "  a -> b q\n         ^");
  // Compact: the column of the letter inside the word.
  CHECK(error_of("a -> bqa\nb -> a\n") ==
        "t.tag:1:7: error: undefined letter 'q': give it a production 'q -> …' or list it after 'halt'\n"
        "  a -> bqa\n        ^");
  CHECK(error_of("start -> stop strat\nstop -> start\n") ==
        "t.tag:1:15: error: undefined letter 'strat': give it a production 'strat -> …' or list it after 'halt'; "
        "did you mean 'start'?\n  start -> stop strat\n                ^");
  CHECK(error_of("a -> a\nhalt q\nb -> a\na -> b\n") ==
        "t.tag:4:1: error: a second production for letter 'a' (the first is on line 1)\n  a -> b\n  ^");
  CHECK(error_of("a -> a\nhalt a\n") ==
        "t.tag:2:6: error: letter 'a' has a production (line 1), so it cannot halt\n  halt a\n       ^");
  CHECK(error_of("halt a\na -> a\n") ==
        "t.tag:2:1: error: letter 'a' halts (line 1), so it cannot have a production\n  a -> a\n  ^");
  CHECK(error_of("halt a b a\n") ==
        "t.tag:1:10: error: letter 'a' is listed as halting twice (first on line 1)\n  halt a b a\n           ^");
  CHECK(error_of("1a -> a\n").find("t.tag:1:1: error: invalid letter name '1a'") == 0);
  CHECK(error_of("a -> a\ntag t\n") == "t.tag:2:1: error: 'tag' must come before any other statement\n  tag t\n  ^");
  CHECK(error_of("tag t\ntag u\n") == "t.tag:2:1: error: 'tag' is given more than once\n  tag u\n  ^");
  CHECK(error_of("tag t u\n") == "t.tag:1:7: error: unexpected 'u' after 'tag NAME'\n  tag t u\n        ^");
  CHECK(error_of("halt\n") == "t.tag:1:5: error: expected the halting letters after 'halt'\n  halt\n      ^");
  CHECK(error_of("hlat e\n") ==
        "t.tag:1:1: error: unknown statement 'hlat'; did you mean 'halt'?; expected 'LETTER -> WORD', "
        "'halt LETTERS' or 'tag NAME'\n  hlat e\n  ^");
  CHECK(error_of("a->b\n") ==
        "t.tag:1:2: error: write '->' with a space on each side: 'LETTER -> WORD'\n  a->b\n   ^");
  CHECK(error_of("a b -> c\n") == "t.tag:1:1: error: expected a production 'LETTER -> WORD'\n  a b -> c\n  ^");
  CHECK(error_of("a \xE2\x86\x92 b\n").find("t.tag:1:3: error: '→' (U+2192 RIGHTWARDS ARROW) is not ASCII '->'") ==
        0);
  CHECK(error_of("# nothing\n") ==
        "t.tag:1:1: error: no letters: expected productions 'LETTER -> WORD' and halting letters 'halt LETTERS'\n"
        "  # nothing\n  ^");
  CHECK(error_of("") ==
        "t.tag:1:1: error: no letters: expected productions 'LETTER -> WORD' and halting letters 'halt LETTERS'");
}

TEST_CASE("a word on the command line is refused at its column", "[tag]") {
  const tag_system compact = parse_tag_system("a -> bc\nb -> a\nc -> aaa\nhalt e\n", "t.tag");
  CHECK(word_error_of(compact, "ab qa") ==
        "invalid --word 'ab qa': undefined letter 'q': give it a production 'q -> …' or list it after 'halt' "
        "(at column 4)");
  CHECK(word_error_of(compact, "a-b") == "invalid --word 'a-b': invalid letter '-': a letter is an identifier (at column 2)");
  CHECK(word_error_of(compact, "a\xC2\xA0" "b").find("invalid --word") == 0);
  CHECK(word_error_of(compact, "a\xC2\xA0" "b").find("NO-BREAK SPACE") != std::string::npos);
  CHECK(word_error_of(compact, "a\xC2\xA0" "b").find("(at column 2)") != std::string::npos);

  const tag_system spaced = parse_tag_system("one -> two\ntwo -> one one\n", "t.tag");
  CHECK(word_error_of(spaced, "one twoo") ==
        "invalid --word 'one twoo': undefined letter 'twoo': give it a production 'twoo -> …' or list it after "
        "'halt'; did you mean 'two'? (at column 5)");
  CHECK(word_error_of(spaced, "onetwo").find("undefined letter 'onetwo'") != std::string::npos);
  CHECK_THROWS_WITH(parse_tag_word(spaced, "x", "--tag-word"), Catch::StartsWith("invalid --tag-word 'x': "));
}
