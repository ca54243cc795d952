// The construction of relu_approximation.hpp; the proof of the per-cell
// bound is in that header.
#include "nnsim/approximation/relu_approximation.hpp"

#include "nnsim/approximation/approximation_input.hpp"

#include "approximation/approximation_network_builder.hpp"
#include "approximation/construction_numbers.hpp"
#include "nnsim/approximation/function_sample.hpp"
#include "nnsim/approximation/function_variation.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace nnsim {
namespace {

using namespace construction;

// A cell narrower than the domain's width / 2^this is not cut again.
constexpr unsigned finest_cut = 60;
// The parts a cell's variation is computed on when the whole cell's bound is
// too loose, before the cell itself is cut.
constexpr unsigned variation_pieces = 8;

struct cell_result {
  rational bound;
  std::optional<rational> lipschitz;
};

// min(h (g_hi - g_lo) / 4, osc) + max(e_l, e_r): the header's bound on one cell.
rational cell_bound(const function_variation& v, const rational& width, const rational& value_error) {
  rational interpolation = v.oscillation();
  if (const std::optional<rational> spread = v.slope_spread()) {
    interpolation = std::min(interpolation, rational(width * *spread / 4));
  }
  return interpolation + value_error;
}

class relu_builder {
 public:
  relu_builder(const function_enclosure& f, const relu_approximation_options& options)
      : f_(f), options_(options), a_(options.domain.low[0]), b_(options.domain.high[0]) {
    result_.rounding_allowed = power_of_two_at_most(options.epsilon / 32);
    finest_ = (b_ - a_) * power_of_two(-static_cast<long>(finest_cut));
  }

  relu_approximation run() {
    if (options_.lipschitz) {
      uniform_grid(*options_.lipschitz);
    } else {
      adaptive(a_, b_);
      result_.knots.push_back(b_);
    }
    if (!unbounded_) result_.lipschitz = largest_lipschitz_;
    for (const rational& t : result_.knots) {
      const function_sample& s = sample(t);
      result_.values.push_back(s.value);
      result_.value_errors.push_back(s.error);
    }
    if (result_.lipschitz || options_.lipschitz) {
      const rational l = options_.lipschitz ? *options_.lipschitz : *result_.lipschitz;
      result_.textbook_units = ceiling_of(l * (b_ - a_) / (2 * options_.epsilon));
    }
    build_network();
    return std::move(result_);
  }

 private:
  const function_sample& sample(const rational& t) {
    auto found = samples_.find(t);
    if (found == samples_.end()) {
      found = samples_.emplace(t, sample_function(f_, {t}, result_.rounding_allowed)).first;
    }
    return found->second;
  }

  // The cell's bound from its variation on 1, then on variation_pieces
  // parts; nothing when f cannot be enclosed on it.  `target`: stop at the
  // first bound <= target.
  std::optional<cell_result> bound_on(const rational& l, const rational& r, const rational& target) {
    const rational error = std::max(sample(l).error, sample(r).error);
    std::optional<cell_result> best;
    for (unsigned pieces : {1U, variation_pieces}) {
      const std::optional<function_variation> v = variation_over(f_, l, r, pieces);
      if (!v) continue;
      cell_result c{cell_bound(*v, r - l, error), v->lipschitz()};
      if (!best || c.bound < best->bound) best = c;
      if (best->bound <= target) break;
    }
    return best;
  }

  void accept(const rational& l, const rational& r, const cell_result& c) {
    if (result_.knots.size() >= options_.max_neurons) {
      throw input_error(fmt::format("the approximation needs more than {} cells (raise --max-neurons, or give a "
                                    "larger epsilon)",
                                    options_.max_neurons));
    }
    result_.knots.push_back(l);
    if (result_.knots.size() == 1 || c.bound > result_.bound) {
      result_.bound = c.bound;
      result_.worst_low = l;
      result_.worst_high = r;
    }
    if (!c.lipschitz) {
      unbounded_ = true;
    } else if (*c.lipschitz > largest_lipschitz_) {
      largest_lipschitz_ = *c.lipschitz;
    }
  }

  // Bisects [l, r] until each cell's bound is <= ε; the cells' left ends go
  // to knots in order.
  void adaptive(const rational& l, const rational& r) {
    const std::optional<cell_result> c = bound_on(l, r, options_.epsilon);
    if (c && c->bound <= options_.epsilon) {
      accept(l, r, *c);
      return;
    }
    if (r - l <= finest_) {
      const rational m = (l + r) / 2;
      if (!c) {
        throw input_error(fmt::format("f cannot be evaluated near x = {}: a domain condition stays undecided on "
                                      "[{}, {}], so f is not proven defined on the whole domain",
                                      to_string(m), to_string(l), to_string(r)));
      }
      throw input_error(fmt::format("the error near x = {} cannot be bounded by {}: interval arithmetic gives "
                                    "{} on [{}, {}] however small the cell",
                                    to_string(m), to_string(options_.epsilon), bound_text(c->bound, true),
                                    to_string(l), to_string(r)));
    }
    const rational m = (l + r) / 2;
    adaptive(l, m);
    adaptive(m, r);
  }

  void uniform_grid(const rational& lipschitz) {
    if (lipschitz < 0) throw input_error("the Lipschitz constant must not be negative");
    const rational allowed = options_.epsilon - result_.rounding_allowed;
    const integer cells = std::max(integer(1), ceiling_of(lipschitz * (b_ - a_) / (2 * allowed)));
    if (cells > options_.max_neurons) {
      throw input_error(fmt::format("the uniform grid for Lipschitz constant {} needs {} cells, more than {} (raise "
                                    "--max-neurons, or give a larger epsilon)",
                                    to_string(lipschitz), cells.str(), options_.max_neurons));
    }
    const auto n = static_cast<std::size_t>(cells.convert_to<unsigned long>());
    const rational h = (b_ - a_) / n;
    rational largest_error = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const rational l = a_ + h * i;
      const rational r = i + 1 == n ? b_ : l + h;
      std::optional<cell_result> c = bound_on(l, r, rational(0));
      if (!c) c = prove_by_parts(l, r);
      accept(l, r, *c);
      largest_error = std::max({largest_error, sample(l).error, sample(r).error});
    }
    result_.knots.push_back(b_);
    result_.assumed_lipschitz = lipschitz;
    result_.assumed_bound = lipschitz * h / 2 + largest_error;
  }

  // A cell of the uniform grid on which f cannot be enclosed whole: the
  // oscillation bound needs only the range, so the range of each of
  // ever more parts is tried.
  cell_result prove_by_parts(const rational& l, const rational& r) {
    const rational error = std::max(sample(l).error, sample(r).error);
    for (unsigned pieces = 64; pieces <= 4096; pieces *= 8) {
      if (const std::optional<function_variation> v = variation_over(f_, l, r, pieces)) {
        return {cell_bound(*v, r - l, error), v->lipschitz()};
      }
    }
    throw input_error(fmt::format("f cannot be evaluated near x = {}: a domain condition stays undecided on [{}, "
                                  "{}], so f is not proven defined on the whole domain",
                                  to_string((l + r) / 2), to_string(l), to_string(r)));
  }

  void build_network() {
    const std::vector<rational>& t = result_.knots;
    const std::vector<rational>& v = result_.values;
    approximation_network_builder b("relu_approximation", 1);
    std::vector<weighted_term> terms;
    rational previous_slope = 0;
    std::size_t number = 0;
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
      const rational slope = (v[i + 1] - v[i]) / (t[i + 1] - t[i]);
      const rational change = slope - previous_slope;
      previous_slope = slope;
      if (change == 0) continue;
      ++number;
      const std::string comment =
          i == 0 ? fmt::format("knot {} (the left end): the first slope, {}", to_string(t[i]), to_string(change))
                 : fmt::format("knot {}: the slope changes by {} (to {})", to_string(t[i]), to_string(change),
                               to_string(slope));
      const neuron_id h = b.add(fmt::format("h{}", number), activation::relu, -t[i], {{b.x[0], rational(1)}}, comment);
      terms.push_back({h, change});
    }
    result_.hidden = number;
    b.add(b.y, activation::id, v[0], terms,
          fmt::format("F(x) = {} (the value at {}) plus the slope changes: the interpolation of f", to_string(v[0]),
                      to_string(t[0])));
    const std::string f_text = to_string(f_.expression());
    const std::string grid =
        options_.lipschitz
            ? fmt::format("a uniform grid of {} cells for the Lipschitz constant L = {} given: the textbook's count, "
                          "L h / 2 + delta <= epsilon with delta = {} the rounding allowed for a knot value",
                          t.size() - 1, to_string(*options_.lipschitz), to_string(result_.rounding_allowed))
            : fmt::format("an adaptive dyadic grid of {} cells, each bisected until its proven bound is <= epsilon",
                          t.size() - 1);
    b.net.comment = wrapped(fmt::format(
        "F(x) = v0 + sum of c_i relu(x - t_i): the piecewise-linear interpolation of f(x) = {} on [{}, {}] at {} "
        "knots t_i, the lecture's \"Power of ReLU\" (a two-layer network: ReLU hidden neurons, an identity output); "
        "c_i is the change of slope at t_i.\n"
        "The grid: {}. Knot values are f(t_i) exactly where f is rational there, otherwise within {} of it.\n"
        "Proven: |f(x) - F(x)| <= {} on [{}, {}] (epsilon = {}), from interval arithmetic on each cell C of width h: "
        "|f - F| <= min(h (sup f' - inf f') / 4, oscillation of f on C) + the knot values' error.",
        f_text, to_string(a_), to_string(b_), t.size(), grid, to_string(result_.rounding_allowed),
        bound_text(result_.bound, true), to_string(a_), to_string(b_), to_string(options_.epsilon)));
    result_.net = std::move(b.net);
  }

  const function_enclosure& f_;
  const relu_approximation_options& options_;
  rational a_, b_, finest_;
  relu_approximation result_;
  std::map<rational, function_sample> samples_;
  bool unbounded_ = false;
  rational largest_lipschitz_ = 0;
};

}  // namespace

relu_approximation build_relu_approximation(const function_enclosure& f, const relu_approximation_options& options) {
  if (options.epsilon <= 0) throw input_error("epsilon must be positive");
  if (options.domain.dimension() != 1 || f.dimension() != 1) {
    throw input_error("the ReLU construction approximates a function of one variable on an interval");
  }
  return relu_builder(f, options).run();
}

}  // namespace nnsim
