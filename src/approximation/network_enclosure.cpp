#include "nnsim/approximation/network_enclosure.hpp"

#include "nnsim/model/network_analysis.hpp"
#include "nnsim/numbers/real_rounding.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <mpfi.h>

#include <algorithm>
#include <numeric>

namespace nnsim {
namespace {

interval_number enclose(const rational& q, const constant_use& use, mpfr_prec_t precision) {
  interval_number v(precision);
  if (use.is_irrational()) {
    enclose_value(*use.expression(), v.get());
  } else {
    mpfi_set_q(v.get(), q.backend().data());
  }
  return v;
}

// The logistic function far out on one side, without an exponential (a
// steep staircase has most of its steps there on any small box): for
// z = λξ >= 90, 1 - σ(z) = σ(-z) <= e^-z < 2^-129, and σ' = λ σ(1 - σ) is
// below |λ| 2^-129; the same mirrored for z <= -90.
bool saturated(const interval_number& z, interval_number& out, interval_number& slope, const interval_number& lambda) {
  constexpr long far = 90;
  const bool high = mpfr_cmp_si(&z.get()->left, far) >= 0;
  const bool low = mpfr_cmp_si(&z.get()->right, -far) <= 0;
  if (!high && !low) return false;
  mpfr_t tiny;
  mpfr_init2(tiny, mpfi_get_prec(out.get()));
  mpfr_set_ui_2exp(tiny, 1, -128, MPFR_RNDU);
  if (high) {
    mpfr_ui_sub(&out.get()->left, 1, tiny, MPFR_RNDD);
    mpfr_set_ui(&out.get()->right, 1, MPFR_RNDU);
  } else {
    mpfr_set_ui(&out.get()->left, 0, MPFR_RNDD);
    mpfr_set(&out.get()->right, tiny, MPFR_RNDU);
  }
  // |σ'| <= |λ| 2^-128, whatever λ's sign.
  mpfr_t size;
  mpfr_init2(size, mpfi_get_prec(lambda.get()));
  mpfi_mag(size, lambda.get());
  mpfr_mul(&slope.get()->right, size, tiny, MPFR_RNDU);
  mpfr_neg(&slope.get()->left, &slope.get()->right, MPFR_RNDD);
  mpfr_clear(size);
  mpfr_clear(tiny);
  return true;
}

// An acyclic network whose rule updates every neuron with an equation
// halts with every neuron at its layered value, the function read here; a
// rule that never updates one (an explicit sequential order or a schedule
// that leaves it out) computes something else, and is refused.
void require_every_equation_updated(const network& net) {
  std::vector<char> updated(net.size(), 1);
  const rule_spec& rule = net.rule;
  if ((rule.kind == rule_kind::sequential && rule.explicit_order) || rule.kind == rule_kind::schedule) {
    updated.assign(net.size(), 0);
    for (neuron_id id : rule.order) updated[index(id)] = 1;
    for (const auto& set : rule.sets) {
      for (neuron_id id : set) updated[index(id)] = 1;
    }
  }
  for (const equation& e : net.equations) {
    if (updated[index(e.target)] == 0) {
      throw input_error(fmt::format("the network's rule never updates neuron '{}', so its output is not the "
                                    "function of the inputs that the layers compute; use a rule that updates "
                                    "every neuron, such as parallel or layered",
                                    net.name_of(e.target)));
    }
  }
}

}  // namespace

network_enclosure::network_enclosure(const network& net, std::string_view output_name, mpfr_prec_t precision)
    : net_(net), precision_(precision) {
  const std::optional<std::vector<std::size_t>> layers = compute_layers(net);
  if (!layers) {
    const auto cycle = find_cycle(net);
    throw input_error(fmt::format("the network has a cycle ({}); only an acyclic network computes a function of its "
                                  "inputs",
                                  cycle ? describe_cycle(net, *cycle) : std::string("?")));
  }
  if (net.inputs.empty()) throw input_error("the network has no input");
  require_every_equation_updated(net);
  for (neuron_id id : net.inputs) inputs_.push_back(index(id));
  if (!output_name.empty()) {
    const std::optional<neuron_id> found = net.find(output_name);
    if (!found) throw input_error(fmt::format("the network has no neuron '{}'", output_name));
    output_ = index(*found);
  } else if (net.outputs.size() == 1) {
    output_ = index(net.outputs.front());
  } else if (net.outputs.empty()) {
    throw input_error("the network has no output neuron (declare one with `output`, or name one with --output)");
  } else {
    throw input_error(fmt::format("the network has {} outputs ({}); name the one to check with --output",
                                  net.outputs.size(), join_neuron_names(net, net.outputs)));
  }
  output_name_ = net.neurons[output_].name;

  std::vector<std::size_t> equations(net.equations.size());
  std::iota(equations.begin(), equations.end(), 0);
  std::stable_sort(equations.begin(), equations.end(), [&](std::size_t a, std::size_t b) {
    return (*layers)[index(net.equations[a].target)] < (*layers)[index(net.equations[b].target)];
  });
  for (std::size_t e : equations) {
    const equation& eq = net.equations[e];
    node n{index(eq.target),
           eq.act,
           eq.kind,
           eq.norm,
           enclose(eq.kind == potential_kind::weighted_sum ? eq.bias : eq.offset,
                   eq.kind == potential_kind::weighted_sum ? eq.bias_constant : eq.offset_constant, precision),
           enclose(eq.scale, eq.scale_constant, precision),
           enclose(eq.logistic_lambda, eq.lambda_constant, precision),
           {}};
    if (eq.kind == potential_kind::weighted_sum) {
      for (const weighted_input& in : eq.inputs) {
        n.terms.push_back({index(in.source), enclose(in.weight, in.weight_constant, precision)});
      }
    } else {
      for (const distance_argument& a : eq.arguments) {
        n.terms.push_back({index(a.source), enclose(a.centre, a.centre_constant, precision)});
      }
    }
    order_.push_back(std::move(n));
  }
  initial_.reserve(net.size());
  for (const neuron& v : net.neurons) initial_.push_back(enclose(v.init.value_or(rational(0)), v.init_constant, precision));
  value_.assign(net.size(), interval_number(precision));
  gradient_.assign(net.size(), std::vector<interval_number>(dimension(), interval_number(precision)));
  bounded_.assign(net.size(), 1);
}

gradient_enclosure network_enclosure::over(const box& b) {
  const std::size_t k = dimension();
  for (std::size_t v = 0; v < net_.size(); ++v) {
    mpfi_set(value_[v].get(), initial_[v].get());
    for (auto& d : gradient_[v]) mpfi_set_ui(d.get(), 0);
    bounded_[v] = 1;
  }
  for (std::size_t i = 0; i < k; ++i) {
    mpfi_interv_q(value_[inputs_[i]].get(), b.low[i].backend().data(), b.high[i].backend().data());
    mpfi_set_ui(gradient_[inputs_[i]][i].get(), 1);
  }
  interval_number xi(precision_), t(precision_), slope(precision_);
  std::vector<interval_number> dxi(k, interval_number(precision_));
  for (const node& n : order_) {
    bool bounded = true;
    for (auto& d : dxi) mpfi_set_ui(d.get(), 0);
    if (n.kind == potential_kind::weighted_sum) {
      mpfi_set(xi.get(), n.bias.get());
      for (const term& w : n.terms) {
        mpfi_mul(t.get(), w.weight.get(), value_[w.source].get());
        mpfi_add(xi.get(), xi.get(), t.get());
        if (mpfi_is_zero(w.weight.get()) > 0) continue;
        bounded = bounded && bounded_[w.source] != 0;
        for (std::size_t i = 0; i < k; ++i) {
          mpfi_mul(t.get(), w.weight.get(), gradient_[w.source][i].get());
          mpfi_add(dxi[i].get(), dxi[i].get(), t.get());
        }
      }
    } else {
      // offset + scale * norm(y - c); its gradient is not followed.
      interval_number sum(precision_);
      for (const term& c : n.terms) {
        mpfi_sub(t.get(), value_[c.source].get(), c.weight.get());
        switch (n.norm) {
          case norm_kind::dist1:
            mpfi_abs(t.get(), t.get());
            mpfi_add(sum.get(), sum.get(), t.get());
            break;
          case norm_kind::distmax:
            mpfi_abs(t.get(), t.get());
            mpfr_max(&sum.get()->left, &sum.get()->left, &t.get()->left, MPFR_RNDD);
            mpfr_max(&sum.get()->right, &sum.get()->right, &t.get()->right, MPFR_RNDU);
            break;
          case norm_kind::dist:
          case norm_kind::sqdist:
            mpfi_sqr(t.get(), t.get());
            mpfi_add(sum.get(), sum.get(), t.get());
            break;
        }
      }
      if (n.norm == norm_kind::dist) mpfi_sqrt(sum.get(), sum.get());
      mpfi_mul(t.get(), n.scale.get(), sum.get());
      mpfi_add(xi.get(), n.bias.get(), t.get());
      bounded = false;
    }
    bool jumps = false;
    interval_number& out = value_[n.target];
    mpfr_srcptr lo = &xi.get()->left;
    mpfr_srcptr hi = &xi.get()->right;
    // slope: an enclosure of σ' over the potential's interval.
    switch (n.act) {
      case activation::step:
      case activation::sign: {
        const long below = n.act == activation::step ? 0 : -1;
        mpfi_set_ui(slope.get(), 0);
        if (mpfr_sgn(lo) >= 0) {
          mpfi_set_ui(out.get(), 1);
        } else if (mpfr_sgn(hi) < 0) {
          mpfi_set_si(out.get(), below);
        } else {
          mpfi_interv_si(out.get(), below, 1);
          jumps = true;  // F may jump inside the box
        }
        break;
      }
      case activation::relu:
      case activation::sat: {
        const bool sat = n.act == activation::sat;
        mpfi_set(out.get(), xi.get());
        mpfr_ptr out_lo = &out.get()->left;
        mpfr_ptr out_hi = &out.get()->right;
        if (mpfr_sgn(out_lo) < 0) mpfr_set_zero(out_lo, 1);
        if (mpfr_sgn(out_hi) < 0) mpfr_set_zero(out_hi, 1);
        if (sat && mpfr_cmp_ui(out_lo, 1) > 0) mpfr_set_ui(out_lo, 1, MPFR_RNDD);
        if (sat && mpfr_cmp_ui(out_hi, 1) > 0) mpfr_set_ui(out_hi, 1, MPFR_RNDU);
        const bool flat_below = mpfr_sgn(hi) < 0;
        const bool flat_above = sat && mpfr_cmp_ui(lo, 1) > 0;
        const bool linear = mpfr_sgn(lo) > 0 && (!sat || mpfr_cmp_ui(hi, 1) < 0);
        if (flat_below || flat_above) {
          mpfi_set_ui(slope.get(), 0);
        } else if (linear) {
          mpfi_set_ui(slope.get(), 1);
        } else {
          mpfi_interv_si(slope.get(), 0, 1);
        }
        break;
      }
      case activation::id:
        mpfi_set(out.get(), xi.get());
        mpfi_set_ui(slope.get(), 1);
        break;
      case activation::logistic:
        // 1 / (1 + e^(-λξ)), increasing in λξ; σ' = λ σ (1 - σ).
        mpfi_mul(t.get(), n.lambda.get(), xi.get());
        if (saturated(t, out, slope, n.lambda)) break;
        mpfi_neg(t.get(), t.get());
        mpfi_exp(t.get(), t.get());
        mpfi_add_ui(t.get(), t.get(), 1);
        mpfi_inv(out.get(), t.get());
        mpfi_ui_sub(t.get(), 1, out.get());
        mpfi_mul(slope.get(), out.get(), t.get());
        mpfi_mul(slope.get(), slope.get(), n.lambda.get());
        break;
      case activation::tanh:
        mpfi_tanh(out.get(), xi.get());
        mpfi_sqr(t.get(), out.get());
        mpfi_ui_sub(slope.get(), 1, t.get());
        break;
    }
    // A zero slope: constant over the box, whatever came in (unless it jumps).
    const bool constant = mpfi_is_zero(slope.get()) > 0;
    bounded_[n.target] = !jumps && (bounded || constant) ? 1 : 0;
    for (std::size_t i = 0; i < k; ++i) {
      if (constant) {
        mpfi_set_ui(gradient_[n.target][i].get(), 0);
      } else {
        mpfi_mul(gradient_[n.target][i].get(), dxi[i].get(), slope.get());
      }
    }
  }
  gradient_enclosure result{value_[output_], gradient_[output_], bounded_[output_] != 0};
  for (const interval_number& d : result.gradient) {
    if (mpfi_nan_p(d.get()) != 0 || mpfi_bounded_p(d.get()) == 0) result.gradient_bounded = false;
  }
  return result;
}

}  // namespace nnsim
