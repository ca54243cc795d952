#include "nnsim/model/rule_checks.hpp"
#include "nnsim/run/update_rule.hpp"

#include "nnsim/model/network_analysis.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "support/spelling_suggestion.hpp"
#include "support/splitmix64.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <limits>
#include <map>

namespace nnsim {
namespace {

// Where to point an error about the rule: at the `rule` statement when the
// rule came from the file, nowhere when it came from the command line.
input_error rule_error(const network& net, const rule_spec& spec, const std::string& message) {
  if (net.rule_given && spec == net.rule) return located_error(net, net.rule_location, message);
  return input_error(message);
}

equation_index equation_of_named(const network& net, const rule_spec& spec, neuron_id id) {
  const auto& slot = net.at(id).equation;
  if (!slot) {
    throw rule_error(net, spec, fmt::format("rule names neuron '{}', which has no equation", net.name_of(id)));
  }
  return static_cast<equation_index>(*slot);
}

std::vector<equation_index> all_equations(const network& net) {
  std::vector<equation_index> all(net.equations.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<equation_index>(i);
  return all;
}

class parallel_rule final : public update_rule {
 public:
  parallel_rule(const network& net, const rule_spec&) { universe_ = all_equations(net); }
  std::span<const equation_index> select(std::uint64_t) override { return universe_; }
  std::optional<std::uint64_t> period() const override { return 1; }
  bool selects_everything() const override { return true; }
};

// One neuron per step, cycling through a fixed order.
class sequential_rule final : public update_rule {
 public:
  sequential_rule(const network& net, const rule_spec& spec) {
    sequential_order_check listed;
    for (neuron_id id : spec.explicit_order ? spec.order : net.updatable()) {
      const equation_index e = equation_of_named(net, spec, id);
      if (!listed.add(id)) throw rule_error(net, spec, sequential_order_check::repeated(net.name_of(id)));
      order_.push_back(e);
    }
    universe_ = order_;
    std::sort(universe_.begin(), universe_.end());
  }
  std::span<const equation_index> select(std::uint64_t t) override {
    return {order_.data() + t % order_.size(), 1};
  }
  std::optional<std::uint64_t> period() const override { return order_.size(); }

 private:
  std::vector<equation_index> order_;
};

// The lecture's MLP rule: step t evaluates the neurons of layer t + 1.
class layered_rule final : public update_rule {
 public:
  layered_rule(const network& net, const rule_spec& spec) {
    if (auto problem = layered_rule_problem(net)) throw rule_error(net, spec, *problem);
    const auto layers = compute_layers(net);
    universe_ = all_equations(net);
    std::size_t depth = 0;
    for (equation_index e : universe_) depth = std::max(depth, (*layers)[index(net.equations[e].target)]);
    by_layer_.resize(depth);
    for (equation_index e : universe_) by_layer_[(*layers)[index(net.equations[e].target)] - 1].push_back(e);
  }
  std::span<const equation_index> select(std::uint64_t t) override {
    if (t >= by_layer_.size()) return {};
    return by_layer_[t];
  }
  std::optional<std::uint64_t> period() const override { return std::nullopt; }

 private:
  std::vector<std::vector<equation_index>> by_layer_;
};

class random_rule final : public update_rule {
 public:
  random_rule(const network& net, const rule_spec& spec) : seed_(spec.seed), generator_(spec.seed) {
    universe_ = all_equations(net);
  }
  std::span<const equation_index> select(std::uint64_t t) override {
    // Every computation draws from the seed anew, so that the n-th run of
    // one rule object selects what the first did (network_runner).
    if (t == 0) generator_ = splitmix64(seed_);
    if (universe_.empty()) return {};
    chosen_ = universe_[generator_.next() % universe_.size()];
    return {&chosen_, 1};
  }
  std::optional<std::uint64_t> period() const override { return std::nullopt; }

 private:
  std::uint64_t seed_;
  splitmix64 generator_;
  equation_index chosen_ = 0;
};

class schedule_rule final : public update_rule {
 public:
  schedule_rule(const network& net, const rule_spec& spec) {
    std::vector<bool> in_universe(net.equations.size(), false);
    // A set named twice selects its equation once, where it first appears;
    // listed_in[e] is the last set that listed e, so each member costs O(1).
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> listed_in(net.equations.size(), none);
    for (std::size_t k = 0; k < spec.sets.size(); ++k) {
      auto& selection = sets_.emplace_back();
      for (neuron_id id : spec.sets[k]) {
        const equation_index e = equation_of_named(net, spec, id);
        if (listed_in[e] != k) selection.push_back(e);
        listed_in[e] = k;
        in_universe[e] = true;
      }
    }
    for (std::size_t e = 0; e < in_universe.size(); ++e) {
      if (in_universe[e]) universe_.push_back(static_cast<equation_index>(e));
    }
  }
  std::span<const equation_index> select(std::uint64_t t) override {
    if (sets_.empty()) return {};
    return sets_[t % sets_.size()];
  }
  std::optional<std::uint64_t> period() const override { return std::max<std::size_t>(sets_.size(), 1); }

 private:
  std::vector<std::vector<equation_index>> sets_;
};

// The rules by name (the names of rule_words in vocabulary.hpp), each with
// the factory that builds it.
using rule_factory = std::unique_ptr<update_rule> (*)(const network&, const rule_spec&);

template <class Rule>
std::unique_ptr<update_rule> make_rule(const network& net, const rule_spec& spec) {
  return std::make_unique<Rule>(net, spec);
}

const std::map<std::string_view, rule_factory>& rule_registry() {
  static const std::map<std::string_view, rule_factory> registry{
      {name_of(rule_kind::parallel), &make_rule<parallel_rule>},
      {name_of(rule_kind::sequential), &make_rule<sequential_rule>},
      {name_of(rule_kind::layered), &make_rule<layered_rule>},
      {name_of(rule_kind::random), &make_rule<random_rule>},
      {name_of(rule_kind::schedule), &make_rule<schedule_rule>},
  };
  return registry;
}

}  // namespace

bool is_registered_rule(std::string_view name) { return rule_registry().contains(name); }

std::unique_ptr<update_rule> make_update_rule(const network& net, const rule_spec& spec) {
  const auto& registry = rule_registry();
  const auto rule = registry.find(name_of(spec.kind));
  if (rule == registry.end()) throw input_error("unknown update rule");
  return rule->second(net, spec);
}

rule_spec parse_rule_option(std::string_view text) {
  // NAME or NAME:SEED
  const std::size_t colon = text.find(':');
  const std::string_view name = text.substr(0, colon);
  const rule_word* word = rule_named(name, rule_syntax::command_line);
  if (word == nullptr || (colon != std::string_view::npos && !word->takes_seed)) {
    if (word == nullptr) {
      std::vector<std::string_view> names;
      for (const rule_word& w : rule_words) {
        if (w.on_command_line) names.push_back(w.name);
      }
      const std::string hint = did_you_mean(name, names);
      if (!hint.empty()) throw input_error(fmt::format("unknown rule '{}'{}", text, hint));
    }
    throw input_error(fmt::format("unknown rule '{}': expected {}", text, rule_option_alternatives()));
  }
  rule_spec spec;
  spec.kind = word->value;
  if (colon != std::string_view::npos) {
    const std::optional<std::uint64_t> seed = parse_seed(text.substr(colon + 1));
    if (!seed) throw input_error(fmt::format("invalid seed in rule '{}': expected {}", text, seed_range));
    spec.seed = *seed;
  }
  return spec;
}

}  // namespace nnsim
