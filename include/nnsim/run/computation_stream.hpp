// One computation handed over one state at a time, as its reader asks for
// them: y(0), y(1), ... and then the run's result, or the error that stopped
// it.  run_network runs a computation in one call and shows each state to an
// observer; a reader that wants to stop between states (Python's
// Network.trace, the stepper of nnsim step) cannot be that observer.  So the
// computation runs on a worker thread whose observer hands each state over
// and then waits until the reader asks for the next one: the worker and the
// reader take turns, nothing is computed that was not asked for (but the
// step that proves a halt or a repetition, which run_network makes before it
// ends), and a computation of billions of steps holds a few states at a time.
// Nothing is copied on the worker's side: while the reader looks at a state
// the worker waits in its observer, so the reader may even look at the
// engine's own state in place (next_view), and only the reader copies what
// it keeps.
//
//   computation_stream stream(net, request);
//   while (std::optional<computation_state> s = stream.next()) use(s->time, s->state);
//   const run_result& result = *stream.result();
//
// Taking turns also means the worker runs only while the reader waits in
// wait() or next(): between taking a state and asking for the next one the
// reader may use what the computation uses too (request.budget, which is
// not made for two threads).  Destroying the stream stops the computation.
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/run/simulation.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

namespace nnsim {

// One state of the computation as the observer saw it (trace_event, kept).
struct computation_state {
  std::uint64_t time = 0;
  std::vector<neuron_id> selected;  // the neurons step time - 1 selected; empty at time 0
  state_values state;               // y(time), by neuron id
};

// One state of the computation in place: the engine's own values, valid
// until the reader next calls wait(), next() or next_view(), or destroys the
// stream.
struct computation_view {
  std::uint64_t time = 0;
  std::span<const neuron_id> selected;  // the neurons step time - 1 selected; empty at time 0
  state_view state;                     // y(time), by neuron id
};

class computation_stream {
 public:
  // Starts the computation of `request` (its observer is replaced; a
  // monitor without a stop flag gets the stream's own, so that the
  // destructor stops even a long step).  `net`, and request.budget when
  // given, must outlive the stream.
  computation_stream(const network& net, run_request request);
  // Stops the computation and waits for the worker.
  ~computation_stream();
  computation_stream(const computation_stream&) = delete;
  computation_stream& operator=(const computation_stream&) = delete;

  // Called about every `poll` while a wait goes on, on the waiting thread;
  // returning false gives the wait up (for a signal or Ctrl-C).
  using wait_hook = std::function<bool()>;

  // Asks for the next state and waits until it, or the end, is there: true.
  // False when `keep_waiting` gave up; the computation then goes on, and a
  // later wait() or next() finds what it made.
  bool wait(const wait_hook& keep_waiting = {}, std::chrono::milliseconds poll = std::chrono::milliseconds(100));

  // The next state, waiting for it as wait() does without a hook.  Nothing
  // at the end: result() then holds the run's result, unless an error
  // stopped the computation; that error (an input_error before y(0), a
  // limit_error after the states before it) is thrown by this call, once,
  // and later calls return nothing.
  std::optional<computation_state> next();

  // The same without a copy: the state in place (computation_view).
  std::optional<computation_view> next_view();

  // The run's result once next() has returned nothing; else nothing.
  const std::optional<run_result>& result() const { return result_; }
  // Whether next() has returned nothing or thrown.
  bool ended() const { return ended_; }

 private:
  void work();
  void hand_over(const trace_event& event);
  void stop();

  const network& net_;
  run_request request_;
  std::atomic<bool> cancel_flag_{false};  // the run monitor's stop, when the request had none
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<computation_view> item_;   // handed over, not yet taken; the worker waits while it is read
  bool asked_ = false;                     // the reader wants a state after the one it took
  bool finished_ = false;                  // the computation has ended: finished_result_ or error_
  bool cancelled_ = false;
  std::optional<run_result> finished_result_;
  std::exception_ptr error_;
  // The reader's side.
  std::optional<run_result> result_;
  bool ended_ = false;
  std::thread worker_;                     // last: started once the rest exists
};

}  // namespace nnsim
