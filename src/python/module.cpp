// The compiled part of the Python package nnsim (src/python/nnsim/
// __init__.py re-exports it).
#include "nnsim/version.hpp"
#include "python/bindings.hpp"

namespace py = pybind11;

PYBIND11_MODULE(_nnsim, m) {
  m.doc() =
      "Exact simulation of neural networks in the lecture's computation model: the library of the nnsim "
      "command, for Python (docs/python.md).";
  m.attr("__version__") = std::string(nnsim::version());
  nnsim::python::bind_errors(m);
  nnsim::python::bind_networks(m);
  nnsim::python::bind_runs(m);
  nnsim::python::bind_traces(m);
  nnsim::python::bind_languages(m);
  nnsim::python::bind_boolean(m);
}
