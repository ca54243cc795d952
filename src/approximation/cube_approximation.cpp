// The construction of cube_approximation.hpp.
#include "nnsim/approximation/cube_approximation.hpp"

#include "nnsim/approximation/approximation_input.hpp"

#include "approximation/approximation_network_builder.hpp"
#include "approximation/construction_numbers.hpp"
#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace nnsim {
namespace {

using namespace construction;

// Grids with more cubes than this are refused before any work.
// Every cube of the grid is decided, so a grid is refused beyond this.
constexpr unsigned long long most_cubes = 10'000'000;

using index_vector = std::vector<std::size_t>;

// A cube's sub-boxes by what interval arithmetic showed: in A, outside A,
// undecided, and the thin shells left out where a sub-box was decided only
// on its interior (shrunk by side / 2^shell_shift at each face: a cube that
// touches A only on its boundary is decided that way).
struct sub_volumes {
  rational inside, outside, unknown, shell;
  void add(const sub_volumes& other) {
    inside += other.inside;
    outside += other.outside;
    unknown += other.unknown;
    shell += other.shell;
  }
};

constexpr unsigned shell_shift = 32;

class cube_builder {
 public:
  cube_builder(const real_predicate& set, const cube_approximation_options& options)
      : set_(set), options_(options), k_(options.domain.dimension()) {
    depth_ = options.refinement != 0 ? options.refinement : static_cast<unsigned>(std::min<std::size_t>(3 * k_, 12));
    budget_ = 64 * options.max_neurons;
  }

  cube_approximation run() {
    grid_lines();
    result_.volume = options_.domain.volume();
    examine(index_vector(k_, 0), sides_);
    std::sort(kept_.begin(), kept_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    build_network();
    return std::move(result_);
  }

 private:
  void grid_lines() {
    const rational& h = options_.cube_size;
    unsigned long long total = 1;
    for (std::size_t i = 0; i < k_; ++i) {
      const rational side = options_.domain.high[i] - options_.domain.low[i];
      const integer count = ceiling_of(side / h);
      if (count > integer(most_cubes) || integer(total) * count > integer(most_cubes)) {
        throw input_error(fmt::format("a grid of cubes of side {} on {} has more than 10000000 cubes (give a larger --cube-size)", to_string(h),
                                      to_string(options_.domain)));
      }
      const auto m = count.convert_to<unsigned long long>();
      total *= m;
      sides_.push_back(static_cast<std::size_t>(m));
      std::vector<rational> values;
      for (std::size_t j = 0; j < m; ++j) values.push_back(options_.domain.low[i] + h * j);
      values.push_back(options_.domain.high[i]);
      lines_.push_back(std::move(values));
    }
    result_.cubes = static_cast<std::size_t>(total);
  }

  box region(const index_vector& begin, const index_vector& end) const {
    box b;
    for (std::size_t i = 0; i < k_; ++i) {
      b.low.push_back(lines_[i][begin[i]]);
      b.high.push_back(lines_[i][end[i]]);
    }
    return b;
  }

  truth decide(const box& b) {
    if (++evaluations_ > budget_) {
      throw input_error(fmt::format("deciding the cubes takes more than {} interval evaluations (raise "
                                    "--max-neurons, or give a larger --cube-size)",
                                    budget_));
    }
    return holds_over(set_, b);
  }

  void keep(const index_vector& index, cube_status status) {
    if (kept_.size() + 1 > options_.max_neurons) {
      throw input_error(fmt::format("more than {} cubes meet the set, so the network would have more than {} "
                                    "neurons (raise --max-neurons, or give a larger --cube-size)",
                                    options_.max_neurons, options_.max_neurons));
    }
    kept_.emplace_back(index, status);
  }

  // Every cube of the block [begin, end) (index ranges per coordinate).
  void examine(const index_vector& begin, const index_vector& end) {
    std::size_t count = 1;
    std::size_t widest = 0;
    for (std::size_t i = 0; i < k_; ++i) {
      count *= end[i] - begin[i];
      if (end[i] - begin[i] > end[widest] - begin[widest]) widest = i;
    }
    const truth t = decide(region(begin, end));
    if (t == truth::no) {
      result_.dropped += count;
      return;
    }
    if (t == truth::yes) {
      if (kept_.size() + count > options_.max_neurons) keep(begin, cube_status::inside);  // throws
      index_vector index = begin;
      for (std::size_t n = 0; n < count; ++n) {
        keep(index, cube_status::inside);
        for (std::size_t i = k_; i-- > 0;) {  // the next index, last coordinate fastest
          if (++index[i] < end[i]) break;
          index[i] = begin[i];
        }
      }
      result_.inside += count;
      return;
    }
    if (count == 1) {
      refine_cube(begin);
      return;
    }
    const std::size_t middle = begin[widest] + (end[widest] - begin[widest]) / 2;
    index_vector left_end = end, right_begin = begin;
    left_end[widest] = middle;
    right_begin[widest] = middle;
    examine(begin, left_end);
    examine(right_begin, end);
  }

  sub_volumes bisect(const box& b, const box& cube, unsigned depth) {
    const truth t = decide(b);
    if (t == truth::yes) return {b.volume(), 0, 0, 0};
    if (t == truth::no) return {0, b.volume(), 0, 0};
    if (depth > 0) {
      const auto [left, right] = b.bisect(b.widest(cube));
      sub_volumes v = bisect(left, cube, depth - 1);
      v.add(bisect(right, cube, depth - 1));
      return v;
    }
    const box inner = b.shrunk(shell_shift);
    const truth t_inner = decide(inner);
    if (t_inner == truth::unknown) return {0, 0, b.volume(), 0};
    const rational shell = b.volume() - inner.volume();
    return t_inner == truth::yes ? sub_volumes{inner.volume(), 0, 0, shell} : sub_volumes{0, inner.volume(), 0, shell};
  }

  // A single cube on which the predicate is undecided: its sub-boxes.  A
  // dropped cube adds the part of it that may be in A to the bound (its
  // shells), a kept one the part that may be outside.
  void refine_cube(const index_vector& index) {
    index_vector end = index;
    for (std::size_t& e : end) ++e;
    const box cube = region(index, end);
    const auto [left, right] = cube.bisect(cube.widest(cube));
    const unsigned below = depth_ > 0 ? depth_ - 1 : 0;
    sub_volumes v = bisect(left, cube, below);
    v.add(bisect(right, cube, below));
    if (v.inside == 0 && v.unknown == 0) {
      ++result_.dropped;  // proven disjoint from A but for the shells
      result_.bound += v.shell;
      return;
    }
    if (v.outside == 0 && v.unknown == 0) {
      ++result_.inside;
      keep(index, cube_status::inside);
      result_.bound += v.shell;
      return;
    }
    const bool meets = v.inside > 0;
    ++(meets ? result_.meeting : result_.ambiguous);
    keep(index, meets ? cube_status::meets : cube_status::ambiguous);
    result_.bound += v.outside + v.unknown + v.shell;
    result_.proven_outside += v.outside;
  }

  std::string coordinate_name(std::size_t i) const { return k_ == 1 ? "x" : fmt::format("x{}", i + 1); }

  void build_network() {
    approximation_network_builder b("cube_approximation", k_);
    // Layer 1: the half-spaces the kept cubes use, by coordinate, grid value, direction.
    std::set<std::tuple<std::size_t, std::size_t, int>> used;  // (i, j, +1: x_i >= g_j; -1: x_i <= g_j)
    for (const auto& [index, status] : kept_) {
      for (std::size_t i = 0; i < k_; ++i) {
        used.insert({i, index[i], 1});
        used.insert({i, index[i] + 1, -1});
      }
    }
    std::map<std::tuple<std::size_t, std::size_t, int>, neuron_id> half_spaces;
    for (const auto& [i, j, direction] : used) {
      const rational& g = lines_[i][j];
      const std::string name = fmt::format("{}{}_{}", direction > 0 ? "ge" : "le", k_ == 1 ? "" : std::to_string(i + 1), j);
      const std::string comment = fmt::format("{}{} {} {}", half_spaces.empty() ? "layer 1, half-spaces: " : "",
                                              coordinate_name(i), direction > 0 ? ">=" : "<=", to_string(g));
      half_spaces[{i, j, direction}] =
          b.add(name, activation::step, direction > 0 ? rational(-g) : g, {{b.x[i], rational(direction)}}, comment);
    }
    result_.first_layer = half_spaces.size();
    // Layer 2: one AND per kept cube.
    std::vector<weighted_term> cubes;
    const auto two_k = static_cast<long>(2 * k_);
    for (const auto& [index, status] : kept_) {
      std::vector<weighted_term> sides;
      box cube;
      for (std::size_t i = 0; i < k_; ++i) {
        sides.push_back({half_spaces.at({i, index[i], 1}), rational(1)});
        sides.push_back({half_spaces.at({i, index[i] + 1, -1}), rational(1)});
        cube.low.push_back(lines_[i][index[i]]);
        cube.high.push_back(lines_[i][index[i] + 1]);
      }
      const char* what = status == cube_status::inside ? "inside the set"
                         : status == cube_status::meets ? "meets the set"
                                                        : "ambiguous, kept";
      const std::string comment = fmt::format("{}cube {}: {}", cubes.empty() ? "layer 2, one AND per cube: " : "",
                                              to_string(cube), what);
      cubes.push_back({b.add(fmt::format("c{}", cubes.size() + 1), activation::step, rational(-two_k), sides, comment),
                       rational(1)});
      result_.kept.push_back({std::move(cube), status});
    }
    result_.second_layer = cubes.size();
    if (result_.first_layer + result_.second_layer + 1 > options_.max_neurons) {
      throw input_error(fmt::format("the network would have {} neurons, more than {} (raise --max-neurons, or give "
                                    "a larger --cube-size)",
                                    result_.first_layer + result_.second_layer + 1, options_.max_neurons));
    }
    b.add(b.y, activation::step, rational(-1), cubes,
          cubes.empty() ? std::string("no cube meets the set: y = 0 everywhere")
                        : fmt::format("layer 3: the OR of the {} cube{}", cubes.size(), cubes.size() == 1 ? "" : "s"));
    b.net.comment = wrapped(fmt::format(
        "y = 1 exactly on a union of {} cubes of side {} covering the set: the lecture's three-layer network of "
        "unit-step neurons for a set A (cover A with hypercubes, one two-layer net N_K per cube K, an OR of the N_K "
        "with K meeting A).\n"
        "Interval arithmetic decided the {} cubes of the grid on {}: {} inside the set, {} meeting it, {} ambiguous "
        "(kept), {} disjoint from it (dropped).\n"
        "Proven: the points misclassified have measure <= {} (of {}), the part of the kept cubes not proven inside "
        "the set.",
        cubes.size(), to_string(options_.cube_size), result_.cubes, to_string(options_.domain), result_.inside,
        result_.meeting, result_.ambiguous, result_.dropped, bound_text(result_.bound, true),
        to_string(result_.volume)));
    result_.net = std::move(b.net);
  }

  const real_predicate& set_;
  const cube_approximation_options& options_;
  std::size_t k_;
  unsigned depth_ = 0;
  std::size_t budget_ = 0;
  std::size_t evaluations_ = 0;
  std::vector<std::size_t> sides_;            // cubes per coordinate
  std::vector<std::vector<rational>> lines_;  // grid values per coordinate
  std::vector<std::pair<index_vector, cube_status>> kept_;
  cube_approximation result_;
};

}  // namespace

cube_approximation build_cube_approximation(const real_predicate& set, const cube_approximation_options& options) {
  const box& domain = options.domain;
  if (domain.dimension() == 0) throw input_error("the box has no coordinates");
  if (options.cube_size <= 0) throw input_error("the cube size must be positive");
  for (std::size_t i = 0; i < domain.dimension(); ++i) {
    if (options.cube_size > domain.high[i] - domain.low[i]) {
      throw input_error(fmt::format("the cube size {} is larger than the box's side {} (coordinate {})",
                                    to_string(options.cube_size), to_string(domain.high[i] - domain.low[i]), i + 1));
    }
  }
  return cube_builder(set, options).run();
}

}  // namespace nnsim
