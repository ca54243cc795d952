// Running computations (semantics.md, sections 2-4) in any number mode,
// with the values in the mode's number type (state_values.hpp: rationals,
// MPFR values or doubles, as numbers; text only on request): one with
// run_network, many of one network with a network_runner.  The typed engine
// is simulator.hpp; this is what the command line and the checks call.
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/numbers/number_mode.hpp"
#include "nnsim/numbers/state_values.hpp"
#include "nnsim/run/run_limits.hpp"
#include "nnsim/run/run_monitor.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nnsim {

struct run_result {
  run_status status = run_status::undecided;
  std::uint64_t steps = 0;               // T (halted), t2 (diverges), N (undecided), or the steps done (interrupted)
  std::uint64_t cycle_start = 0;         // diverges: t1
  std::uint64_t cycle_period = 0;        // diverges: t2 - t1
  // request.monitor stopped the run before a verdict: status undecided,
  // state y(steps), and nothing is claimed about the steps after it.
  bool interrupted = false;
  // How repetitions were looked for (run_limits.hpp): the table, or Brent's
  // method from step brent_from on (0 when asked for, later when the table
  // reached its share of the memory budget).  Either gives the same verdict,
  // steps, cycle and state.
  repetition_method repetitions = repetition_method::table;
  std::uint64_t brent_from = 0;
  state_values state;                    // every neuron's value in y(steps), by neuron id
  state_values outputs;                  // the output neurons' values in y(steps), in output order
  std::size_t largest_value_bits = 0;    // rational mode: largest value size seen during the run
  rule_spec rule;
  number_mode numbers;
  // interval:P and certified: the precision of the enclosures (for
  // certified, the one that proved the verdict, or the last one tried).
  unsigned precision = 0;
  // interval:P and certified: the run ended undecided because a decision
  // could not be made at this precision (reals.md, section 3).
  std::optional<precision_shortfall> shortfall;
};

// Called with y(0) before the first step and then with y(t + 1) after each
// step t, with the neurons that step t selected; state is y(t), by neuron
// id, valid during the call only (state.copy() keeps it).  Nothing is turned
// into text unless the observer asks (state.text(i)).
struct trace_event {
  std::uint64_t time = 0;
  state_view state;
  const std::vector<neuron_id>* selected = nullptr;   // empty at time 0
};
using trace_observer = std::function<void(const trace_event&)>;

struct run_request {
  std::vector<rational> input;           // one value per input neuron
  // Empty, or one entry per input neuron: a non-null entry is an irrational
  // input value (reals.md, section 1; `--input 'sqrt(2)/2'`), and input[j]
  // is then not read.  It is treated as a constant is: rounded correctly
  // once in the floating modes, enclosed in the interval modes, refused in
  // rational mode (an input_error).
  std::vector<real_expression_ptr> input_expressions;
  std::optional<rule_spec> rule;         // overrides the network's rule
  number_mode numbers;
  run_limits limits;
  trace_observer observer;               // optional
  // The budget the run charges its memory to, shared with the caller's own
  // storage (trace rows, the results of many words); its limit applies
  // instead of limits.max_memory.  Nothing: a budget of limits.max_memory
  // for this run alone.
  memory_budget* budget = nullptr;
  // Optional: sees the progress of a long run and can stop it (run_monitor.hpp).
  run_monitor monitor;
  // interval:P and certified: whether output > 0 is a decision of the
  // verdict (language recognition).  A halted run whose first output's
  // interval holds 0 and positive numbers then ends undecided, and
  // certified mode raises the precision to decide it.
  bool decide_output_sign = false;
};

// Runs the computation.  Throws input_error for a wrong input length, an
// irrational input value in rational mode or one that cannot be rounded, a rule
// that does not fit the network (layered on a cyclic one, with the cycle) or
// an activation not allowed in the mode (located at the neuron's equation);
// throws limit_error when a value grows past limits.max_bits or the
// computation's memory past its budget.
run_result run_network(const network& net, const run_request& request);

// Many computations of one network with one rule, number mode and limits,
// for as many inputs as needed (nnsim eval): the checks of run_network and
// the compilation into flat arrays are done once, by the constructor, and
// each run starts afresh from the initial state for its input.  run(input)
// gives exactly what run_network gives for `request` with that input (a
// random rule draws from its seed in every run).
//
// The budget (request.budget, or one of limits.max_memory that the runner
// owns) carries the compiled network for the runner's lifetime and each
// run's tables and numbers while it runs; what a run kept is given back
// when the next one starts.  `net`, and a request.budget, must outlive the
// runner; request.input and request.input_expressions are not read.
class network_runner {
 public:
  // Throws input_error as run_network does for the rule and the number mode
  // (a rule that does not fit, an activation not exact in rational mode),
  // and limit_error when the compiled network exceeds the memory budget.
  network_runner(const network& net, const run_request& request);
  ~network_runner();
  network_runner(network_runner&&) noexcept;
  network_runner& operator=(network_runner&&) noexcept;

  // One computation.  Throws input_error for a wrong input length, and
  // limit_error as run_network does; the runner stays usable after either.
  run_result run(const std::vector<rational>& input);
  // The same with irrational input values, as run_request::input_expressions
  // holds them (empty, or one entry per input neuron): an input_error for
  // an irrational value in rational mode, or for one whose correct rounding
  // or enclosure fails (a domain error, or a value no enclosure decides).
  run_result run(const std::vector<rational>& input, const std::vector<real_expression_ptr>& input_expressions);

  const network& net() const;

  // The engine of the request's number mode (simulation.cpp).
  class engine;

 private:
  std::unique_ptr<engine> engine_;
};

}  // namespace nnsim
