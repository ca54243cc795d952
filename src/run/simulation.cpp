#include "nnsim/run/simulation.hpp"

#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/number_memory.hpp"
#include "nnsim/run/update_rule.hpp"
#include "run/simulator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <type_traits>

namespace nnsim {
namespace {

// semantics.md, section 5: in rational mode an activation or norm that is not
// exact is an error naming the neuron's equation, never an approximation.
void check_exactness(const network& net) {
  // reals.md, section 2: an irrational constant is an error naming it.
  if (const irrational_use first = first_irrational_use(net); first.use != nullptr) {
    const real_constant& c = *first.use->constant;
    throw located_error(net, first.where,
                        fmt::format("constant '{}' (line {}) is irrational; use --numbers interval:P, certified or "
                                    "real:P",
                                    c.name, c.line));
  }
  const equation* e = first_inexact_equation(net);
  if (e == nullptr) return;
  if (!is_exact_in_rational_mode(e->act)) {
    throw located_error(net, e->location,
                        fmt::format("activation '{}' of neuron '{}' is not exact in rational mode; run it with {}",
                                    name_of(e->act), net.name_of(e->target), inexact_number_mode_options()));
  }
  throw located_error(net, e->location,
                      fmt::format("norm '{}' of neuron '{}' needs a square root, which is not exact in rational "
                                  "mode; use {}, or run it with {}",
                                  name_of(e->norm), net.name_of(e->target), name_of(norm_kind::sqdist),
                                  inexact_number_mode_options()));
}

void check_input(const network& net, const std::vector<rational>& input,
                 const std::vector<real_expression_ptr>& input_expressions = {}) {
  if (!input_expressions.empty() && input_expressions.size() != input.size()) {
    throw std::invalid_argument(fmt::format("{} input expressions for {} input values", input_expressions.size(),
                                            input.size()));
  }
  if (input.size() == net.inputs.size()) return;
  const std::string names = join_neuron_names(net, net.inputs);
  throw input_error(fmt::format("the network has {} input neuron{}{} but {} input value{} given",
                                net.inputs.size(), net.inputs.size() == 1 ? "" : "s",
                                names.empty() ? std::string() : " (" + names + ")", input.size(),
                                input.size() == 1 ? " was" : "s were"));
}

// reals.md, section 2: rational mode refuses an irrational input value as it
// refuses an irrational constant.
void check_rational_input(const network& net, const std::vector<real_expression_ptr>& input_expressions) {
  for (std::size_t j = 0; j < input_expressions.size(); ++j) {
    const real_expression_ptr& value = input_expressions[j];
    if (value == nullptr || value->value) continue;
    throw input_error(fmt::format("input {} = {} is irrational; use --numbers interval:P, certified or real:P",
                                  net.name_of(net.inputs[j]), to_string(*value)));
  }
}

}  // namespace

class network_runner::engine {
 public:
  virtual ~engine() = default;
  virtual run_result run(const std::vector<rational>& input, const std::vector<real_expression_ptr>& input_expressions) = 0;
  virtual const network& net() const = 0;
};

namespace {

// The number type the engine computes with for a mode's values: rational
// mode's values are compact_rationals in the engine, turned into rationals
// where they leave it (the state of a result, a trace).
template <class Num>
struct engine_number {
  using type = Num;
};
template <>
struct engine_number<rational> {
  using type = compact_rational;
};

// The compiled network in one number type, its budget and the observer.
template <class Num>
class typed_engine final : public network_runner::engine {
  using engine_num = typename engine_number<Num>::type;

 public:
  typed_engine(const network& net, const run_request& request, const rule_spec& rule,
               const typename arithmetic<engine_num>::context& ctx)
      : net_(net),
        rule_(rule),
        numbers_(request.numbers),
        observer_(request.observer),
        monitor_(request.monitor),
        decide_output_sign_(request.decide_output_sign),
        own_budget_(request.limits.max_memory),
        uses_own_budget_(request.budget == nullptr),
        numbers_before_engine_(number_memory_in_use()),
        engine_(net, make_update_rule(net, rule), ctx, request.limits,
                request.budget != nullptr ? *request.budget : own_budget_) {
    if constexpr (arithmetic<Num>::encloses) precision_ = ctx.precision;
    const std::size_t numbers = number_memory_in_use();
    compiled_numbers_ = numbers > numbers_before_engine_ ? numbers - numbers_before_engine_ : 0;
  }

  run_result run(const std::vector<rational>& input, const std::vector<real_expression_ptr>& input_expressions) override {
    check_input(net_, input, input_expressions);
    if constexpr (arithmetic<Num>::exact) check_rational_input(net_, input_expressions);
    // Each run counts its numbers as a fresh run_network would -- those of
    // the compiled network and its own: what the previous run's numbers
    // hold goes first, then the count restarts (a caller's budget is the
    // caller's to count).
    engine_.release_run_numbers();
    if (uses_own_budget_) own_budget_.count_numbers_from_now(compiled_numbers_);
    typename simulator<engine_num>::step_hook hook;
    if (observer_ && observing_) {
      hook = [&](std::uint64_t time, std::span<const equation_index> selected) {
        selected_ids_.clear();
        for (equation_index e : selected) selected_ids_.push_back(net_.equations[e].target);
        if constexpr (std::is_same_v<engine_num, Num>) {
          observer_(trace_event{time, state_view(std::span<const Num>(engine_.state())), &selected_ids_});
        } else {
          const std::vector<engine_num>& state = engine_.state();
          traced_.resize(state.size());
          for (std::size_t v = 0; v < state.size(); ++v) state[v].write_to(traced_[v].backend().data());
          observer_(trace_event{time, state_view(std::span<const Num>(traced_)), &selected_ids_});
        }
      };
    }

    const run_outcome outcome = engine_.run(input, input_expressions, hook, &monitor_);
    run_result result;
    result.status = outcome.status;
    result.steps = outcome.steps;
    result.cycle_start = outcome.cycle_start;
    result.cycle_period = outcome.cycle_period;
    result.interrupted = outcome.interrupted;
    result.repetitions = outcome.repetitions;
    result.brent_from = outcome.brent_from;
    const std::vector<engine_num>& state = engine_.state();
    std::vector<Num> outputs;
    outputs.reserve(net_.outputs.size());
    for (neuron_id o : net_.outputs) outputs.push_back(mode_value(state[index(o)]));
    if constexpr (std::is_same_v<engine_num, Num>) {
      result.state = state_values(state);
    } else {
      std::vector<Num> values;
      values.reserve(state.size());
      for (const engine_num& value : state) values.push_back(mode_value(value));
      result.state = state_values(std::move(values));
    }
    result.outputs = state_values(std::move(outputs));
    result.largest_value_bits = engine_.largest_value_bits();
    result.rule = rule_;
    result.numbers = numbers_;
    if constexpr (arithmetic<Num>::encloses) {
      result.precision = static_cast<unsigned>(precision_);
      result.shortfall = outcome.shortfall;
      if (decide_output_sign_ && result.status == run_status::halted && !outputs_empty()) {
        // output > 0 or <= 0 must be proven (reals.md, section 3).
        const interval_number& output = result.outputs.template as<interval_number>()[0];
        if (mpfr_sgn(&output.get()->left) <= 0 && mpfr_sgn(&output.get()->right) > 0) {
          result.status = run_status::undecided;
          result.shortfall = precision_shortfall{precision_shortfall::decision::output_sign, result.steps,
                                                 net_.name_of(net_.outputs[0]), format_value(output), {}};
        }
      }
    }
    return result;
  }

  // Whether run() calls the request's observer (certified mode calls it
  // only in the run at the precision that proves the verdict).
  void observe(bool on) { observing_ = on; }

  const network& net() const override { return net_; }

 private:
  const network& net_;
  rule_spec rule_;
  number_mode numbers_;
  bool outputs_empty() const { return net_.outputs.empty(); }

  trace_observer observer_;
  bool observing_ = true;
  run_monitor monitor_;
  bool decide_output_sign_;
  mpfr_prec_t precision_ = 0;
  std::vector<neuron_id> selected_ids_;
  memory_budget own_budget_;  // before engine_, which charges it until it goes
  bool uses_own_budget_;
  std::size_t numbers_before_engine_;  // number memory in use before engine_ was made
  std::size_t compiled_numbers_ = 0;   // what making engine_ added to it
  simulator<engine_num> engine_;
  std::vector<Num> traced_;            // the state in the mode's type, for the observer

  static Num mode_value(const engine_num& value) {
    if constexpr (std::is_same_v<engine_num, Num>) {
      return value;
    } else {
      return value.to_rational();
    }
  }
};

// certified (reals.md, section 3): interval:P with P = 64, 128, 256, ...
// until the verdict is proven or limits.max_precision is reached.  The
// network is compiled once per precision tried, and every compilation is
// kept for the next input (the words of a language need similar
// precisions); all of them charge one budget.
class certified_engine final : public network_runner::engine {
 public:
  certified_engine(const network& net, const run_request& request, const rule_spec& rule)
      : net_(net), request_(request), rule_(rule), own_budget_(request.limits.max_memory) {
    if (request_.budget == nullptr) request_.budget = &own_budget_;
    request_.input.clear();
    request_.input_expressions.clear();
  }

  run_result run(const std::vector<rational>& input, const std::vector<real_expression_ptr>& input_expressions) override {
    const unsigned most = std::max(request_.limits.max_precision, 2U);
    for (unsigned precision = std::min(64U, most);; precision = precision > most / 2 ? most : 2 * precision) {
      typed_engine<interval_number>& engine = at(precision);
      engine.observe(false);
      run_result result = engine.run(input, input_expressions);
      if (!result.shortfall || precision == most) {
        if (request_.observer) {
          // The trace of the run that decided it.
          engine.observe(true);
          result = engine.run(input, input_expressions);
        }
        result.numbers = request_.numbers;
        return result;
      }
    }
  }

  const network& net() const override { return net_; }

 private:
  typed_engine<interval_number>& at(unsigned precision) {
    auto& engine = engines_[precision];
    if (!engine) {
      run_request request = request_;
      request.numbers = number_mode{number_mode::kind::interval, precision};
      engine = std::make_unique<typed_engine<interval_number>>(
          net_, request, rule_, arithmetic<interval_number>::context{static_cast<mpfr_prec_t>(precision)});
    }
    return *engine;
  }

  const network& net_;
  run_request request_;
  rule_spec rule_;
  memory_budget own_budget_;  // before engines_, which charge it until they go
  std::map<unsigned, std::unique_ptr<typed_engine<interval_number>>> engines_;
};

}  // namespace

network_runner::network_runner(const network& net, const run_request& request) {
  const rule_spec rule = request.rule.value_or(net.rule);
  switch (request.numbers.type) {
    case number_mode::kind::rational:
      check_exactness(net);
      engine_ = std::make_unique<typed_engine<rational>>(net, request, rule, arithmetic<compact_rational>::context{});
      return;
    case number_mode::kind::real:
      engine_ = std::make_unique<typed_engine<real_number>>(
          net, request, rule, arithmetic<real_number>::context{static_cast<mpfr_prec_t>(request.numbers.precision)});
      return;
    case number_mode::kind::ieee_double:
      engine_ = std::make_unique<typed_engine<double>>(net, request, rule, arithmetic<double>::context{});
      return;
    case number_mode::kind::interval:
      engine_ = std::make_unique<typed_engine<interval_number>>(
          net, request, rule,
          arithmetic<interval_number>::context{static_cast<mpfr_prec_t>(request.numbers.precision)});
      return;
    case number_mode::kind::certified:
      engine_ = std::make_unique<certified_engine>(net, request, rule);
      return;
  }
  throw input_error("unknown number mode");
}

network_runner::~network_runner() = default;
network_runner::network_runner(network_runner&&) noexcept = default;
network_runner& network_runner::operator=(network_runner&&) noexcept = default;

run_result network_runner::run(const std::vector<rational>& input) { return engine_->run(input, {}); }

run_result network_runner::run(const std::vector<rational>& input,
                               const std::vector<real_expression_ptr>& input_expressions) {
  return engine_->run(input, input_expressions);
}

const network& network_runner::net() const { return engine_->net(); }

run_result run_network(const network& net, const run_request& request) {
  // The input is checked before the network, as it always was.
  check_input(net, request.input, request.input_expressions);
  return network_runner(net, request).run(request.input, request.input_expressions);
}

}  // namespace nnsim
