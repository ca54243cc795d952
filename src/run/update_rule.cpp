#include "nnsim/model/rule_checks.hpp"
#include "nnsim/run/update_rule.hpp"

#include "nnsim/model/network_analysis.hpp"
#include "run/splitmix64.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

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
  explicit parallel_rule(const network& net) { universe_ = all_equations(net); }
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
  random_rule(const network& net, std::uint64_t seed) : generator_(seed) { universe_ = all_equations(net); }
  std::span<const equation_index> select(std::uint64_t) override {
    if (universe_.empty()) return {};
    chosen_ = universe_[generator_.next() % universe_.size()];
    return {&chosen_, 1};
  }
  std::optional<std::uint64_t> period() const override { return std::nullopt; }

 private:
  splitmix64 generator_;
  equation_index chosen_ = 0;
};

class schedule_rule final : public update_rule {
 public:
  schedule_rule(const network& net, const rule_spec& spec) {
    std::vector<bool> in_universe(net.equations.size(), false);
    for (const auto& set : spec.sets) {
      auto& selection = sets_.emplace_back();
      for (neuron_id id : set) {
        const equation_index e = equation_of_named(net, spec, id);
        if (std::find(selection.begin(), selection.end(), e) == selection.end()) selection.push_back(e);
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

}  // namespace

std::unique_ptr<update_rule> make_update_rule(const network& net, const rule_spec& spec) {
  switch (spec.kind) {
    case rule_kind::parallel: return std::make_unique<parallel_rule>(net);
    case rule_kind::sequential: return std::make_unique<sequential_rule>(net, spec);
    case rule_kind::layered: return std::make_unique<layered_rule>(net, spec);
    case rule_kind::random: return std::make_unique<random_rule>(net, spec.seed);
    case rule_kind::schedule: return std::make_unique<schedule_rule>(net, spec);
  }
  throw input_error("unknown update rule");
}

rule_spec parse_rule_option(std::string_view text) {
  rule_spec spec;
  const std::string_view random_prefix = "random:";
  if (text == "parallel") {
    spec.kind = rule_kind::parallel;
  } else if (text == "sequential") {
    spec.kind = rule_kind::sequential;
  } else if (text == "layered") {
    spec.kind = rule_kind::layered;
  } else if (text == "random") {
    spec.kind = rule_kind::random;
  } else if (text.starts_with(random_prefix)) {
    spec.kind = rule_kind::random;
    const std::string_view digits = text.substr(random_prefix.size());
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), spec.seed);
    if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
      throw input_error(fmt::format("invalid seed in rule '{}': expected an integer from 0 to 18446744073709551615", text));
    }
  } else {
    throw input_error(
        fmt::format("unknown rule '{}': expected parallel, sequential, layered, random or random:SEED", text));
  }
  return spec;
}

std::string describe_rule(const network& net, const rule_spec& rule) {
  auto names = [&](const std::vector<neuron_id>& ids) {
    std::string text;
    for (neuron_id id : ids) text += (text.empty() ? "" : ", ") + net.name_of(id);
    return text;
  };
  switch (rule.kind) {
    case rule_kind::sequential:
      return rule.explicit_order ? "sequential " + names(rule.order) : "sequential";
    case rule_kind::random:
      return fmt::format("random seed {}", rule.seed);
    case rule_kind::schedule: {
      std::string text = "schedule ";
      for (std::size_t i = 0; i < rule.sets.size(); ++i) text += (i ? ", {" : "{") + names(rule.sets[i]) + "}";
      return text;
    }
    default: return std::string(name_of(rule.kind));
  }
}

}  // namespace nnsim
