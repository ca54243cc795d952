// The steps of one computation kept for going back and forth through it
// (nnsim step): for each step t, which produced y(t) from y(t - 1), the
// neurons it selected and, for each neuron whose value changed, the old and
// the new value in the run's number type (rationals stay rationals).  The
// new values redo a step, the old ones undo it, so no whole state but the
// stepper's own two needs keeping, and a step costs in proportion to what
// it changed: a compiled Turing machine changes a handful of its hundreds of
// neurons per step.
//
// The history is charged to a memory budget (--max-memory).  When a new
// step does not fit, the oldest steps are forgotten, a block of them at a
// time, as long as they lie at or before the time the caller still needs
// (`keep_from`): the history is a window y(oldest()) ... y(newest()) that
// slides forward, and a computation of any length can be stepped through.
//
//   step_history history(budget);
//   history.restart(0);
//   history.add(y0, y1, selected, all_selected, 0);     // step 1
//   step_record step = history.step(1);                 // its changes
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/numbers/state_values.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

namespace nnsim {

// One kept step t: what made y(t) from y(t - 1).
struct step_record {
  std::uint64_t time = 0;                  // t
  std::span<const std::uint32_t> changed;  // the neurons whose value changed, by neuron index
  state_view old_values;                   // their values in y(t - 1), in the order of `changed`
  state_view new_values;                   // their values in y(t)
  bool all_selected = false;               // the step selected every updatable neuron
  std::span<const std::uint32_t> selected; // else the neurons it selected, by index
};

class step_history {
 public:
  // A block of at most this many steps is forgotten at once.
  static constexpr std::size_t block_steps = 4096;

  // `budget` must outlive the history.
  explicit step_history(memory_budget& budget);
  step_history(const step_history&) = delete;
  step_history& operator=(const step_history&) = delete;

  // Forgets every step; the window is y(start) alone.
  void restart(std::uint64_t start);

  // Keeps step newest() + 1, which made `after` from `before`, and selected
  // `selected` (every updatable neuron when `all_selected`).  Only selected
  // neurons are compared: the others keep their value.  Forgets the oldest
  // steps that lie at or before `keep_from` when the budget needs it; throws
  // limit_error, keeping nothing, when even that leaves too little.
  void add(const state_view& before, const state_view& after, std::span<const neuron_id> selected,
           bool all_selected, std::uint64_t keep_from);

  // The states y(oldest()) ... y(newest()) can be reached: steps
  // oldest() + 1 ... newest() are kept.
  std::uint64_t oldest() const { return oldest_; }
  std::uint64_t newest() const { return newest_; }
  bool has_step(std::uint64_t t) const { return t > oldest_ && t <= newest_; }
  // Step t; has_step(t) must hold.
  step_record step(std::uint64_t t) const;

  // Bytes charged to the budget now.
  std::size_t bytes() const { return charge_.bytes(); }

 private:
  // Steps first_step ... first_step + steps() - 1.
  struct block {
    std::uint64_t first_step = 0;
    std::vector<std::uint64_t> change_ends;   // per step: where its changes end in `changed`
    std::vector<std::uint32_t> changed;
    state_values::storage_type old_values;
    state_values::storage_type new_values;
    std::vector<std::uint8_t> all_selected;   // per step
    std::vector<std::uint64_t> selected_ends; // per step: where its neurons end in `selected`
    std::vector<std::uint32_t> selected;
    std::size_t bytes = 0;                    // charged for this block
    std::size_t steps() const { return change_ends.size(); }
  };
  // Drops the oldest block if it ends at or before keep_from.
  bool forget_oldest(std::uint64_t keep_from);
  block& open_block(const state_view& like);

  memory_charge charge_;
  std::uint64_t oldest_ = 0;
  std::uint64_t newest_ = 0;
  std::deque<block> blocks_;
};

}  // namespace nnsim
