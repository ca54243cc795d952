// The constructions of boolean_constructions.hpp.  The weights are the
// lecture's (XOR: the lines P1 and P2; N_v: the proof of the two-layer
// theorem); everything is integer, so every network is exact in any number
// mode.
#include "nnsim/boolean/boolean_constructions.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <bit>
#include <charconv>
#include <limits>
#include <stdexcept>

namespace nnsim {
namespace {

// ---------------------------------------------------------- network help --

struct term {
  neuron_id source;
  int weight;
};

// A network with the inputs x1 ... xn and the output y (declared in that
// order, which is also the order a reload numbers them in).
struct network_builder {
  network net;
  std::vector<neuron_id> x;
  neuron_id y{};

  network_builder(std::string name, unsigned arity) {
    net.name = std::move(name);
    for (unsigned i = 1; i <= arity; ++i) x.push_back(net.add_input(fmt::format("x{}", i)));
    y = net.intern("y");
    net.add_output(y);
    net.rule_given = true;
  }

  // target = step(bias + sum of terms); a zero weight is not written (it
  // would still be an edge of the architecture).
  neuron_id add_step(neuron_id target, long bias, const std::vector<term>& terms, std::string comment = {}) {
    equation& e = net.add_equation(target, activation::step);
    e.bias = rational(bias);
    for (const term& t : terms) {
      if (t.weight != 0) e.inputs.push_back({t.source, rational(t.weight)});
    }
    e.comment = std::move(comment);
    return target;
  }
  neuron_id add_step(std::string_view name, long bias, const std::vector<term>& terms, std::string comment = {}) {
    return add_step(net.intern(name), bias, terms, std::move(comment));
  }

  // x1 + ... + xn with the same weight on every input.
  std::vector<term> all_inputs(int weight) const {
    std::vector<term> terms;
    for (neuron_id id : x) terms.push_back({id, weight});
    return terms;
  }
};

// "x1 + x2 + x3" for a comment.
std::string sum_text(unsigned arity) {
  if (arity == 0) return "0";
  if (arity <= 3) {
    std::string text = "x1";
    for (unsigned i = 2; i <= arity; ++i) text += fmt::format(" + x{}", i);
    return text;
  }
  return fmt::format("x1 + ... + x{}", arity);
}

// "x1, x2, x3" or "x1, ..., x8".
std::string argument_text(unsigned arity) {
  if (arity == 0) return "";
  if (arity <= 3) {
    std::string text = "x1";
    for (unsigned i = 2; i <= arity; ++i) text += fmt::format(", x{}", i);
    return text;
  }
  return fmt::format("x1, ..., x{}", arity);
}

std::string inputs_text(unsigned n) { return n == 1 ? "1 input" : fmt::format("{} inputs", n); }

unsigned popcount(std::uint32_t v) { return static_cast<unsigned>(std::popcount(v)); }

// The bits of the input number v, x1 first: "101".
std::string vector_bits(std::uint32_t v, unsigned arity) {
  std::string text(arity, '0');
  for (unsigned i = 1; i <= arity; ++i) {
    if (((v >> (arity - i)) & 1u) != 0) text[i - 1] = '1';
  }
  return text;
}

// "(1,0,1)".
std::string vector_tuple(std::uint32_t v, unsigned arity) {
  std::string text = "(";
  for (unsigned i = 1; i <= arity; ++i) {
    if (i > 1) text += ',';
    text += ((v >> (arity - i)) & 1u) != 0 ? '1' : '0';
  }
  return text + ")";
}

std::string_view gate_names_list() { return "and, or, not, nand, nor, majority, atleast:K, xor, parity"; }

// ------------------------------------------------------------ cover search --

// A fixed-capacity bit set sized at run time; the cover search works on sets
// of rows (minterms, at most 2^8) and columns (prime implicants).
class bit_set {
 public:
  bit_set() = default;
  explicit bit_set(std::size_t size) : words_((size + 63) / 64, 0) {}

  void set(std::size_t i) { words_[i / 64] |= std::uint64_t{1} << (i % 64); }
  void reset(std::size_t i) { words_[i / 64] &= ~(std::uint64_t{1} << (i % 64)); }
  bool test(std::size_t i) const { return ((words_[i / 64] >> (i % 64)) & 1u) != 0; }
  bool none() const {
    return std::all_of(words_.begin(), words_.end(), [](std::uint64_t w) { return w == 0; });
  }
  std::size_t count() const {
    std::size_t n = 0;
    for (std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
    return n;
  }
  // |this & other|
  std::size_t count_and(const bit_set& other) const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < words_.size(); ++i) n += static_cast<std::size_t>(std::popcount(words_[i] & other.words_[i]));
    return n;
  }
  bool intersects(const bit_set& other) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if ((words_[i] & other.words_[i]) != 0) return true;
    }
    return false;
  }
  // (this & mask) is a subset of (other & mask)
  bool subset_within(const bit_set& other, const bit_set& mask) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if ((words_[i] & mask.words_[i] & ~other.words_[i]) != 0) return false;
    }
    return true;
  }
  void subtract(const bit_set& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= ~other.words_[i];
  }
  void unite(const bit_set& other) {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= other.words_[i];
  }
  bit_set intersection(const bit_set& other) const {
    bit_set result = *this;
    for (std::size_t i = 0; i < words_.size(); ++i) result.words_[i] &= other.words_[i];
    return result;
  }
  // Calls f(i) for every member, in increasing order.
  template <class F>
  void for_each(F f) const {
    for (std::size_t i = 0; i < words_.size(); ++i) {
      for (std::uint64_t w = words_[i]; w != 0; w &= w - 1) f(i * 64 + static_cast<std::size_t>(std::countr_zero(w)));
    }
  }

 private:
  std::vector<std::uint64_t> words_;
};

// The prime implicant chart: row r is the r-th one of F, column c the c-th
// prime; a cover is a set of columns that meets every row.
//
// Branch and bound.  A node reduces its chart until nothing changes:
//   - a row met by one remaining column: that column is essential, take it;
//   - a row whose columns include all the columns of another row is met
//     whenever that row is, so it is dropped (row dominance);
//   - a column whose rows are a subset of another column's rows can be
//     replaced by that column in any cover, so it is dropped (column
//     dominance; of two equal columns the later one);
// then it prunes when the taken columns plus a lower bound (the larger of:
// the size of a greedily found set of rows no two of which share a column,
// each needing a column of its own; and a fractional dual solution of the
// covering LP) cannot beat the best cover so far, and otherwise
// branches on a row with fewest columns: take its first column, or leave
// that column out for good and take one of the others.  The first upper bound
// is the greedy cover.  Every pruning keeps a minimum cover reachable, so the
// result is a minimum.
class cover_search {
 public:
  cover_search(std::vector<bit_set> rows_of_column, std::size_t row_count)
      : rows_of_column_(std::move(rows_of_column)), row_count_(row_count), columns_of_row_(row_count, bit_set(column_count())) {
    for (std::size_t c = 0; c < column_count(); ++c) {
      rows_of_column_[c].for_each([&](std::size_t r) { columns_of_row_[r].set(c); });
    }
  }

  std::vector<std::size_t> solve() {
    bit_set rows(row_count_);
    for (std::size_t r = 0; r < row_count_; ++r) rows.set(r);
    bit_set columns(column_count());
    for (std::size_t c = 0; c < column_count(); ++c) columns.set(c);
    best_ = greedy(rows, columns);
    std::vector<std::size_t> taken;
    search(rows, columns, taken);
    std::sort(best_.begin(), best_.end());
    return best_;
  }

 private:
  // Random functions of 7 inputs need at most a few thousand nodes (tens of
  // milliseconds); this guard makes a pathological chart end with an error
  // (after some seconds) instead of running for hours.
  static constexpr std::uint64_t node_limit = 1'000'000;

  std::size_t column_count() const { return rows_of_column_.size(); }

  std::vector<std::size_t> greedy(bit_set rows, const bit_set& columns) const {
    std::vector<std::size_t> cover;
    while (!rows.none()) {
      std::size_t best_column = 0;
      std::size_t best_gain = 0;
      columns.for_each([&](std::size_t c) {
        const std::size_t gain = rows_of_column_[c].count_and(rows);
        if (gain > best_gain) {
          best_gain = gain;
          best_column = c;
        }
      });
      cover.push_back(best_column);
      rows.subtract(rows_of_column_[best_column]);
    }
    return cover;
  }

  // Applies the three reductions until none applies; false when some row
  // can no longer be met.
  bool reduce(bit_set& rows, bit_set& columns, std::vector<std::size_t>& taken) const {
    bool changed = true;
    while (changed) {
      changed = false;
      // Essential columns.
      bool infeasible = false;
      rows.for_each([&](std::size_t r) {
        if (infeasible || !rows.test(r)) return;
        const bit_set available = columns_of_row_[r].intersection(columns);
        const std::size_t count = available.count();
        if (count == 0) {
          infeasible = true;
          return;
        }
        if (count == 1) {
          available.for_each([&](std::size_t c) {
            taken.push_back(c);
            rows.subtract(rows_of_column_[c]);
            columns.reset(c);
          });
          changed = true;
        }
      });
      if (infeasible) return false;
      // Row dominance: drop r1 when the columns of some r2 are among r1's.
      std::vector<std::size_t> live;
      rows.for_each([&](std::size_t r) { live.push_back(r); });
      for (std::size_t i = 0; i < live.size(); ++i) {
        const std::size_t r1 = live[i];
        if (!rows.test(r1)) continue;
        for (std::size_t j = 0; j < live.size(); ++j) {
          const std::size_t r2 = live[j];
          if (r1 == r2 || !rows.test(r2)) continue;
          if (columns_of_row_[r2].subset_within(columns_of_row_[r1], columns)) {
            // Equal column sets: keep the first row.
            if (columns_of_row_[r1].subset_within(columns_of_row_[r2], columns) && r1 < r2) continue;
            rows.reset(r1);
            changed = true;
            break;
          }
        }
      }
      // Column dominance: drop c1 when its rows are among some c2's (and
      // columns that meet no remaining row).
      std::vector<std::size_t> open;
      columns.for_each([&](std::size_t c) { open.push_back(c); });
      for (std::size_t i = 0; i < open.size(); ++i) {
        const std::size_t c1 = open[i];
        if (!columns.test(c1)) continue;
        if (!rows_of_column_[c1].intersects(rows)) {
          columns.reset(c1);
          changed = true;
          continue;
        }
        for (std::size_t j = 0; j < open.size(); ++j) {
          const std::size_t c2 = open[j];
          if (c1 == c2 || !columns.test(c2)) continue;
          if (rows_of_column_[c1].subset_within(rows_of_column_[c2], rows)) {
            if (rows_of_column_[c2].subset_within(rows_of_column_[c1], rows) && c1 < c2) continue;
            columns.reset(c1);
            changed = true;
            break;
          }
        }
      }
    }
    return true;
  }

  // Rows no two of which share a remaining column, fewest columns first.
  std::size_t lower_bound(const bit_set& rows, const bit_set& columns) const {
    std::vector<std::pair<std::size_t, std::size_t>> order;  // (columns, row)
    rows.for_each([&](std::size_t r) { order.emplace_back(columns_of_row_[r].count_and(columns), r); });
    std::sort(order.begin(), order.end());
    bit_set used(column_count());
    std::size_t bound = 0;
    for (const auto& [count, r] : order) {
      const bit_set available = columns_of_row_[r].intersection(columns);
      if (available.intersects(used)) continue;
      used.unite(available);
      ++bound;
    }

    // A fractional dual solution: weights y_r >= 0 on the rows whose sum
    // over the rows of any one column is at most 1; every cover then has at
    // least sum y_r columns.  First y_r = min over r's columns c of 1/|c|,
    // then each row takes what its columns have left (dual ascent).  Much
    // stronger than the disjoint rows when every row has many columns.  In
    // floating point with a margin far above the rounding error, so that the
    // bound is never too high.
    std::vector<double> capacity(column_count(), 0.0);
    std::vector<double> share(column_count(), 0.0);
    columns.for_each([&](std::size_t c) {
      capacity[c] = 1.0;
      const std::size_t met = rows_of_column_[c].count_and(rows);
      share[c] = met == 0 ? 1.0 : 1.0 / static_cast<double>(met);
    });
    double total = 0;
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& [count, r] : order) {
        double y = 2.0;
        const bit_set available = columns_of_row_[r].intersection(columns);
        available.for_each([&](std::size_t c) { y = std::min(y, pass == 0 ? share[c] : capacity[c]); });
        if (y <= 0 || y > 1.0) continue;
        available.for_each([&](std::size_t c) { capacity[c] -= y; });
        total += y;
      }
    }
    const double fractional = std::ceil(total - 1e-6);
    return std::max(bound, fractional > 0 ? static_cast<std::size_t>(fractional) : std::size_t{0});
  }

  void search(bit_set rows, bit_set columns, std::vector<std::size_t> taken) {
    if (++nodes_ > node_limit) {
      throw limit_error(fmt::format("minimizing exactly: the minimum cover search gave up after {} branches "
                                    "(an unusually hard function); build it without --minimize",
                                    node_limit));
    }
    if (!reduce(rows, columns, taken)) return;
    if (rows.none()) {
      if (taken.size() < best_.size()) best_ = taken;
      return;
    }
    if (taken.size() + lower_bound(rows, columns) >= best_.size()) return;

    // A row with fewest columns; its columns, most rows met first.
    std::size_t branch_row = 0;
    std::size_t fewest = std::numeric_limits<std::size_t>::max();
    rows.for_each([&](std::size_t r) {
      const std::size_t count = columns_of_row_[r].count_and(columns);
      if (count < fewest) {
        fewest = count;
        branch_row = r;
      }
    });
    std::vector<std::pair<std::size_t, std::size_t>> choices;  // (-rows met, column)
    columns_of_row_[branch_row].intersection(columns).for_each([&](std::size_t c) {
      choices.emplace_back(row_count_ - rows_of_column_[c].count_and(rows), c);
    });
    std::sort(choices.begin(), choices.end());
    for (const auto& [unused, c] : choices) {
      std::vector<std::size_t> with = taken;
      with.push_back(c);
      bit_set rest = rows;
      rest.subtract(rows_of_column_[c]);
      bit_set others = columns;
      others.reset(c);
      search(rest, others, std::move(with));
      columns.reset(c);  // the later branches leave c out
      if (taken.size() + 1 >= best_.size()) return;
    }
  }

  std::vector<bit_set> rows_of_column_;
  std::size_t row_count_;
  std::vector<bit_set> columns_of_row_;
  std::vector<std::size_t> best_;
  std::uint64_t nodes_ = 0;
};

void check_minimize_arity(const boolean_function& f) {
  if (f.arity() > max_minimize_arity) {
    throw input_error(fmt::format("minimizing a function of {} inputs: the exact minimization handles at most {} "
                                  "inputs (the number of prime implicants grows like 3^n / n)",
                                  f.arity(), max_minimize_arity));
  }
}

// --------------------------------------------------------------- gates ----

std::string gate_network_name(const gate_spec& gate) {
  switch (gate.kind) {
    case gate_kind::and_gate: return fmt::format("and{}", gate.arity);
    case gate_kind::or_gate: return fmt::format("or{}", gate.arity);
    case gate_kind::not_gate: return "not";
    case gate_kind::nand_gate: return fmt::format("nand{}", gate.arity);
    case gate_kind::nor_gate: return fmt::format("nor{}", gate.arity);
    case gate_kind::majority: return fmt::format("majority{}", gate.arity);
    case gate_kind::at_least: return fmt::format("atleast{}_of_{}", gate.threshold, gate.arity);
    case gate_kind::xor_gate: return "xor";
    case gate_kind::parity: return fmt::format("parity{}", gate.arity);
  }
  return "gate";
}

// A gate of one neuron y = step(bias + weight (x1 + ... + xn)).
network single_neuron_gate(const gate_spec& gate, long bias, int weight, std::string why) {
  network_builder b(gate_network_name(gate), gate.arity);
  b.net.comment = fmt::format(
      "{} with one unit-step neuron.\n"
      "The lecture: one neuron computes AND, OR and NOT; so does any threshold of the number of ones.",
      describe_gate(gate));
  b.add_step(b.y, bias, b.all_inputs(weight), std::move(why));
  return std::move(b.net);
}

network xor_network() {
  network_builder b("xor", 2);
  b.net.comment =
      "XOR of two bits: the lecture's two-layer network of unit-step neurons (no single neuron\n"
      "computes XOR: its ones (1,0), (0,1) and zeros (0,0), (1,1) are not linearly separable).";
  const neuron_id h1 = b.add_step("h1", -1, {{b.x[0], 2}, {b.x[1], 2}},
                                  "P1: -1 + 2 x1 + 2 x2 >= 0, at least one input is 1 (OR)");
  const neuron_id h2 =
      b.add_step("h2", 3, {{b.x[0], -2}, {b.x[1], -2}}, "P2: 3 - 2 x1 - 2 x2 >= 0, not both inputs are 1 (NAND)");
  b.add_step(b.y, -2, {{h1, 1}, {h2, 1}}, "AND of the two half-planes");
  return std::move(b.net);
}

network parity_network(const gate_spec& gate) {
  const unsigned n = gate.arity;
  network_builder b(gate_network_name(gate), n);
  b.net.comment = fmt::format(
      "Parity of {} (y = 1 iff an odd number of them is 1): {} unit-step neurons, two layers.\n"
      "h_k fires iff at least k inputs are 1, so with s ones exactly h_1 ... h_s fire, and the\n"
      "alternating sum h_1 - h_2 + h_3 - ... is 1 for odd s and 0 for even s.\n"
      "(The lecture's two-layer construction needs 2^{} hidden neurons, one per vector with F = 1.)",
      inputs_text(n), n + 1, n - 1);
  std::vector<term> alternating;
  for (unsigned k = 1; k <= n; ++k) {
    const std::string comment =
        k == 1 ? fmt::format("h_k = step({} - k) fires iff at least k inputs are 1, k = 1 ... {}", sum_text(n), n)
               : std::string();
    const neuron_id h = b.add_step(fmt::format("h{}", k), -static_cast<long>(k), b.all_inputs(1), comment);
    alternating.push_back({h, k % 2 == 1 ? 1 : -1});
  }
  b.add_step(b.y, -1, alternating, "y = 1 iff h_1 - h_2 + h_3 - ... = 1, i.e. the number of ones is odd");
  return std::move(b.net);
}

// ------------------------------------------------------- two-layer help --

std::string function_text(const boolean_function& f) {
  if (f.arity() == 0) return fmt::format("F() = {} (no inputs)", f.table());
  return fmt::format(
      "F({}) with the truth table {}\n(F of the inputs in binary counting order, x1 the most significant bit)",
      argument_text(f.arity()), f.table());
}

std::string network_base_name(const boolean_function& f, const two_layer_options& options) {
  std::string name = options.form == normal_form::dnf ? "dnf" : "cnf";
  if (options.minimize) name += "_min";
  if (f.arity() <= 4) name += "_" + f.table();
  return name;
}

// "!x1 | x3": the clause that is false exactly where `q` holds.
std::string clause_formula(const implicant& q, unsigned arity) {
  if (q.care == 0) return "0";
  std::string text;
  for (unsigned i = 1; i <= arity; ++i) {
    const std::uint32_t bit = std::uint32_t{1} << (arity - i);
    if ((q.care & bit) == 0) continue;
    if (!text.empty()) text += " | ";
    text += (q.value & bit) != 0 ? fmt::format("!x{}", i) : fmt::format("x{}", i);
  }
  return text;
}

// The terms of a neuron over the variables of `q`: +sign for a positive
// literal, -sign for a negative one.
std::vector<term> literal_terms(const network_builder& b, const implicant& q, unsigned arity, int sign) {
  std::vector<term> terms;
  for (unsigned i = 1; i <= arity; ++i) {
    const std::uint32_t bit = std::uint32_t{1} << (arity - i);
    if ((q.care & bit) == 0) continue;
    terms.push_back({b.x[i - 1], (q.value & bit) != 0 ? sign : -sign});
  }
  return terms;
}

network constant_network(const boolean_function& f, const two_layer_options& options, bool value) {
  network_builder b(network_base_name(f, options), f.arity());
  b.net.comment = fmt::format(
      "{}.\n"
      "F is constant {}, so the two-layer construction needs no hidden neurons: y = step({}) = {}\n"
      "on every input.",
      function_text(f), value ? 1 : 0, value ? 0 : -1, value ? 1 : 0);
  b.add_step(b.y, value ? 0 : -1, {}, fmt::format("the constant {}", value ? 1 : 0));
  return std::move(b.net);
}

}  // namespace

// --------------------------------------------------------- gates, public --

gate_spec parse_gate(std::string_view name, std::optional<unsigned> arity) {
  gate_spec gate;
  if (name == "and") {
    gate.kind = gate_kind::and_gate;
  } else if (name == "or") {
    gate.kind = gate_kind::or_gate;
  } else if (name == "not") {
    gate.kind = gate_kind::not_gate;
  } else if (name == "nand") {
    gate.kind = gate_kind::nand_gate;
  } else if (name == "nor") {
    gate.kind = gate_kind::nor_gate;
  } else if (name == "majority") {
    gate.kind = gate_kind::majority;
  } else if (name == "xor") {
    gate.kind = gate_kind::xor_gate;
  } else if (name == "parity") {
    gate.kind = gate_kind::parity;
  } else if (name.starts_with("atleast")) {
    gate.kind = gate_kind::at_least;
    if (!name.starts_with("atleast:")) {
      throw input_error(fmt::format("gate '{}' needs its threshold: atleast:K, e.g. atleast:2", name));
    }
    const std::string_view k = name.substr(8);
    unsigned value = 0;
    const auto [end, error] = std::from_chars(k.data(), k.data() + k.size(), value);
    if (k.empty() || error != std::errc() || end != k.data() + k.size()) {
      throw input_error(fmt::format("gate '{}': the threshold '{}' is not a whole number", name, k));
    }
    if (value == 0) throw input_error(fmt::format("gate '{}': the threshold must be at least 1", name));
    gate.threshold = value;
  } else {
    throw input_error(fmt::format("unknown gate '{}' (the gates are {})", name, gate_names_list()));
  }

  const unsigned default_arity = gate.kind == gate_kind::not_gate  ? 1
                                 : gate.kind == gate_kind::majority ? 3
                                 : gate.kind == gate_kind::at_least ? std::max(2u, gate.threshold)
                                                                    : 2;
  gate.arity = arity.value_or(default_arity);
  if (gate.arity < 1 || gate.arity > max_gate_arity) {
    throw input_error(fmt::format("a gate has 1 to {} inputs, not {}", max_gate_arity, gate.arity));
  }
  if (gate.kind == gate_kind::not_gate && gate.arity != 1) {
    throw input_error(fmt::format("not has one input, not {}", gate.arity));
  }
  if (gate.kind == gate_kind::xor_gate && gate.arity != 2) {
    throw input_error(fmt::format("xor is the lecture's network for two inputs, not {}; for n inputs use parity",
                                  gate.arity));
  }
  if (gate.kind == gate_kind::at_least && gate.threshold > gate.arity) {
    throw input_error(fmt::format("atleast:{} needs at least {} inputs, not {}", gate.threshold, gate.threshold,
                                  gate.arity));
  }
  return gate;
}

std::string gate_name(const gate_spec& gate) {
  switch (gate.kind) {
    case gate_kind::and_gate: return "and";
    case gate_kind::or_gate: return "or";
    case gate_kind::not_gate: return "not";
    case gate_kind::nand_gate: return "nand";
    case gate_kind::nor_gate: return "nor";
    case gate_kind::majority: return "majority";
    case gate_kind::at_least: return fmt::format("atleast:{}", gate.threshold);
    case gate_kind::xor_gate: return "xor";
    case gate_kind::parity: return "parity";
  }
  return "?";
}

std::string describe_gate(const gate_spec& gate) {
  const unsigned n = gate.arity;
  switch (gate.kind) {
    case gate_kind::and_gate: return fmt::format("AND of {}", inputs_text(n));
    case gate_kind::or_gate: return fmt::format("OR of {}", inputs_text(n));
    case gate_kind::not_gate: return "NOT of 1 input";
    case gate_kind::nand_gate: return fmt::format("NAND of {}", inputs_text(n));
    case gate_kind::nor_gate: return fmt::format("NOR of {}", inputs_text(n));
    case gate_kind::majority: return fmt::format("Majority of {} (more than half are 1)", inputs_text(n));
    case gate_kind::at_least: return fmt::format("At least {} of {} are 1", gate.threshold, inputs_text(n));
    case gate_kind::xor_gate: return "XOR of 2 inputs";
    case gate_kind::parity: return fmt::format("Parity of {} (an odd number are 1)", inputs_text(n));
  }
  return "?";
}

network build_gate(const gate_spec& gate) {
  const long n = gate.arity;
  switch (gate.kind) {
    case gate_kind::and_gate:
      return single_neuron_gate(gate, -n, 1, fmt::format("y = 1 iff {} >= {}: all inputs are 1", sum_text(gate.arity), n));
    case gate_kind::or_gate:
      return single_neuron_gate(gate, -1, 1, fmt::format("y = 1 iff {} >= 1: some input is 1", sum_text(gate.arity)));
    case gate_kind::not_gate: return single_neuron_gate(gate, 0, -1, "y = 1 iff -x1 >= 0: x1 is 0");
    case gate_kind::nand_gate:
      return single_neuron_gate(gate, n - 1, -1,
                                fmt::format("y = 1 iff {} <= {}: some input is 0", sum_text(gate.arity), n - 1));
    case gate_kind::nor_gate:
      return single_neuron_gate(gate, 0, -1, fmt::format("y = 1 iff {} <= 0: all inputs are 0", sum_text(gate.arity)));
    case gate_kind::majority:
      return single_neuron_gate(gate, -(n / 2 + 1), 1,
                                fmt::format("y = 1 iff {} >= {}: more than half of the {} inputs are 1",
                                            sum_text(gate.arity), n / 2 + 1, n));
    case gate_kind::at_least:
      return single_neuron_gate(gate, -static_cast<long>(gate.threshold), 1,
                                fmt::format("y = 1 iff {} >= {}", sum_text(gate.arity), gate.threshold));
    case gate_kind::xor_gate: return xor_network();
    case gate_kind::parity: return parity_network(gate);
  }
  throw std::logic_error("unknown gate kind");
}

// ---------------------------------------------------- implicants, public --

unsigned implicant::literal_count() const { return popcount(care); }

std::string implicant::text(unsigned arity) const {
  std::string out(arity, '-');
  for (unsigned i = 1; i <= arity; ++i) {
    const std::uint32_t bit = std::uint32_t{1} << (arity - i);
    if ((care & bit) != 0) out[i - 1] = (value & bit) != 0 ? '1' : '0';
  }
  return out;
}

std::string implicant::formula(unsigned arity) const {
  if (care == 0) return "1";
  std::string out;
  for (unsigned i = 1; i <= arity; ++i) {
    const std::uint32_t bit = std::uint32_t{1} << (arity - i);
    if ((care & bit) == 0) continue;
    if (!out.empty()) out += " & ";
    out += (value & bit) != 0 ? fmt::format("x{}", i) : fmt::format("!x{}", i);
  }
  return out;
}

std::vector<implicant> prime_implicants(const boolean_function& f) {
  check_minimize_arity(f);
  // implicant[(care << n) | value] for value a subset of care: every input
  // the cube covers is a one of F.  A cube with care bit b removed is an
  // implicant iff both halves (b = 0 and b = 1) are; the Quine-McCluskey
  // merge, done for all cubes at once in order of decreasing care.
  const unsigned n = f.arity();
  const std::uint32_t full = (std::uint32_t{1} << n) - 1;
  std::vector<char> is_implicant(std::size_t{1} << (2 * n), 0);
  auto slot = [n](std::uint32_t care, std::uint32_t value) { return (static_cast<std::size_t>(care) << n) | value; };
  for (std::uint32_t v = 0; v <= full; ++v) is_implicant[slot(full, v)] = f(v) ? 1 : 0;
  for (std::uint32_t care = full; care-- > 0;) {
    const std::uint32_t missing = full & ~care;
    const std::uint32_t b = missing & (~missing + 1);  // one variable not in care
    for (std::uint32_t value = care;; value = (value - 1) & care) {
      is_implicant[slot(care, value)] = static_cast<char>(is_implicant[slot(care | b, value)] != 0 &&
                                                          is_implicant[slot(care | b, value | b)] != 0);
      if (value == 0) break;
    }
  }
  std::vector<implicant> primes;
  for (std::uint32_t care = 0; care <= full; ++care) {
    for (std::uint32_t value = care;; value = (value - 1) & care) {
      if (is_implicant[slot(care, value)] != 0) {
        bool prime = true;
        for (std::uint32_t rest = care; rest != 0 && prime; rest &= rest - 1) {
          const std::uint32_t b = rest & (~rest + 1);
          if (is_implicant[slot(care & ~b, value & ~b)] != 0) prime = false;
        }
        if (prime) primes.push_back({care, value});
      }
      if (value == 0) break;
    }
  }
  std::sort(primes.begin(), primes.end(),
            [n](const implicant& a, const implicant& b) { return a.text(n) < b.text(n); });
  return primes;
}

std::vector<implicant> minimum_cover(const boolean_function& f) {
  const std::vector<implicant> primes = prime_implicants(f);
  std::vector<std::uint32_t> ones;
  for (std::uint32_t v = 0; v < f.size(); ++v) {
    if (f(v)) ones.push_back(v);
  }
  if (ones.empty()) return {};
  std::vector<bit_set> rows_of_column(primes.size(), bit_set(ones.size()));
  for (std::size_t c = 0; c < primes.size(); ++c) {
    for (std::size_t r = 0; r < ones.size(); ++r) {
      if (primes[c].covers(ones[r])) rows_of_column[c].set(r);
    }
  }
  cover_search search(std::move(rows_of_column), ones.size());
  std::vector<implicant> cover;
  for (std::size_t c : search.solve()) cover.push_back(primes[c]);
  const unsigned n = f.arity();
  std::sort(cover.begin(), cover.end(), [n](const implicant& a, const implicant& b) { return a.text(n) < b.text(n); });
  return cover;
}

// ---------------------------------------------------- two-layer, public --

network build_two_layer(const boolean_function& f, const two_layer_options& options) {
  const unsigned n = f.arity();
  if (options.minimize) {
    check_minimize_arity(f);
  } else if (n > max_two_layer_arity) {
    throw input_error(fmt::format("the two-layer construction for {} inputs would have up to 2^{} hidden neurons; "
                                  "it is built for at most {} inputs",
                                  n, n, max_two_layer_arity));
  }

  std::size_t ones = 0;
  for (std::uint32_t v = 0; v < f.size(); ++v) ones += f(v) ? 1 : 0;
  network result;
  if (ones == 0 || ones == f.size()) {
    result = constant_network(f, options, ones != 0);
  } else {
    const bool dnf = options.form == normal_form::dnf;
    network_builder b(network_base_name(f, options), n);
    std::string header = function_text(f) + ".\n";
    std::vector<term> top;
    if (!options.minimize) {
      header += dnf ? "The lecture's theorem: two-layer networks of unit-step neurons compute every\n"
                      "F: {0,1}^n -> {0,1}.  Its proof as a construction: a hidden neuron N_v for each\n"
                      "input vector v with F(v) = 1, which fires exactly on v (weight +1 where v_i = 1,\n"
                      "-1 where v_i = 0, bias minus the number of ones of v), and an OR neuron on top."
                    : "The dual of the lecture's two-layer construction (a conjunctive normal form): a\n"
                      "hidden neuron M_v for each input vector v with F(v) = 0, which fires on every input\n"
                      "but v (M_v = NOT N_v: weight -1 where v_i = 1, +1 where v_i = 0, bias (ones of v) - 1),\n"
                      "and an AND neuron on top.";
      for (std::uint32_t v = 0; v < f.size(); ++v) {
        if (f(v) != dnf) continue;
        const long weight_ones = popcount(v);
        const implicant point{static_cast<std::uint32_t>(f.size() - 1), v};
        const std::string name = fmt::format("{}_{}", dnf ? "n" : "c", vector_bits(v, n));
        const std::string comment =
            dnf ? fmt::format("N_v for v = {}: fires exactly on v", vector_tuple(v, n))
                : fmt::format("M_v for v = {}: fires on every input but v (the clause {})", vector_tuple(v, n),
                              clause_formula(point, n));
        top.push_back({b.add_step(name, dnf ? -weight_ones : weight_ones - 1,
                                  literal_terms(b, point, n, dnf ? 1 : -1), comment),
                       1});
      }
    } else {
      const boolean_function target = dnf ? f : [&] {
        std::vector<bool> negated(f.size());
        for (std::uint32_t v = 0; v < f.size(); ++v) negated[v] = !f(v);
        return boolean_function(n, std::move(negated));
      }();
      const std::vector<implicant> cover = minimum_cover(target);
      const std::size_t unminimized = dnf ? ones : f.size() - ones;
      header += fmt::format(
          fmt::runtime(dnf ? "The lecture's two-layer construction, minimized: a hidden neuron for each prime\n"
                "implicant of a minimum cover of the ones of F (Quine-McCluskey, then an exact cover\n"
                "search), firing exactly where its implicant holds, and an OR neuron on top:\n"
                "{} instead of {} (one per v with F(v) = 1).  An implicant is written\n"
                "one character per input, x1 first: 1, 0, or - for an input it does not read."
              : "The dual two-layer construction (conjunctive normal form), minimized: a hidden neuron\n"
                "for each prime implicant q of a minimum cover of the zeros of F (a prime implicant of\n"
                "!F; Quine-McCluskey, then an exact cover search), firing everywhere except where q\n"
                "holds (a clause of F), and an AND neuron on top: {} instead of {}\n"
                "(one per v with F(v) = 0).  An implicant is written one character per input, x1\n"
                "first: 1, 0, or - for an input it does not read."),
          cover.size() == 1 ? std::string("1 hidden neuron") : fmt::format("{} hidden neurons", cover.size()),
          unminimized);
      for (std::size_t i = 0; i < cover.size(); ++i) {
        const implicant& q = cover[i];
        const long positive = popcount(q.value);
        const std::string name = fmt::format("{}{}", dnf ? "t" : "c", i + 1);
        const std::string comment =
            dnf ? fmt::format("prime implicant {} ({}): fires exactly where it holds", q.text(n), q.formula(n))
                : fmt::format("prime implicant {} of !F ({}): fires except where it holds (the clause {})",
                              q.text(n), q.formula(n), clause_formula(q, n));
        top.push_back({b.add_step(name, dnf ? -positive : positive - 1, literal_terms(b, q, n, dnf ? 1 : -1),
                                  comment),
                       1});
      }
    }
    const long m = static_cast<long>(top.size());
    if (m == 1) {
      b.add_step(b.y, dnf ? -1 : -m, top,
                 fmt::format("{} of the one hidden neuron: y = 1 iff it fires", dnf ? "OR" : "AND"));
    } else if (dnf) {
      b.add_step(b.y, -1, top, fmt::format("OR of the {} hidden neurons: y = 1 iff one of them fires", m));
    } else {
      b.add_step(b.y, -m, top, fmt::format("AND of the {} hidden neurons: y = 1 iff all of them fire", m));
    }
    b.net.comment = header;
    result = std::move(b.net);
  }
  if (options.layered) {
    result.rule.kind = rule_kind::layered;
    result.comment += "\nRule layered (the lecture's MLP rule): step i evaluates the neurons of layer i.";
  }
  return result;
}

}  // namespace nnsim
