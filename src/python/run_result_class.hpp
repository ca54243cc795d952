// The Python class nnsim.Result: the outcome of one computation
// (run_result) with the network it names neurons from.  Made by
// Network.run and, at the end of a trace, by Trace.result.
#pragma once

#include "nnsim/run/simulation.hpp"
#include "python/network_class.hpp"

#include <pybind11/pybind11.h>

namespace nnsim::python {

struct run_result_object {
  network_ptr net;
  run_result result;
};

// Defines nnsim.Result.
void bind_run_result(pybind11::module_& m);

}  // namespace nnsim::python
