// The parts of the Python module `nnsim._nnsim` (docs/python.md), one per
// concept, each adding its functions and classes to the module.  Like the
// command line (src/cli/), the module only converts between Python and the
// library and calls the library; it holds no logic of its own.
#pragma once

#include <pybind11/pybind11.h>

namespace nnsim::python {

void bind_errors(pybind11::module_& m);     // python_errors.cpp: InputError, LimitError, NonFiniteError
void bind_networks(pybind11::module_& m);   // network_bindings.cpp: Network, load, parse
void bind_runs(pybind11::module_& m);       // run_bindings.cpp: Network.run, Result, Network.truth_table
void bind_traces(pybind11::module_& m);     // trace_bindings.cpp: Network.trace, Trace, Step
void bind_languages(pybind11::module_& m);  // language_bindings.cpp: δ-codes, machines, recognition
void bind_boolean(pybind11::module_& m);    // boolean_bindings.cpp: gates, two-layer networks, separability

}  // namespace nnsim::python
