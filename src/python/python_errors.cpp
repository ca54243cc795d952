// The library's errors as Python exceptions (docs/python.md, "Errors"):
//
//   input_error      -> nnsim.InputError (a ValueError) with file, line,
//                       column, source_line and message; str() is what the
//                       command line prints for it
//   limit_error      -> nnsim.LimitError (a RuntimeError)
//   non_finite_error -> nnsim.NonFiniteError (a LimitError) with neuron and
//                       time
//
// Anything else keeps pybind11's translation (std::invalid_argument ->
// ValueError, other std::exception -> RuntimeError).
#include "nnsim/support/error.hpp"
#include "python/bindings.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace py = pybind11;

namespace nnsim::python {
namespace {

// The classes live as long as the process: the module is never unloaded.
PyObject* input_error_class = nullptr;
PyObject* limit_error_class = nullptr;
PyObject* non_finite_error_class = nullptr;

PyObject* new_class(py::module_& m, const char* name, const char* doc, PyObject* base) {
  const std::string qualified = std::string("nnsim.") + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base, nullptr);
  if (cls == nullptr) throw py::error_already_set();
  m.add_object(name, py::handle(cls));  // adds a reference; ours stays
  return cls;
}

// Raises an instance of `cls` whose str() is `text`, with `attributes` set.
void raise(PyObject* cls, const std::string& text, const py::dict& attributes) {
  py::object instance = py::reinterpret_borrow<py::object>(cls)(text);
  for (const auto& [key, value] : attributes) py::setattr(instance, key, value);
  PyErr_SetObject(cls, instance.ptr());
}

py::object optional_number(bool known, std::uint32_t value) {
  return known ? py::object(py::int_(value)) : py::object(py::none());
}

// The library's limit messages name the command line's options ("raise it
// with --max-bits"); in Python the same limits are keyword arguments.
std::string with_argument_names(std::string text) {
  static constexpr std::pair<std::string_view, std::string_view> names[] = {
      {"--max-bits", "max_bits"}, {"--max-memory", "max_memory"}, {"--max-steps", "max_steps"}};
  for (const auto& [option, argument] : names) {
    for (std::size_t at = text.find(option); at != std::string::npos; at = text.find(option, at + argument.size())) {
      text.replace(at, option.size(), argument);
    }
  }
  return text;
}

void translate(std::exception_ptr error) {
  try {
    if (error) std::rethrow_exception(error);
  } catch (const non_finite_error& e) {
    py::dict attributes;
    const std::string message = with_argument_names(e.what());
    attributes["message"] = message;
    attributes["neuron"] = e.neuron();
    attributes["time"] = e.state_time();
    raise(non_finite_error_class, message, attributes);
  } catch (const limit_error& e) {
    py::dict attributes;
    const std::string message = with_argument_names(e.what());
    attributes["message"] = message;
    raise(limit_error_class, message, attributes);
  } catch (const input_error& e) {
    const bool located = e.has_location();
    py::dict attributes;
    attributes["message"] = std::string(e.what());
    attributes["file"] = located ? py::object(py::str(e.file())) : py::object(py::none());
    attributes["line"] = optional_number(located, e.where().line);
    attributes["column"] = optional_number(located, e.where().column);
    attributes["source_line"] =
        located && !e.source_line().empty() ? py::object(py::str(e.source_line())) : py::object(py::none());
    // The command line's text: `FILE:LINE:COL: error: MESSAGE` with the
    // source line and a caret under the place; the message alone when the
    // error has no place.
    raise(input_error_class, located ? e.diagnostic() : std::string(e.what()), attributes);
  }
}

}  // namespace

void bind_errors(py::module_& m) {
  input_error_class = new_class(
      m, "InputError",
      "Bad input: a network or machine that does not load, a bad value, word or option.\n\n"
      "Attributes: message (the error alone), file, line, column (1-based) and source_line, which are None when "
      "the error is not about a place in a text.  str() is what the nnsim command prints: "
      "'FILE:LINE:COL: error: MESSAGE' followed by the source line and a caret under the place.",
      PyExc_ValueError);
  limit_error_class = new_class(
      m, "LimitError",
      "A limit stopped the work: max_bits (a value grew too large), max_memory, or a bound of the library.\n\n"
      "Attribute: message.",
      PyExc_RuntimeError);
  non_finite_error_class = new_class(
      m, "NonFiniteError",
      "A floating-point run (numbers='double' or 'real:P') produced inf or NaN, past which no verdict means "
      "anything.\n\nAttributes: message, neuron (whose value left the finite numbers) and time (the state it "
      "was evaluated on).",
      limit_error_class);
  py::register_exception_translator(translate);
}

}  // namespace nnsim::python
