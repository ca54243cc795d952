// The simulation engine, generic over the number type (rational, real_number,
// double).  It compiles a network into flat arrays indexed by dense ids
// (states, weights and sources of all terms contiguous, as in MiniSat's
// clause arena) and runs one computation as semantics.md, section 4 defines
// it: the halting time T, the first repetition of (y(t), t mod p), or
// `undecided` at the step limit.
//
// Costs: whether y(t) is a fixed point of W is kept up to date
// incrementally: after a step only the equations that read a neuron that just
// changed are evaluated again (at most O(edges) a step, much less when
// little changes), and nothing is allocated once GMP/MPFR storage has grown.
// When the changed neurons are read by about half of the terms or more, the
// whole universe is evaluated in file order instead, a plain sweep over the
// arrays (in double mode on several threads for a large network:
// double_sweep.hpp).
// Under the parallel rule a step applies exactly the equations that are not
// fixed, whose next values are already known.  In double mode, once the
// changed neurons' readers are a quarter of the equations (a sixth on two
// threads), one pass over the equations writes y(t + 1) whole into a second
// state array, which the step swaps in (sweep_in_parts).
//
// Repetitions are found with a hash of (y(t), t mod p), updated per changed
// neuron and kept in a flat open-addressing table (16 bytes a step, no
// allocation but when it doubles), and confirmed by comparing whole states
// exactly, never by the hash alone.  States are not stored every step: y(0)
// and y(2^k) are kept, and a candidate y(t1) is recomputed from the latest of
// them, which at most doubles the work of a run that diverges.  The replay
// has buffers of its own: the parallel fast path keeps, between steps, the
// next values of the unfixed equations in next_ (or y(t + 1) in following_),
// and a replay that wrote there would feed wrong values into the real
// computation.  A hash collision
// therefore costs a replay, never a verdict; the environment variable
// NNSIM_TEST_COLLIDING_HASH=1 makes every state collide, so that the tests can
// show exactly that (docs/semantics.md, "Why each verdict is sound").
//
// The table grows with the steps; Brent's cycle finding (R. P. Brent, "An
// improved Monte Carlo factorization algorithm", BIT 20, 1980) does not.
// limits.repetitions chooses: `table`, `brent`, or `automatic`, the table
// until it would pass a sixteenth of the memory budget (or the budget cannot
// take its growth), then Brent from that step b on.  x(t) = (y(t), t mod p)
// is a function of x(t - 1) under a periodic rule, so from its first
// repetition mu on it has a least period lambda, and x(i) = x(j), i < j,
// exactly when i >= mu and lambda divides j - i.  Brent keeps one state,
// the tortoise x(s), saved at s = b, b + 1, b + 2, b + 4, ..., and compares
// every later x(t) with it (phase, then hash, then the exact state) until
// the next save.  The first t with x(t) = x(s) gives lambda = t - s exactly,
// and it comes once s >= mu and the window (s - b, 1 for s = b) is
// >= lambda: before step b + 3 (mu + lambda).  The spec wants the first repetition, t2 =
// mu + lambda, and y(t2): a second pass runs two cursors lambda steps apart
// from a saved state at or before mu (the table saw no repetition up to b,
// so mu > b - lambda) until their states are equal, which happens first at
// mu; the state of the one ahead is y(t2).  Its cost is at most
// 2 mu + lambda steps more.  Past the step limit N a run under Brent goes on
// without the observer until every repetition with t2 <= N would have been
// found (a tortoise at s >= N with a window >= N, compared up to s + N),
// then reports y(N), kept when it passed N, and the largest bits as they
// were there.  If there is such a repetition, every state past N repeats
// one before it, so no limit (bits, memory, non-finite values, points of
// the interval modes) can be met past N that was not met before: meeting
// one there proves there is none, and the verdict is the one at N.  An
// observer sees every state and keeps them anyway: a run with one uses the
// table.
//
// Memory: everything the run keeps is charged to a memory_budget before it
// is allocated (the compiled arrays, the table of seen states, each saved
// state, Brent's tortoise, copy of y(N) and two cursors), and the growth of the numbers' own storage is checked after every
// step, so a run stops with a limit_error at its memory limit, not when the
// system runs out.
//
// Interval modes (reals.md, section 3): values are enclosures, and only
// proven verdicts are given.  Each value carries an id that stands for its
// exact real: a fresh one whenever a neuron takes a value not proven equal
// to its last one, except that a *copy* -- an evaluation whose potential,
// after the terms whose value or weight is the point 0, is exactly 1 * y_u
// with the bias 0, through an activation that is the identity on y_u's
// interval (id; sat within [0, 1]; relu within [0, inf)) -- takes the id of
// y_u.  An equation is *proven unchanged* when its next value and the
// neuron's value are the same point, or it copies a value with the
// neuron's own id, or the neuron's value was computed by the same equation
// from values with the ids its predecessors hold now (the same function of
// the same reals).  The copy rule is what lets a register that holds its
// value through a loop of copies (the compiled machines' `C -> C.c -> C`)
// be proven unchanged with an irrational or non-dyadic value.  y(t) is a fixed point when every equation of the universe is
// proven unchanged; the run goes on past y(t) only when at least one is
// proven to change (disjoint intervals); otherwise it ends undecided with a
// precision_shortfall, as it does when the piece of step or sign cannot be
// decided for a value that is about to be applied.  Repetitions are looked
// for only while every state so far is made of points: then the states are
// the exact ones and the repetition proof applies unchanged.
//
// The floating modes stop with a non_finite_error as soon as a potential or a
// value is +inf, -inf or NaN: no verdict about the real computation can be
// drawn past that point, and NaN would break every comparison.
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/numbers/memory_budget.hpp"
#include "nnsim/run/run_limits.hpp"
#include "nnsim/numbers/value_format.hpp"
#include "nnsim/run/run_monitor.hpp"
#include "nnsim/run/update_rule.hpp"
#include "nnsim/support/error.hpp"
#include "numbers/number_arithmetic.hpp"
#include "run/smooth_sum.hpp"
#include "run/double_sweep.hpp"
#include "run/sweep_thread_choice.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nnsim {

struct run_outcome {
  run_status status = run_status::undecided;
  std::uint64_t steps = 0;
  std::uint64_t cycle_start = 0;
  std::uint64_t cycle_period = 0;
  bool interrupted = false;   // the monitor asked to stop: status undecided, steps = the steps done
  // How repetitions were looked for: the table, or Brent's method from step
  // brent_from on (0 when it was asked for; later when the table would have
  // passed its share of the memory budget).
  repetition_method repetitions = repetition_method::table;
  std::uint64_t brent_from = 0;
  std::optional<precision_shortfall> shortfall;  // interval modes: undecided because of the precision
};

template <class Num>
class simulator {
 public:
  using ops = arithmetic<Num>;
  using context = typename ops::context;
  // Called with t + 1 and S_t after step t has been applied (and once with 0
  // and an empty selection for y(0)).
  using step_hook = std::function<void(std::uint64_t, std::span<const equation_index>)>;

  // Charges its arrays to `budget`, which must outlive the simulator (its
  // limit is the one that applies; limits.max_memory is not read).
  simulator(const network& net, std::unique_ptr<update_rule> rule, const context& ctx, const run_limits& limits,
            memory_budget& budget);

  // Runs the computation from the initial state for `input` (one value per
  // input neuron, checked by the caller; where `input_expressions`, empty or
  // of the same length, holds an expression, that irrational value instead,
  // rounded correctly once or enclosed: an input_error when that fails).
  // Throws limit_error past max_bits or the memory budget.  `monitor`
  // (optional) sees the progress and may stop the run, which then ends
  // undecided and interrupted at the step it reached.
  run_outcome run(const std::vector<rational>& input, const std::vector<real_expression_ptr>& input_expressions,
                  const step_hook& hook = {}, const run_monitor* monitor = nullptr);

  // Rational mode: gives back what the numbers of the last run hold beyond
  // a fresh value, so that the next run's numbers start from what a new
  // simulator's would (GMP never shrinks a number that gets a smaller
  // value).  A network_runner calls it before each run, then counts the
  // run's number memory from there.  Invalidates state().
  void release_run_numbers();

  // The state the outcome refers to: y(T), y(t2) or y(N).
  const std::vector<Num>& state() const { return state_; }
  // Largest size in bits of a value that the run produced (rational mode).
  std::size_t largest_value_bits() const { return largest_bits_; }

 private:
  void reset(const std::vector<rational>& input, const std::vector<real_expression_ptr>& input_expressions);
  // σ_e(ξ_e(y)) into `out`.  Returns false when the potential or the value
  // is not a finite number (floating modes only; then which part it was is
  // in non_finite_part_), or when the piece of the activation is undecided
  // (interval modes; then last_piece_undecided_ is set).
  bool evaluate(equation_index e, const std::vector<Num>& y, Num& out);
  // Rational mode: smooth_ and its coefficients, when the network's numbers allow.
  void prepare_smooth_sums();
  void index_readers();
  // Rational mode: evaluate(e, y, out) by smooth_, when it can.
  bool smooth_evaluate(equation_index e, const std::vector<Num>& y, Num& out);
  // Rational mode: evaluate(e, y, out) for a weighted sum whose numbers are
  // all words, in one 128-bit integer over a power of two, when nothing
  // overflows (false: nothing done).
  bool word_sum(equation_index e, const std::vector<Num>& y, Num& out);
  // evaluate(e, state_, next_[e]), keeping what it found out about e's value.
  void evaluate_next(equation_index e);
  static bool is_point_zero(const Num& value) {
    if constexpr (ops::encloses) {
      return value.is_point() && mpfr_zero_p(ops::lower(value));
    } else {
      return false;
    }
  }
  // Evaluates S_t on state_ and applies the changes; returns whether any
  // value changed.  The changed neurons are left in changed_.
  bool step(std::uint64_t t, std::span<const equation_index> selected, bool evaluated_already);
  void set_value(std::uint32_t v, Num& value, std::uint64_t time);
  void recheck_fixed_points();
  // evaluate_next(e), and then classify_fixed(e, false) if classify, for each listed
  // equation in turn, asking the processor for the values of equations a few
  // places ahead (fetch_values, fetch_limbs): on a large network the values
  // an equation reads lie all over y(t), and each read that misses the cache
  // otherwise waits for memory on its own.
  void evaluate_in_turn(std::span<const equation_index> equations, bool classify);
  // The cache lines of the values e reads and of its target's value (which
  // classify_fixed compares), in the exact and interval modes.
  void fetch_values(equation_index e) const;
  // Rational mode: the first limbs of the numerators of the large values e
  // reads (their headers, asked for by fetch_values earlier, say where).
  void fetch_limbs(equation_index e) const;
  // Bit v: neuron v changed in the last step (set and cleared again by
  // recheck_fixed_points when it looks for the readers by scanning).
  std::vector<std::uint64_t> changed_bits_;
  // evaluate_next(e) for every e of the universe (double mode: as one
  // sweep, on several threads for a large network).
  void evaluate_universe();
  // Double mode, parallel rule: evaluate_universe and classify_fixed of
  // every equation, writing y(t + 1) into following_, in one pass over each
  // part of the universe, the parts shared out among the threads.
  void sweep_in_parts();
  // Then what step(t, unfixed_list_, true) would do: swap in following_.
  void apply_in_parts();
  // The steps of run() after reset(); run() turns a limit_error met past
  // the step limit into the verdict at the limit (see at_limit).
  run_outcome run_steps(const step_hook& hook, const run_monitor* monitor);
  bool repeats(std::uint64_t t, std::uint64_t& first);
  void remember(std::uint64_t key, std::uint64_t t);

  // Brent's cycle finding (see the header comment).
  struct replay_cursor {
    std::vector<Num> state;
    std::vector<Num> next;                     // equation -> the cursor's own evaluations (never next_)
    std::vector<std::uint64_t> value_hash;     // neuron -> hash of its value
    std::uint64_t hash = 0;                    // as state_hash_
    std::uint64_t time = 0;
  };
  // From step t on: the table goes, the tortoise is y(t).
  void switch_to_brent(std::uint64_t t);
  // What switch_to_brent charges: the tortoise, a copy of y(N) and two cursors.
  std::size_t brent_bytes() const;
  void release_brent();
  // Whether (y(t), t mod p) equals the tortoise's pair; if so, `period` is
  // the least period of the sequence.  Saves y(t) as the tortoise at the
  // offsets 1, 2, 4, ... from the switch.
  bool brent_cycle(std::uint64_t t, std::uint64_t& period);
  // Past the step limit N: whether every repetition with t2 <= N would have
  // been found by step t.
  bool brent_search_done(std::uint64_t t) const;
  // The second pass: the first repetition of a sequence of least period
  // `period`, its verdict, and y(t2) into state_.
  run_outcome brent_verdict(std::uint64_t period);
  void start_cursor(replay_cursor& cursor, const std::vector<Num>& y, std::uint64_t time);
  void advance(replay_cursor& cursor);
  bool same_state(const replay_cursor& a, const replay_cursor& b) const;
  // Undecided at the step limit N, with y(N) back in state_ (after a search past N).
  run_outcome at_limit();
  // Charges `bytes` about to be allocated for `purpose`, or throws the
  // limit_error that names it.
  // `t`: the steps done so far, or nothing before the run.
  void charge(std::size_t bytes, std::string_view purpose, std::optional<std::uint64_t> t);
  // After step t: throws when the numbers' storage has grown past the budget.
  void check_memory(std::uint64_t t) const;
  bool first_equal_state(std::uint64_t& first);
  // Throws non_finite_error unless `value` (a constant or an initial value)
  // is a finite number.
  void require_finite(const Num& value, std::uint32_t neuron, const char* what) const;
  // Throws the non_finite_error for equation e, about to be applied to y(t).
  [[noreturn]] void throw_non_finite(equation_index e);
  enum non_finite_part { non_finite_potential, non_finite_value };
  // Interval modes: whether applying equation e (evaluated into next_[e] on
  // y(t)) is proven to leave its neuron's value as it is.
  bool proven_unchanged(equation_index e) const;
  // Interval modes: whether it is proven to change it (disjoint intervals).
  bool proven_changed(equation_index e) const;
  // Interval modes: the shortfall that ends the run at y(t): the piece of
  // an activation of equation e, or whether y(t) is a fixed point (e: the
  // first equation of the universe not proven unchanged).
  precision_shortfall piece_shortfall(equation_index e, std::uint64_t t);
  precision_shortfall fixed_point_shortfall(std::uint64_t t);
  // Whether y(t) is a fixed point of equation e (evaluated into next_[e]):
  // updates unfixed_ and, in the interval modes, proven_unfixed_ and the counts.
  void classify_fixed(equation_index e, bool first_time);
  // The activation of equation e on the potential xi_ into `out`.  False
  // (interval modes) when its piece cannot be decided.
  bool activate(equation_index e, Num& out);
  // In the floating modes: whether `value` is +inf, -inf or NaN, and if so
  // records it and `part` for the message.  Always false in rational mode.
  bool left_finite_numbers(const Num& value, non_finite_part part);
  static std::string describe_non_finite(const Num& value);

  const network& net_;
  std::unique_ptr<update_rule> rule_;
  context ctx_;
  run_limits limits_;
  memory_charge memory_;                       // released when the simulator goes away

  // The compiled network.
  std::size_t neuron_count_ = 0;
  std::vector<std::uint32_t> target_;          // equation -> neuron it updates
  std::vector<activation> act_;
  std::vector<potential_kind> kind_;
  std::vector<norm_kind> norm_;
  std::vector<std::uint32_t> term_begin_;      // equation -> first term; size equations + 1
  std::vector<std::uint32_t> term_source_;     // term -> neuron read
  std::vector<Num> term_value_;                // term -> weight (sum) or centre (distance)
  std::vector<Num> bias_;                      // bias, or the offset of a distance
  std::vector<Num> scale_;                     // scale of a distance
  std::vector<Num> lambda_;                    // logistic parameter
  // Rational mode: weighted sums without gcds (run/smooth_sum.hpp), for
  // the equations whose numbers are over the primes of the network.
  std::unique_ptr<smooth_sum> smooth_;
  std::size_t network_primes_ = 0;             // smooth_'s primes from the network (a run's input may add more)
  bool smooth_run_ = false;                    // this run's inputs are over smooth_'s primes as well
  std::vector<smooth_sum::coefficient> smooth_weights_;  // term -> its weight
  std::vector<smooth_sum::coefficient> smooth_bias_;     // equation -> its bias
  // equation -> evaluated by smooth_ when it can: 0 never, 1 yes, 2 when
  // one of its values is not a word (its bias and weights are words)
  std::vector<char> smooth_equation_;
  std::vector<Num> initial_;                   // init values (0 for neurons without)
  std::vector<std::uint32_t> reader_begin_;    // neuron -> first equation reading it; size neurons + 1
  std::vector<equation_index> readers_;
  std::vector<int> equation_of_neuron_;        // -1 for a neuron without equation

  // The run.
  std::vector<Num> state_;
  std::vector<Num> next_;                      // equation -> σ(ξ(y)) of the last evaluation
  Num xi_, norm_sum_, term_, square_, one_, zero_;
  std::vector<std::uint32_t> changed_;
  std::size_t largest_bits_ = 0;

  // Fixed points of W (rules other than parallel).
  std::vector<char> unfixed_;
  std::size_t unfixed_count_ = 0;
  // Equation -> the last stamp it was queued at, or outside_universe: one
  // array, so that queueing a reader costs one random access, not two.
  static constexpr std::uint32_t outside_universe = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> mark_;
  std::uint32_t stamp_ = 0;
  std::vector<equation_index> recheck_;
  std::vector<equation_index> unfixed_list_;   // parallel rule: the equations that are not fixed
  std::size_t universe_terms_ = 0;             // terms of the universe's equations, plus one per equation
  double_equations doubles_;                   // double mode: views into the arrays above
  unsigned sweep_threads_ = 1;                 // double mode: threads of a sweep over the universe
  // Double mode, parallel rule: the threads of the next dense sweep (all
  // sweep_threads_ or one, run/sweep_thread_choice.hpp), and of this one.
  sweep_thread_choice thread_choice_{1, sweep_thread_choice::policy::fixed};
  unsigned active_threads_ = 1;
  // Double mode, parallel rule: part p of the universe is
  // universe[universe_cuts_[p] .. universe_cuts_[p + 1]), of about equal
  // numbers of terms; one part on one thread, parts_per_thread parts per
  // thread on more.
  std::vector<std::size_t> universe_cuts_;
  static constexpr unsigned parts_per_thread = 8;
  std::optional<activation> uniform_activation_;  // dense_step::uniform
  // A cache line each: every thread writes its own part's results, and
  // parts sharing a line would make the cores take it from each other.
  struct alignas(64) part : dense_part {
    std::vector<std::uint32_t> changed_storage;  // dense_part::changed points into it
  };
  std::vector<part> parts_;
  // Thread i's block of parts is i * parts_per_thread .. (i + 1) *
  // parts_per_thread - 1; the next of them not yet taken.
  struct alignas(64) part_claim {
    std::atomic<std::size_t> next{0};
  };
  std::vector<part_claim> part_claims_;
  // The last sweep_in_parts wrote y(t + 1) into following_, which
  // apply_in_parts makes the state (unfixed_list_ is not made).
  bool unfixed_in_parts_ = false;
  // The last step was applied by apply_in_parts: the neurons it changed are
  // in the parts' lists, not in changed_.
  bool changed_in_parts_ = false;
  std::vector<Num> following_;                 // neuron -> y(t + 1) (double mode, parallel rule)

  // Repetitions.
  std::uint64_t period_ = 0;                   // 0: not tracked
  // Neuron -> hash_share of its value, except in double mode, where a
  // value's share is computed again from the value when it changes (as
  // cheap as reading it from here).
  static constexpr bool keeps_hash_shares = !std::is_same_v<Num, double>;
  std::vector<std::uint64_t> hash_shares_;
  std::uint64_t state_hash_ = 0;               // sum of the neurons' shares
  struct seen_state {
    std::uint64_t key = 0;                     // hash of (y(t), t mod p)
    std::uint64_t time = empty_slot;
  };
  static constexpr std::uint64_t empty_slot = ~std::uint64_t{0};
  static constexpr std::size_t first_seen_capacity = 1024;  // slots of the table when it is first made
  static constexpr std::size_t table_share = 16;           // automatic: the table may use limit / table_share
  std::vector<seen_state> seen_;               // open addressing, linear probing, at most half full
  bool seen_charged_ = false;                  // seen_ is charged to the budget (a kept table is not, until used)
  std::size_t seen_count_ = 0;
  std::vector<std::pair<std::uint64_t, std::vector<Num>>> checkpoints_;  // (t, y(t)) for t = 0, 1, 2, 4, 8, ...
  std::vector<std::uint64_t> candidates_;      // earlier times whose key and phase match y(t)'s
  std::vector<Num> replay_;                    // a state recomputed from a checkpoint
  std::vector<Num> replay_next_;               // the replay's own scratch values (never next_)
  bool colliding_hash_ = false;                // test hook: every state gets the same key
  // Brent's method.
  repetition_method method_ = repetition_method::automatic;  // this run's choice
  bool brent_ = false;                         // from brent_from_ on, repetitions are found by Brent's method
  std::uint64_t brent_from_ = 0;
  std::vector<Num> tortoise_;                  // y(tortoise_time_)
  std::uint64_t tortoise_time_ = 0;
  std::uint64_t tortoise_hash_ = 0;
  std::uint64_t next_save_ = 1;                // offset from brent_from_ of the next tortoise
  replay_cursor behind_, ahead_;               // the second pass: y(i) and y(i + period)
  std::size_t brent_charged_ = 0;
  bool past_limit_ = false;                    // searching past the step limit N
  std::vector<Num> at_limit_state_;            // y(N), kept while searching past it
  std::size_t at_limit_bits_ = 0;              // largest_bits_ at N

  // Non-finite values (floating modes).  Such an evaluation only makes its
  // equation unfixed; the run stops when one is about to enter the state.
  std::vector<char> non_finite_;               // equation -> its last evaluation into next_ was not finite
  non_finite_part non_finite_part_ = non_finite_potential;
  Num non_finite_value_;                       // the non-finite potential, distance term or value
  Num probe_;                                  // scratch output of the evaluation that describes it
  std::uint64_t evaluating_on_ = 0;            // the state being evaluated, y(evaluating_on_)

  // Interval modes.
  // equation -> its last evaluation into next_ could not decide step/sign
  // (kept per equation, not written by the evaluations of a replay).
  std::vector<char> undecided_piece_;
  std::vector<char> proven_unfixed_;           // equation -> proven to change its neuron (universe only)
  std::size_t proven_unfixed_count_ = 0;
  // Which exact real each value is: neurons with the same id hold the same
  // real (a fresh id per value not proven equal to an earlier one; a copy
  // takes the id of what it copies).
  std::vector<std::uint64_t> value_id_;        // neuron -> id of its present value
  std::uint64_t next_value_id_ = 0;
  std::vector<char> computed_;                 // neuron -> its present value was computed by its equation
  std::vector<std::uint64_t> source_ids_;      // term -> id of its source's value when the target was computed
  std::vector<std::uint32_t> copy_of_;         // equation -> the neuron its last evaluation copied, or no_copy
  std::vector<std::uint64_t> pending_ids_;     // equation -> the id its value takes in this step
  std::uint32_t last_copy_source_ = 0;
  bool last_piece_undecided_ = false;          // what evaluate() found: the piece of step/sign is undecided
  static constexpr std::uint32_t no_copy = ~std::uint32_t{0};
  std::vector<char> applies_;                  // equation -> S_t applies it (its value is not proven unchanged)
  std::size_t non_point_count_ = 0;            // neurons whose value is not a point
  bool states_exact_ = true;                   // every state of the run so far is made of points
  std::optional<precision_shortfall> shortfall_;
};

}  // namespace nnsim
