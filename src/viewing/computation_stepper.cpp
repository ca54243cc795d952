#include "nnsim/viewing/computation_stepper.hpp"

#include "nnsim/support/error.hpp"
#include "viewing/value_vector.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace nnsim {

using viewing_detail::assign_value;
using viewing_detail::copy_values;
using viewing_detail::view_of;

namespace {

bool stop_set(const std::atomic<bool>* stop) { return stop != nullptr && stop->load(std::memory_order_relaxed); }

}  // namespace

computation_stepper::computation_stepper(const network& net, run_request request)
    : net_(net),
      request_(std::move(request)),
      own_budget_(request_.budget == nullptr ? std::make_unique<memory_budget>(request_.limits.max_memory) : nullptr),
      history_(request_.budget != nullptr ? *request_.budget : *own_budget_) {
  if (request_.budget == nullptr) request_.budget = own_budget_.get();
  start();
}

computation_stepper::~computation_stepper() = default;

void computation_stepper::start() {
  stream_.reset();  // its computation's memory goes back first
  stream_ended_ = false;
  result_.reset();
  stop_message_.clear();
  history_.restart(0);
  stream_ = std::make_unique<computation_stream>(net_, request_);
  const std::optional<computation_view> first = stream_->next_view();
  // run_network shows y(0) before anything else or throws.
  if (!first) throw std::logic_error("the computation ended before its first state");
  newest_ = copy_values(first->state);
  current_ = newest_;
  time_ = 0;
}

state_view computation_stepper::state() const { return view_of(current_); }

std::optional<step_record> computation_stepper::last_step() const {
  if (!history_.has_step(time_)) return std::nullopt;
  return history_.step(time_);
}

bool computation_stepper::at_end() const { return stream_ended_ && time_ == history_.newest(); }

computation_stepper::advance computation_stepper::pull(const std::atomic<bool>* stop) {
  if (stream_ended_) return stop_message_.empty() ? advance::ended : advance::limit;
  if (stop_set(stop)) return advance::interrupted;
  if (stop != nullptr && !stream_->wait([stop] { return !stop_set(stop); })) return advance::interrupted;
  std::optional<computation_view> item;
  try {
    item = stream_->next_view();
  } catch (const limit_error& e) {
    stream_ended_ = true;
    stop_message_ = e.what();
    return advance::limit;
  }
  if (!item) {
    stream_ended_ = true;
    result_ = stream_->result();
    return advance::ended;
  }
  const std::size_t updatable = net_.updatable().size();
  const bool all_selected = updatable > 0 && item->selected.size() == updatable;
  try {
    history_.add(view_of(newest_), item->state, item->selected, all_selected, time_);
  } catch (const limit_error& e) {
    stream_ended_ = true;
    stop_message_ = e.what();
    stream_.reset();  // nothing more can be kept: its memory goes back
    return advance::limit;
  }
  // y(newest) from y(newest - 1): only what the step changed.
  const step_record step = history_.step(history_.newest());
  for (std::size_t k = 0; k < step.changed.size(); ++k) assign_value(newest_, step.changed[k], step.new_values, k);
  return advance::moved;
}

computation_stepper::advance computation_stepper::advance_one(const std::atomic<bool>* stop) {
  if (time_ == history_.newest()) {
    const advance pulled = pull(stop);
    if (pulled != advance::moved) return pulled;
  }
  const step_record step = history_.step(time_ + 1);
  for (std::size_t k = 0; k < step.changed.size(); ++k) assign_value(current_, step.changed[k], step.new_values, k);
  ++time_;
  return advance::moved;
}

void computation_stepper::undo_one() {
  const step_record step = history_.step(time_);
  for (std::size_t k = 0; k < step.changed.size(); ++k) assign_value(current_, step.changed[k], step.old_values, k);
  --time_;
}

void computation_stepper::look_ahead(const std::atomic<bool>* stop) {
  if (time_ == history_.newest() && !stream_ended_) pull(stop);
}

move_outcome::reason computation_stepper::reason_of(advance a) {
  switch (a) {
    case advance::ended: return move_outcome::reason::ended;
    case advance::limit: return move_outcome::reason::limit;
    case advance::interrupted: return move_outcome::reason::interrupted;
    case advance::moved: break;
  }
  return move_outcome::reason::reached;
}

move_outcome computation_stepper::finish(move_outcome outcome, std::uint64_t oldest_before,
                                         const std::atomic<bool>* stop) {
  look_ahead(stop);
  outcome.forgot = !outcome.recomputed && history_.oldest() > oldest_before;
  return outcome;
}

move_outcome computation_stepper::forward(std::uint64_t steps, const std::atomic<bool>* stop) {
  const std::uint64_t oldest = history_.oldest();
  move_outcome outcome;
  for (std::uint64_t i = 0; i < steps; ++i) {
    const advance a = advance_one(stop);
    if (a != advance::moved) {
      outcome.why = reason_of(a);
      break;
    }
  }
  return finish(std::move(outcome), oldest, stop);
}

move_outcome computation_stepper::back(std::uint64_t steps, const std::atomic<bool>* stop) {
  const std::uint64_t oldest = history_.oldest();
  move_outcome outcome;
  if (steps > time_) {
    outcome.why = move_outcome::reason::at_start;
    steps = time_;
  }
  const std::uint64_t target = time_ - steps;
  if (target < history_.oldest()) {
    // The steps back there were forgotten: the states again from y(0).
    start();
    outcome.recomputed = true;
    while (time_ < target) {
      const advance a = advance_one(stop);
      if (a != advance::moved) {
        outcome.why = reason_of(a);
        break;
      }
    }
  } else {
    while (time_ > target) undo_one();
  }
  return finish(std::move(outcome), oldest, stop);
}

move_outcome computation_stepper::go_to(std::uint64_t t, const std::atomic<bool>* stop) {
  if (t < time_) return back(time_ - t, stop);
  return forward(t - time_, stop);
}

move_outcome computation_stepper::to_end(const std::atomic<bool>* stop) {
  return forward(std::numeric_limits<std::uint64_t>::max(), stop);
}

move_outcome computation_stepper::run_to_breakpoint(const std::atomic<bool>* stop) {
  const std::uint64_t oldest = history_.oldest();
  move_outcome outcome;
  while (true) {
    const advance a = advance_one(stop);
    if (a != advance::moved) {
      outcome.why = reason_of(a);
      break;
    }
    const step_record step = history_.step(time_);
    const state_view now = view_of(current_);
    for (const numbered_breakpoint& b : breakpoints_) {
      const truth holds = breakpoint_holds(b.where, time_, now, step.changed);
      if (holds == truth::yes) outcome.triggered.push_back(b.number);
      if (holds == truth::undecided) outcome.undecided.push_back(b.number);
    }
    if (!outcome.triggered.empty() || !outcome.undecided.empty()) {
      outcome.why = move_outcome::reason::breakpoint;
      break;
    }
  }
  return finish(std::move(outcome), oldest, stop);
}

int computation_stepper::add_breakpoint(breakpoint b) {
  breakpoints_.push_back({next_number_, std::move(b)});
  return next_number_++;
}

bool computation_stepper::delete_breakpoint(int number) {
  const auto found = std::find_if(breakpoints_.begin(), breakpoints_.end(),
                                  [&](const numbered_breakpoint& b) { return b.number == number; });
  if (found == breakpoints_.end()) return false;
  breakpoints_.erase(found);
  return true;
}

void computation_stepper::delete_breakpoints() { breakpoints_.clear(); }

}  // namespace nnsim
