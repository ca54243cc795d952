// The Cocke–Minsky construction; machine_to_tag.hpp explains the passes.
// Reproduced from M. Minsky, Computation: Finite and Infinite Machines
// (1967), section 14.6, with the left move's halving done in two passes of
// phase-selected letter pairs, so that every pass whose word may have odd
// length is followed by one whose letters know the phase.
#include "nnsim/universal/machine_to_tag.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace nnsim {

namespace {

using role = machine_tag_letter_role;

class tag_builder {
 public:
  explicit tag_builder(machine_tag_conversion& c) : c_(c) {}

  tag_letter letter(const std::string& name, role r) {
    if (c_.system.letter_index(name)) throw std::logic_error("two letters named " + name);
    const tag_letter l = c_.system.intern_letter(name);
    c_.roles.push_back(r);
    return l;
  }
  void produce(tag_letter l, tag_word production) { c_.system.productions[l] = std::move(production); }

 private:
  machine_tag_conversion& c_;
};

tag_word repeated(const tag_word& part, std::size_t times) {
  tag_word w;
  for (std::size_t i = 0; i < times; ++i) w.insert(w.end(), part.begin(), part.end());
  return w;
}

tag_word joined(tag_word a, const tag_word& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

machine_tag_conversion machine_to_tag(const turing_machine& machine) {
  machine_tag_conversion c;
  c.binary = to_binary_tape_machine(machine);
  const turing_machine& b = c.binary.machine;
  c.system.name = (machine.name.empty() ? std::string("machine") : machine.name) + "_tag";
  tag_builder t(c);
  const tag_letter x = c.filler = t.letter("x", {role::kind::filler});
  c.halt = t.letter("H", {role::kind::halt});
  c.halted_left = t.letter("u", {role::kind::halted_left});
  c.halted_right = t.letter("v", {role::kind::halted_right});
  // The filler is never read; should it be, its production keeps the word
  // from shrinking rather than halting with a wrong answer.
  t.produce(x, {x, x});
  t.produce(c.halted_left, {x, x});
  t.produce(c.halted_right, {x, x});

  const std::size_t states = b.state_count();
  c.first_letters.resize(states);
  c.left_letters.resize(states);
  c.marker_letters.resize(states);
  c.right_letters.resize(states);
  for (std::uint32_t q = 0; q < states; ++q) {
    const std::string& name = b.states[q];
    if (b.halts_in(q)) {
      c.first_letters[q] = c.halt;
      c.left_letters[q] = c.halted_left;
      c.marker_letters[q] = t.letter("M." + name, {role::kind::halted_in_state, q});
      c.right_letters[q] = c.halted_right;
      t.produce(c.marker_letters[q], {x, x});
    } else {
      c.first_letters[q] = t.letter("A." + name, {role::kind::configuration, q});
      c.left_letters[q] = t.letter("a." + name, {role::kind::pass, q});
      c.marker_letters[q] = t.letter("B." + name, {role::kind::pass, q});
      c.right_letters[q] = t.letter("b." + name, {role::kind::pass, q});
    }
  }

  // Passes 4 and 5 of a left move depend only on the state it goes to and
  // the bit it writes, so the transitions that share both share letters.
  struct left_move_letters {
    tag_letter E, e, G[2], g[2];
  };
  std::map<std::pair<std::uint32_t, std::uint32_t>, left_move_letters> left_moves;
  const auto left_move = [&](std::uint32_t next, std::uint32_t written) -> const left_move_letters& {
    if (const auto it = left_moves.find({next, written}); it != left_moves.end()) return it->second;
    const std::string& name = b.states[next];
    const auto letter = [&](std::string_view family) {
      return t.letter(fmt::format("{}.{}.{}", family, name, written), {role::kind::pass, next, written});
    };
    const tag_letter A2 = c.first_letters[next], a2 = c.left_letters[next];
    const tag_letter B2 = c.marker_letters[next], b2 = c.right_letters[next];
    left_move_letters l{letter("E"), letter("e"), {letter("G0"), letter("G1")}, {letter("g0"), letter("g1")}};
    const tag_letter H[2] = {letter("H0"), letter("H1")}, h[2] = {letter("h0"), letter("h1")};
    const tag_letter J[2] = {letter("J0"), letter("J1")}, j = letter("j");
    // Pass 4: its word E e^m G1 G0 (g1 g0)^k has odd length iff m is even.
    t.produce(l.E, {H[1], H[0]});
    t.produce(l.e, {h[1], h[0]});
    t.produce(j, repeated({b2, x}, 4));
    for (std::uint32_t p : {0U, 1U}) {
      t.produce(l.G[p], {J[p], J[p]});
      t.produce(l.g[p], {j, j});
      // Pass 5 reads the letters of index p; for p = 0 its word has odd
      // length, and H0's production loses its first letter.
      t.produce(H[p], joined(p == 0 ? tag_word{x} : tag_word{}, {A2, x}));
      t.produce(h[p], {a2, x});
      t.produce(J[p], joined({B2, x}, repeated({b2, x}, 2 * written + p)));
    }
    return left_moves.emplace(std::make_pair(next, written), l).first->second;
  };

  for (std::uint32_t q = 0; q < states; ++q) {
    if (b.halts_in(q)) continue;
    const std::string& name = b.states[q];
    const auto pass_letter = [&](std::string_view family) {
      return t.letter(fmt::format("{}.{}", family, name), {role::kind::pass, q, 0});
    };
    const auto step_letter = [&](std::string_view family, std::uint32_t bit) {
      return t.letter(fmt::format("{}.{}.{}", family, name, bit), {role::kind::pass, q, bit});
    };
    // Pass 1: the b's lose their fillers.
    const tag_letter C = pass_letter("C"), cc = pass_letter("c"), S = pass_letter("S"), s = pass_letter("s");
    t.produce(c.first_letters[q], {C, x});
    t.produce(c.left_letters[q], {cc, x});
    t.produce(c.marker_letters[q], {S});
    t.produce(c.right_letters[q], {s});
    // Pass 2: every letter becomes the pair (bit 1, bit 0); the parity of n
    // picks which of each pair pass 3 reads.
    tag_letter D[2], d[2], T[2], tt[2];
    for (std::uint32_t r : {1U, 0U}) {
      D[r] = step_letter("D", r);
      d[r] = step_letter("d", r);
      T[r] = step_letter("T", r);
      tt[r] = step_letter("t", r);
    }
    t.produce(C, {D[1], D[0]});
    t.produce(cc, {d[1], d[0]});
    t.produce(S, {T[1], T[0]});
    t.produce(s, {tt[1], tt[0]});
    // Pass 3: the transition on bit r.
    for (std::uint32_t r : {0U, 1U}) {
      // For r = 0 pass 3's word has odd length: its last read letter
      // deletes the first letter of D's production.
      const tag_word lost = r == 0 ? tag_word{x} : tag_word{};
      const auto& transition = b.transition(q, r);
      if (!transition) {
        const tag_letter stuck = t.letter(fmt::format("M.{}.{}", name, r), {role::kind::stuck, q, r});
        t.produce(stuck, {x, x});
        t.produce(D[r], joined(lost, {c.halt, x}));
        t.produce(d[r], {c.halted_left, x});
        t.produce(T[r], {stuck, x});
        t.produce(tt[r], {c.halted_right, x});
        continue;
      }
      if (transition->move == head_move::stay) throw std::logic_error("a binary machine's step that stays");
      const std::uint32_t next = transition->next_state;
      const std::size_t written = transition->write;  // symbol 1 is '1'
      const tag_letter A2 = c.first_letters[next], a2 = c.left_letters[next];
      const tag_letter B2 = c.marker_letters[next], b2 = c.right_letters[next];
      if (transition->move == head_move::right) {
        // m' = 2m + s, n' = n div 2.
        t.produce(D[r], joined(lost, joined({A2, x}, repeated({a2, x}, written))));
        t.produce(d[r], {a2, x, a2, x});
        t.produce(T[r], {B2, x});
        t.produce(tt[r], {b2, x});
        continue;
      }
      // m' = m div 2, n' = 4 (n div 2) + 2s + (m mod 2): pass 4 halves the
      // e's and shows m mod 2 as the phase of the G and g pairs.
      const left_move_letters& left = left_move(next, static_cast<std::uint32_t>(written));
      t.produce(D[r], joined(lost, {left.E}));
      t.produce(d[r], {left.e});
      t.produce(T[r], {left.G[1], left.G[0]});
      t.produce(tt[r], {left.g[1], left.g[0]});
    }
  }
  return c;
}

namespace {

tag_word configuration_word(const machine_tag_conversion& c, std::uint32_t state, std::uint64_t m, std::uint64_t n) {
  const tag_letter x = c.filler;
  tag_word w{c.first_letters[state], x};
  w.reserve(2 * (m + n) + 4);
  for (std::uint64_t i = 0; i < m; ++i) w.insert(w.end(), {c.left_letters[state], x});
  w.insert(w.end(), {c.marker_letters[state], x});
  for (std::uint64_t i = 0; i < n; ++i) w.insert(w.end(), {c.right_letters[state], x});
  return w;
}

}  // namespace

tag_word initial_tag_word(const machine_tag_conversion& conversion, std::string_view word, std::size_t max_letters) {
  const std::string bits = binary_tape_word(conversion.binary, word);
  // n: the head's cell (the word's first bit) least significant.
  std::size_t last_one = 0;
  bool any_one = false;
  for (std::size_t i = 0; i < bits.size(); ++i) {
    if (bits[i] == '1') last_one = i, any_one = true;
  }
  if (any_one && last_one >= 40) {
    throw limit_error(fmt::format("the word '{}' needs a tag word of more than 2^41 letters", word));
  }
  std::uint64_t n = 0;
  for (std::size_t i = bits.size(); i-- > 0;) n = 2 * n + (bits[i] == '1' ? 1 : 0);
  if (2 * n + 4 > max_letters) {
    throw limit_error(fmt::format("the word '{}' needs a tag word of {} letters, more than the limit of {}", word,
                                  2 * n + 4, max_letters));
  }
  return configuration_word(conversion, conversion.binary.machine.start, 0, n);
}

bool begins_machine_step(const machine_tag_conversion& conversion, tag_letter front) {
  const auto& r = conversion.roles.at(front);
  return r.what == role::kind::configuration && conversion.binary.origins[r.state].begins_step();
}

machine_configuration seen_from_head(const machine_configuration& configuration, char blank) {
  const std::string& tape = configuration.tape;
  const std::int64_t head = configuration.head - configuration.first_cell;  // index in tape, may lie outside
  std::int64_t first = 0, end = static_cast<std::int64_t>(tape.size());
  while (first < end && tape[first] == blank) ++first;
  while (end > first && tape[end - 1] == blank) --end;
  if (first == end) first = end = head;
  const std::int64_t from = std::min(first, head), to = std::max(end, head + 1);
  machine_configuration result{configuration.state, 0, from - head, std::string()};
  for (std::int64_t i = from; i < to; ++i) {
    result.tape += i >= 0 && i < static_cast<std::int64_t>(tape.size()) ? tape[i] : blank;
  }
  return result;
}

machine_tag_result decode_tag_word(const machine_tag_conversion& c, const tag_word& w,
                                   std::optional<std::uint64_t> step_letters) {
  const auto refuse = [](const std::string& why) {
    return input_error("not a halted word of the machine's tag system: " + why);
  };
  // H x (u x)^m M x (v x)^k
  if (w.size() < 4 || w.size() % 2 != 0) throw refuse("its length is odd or below 4");
  for (std::size_t i = 1; i < w.size(); i += 2) {
    if (w[i] >= c.roles.size() || w[i] != c.filler) throw refuse("a letter in an odd place is not the filler x");
  }
  if (w[0] != c.halt) throw refuse("it does not start with the halting letter");
  std::size_t i = 2;
  std::uint64_t m = 0, k = 0;
  while (i < w.size() && w[i] == c.halted_left) ++m, i += 2;
  if (i >= w.size() || w[i] >= c.roles.size()) throw refuse("it has no marker letter");
  const role marker = c.roles[w[i]];
  if (marker.what != role::kind::halted_in_state && marker.what != role::kind::stuck) {
    throw refuse("it has no marker letter");
  }
  for (i += 2; i < w.size(); i += 2) {
    if (w[i] != c.halted_right) throw refuse("a letter after the marker is not v");
    ++k;
  }
  const bool stuck = marker.what == role::kind::stuck;
  const std::uint64_t n = stuck ? 2 * k + marker.bit : k;
  // The binary tape around the head: `left` from cell -1 leftwards (m's bits
  // from the least significant), `right` from the head's cell rightwards.
  std::string left, right;
  for (std::uint64_t v = m; v != 0; v /= 2) left += v % 2 == 1 ? '1' : '0';
  for (std::uint64_t v = n; v != 0; v /= 2) right += v % 2 == 1 ? '1' : '0';
  // Padded with blank bits to whole blocks: the head's offset in its block
  // (the bits its state has read) says where the blocks begin.
  const auto& origin = c.binary.origins[marker.state];
  const std::size_t offset = origin.bits_read.size();
  const std::size_t w_bits = c.binary.block_width;
  const auto round_up = [w_bits](std::size_t v) { return (v + w_bits - 1) / w_bits * w_bits; };
  left.resize(offset + round_up(std::max(left.size(), offset) - offset), '0');
  right.resize(round_up(std::max(right.size(), w_bits - offset) + offset) - offset, '0');
  // Cell numbers that put the head's block at cell 0.
  machine_configuration binary_configuration{marker.state, static_cast<std::int64_t>(offset),
                                             static_cast<std::int64_t>(offset) - static_cast<std::int64_t>(left.size()),
                                             std::string(left.rbegin(), left.rend()) + right};
  machine_tag_result result;
  result.halted_without_transition = stuck;
  result.outcome =
      !stuck && c.binary.machine.accepting[marker.state] ? machine_outcome::accepted : machine_outcome::rejected;
  result.final_configuration = seen_from_head(original_configuration(c.binary, binary_configuration),
                                              c.binary.original_symbols[c.binary.original_blank]);
  if (step_letters) result.steps = *step_letters + (stuck ? 0 : 1) - 1;
  return result;
}

}  // namespace nnsim
