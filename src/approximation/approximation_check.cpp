#include "nnsim/approximation/approximation_check.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <mpfi.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <queue>
#include <string>
#include <string_view>

namespace nnsim {
namespace {

// Boxes narrower than the domain's side / 2^this are not cut again: f
// cannot be evaluated there at all.
constexpr unsigned finest_cut = 60;
// Each box is decided on its interior shrunk by side / 2^this at each face.
constexpr unsigned shell_shift = 32;

box point_box(const std::vector<rational>& point) { return {point, point}; }

// A shard's budget for its `share` (at most 1) of `boxes`: half as many
// again, as shares are estimates, and a few more for the smallest shares.
std::size_t share_of_boxes(const rational& share, std::size_t boxes) {
  const double budget = share.convert_to<double>() * static_cast<double>(boxes) * 1.5 + 64;
  return budget >= static_cast<double>(boxes) ? boxes : static_cast<std::size_t>(budget);
}

// How many boxes the shards' common start leaves to deal out: eight for
// each shard, so that each gets some of the worst and some of the best.
std::size_t start_boxes(const shard& part) { return static_cast<std::size_t>(8 * part.count); }

// Whether the i-th of those boxes, in the order the search takes them, is
// dealt to `part`: in rounds of N, every other round backwards, so that
// the first shard does not get the worst box of every round.
bool dealt_to(const shard& part, std::uint64_t i) {
  const std::uint64_t round = i / part.count, place = i % part.count;
  return (round % 2 == 0 ? place : part.count - 1 - place) == part.index - 1;
}

bool cuttable(const box& region, std::size_t along, const box& domain) {
  rational side = domain.high[along] - domain.low[along];
  mpq_div_2exp(side.backend().data(), side.backend().data(), finest_cut);
  return region.high[along] - region.low[along] > side;
}

// Evaluations of boxes, from `known` when it has them, else computed (and
// kept, with any input error, when `recorded` is given).
class evaluation_source {
 public:
  evaluation_source(const box_evaluations* known, box_evaluations* recorded) : known_(known), recorded_(recorded) {}

  template <class Compute>
  box_evaluation operator()(const std::string& path, Compute&& compute) {
    if (known_ != nullptr) {
      const auto found = known_->find(path);
      if (found != known_->end()) return found->second;
    }
    if (recorded_ == nullptr) return compute();
    box_evaluation e;
    try {
      e = compute();
    } catch (const input_error& error) {
      e = box_evaluation{};
      e.error = error.what();
    }
    (*recorded_)[path] = e;
    return e;
  }

 private:
  const box_evaluations* known_;
  box_evaluations* recorded_;
};

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
  function_checker(network_enclosure& network, const function_enclosure& f, const approximation_check_options& options,
                   box_evaluations* recorded = nullptr)
      : network_(network), f_(f), options_(options), source_(options.known, recorded) {
    if (f_.dimension() != network_.dimension() || options_.domain.dimension() != network_.dimension()) {
      throw input_error(fmt::format("the function has {} variables, the network {} inputs and the domain {} "
                                    "coordinates",
                                    f_.dimension(), network_.dimension(), options_.domain.dimension()));
    }
    result_.witness = options_.domain.midpoint();
  }

  function_check_result run() {
    heap_.push(evaluate(options_.domain, ""));
    while (true) {
      const scored& top = heap_.top();
      if (top.upper && tight_and_decided(*top.upper)) break;
      if (result_.boxes + 2 > options_.max_boxes) {
        result_.budget_exhausted = true;
        break;
      }
      const box region = top.region;
      const std::string path = top.path;
      const bool evaluated = top.upper.has_value();
      const std::size_t along = region.widest(options_.domain);
      if (!cuttable(region, along, options_.domain)) {
        if (evaluated) break;  // as tight as boxes get
        throw input_error(fmt::format("f cannot be evaluated near {} (in {}): a domain condition stays "
                                      "undecided there, so it is not defined on the whole domain",
                                      point_text(region.midpoint()), to_string(region)));
      }
      heap_.pop();
      auto [left, right] = region.bisect(along);
      heap_.push(evaluate(left, path + "0"));
      heap_.push(evaluate(right, path + "1"));
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

  // A shard's search (approximation_check.hpp): run's start, then run's
  // search on the boxes dealt to the shard, with the error found there
  // standing for the error found; a box whose evaluation failed is left
  // out, and a search run would stop in error goes on with the others.
  void explore(const shard& part) {
    const auto push_if_evaluated = [&](const box& b, std::string path) {
      try {
        heap_.push(evaluate(b, std::move(path)));
        return true;
      } catch (const input_error&) {
        return false;  // recorded: the merge reports it if the whole check needs the box
      }
    };
    if (!push_if_evaluated(options_.domain, "")) return;
    while (heap_.size() < start_boxes(part)) {
      const scored& top = heap_.top();
      if ((top.upper && tight_and_decided(*top.upper)) || result_.boxes + 2 > options_.max_boxes) return;
      const box region = top.region;
      const std::string path = top.path;
      const std::size_t along = region.widest(options_.domain);
      if (!cuttable(region, along, options_.domain)) return;
      heap_.pop();
      auto [left, right] = region.bisect(along);
      if (!push_if_evaluated(left, path + "0") || !push_if_evaluated(right, path + "1")) return;
    }
    std::vector<scored> own;
    for (std::uint64_t i = 0; !heap_.empty(); heap_.pop(), ++i) {
      if (dealt_to(part, i)) own.push_back(heap_.top());
    }
    for (scored& b : own) heap_.push(std::move(b));
    const std::size_t budget =
        result_.boxes + share_of_boxes(rational(1, static_cast<long>(part.count)), options_.max_boxes - result_.boxes);
    while (!heap_.empty()) {
      const scored& top = heap_.top();
      if ((top.upper && tight_and_decided(*top.upper)) || result_.boxes + 2 > budget) break;
      const box region = top.region;
      const std::string path = top.path;
      const bool evaluated = top.upper.has_value();
      const std::size_t along = region.widest(options_.domain);
      heap_.pop();
      if (!cuttable(region, along, options_.domain)) {
        if (evaluated) break;
        continue;
      }
      auto [left, right] = region.bisect(along);
      push_if_evaluated(left, path + "0");
      push_if_evaluated(right, path + "1");
    }
  }

 private:
  struct scored {
    box region;
    std::string path;               // in the bisection tree
    std::optional<rational> upper;  // nothing: f could not be evaluated on it
  };
  struct lower_priority {
    bool operator()(const scored& a, const scored& b) const {
      if (!b.upper) return a.upper.has_value();
      if (!a.upper) return false;
      return *a.upper < *b.upper;
    }
  };

  // Whether the largest upper bound, `upper`, is tight enough: within
  // tolerance of the error found, and ε decided (or never to be: the error
  // is ε exactly).
  bool tight_and_decided(const rational& upper) const {
    const rational tolerance = std::max(result_.attained / 256, options_.epsilon / 64);
    const bool decided = upper <= options_.epsilon || result_.attained > options_.epsilon;
    return upper - result_.attained <= tolerance && decided;
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

  scored evaluate(const box& b, std::string path) {
    ++result_.boxes;
    const box_evaluation e = source_(path, [&] { return compute(b); });
    if (!e.error.empty()) throw input_error(e.error);
    if (e.lower && *e.lower > result_.attained) {
      result_.attained = *e.lower;
      result_.witness = b.midpoint();
    }
    return {b, std::move(path), e.upper};
  }

  box_evaluation compute(const box& b) {
    box_evaluation result;
    const std::vector<rational> m = b.midpoint();
    // The lower bound: |E| at the midpoint.
    const std::optional<interval_number> at_midpoint = error_at(m);
    if (at_midpoint) result.lower = magnitude_lower(*at_midpoint);
    std::optional<gradient_enclosure> fb;
    try {
      fb = f_.with_gradient(b);
    } catch (const expression_error& error) {
      throw input_error(fmt::format("f is not defined at {}: {}", point_text(m), error.what()));
    }
    if (!fb) return result;
    const gradient_enclosure network_on_b = network_.over(b);
    interval_number e(approximation_precision);
    mpfi_sub(e.get(), fb->value.get(), network_on_b.value.get());
    if (at_midpoint && fb->gradient_bounded && network_on_b.gradient_bounded) {
      std::vector<interval_number> gradient = fb->gradient;
      for (std::size_t i = 0; i < gradient.size(); ++i) {
        mpfi_sub(gradient[i].get(), gradient[i].get(), network_on_b.gradient[i].get());
      }
      tighten(e, *at_midpoint, gradient, b, m);
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
    if (is_bounded(e)) result.upper = magnitude_upper(e);
    return result;
  }

  network_enclosure& network_;
  const function_enclosure& f_;
  const approximation_check_options& options_;
  evaluation_source source_;
  function_check_result result_;
  std::priority_queue<scored, std::vector<scored>, lower_priority> heap_;
};

class set_checker {
 public:
  set_checker(network_enclosure& network, const real_predicate& set, const approximation_check_options& options,
              box_evaluations* recorded = nullptr)
      : network_(network), set_(set), options_(options), source_(options.known, recorded) {
    const std::size_t k = network_.dimension();
    if (options_.domain.dimension() != k) {
      throw input_error(fmt::format("the network has {} inputs and the domain {} coordinates", k,
                                    options_.domain.dimension()));
    }
    result_.volume = options_.domain.volume();
    result_.shell = result_.volume * rational(static_cast<long>(k));
    mpq_div_2exp(result_.shell.backend().data(), result_.shell.backend().data(), shell_shift - 1);
  }

  set_check_result run() {
    classify(options_.domain, "");
    const rational tolerance = options_.epsilon / 64;
    while (!undecided_.empty() && result_.undecided > tolerance) {
      if (result_.boxes + 2 > options_.max_boxes) {
        result_.budget_exhausted = true;
        break;
      }
      cut_largest([&](const box& half, std::string path) {
        classify(half, std::move(path));
        return true;
      });
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

  // A shard's search: run's start, then run's search on the undecided
  // boxes dealt to the shard, until their undecided measure is at most
  // their share of the tolerance and its boxes their share of max_boxes:
  // the share of the undecided measure dealt to it.
  void explore(const shard& part) {
    const auto classify_recorded = [&](const box& b, std::string path) {
      try {
        classify(b, std::move(path));
        return true;
      } catch (const input_error&) {
        return false;  // recorded: the merge reports it if the whole check needs the box
      }
    };
    const rational tolerance = options_.epsilon / 64;
    if (!classify_recorded(options_.domain, "")) return;
    while (!undecided_.empty() && undecided_.size() < start_boxes(part)) {
      if (result_.undecided <= tolerance || result_.boxes + 2 > options_.max_boxes) return;
      if (!cut_largest(classify_recorded)) return;
    }
    if (undecided_.empty() || result_.undecided <= tolerance) return;
    const rational all_undecided = result_.undecided;
    std::vector<sized> own;
    result_.undecided = 0;
    for (std::uint64_t i = 0; !undecided_.empty(); undecided_.pop(), ++i) {
      if (dealt_to(part, i)) {
        own.push_back(undecided_.top());
        result_.undecided += own.back().volume;
      }
    }
    for (sized& b : own) undecided_.push(std::move(b));
    const rational share = result_.undecided / all_undecided;
    // A little below the share: where the search goes deeper in one part
    // than in another, the merge has less left to evaluate.
    const rational own_tolerance = part.whole() ? tolerance : tolerance * share * rational(3, 4);
    const std::size_t budget = result_.boxes + share_of_boxes(share, options_.max_boxes - result_.boxes);
    while (!undecided_.empty() && result_.undecided > own_tolerance && result_.boxes + 2 <= budget) {
      cut_largest(classify_recorded);
    }
  }

 private:
  // Cuts the largest undecided box in two and classifies both halves with
  // `classify_half` (the box, its path; false when it failed); whether
  // both were classified.
  template <class Classify>
  bool cut_largest(Classify&& classify_half) {
    const sized top = undecided_.top();
    undecided_.pop();
    result_.undecided -= top.volume;
    auto [left, right] = top.region.bisect(top.region.widest(options_.domain));
    const bool left_classified = classify_half(left, top.path + "0");
    const bool right_classified = classify_half(right, top.path + "1");
    return left_classified && right_classified;
  }

  struct sized {
    box region;
    std::string path;  // in the bisection tree
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

  box_evaluation compute(const box& b) {
    box_evaluation result;
    const box inner = b.shrunk(shell_shift);
    result.in_set = holds_over(set_, inner);
    result.positive = result.in_set == truth::unknown ? truth::unknown : network_positive(inner);
    return result;
  }

  void classify(const box& b, std::string path) {
    ++result_.boxes;
    const box_evaluation e = source_(path, [&] { return compute(b); });
    if (!e.error.empty()) throw input_error(e.error);
    const rational volume = b.volume();
    if (e.positive == truth::unknown) {
      result_.undecided += volume;
      undecided_.push({b, std::move(path), volume});
      return;
    }
    // Only the interior was decided: the proven measures count it, and the
    // shell (at most volume * k / 2^31 over all boxes) is in bound().
    const rational decided = b.shrunk(shell_shift).volume();
    region_kind kind;
    if (e.in_set == truth::yes) {
      result_.inside += decided;
      kind = e.positive == truth::yes ? region_kind::correct_inside : region_kind::misclassified_inside;
      if (e.positive == truth::no) result_.false_negative += decided;
    } else {
      kind = e.positive == truth::no ? region_kind::correct_outside : region_kind::misclassified_outside;
    }
    if (kind == region_kind::misclassified_inside || kind == region_kind::misclassified_outside) {
      result_.misclassified += decided;
    }
    result_.leaves.push_back({b, kind});
  }

  network_enclosure& network_;
  const real_predicate& set_;
  const approximation_check_options& options_;
  evaluation_source source_;
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

box_evaluations explore_function_approximation(network_enclosure& network, const function_enclosure& f,
                                               const approximation_check_options& options, const shard& part) {
  box_evaluations recorded;
  function_checker(network, f, options, &recorded).explore(part);
  return recorded;
}

box_evaluations explore_set_approximation(network_enclosure& network, const real_predicate& set,
                                          const approximation_check_options& options, const shard& part) {
  box_evaluations recorded;
  set_checker(network, set, options, &recorded).explore(part);
  return recorded;
}

}  // namespace nnsim
