#include "nnsim/viewing/recorded_trace.hpp"

#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <optional>
#include <type_traits>
#include <unordered_map>
#include <variant>

namespace nnsim {
namespace {

// A value's exact text; an interval that is not a point as its two bounds,
// rounded outward, in full ("[lo, hi]", the bounds of `trace --format
// jsonl`), where its short text would round them for reading.
std::string value_text(const state_view& state, std::size_t i) {
  if (auto bounds = state.bounds_text(i)) return fmt::format("[{}, {}]", bounds->first, bounds->second);
  return state.text(i);
}

// Keeps the run's states as the observer sees them: each distinct value
// once, each step as its changes against the state before.
class trace_recorder {
 public:
  trace_recorder(const network& net, recorded_trace& trace, memory_budget& budget)
      : trace_(trace), memory_(budget), updatable_count_(net.updatable().size()) {}

  void observe(const trace_event& event) {
    keeping_ = true;
    if (event.time == 0) {
      trace_.initial.reserve(event.state.size());
      for (std::size_t i = 0; i < event.state.size(); ++i) trace_.initial.push_back(intern(event.state, i));
      charge(event.time, trace_.initial.size() * sizeof(std::uint32_t));
      previous_ = event.state.copy();
    } else {
      record_selected(event);
      // Only a selected neuron can change; the others keep their value.
      const std::vector<neuron_id>& selected = *event.selected;
      for (neuron_id id : selected) {
        const std::size_t i = index(id);
        if (event.state.same_value(i, previous_, i)) continue;
        trace_.changed_neurons.push_back(static_cast<std::uint32_t>(i));
        trace_.changed_values.push_back(intern(event.state, i));
        previous_.assign(i, event.state, i);
      }
      trace_.change_offsets.push_back(trace_.changed_neurons.size());
      charge(event.time, (trace_.changed_neurons.size() - trace_.change_offsets[trace_.change_offsets.size() - 2]) *
                                 2 * sizeof(std::uint32_t) +
                             2 * sizeof(std::uint64_t) + 1);
    }
    keeping_ = false;
  }

  // Whether every state observed is kept whole: false after an error in the
  // middle of keeping one (the trace's own memory limit, or the numbers'
  // memory while a value was written as text).
  bool states_whole() const { return !keeping_; }

  // The result of a run that a limit stopped after the last state kept, y(T):
  // undecided at T, with y(T) and its outputs, and nothing claimed after it.
  run_result stopped_result(const network& net, const run_request& request) const {
    run_result result;
    result.status = run_status::undecided;
    result.steps = trace_.steps();
    result.state = previous_;
    result.outputs = std::visit(
        [&net](const auto& values) {
          std::remove_cvref_t<decltype(values)> outputs;
          outputs.reserve(net.outputs.size());
          for (neuron_id o : net.outputs) outputs.push_back(values[index(o)]);
          return state_values(std::move(outputs));
        },
        previous_.storage());
    result.rule = request.rule.value_or(net.rule);
    result.numbers = request.numbers;
    result.precision = request.numbers.precision;
    return result;
  }

 private:
  void record_selected(const trace_event& event) {
    const std::vector<neuron_id>& selected = *event.selected;
    const bool all = updatable_count_ > 0 && selected.size() == updatable_count_;
    trace_.selected_all.push_back(all ? 1 : 0);
    if (!all) {
      for (neuron_id id : selected) trace_.selected_neurons.push_back(static_cast<std::uint32_t>(index(id)));
      charge(event.time, selected.size() * sizeof(std::uint32_t));
    }
    trace_.selected_offsets.push_back(trace_.selected_neurons.size());
  }

  std::uint32_t intern(const state_view& state, std::size_t i) {
    std::string text = value_text(state, i);
    const auto found = indexes_.find(text);
    if (found != indexes_.end()) return found->second;
    const auto index = static_cast<std::uint32_t>(trace_.value_texts.size());
    // The text twice (the list and the index) and the table's own cost.
    charge(time_, 2 * (text.size() + sizeof(std::string)) + sizeof(double) + 32);
    trace_.value_approximations.push_back(state.approximation(i));
    trace_.value_texts.push_back(text);
    indexes_.emplace(std::move(text), index);
    return index;
  }

  void charge(std::uint64_t time, std::size_t bytes) {
    time_ = time;
    if (memory_.try_add(bytes)) return;
    throw limit_error(fmt::format("the trace needs more than the memory limit of {} bytes after {} steps: "
                                  "a trace for viewing keeps every step's changes (use --max-steps for a "
                                  "shorter one, or raise --max-memory)",
                                  memory_.budget().limit(), time));
  }

  recorded_trace& trace_;
  memory_charge memory_;
  std::size_t updatable_count_;
  std::uint64_t time_ = 0;
  bool keeping_ = false;    // within observe()
  state_values previous_;   // y(t - 1), kept up to date value by value
  std::unordered_map<std::string, std::uint32_t> indexes_;
};

}  // namespace

std::span<const std::uint32_t> recorded_trace::changed_neurons_of(std::uint64_t t) const {
  return std::span(changed_neurons).subspan(change_offsets[t - 1], change_offsets[t] - change_offsets[t - 1]);
}

std::span<const std::uint32_t> recorded_trace::changed_values_of(std::uint64_t t) const {
  return std::span(changed_values).subspan(change_offsets[t - 1], change_offsets[t] - change_offsets[t - 1]);
}

std::span<const std::uint32_t> recorded_trace::selected_of(std::uint64_t t) const {
  return std::span(selected_neurons)
      .subspan(selected_offsets[t - 1], selected_offsets[t] - selected_offsets[t - 1]);
}

std::size_t recorded_trace::memory_bytes() const {
  std::size_t bytes = value_approximations.capacity() * sizeof(double) + initial.capacity() * sizeof(std::uint32_t) +
                      (change_offsets.capacity() + selected_offsets.capacity()) * sizeof(std::uint64_t) +
                      (changed_neurons.capacity() + changed_values.capacity() + selected_neurons.capacity()) *
                          sizeof(std::uint32_t) +
                      selected_all.capacity();
  for (const std::string& text : value_texts) bytes += sizeof(std::string) + text.capacity();
  return bytes;
}

std::vector<std::uint32_t> recorded_trace::state_at(std::uint64_t t) const {
  std::vector<std::uint32_t> state = initial;
  for (std::uint64_t step = 1; step <= t; ++step) {
    const auto neurons = changed_neurons_of(step);
    const auto values = changed_values_of(step);
    for (std::size_t k = 0; k < neurons.size(); ++k) state[neurons[k]] = values[k];
  }
  return state;
}

recorded_trace record_trace(const network& net, run_request request) {
  std::optional<memory_budget> own_budget;
  if (request.budget == nullptr) request.budget = &own_budget.emplace(request.limits.max_memory);
  recorded_trace trace;
  trace_recorder recorder(net, trace, *request.budget);
  request.observer = [&recorder](const trace_event& event) { recorder.observe(event); };
  try {
    trace.result = run_network(net, request);
  } catch (const limit_error& e) {
    // A limit of the computation met between two states (--max-bits, the
    // numbers' memory): the states before it are whole, and they are what a
    // person wants to see.  The trace's own limit, one met while a state was
    // being kept, and certified runs (several runs at rising precisions)
    // keep the error alone.
    if (!recorder.states_whole() || trace.initial.empty() ||
        request.numbers.type == number_mode::kind::certified) {
      throw;
    }
    trace.stopped_by = e.what();
    trace.result = recorder.stopped_result(net, request);
  }
  return trace;
}

}  // namespace nnsim
