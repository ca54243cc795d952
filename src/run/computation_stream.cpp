#include "nnsim/run/computation_stream.hpp"

#include <utility>

namespace nnsim {
namespace {

// Thrown by the worker's observer to unwind a computation nobody waits for.
struct stream_cancelled {};

}  // namespace

computation_stream::computation_stream(const network& net, run_request request)
    : net_(net), request_(std::move(request)) {
  request_.observer = [this](const trace_event& event) { hand_over(event); };
  if (request_.monitor.stop_requested == nullptr) request_.monitor.stop_requested = &cancel_flag_;
  worker_ = std::thread([this] { work(); });
}

computation_stream::~computation_stream() { stop(); }

// Worker: the computation, each state handed over by the observer.
void computation_stream::work() {
  std::exception_ptr error;
  std::optional<run_result> result;
  try {
    result = run_network(net_, request_);
  } catch (const stream_cancelled&) {
  } catch (...) {
    error = std::current_exception();
  }
  std::unique_lock lock(mutex_);
  finished_result_ = std::move(result);
  error_ = error;
  finished_ = true;
  changed_.notify_all();
}

// Worker: leaves y(t) for the reader, then waits until the reader has taken
// it and asked for the next state before the computation goes on.
void computation_stream::hand_over(const trace_event& event) {
  computation_view item{event.time, {}, event.state};
  if (event.selected != nullptr) item.selected = *event.selected;
  std::unique_lock lock(mutex_);
  if (cancelled_) throw stream_cancelled{};
  item_ = item;
  changed_.notify_all();
  changed_.wait(lock, [&] { return (asked_ && !item_) || cancelled_; });
  if (cancelled_) throw stream_cancelled{};
  asked_ = false;
}

bool computation_stream::wait(const wait_hook& keep_waiting, std::chrono::milliseconds poll) {
  std::unique_lock lock(mutex_);
  const auto ready = [&] { return item_.has_value() || finished_; };
  if (!ready()) {
    asked_ = true;
    changed_.notify_all();
  }
  while (!ready()) {
    if (!keep_waiting) {
      changed_.wait(lock, ready);
      break;
    }
    if (changed_.wait_for(lock, poll, ready)) break;
    lock.unlock();
    const bool go_on = keep_waiting();
    lock.lock();
    if (!go_on && !ready()) return false;
  }
  return true;
}

std::optional<computation_state> computation_stream::next() {
  const std::optional<computation_view> view = next_view();
  if (!view) return std::nullopt;
  // The worker waits until the next state is asked for: the view holds.
  return computation_state{view->time, std::vector<neuron_id>(view->selected.begin(), view->selected.end()),
                           view->state.copy()};
}

std::optional<computation_view> computation_stream::next_view() {
  if (ended_) return std::nullopt;
  wait();
  std::unique_lock lock(mutex_);
  if (item_) {
    const computation_view taken = *item_;
    item_.reset();
    return taken;
  }
  ended_ = true;
  result_ = std::move(finished_result_);
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  return std::nullopt;
}

void computation_stream::stop() {
  {
    std::unique_lock lock(mutex_);
    cancelled_ = true;
    cancel_flag_.store(true, std::memory_order_relaxed);
    changed_.notify_all();
  }
  if (worker_.joinable()) worker_.join();
}

}  // namespace nnsim
