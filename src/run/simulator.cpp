#include "run/simulator.hpp"

#include "run/monitor_poll.hpp"
#include "support/cache_prefetch.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <bit>
#include <limits>
#include <optional>
#include <cstdlib>

namespace nnsim {

template <class Num>
simulator<Num>::simulator(const network& net, std::unique_ptr<update_rule> rule, const context& ctx,
                          const run_limits& limits, memory_budget& budget)
    : net_(net),
      rule_(std::move(rule)),
      ctx_(ctx),
      limits_(limits),
      memory_(budget),
      xi_(ops::zero(ctx)),
      norm_sum_(ops::zero(ctx)),
      term_(ops::zero(ctx)),
      square_(ops::zero(ctx)),
      one_(ops::zero(ctx)),
      zero_(ops::zero(ctx)),
      non_finite_value_(ops::zero(ctx)),
      probe_(ops::zero(ctx)) {
  ops::assign_integer(one_, 1);
  neuron_count_ = net.size();
  const std::size_t equations = net.equations.size();
  std::size_t terms = 0;
  for (const equation& eq : net.equations) terms += eq.inputs.size() + eq.arguments.size();
  // The arrays below, charged before they exist: per term a number, its
  // source and a reader entry; per equation five numbers (bias, scale, λ,
  // next, replay_next) and about 32 bytes of indices and flags; per neuron
  // three numbers (initial, state, replay) and about 24 bytes.  The numbers'
  // own storage (mpq limbs, MPFR mantissas) is counted as it grows.
  charge(terms * (sizeof(Num) + 2 * sizeof(std::uint32_t)) + equations * (5 * sizeof(Num) + 32) +
             neuron_count_ * (3 * sizeof(Num) + 24),
         "the compiled network", std::nullopt);
  equation_of_neuron_.assign(neuron_count_, -1);
  term_begin_.reserve(equations + 1);
  target_.reserve(equations);
  act_.reserve(equations);
  kind_.reserve(equations);
  norm_.reserve(equations);
  lambda_.reserve(equations);
  bias_.reserve(equations);
  scale_.reserve(equations);
  term_source_.reserve(terms);
  term_value_.reserve(terms);

  auto exact_to_num = [&](const rational& value, const constant_use& use = {}) {
    Num n = ops::zero(ctx_);
    if (use.is_irrational()) {
      try {
        ops::assign_real(n, *use.expression(), ctx_);
      } catch (const expression_error& error) {
        throw located_error(net, {use.constant->line, use.constant->column},
                            fmt::format("constant '{}': {}", use.constant->name, error.what()));
      }
    } else {
      ops::assign(n, value, ctx_);
    }
    return n;
  };
  for (std::size_t e = 0; e < equations; ++e) {
    const equation& eq = net.equations[e];
    const auto target = static_cast<std::uint32_t>(index(eq.target));
    target_.push_back(target);
    equation_of_neuron_[target] = static_cast<int>(e);
    act_.push_back(eq.act);
    kind_.push_back(eq.kind);
    norm_.push_back(eq.norm);
    lambda_.push_back(exact_to_num(eq.logistic_lambda, eq.lambda_constant));
    term_begin_.push_back(static_cast<std::uint32_t>(term_source_.size()));
    if (eq.kind == potential_kind::weighted_sum) {
      bias_.push_back(exact_to_num(eq.bias, eq.bias_constant));
      scale_.push_back(exact_to_num(rational(1)));
      for (const auto& term : eq.inputs) {
        term_source_.push_back(static_cast<std::uint32_t>(index(term.source)));
        term_value_.push_back(exact_to_num(term.weight, term.weight_constant));
      }
    } else {
      bias_.push_back(exact_to_num(eq.offset, eq.offset_constant));
      scale_.push_back(exact_to_num(eq.scale, eq.scale_constant));
      for (const auto& argument : eq.arguments) {
        term_source_.push_back(static_cast<std::uint32_t>(index(argument.source)));
        term_value_.push_back(exact_to_num(argument.centre, argument.centre_constant));
      }
    }
  }
  term_begin_.push_back(static_cast<std::uint32_t>(term_source_.size()));
  index_readers();

  initial_.reserve(neuron_count_);
  for (const auto& n : net.neurons) initial_.push_back(exact_to_num(n.init.value_or(rational(0)), n.init_constant));

  // A literal can round to infinity in the floating modes (1e400 in double).
  for (std::size_t e = 0; e < equations; ++e) {
    require_finite(bias_[e], target_[e], "a number in the equation");
    require_finite(scale_[e], target_[e], "a number in the equation");
    require_finite(lambda_[e], target_[e], "the logistic parameter");
    for (std::uint32_t k = term_begin_[e]; k < term_begin_[e + 1]; ++k) {
      require_finite(term_value_[k], target_[e], "a number in the equation");
    }
  }

  if constexpr (std::is_same_v<Num, compact_rational>) prepare_smooth_sums();

  state_.assign(neuron_count_, ops::zero(ctx_));
  next_.assign(equations, ops::zero(ctx_));
  replay_.assign(neuron_count_, ops::zero(ctx_));
  replay_next_.assign(equations, ops::zero(ctx_));
  non_finite_.assign(equations, 0);
  if constexpr (ops::encloses) {
    undecided_piece_.assign(equations, 0);
    proven_unfixed_.assign(equations, 0);
    applies_.assign(equations, 0);
    value_id_.assign(neuron_count_, 0);
    computed_.assign(neuron_count_, 0);
    source_ids_.assign(term_source_.size(), 0);
    copy_of_.assign(equations, no_copy);
    pending_ids_.assign(equations, 0);
  }
  mark_.assign(equations, outside_universe);
  changed_bits_.assign(neuron_count_ / 64 + 1, 0);
  universe_terms_ = 0;
  for (equation_index e : rule_->universe()) {
    mark_[e] = 0;
    universe_terms_ += term_begin_[e + 1] - term_begin_[e] + 1;
  }
  if constexpr (std::is_same_v<Num, double>) {
    doubles_ = {term_begin_.data(), term_source_.data(), term_value_.data(), bias_.data(), scale_.data(),
                lambda_.data(),     act_.data(),         kind_.data(),       norm_.data()};
    sweep_threads_ = limits_.threads != 0 ? limits_.threads : automatic_sweep_threads(universe_terms_);
    // NNSIM_TEST_ALTERNATE_SWEEP_THREADS=1: the sweeps run on one thread
    // and on all in turns, for the test that the values do not depend on it.
    const char* alternate = std::getenv("NNSIM_TEST_ALTERNATE_SWEEP_THREADS");
    active_threads_ = sweep_threads_;  // until the first sweep chooses
    thread_choice_ = sweep_thread_choice(
        sweep_threads_, alternate != nullptr && std::string_view(alternate) == "1" ? sweep_thread_choice::policy::alternating
                        : limits_.threads == 0                                    ? sweep_thread_choice::policy::adaptive
                                                                                   : sweep_thread_choice::policy::fixed);
    // Under the parallel rule (whose universe is every equation, in file
    // order) a step where many values change is evaluated and applied in
    // one pass over each part of the equations (sweep_in_parts).
    const auto& universe = rule_->universe();
    bool in_order = true;
    for (std::size_t i = 0; i < universe.size(); ++i) in_order = in_order && universe[i] == i;
    if (rule_->selects_everything() && in_order) {
      charge(neuron_count_ * sizeof(double), "the compiled network", std::nullopt);
      following_.assign(neuron_count_, 0.0);
      // More parts than threads, shared out as the threads come for them
      // (sweep_in_parts): when one core is slower (another program on it,
      // or a virtual machine's core sharing its host), the other takes more
      // of the parts, instead of finishing its half and waiting.
      const unsigned parts = sweep_threads_ == 1 ? 1 : sweep_threads_ * parts_per_thread;
      universe_cuts_ = cut_by_terms(doubles_, universe, parts);
      uniform_activation_ = universe.empty() ? std::nullopt : std::optional(act_[universe[0]]);
      for (equation_index e : universe) {
        if (kind_[e] != potential_kind::weighted_sum || act_[e] != act_[universe[0]]) uniform_activation_ = std::nullopt;
      }
      parts_.resize(parts);
      part_claims_ = std::vector<part_claim>(sweep_threads_);
      for (unsigned p = 0; p < parts; ++p) {
        // Sized in full: the threads never allocate.
        parts_[p].changed_storage.resize(universe_cuts_[p + 1] - universe_cuts_[p]);
        parts_[p].changed = parts_[p].changed_storage.data();
      }
    }
  }
  unfixed_.assign(equations, 0);
  if constexpr (keeps_hash_shares) hash_shares_.assign(neuron_count_, 0);
  period_ = rule_->period().value_or(0);
  const char* colliding = std::getenv("NNSIM_TEST_COLLIDING_HASH");
  colliding_hash_ = colliding != nullptr && std::string_view(colliding) == "1";
}

// The readers of each neuron (the equations with it among their terms, each
// once, in equation order) as one array cut per neuron: counted in a first
// pass and placed in a second, so that a network of 10^6 neurons makes two
// arrays, not a list per neuron.  seen_by[v] is the last equation that
// listed v, which keeps a neuron named twice in one equation listed once.
template <class Num>
void simulator<Num>::index_readers() {
  const std::size_t equations = target_.size();
  std::vector<std::uint32_t> seen_by(neuron_count_, std::numeric_limits<std::uint32_t>::max());
  reader_begin_.assign(neuron_count_ + 1, 0);
  const auto each_reader = [&](auto&& visit) {
    std::fill(seen_by.begin(), seen_by.end(), std::numeric_limits<std::uint32_t>::max());
    for (std::size_t e = 0; e < equations; ++e) {
      for (std::uint32_t k = term_begin_[e]; k < term_begin_[e + 1]; ++k) {
        const std::uint32_t source = term_source_[k];
        if (seen_by[source] == e) continue;
        seen_by[source] = static_cast<std::uint32_t>(e);
        visit(source, static_cast<equation_index>(e));
      }
    }
  };
  each_reader([&](std::uint32_t source, equation_index) { ++reader_begin_[source + 1]; });
  for (std::size_t v = 0; v < neuron_count_; ++v) reader_begin_[v + 1] += reader_begin_[v];
  readers_.resize(reader_begin_[neuron_count_]);
  std::vector<std::uint32_t> next_place(reader_begin_.begin(), reader_begin_.end() - 1);
  each_reader([&](std::uint32_t source, equation_index e) { readers_[next_place[source]++] = e; });
}

template <class Num>
std::string simulator<Num>::describe_non_finite(const Num& value) {
  if constexpr (ops::encloses) {
    return mpfi_nan_p(value.get()) != 0 ? "NaN" : "an interval with an infinite bound";
  } else {
    return !ops::equal(value, value) ? "NaN" : ops::sign(value) > 0 ? "+inf" : "-inf";
  }
}

template <class Num>
void simulator<Num>::require_finite(const Num& value, std::uint32_t neuron, const char* what) const {
  if constexpr (!ops::exact) {
    if (ops::finite(value)) return;
    const std::string& name = net_.neurons[neuron].name;
    throw non_finite_error(fmt::format("{} of neuron '{}' is {} in this number mode: it is too large to be a "
                                       "finite floating-point number",
                                       what, name, describe_non_finite(value)),
                           name, 0);
  } else {
    (void)value, (void)neuron, (void)what;
  }
}

template <class Num>
void simulator<Num>::throw_non_finite(equation_index e) {
  // Evaluated once more on the same state, to say which part left the
  // finite numbers; this happens once, at the end of the run.
  evaluate(e, state_, probe_);
  const bool potential = non_finite_part_ == non_finite_potential;
  const std::string& name = net_.neurons[target_[e]].name;
  throw non_finite_error(
      fmt::format("step {}: {} of neuron '{}' evaluated on y({}) is {}: the computation left the finite "
                  "floating-point numbers, and nothing can be concluded from it (exact arithmetic, --numbers "
                  "rational, has no such limit)",
                  evaluating_on_, potential ? "the potential" : "the value", name, evaluating_on_,
                  describe_non_finite(non_finite_value_)),
      name, evaluating_on_);
}

template <class Num>
bool simulator<Num>::left_finite_numbers(const Num& value, non_finite_part part) {
  if constexpr (ops::exact) {
    (void)value, (void)part;
    return false;
  } else {
    if (ops::finite(value)) return false;
    non_finite_part_ = part;
    ops::copy(non_finite_value_, value);
    return true;
  }
}

template <class Num>
void simulator<Num>::prepare_smooth_sums() {
  if constexpr (std::is_same_v<Num, compact_rational>) {
    // The primes of every number of the network; too many of them (or a
    // large one) and every sum is left to the general way.
    auto smooth = std::make_unique<smooth_sum>();
    bool usable = true;
    for (std::size_t e = 0; e < kind_.size() && usable; ++e) {
      if (kind_[e] != potential_kind::weighted_sum) continue;
      usable = smooth->add_primes_of(bias_[e]);
      for (std::uint32_t k = term_begin_[e]; k < term_begin_[e + 1] && usable; ++k) {
        usable = smooth->add_primes_of(term_value_[k]);
      }
    }
    for (std::size_t v = 0; v < initial_.size() && usable; ++v) usable = smooth->add_primes_of(initial_[v]);
    if (!usable) return;
    smooth_weights_.resize(term_value_.size());
    smooth_bias_.resize(kind_.size());
    smooth_equation_.assign(kind_.size(), 0);
    for (std::size_t e = 0; e < kind_.size(); ++e) {
      if (kind_[e] != potential_kind::weighted_sum) continue;
      bool coefficients = smooth->make_coefficient(bias_[e], smooth_bias_[e]);
      bool words = smooth_bias_[e].word;
      for (std::uint32_t k = term_begin_[e]; k < term_begin_[e + 1] && coefficients; ++k) {
        coefficients = smooth->make_coefficient(term_value_[k], smooth_weights_[k]);
        words = words && smooth_weights_[k].word;
      }
      smooth_equation_[e] = !coefficients ? 0 : words ? 2 : 1;
    }
    network_primes_ = smooth->prime_count();
    smooth_ = std::move(smooth);
  }
}

template <class Num>
bool simulator<Num>::smooth_evaluate(equation_index e, const std::vector<Num>& y, Num& out) {
  if constexpr (std::is_same_v<Num, compact_rational>) {
    const std::uint32_t begin = term_begin_[e];
    return smooth_->evaluate(smooth_bias_[e], smooth_weights_.data() + begin, term_source_.data() + begin,
                             term_begin_[e + 1] - begin, y.data(), act_[e], out);
  } else {
    (void)e, (void)y, (void)out;
    return false;
  }
}

template <class Num>
bool simulator<Num>::word_sum(equation_index e, const std::vector<Num>& y, Num& out) {
  if constexpr (std::is_same_v<Num, compact_rational>) {
    const activation act = act_[e];
    if (!piecewise_linear(act)) return false;
    // ξ = (b·2^(J - j_b) + Σ w·y·2^(J - j_w - j_y)) / 2^J for J the largest
    // shift of a term, in a 128-bit integer with every step checked.
    const compact_rational& bias = bias_[e];
    if (!bias.is_small()) return false;
    const std::uint32_t begin = term_begin_[e];
    const std::uint32_t end = term_begin_[e + 1];
    std::uint32_t shift = bias.numerator() != 0 ? bias.shift() : 0;
    for (std::uint32_t k = begin; k < end; ++k) {
      const compact_rational& weight = term_value_[k];
      const compact_rational& value = y[term_source_[k]];
      if (!weight.is_small() || !value.is_small()) return false;
      if (weight.numerator() != 0 && value.numerator() != 0) {
        shift = std::max(shift, weight.shift() + value.shift());
      }
    }
    if (shift > 62) return false;
    __extension__ typedef __int128 wide;
    // |x| · 2^by stays below 2^126, so that a sum of two never overflows unnoticed.
    const auto scaled = [](wide x, std::uint32_t by, wide& result) {
      const wide magnitude = x < 0 ? -x : x;
      if (by >= 126 || (magnitude >> (126 - by)) != 0) return false;
      result = x * (wide{1} << by);
      return true;
    };
    wide sum = 0;
    if (bias.numerator() != 0 && !scaled(bias.numerator(), shift - bias.shift(), sum)) return false;
    for (std::uint32_t k = begin; k < end; ++k) {
      const compact_rational& weight = term_value_[k];
      const compact_rational& value = y[term_source_[k]];
      if (weight.numerator() == 0 || value.numerator() == 0) continue;
      wide term = 0;
      if (!scaled(wide{weight.numerator()} * value.numerator(), shift - weight.shift() - value.shift(), term) ||
          __builtin_add_overflow(sum, term, &sum)) {
        return false;
      }
    }
    if (activate_by_sign(act, (sum > 0) - (sum < 0), out)) return true;
    // Lowest terms: the odd part of the numerator over what is left of 2^J.
    const auto low = static_cast<std::uint64_t>(sum);
    const std::uint32_t zeros = low != 0 ? static_cast<std::uint32_t>(std::countr_zero(low)) : 64;
    const std::uint32_t common = std::min(zeros, shift);
    sum >>= common;  // exact
    shift -= common;
    if (act == activation::sat && sum > (wide{1} << shift)) {
      out.assign_integer(1);
      return true;
    }
    if (sum > std::numeric_limits<std::int64_t>::max() || sum < -std::numeric_limits<std::int64_t>::max()) {
      return false;
    }
    return out.assign_dyadic(static_cast<std::int64_t>(sum), shift);
  } else {
    (void)e, (void)y, (void)out;
    return false;
  }
}

template <class Num>
bool simulator<Num>::evaluate(equation_index e, const std::vector<Num>& y, Num& out) {
  if constexpr (ops::encloses) {
    // Both found afresh: an evaluation that stops early (a non-finite
    // potential) must not leave the findings of an earlier one.
    last_copy_source_ = no_copy;
    last_piece_undecided_ = false;
  }
  if constexpr (std::is_same_v<Num, double>) {
    double not_finite = 0.0;
    switch (evaluate_double(doubles_, e, y.data(), out, not_finite)) {
      case double_evaluation::finite: return true;
      case double_evaluation::potential_not_finite:
        non_finite_part_ = non_finite_potential;
        non_finite_value_ = not_finite;
        return false;
      case double_evaluation::value_not_finite:
        non_finite_part_ = non_finite_value;
        non_finite_value_ = out;
        return false;
    }
  }
  const std::uint32_t begin = term_begin_[e];
  const std::uint32_t end = term_begin_[e + 1];
  // Rational mode: a sum with a fraction among its weights goes the gcd-free
  // way at once; one of words only when it meets a value that is not a word
  // (below), since word arithmetic is faster than any other.
  [[maybe_unused]] bool smooth_possible = false;
  if constexpr (std::is_same_v<Num, compact_rational>) {
    smooth_possible = smooth_run_ && smooth_equation_[e] != 0;
    if (smooth_possible && smooth_equation_[e] == 1) {
      if (smooth_evaluate(e, y, out)) return true;
      smooth_possible = false;  // declined: not tried again below
    }
    if (kind_[e] == potential_kind::weighted_sum && word_sum(e, y, out)) return true;
  }
  if (kind_[e] == potential_kind::weighted_sum) {
    // ξ = b + Σ w·y, left to right from the bias (each operation rounds once
    // in the floating modes).
    ops::copy(xi_, bias_[e]);
    // Interval modes: whether ξ is exactly 1 * y_u (a copy, see simulator.hpp).
    [[maybe_unused]] std::uint32_t copied = no_copy;
    [[maybe_unused]] bool copy_possible = false;
    if constexpr (ops::encloses) copy_possible = bias_[e].is_point() && mpfr_zero_p(ops::lower(bias_[e]));
    for (std::uint32_t k = begin; k < end; ++k) {
      const Num& value = y[term_source_[k]];
      // Exact zeros contribute nothing; in the floating modes the term is
      // kept, since -0 + 0 and inf * 0 are not no-ops there.
      if constexpr (ops::exact) {
        if (ops::sign(value) == 0) continue;
      }
      if constexpr (std::is_same_v<Num, compact_rational>) {
        if (smooth_possible && !value.is_small()) {
          if (smooth_evaluate(e, y, out)) return true;
          smooth_possible = false;  // a value over another prime: the general way, once
        }
      }
      if constexpr (ops::encloses) {
        if (copy_possible && !is_point_zero(value) && !is_point_zero(term_value_[k])) {
          if (copied == no_copy && term_value_[k].is_point() && mpfr_cmp_ui(ops::lower(term_value_[k]), 1) == 0) {
            copied = term_source_[k];
          } else {
            copy_possible = false;
          }
        }
      }
      ops::mul(term_, term_value_[k], value);
      ops::add(xi_, xi_, term_);
    }
    if constexpr (ops::encloses) {
      if (copy_possible) last_copy_source_ = copied;
    }
  } else {
    // ξ = a + s·‖(y_u − c_u)_u‖
    ops::copy(norm_sum_, zero_);
    for (std::uint32_t k = begin; k < end; ++k) {
      ops::sub(term_, y[term_source_[k]], term_value_[k]);
      switch (norm_[e]) {
        case norm_kind::dist1:
          ops::abs(term_, term_);
          ops::add(norm_sum_, norm_sum_, term_);
          break;
        case norm_kind::distmax:
          ops::abs(term_, term_);
          // Defensive: a non-finite term must not be lost by the comparison
          // (NaN would lose every one); |y - c| of finite numbers can only
          // overflow to +inf, which ξ then shows anyway.
          if (left_finite_numbers(term_, non_finite_potential)) return false;
          if constexpr (ops::encloses) {
            // max of two intervals: [max of the lower bounds, max of the upper bounds], exact
            mpfr_max(&norm_sum_.get()->left, &norm_sum_.get()->left, ops::lower(term_), MPFR_RNDD);
            mpfr_max(&norm_sum_.get()->right, &norm_sum_.get()->right, ops::upper(term_), MPFR_RNDU);
          } else if (ops::compare(term_, norm_sum_) > 0) {
            ops::copy(norm_sum_, term_);
          }
          break;
        case norm_kind::dist:
        case norm_kind::sqdist:
          ops::square(square_, term_);
          ops::add(norm_sum_, norm_sum_, square_);
          break;
      }
    }
    if (norm_[e] == norm_kind::dist) ops::sqrt(norm_sum_, norm_sum_);
    ops::mul(term_, scale_[e], norm_sum_);
    ops::add(xi_, bias_[e], term_);
  }
  // Once +inf, -inf or NaN, a partial result stays non-finite to the end of
  // the potential (but for distmax, checked above), so checking ξ suffices;
  // σ is not applied to it (step(NaN) would give a finite 1).
  if (left_finite_numbers(xi_, non_finite_potential)) return false;

  if (!activate(e, out)) return false;
  return !left_finite_numbers(out, non_finite_value);
}

template <class Num>
void simulator<Num>::evaluate_next(equation_index e) {
  non_finite_[e] = !evaluate(e, state_, next_[e]);
  if constexpr (ops::encloses) {
    copy_of_[e] = last_copy_source_;
    undecided_piece_[e] = last_piece_undecided_ ? 1 : 0;
  }
}

template <class Num>
bool simulator<Num>::activate(equation_index e, Num& out) {
  if constexpr (ops::encloses) {
    last_piece_undecided_ = false;
    // A copy only when σ is the identity on the copied value's interval.
    if (last_copy_source_ != no_copy) {
      const bool identity = act_[e] == activation::id ||
                            (act_[e] == activation::sat && mpfr_sgn(ops::lower(xi_)) >= 0 &&
                             mpfr_cmp_ui(ops::upper(xi_), 1) <= 0) ||
                            (act_[e] == activation::relu && mpfr_sgn(ops::lower(xi_)) >= 0);
      if (!identity) last_copy_source_ = no_copy;
    }
    mpfr_ptr low = &out.get()->left;
    mpfr_ptr high = &out.get()->right;
    switch (act_[e]) {
      case activation::step:
      case activation::sign: {
        // 1 for ξ >= 0; 0 (step) or -1 (sign) for ξ < 0: decided only when
        // the whole interval is on one side.
        const long below = act_[e] == activation::step ? 0 : -1;
        if (mpfr_sgn(ops::lower(xi_)) >= 0) {
          ops::assign_integer(out, 1);
        } else if (mpfr_sgn(ops::upper(xi_)) < 0) {
          ops::assign_integer(out, below);
        } else {
          last_piece_undecided_ = true;
          return false;
        }
        return true;
      }
      case activation::sat:
      case activation::relu:
        // Monotone: the bounds clamped, which is exact, so that an interval
        // inside one piece maps to the exact 0 or 1 (reals.md, section 2).
        mpfr_set(low, ops::lower(xi_), MPFR_RNDD);
        mpfr_set(high, ops::upper(xi_), MPFR_RNDU);
        if (mpfr_sgn(low) < 0) mpfr_set_zero(low, 1);
        if (mpfr_sgn(high) < 0) mpfr_set_zero(high, 1);
        if (act_[e] == activation::sat) {
          if (mpfr_cmp_ui(low, 1) > 0) mpfr_set_ui(low, 1, MPFR_RNDD);
          if (mpfr_cmp_ui(high, 1) > 0) mpfr_set_ui(high, 1, MPFR_RNDU);
        }
        if (mpfr_zero_p(high)) mpfr_set_zero(high, 1);
        return true;
      default: break;
    }
  } else {
    switch (act_[e]) {
      case activation::step: ops::assign_integer(out, ops::sign(xi_) >= 0 ? 1 : 0); return true;
      case activation::sign: ops::assign_integer(out, ops::sign(xi_) >= 0 ? 1 : -1); return true;
      case activation::sat:
        if (ops::sign(xi_) < 0) {
          ops::assign_integer(out, 0);
        } else if (ops::compare(xi_, one_) > 0) {
          ops::assign_integer(out, 1);
        } else {
          ops::copy(out, xi_);
        }
        return true;
      case activation::relu:
        if (ops::sign(xi_) < 0) {
          ops::assign_integer(out, 0);
        } else {
          ops::copy(out, xi_);
        }
        return true;
      default: break;
    }
  }
  switch (act_[e]) {
    case activation::id: ops::copy(out, xi_); break;
    case activation::logistic:
      // 1 / (1 + e^(−λξ))
      ops::mul(term_, lambda_[e], xi_);
      ops::sub(term_, zero_, term_);
      ops::exp(term_, term_);
      ops::add(term_, one_, term_);
      ops::divide_one_by(out, term_);
      break;
    case activation::tanh: ops::tanh(out, xi_); break;
    default: break;  // handled above
  }
  return true;
}

template <class Num>
bool simulator<Num>::proven_unchanged(equation_index e) const {
  const std::uint32_t v = target_[e];
  if (ops::equal(next_[e], state_[v])) return true;  // the same point
  if constexpr (ops::encloses) {
    if (copy_of_[e] != no_copy) return value_id_[copy_of_[e]] == value_id_[v];
    // Computed by e from the reals its predecessors hold now: the same real.
    if (!computed_[v]) return false;
    for (std::uint32_t k = term_begin_[e]; k < term_begin_[e + 1]; ++k) {
      if (value_id_[term_source_[k]] != source_ids_[k]) return false;
    }
    return true;
  } else {
    return false;
  }
}

template <class Num>
bool simulator<Num>::proven_changed(equation_index e) const {
  if constexpr (ops::encloses) {
    return !non_finite_[e] && ops::disjoint(next_[e], state_[target_[e]]);
  } else {
    return non_finite_[e] || !ops::equal(next_[e], state_[target_[e]]);
  }
}

template <class Num>
precision_shortfall simulator<Num>::piece_shortfall(equation_index e, std::uint64_t t) {
  evaluate(e, state_, probe_);  // leaves the potential in xi_
  return {precision_shortfall::decision::activation_piece, t, net_.neurons[target_[e]].name, format_value(xi_), {}};
}

template <class Num>
precision_shortfall simulator<Num>::fixed_point_shortfall(std::uint64_t t) {
  std::optional<equation_index> first;
  for (equation_index e : rule_->universe()) {
    if (unfixed_[e] && !proven_unfixed_[e] && (!first || e < *first)) first = e;
  }
  const equation_index e = first.value_or(0);
  if constexpr (ops::encloses) {
    if (undecided_piece_[e]) return piece_shortfall(e, t);
  }
  const std::uint32_t v = target_[e];
  return {precision_shortfall::decision::fixed_point, t, net_.neurons[v].name, format_value(next_[e]),
          format_value(state_[v])};
}

template <class Num>
void simulator<Num>::set_value(std::uint32_t v, Num& value, std::uint64_t time) {
  if constexpr (ops::exact) {
    const std::size_t bits = ops::bits(value);
    if (bits > limits_.max_bits) {
      throw limit_error(fmt::format("the value of neuron '{}' at step {} has {} bits, more than the limit of {} "
                                    "(raise it with --max-bits)",
                                    net_.neurons[v].name, time, bits, limits_.max_bits));
    }
    // Past N, a state that repeats one up to N holds only values the run
    // has had (run()): a longer one proves there is no repetition by N,
    // before it grows further -- its next steps could need more memory
    // than the process may take, and the run must end at N undecided, as
    // the table's run ends.
    if (past_limit_ && bits > at_limit_bits_) {
      throw limit_error(fmt::format("past the step limit, neuron '{}' has a value of {} bits, longer than every value "
                                    "up to it",
                                    net_.neurons[v].name, bits));
    }
    largest_bits_ = std::max(largest_bits_, bits);
  }
  if constexpr (ops::encloses) {
    non_point_count_ += static_cast<std::size_t>(!value.is_point()) - static_cast<std::size_t>(!state_[v].is_point());
  }
  using std::swap;
  swap(state_[v], value);
  if (period_ != 0) {
    if constexpr (keeps_hash_shares) {
      state_hash_ -= hash_shares_[v];
      hash_shares_[v] = hash_share(v, ops::hash(state_[v]));
      state_hash_ += hash_shares_[v];
    } else {
      state_hash_ += hash_share(v, ops::hash(state_[v])) - hash_share(v, ops::hash(value));  // value: the old one
    }
  }
}

template <class Num>
void simulator<Num>::release_run_numbers() {
  if constexpr (ops::exact) {
    const auto release = [](Num& value) {
      Num fresh;
      using std::swap;
      swap(value, fresh);
    };
    for (std::vector<Num>* values : {&state_, &next_, &replay_, &replay_next_}) {
      for (Num& value : *values) release(value);
    }
    for (Num* value : {&xi_, &norm_sum_, &term_, &square_, &non_finite_value_, &probe_}) release(*value);
  }
  release_brent();
}

template <class Num>
void simulator<Num>::reset(const std::vector<rational>& input, const std::vector<real_expression_ptr>& input_expressions) {
  // Before set_value takes y(0): a previous run may have ended past its limit.
  past_limit_ = false;
  for (std::size_t v = 0; v < neuron_count_; ++v) ops::copy(state_[v], initial_[v]);
  if (smooth_) {
    smooth_->keep_primes(network_primes_);
    smooth_run_ = true;
  }
  for (std::size_t j = 0; j < net_.inputs.size(); ++j) {
    Num& value = state_[index(net_.inputs[j])];
    if (j >= input_expressions.size() || !input_expressions[j]) {
      ops::assign(value, input[j], ctx_);
      if (smooth_run_) smooth_run_ = smooth_->add_primes_of(input[j]);
      continue;
    }
    // An irrational input, rounded correctly once (or enclosed) as a constant is.
    try {
      ops::assign_real(value, *input_expressions[j], ctx_);
    } catch (const expression_error& error) {
      throw input_error(fmt::format("input {} = {}: {}", net_.name_of(net_.inputs[j]),
                                    to_string(*input_expressions[j]), error.what()));
    }
  }
  largest_bits_ = 0;
  evaluating_on_ = 0;
  for (std::uint32_t v = 0; v < neuron_count_; ++v) {
    require_finite(state_[v], v, net_.at(make_neuron_id(v)).is_input ? "the input value" : "the init value");
  }
  // set_value replaces each neuron's share of the hash; starting from the
  // shares of the previous run leaves exactly those of y(0).  Where the
  // shares are not kept, y(0) is in state_ already and its hash is summed
  // here (set_value then replaces each value with itself).
  state_hash_ = 0;
  if (period_ != 0) {
    for (std::uint32_t v = 0; v < neuron_count_; ++v) {
      if constexpr (keeps_hash_shares) {
        state_hash_ += hash_shares_[v];
      } else {
        state_hash_ += hash_share(v, ops::hash(state_[v]));
      }
    }
  }
  for (std::uint32_t v = 0; v < neuron_count_; ++v) {
    Num value = state_[v];
    set_value(v, value, 0);
  }
  if constexpr (ops::encloses) {
    non_point_count_ = 0;
    for (const Num& value : state_) non_point_count_ += static_cast<std::size_t>(!value.is_point());
    for (std::uint64_t& id : value_id_) id = next_value_id_++;
    std::fill(computed_.begin(), computed_.end(), 0);
    std::fill(proven_unfixed_.begin(), proven_unfixed_.end(), 0);
    proven_unfixed_count_ = 0;
  }
  states_exact_ = true;
  shortfall_.reset();
  // What the previous run kept goes, and so does its charge -- but a table
  // of seen states of the first size stays, emptied: a network_runner
  // makes many runs of a few steps each, for which making and zeroing a new
  // table took longer than the run itself.  The kept table is charged again
  // only when this run uses it, as a new one would be.
  const bool keep_table = seen_.size() == first_seen_capacity;
  memory_.remove((seen_charged_ ? seen_.size() * sizeof(seen_state) : 0) +
                 checkpoints_.size() * (sizeof(checkpoints_[0]) + neuron_count_ * sizeof(Num)));
  seen_charged_ = false;
  if (!keep_table) {
    std::vector<seen_state>().swap(seen_);
  } else if (seen_count_ > 0) {
    std::fill(seen_.begin(), seen_.end(), seen_state{});
  }
  seen_count_ = 0;
  checkpoints_.clear();
  changed_.clear();
  changed_in_parts_ = false;
  release_brent();
}

template <class Num>
bool simulator<Num>::step(std::uint64_t t, std::span<const equation_index> selected, bool evaluated_already) {
  if (!evaluated_already) {
    evaluate_in_turn(selected, false);
  }
  if constexpr (!ops::exact) {
    // A non-finite value would enter y(t + 1): stop, naming the first such
    // equation in file order (the fast path applies them in another order).
    std::optional<equation_index> first;
    for (equation_index e : selected) {
      if (non_finite_[e] && (!first || e < *first)) first = e;
    }
    if (first) {
      if constexpr (ops::encloses) {
        if (undecided_piece_[*first]) {
          shortfall_ = piece_shortfall(*first, t);
          return false;
        }
      }
      throw_non_finite(*first);
    }
  }
  changed_.clear();
  changed_in_parts_ = false;
  if constexpr (ops::encloses) {
    // Decided for every equation on y(t) before any value changes.
    for (equation_index e : selected) applies_[e] = !proven_unchanged(e);
    for (equation_index e : selected) {
      if (!applies_[e]) continue;
      const std::uint32_t v = target_[e];
      set_value(v, next_[e], t + 1);
      changed_.push_back(v);
    }
    // The ids, read from y(t) before any of them changes.
    for (equation_index e : selected) {
      if (!applies_[e]) continue;
      computed_[target_[e]] = 1;
      for (std::uint32_t k = term_begin_[e]; k < term_begin_[e + 1]; ++k) source_ids_[k] = value_id_[term_source_[k]];
      pending_ids_[e] = copy_of_[e] != no_copy ? value_id_[copy_of_[e]] : next_value_id_++;
    }
    for (equation_index e : selected) {
      if (applies_[e]) value_id_[target_[e]] = pending_ids_[e];
    }
  } else {
    for (equation_index e : selected) {
      const std::uint32_t v = target_[e];
      if (!ops::equal(next_[e], state_[v])) {
        set_value(v, next_[e], t + 1);
        changed_.push_back(v);
      }
    }
  }
  return !changed_.empty();
}

template <class Num>
void simulator<Num>::evaluate_universe() {
  if constexpr (std::is_same_v<Num, double>) {
    sweep_doubles(doubles_, rule_->universe(), state_.data(), next_.data(), non_finite_.data(), sweep_threads_);
  } else {
    evaluate_in_turn(rule_->universe(), false);
  }
}

template <class Num>
void simulator<Num>::fetch_values(equation_index e) const {
  if constexpr (!std::is_same_v<Num, double>) {
    for (std::uint32_t k = term_begin_[e]; k < term_begin_[e + 1]; ++k) prefetch_for_reading(&state_[term_source_[k]]);
    prefetch_for_reading(&state_[target_[e]]);
  } else {
    // Double mode's values are small and read by the sweeps of
    // double_sweep.cpp, where asking ahead measured slower.
    (void)e;
  }
}

template <class Num>
void simulator<Num>::fetch_limbs(equation_index e) const {
  if constexpr (std::is_same_v<Num, compact_rational>) {
    for (std::uint32_t k = term_begin_[e]; k < term_begin_[e + 1]; ++k) {
      const compact_rational& value = state_[term_source_[k]];
      if (!value.is_small()) prefetch_for_reading(mpq_numref(value.big())->_mp_d);
    }
  } else {
    (void)e;
  }
}

template <class Num>
void simulator<Num>::evaluate_in_turn(std::span<const equation_index> equations, bool classify) {
  // Asked for 16 equations ahead (about 130 values at fan-in 8), the values
  // have arrived when they are read; the limbs, whose addresses are in the
  // values, half as far ahead, once the values are there.  On networks of
  // 10^6 neurons this cut 10 exact steps from 5.7 to 4.0 s (dyadic weights)
  // and 8 steps from 12.1 to 9.7 s (denominators 3, 5, 7).
  constexpr std::size_t values_ahead = 16;
  constexpr std::size_t limbs_ahead = values_ahead / 2;
  const std::size_t count = equations.size();
  for (std::size_t i = 0; i < count; ++i) {
    if (i + values_ahead < count) fetch_values(equations[i + values_ahead]);
    if (i + limbs_ahead < count) fetch_limbs(equations[i + limbs_ahead]);
    // A non-finite evaluation is not a fixed point; it stops the run only if
    // it is applied.
    evaluate_next(equations[i]);
    if (classify) classify_fixed(equations[i], false);
  }
}

template <class Num>
void simulator<Num>::sweep_in_parts() {
  if constexpr (std::is_same_v<Num, double>) {
    // One pass over each part of the universe, the parts shared out among
    // the threads: evaluate every equation on y(t) = state_, classify it,
    // and write y(t + 1) for its target into following_ at once, with the
    // change of the hash.  Applying the step is then swapping the two
    // arrays, and no list of unfixed equations is made or walked.
    dense_step step{doubles_,
                    target_.data(),
                    state_.data(),
                    following_.data(),
                    non_finite_.data(),
                    unfixed_.data(),
                    // The change of the hash; state_hash_ takes it at
                    // apply_in_parts.
                    period_ != 0,
                    uniform_activation_};
    // Which part goes to which thread changes nothing but the time: each
    // part's results are kept apart and are combined in the parts' order.
    // Thread i takes the parts of its own block first, as in the step
    // before, so that the flags and values of its neurons stay in its
    // core's cache, and then helps with the blocks of the others.
    active_threads_ = thread_choice_.next();
    for (unsigned i = 0; i < active_threads_; ++i) {
      part_claims_[i].next.store(i * (parts_.size() / active_threads_), std::memory_order_relaxed);
    }
    const auto started = std::chrono::steady_clock::now();
    // The lambda holds two references, which std::function keeps without
    // allocating: the counts are computed inside it.
    in_parallel(active_threads_, [&](unsigned thread) {
      const unsigned threads = active_threads_;
      const std::size_t per_thread = parts_.size() / threads;
      // The values of y(t) that other cores wrote, read in order first: the
      // processor fetches a run of them from the other core's cache many
      // lines at a time, where the terms' reads in random order would each
      // wait for a line of their own (13 % of a step of 10^5 neurons on two
      // threads).
      if (threads > 1) read_in_order(state_);
      for (unsigned k = 0; k < threads; ++k) {
        const unsigned block = (thread + k) % threads;
        std::atomic<std::size_t>& next = part_claims_[block].next;
        for (std::size_t p = next.fetch_add(1, std::memory_order_relaxed); p < (block + 1) * per_thread;
             p = next.fetch_add(1, std::memory_order_relaxed)) {
          step_part_densely(step, universe_cuts_[p], universe_cuts_[p + 1], parts_[p]);
        }
      }
    });
    thread_choice_.record(active_threads_,
                          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    unfixed_count_ = 0;
    for (const part& p : parts_) unfixed_count_ += p.unfixed;
    unfixed_in_parts_ = true;
    changed_in_parts_ = false;
  }
}

template <class Num>
void simulator<Num>::apply_in_parts() {
  if constexpr (std::is_same_v<Num, double>) {
    // As step(t, unfixed_list_, true): stop at the first non-finite value in
    // file order, else y(t + 1) is following_.  The hash is a sum of shares,
    // so the parts' changes add up to the same hash in any order.
    std::optional<equation_index> first;
    for (const part& p : parts_) {
      if (p.first_non_finite && (!first || *p.first_non_finite < *first)) first = p.first_non_finite;
    }
    if (first) throw_non_finite(*first);
    state_.swap(following_);
    for (const part& p : parts_) state_hash_ += p.hash_change;
    // The changed neurons stay in the parts' lists: recheck_fixed_points
    // gathers them into changed_ only if it takes the path of the readers.
    unfixed_in_parts_ = false;
    changed_in_parts_ = true;
  }
}

template <class Num>
void simulator<Num>::classify_fixed(equation_index e, bool first_time) {
  const char unfixed = non_finite_[e] || !proven_unchanged(e) ? 1 : 0;
  if (!first_time) unfixed_count_ -= static_cast<std::size_t>(unfixed_[e]);
  unfixed_count_ += static_cast<std::size_t>(unfixed);
  unfixed_[e] = unfixed;
  if constexpr (ops::encloses) {
    const char changes = unfixed && proven_changed(e) ? 1 : 0;
    if (!first_time) proven_unfixed_count_ -= static_cast<std::size_t>(proven_unfixed_[e]);
    proven_unfixed_count_ += static_cast<std::size_t>(changes);
    proven_unfixed_[e] = changes;
  }
}

// After a step: only equations of W that read a changed neuron, or update
// one, can have changed whether the state is a fixed point for them.
template <class Num>
void simulator<Num>::recheck_fixed_points() {
  // Double mode, parallel rule: a dense pass costs about a third (one
  // thread) to a fifth (two) per equation of finding and evaluating an
  // equation alone, so it is taken once the changed neurons' readers (an
  // equation for each, less those read twice), counted with one more for
  // each changed neuron, are a quarter of the universe (one thread), a sixth
  // (two) or more (measured on networks of 10^5 neurons, fan-in 8, where
  // 7.5% of the values change in each step: the dense pass was 1.9 times
  // faster on one thread and 3.3 times on two).  That count is never less
  // than the number of changed neurons, which often decides alone, and then
  // the readers are not counted at all.  Since the count is at least one
  // per changed neuron, the sweep of evaluate_universe below (from half of
  // the terms) is never reached in this mode and rule.  The threads are
  // those of the last pass (one or all: run/sweep_thread_choice.hpp).
  const auto dense_pays = [&](std::size_t read_by) {
    return (2 + 2 * std::size_t{active_threads_}) * read_by >= rule_->universe().size();
  };
  const bool dense = std::is_same_v<Num, double> && !parts_.empty();
  if (changed_in_parts_) {
    std::size_t changes = 0;
    for (const part& p : parts_) changes += p.changes;
    if (dense && dense_pays(changes)) {
      sweep_in_parts();
      return;
    }
    changed_.clear();
    for (const part& p : parts_) changed_.insert(changed_.end(), p.changed, p.changed + p.changes);
    changed_in_parts_ = false;
  }
  std::size_t read_by = 0;
  for (std::uint32_t v : changed_) read_by += reader_begin_[v + 1] - reader_begin_[v] + 1;
  if (dense && dense_pays(read_by)) {
    sweep_in_parts();
    return;
  }
  // When the changed neurons are read by about half of the universe's terms
  // or more, evaluating the whole universe in order costs less than finding
  // their readers (the result is the same: an equation whose inputs did not
  // change evaluates to the value it had).
  if (2 * read_by >= universe_terms_) {
    evaluate_universe();
    const bool everything = rule_->selects_everything();
    if (everything) unfixed_list_.clear();
    for (equation_index e : rule_->universe()) {
      classify_fixed(e, false);
      if (everything && unfixed_[e]) unfixed_list_.push_back(e);
    }
    return;
  }
  unfixed_in_parts_ = false;
  if (stamp_ == outside_universe - 1) {
    // The stamps wrap around (after 4 billion steps).
    for (std::uint32_t& mark : mark_) {
      if (mark != outside_universe) mark = 0;
    }
    stamp_ = 0;
  }
  ++stamp_;
  recheck_.clear();
  if (16 * read_by >= universe_terms_) {
    // So many readers that marking each would be a random write for every
    // one of them (10% of a step on 10^6 neurons, where the marks are 4 MB):
    // the changed neurons are marked in a bit set instead, small enough to
    // stay in the cache, and the universe's equations are taken in file
    // order, each with its target and sources looked up there -- a forward
    // pass over the terms.
    for (std::uint32_t v : changed_) changed_bits_[v / 64] |= std::uint64_t{1} << (v % 64);
    const auto changed = [&](std::uint32_t v) { return ((changed_bits_[v / 64] >> (v % 64)) & 1) != 0; };
    for (equation_index e = 0; e < mark_.size(); ++e) {
      if (mark_[e] == outside_universe) continue;
      bool reads_a_change = changed(target_[e]);
      for (std::uint32_t k = term_begin_[e]; k < term_begin_[e + 1] && !reads_a_change; ++k) {
        reads_a_change = changed(term_source_[k]);
      }
      if (reads_a_change) recheck_.push_back(e);
    }
    for (std::uint32_t v : changed_) changed_bits_[v / 64] = 0;
  } else {
    auto queue = [&](equation_index e) {
      if (mark_[e] < stamp_) {
        mark_[e] = stamp_;
        recheck_.push_back(e);
      }
    };
    for (std::uint32_t v : changed_) {
      if (equation_of_neuron_[v] >= 0) queue(static_cast<equation_index>(equation_of_neuron_[v]));
      for (std::uint32_t k = reader_begin_[v]; k < reader_begin_[v + 1]; ++k) queue(readers_[k]);
    }
    // Queued as the changed neurons' readers come, the equations lie all
    // over the term arrays; when there are many, they are taken in file
    // order instead (one forward pass over the marks), so that their terms
    // are read forwards rather than one scattered row after another.  Each
    // evaluation depends on y(t) alone, so the order changes no value.
    if (recheck_.size() > 1024 && recheck_.size() > mark_.size() / 64) {
      recheck_.clear();
      for (equation_index e = 0; e < mark_.size(); ++e) {
        if (mark_[e] == stamp_) recheck_.push_back(e);
      }
    }
  }
  evaluate_in_turn(recheck_, true);
  // Under the parallel rule every unfixed equation was just applied, so its
  // target changed and it is among the rechecked ones: the new list of
  // unfixed equations is found among them.
  if (rule_->selects_everything()) {
    unfixed_list_.clear();
    for (equation_index e : recheck_) {
      if (unfixed_[e]) unfixed_list_.push_back(e);
    }
  }
}

// Whether y(t) (in state_) equals y(t1) for one of candidates_, and which.
// The candidates are recomputed in increasing order in one replay from the
// latest checkpoint at or before each (only periodic rules get here, so S_s
// does not depend on S_0 ... S_(s-1)), which keeps even a table where every
// key collides linear in t per step.
template <class Num>
bool simulator<Num>::first_equal_state(std::uint64_t& first) {
  std::sort(candidates_.begin(), candidates_.end());
  std::size_t checkpoint = 0;
  bool replaying = false;
  std::uint64_t replay_time = 0;
  for (std::uint64_t t1 : candidates_) {
    while (checkpoint + 1 < checkpoints_.size() && checkpoints_[checkpoint + 1].first <= t1) ++checkpoint;
    const auto& [checkpoint_time, checkpoint_state] = checkpoints_[checkpoint];
    const std::vector<Num>* earlier = &checkpoint_state;
    if (checkpoint_time != t1) {
      if (!replaying || replay_time < checkpoint_time) {
        for (std::size_t v = 0; v < neuron_count_; ++v) ops::copy(replay_[v], checkpoint_state[v]);
        replay_time = checkpoint_time;
        replaying = true;
      }
      for (; replay_time < t1; ++replay_time) {
        const auto selected = rule_->replay_select(replay_time);
        for (equation_index e : selected) evaluate(e, replay_, replay_next_[e]);
        for (equation_index e : selected) {
          using std::swap;
          swap(replay_[target_[e]], replay_next_[e]);
        }
      }
      earlier = &replay_;
    }
    bool equal = true;
    for (std::size_t v = 0; v < neuron_count_ && equal; ++v) equal = ops::equal((*earlier)[v], state_[v]);
    if (equal) {
      first = t1;
      return true;
    }
  }
  return false;
}

template <class Num>
void simulator<Num>::charge(std::size_t bytes, std::string_view purpose, std::optional<std::uint64_t> t) {
  if (memory_.try_add(bytes)) return;
  throw limit_error(fmt::format("{} needs more than the memory limit of {} bytes{}", purpose,
                                memory_.budget().limit(),
                                t ? fmt::format(" after {} steps (lower --max-steps or raise --max-memory)", *t)
                                  : std::string(" (raise --max-memory)")));
}

template <class Num>
void simulator<Num>::check_memory(std::uint64_t t) const {
  const memory_budget& budget = memory_.budget();
  if (!budget.exceeded()) return;
  throw limit_error(fmt::format("the values of the computation need more than the memory limit of {} bytes after {} "
                                "steps (lower --max-steps or raise --max-memory)",
                                budget.limit(), t));
}

template <class Num>
void simulator<Num>::remember(std::uint64_t key, std::uint64_t t) {
  // Automatic: the table may use a sixteenth of the budget; past that, or
  // when the budget cannot take it, Brent's method goes on with memory that
  // does not grow with the steps.
  const auto table_fits = [&](std::size_t held, std::size_t bytes) {
    return method_ != repetition_method::automatic ||
           (held + bytes <= memory_.budget().limit() / table_share && memory_.try_add(bytes));
  };
  if (!seen_charged_ && !seen_.empty()) {  // the table a previous run left
    const std::size_t bytes = seen_.size() * sizeof(seen_state);
    if (!table_fits(0, bytes)) {
      switch_to_brent(t);
      return;
    }
    if (method_ != repetition_method::automatic) charge(bytes, "looking for a repeated state", t);
    seen_charged_ = true;
  }
  if (2 * (seen_count_ + 1) > seen_.size()) {
    const std::size_t capacity = std::max<std::size_t>(first_seen_capacity, 2 * seen_.size());
    // While the table grows, the old and the new one exist together.
    const std::size_t bytes = capacity * sizeof(seen_state);
    if (!table_fits(seen_.size() * sizeof(seen_state), bytes)) {
      switch_to_brent(t);
      return;
    }
    if (method_ != repetition_method::automatic) charge(bytes, "looking for a repeated state", t);
    std::vector<seen_state> grown(capacity);
    for (const seen_state& entry : seen_) {
      if (entry.time == empty_slot) continue;
      std::size_t slot = entry.key & (capacity - 1);
      while (grown[slot].time != empty_slot) slot = (slot + 1) & (capacity - 1);
      grown[slot] = entry;
    }
    seen_.swap(grown);
    memory_.remove(grown.size() * sizeof(seen_state));
    seen_charged_ = true;
  }
  std::size_t slot = key & (seen_.size() - 1);
  while (seen_[slot].time != empty_slot) slot = (slot + 1) & (seen_.size() - 1);
  seen_[slot] = {key, t};
  ++seen_count_;
  if ((t & (t - 1)) == 0) {  // t = 0 or a power of two
    // The copy's numbers are counted as they are made (check_memory).
    charge(sizeof(checkpoints_[0]) + neuron_count_ * sizeof(Num), "saving a state to confirm repetitions", t);
    checkpoints_.emplace_back(t, state_);
  }
}

// Whether (y(t), t mod p) equals (y(t1), t1 mod p) for some t1 < t.  At most
// one t1 can match: two earlier equal states would have been found earlier.
template <class Num>
bool simulator<Num>::repeats(std::uint64_t t, std::uint64_t& first) {
  if (method_ == repetition_method::brent) {
    switch_to_brent(t);
    return false;
  }
  const std::uint64_t phase = t % period_;
  const std::uint64_t key = colliding_hash_ ? 0 : state_hash_ ^ mix_hash(phase + 0xD1B54A32D192ED03ULL);
  candidates_.clear();
  if (!seen_.empty()) {
    for (std::size_t slot = key & (seen_.size() - 1); seen_[slot].time != empty_slot;
         slot = (slot + 1) & (seen_.size() - 1)) {
      const seen_state& entry = seen_[slot];
      if (entry.key == key && entry.time % period_ == phase) candidates_.push_back(entry.time);
    }
  }
  if (!candidates_.empty() && first_equal_state(first)) return true;
  remember(key, t);
  return false;
}

namespace {

run_outcome ended(run_status status, std::uint64_t steps, std::optional<precision_shortfall> shortfall = {}) {
  run_outcome outcome;
  outcome.status = status;
  outcome.steps = steps;
  outcome.shortfall = std::move(shortfall);
  return outcome;
}

}  // namespace

template <class Num>
void simulator<Num>::release_brent() {
  memory_.remove(brent_charged_);
  brent_charged_ = 0;
  brent_ = false;
  brent_from_ = 0;
  for (replay_cursor* cursor : {&behind_, &ahead_}) *cursor = replay_cursor{};
  std::vector<Num>().swap(tortoise_);
  std::vector<Num>().swap(at_limit_state_);
}

template <class Num>
std::size_t simulator<Num>::brent_bytes() const {
  const std::size_t equations = target_.size();
  return (2 * neuron_count_ + 2 * (neuron_count_ + equations)) * sizeof(Num) +
         2 * neuron_count_ * sizeof(std::uint64_t);
}

template <class Num>
void simulator<Num>::switch_to_brent(std::uint64_t t) {
  // y(0) for the second pass; the table keeps it from step 0 on, so it is
  // missing only when the switch is at step 0.  The checkpoints the table
  // saved stay (a fixed number from here on): the second pass starts from
  // one of them.
  if (checkpoints_.empty()) {
    charge(sizeof(checkpoints_[0]) + neuron_count_ * sizeof(Num), "saving a state to confirm repetitions", t);
    checkpoints_.emplace_back(t, state_);
  }
  memory_.remove(seen_charged_ ? seen_.size() * sizeof(seen_state) : 0);
  seen_charged_ = false;
  std::vector<seen_state>().swap(seen_);
  seen_count_ = 0;
  const std::size_t bytes = brent_bytes();
  charge(bytes, "looking for a repeated state (Brent's method)", t);
  brent_charged_ = bytes;
  brent_ = true;
  brent_from_ = t;
  tortoise_ = state_;
  tortoise_time_ = t;
  tortoise_hash_ = state_hash_;
  next_save_ = 1;
  const std::size_t equations = target_.size();
  for (replay_cursor* cursor : {&behind_, &ahead_}) {
    cursor->state.assign(neuron_count_, ops::zero(ctx_));
    cursor->next.assign(equations, ops::zero(ctx_));
    cursor->value_hash.assign(neuron_count_, 0);
  }
  at_limit_state_.assign(neuron_count_, ops::zero(ctx_));
}

template <class Num>
bool simulator<Num>::brent_cycle(std::uint64_t t, std::uint64_t& period) {
  if (t == tortoise_time_) return false;
  if (t % period_ == tortoise_time_ % period_ && (colliding_hash_ || state_hash_ == tortoise_hash_)) {
    bool equal = true;
    for (std::size_t v = 0; v < neuron_count_ && equal; ++v) equal = ops::equal(state_[v], tortoise_[v]);
    if (equal) {
      // The first t after tortoise_time_ with an equal pair: the tortoise is
      // on the cycle, and t - tortoise_time_ is its least period.
      period = t - tortoise_time_;
      return true;
    }
  }
  if (t - brent_from_ == next_save_) {
    for (std::size_t v = 0; v < neuron_count_; ++v) ops::copy(tortoise_[v], state_[v]);
    tortoise_time_ = t;
    tortoise_hash_ = state_hash_;
    next_save_ *= 2;
  }
  return false;
}

// A tortoise saved at s is compared with every pair up to the next save,
// s + w (w = 1 for the first, then the offset of s from the switch).  A
// repetition with t2 = mu + lambda <= N has mu <= N and lambda <= N, so
// it is found once a tortoise at s >= N with w >= N has been compared up to
// s + N: by about 4 N steps at most.
template <class Num>
bool simulator<Num>::brent_search_done(std::uint64_t t) const {
  const std::uint64_t n = limits_.max_steps;
  const std::uint64_t window = brent_from_ + next_save_ - tortoise_time_;
  return tortoise_time_ >= n && window >= n && t - tortoise_time_ >= n;
}

template <class Num>
void simulator<Num>::start_cursor(replay_cursor& cursor, const std::vector<Num>& y, std::uint64_t time) {
  cursor.hash = 0;
  for (std::uint32_t v = 0; v < neuron_count_; ++v) {
    ops::copy(cursor.state[v], y[v]);
    cursor.value_hash[v] = ops::hash(y[v]);
    cursor.hash += hash_share(v, cursor.value_hash[v]);
  }
  cursor.time = time;
}

template <class Num>
void simulator<Num>::advance(replay_cursor& cursor) {
  // Only periodic rules get here, so S_s does not depend on S_0 ... S_(s-1).
  // Every evaluation here was made by the run itself on the same state, so
  // it is finite and its piece decided.
  const auto selected = rule_->replay_select(cursor.time);
  for (equation_index e : selected) evaluate(e, cursor.state, cursor.next[e]);
  for (equation_index e : selected) {
    const std::uint32_t v = target_[e];
    if (ops::equal(cursor.next[e], cursor.state[v])) continue;
    cursor.hash -= hash_share(v, cursor.value_hash[v]);
    using std::swap;
    swap(cursor.state[v], cursor.next[e]);
    cursor.value_hash[v] = ops::hash(cursor.state[v]);
    cursor.hash += hash_share(v, cursor.value_hash[v]);
  }
  ++cursor.time;
}

template <class Num>
bool simulator<Num>::same_state(const replay_cursor& a, const replay_cursor& b) const {
  if (!colliding_hash_ && a.hash != b.hash) return false;
  for (std::size_t v = 0; v < neuron_count_; ++v) {
    if (!ops::equal(a.state[v], b.state[v])) return false;
  }
  return true;
}

template <class Num>
run_outcome simulator<Num>::brent_verdict(std::uint64_t period) {
  // The sequence x(i) = (y(i), i mod p) has least period `period` from its
  // first repetition mu on, and x(i) = x(i + period) exactly for i >= mu;
  // `period` is a multiple of p, so the two cursors have the same phase.
  // No repetition has t2 <= brent_from_ (the table found none), so
  // mu >= brent_from_ + 1 - period: the pass starts from the latest
  // checkpoint at or before that.
  const std::uint64_t lowest = brent_from_ + 1 > period ? brent_from_ + 1 - period : 0;
  std::size_t checkpoint = 0;
  while (checkpoint + 1 < checkpoints_.size() && checkpoints_[checkpoint + 1].first <= lowest) ++checkpoint;
  const auto& [time, y] = checkpoints_[checkpoint];
  start_cursor(behind_, y, time);
  start_cursor(ahead_, y, time);
  for (std::uint64_t i = 0; i < period; ++i) advance(ahead_);
  while (!same_state(behind_, ahead_)) {
    advance(behind_);
    advance(ahead_);
  }
  if (ahead_.time > limits_.max_steps) return at_limit();
  using std::swap;
  swap(state_, ahead_.state);  // y(t2)
  run_outcome outcome = ended(run_status::diverges, ahead_.time);
  outcome.cycle_start = behind_.time;
  outcome.cycle_period = period;
  outcome.repetitions = repetition_method::brent;
  outcome.brent_from = brent_from_;
  return outcome;
}

template <class Num>
run_outcome simulator<Num>::at_limit() {
  using std::swap;
  swap(state_, at_limit_state_);
  largest_bits_ = at_limit_bits_;
  run_outcome outcome = ended(run_status::undecided, limits_.max_steps);
  outcome.repetitions = repetition_method::brent;
  outcome.brent_from = brent_from_;
  return outcome;
}

template <class Num>
run_outcome simulator<Num>::run(const std::vector<rational>& input,
                                const std::vector<real_expression_ptr>& input_expressions, const step_hook& hook,
                                const run_monitor* monitor) {
  reset(input, input_expressions);
  // An observer sees every state up to the verdict, and keeps them anyway:
  // the table, which stops at t2 itself.
  method_ = hook ? repetition_method::table : limits_.repetitions;
  try {
    run_outcome outcome = run_steps(hook, monitor);
    if (brent_) {
      outcome.repetitions = repetition_method::brent;
      outcome.brent_from = brent_from_;
    }
    return outcome;
  } catch (const limit_error&) {
    // Past N, only a search for a repetition with t2 <= N goes on.  Had
    // there been one, every state past N would repeat one before it, so
    // no value past N is larger, longer or less finite than one the run
    // already took: a limit met there means there is none.
    if (!past_limit_) throw;
    return at_limit();
  }
}

template <class Num>
run_outcome simulator<Num>::run_steps(const step_hook& hook, const run_monitor* monitor) {
  // Whether y(0) is a fixed point of each equation of W.
  unfixed_count_ = 0;
  unfixed_list_.clear();
  unfixed_in_parts_ = false;
  bool dense = false;
  if constexpr (std::is_same_v<Num, double>) dense = !parts_.empty();
  if (dense) {
    // Only the universe's targets change under this rule, and every dense
    // pass writes all of them: the other neurons are copied once per run.
    following_ = state_;
    sweep_in_parts();  // the first step is then applied as the dense ones are
  } else {
    evaluate_universe();
    for (equation_index e : rule_->universe()) {
      classify_fixed(e, true);
      if (unfixed_[e]) unfixed_list_.push_back(e);
    }
  }
  if (hook) hook(0, {});

  const bool everything = rule_->selects_everything();
  const std::uint64_t limit = limits_.max_steps;
  monitor_poll poll(monitor);
  for (std::uint64_t t = 0;; ++t) {
    check_memory(t);
    // Past N (Brent's method only): a fixed point, a shortfall or a value
    // that is not a point means that no repetition came by N either (see
    // run()); the verdict is the one at N.
    if (unfixed_count_ == 0) return past_limit_ ? at_limit() : ended(run_status::halted, t);
    if constexpr (ops::encloses) {
      // y(t) is proven not to be a fixed point only by an equation proven to change.
      if (proven_unfixed_count_ == 0) {
        return past_limit_ ? at_limit() : ended(run_status::undecided, t, fixed_point_shortfall(t));
      }
      if (non_point_count_ > 0) states_exact_ = false;
    }
    const bool tracked = period_ != 0 && states_exact_;
    std::uint64_t first = 0;
    if (tracked && !brent_ && repeats(t, first)) {
      run_outcome outcome = ended(run_status::diverges, t);
      outcome.cycle_start = first;
      outcome.cycle_period = t - first;
      return outcome;
    }
    if (tracked && brent_) {
      std::uint64_t period = 0;
      if (brent_cycle(t, period)) return brent_verdict(period);
      if (past_limit_ && brent_search_done(t)) return at_limit();
    } else if (past_limit_) {
      return at_limit();
    }
    if (t == limit && !past_limit_) {
      if (!(tracked && brent_)) return ended(run_status::undecided, t);
      // Brent's method finds a repetition after t2: the run goes on, without
      // the observer, until every repetition with t2 <= N would have been
      // found, and keeps y(N) for the verdict at N.
      past_limit_ = true;
      for (std::size_t v = 0; v < neuron_count_; ++v) ops::copy(at_limit_state_[v], state_[v]);
      at_limit_bits_ = largest_bits_;
      if (brent_search_done(t)) return at_limit();
    }
    // After the verdicts on y(t): a run stopped here has examined y(0) ... y(t).
    if (poll.due() && poll.look(t, largest_bits_)) {
      run_outcome outcome = past_limit_ ? at_limit() : ended(run_status::undecided, t);
      outcome.interrupted = true;
      return outcome;
    }
    evaluating_on_ = t;
    const auto selected = rule_->select(t);
    if (everything) {
      // S_t = U: the equations that are not fixed are exactly the ones whose
      // value changes, and their next values were computed on y(t) when
      // their inputs last changed, so only they are applied and only their
      // readers are evaluated again: the cost follows the activity.
      if (unfixed_in_parts_) {
        apply_in_parts();
      } else {
        step(t, unfixed_list_, true);
      }
    } else {
      step(t, selected, false);
    }
    if (shortfall_) return past_limit_ ? at_limit() : ended(run_status::undecided, t, shortfall_);
    recheck_fixed_points();
    if (hook && !past_limit_) hook(t + 1, selected);
  }
}

template class simulator<rational>;
template class simulator<compact_rational>;
template class simulator<real_number>;
template class simulator<double>;
template class simulator<interval_number>;

}  // namespace nnsim
