// The keyword arguments that say how computations run, shared by every
// method that runs a network (run, trace, truth_table, recognize,
// check_machine): rule, numbers, max_steps, max_bits, max_memory, the
// Python spelling of the command line's --rule, --numbers and limits
// (docs/python.md, "Running").
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/numbers/number_mode.hpp"
#include "nnsim/run/run_limits.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/run/update_rule.hpp"

#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>
#include <string>

namespace nnsim::python {

struct computation_arguments {
  std::optional<rule_spec> rule;   // nothing: the network's own
  number_mode numbers;
  run_limits limits;
};

// Reads and checks the arguments: rule is None or a str of --rule
// ("parallel", "random:7"), numbers a str of --numbers ("rational",
// "double", "real:100"), the limits whole numbers (max_steps >= 0,
// max_bits >= 1, max_memory >= 1).  Throws input_error, or TypeError for a
// limit that is not an int.
computation_arguments read_computation_arguments(const pybind11::object& rule, const std::string& numbers,
                                                 const pybind11::object& max_steps, const pybind11::object& max_bits,
                                                 const pybind11::object& max_memory,
                                                 const pybind11::object& max_precision = pybind11::int_(65536));

// A whole number argument in [min, max], named `name` in the errors (the
// messages of the command line's checks).  Throws input_error, or
// TypeError for a value that is not an int.
std::uint64_t whole_number_argument(const pybind11::object& value, const char* name, std::uint64_t min,
                                    std::uint64_t max);

// Sets them on a request that has the three fields (run_request,
// truth_table_request, recognition_options).
template <class Request>
void apply(const computation_arguments& arguments, Request& request) {
  request.rule = arguments.rule;
  request.numbers = arguments.numbers;
  request.limits = arguments.limits;
}

// The request for one computation of `net`: the input values (a list) or
// the word whose δ-code is the input (a str, for a network with one input
// neuron), and the arguments above.  Throws input_error when both are
// given or the word does not fit; the library checks the input's length.
run_request make_run_request(const network& net, const pybind11::object& input, const pybind11::object& word,
                             const computation_arguments& arguments);

// A monitor for runs made while holding the GIL: about every 100 ms of
// work it lets Python handle its signals (Ctrl-C) and, when a handler
// raises (KeyboardInterrupt), stops the run by throwing the Python error
// through the library, which unwinds cleanly from a monitor's callback.
run_monitor interrupt_monitor();
// The same check between two computations (the words of recognize).
void check_interrupt();

// The defaults of the limits, for the signatures.
inline constexpr std::uint64_t default_max_steps = run_limits{}.max_steps;
inline constexpr std::size_t default_max_bits = run_limits{}.max_bits;
inline constexpr std::size_t default_max_memory = run_limits{}.max_memory;
inline constexpr unsigned default_max_precision = run_limits{}.max_precision;

}  // namespace nnsim::python
