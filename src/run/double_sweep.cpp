#include "run/double_sweep.hpp"

#include <algorithm>
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

}  // namespace

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
