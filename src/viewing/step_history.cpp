#include "nnsim/viewing/step_history.hpp"

#include "nnsim/support/error.hpp"
#include "viewing/value_vector.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nnsim {

using viewing_detail::append_value;
using viewing_detail::empty_like;
using viewing_detail::size_of;
using viewing_detail::value_bytes;
using viewing_detail::view_of;

namespace {

// A block is closed after block_steps steps, or sooner once it holds this
// share of the budget, so that forgetting a block frees a useful but small
// part of it even for networks whose every neuron changes in every step.
constexpr std::size_t block_share_of_budget = 16;

// What the containers of a block cost per value kept besides the numbers'
// own memory (which the budget counts by itself, number_memory.hpp).
constexpr std::size_t per_step_bytes = 2 * sizeof(std::uint64_t) + sizeof(std::uint8_t);

}  // namespace

step_history::step_history(memory_budget& budget) : charge_(budget) {}

void step_history::restart(std::uint64_t start) {
  blocks_.clear();
  charge_.remove(charge_.bytes());
  oldest_ = newest_ = start;
}

step_history::block& step_history::open_block(const state_view& like) {
  const std::size_t largest =
      std::max<std::size_t>(charge_.budget().limit() / block_share_of_budget, std::size_t{64} << 10);
  if (blocks_.empty() || blocks_.back().steps() >= block_steps || blocks_.back().bytes >= largest) {
    block fresh;
    fresh.first_step = newest_ + 1;
    fresh.old_values = empty_like(like);
    fresh.new_values = empty_like(like);
    blocks_.push_back(std::move(fresh));
  }
  return blocks_.back();
}

bool step_history::forget_oldest(std::uint64_t keep_from) {
  if (blocks_.empty()) return false;
  const block& first = blocks_.front();
  const std::uint64_t last_step = first.first_step + first.steps() - 1;
  if (first.steps() == 0 || last_step > keep_from) return false;
  charge_.remove(first.bytes);
  oldest_ = last_step;
  blocks_.pop_front();
  return true;
}

void step_history::add(const state_view& before, const state_view& after, std::span<const neuron_id> selected,
                       bool all_selected, std::uint64_t keep_from) {
  // The changed neurons first, to know the cost before keeping anything.
  std::vector<std::uint32_t> changed;
  for (neuron_id id : selected) {
    const std::size_t i = index(id);
    if (!after.same_value(i, before, i)) changed.push_back(static_cast<std::uint32_t>(i));
  }
  const std::size_t value_size = value_bytes(empty_like(after));
  const std::size_t bytes = per_step_bytes + changed.size() * (sizeof(std::uint32_t) + 2 * value_size) +
                            (all_selected ? 0 : selected.size() * sizeof(std::uint32_t));
  while (!charge_.try_add(bytes)) {
    if (!forget_oldest(keep_from)) {
      throw limit_error(fmt::format(
          "the computation and the steps kept for going back need more than the memory limit of {} bytes "
          "at step {} (raise --max-memory)",
          charge_.budget().limit(), newest_ + 1));
    }
  }
  block& into = open_block(after);
  for (std::uint32_t i : changed) {
    into.changed.push_back(i);
    append_value(into.old_values, before, i);
    append_value(into.new_values, after, i);
  }
  into.change_ends.push_back(into.changed.size());
  into.all_selected.push_back(all_selected ? 1 : 0);
  if (!all_selected) {
    for (neuron_id id : selected) into.selected.push_back(static_cast<std::uint32_t>(index(id)));
  }
  into.selected_ends.push_back(into.selected.size());
  into.bytes += bytes;
  ++newest_;
  // The numbers just copied are counted by the budget itself; past its
  // limit, older steps make room for them.
  while (charge_.budget().exceeded() && blocks_.size() > 1 && forget_oldest(keep_from)) {
  }
}

step_record step_history::step(std::uint64_t t) const {
  // Blocks hold consecutive steps: find the one that holds t.
  const auto found = std::upper_bound(blocks_.begin(), blocks_.end(), t,
                                      [](std::uint64_t time, const block& b) { return time < b.first_step; });
  const block& b = *(found - 1);
  const std::size_t k = t - b.first_step;
  const std::size_t change_start = k == 0 ? 0 : b.change_ends[k - 1];
  const std::size_t change_count = b.change_ends[k] - change_start;
  const std::size_t selected_start = k == 0 ? 0 : b.selected_ends[k - 1];
  step_record record;
  record.time = t;
  record.changed = std::span(b.changed).subspan(change_start, change_count);
  record.old_values = view_of(b.old_values, change_start, change_count);
  record.new_values = view_of(b.new_values, change_start, change_count);
  record.all_selected = b.all_selected[k] != 0;
  record.selected = std::span(b.selected).subspan(selected_start, b.selected_ends[k] - selected_start);
  return record;
}

}  // namespace nnsim
