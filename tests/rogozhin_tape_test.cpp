// Rogozhin's tape against Rogozhin's machine: the table of UTM(4,6)
// (Y. Rogozhin, "Small universal Turing machines", TCS 168, 1996), written
// here independently of nnsim's machines, runs the tape of a tag system, and
// the word read back from its final tape is compared with the direct run of
// the tag system.  The paper's example (517 transitions) and the larger one
// (124,767) are checked by their transition counts.
#include "nnsim/universal/rogozhin_form.hpp"
#include "nnsim/universal/rogozhin_tape.hpp"
#include "nnsim/universal/tag_parser.hpp"
#include "nnsim/universal/tag_run.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <random>

using namespace nnsim;

namespace {

// UTM(4,6): (state, read) -> (write, move, next).  State 3 reading '<' is the
// halt; state 4 reading '<' is undefined.
struct utm_entry {
  char write;
  char move;
  int next;
};
const std::map<std::pair<int, char>, utm_entry> utm_table{
    {{1, '0'}, {'<', 'L', 1}}, {{1, '1'}, {'<', 'L', 1}}, {{1, 'b'}, {'>', 'R', 1}},
    {{1, '<'}, {'0', 'R', 1}}, {{1, '>'}, {'b', 'L', 1}}, {{1, 'c'}, {'0', 'R', 4}},
    {{2, '0'}, {'1', 'L', 2}}, {{2, '1'}, {'0', 'R', 2}}, {{2, 'b'}, {'>', 'L', 3}},
    {{2, '<'}, {'>', 'L', 2}}, {{2, '>'}, {'<', 'R', 2}}, {{2, 'c'}, {'b', 'R', 2}},
    {{3, '0'}, {'c', 'R', 1}}, {{3, '1'}, {'1', 'R', 3}}, {{3, 'b'}, {'<', 'R', 4}},
    {{3, '>'}, {'b', 'R', 3}}, {{3, 'c'}, {'1', 'R', 1}},
    {{4, '0'}, {'c', 'L', 2}}, {{4, '1'}, {'0', 'R', 4}}, {{4, 'b'}, {'c', 'L', 2}},
    {{4, '>'}, {'<', 'R', 4}}, {{4, 'c'}, {'b', 'R', 4}},
};

struct utm_result {
  bool stopped = false;  // no entry applies (within the limit)
  int state = 1;
  char symbol = '0';
  std::uint64_t steps = 0;
  std::string tape;      // without blanks at either end
};

utm_result run_utm(const rogozhin_tape& start, std::uint64_t limit) {
  // A fast table: entries by state and symbol.
  const std::string symbols = "01b<>c";
  utm_entry table[5][6];
  bool defined[5][6] = {};
  for (const auto& [key, entry] : utm_table) {
    const auto s = symbols.find(key.second);
    table[key.first][s] = entry;
    defined[key.first][s] = true;
  }
  std::vector<std::uint8_t> cells;
  for (char c : start.cells) cells.push_back(static_cast<std::uint8_t>(symbols.find(c)));
  std::size_t head = start.head;
  utm_result result;
  for (;;) {
    const std::uint8_t read = cells[head];
    if (!defined[result.state][read]) {
      result.stopped = true;
      result.symbol = symbols[read];
      break;
    }
    if (result.steps == limit) break;
    const utm_entry& e = table[result.state][read];
    cells[head] = static_cast<std::uint8_t>(symbols.find(e.write));
    result.state = e.next;
    ++result.steps;
    if (e.move == 'R') {
      if (++head == cells.size()) cells.push_back(0);
    } else if (head == 0) {
      cells.insert(cells.begin(), 0);
    } else {
      --head;
    }
  }
  for (const std::uint8_t c : cells) result.tape += symbols[c];
  const auto first = result.tape.find_first_not_of('0');
  const auto last = result.tape.find_last_not_of('0');
  result.tape = first == std::string::npos ? "" : result.tape.substr(first, last - first + 1);
  return result;
}

std::string decode_error_of(const tag_system& system, const std::vector<tag_letter>& order, std::string_view tape) {
  try {
    decode_rogozhin_tape(system, order, tape);
  } catch (const input_error& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the tape of Rogozhin's example halts after 517 transitions", "[rogozhin]") {
  const tag_system system = parse_tag_system("a1 -> a1 a1\nhalt a2\n", "t.tag");
  const std::vector<tag_letter> order = rogozhin_order(system);
  CHECK(order == std::vector<tag_letter>{0, 1});
  CHECK(rogozhin_block_lengths(system, order) == std::vector<std::uint64_t>{1, 5});  // N(a2) = 1 + 2 |P(a1)|
  const tag_word word{0, 0, 1};
  const rogozhin_tape tape = make_rogozhin_tape(system, order, word);
  // `< b`, then P(a1): b1, (B1 empty), b 1^N(a1) b, b 1^(N(a1) - N(a1)); one b; 1 c 1 c 11111.
  CHECK(tape.cells == "<bb1b1bbb1c1c11111");
  CHECK(tape.head == 9);

  const utm_result machine = run_utm(tape, 10000);
  CHECK(machine.stopped);
  CHECK(machine.state == 3);
  CHECK(machine.symbol == '<');
  CHECK(machine.steps == 517);
  CHECK(machine.tape == "<>>1>1>>>11111111111c1c11111");
  // The tag system: a1 a1 a2 -> a2 a1 a1, which starts with the halting letter.
  const tag_run run = run_tag_system(system, word);
  CHECK(run.final_word == tag_word{1, 0, 0});
  CHECK(rogozhin_final_word(system, run.final_word) == tag_word{0, 1});
  CHECK(decode_rogozhin_tape(system, order, machine.tape) == tag_word{0, 1});
}

TEST_CASE("the tape of Rogozhin's larger example halts after 124,767 transitions", "[rogozhin]") {
  const tag_system system =
      parse_tag_system("a1 -> a3 a3 a2 a1 a4\na2 -> a3 a3 a1\na3 -> a3 a3\nhalt a4\n", "t.tag");
  const std::vector<tag_letter> order = rogozhin_order(system);
  CHECK(order == std::vector<tag_letter>{0, 1, 2, 3});
  // |P(a1)| = 5, |P(a2)| = 3, |P(a3)| = 2: N = 1, 1 + 10, 1 + 16, 1 + 20.
  CHECK(rogozhin_block_lengths(system, order) == std::vector<std::uint64_t>{1, 11, 17, 21});
  const tag_word word{1, 0, 0};
  const rogozhin_tape tape = make_rogozhin_tape(system, order, word);
  const std::string ones_17(17, '1');
  const std::string ones_11(11, '1');
  CHECK(tape.cells == "<b"
                      "b1" + ("b" + ones_17 + "b") + "b" +                                                  // P(a3)
                      "b1" + ("b1b") + ("b" + ones_17 + "b") + ("b" + std::string(6, '1')) +                // P(a2)
                      "b1" + ("b" + std::string(21, '1') + "b") + "b1b" + ("b" + ones_11 + "b") +           // P(a1): a4 a1 a2
                      ("b" + ones_17 + "b") + ("b" + std::string(16, '1')) +                                // an, padding
                      "b" + ones_11 + "c1c1");
  const utm_result machine = run_utm(tape, 1000000);
  CHECK(machine.stopped);
  CHECK(machine.state == 3);
  CHECK(machine.symbol == '<');
  CHECK(machine.steps == 124767);
  const tag_run run = run_tag_system(system, word);
  REQUIRE(run.reason == tag_stop_reason::halting_letter);
  CHECK(decode_rogozhin_tape(system, order, machine.tape) == rogozhin_final_word(system, run.final_word));
}

TEST_CASE("random systems in Rogozhin's form leave their final word on the machine's tape", "[rogozhin]") {
  std::mt19937 random(1996);
  int compared = 0;
  for (int trial = 0; trial < 400; ++trial) {
    // a1 … an, a(n+1) = halting; P(ai) = an an Bi with 1 to 3 random letters.
    const auto n = std::uniform_int_distribution<tag_letter>(1, 4)(random);
    tag_system system;
    for (tag_letter i = 0; i <= n; ++i) system.intern_letter("a" + std::to_string(i + 1));
    auto any_letter = std::uniform_int_distribution<tag_letter>(0, n);
    for (tag_letter i = 0; i < n; ++i) {
      tag_word p{n - 1, n - 1};
      if (i + 1 < n) {
        const auto extra = std::uniform_int_distribution<int>(1, 3)(random);
        for (int k = 0; k < extra; ++k) p.push_back(any_letter(random));
      }
      system.productions[i] = p;
    }
    tag_word word(std::uniform_int_distribution<std::size_t>(2, 5)(random));
    for (auto& x : word) x = any_letter(random);
    const tag_run run = run_tag_system(system, word, {200, 100000});
    if (run.outcome != tag_outcome::halted) continue;
    REQUIRE(run.reason == tag_stop_reason::halting_letter);  // words never shrink in this form
    const std::vector<tag_letter> order = rogozhin_order(system);
    const utm_result machine = run_utm(make_rogozhin_tape(system, order, word), 20000000);
    INFO("trial " << trial << ": word " << system.word_text(word));
    REQUIRE(machine.stopped);
    CHECK(machine.state == 3);
    CHECK(machine.symbol == '<');
    CHECK(decode_rogozhin_tape(system, order, machine.tape) == rogozhin_final_word(system, run.final_word));
    ++compared;
  }
  CHECK(compared > 150);
}

TEST_CASE("a normalised system runs on Rogozhin's machine as the original halts", "[rogozhin]") {
  // De Mol's Collatz system with a halting letter e at the end of P(c):
  // from aaa it halts after 5 steps on eaaaebc (worked out by hand: abc,
  // cbc, caaae, aaeaaae, eaaaebc).
  const tag_system original = parse_tag_system("a -> b c\nb -> a\nc -> a a a e\nhalt e\n", "t.tag");
  const rogozhin_normal_form form = normalize_for_rogozhin(original);
  const tag_word word{0, 0, 0};
  const tag_run direct = run_tag_system(original, word);
  REQUIRE(direct.reason == tag_stop_reason::halting_letter);
  CHECK(direct.steps == 5);
  CHECK(original.word_text(direct.final_word) == "eaaaebc");
  const tag_word normal_word = normal_initial_word(form, word);
  const tag_run normal = run_tag_system(form.system, normal_word);
  REQUIRE(normal.reason == tag_stop_reason::halting_letter);
  CHECK(without_padding(form, normal.final_word) == normal_letters(form, direct.final_word));
  const utm_result machine = run_utm(make_rogozhin_tape(form.system, form.order, normal_word), 50000000);
  REQUIRE(machine.stopped);
  CHECK(machine.state == 3);
  CHECK(decode_rogozhin_tape(form.system, form.order, machine.tape) == rogozhin_final_word(form.system, normal.final_word));
}

TEST_CASE("random systems, normalised, halt on Rogozhin's machine with the original's final word", "[rogozhin]") {
  std::mt19937 random(4 * 6);
  int compared = 0;
  for (int trial = 0; trial < 300; ++trial) {
    tag_system original;
    const auto letters = std::uniform_int_distribution<int>(2, 4)(random);
    for (int i = 0; i < letters; ++i) original.intern_letter(std::string(1, static_cast<char>('a' + i)));
    for (int i = 0; i + 1 < letters; ++i) {  // the last letter halts
      tag_word production(std::uniform_int_distribution<std::size_t>(0, 3)(random));
      for (auto& x : production) x = std::uniform_int_distribution<tag_letter>(0, letters - 1)(random);
      original.productions[i] = production;
    }
    tag_word word(std::uniform_int_distribution<std::size_t>(2, 4)(random));
    for (auto& x : word) x = std::uniform_int_distribution<tag_letter>(0, letters - 1)(random);
    const tag_run direct = run_tag_system(original, word, {30, 1000});
    if (direct.reason != tag_stop_reason::halting_letter) continue;
    const rogozhin_normal_form form = normalize_for_rogozhin(original);
    const tag_word normal_word = normal_initial_word(form, word);
    const tag_run normal = run_tag_system(form.system, normal_word, {100000, 100000});
    REQUIRE(normal.reason == tag_stop_reason::halting_letter);
    INFO("trial " << trial << ": word " << original.word_text(word));
    const utm_result machine = run_utm(make_rogozhin_tape(form.system, form.order, normal_word), 50000000);
    REQUIRE(machine.stopped);
    CHECK(machine.state == 3);
    CHECK(machine.symbol == '<');
    const tag_word on_tape = decode_rogozhin_tape(form.system, form.order, machine.tape);
    CHECK(on_tape == rogozhin_final_word(form.system, normal.final_word));
    // The normal form's final word is the original's with pairs z z among
    // its letters.  (The tape is not the original's final word moved by
    // rogozhin_final_word: the letter the machine deletes after the halting
    // letter may be a z.)
    CHECK(without_padding(form, normal.final_word) == normal_letters(form, direct.final_word));
    ++compared;
  }
  CHECK(compared > 50);
}

TEST_CASE("a tape that holds no tag word is refused with the cell", "[rogozhin]") {
  const tag_system system = parse_tag_system("a1 -> a1 a1\nhalt a2\n", "t.tag");
  const std::vector<tag_letter> order{0, 1};
  CHECK(decode_rogozhin_tape(system, order, "<>>c1c1111100") == tag_word{0, 1});
  CHECK(decode_rogozhin_tape(system, order, "1c").empty());
  CHECK(decode_error_of(system, order, "<b11") == "the tape holds no 'c', so no tag word");
  CHECK(decode_error_of(system, order, "<c1c11") ==
        "the block of 2 1s at cell 4 is no letter; the letters' blocks have lengths 1 (a1), 5 (a2)");
  CHECK(decode_error_of(system, order, "<c1b1") ==
        "cell 3 of the tape holds 'b', but right of the first 'c' (cell 1) only blocks of 1s separated by 'c' may "
        "stand");
  CHECK(decode_error_of(system, order, "<c1cc1") == "the tape has an empty block at cell 4: a letter is a block of 1s");
  CHECK(decode_error_of(system, order, "c1c") == "the tape has an empty block at cell 3: a letter is a block of 1s");
  CHECK_THROWS_WITH(make_rogozhin_tape(system, order, {0}),
                    "the word has 1 letter; Rogozhin's tape needs at least 2");
  CHECK_THROWS_WITH(rogozhin_final_word(system, {0, 1}), Catch::StartsWith("'a1 a2' is not a word"));
  const tag_system not_in_form = parse_tag_system("a -> a b\nhalt b\n", "t.tag");
  CHECK_THROWS_WITH(make_rogozhin_tape(not_in_form, {0, 1}, {0, 0}),
                    "tag system t.tag is not in Rogozhin's form: the production of a1 = 'a' must be 'aa' (an an), "
                    "but it is 'ab'");
}
