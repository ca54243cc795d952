#include "nnsim/approximation/approximation_check.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <mpfi.h>

#include <algorithm>
#include <optional>
#include <queue>

namespace nnsim {
namespace {

// Boxes narrower than the domain's side / 2^this are not cut again: f
// cannot be evaluated there at all.
constexpr unsigned finest_cut = 60;
// Each box is decided on its interior shrunk by side / 2^this at each face.
constexpr unsigned shell_shift = 32;

box point_box(const std::vector<rational>& point) { return {point, point}; }

// I_i - m_i for the box's coordinate i and midpoint m.
interval_number offsets(const box& b, const std::vector<rational>& m, std::size_t i) {
  interval_number d(approximation_precision);
  const rational lo = b.low[i] - m[i];
  const rational hi = b.high[i] - m[i];
  mpfi_interv_q(d.get(), lo.backend().data(), hi.backend().data());
  return d;
}

// value(m) + Σ_i gradient_i (B_i - m_i) intersected into `range`.
void tighten(interval_number& range, const interval_number& at_midpoint, const std::vector<interval_number>& gradient,
             const box& b, const std::vector<rational>& m) {
  interval_number centred = at_midpoint;
  interval_number t(approximation_precision);
  for (std::size_t i = 0; i < b.dimension(); ++i) {
    mpfi_mul(t.get(), gradient[i].get(), offsets(b, m, i).get());
    mpfi_add(centred.get(), centred.get(), t.get());
  }
  mpfi_intersect(range.get(), range.get(), centred.get());
}


class function_checker {
 public:
  function_checker(network_enclosure& network, const function_enclosure& f, const approximation_check_options& options)
      : network_(network), f_(f), options_(options) {}

  function_check_result run() {
    if (f_.dimension() != network_.dimension() || options_.domain.dimension() != network_.dimension()) {
      throw input_error(fmt::format("the function has {} variables, the network {} inputs and the domain {} "
                                    "coordinates",
                                    f_.dimension(), network_.dimension(), options_.domain.dimension()));
    }
    result_.witness = options_.domain.midpoint();
    heap_.push(evaluate(options_.domain));
    while (true) {
      const scored& top = heap_.top();
      if (top.upper) {
        // Tight enough, and ε decided (or never to be: the error is ε exactly).
        const rational tolerance = std::max(result_.attained / 256, options_.epsilon / 64);
        const bool decided = *top.upper <= options_.epsilon || result_.attained > options_.epsilon;
        if (*top.upper - result_.attained <= tolerance && decided) break;
      }
      if (result_.boxes + 2 > options_.max_boxes) {
        result_.budget_exhausted = true;
        break;
      }
      const box region = top.region;
      const bool evaluated = top.upper.has_value();
      const std::size_t along = region.widest(options_.domain);
      if (!top_is_cuttable(region, along)) {
        if (evaluated) break;  // as tight as boxes get
        throw input_error(fmt::format("f cannot be evaluated near {} (in {}): a domain condition stays "
                                      "undecided there, so it is not defined on the whole domain",
                                      point_text(region.midpoint()), to_string(region)));
      }
      heap_.pop();
      auto [left, right] = region.bisect(along);
      heap_.push(evaluate(left));
      heap_.push(evaluate(right));
    }
    const scored& top = heap_.top();
    if (!top.upper) {
      throw input_error(fmt::format("f cannot be evaluated on {} within {} boxes (raise --max-boxes)",
                                    to_string(top.region), options_.max_boxes));
    }
    result_.bound = *top.upper;
    result_.worst_box = top.region;
    if (result_.bound <= options_.epsilon) {
      result_.verdict = approximation_verdict::met;
    } else if (result_.attained > options_.epsilon) {
      result_.verdict = approximation_verdict::not_met;
    }
    return result_;
  }

 private:
  struct scored {
    box region;
    std::optional<rational> upper;  // nothing: f could not be evaluated on it
  };
  struct lower_priority {
    bool operator()(const scored& a, const scored& b) const {
      if (!b.upper) return a.upper.has_value();
      if (!a.upper) return false;
      return *a.upper < *b.upper;
    }
  };

  bool top_is_cuttable(const box& region, std::size_t along) const {
    rational side = options_.domain.high[along] - options_.domain.low[along];
    mpq_div_2exp(side.backend().data(), side.backend().data(), finest_cut);
    return region.high[along] - region.low[along] > side;
  }

  std::optional<interval_number> f_over(const box& b) const {
    try {
      return f_.over(b);
    } catch (const expression_error& error) {
      throw input_error(fmt::format("f is not defined at {}: {}", point_text(b.midpoint()), error.what()));
    }
  }

  // E = f - F at one point.
  std::optional<interval_number> error_at(const std::vector<rational>& point) {
    const std::optional<interval_number> fx = f_over(point_box(point));
    if (!fx) return std::nullopt;
    interval_number e(approximation_precision);
    mpfi_sub(e.get(), fx->get(), network_.over(point_box(point)).value.get());
    if (!is_bounded(e)) return std::nullopt;
    return e;
  }

  scored evaluate(const box& b) {
    ++result_.boxes;
    const std::vector<rational> m = b.midpoint();
    // The lower bound: |E| at the midpoint.
    at_midpoint_ = error_at(m);
    if (at_midpoint_) {
      const rational low = magnitude_lower(*at_midpoint_);
      if (low > result_.attained) {
        result_.attained = low;
        result_.witness = m;
      }
    }
    std::optional<gradient_enclosure> fb;
    try {
      fb = f_.with_gradient(b);
    } catch (const expression_error& error) {
      throw input_error(fmt::format("f is not defined at {}: {}", point_text(m), error.what()));
    }
    if (!fb) return {b, std::nullopt};
    const gradient_enclosure network_on_b = network_.over(b);
    interval_number e(approximation_precision);
    mpfi_sub(e.get(), fb->value.get(), network_on_b.value.get());
    if (at_midpoint_ && fb->gradient_bounded && network_on_b.gradient_bounded) {
      std::vector<interval_number> gradient = fb->gradient;
      for (std::size_t i = 0; i < gradient.size(); ++i) {
        mpfi_sub(gradient[i].get(), gradient[i].get(), network_on_b.gradient[i].get());
      }
      tighten(e, *at_midpoint_, gradient, b, m);
      if (b.dimension() == 1 && is_bounded(gradient[0]) &&
          (mpfi_is_nonneg(gradient[0].get()) > 0 || mpfi_is_nonpos(gradient[0].get()) > 0)) {
        // E is monotone on the interval: its range lies between its values
        // at the two ends, which is what proves a bound at a maximum
        // reached exactly (the centred form always overshoots there).
        const std::optional<interval_number> at_low = error_at({b.low[0]});
        const std::optional<interval_number> at_high = error_at({b.high[0]});
        if (at_low && at_high) {
          interval_number ends = *at_low;
          mpfi_union(ends.get(), ends.get(), at_high->get());
          mpfi_intersect(e.get(), e.get(), ends.get());
        }
      }
    }
    if (!is_bounded(e)) return {b, std::nullopt};
    return {b, magnitude_upper(e)};
  }

  network_enclosure& network_;
  const function_enclosure& f_;
  const approximation_check_options& options_;
  function_check_result result_;
  std::priority_queue<scored, std::vector<scored>, lower_priority> heap_;
  std::optional<interval_number> at_midpoint_;
};

class set_checker {
 public:
  set_checker(network_enclosure& network, const real_predicate& set, const approximation_check_options& options)
      : network_(network), set_(set), options_(options) {}

  set_check_result run() {
    const std::size_t k = network_.dimension();
    if (options_.domain.dimension() != k) {
      throw input_error(fmt::format("the network has {} inputs and the domain {} coordinates", k,
                                    options_.domain.dimension()));
    }
    result_.volume = options_.domain.volume();
    result_.shell = result_.volume * rational(static_cast<long>(k));
    mpq_div_2exp(result_.shell.backend().data(), result_.shell.backend().data(), shell_shift - 1);
    classify(options_.domain);
    const rational tolerance = options_.epsilon / 64;
    while (!undecided_.empty() && result_.undecided > tolerance) {
      if (result_.boxes + 2 > options_.max_boxes) {
        result_.budget_exhausted = true;
        break;
      }
      const box region = undecided_.top().region;
      undecided_.pop();
      result_.undecided -= region.volume();
      auto [left, right] = region.bisect(region.widest(options_.domain));
      classify(left);
      classify(right);
    }
    while (!undecided_.empty()) {
      result_.leaves.push_back({undecided_.top().region, region_kind::undecided});
      undecided_.pop();
    }
    if (result_.bound() <= options_.epsilon) {
      result_.verdict = approximation_verdict::met;
    } else if (result_.misclassified > options_.epsilon) {
      result_.verdict = approximation_verdict::not_met;
    }
    return result_;
  }

 private:
  struct sized {
    box region;
    rational volume;
  };
  struct smaller {
    bool operator()(const sized& a, const sized& b) const { return a.volume < b.volume; }
  };

  truth network_positive(const box& b) {
    const gradient_enclosure on_b = network_.over(b);
    interval_number range = on_b.value;
    if (on_b.gradient_bounded) {
      const std::vector<rational> m = b.midpoint();
      const gradient_enclosure at_m = network_.over(point_box(m));
      tighten(range, at_m.value, on_b.gradient, b, m);
    }
    if (!is_bounded(range)) return truth::unknown;
    if (mpfr_sgn(&range.get()->left) > 0) return truth::yes;
    if (mpfr_sgn(&range.get()->right) <= 0) return truth::no;
    return truth::unknown;
  }

  void classify(const box& b) {
    ++result_.boxes;
    const box inner = b.shrunk(shell_shift);
    const truth in_set = holds_over(set_, inner);
    const truth positive = in_set == truth::unknown ? truth::unknown : network_positive(inner);
    const rational volume = b.volume();
    if (positive == truth::unknown) {
      result_.undecided += volume;
      undecided_.push({b, volume});
      return;
    }
    // Only the interior was decided: the proven measures count it, and the
    // shell (at most volume * k / 2^31 over all boxes) is in bound().
    const rational decided = inner.volume();
    region_kind kind;
    if (in_set == truth::yes) {
      result_.inside += decided;
      kind = positive == truth::yes ? region_kind::correct_inside : region_kind::misclassified_inside;
      if (positive == truth::no) result_.false_negative += decided;
    } else {
      kind = positive == truth::no ? region_kind::correct_outside : region_kind::misclassified_outside;
    }
    if (kind == region_kind::misclassified_inside || kind == region_kind::misclassified_outside) {
      result_.misclassified += decided;
    }
    result_.leaves.push_back({b, kind});
  }

  network_enclosure& network_;
  const real_predicate& set_;
  const approximation_check_options& options_;
  set_check_result result_;
  std::priority_queue<sized, std::vector<sized>, smaller> undecided_;
};

}  // namespace

function_check_result check_function_approximation(network_enclosure& network, const function_enclosure& f,
                                                   const approximation_check_options& options) {
  return function_checker(network, f, options).run();
}

set_check_result check_set_approximation(network_enclosure& network, const real_predicate& set,
                                         const approximation_check_options& options) {
  return set_checker(network, set, options).run();
}

}  // namespace nnsim
