// The automaton of word_pattern.hpp: Thompson's construction over the syntax
// tree of word_pattern_syntax.hpp, and its simulation with state sets.
//
// Every fragment of the automaton (the automaton of one node of the tree)
// has one entry state and one exit state whose `out` is still open, and its
// states are one consecutive range of `states_` that no edge leaves except
// the open exit.  Because the nodes come in post-order, building them in
// index order makes the range of a node follow the ranges of its children
// directly.  A counted repetition x{m,n} can therefore copy x's range as a
// block, shifting its edges, instead of walking x's subtree again: the whole
// construction is one loop, without recursion.
#include "nnsim/languages/word_pattern.hpp"

#include "languages/word_pattern_syntax.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <cassert>
#include <utility>

namespace nnsim {
namespace {

// An `out` not yet connected: the open exit of a fragment.
constexpr std::uint32_t open_edge = UINT32_MAX;

// States [lo, hi) of `states_`; `exit`'s `out` is open.
struct fragment {
  std::uint32_t entry = 0;
  std::uint32_t exit = 0;
  std::uint32_t lo = 0;
  std::uint32_t hi = 0;
};

// Whether an assertion holds at a position of a word over {0, 1}.  Both 0 and
// 1 are word characters (\w), so a word boundary (\b) is exactly the start of
// a non-empty word or its end.
bool assertion_holds(pattern_assertion assertion, bool at_start, bool at_end) {
  switch (assertion) {
    case pattern_assertion::word_start: return at_start;
    case pattern_assertion::word_end: return at_end;
    case pattern_assertion::word_boundary: return at_start != at_end;
    case pattern_assertion::not_word_boundary: return at_start == at_end;
  }
  return false;
}

}  // namespace

class word_pattern::compiler {
 public:
  compiler(std::string_view pattern, std::vector<state>& states) : pattern_(pattern), states_(states) {}

  // Builds the automaton of `syntax` into `states_` and returns its entry;
  // the last state is the only `match` state.
  std::uint32_t compile(const pattern_syntax& syntax) {
    std::vector<fragment> fragments(syntax.nodes.size());
    for (std::size_t index = 0; index < syntax.nodes.size(); ++index) {
      const pattern_node& node = syntax.nodes[index];
      switch (node.kind) {
        case pattern_node_kind::symbols:
          fragments[index] = single(state_kind::symbols, node.symbols, node);
          break;
        case pattern_node_kind::assertion:
          fragments[index] = single(state_kind::assertion, static_cast<std::uint8_t>(node.assertion), node);
          break;
        case pattern_node_kind::concatenation:
          fragments[index] = concatenation(node, fragments);
          break;
        case pattern_node_kind::alternation:
          fragments[index] = alternation(node, fragments);
          break;
        case pattern_node_kind::repetition:
          fragments[index] = repetition(node, fragments[node.children.front()]);
          break;
      }
    }
    const fragment whole = fragments[syntax.root];
    state match;
    match.kind = state_kind::match;
    connect(whole.exit, add(match, syntax.nodes[syntax.root]));
    return whole.entry;
  }

 private:
  std::uint32_t size() const { return static_cast<std::uint32_t>(states_.size()); }

  // Throws unless `count` more states fit; `node` is blamed.
  void reserve(std::size_t count, const pattern_node& node) {
    if (states_.size() + count <= max_pattern_states) return;
    if (node.kind == pattern_node_kind::repetition) {
      throw input_error(fmt::format("regular expression: column {}: the quantifier '{}' makes the automaton larger "
                                    "than {} states",
                                    node.column, pattern_.substr(node.column - 1, node.length), max_pattern_states));
    }
    throw input_error(fmt::format("regular expression: column {}: the automaton is larger than {} states",
                                  node.column, max_pattern_states));
  }

  std::uint32_t add(state s, const pattern_node& node) {
    reserve(1, node);
    states_.push_back(s);
    return size() - 1;
  }

  void connect(std::uint32_t exit, std::uint32_t target) {
    assert(states_[exit].out == open_edge);
    states_[exit].out = target;
  }

  // One state with an open `out`.
  fragment single(state_kind kind, std::uint8_t detail, const pattern_node& node) {
    state s;
    s.kind = kind;
    s.detail = detail;
    s.out = open_edge;
    const std::uint32_t id = add(s, node);
    return {id, id, id, id + 1};
  }

  fragment epsilon(const pattern_node& node) { return single(state_kind::epsilon, 0, node); }

  fragment concatenation(const pattern_node& node, const std::vector<fragment>& fragments) {
    if (node.children.empty()) return epsilon(node);
    const fragment& first = fragments[node.children.front()];
    for (std::size_t k = 0; k + 1 < node.children.size(); ++k) {
      assert(fragments[node.children[k]].hi == fragments[node.children[k + 1]].lo);
      connect(fragments[node.children[k]].exit, fragments[node.children[k + 1]].entry);
    }
    return {first.entry, fragments[node.children.back()].exit, first.lo, size()};
  }

  // A chain of splits, one per alternative but the last, into a common exit.
  fragment alternation(const pattern_node& node, const std::vector<fragment>& fragments) {
    const std::size_t count = node.children.size();
    reserve(count, node);
    const std::uint32_t lo = fragments[node.children.front()].lo;
    const fragment join = epsilon(node);
    std::uint32_t entry = fragments[node.children.back()].entry;
    for (std::size_t k = count - 1; k-- > 0;) {
      state split;
      split.kind = state_kind::split;
      split.out = fragments[node.children[k]].entry;
      split.out1 = entry;
      entry = add(split, node);
    }
    for (const std::uint32_t child : node.children) connect(fragments[child].exit, join.entry);
    return {entry, join.exit, lo, size()};
  }

  // A copy of `f`'s states at the end, its edges shifted with it.
  fragment copy(const fragment& f, const pattern_node& node) {
    reserve(f.hi - f.lo, node);
    const std::uint32_t offset = size() - f.lo;
    for (std::uint32_t id = f.lo; id < f.hi; ++id) {
      state s = states_[id];
      if (s.kind != state_kind::match && s.out != open_edge) s.out += offset;
      if (s.kind == state_kind::split) s.out1 += offset;
      states_.push_back(s);
    }
    return {f.entry + offset, f.exit + offset, f.lo + offset, f.hi + offset};
  }

  // x{min,max}: the copies x_1 ... x_k, k = max (or max(min, 1) without an
  // upper bound), x itself being x_1.  x_1 ... x_min in sequence; then
  // either a loop back into x_min (a star on x_1 when min = 0), or for each
  // optional copy a split that enters it or jumps to the exit.
  fragment repetition(const pattern_node& node, const fragment& x) {
    assert(x.hi == size());
    const bool bounded = node.max != unbounded;
    const std::uint32_t count = bounded ? node.max : std::max<std::uint32_t>(node.min, 1);
    if (count == 0) {  // x{0}: the empty word; x's states stay in the range, unreachable
      const fragment empty = epsilon(node);
      return {empty.entry, empty.exit, x.lo, size()};
    }
    reserve(static_cast<std::size_t>(count - 1) * (x.hi - x.lo), node);
    std::vector<fragment> copies{x};
    copies.reserve(count);
    for (std::uint32_t k = 1; k < count; ++k) copies.push_back(copy(x, node));

    std::uint32_t entry = open_edge;
    std::uint32_t pending = open_edge;  // the exit to connect next
    const auto append = [&](std::uint32_t target, std::uint32_t exit) {
      if (pending == open_edge) {
        entry = target;
      } else {
        connect(pending, target);
      }
      pending = exit;
    };
    for (std::uint32_t k = 0; k < node.min; ++k) append(copies[k].entry, copies[k].exit);
    const fragment join = epsilon(node);
    state split;
    split.kind = state_kind::split;
    split.out1 = join.entry;
    if (!bounded) {
      const fragment& looped = copies[node.min == 0 ? 0 : node.min - 1];
      split.out = looped.entry;
      const std::uint32_t id = add(split, node);
      if (node.min == 0) connect(looped.exit, id);  // x*: the split enters x, x returns to it
      append(id, join.exit);                         // x{m,}: after x_m, loop back into it or leave
    } else {
      for (std::uint32_t k = node.min; k < count; ++k) {
        split.out = copies[k].entry;
        append(add(split, node), copies[k].exit);
      }
      append(join.entry, join.exit);
    }
    return {entry, join.exit, x.lo, size()};
  }

  std::string_view pattern_;
  std::vector<state>& states_;
};

word_pattern::word_pattern(std::string_view pattern) {
  const pattern_syntax syntax = parse_word_pattern(pattern);
  entry_ = compiler(pattern, states_).compile(syntax);
  states_.shrink_to_fit();
}

namespace {

// The scratch of the simulation, one per thread and reused by every call, so
// that a call costs time in proportion to the states it visits, not to the
// size of the automaton.  A state is in the set of the current position when
// its stamp equals `generation`.
struct simulation_scratch {
  std::vector<std::uint32_t> stamp;
  std::uint32_t generation = 0;
  std::vector<std::uint32_t> current;  // the symbol-reading states of the set
  std::vector<std::uint32_t> next;
  std::vector<std::uint32_t> pending;  // the closure's work stack

  void new_set(std::size_t state_count) {
    if (stamp.size() < state_count) stamp.resize(state_count, 0);
    if (generation == UINT32_MAX) {
      std::fill(stamp.begin(), stamp.end(), 0);
      generation = 0;
    }
    ++generation;
  }
};

thread_local simulation_scratch scratch;

}  // namespace

// Contract: the set after i characters is every state reachable from the
// states that read character i by edges that read nothing and whose
// assertions hold at position i; only its symbol-reading states are kept
// (in `current`), and whether it holds the match state.  O(m) per position.
bool word_pattern::matches(std::string_view word) const {
  for (const char c : word) {
    if (c != '0' && c != '1') return false;
  }
  simulation_scratch& s = scratch;
  const std::size_t n = word.size();

  // Adds the closure of `from` at a position to `into`; true when it
  // reaches the match state.
  const auto close = [&](std::uint32_t from, bool at_start, bool at_end, std::vector<std::uint32_t>& into) {
    bool matched = false;
    s.pending.push_back(from);
    while (!s.pending.empty()) {
      const std::uint32_t id = s.pending.back();
      s.pending.pop_back();
      if (s.stamp[id] == s.generation) continue;
      s.stamp[id] = s.generation;
      const state& st = states_[id];
      switch (st.kind) {
        case state_kind::symbols: into.push_back(id); break;
        case state_kind::epsilon: s.pending.push_back(st.out); break;
        case state_kind::split:
          s.pending.push_back(st.out1);
          s.pending.push_back(st.out);
          break;
        case state_kind::assertion:
          if (assertion_holds(static_cast<pattern_assertion>(st.detail), at_start, at_end)) s.pending.push_back(st.out);
          break;
        case state_kind::match: matched = true; break;
      }
    }
    return matched;
  };

  s.new_set(states_.size());
  s.current.clear();
  bool matched = close(entry_, true, n == 0, s.current);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t symbol = word[i] == '1' ? symbol_one : symbol_zero;
    s.new_set(states_.size());
    s.next.clear();
    matched = false;
    for (const std::uint32_t id : s.current) {
      if ((states_[id].detail & symbol) != 0) matched = close(states_[id].out, false, i + 1 == n, s.next) || matched;
    }
    std::swap(s.current, s.next);
    if (s.current.empty()) return matched && i + 1 == n;  // no state can read on
  }
  return matched;
}

}  // namespace nnsim
