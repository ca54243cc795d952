#include "run/double_sweep.hpp"

#include "numbers/number_arithmetic.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <thread>
#include <vector>

namespace nnsim {

namespace {

void sweep_part(const double_equations& eq, std::span<const equation_index> equations, const double* y, double* next,
                char* non_finite) {
  double ignored = 0.0;
  for (equation_index e : equations) {
    non_finite[e] = evaluate_double(eq, e, y, next[e], ignored) != double_evaluation::finite ? 1 : 0;
  }
}

// unfixed ? value : old, without a branch: in a network where a few values
// change in each step, which ones is not predictable.
double select(bool unfixed, double value, double old) {
  const std::uint64_t mask = 0 - static_cast<std::uint64_t>(unfixed);
  const std::uint64_t bits = (std::bit_cast<std::uint64_t>(value) & mask) | (std::bit_cast<std::uint64_t>(old) & ~mask);
  return std::bit_cast<double>(bits);
}

// What a part adds up, kept in locals of its loop and stored into the
// dense_part once at the end.  Plain integers, which the compiler can keep
// in registers: with an optional among them it may keep them all on the
// stack, and each equation then waits for a total it has just stored to be
// read back.
struct part_totals {
  static constexpr equation_index none = std::numeric_limits<equation_index>::max();
  std::size_t changes = 0;
  std::size_t unfixed = 0;
  std::uint64_t hash_change = 0;
  equation_index first_non_finite = none;
};

// Everything the loop touches in locals: the flags are chars, which may
// alias anything, so the compiler would otherwise reload every pointer
// after each store.
struct part_arrays {
  const std::uint32_t* target;
  const double* y;
  double* following;
  char* non_finite;
  char* unfixed_flag;
  bool hashed;
  std::uint32_t* changed;
};

// The bookkeeping of step_part_densely for one evaluated equation: its
// flags, y(t + 1)'s value of its neuron, and the totals.
inline void settle(const part_arrays& a, equation_index e, double value, bool not_finite, part_totals& totals) {
  const std::uint32_t v = a.target[e];
  const double old = a.y[v];
  a.non_finite[e] = not_finite ? 1 : 0;
  // A value equal to the old one (+0 and -0 too) leaves the old one.
  const bool unfixed = not_finite || value != old;
  a.unfixed_flag[e] = unfixed ? 1 : 0;
  a.following[v] = select(unfixed, value, old);
  if (!unfixed) return;
  ++totals.unfixed;
  if (not_finite) {
    totals.first_non_finite = std::min(totals.first_non_finite, e);
    return;
  }
  a.changed[totals.changes++] = v;
  if (a.hashed) {
    // The old value's share is computed again rather than kept in an array
    // of shares: two more multiplications, where reading and writing an
    // array beside the values cost a fifth of a step of 10^5 neurons on two
    // threads.
    totals.hash_change +=
        hash_share(v, arithmetic<double>::hash(value)) - hash_share(v, arithmetic<double>::hash(old));
  }
}

part_arrays arrays_of(const dense_step& step, dense_part& part) {
  return {step.target,       step.y,          step.following,    step.non_finite,
          step.unfixed,      step.hashed,    part.changed};
}

void store(const part_totals& totals, dense_part& part) {
  part.unfixed = totals.unfixed;
  part.first_non_finite =
      totals.first_non_finite == part_totals::none ? std::nullopt : std::optional(totals.first_non_finite);
  part.changes = totals.changes;
  part.hash_change = totals.hash_change;
}

// The loop of step_part_densely, with `evaluate(e, out, not_finite)` as
// evaluate_double.
template <class Evaluate>
void step_part(const dense_step& step, std::size_t begin, std::size_t end, dense_part& part, Evaluate evaluate) {
  const part_arrays arrays = arrays_of(step, part);
  part_totals totals;
  double ignored = 0.0;
  for (std::size_t i = begin; i < end; ++i) {
    const auto e = static_cast<equation_index>(i);
    double value = arrays.y[arrays.target[e]];
    const bool not_finite = evaluate(e, value, ignored) != double_evaluation::finite;
    settle(arrays, e, value, not_finite, totals);
  }
  store(totals, part);
}

// The loop for networks of weighted sums with one σ, compiled once per σ:
// two equations at a time, their sums side by side (weighted_sum_pair).
template <activation A>
void step_part_uniformly(const dense_step& step, std::size_t begin, std::size_t end, dense_part& part) {
  const double_equations eq = step.equations;
  const part_arrays arrays = arrays_of(step, part);
  part_totals totals;
  double ignored = 0.0;
  const auto finish = [&](equation_index e, double xi) {
    double value = arrays.y[arrays.target[e]];
    const bool not_finite = activate(A, xi, eq.lambda[e], value, ignored) != double_evaluation::finite;
    settle(arrays, e, value, not_finite, totals);
  };
  std::size_t i = begin;
  for (; i + 1 < end; i += 2) {
    const auto e = static_cast<equation_index>(i);
    double first = 0.0, second = 0.0;
    weighted_sum_pair(eq, e, arrays.y, first, second);
    finish(e, first);
    finish(e + 1, second);
  }
  if (i < end) finish(static_cast<equation_index>(i), weighted_sum(eq, static_cast<equation_index>(i), arrays.y));
  store(totals, part);
}

}  // namespace

void step_part_densely(const dense_step& step, std::size_t begin, std::size_t end, dense_part& part) {
  if (!step.uniform) {
    const double_equations eq = step.equations;
    step_part(step, begin, end, part, [&eq, y = step.y](equation_index e, double& out, double& not_finite) {
      return evaluate_double(eq, e, y, out, not_finite);
    });
    return;
  }
  switch (*step.uniform) {
    case activation::step: step_part_uniformly<activation::step>(step, begin, end, part); break;
    case activation::sign: step_part_uniformly<activation::sign>(step, begin, end, part); break;
    case activation::sat: step_part_uniformly<activation::sat>(step, begin, end, part); break;
    case activation::relu: step_part_uniformly<activation::relu>(step, begin, end, part); break;
    case activation::id: step_part_uniformly<activation::id>(step, begin, end, part); break;
    case activation::logistic: step_part_uniformly<activation::logistic>(step, begin, end, part); break;
    case activation::tanh: step_part_uniformly<activation::tanh>(step, begin, end, part); break;
  }
}

std::vector<std::size_t> cut_by_terms(const double_equations& eq, std::span<const equation_index> equations,
                                      unsigned parts) {
  auto weight = [&](equation_index e) { return std::size_t{eq.term_begin[e + 1] - eq.term_begin[e]} + 1; };
  std::size_t terms = 0;
  for (equation_index e : equations) terms += weight(e);
  std::vector<std::size_t> cut{0};
  std::size_t seen = 0;
  for (std::size_t i = 0; i < equations.size() && cut.size() < parts; ++i) {
    seen += weight(equations[i]);
    if (seen * parts >= terms * cut.size()) cut.push_back(i + 1);
  }
  while (cut.size() <= parts) cut.push_back(equations.size());
  return cut;
}

void sweep_doubles(const double_equations& eq, std::span<const equation_index> equations, const double* y,
                   double* next, char* non_finite, unsigned threads) {
  if (threads <= 1 || equations.size() < 2 * threads) {
    sweep_part(eq, equations, y, next, non_finite);
    return;
  }
  // Each thread writes only its own equations' entries of next and
  // non_finite, and reads y alone.
  const std::vector<std::size_t> cut = cut_by_terms(eq, equations, threads);
  in_parallel(threads, [&](unsigned p) {
    sweep_part(eq, equations.subspan(cut[p], cut[p + 1] - cut[p]), y, next, non_finite);
  });
}

void read_in_order(std::span<const double> values) {
  constexpr std::size_t per_line = 64 / sizeof(double);
  double sum = 0.0;
  for (std::size_t i = 0; i < values.size(); i += per_line) sum += values[i];
  // Stored where the compiler must keep it, so that the reads are not left
  // out; it is not used.
  volatile double kept = sum;
  static_cast<void>(kept);
}

unsigned automatic_sweep_threads(std::size_t terms) {
  // Handing a part to another thread (starting it on the first call, waking
  // it later: worker_pool.hpp) costs up to some tens of microseconds; a
  // sweep of 2^18 terms takes some hundreds, so from there a second core
  // pays.
  constexpr std::size_t worth_a_thread = std::size_t{1} << 18;
  if (terms < worth_a_thread) return 1;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>({cores, terms / worth_a_thread * 2, 8}));
}

}  // namespace nnsim
