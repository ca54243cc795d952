#include "nnsim/run/simulation.hpp"

#include "nnsim/model/vocabulary.hpp"
#include "nnsim/run/update_rule.hpp"
#include "run/simulator.hpp"

#include <fmt/format.h>

namespace nnsim {
namespace {

// semantics.md, section 5: in rational mode an activation or norm that is not
// exact is an error naming the neuron's equation, never an approximation.
void check_exactness(const network& net) {
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

void check_input(const network& net, const std::vector<rational>& input) {
  if (input.size() == net.inputs.size()) return;
  const std::string names = join_neuron_names(net, net.inputs);
  throw input_error(fmt::format("the network has {} input neuron{}{} but {} input value{} given",
                                net.inputs.size(), net.inputs.size() == 1 ? "" : "s",
                                names.empty() ? std::string() : " (" + names + ")", input.size(),
                                input.size() == 1 ? " was" : "s were"));
}

template <class Num>
run_result run_in_mode(const network& net, const run_request& request, const rule_spec& rule,
                       const typename arithmetic<Num>::context& ctx) {
  memory_budget own_budget(request.limits.max_memory);
  memory_budget& budget = request.budget != nullptr ? *request.budget : own_budget;
  simulator<Num> engine(net, make_update_rule(net, rule), ctx, request.limits, budget);

  typename simulator<Num>::step_hook hook;
  std::vector<neuron_id> selected_ids;
  if (request.observer) {
    hook = [&](std::uint64_t time, std::span<const equation_index> selected) {
      selected_ids.clear();
      for (equation_index e : selected) selected_ids.push_back(net.equations[e].target);
      request.observer(trace_event{time, state_view(std::span<const Num>(engine.state())), &selected_ids});
    };
  }

  const run_outcome outcome = engine.run(request.input, hook, &request.monitor);
  run_result result;
  result.status = outcome.status;
  result.steps = outcome.steps;
  result.cycle_start = outcome.cycle_start;
  result.cycle_period = outcome.cycle_period;
  result.interrupted = outcome.interrupted;
  const std::vector<Num>& state = engine.state();
  std::vector<Num> outputs;
  outputs.reserve(net.outputs.size());
  for (neuron_id o : net.outputs) outputs.push_back(state[index(o)]);
  result.state = state_values(state);
  result.outputs = state_values(std::move(outputs));
  result.largest_value_bits = engine.largest_value_bits();
  result.rule = rule;
  result.numbers = request.numbers;
  return result;
}

}  // namespace

run_result run_network(const network& net, const run_request& request) {
  check_input(net, request.input);
  const rule_spec rule = request.rule.value_or(net.rule);
  switch (request.numbers.type) {
    case number_mode::kind::rational:
      check_exactness(net);
      return run_in_mode<rational>(net, request, rule, {});
    case number_mode::kind::real:
      return run_in_mode<real_number>(net, request, rule, {static_cast<mpfr_prec_t>(request.numbers.precision)});
    case number_mode::kind::ieee_double:
      return run_in_mode<double>(net, request, rule, {});
  }
  throw input_error("unknown number mode");
}

}  // namespace nnsim
