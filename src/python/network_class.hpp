// The Python class nnsim.Network: a network held by a shared pointer, so
// that results and traces keep the network they name neurons from.
// network_bindings.cpp defines the class; the other parts add methods to it.
#pragma once

#include "nnsim/model/network.hpp"

#include <pybind11/pybind11.h>

#include <memory>

namespace nnsim::python {

using network_ptr = std::shared_ptr<network>;
using network_class = pybind11::class_<network, network_ptr>;

// The class defined by bind_networks.
inline network_class network_class_of(pybind11::module_& m) {
  return pybind11::reinterpret_borrow<network_class>(m.attr("Network"));
}

}  // namespace nnsim::python
