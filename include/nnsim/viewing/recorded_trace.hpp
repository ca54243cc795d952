// One whole computation kept for looking at it afterwards (nnsim view): the
// initial state and, for each step, only the neurons whose value changed.
// A compiled Turing machine changes a handful of its hundreds of neurons per
// step, and its control neurons take a few values over and over, so the
// values are kept once each, as text, and the steps refer to them.
//
//   const recorded_trace trace = record_trace(net, request);
//   trace.steps();                       // T: the states are y(0) ... y(T)
//   for (auto change : trace.changes_of(t)) ...   // what step t - 1 changed
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/run/simulation.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace nnsim {

struct recorded_trace {
  // The run's result; its `state` and `outputs` are y(steps()).
  run_result result;
  // Not empty when a limit of the computation (--max-bits, the numbers'
  // memory) stopped it after y(steps()): the limit's message.  The result is
  // then undecided at steps(), as for a run that Ctrl-C stopped.
  std::string stopped_by;

  // The distinct values of the run, each once, in the order they appeared:
  // the exact text (value_format.hpp; an interval that is not a point as
  // "[lo, hi]", its bounds in full, rounded outward) and the nearest double
  // (an interval's midpoint), for colours and plots only.
  std::vector<std::string> value_texts;
  std::vector<double> value_approximations;

  // y(0): the index of each neuron's value, by neuron id.
  std::vector<std::uint32_t> initial;

  // Step t (1 <= t <= steps()) made y(t) from y(t - 1).  Its changes are
  // positions change_offsets[t - 1] to change_offsets[t] of changed_neurons
  // and changed_values (a neuron id and the index of its new value).
  std::vector<std::uint64_t> change_offsets = {0};
  std::vector<std::uint32_t> changed_neurons;
  std::vector<std::uint32_t> changed_values;

  // The neurons step t - 1 selected: every updatable neuron when
  // selected_all[t - 1] (the parallel rule, kept without a list), else
  // positions selected_offsets[t - 1] to selected_offsets[t] of
  // selected_neurons.
  std::vector<std::uint8_t> selected_all;
  std::vector<std::uint64_t> selected_offsets = {0};
  std::vector<std::uint32_t> selected_neurons;

  // T: the last state kept is y(T).
  std::uint64_t steps() const { return change_offsets.size() - 1; }
  std::span<const std::uint32_t> changed_neurons_of(std::uint64_t t) const;
  std::span<const std::uint32_t> changed_values_of(std::uint64_t t) const;
  std::span<const std::uint32_t> selected_of(std::uint64_t t) const;
  // The bytes the trace holds (its vectors and texts), for memory budgets.
  std::size_t memory_bytes() const;
  // The value indexes of every neuron in y(t), replayed from y(0).
  std::vector<std::uint32_t> state_at(std::uint64_t t) const;
};

// Runs the computation of `request` (its observer is replaced) and keeps
// it.  The values' text and the steps are charged to the run's memory
// budget (request.budget, or one of request.limits.max_memory), so a trace
// too long to keep stops with a limit_error that says so.  Another limit
// (--max-bits, the numbers' memory) ends the trace where it was met, with
// stopped_by set, except in certified mode; otherwise the errors are
// run_network's.
recorded_trace record_trace(const network& net, run_request request);

}  // namespace nnsim
