// Small result records as Python named tuples (collections.namedtuple), so
// that they unpack (`for word, verdict, steps in ...`), compare and print
// like tuples.
#pragma once

#include <pybind11/pybind11.h>

#include <initializer_list>

namespace nnsim::python {

// Defines nnsim.NAME with the fields and the docstring, and returns the
// class; it lives as long as the process.
inline pybind11::handle define_named_tuple(pybind11::module_& m, const char* name,
                                           std::initializer_list<const char*> fields, const char* doc) {
  pybind11::list field_list;
  for (const char* field : fields) field_list.append(field);
  pybind11::object cls = pybind11::module_::import("collections")
                             .attr("namedtuple")(name, field_list, pybind11::arg("module") = "nnsim");
  cls.attr("__doc__") = doc;
  m.attr(name) = cls;
  return cls.release();
}

}  // namespace nnsim::python
