// Network.trace: the states of one computation, one at a time, as Python
// asks for them (docs/python.md, "Tracing").
//
// The computation runs in a computation_stream (nnsim/run/computation_stream.hpp):
// on a worker thread that hands each state over and waits until the next one
// is asked for, so a trace of a million steps holds a few states at a time.
// The worker never touches Python.  While the iterator waits for a state it
// lets Python handle signals, so Ctrl-C stops a trace too; when the iterator
// goes away unfinished, the stream stops its computation.
#include "nnsim/run/computation_stream.hpp"
#include "nnsim/run/simulation.hpp"
#include "python/bindings.hpp"
#include "python/computation_arguments.hpp"
#include "python/named_tuple.hpp"
#include "python/network_class.hpp"
#include "python/python_values.hpp"
#include "python/run_result_class.hpp"

#include <memory>
#include <optional>
#include <utility>

namespace py = pybind11;

namespace nnsim::python {
namespace {

py::handle step_class;

class trace_stream {
 public:
  trace_stream(network_ptr net, run_request request)
      : net_(std::move(net)), stream_(std::make_unique<computation_stream>(*net_, std::move(request))) {}
  trace_stream(const trace_stream&) = delete;
  trace_stream& operator=(const trace_stream&) = delete;

  // Waits for y(0) and raises an error that came before it (a wrong input,
  // a rule that does not fit), so that Network.trace raises it itself.
  void start() {
    wait_for_item();
    try {
      first_ = stream_->next();
    } catch (...) {
      exhausted_ = true;
      throw;
    }
    if (!first_) exhausted_ = true;
  }

  // The next Step; raises StopIteration at the end, and the error that
  // stopped the computation (LimitError) after the states before it.
  py::object next() {
    std::optional<computation_state> taken = std::exchange(first_, std::nullopt);
    if (!taken && !exhausted_) {
      wait_for_item();
      try {
        taken = stream_->next();
      } catch (...) {
        exhausted_ = true;
        throw;
      }
    }
    if (!taken) {
      exhausted_ = true;
      throw py::stop_iteration();
    }
    return step_class(taken->time, py::tuple(names(*net_, taken->selected)),
                      state_dict(*net_, taken->state.view()));
  }

  // The Result once the iteration has ended, else None.
  py::object result() {
    if (!exhausted_ || !stream_ || !stream_->result()) return py::none();
    return py::cast(run_result_object{net_, *stream_->result()});
  }

  const network_ptr& net() const { return net_; }

 private:
  // Waits, without the GIL, until a state is there or the computation has
  // ended, looking at Python's signals every 100 ms; raises what a signal
  // handler raises (KeyboardInterrupt) after stopping the computation.
  void wait_for_item() {
    if (!stream_) return;
    bool interrupted = false;
    {
      py::gil_scoped_release release;
      stream_->wait([&] {
        py::gil_scoped_acquire acquire;
        interrupted = PyErr_CheckSignals() != 0;
        return !interrupted;
      });
    }
    if (interrupted) {
      exhausted_ = true;
      {
        py::gil_scoped_release release;
        stream_.reset();
      }
      throw py::error_already_set();
    }
  }

  network_ptr net_;
  std::unique_ptr<computation_stream> stream_;  // after net_, which it reads until it goes
  std::optional<computation_state> first_;      // y(0), taken by start()
  bool exhausted_ = false;                      // the iterator has reached its end
};

}  // namespace

void bind_traces(py::module_& m) {
  step_class = define_named_tuple(
      m, "Step", {"time", "selected", "state"},
      "One state of a trace: time t, the neurons that step t - 1 selected to produce y(t) (a tuple of names; "
      "empty at t = 0) and the state y(t) as {neuron: value}.");

  py::class_<trace_stream>(m, "Trace",
                           "An iterator over the states y(0), y(1), ... of one computation (Network.trace), each "
                           "a Step.  The states are made as they are asked for and not kept.")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &trace_stream::next)
      .def_property_readonly("result", &trace_stream::result,
                             "The Result of the computation (what Network.run returns) once the iteration has "
                             "ended; None before.")
      .def_property_readonly("network", &trace_stream::net, "The network being traced.")
      .def("__repr__", [](const trace_stream&) { return std::string("<nnsim.Trace>"); });

  network_class cls = network_class_of(m);
  cls.def(
      "trace",
      [](const network_ptr& net, const py::object& input, const py::object& word, const py::object& rule,
         const std::string& numbers, const py::object& max_steps, const py::object& max_bits,
         const py::object& max_memory, const py::object& max_precision) {
        const computation_arguments arguments =
            read_computation_arguments(rule, numbers, max_steps, max_bits, max_memory, max_precision);
        auto stream = std::make_unique<trace_stream>(net, make_run_request(*net, input, word, arguments));
        stream->start();
        return stream;
      },
      py::arg("input") = py::none(), py::kw_only(), py::arg("word") = py::none(), py::arg("rule") = py::none(),
      py::arg("numbers") = "rational", py::arg("max_steps") = default_max_steps,
      py::arg("max_bits") = default_max_bits, py::arg("max_memory") = default_max_memory,
      py::arg("max_precision") = default_max_precision,
      "Steps through one computation, as `nnsim trace` does: returns a Trace, an iterator of Steps (time, "
      "selected, state) from y(0) to the state where run stops (the fixed point, the repeated state or "
      "max_steps).  The arguments are those of run.  The computation advances as the iterator is read and "
      "keeps no past states; after the last Step, trace.result is the Result.  An error before y(0) (a wrong "
      "input) is raised here; a limit reached later is raised by the iterator after the states before it.");
}

}  // namespace nnsim::python
