// Stepping back and forth through one computation (nnsim step): a cursor on
// the states y(0), y(1), ... that moves on request.  The states are computed
// lazily, by a computation_stream, only as far as the cursor goes (and one
// step beyond, which tells whether the current state is the last); the
// steps behind the cursor are kept in a step_history, so going back undoes
// them.  When the history had to forget the oldest steps to stay within the
// memory budget, going back before them computes the states again from
// y(0) (the computation is deterministic; a random rule draws from its seed
// again).  Moving forward, `continue` stops at the first state where a
// breakpoint holds.
//
//   computation_stepper stepper(net, request);   // at y(0)
//   stepper.forward(3);                          // at y(3)
//   stepper.back(1);                             // at y(2), undone
//   stepper.add_breakpoint(breakpoint::on_change(h1));
//   move_outcome o = stepper.run_to_breakpoint();
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/run/computation_stream.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/viewing/breakpoint.hpp"
#include "nnsim/viewing/step_history.hpp"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nnsim {

// How a move ended.
struct move_outcome {
  enum class reason {
    reached,      // the state asked for
    at_start,     // asked to go before y(0): at y(0)
    ended,        // asked to go past the last state of the computation: at it
    limit,        // the computation cannot go on (a limit): at the last state it reached
    interrupted,  // the stop flag was set: at the state reached so far
    breakpoint,   // continue: a breakpoint holds (or is undecided) at the state reached
  };
  reason why = reason::reached;
  std::vector<int> triggered;   // the numbers of the breakpoints that hold
  std::vector<int> undecided;   // the numbers of comparisons an interval leaves open
  bool recomputed = false;      // the states were computed again from y(0)
  bool forgot = false;          // the history forgot its oldest steps during the move
};

struct numbered_breakpoint {
  int number = 0;
  breakpoint where;
};

class computation_stepper {
 public:
  // Starts the computation and waits for y(0).  The computation and the
  // history share one budget: request.budget, or one of
  // request.limits.max_memory that the stepper owns.  `net`, and a
  // request.budget, must outlive the stepper.  Throws what run_network
  // throws before the first state (input_error for a wrong input or rule).
  computation_stepper(const network& net, run_request request);
  ~computation_stepper();
  computation_stepper(const computation_stepper&) = delete;
  computation_stepper& operator=(const computation_stepper&) = delete;

  const network& net() const { return net_; }
  // t: the cursor is on y(t).
  std::uint64_t time() const { return time_; }
  state_view state() const;
  // The step that produced the current state (t > 0), if it is kept.
  std::optional<step_record> last_step() const;

  // Whether the current state is the last one of a computation known to
  // have ended, with a result (halted, diverges, undecided at max_steps) or
  // stopped by an error (a limit).
  bool at_end() const;
  // The run's result once the computation has ended with one.
  const std::optional<run_result>& result() const { return result_; }
  // The message of the error that stopped the computation, or "".
  const std::string& stop_message() const { return stop_message_; }
  // The last state known to exist (one beyond the cursor's newest).
  std::uint64_t computed() const { return history_.newest(); }
  // The oldest state reachable without computing again from y(0).
  std::uint64_t oldest_kept() const { return history_.oldest(); }

  // Moves (`stop`: a flag that, once set, ends a forward move at the state
  // reached; Ctrl-C).  Breakpoints are looked at by run_to_breakpoint only.
  move_outcome forward(std::uint64_t steps, const std::atomic<bool>* stop = nullptr);
  move_outcome back(std::uint64_t steps, const std::atomic<bool>* stop = nullptr);
  move_outcome go_to(std::uint64_t t, const std::atomic<bool>* stop = nullptr);
  // Forward to the last state.
  move_outcome to_end(const std::atomic<bool>* stop = nullptr);
  // Forward, state by state, until a breakpoint holds at the state reached
  // (or a comparison cannot be decided there), or the computation ends.
  move_outcome run_to_breakpoint(const std::atomic<bool>* stop = nullptr);

  // Breakpoints are numbered 1, 2, ... in the order they are made; a
  // number is not given again.
  int add_breakpoint(breakpoint b);
  bool delete_breakpoint(int number);
  void delete_breakpoints();
  const std::vector<numbered_breakpoint>& breakpoints() const { return breakpoints_; }

 private:
  enum class advance { moved, ended, limit, interrupted };
  static move_outcome::reason reason_of(advance a);
  advance advance_one(const std::atomic<bool>* stop);
  advance pull(const std::atomic<bool>* stop);
  void look_ahead(const std::atomic<bool>* stop);
  void start();
  void undo_one();
  move_outcome finish(move_outcome outcome, std::uint64_t oldest_before, const std::atomic<bool>* stop);

  const network& net_;
  run_request request_;
  std::unique_ptr<memory_budget> own_budget_;
  step_history history_;
  std::unique_ptr<computation_stream> stream_;  // after history_ and the budget: goes first
  state_values::storage_type newest_;          // y(history_.newest())
  state_values::storage_type current_;          // y(time_)
  std::uint64_t time_ = 0;
  bool stream_ended_ = false;                   // nothing comes after y(history_.newest())
  std::optional<run_result> result_;
  std::string stop_message_;
  std::vector<numbered_breakpoint> breakpoints_;
  int next_number_ = 1;
};

}  // namespace nnsim
