// Network.trace: the states of one computation, one at a time, as Python
// asks for them (docs/python.md, "Tracing").
//
// The library runs a computation in one call and shows each state to an
// observer.  To hand the states to a Python iterator without keeping them,
// the computation runs on a worker thread whose observer passes each state
// over and then waits until the iterator has taken it: the worker is at
// most one state ahead, and a trace of a million steps holds two states at a
// time.  The worker never touches Python.  When the iterator goes away
// unfinished, its worker is told to stop, and its observer throws to unwind
// the computation.  While the iterator waits for a state it lets Python
// handle signals, so Ctrl-C stops a trace too.
#include "nnsim/run/simulation.hpp"
#include "python/bindings.hpp"
#include "python/computation_arguments.hpp"
#include "python/named_tuple.hpp"
#include "python/network_class.hpp"
#include "python/python_values.hpp"
#include "python/run_result_class.hpp"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace py = pybind11;

namespace nnsim::python {
namespace {

py::handle step_class;

// One state of the computation as the observer saw it.
struct trace_item {
  std::uint64_t time = 0;
  std::vector<neuron_id> selected;
  state_values state;
};

// Thrown by the worker's observer to stop a computation nobody waits for.
struct trace_cancelled {};

class trace_stream {
 public:
  trace_stream(network_ptr net, run_request request) : net_(std::move(net)), request_(std::move(request)) {
    request_.observer = [this](const trace_event& event) { hand_over(event); };
    worker_ = std::thread([this] { work(); });
  }
  trace_stream(const trace_stream&) = delete;
  trace_stream& operator=(const trace_stream&) = delete;
  ~trace_stream() { stop(); }

  // Waits for y(0) and raises an error that came before it (a wrong input,
  // a rule that does not fit), so that Network.trace raises it itself.
  void start() {
    wait_for_item();
    std::unique_lock lock(mutex_);
    if (!item_ && finished_ && error_) {
      const std::exception_ptr error = std::exchange(error_, nullptr);
      exhausted_ = true;
      std::rethrow_exception(error);
    }
  }

  // The next Step; raises StopIteration at the end, and the error that
  // stopped the computation (LimitError) after the states before it.
  py::object next() {
    wait_for_item();
    std::optional<trace_item> taken;
    {
      std::unique_lock lock(mutex_);
      if (item_ && !cancelled_) {
        taken = std::move(item_);
        item_.reset();
        changed_.notify_all();
      } else {
        exhausted_ = true;
        if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
        throw py::stop_iteration();
      }
    }
    return step_class(taken->time, py::tuple(names(*net_, taken->selected)),
                      state_dict(*net_, taken->state.view()));
  }

  // The Result once the iteration has ended, else None.
  py::object result() {
    std::unique_lock lock(mutex_);
    if (!exhausted_ || !result_) return py::none();
    return py::cast(run_result_object{net_, *result_});
  }

  const network_ptr& net() const { return net_; }

 private:
  // Worker: one computation, each state handed over by the observer.
  void work() {
    std::exception_ptr error;
    std::optional<run_result> result;
    try {
      result = run_network(*net_, request_);
    } catch (const trace_cancelled&) {
    } catch (...) {
      error = std::current_exception();
    }
    std::unique_lock lock(mutex_);
    result_ = std::move(result);
    error_ = error;
    finished_ = true;
    changed_.notify_all();
  }

  // Worker: waits until the previous state was taken, then leaves this one.
  void hand_over(const trace_event& event) {
    trace_item item{event.time, event.selected != nullptr ? *event.selected : std::vector<neuron_id>{},
                    event.state.copy()};
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !item_ || cancelled_; });
    if (cancelled_) throw trace_cancelled{};
    item_ = std::move(item);
    changed_.notify_all();
  }

  // Iterator (holding the GIL): waits, without the GIL, until a state is
  // there or the computation has ended, looking at Python's signals every
  // 100 ms; raises what a signal handler raises (KeyboardInterrupt).
  void wait_for_item() {
    bool interrupted = false;
    {
      py::gil_scoped_release release;
      std::unique_lock lock(mutex_);
      const auto ready = [&] { return item_.has_value() || finished_; };
      while (!changed_.wait_for(lock, std::chrono::milliseconds(100), ready)) {
        lock.unlock();
        {
          py::gil_scoped_acquire acquire;
          interrupted = PyErr_CheckSignals() != 0;
        }
        lock.lock();
        if (interrupted) break;
      }
    }
    if (interrupted) {
      stop();
      throw py::error_already_set();
    }
  }

  // Tells the worker to stop and waits for it; it needs no GIL.
  void stop() {
    {
      std::unique_lock lock(mutex_);
      cancelled_ = true;
      exhausted_ = true;
      changed_.notify_all();
    }
    if (worker_.joinable()) worker_.join();
  }

  network_ptr net_;
  run_request request_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<trace_item> item_;      // handed over, not yet taken
  bool finished_ = false;               // the computation has ended: result_ or error_
  bool cancelled_ = false;
  bool exhausted_ = false;              // the iterator has reached its end
  std::optional<run_result> result_;
  std::exception_ptr error_;
  std::thread worker_;                  // last: started once the rest exists
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
