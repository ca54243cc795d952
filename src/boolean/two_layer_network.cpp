// The construction of two_layer_network.hpp.  The weights are the lecture's
// (N_v: the proof of the two-layer theorem); everything is integer, so every
// network is exact in any number mode.
#include "nnsim/boolean/two_layer_network.hpp"

#include "boolean/boolean_network_builder.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace nnsim {
namespace {

using namespace construction;

std::string function_text(const boolean_function& f) {
  if (f.arity() == 0) return fmt::format("F() = {} (no inputs)", f.table());
  return fmt::format(
      "F({}) with the truth table {}\n(F of the inputs in binary counting order, x1 the most significant bit)",
      argument_text(f.arity()), f.table());
}

std::string network_base_name(const boolean_function& f, const two_layer_options& options) {
  std::string name = options.form == normal_form::dnf ? "dnf" : "cnf";
  if (options.minimize) name += "_min";
  if (f.arity() <= 4) name += "_" + f.table();
  return name;
}

// "!x1 | x3": the clause that is false exactly where `q` holds.
std::string clause_formula(const implicant& q, unsigned arity) {
  if (q.care == 0) return "0";
  std::string text;
  for (unsigned i = 1; i <= arity; ++i) {
    const std::uint32_t bit = std::uint32_t{1} << (arity - i);
    if ((q.care & bit) == 0) continue;
    if (!text.empty()) text += " | ";
    text += (q.value & bit) != 0 ? fmt::format("!x{}", i) : fmt::format("x{}", i);
  }
  return text;
}

// The terms of a neuron over the variables of `q`: +sign for a positive
// literal, -sign for a negative one.
std::vector<term> literal_terms(const network_builder& b, const implicant& q, unsigned arity, int sign) {
  std::vector<term> terms;
  for (unsigned i = 1; i <= arity; ++i) {
    const std::uint32_t bit = std::uint32_t{1} << (arity - i);
    if ((q.care & bit) == 0) continue;
    terms.push_back({b.x[i - 1], (q.value & bit) != 0 ? sign : -sign});
  }
  return terms;
}

network constant_network(const boolean_function& f, const two_layer_options& options, bool value) {
  network_builder b(network_base_name(f, options), f.arity());
  b.net.comment = fmt::format(
      "{}.\n"
      "F is constant {}, so the two-layer construction needs no hidden neurons: y = step({}) = {}\n"
      "on every input.",
      function_text(f), value ? 1 : 0, value ? 0 : -1, value ? 1 : 0);
  b.add_step(b.y, value ? 0 : -1, {}, fmt::format("the constant {}", value ? 1 : 0));
  return std::move(b.net);
}

}  // namespace

// ---------------------------------------------------- two-layer, public --

network build_two_layer(const boolean_function& f, const two_layer_options& options) {
  const unsigned n = f.arity();
  if (options.minimize) {
    check_minimize_arity(f);
  } else if (n > max_two_layer_arity) {
    throw input_error(fmt::format("the two-layer construction for {} inputs would have up to 2^{} hidden neurons; "
                                  "it is built for at most {} inputs",
                                  n, n, max_two_layer_arity));
  }

  std::size_t ones = 0;
  for (std::uint32_t v = 0; v < f.size(); ++v) ones += f(v) ? 1 : 0;
  network result;
  if (ones == 0 || ones == f.size()) {
    result = constant_network(f, options, ones != 0);
  } else {
    const bool dnf = options.form == normal_form::dnf;
    network_builder b(network_base_name(f, options), n);
    std::string header = function_text(f) + ".\n";
    std::vector<term> top;
    if (!options.minimize) {
      header += dnf ? "The lecture's theorem: two-layer networks of unit-step neurons compute every\n"
                      "F: {0,1}^n -> {0,1}.  Its proof as a construction: a hidden neuron N_v for each\n"
                      "input vector v with F(v) = 1, which fires exactly on v (weight +1 where v_i = 1,\n"
                      "-1 where v_i = 0, bias minus the number of ones of v), and an OR neuron on top."
                    : "The dual of the lecture's two-layer construction (a conjunctive normal form): a\n"
                      "hidden neuron M_v for each input vector v with F(v) = 0, which fires on every input\n"
                      "but v (M_v = NOT N_v: weight -1 where v_i = 1, +1 where v_i = 0, bias (ones of v) - 1),\n"
                      "and an AND neuron on top.";
      for (std::uint32_t v = 0; v < f.size(); ++v) {
        if (f(v) != dnf) continue;
        const long weight_ones = popcount(v);
        const implicant point{static_cast<std::uint32_t>(f.size() - 1), v};
        const std::string name = fmt::format("{}_{}", dnf ? "n" : "c", vector_bits(v, n));
        const std::string comment =
            dnf ? fmt::format("N_v for v = {}: fires exactly on v", vector_tuple(v, n))
                : fmt::format("M_v for v = {}: fires on every input but v (the clause {})", vector_tuple(v, n),
                              clause_formula(point, n));
        top.push_back({b.add_step(name, dnf ? -weight_ones : weight_ones - 1,
                                  literal_terms(b, point, n, dnf ? 1 : -1), comment),
                       1});
      }
    } else {
      const boolean_function target = dnf ? f : [&] {
        std::vector<bool> negated(f.size());
        for (std::uint32_t v = 0; v < f.size(); ++v) negated[v] = !f(v);
        return boolean_function(n, std::move(negated));
      }();
      const std::vector<implicant> cover = minimum_cover(target);
      const std::size_t unminimized = dnf ? ones : f.size() - ones;
      header += fmt::format(
          fmt::runtime(dnf ? "The lecture's two-layer construction, minimized: a hidden neuron for each prime\n"
                "implicant of a minimum cover of the ones of F (Quine-McCluskey, then an exact cover\n"
                "search), firing exactly where its implicant holds, and an OR neuron on top:\n"
                "{} instead of {} (one per v with F(v) = 1).  An implicant is written\n"
                "one character per input, x1 first: 1, 0, or - for an input it does not read."
              : "The dual two-layer construction (conjunctive normal form), minimized: a hidden neuron\n"
                "for each prime implicant q of a minimum cover of the zeros of F (a prime implicant of\n"
                "!F; Quine-McCluskey, then an exact cover search), firing everywhere except where q\n"
                "holds (a clause of F), and an AND neuron on top: {} instead of {}\n"
                "(one per v with F(v) = 0).  An implicant is written one character per input, x1\n"
                "first: 1, 0, or - for an input it does not read."),
          cover.size() == 1 ? std::string("1 hidden neuron") : fmt::format("{} hidden neurons", cover.size()),
          unminimized);
      for (std::size_t i = 0; i < cover.size(); ++i) {
        const implicant& q = cover[i];
        const long positive = popcount(q.value);
        const std::string name = fmt::format("{}{}", dnf ? "t" : "c", i + 1);
        const std::string comment =
            dnf ? fmt::format("prime implicant {} ({}): fires exactly where it holds", q.text(n), q.formula(n))
                : fmt::format("prime implicant {} of !F ({}): fires except where it holds (the clause {})",
                              q.text(n), q.formula(n), clause_formula(q, n));
        top.push_back({b.add_step(name, dnf ? -positive : positive - 1, literal_terms(b, q, n, dnf ? 1 : -1),
                                  comment),
                       1});
      }
    }
    const long m = static_cast<long>(top.size());
    if (m == 1) {
      b.add_step(b.y, dnf ? -1 : -m, top,
                 fmt::format("{} of the one hidden neuron: y = 1 iff it fires", dnf ? "OR" : "AND"));
    } else if (dnf) {
      b.add_step(b.y, -1, top, fmt::format("OR of the {} hidden neurons: y = 1 iff one of them fires", m));
    } else {
      b.add_step(b.y, -m, top, fmt::format("AND of the {} hidden neurons: y = 1 iff all of them fire", m));
    }
    b.net.comment = header;
    result = std::move(b.net);
  }
  if (options.layered) {
    result.rule.kind = rule_kind::layered;
    result.comment += "\nRule layered (the lecture's MLP rule): step i evaluates the neurons of layer i.";
  }
  return result;
}

}  // namespace nnsim
