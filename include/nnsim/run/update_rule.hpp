// The update rules of semantics.md, section 3, behind one small interface:
// which equations step t evaluates (S_t), which ones the rule can ever
// select (the selection universe W, used for the halting test), and the
// period after which the selection repeats (used to prove divergence).
// Equations are referred to by their index in network::equations.
#pragma once

#include "nnsim/model/network.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

using equation_index = std::uint32_t;

class update_rule {
 public:
  virtual ~update_rule() = default;

  // S_t.  Must be called for t = 0, 1, 2, ... in order (the random rule draws
  // one number per step); t = 0 starts a computation over (the random rule
  // draws from its seed again), so one rule object serves many runs.
  // replay_select may be called for any t of a rule with a period.
  virtual std::span<const equation_index> select(std::uint64_t t) = 0;
  std::span<const equation_index> replay_select(std::uint64_t t) { return select_periodic(t); }

  // W, in equation order.
  const std::vector<equation_index>& universe() const { return universe_; }
  // p, when (state, t mod p) repeating proves divergence; nothing for the
  // layered and random rules, which are never reported as diverging.
  virtual std::optional<std::uint64_t> period() const = 0;
  // True when S_t = U for every t, so "nothing changed" means "fixed point".
  virtual bool selects_everything() const { return false; }

 protected:
  virtual std::span<const equation_index> select_periodic(std::uint64_t t) { return select(t); }
  std::vector<equation_index> universe_;
};

// The rule `spec` for `net`; throws input_error (located at the rule when it
// came from the file) when the rule does not fit: layered on a cyclic
// network (naming the cycle), a named neuron without an equation, a
// sequential order that repeats a neuron.
// The rule is built by the factory registered under its name.
std::unique_ptr<update_rule> make_update_rule(const network& net, const rule_spec& spec);

// Whether a factory is registered under `name` (every name of rule_words in
// vocabulary.hpp has one).
bool is_registered_rule(std::string_view name);

// The command-line form (cli.md): "parallel", "sequential", "layered",
// "random", "random:SEED".  Throws input_error.  The name and the seed are
// checked by the same functions as in a file's `rule` statement (rule_named
// and parse_seed in vocabulary.hpp).
rule_spec parse_rule_option(std::string_view text);


}  // namespace nnsim
