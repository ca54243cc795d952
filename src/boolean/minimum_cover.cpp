// Prime implicants and the exact minimum cover of minimum_cover.hpp, for the
// minimized form of the lecture's two-layer construction: Quine-McCluskey,
// then a branch-and-bound search of the prime implicant chart.
#include "nnsim/boolean/minimum_cover.hpp"

#include "boolean/boolean_network_builder.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

namespace nnsim {
namespace {

using namespace construction;

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

}  // namespace

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

}  // namespace nnsim
