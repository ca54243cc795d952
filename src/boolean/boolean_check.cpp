// The exhaustive check of boolean_check.hpp.
//
// Cost.  For n = 4 there are 65,536 functions; each needs a network built
// (the construction's own cost), its 16 outputs and one separability
// decision.  Running run_network on each input is 1,048,576 computations
// of the general simulator (measured: 11 s on one core), so a network that
// qualifies is compiled instead into flat int64 arrays and evaluated in
// dependency order (evaluate_step_network): the same exact values, since
// every value is 0 or 1 and every weight an integer below 2^31 (0.1 s).
// --full-simulation uses run_network for everything, and the tests compare
// both routes.  The separability decisions use the int64 path of
// linear_separability.cpp (0.17 s).  Building the networks is the rest
// (about 0.45 s of the 0.73 s on one core).
//
// For n = 5 (2^32 functions) the work is one network pair and one
// separability decision per NPN class (616,126 classes), after the classes
// are enumerated (npn_classes.cpp); check_classes says why that is sound.
#include "nnsim/boolean/boolean_check.hpp"

#include "nnsim/boolean/linear_separability.hpp"
#include "nnsim/boolean/npn_classes.hpp"
#include "nnsim/boolean/truth_table.hpp"
#include "nnsim/boolean/two_layer_network.hpp"
#include "nnsim/model/network_analysis.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <stdexcept>
#include <thread>

namespace nnsim {
namespace {

// Functions per unit of work handed to a thread, and between progress calls.
constexpr std::uint64_t block_size = 512;
constexpr std::uint64_t class_block_size = 64;
constexpr std::size_t max_failures_kept = 10;

std::uint64_t hidden_neuron_count(const network& net) {
  std::uint64_t count = 0;
  for (std::size_t i = 0; i < net.size(); ++i) {
    const neuron_id id = make_neuron_id(i);
    if (net.at(id).is_input) continue;
    if (std::find(net.outputs.begin(), net.outputs.end(), id) != net.outputs.end()) continue;
    ++count;
  }
  return count;
}

// evaluate_step_network with its buffers kept from one network to the next
// (the check evaluates 65,536 networks; allocation was a third of its time).
class step_network_evaluator {
 public:
  std::optional<boolean_function> evaluate(const network& net) {
    if (!compile(net)) return std::nullopt;
    const auto arity = static_cast<unsigned>(net.inputs.size());
    const std::uint32_t count = std::uint32_t{1} << arity;
    const std::size_t output = index(net.outputs[0]);
    std::vector<bool> outputs(count);
    for (std::uint32_t v = 0; v < count; ++v) {
      for (unsigned j = 0; j < arity; ++j) value_[index(net.inputs[j])] = (v >> (arity - 1 - j)) & 1u;
      for (std::size_t e = 0; e < target_.size(); ++e) {
        std::int64_t xi = bias_[e];  // |xi| < 2^31 (terms + 1): no overflow
        for (std::uint32_t k = term_begin_[e]; k < term_begin_[e + 1]; ++k) {
          xi += term_weight_[k] * value_[term_source_[k]];
        }
        value_[target_[e]] = xi >= 0 ? 1 : 0;
      }
      // An output without an equation may hold an init value other than 0/1.
      if (value_[output] != 0 && value_[output] != 1) return std::nullopt;
      outputs[v] = value_[output] == 1;
    }
    return boolean_function(arity, std::move(outputs));
  }

 private:
  // Flattens the equations in an order where each reads only neurons set
  // before it: the file's order when it already is one (the constructions
  // write hidden neurons first), else the order of the layers.
  bool compile(const network& net) {
    if (net.outputs.size() != 1 || net.inputs.size() > 20) return false;
    if (net.rule.kind != rule_kind::parallel && net.rule.kind != rule_kind::layered) return false;
    order_.clear();
    for (std::size_t e = 0; e < net.equations.size(); ++e) order_.push_back(e);
    if (!in_dependency_order(net)) {
      const std::optional<std::vector<std::size_t>> layers = compute_layers(net);
      if (!layers) return false;
      std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
        return (*layers)[index(net.equations[a].target)] < (*layers)[index(net.equations[b].target)];
      });
    }

    target_.clear();
    bias_.clear();
    term_begin_.clear();
    term_source_.clear();
    term_weight_.clear();
    for (std::size_t e : order_) {
      const equation& eq = net.equations[e];
      if (eq.act != activation::step || eq.kind != potential_kind::weighted_sum) return false;
      // An irrational constant is no integer (its rational field means nothing).
      if (eq.bias_constant.is_irrational()) return false;
      std::int64_t b = 0;
      if (!small_integer(eq.bias, b)) return false;
      target_.push_back(static_cast<std::uint32_t>(index(eq.target)));
      bias_.push_back(b);
      term_begin_.push_back(static_cast<std::uint32_t>(term_source_.size()));
      for (const weighted_input& term : eq.inputs) {
        std::int64_t w = 0;
        if (term.weight_constant.is_irrational() || !small_integer(term.weight, w)) return false;
        term_source_.push_back(static_cast<std::uint32_t>(index(term.source)));
        term_weight_.push_back(w);
      }
    }
    term_begin_.push_back(static_cast<std::uint32_t>(term_source_.size()));

    // Every value is 0 or 1: inputs, step outputs, and the constants (a
    // neuron without equation keeps its init value, which must be 0 or 1 here
    // unless it is the output, checked when it is read).
    value_.assign(net.size(), 0);
    for (std::size_t i = 0; i < net.size(); ++i) {
      const neuron& nv = net.neurons[i];
      if (nv.equation || nv.is_input || !nv.init) continue;
      if (nv.init_constant.is_irrational()) return false;
      if (*nv.init == 1) value_[i] = 1;
      else if (*nv.init != 0) return false;
    }
    return true;
  }

  // Whether every equation, in file order, reads only neurons without an
  // equation or targets of earlier equations (so also no self-loop).
  bool in_dependency_order(const network& net) {
    set_.assign(net.size(), 0);
    for (std::size_t i = 0; i < net.size(); ++i) set_[i] = net.neurons[i].equation ? 0 : 1;
    for (const equation& eq : net.equations) {
      for (const weighted_input& term : eq.inputs) {
        if (set_[index(term.source)] == 0) return false;
      }
      for (const distance_argument& argument : eq.arguments) {
        if (set_[index(argument.source)] == 0) return false;
      }
      set_[index(eq.target)] = 1;
    }
    return true;
  }

  // An integer below 2^31 in absolute value, read without building any
  // temporary GMP number (those allocations showed up in the profile).
  static bool small_integer(const rational& value, std::int64_t& out) {
    if (!is_integer(value)) return false;
    const mpz_srcptr n = mpq_numref(value.backend().data());
    if (mpz_sizeinbase(n, 2) > 31) return false;
    out = mpz_get_si(n);
    return true;
  }

  std::vector<std::size_t> order_;
  std::vector<char> set_;
  std::vector<std::uint32_t> target_;
  std::vector<std::int64_t> bias_;
  std::vector<std::uint32_t> term_begin_;
  std::vector<std::uint32_t> term_source_;
  std::vector<std::int64_t> term_weight_;
  std::vector<std::int64_t> value_;
};

// The network of the chosen construction for f, verified on every input.
struct network_check {
  bool verified = false;
  std::uint64_t hidden = 0;
};

network_check check_network(const boolean_function& f, const boolean_check_options& options,
                            step_network_evaluator& evaluator) {
  const network net = build_two_layer(f, options.construction);
  std::optional<boolean_function> computed;
  if (!options.full_simulation) computed = evaluator.evaluate(net);
  if (!computed) computed = computed_function(compute_truth_table(net));
  return {computed && *computed == f, hidden_neuron_count(net)};
}

// Counts `count` functions whose networks are `result`, f being one of them.
void record(const network_check& result, std::uint64_t count, const boolean_function& f,
            boolean_check_summary& summary) {
  summary.hidden_neurons_total += count * result.hidden;
  summary.hidden_neurons_max = std::max(summary.hidden_neurons_max, result.hidden);
  if (result.verified) {
    summary.verified += count;
  } else if (summary.failures.size() < max_failures_kept) {
    summary.failures.push_back(f);
  }
}

// Checks the functions with numbers in [begin, end) into `summary`.
void check_range(unsigned arity, std::uint64_t begin, std::uint64_t end, const boolean_check_options& options,
                 boolean_check_summary& summary) {
  step_network_evaluator evaluator;
  for (std::uint64_t number = begin; number < end; ++number) {
    const boolean_function f = boolean_function_number(arity, number);
    record(check_network(f, options, evaluator), 1, f, summary);
    if (decide_separability(f, weight_choice::any).separable) ++summary.separable;
  }
}

// Checks every function of the classes [begin, end) through the class's
// representative G and its negation (docs/boolean.md, section 6): a
// function F of the class is G or NOT G with its inputs permuted and some
// negated, F(x) = G(σ(x)) or NOT G(σ(x)), and
//
//  - F is separable iff G is: a neuron (w, b) for G becomes one for G∘σ by
//    permuting w and, for each negated input i, w_i -> -w_i, b -> b + w_i;
//    with integer weights (which decide_separability's neurons have),
//    (-w, -b - 1) computes NOT G, since w·x + b < 0 iff -w·x - b - 1 >= 0;
//  - the network the construction builds for G∘σ is the one for G with the
//    same transform applied to every hidden neuron (its weight vector and
//    bias as just said): the hidden neuron built for a vector v depends
//    only on v (weights +1 where v_i = 1, -1 where v_i = 0, bias -|v|; the
//    dual's are the negation of those minus 1), that transform of v's neuron
//    is the neuron of σ⁻¹(v), and the output neuron depends only on how many
//    hidden neurons there are.  Substituting σ(x) for the inputs of a network
//    that computes G gives one that computes G∘σ.  So the network for every
//    member of G's NP class computes it once the network for G does, and has
//    as many hidden neurons; likewise for NOT G.  (The output negation has
//    no such correspondence, which is why NOT G is checked too.)
//
// The tests check the correspondence of networks for every function and
// every transform of up to three inputs, and the whole summary against the
// function-by-function check for n <= 4.
void check_classes(unsigned arity, const std::vector<npn_class>& classes, std::size_t begin, std::size_t end,
                   const boolean_check_options& options, boolean_check_summary& summary) {
  step_network_evaluator evaluator;
  for (std::size_t i = begin; i < end; ++i) {
    const npn_class& c = classes[i];
    const boolean_function g = function_of_table(arity, c.representative);
    if (c.self_complementary) {
      record(check_network(g, options, evaluator), c.size, g, summary);
    } else {
      record(check_network(g, options, evaluator), c.size / 2, g, summary);
      const boolean_function not_g = function_of_table(arity, ~c.representative);
      record(check_network(not_g, options, evaluator), c.size / 2, not_g, summary);
    }
    if (decide_separability(g, weight_choice::any).separable) summary.separable += c.size;
    ++summary.npn_classes;
  }
}

void merge(boolean_check_summary& into, const boolean_check_summary& part) {
  into.verified += part.verified;
  into.separable += part.separable;
  into.npn_classes += part.npn_classes;
  into.hidden_neurons_total += part.hidden_neurons_total;
  into.hidden_neurons_max = std::max(into.hidden_neurons_max, part.hidden_neurons_max);
  for (const boolean_function& f : part.failures) {
    if (into.failures.size() < max_failures_kept) into.failures.push_back(f);
  }
}

}  // namespace

boolean_function boolean_function_number(unsigned arity, std::uint64_t index) {
  if (arity > 5) throw input_error(fmt::format("boolean_function_number: arity {} is more than 5", arity));
  const std::size_t size = std::size_t{1} << arity;
  std::vector<bool> values(size);
  for (std::size_t v = 0; v < size; ++v) values[v] = ((index >> (size - 1 - v)) & 1u) != 0;
  return boolean_function(arity, std::move(values));
}

std::optional<boolean_function> evaluate_step_network(const network& net) {
  step_network_evaluator evaluator;
  return evaluator.evaluate(net);
}

boolean_check_summary check_boolean_functions(unsigned arity, const boolean_check_options& options) {
  if (arity > max_check_arity) {
    throw input_error(fmt::format("check boolean: arity {} is too large: there are 2^(2^n) functions of n inputs, "
                                  "and at most n = {} is checked",
                                  arity, max_check_arity));
  }
  const bool by_class = options.npn_classes || arity > max_check_arity_one_by_one;
  if (by_class && options.construction.minimize) {
    throw input_error(fmt::format(
        "check boolean: the minimized construction is checked function by function, for at most {} inputs (its "
        "choice among minimum covers need not follow the permutations and negations of the inputs, so NPN classes "
        "prove nothing for it)",
        max_check_arity_one_by_one));
  }
  boolean_check_summary summary;
  summary.arity = arity;
  summary.functions = std::uint64_t{1} << (std::uint64_t{1} << arity);
  const std::uint64_t total = summary.functions;

  std::vector<npn_class> classes;
  if (by_class) {
    npn_enumeration_options enumeration;
    enumeration.progress = options.classification_progress;
    enumeration.stop_requested = options.stop_requested;
    classes = enumerate_npn_classes(arity, enumeration);
    std::uint64_t classified = 0;
    for (const npn_class& c : classes) classified += c.size;
    if (classified != total) {
      if (options.stop_requested != nullptr && options.stop_requested->load()) {
        summary.interrupted = true;  // stopped while sorting: nothing checked
        return summary;
      }
      throw std::logic_error(fmt::format("check boolean: the NPN classes hold {} functions, not {}", classified,
                                         total));
    }
  }
  // Units of work handed to the threads: blocks of functions, or of classes;
  // a shard takes its share of the blocks.
  const std::uint64_t items = by_class ? classes.size() : total;
  const std::uint64_t per_block = by_class ? class_block_size : block_size;
  const std::uint64_t all_blocks = (items + per_block - 1) / per_block;
  const std::uint64_t blocks = options.part.items_of(all_blocks);  // the shard's
  // The functions items [begin, end) stand for (progress counts functions).
  const auto functions_in = [&](std::uint64_t begin, std::uint64_t end) {
    if (!by_class) return end - begin;
    std::uint64_t functions = 0;
    for (std::uint64_t i = begin; i < end; ++i) functions += classes[i].size;
    return functions;
  };
  const auto block_begin = [&](std::uint64_t block) { return options.part.item_at(block) * per_block; };
  std::uint64_t shard_total = 0;
  for (std::uint64_t block = 0; block < blocks; ++block) {
    shard_total += functions_in(block_begin(block), std::min(items, block_begin(block) + per_block));
  }
  const unsigned threads =
      static_cast<unsigned>(std::clamp<std::uint64_t>(options.threads, 1, std::max<std::uint64_t>(blocks, 1)));

  std::atomic<std::uint64_t> next_block{0};
  std::atomic<std::uint64_t> done{0};
  std::atomic<bool> stopped{false};
  std::vector<boolean_check_summary> parts(threads);
  std::vector<std::exception_ptr> errors(threads);
  auto work = [&](unsigned t, bool report) {
    try {
      for (std::uint64_t block = next_block++; block < blocks; block = next_block++) {
        if (options.stop_requested != nullptr && options.stop_requested->load(std::memory_order_relaxed)) {
          stopped = true;
          next_block = blocks;
          break;
        }
        const std::uint64_t begin = block_begin(block);
        const std::uint64_t end = std::min(items, begin + per_block);
        if (by_class) {
          check_classes(arity, classes, begin, end, options, parts[t]);
        } else {
          check_range(arity, begin, end, options, parts[t]);
        }
        done += functions_in(begin, end);
        if (report && options.progress) options.progress(done.load(), shard_total);
      }
    } catch (...) {
      errors[t] = std::current_exception();
      next_block = blocks;  // the others stop after their current block
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work, t, false);
  work(0, true);
  for (std::thread& w : workers) w.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  for (const boolean_check_summary& part : parts) merge(summary, part);
  summary.checked = done.load();
  summary.interrupted = stopped.load() && summary.checked < shard_total;
  if (options.progress && !summary.interrupted) options.progress(shard_total, shard_total);
  return summary;
}

}  // namespace nnsim
