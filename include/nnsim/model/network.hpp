// The network model (semantics.md, section 1), held exactly in rationals
// whatever the number mode of a later run.  Neurons are dense integer ids in
// order of first appearance in the source; everything else refers to them by
// id.  This is plain data: the loader (network_parser.hpp) and the
// constructions fill it, the simulator compiles it into flat arrays.
#pragma once

#include "nnsim/model/name_index.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/support/error.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// Dense neuron index; a distinct type so that it is never mixed up with a
// count or a step number.
enum class neuron_id : std::uint32_t {};
inline std::size_t index(neuron_id id) { return static_cast<std::size_t>(id); }
inline neuron_id make_neuron_id(std::size_t i) { return static_cast<neuron_id>(static_cast<std::uint32_t>(i)); }

enum class activation { step, sign, sat, relu, id, logistic, tanh };
enum class norm_kind { dist, dist1, distmax, sqdist };  // l2, l1, l-infinity, squared l2
enum class potential_kind { weighted_sum, distance };

// The file-format names: "step", "dist1", ... (the tables are in
// vocabulary.hpp).
std::string_view name_of(activation a);
std::string_view name_of(norm_kind n);
std::optional<activation> activation_from_name(std::string_view name);
std::optional<norm_kind> norm_from_name(std::string_view name);
// Whether the function is computed exactly on rationals (semantics.md table).
bool is_exact_in_rational_mode(activation a);
bool is_exact_in_rational_mode(norm_kind n);

// Where a number of the network is written as a constant's name (`r x1`,
// `x1 / r`, `- r`; reals.md, section 1): the constant and how the number
// comes from it.  The rational field beside it holds the number whenever
// the constant is rational, so a network of rational constants is exactly the
// network with the numbers written out; the name is kept for the writer.
// For an irrational constant the rational field is 0 and means nothing:
// expression() is the value.
struct constant_use {
  real_constant_ptr constant;  // null: the number is written out
  bool negated = false;        // `- r`
  bool reciprocal = false;     // `x / r`
  explicit operator bool() const { return constant != nullptr; }
  bool is_irrational() const { return constant != nullptr && !constant->is_rational(); }
  // The number as an expression: r, -r, 1/r or -1/r.
  real_expression_ptr expression() const;
  // The same constant (by name), the same way.
  friend bool operator==(const constant_use& a, const constant_use& b);
};

// One term w * y_source of a weighted sum.  A neuron that occurs several times
// in one equation is one term carrying the sum of its coefficients, placed where
// the neuron first occurs; a zero coefficient is kept (it is still an edge).
struct weighted_input {
  neuron_id source;
  rational weight;
  constant_use weight_constant{};
};

// One coordinate y_source - centre of a distance potential.
struct distance_argument {
  neuron_id source;
  rational centre;
  constant_use centre_constant{};
};

// y_target := act(potential)
struct equation {
  neuron_id target{};
  activation act = activation::step;
  rational logistic_lambda = 1;     // only for logistic
  potential_kind kind = potential_kind::weighted_sum;

  // weighted sum: bias + sum of inputs
  rational bias = 0;
  std::vector<weighted_input> inputs;

  // distance: offset + scale * norm(arguments)
  rational offset = 0;
  rational scale = 1;
  norm_kind norm = norm_kind::dist;
  std::vector<distance_argument> arguments;

  // The numbers above that are written as constants' names.
  constant_use lambda_constant, bias_constant, offset_constant, scale_constant;

  text_location location;  // the neuron's name at the start of the equation
  // Written as `# ...` lines above the equation: the constructions say which
  // part of the construction a group of neurons is.  Not part of the meaning.
  std::string comment;

  // The neurons the equation reads, in order, each once (pred(v)).
  std::vector<neuron_id> predecessors() const;
};

// Whether rational mode computes the equation exactly: its activation and,
// for a distance potential, its norm.
bool is_exact_in_rational_mode(const equation& e);

enum class rule_kind { parallel, sequential, layered, random, schedule };
std::string_view name_of(rule_kind r);
std::optional<rule_kind> rule_from_name(std::string_view name);

// An update rule as written in a file or on a command line (semantics.md,
// section 3).  update_rule.hpp turns it into the selection S_t.
struct rule_spec {
  rule_kind kind = rule_kind::parallel;
  // sequential: the explicit order; empty with explicit_order == false means
  // "all equations in file order"
  bool explicit_order = false;
  std::vector<neuron_id> order;
  std::uint64_t seed = 0;                       // random
  std::vector<std::vector<neuron_id>> sets;     // schedule
  friend bool operator==(const rule_spec&, const rule_spec&) = default;
};

struct neuron {
  std::string name;
  std::optional<rational> init;            // `init N = VALUE`
  constant_use init_constant;              // `init N = r`
  std::optional<std::size_t> equation;     // index into network::equations
  bool is_input = false;
  text_location first_seen;                // first occurrence in the source
  text_location init_location;
};

class network {
 public:
  std::string name;          // `network NAME`, empty when absent
  std::string comment;       // written as `# ...` lines at the top of the file; not part of the meaning
  std::string source_name;   // file the network came from, for diagnostics
  std::vector<std::string> source_lines;  // its text, for carets under later errors
  std::vector<neuron> neurons;             // indexed by neuron_id
  std::vector<neuron_id> inputs;           // ordered
  std::vector<neuron_id> outputs;          // ordered
  std::vector<equation> equations;         // in file order
  std::vector<real_constant_ptr> constants;  // `const NAME = EXPR`, in file order
  rule_spec rule;
  bool rule_given = false;                 // a `rule` statement was present
  text_location rule_location;

  std::size_t size() const { return neurons.size(); }
  const neuron& at(neuron_id id) const { return neurons[index(id)]; }
  neuron& at(neuron_id id) { return neurons[index(id)]; }
  const std::string& name_of(neuron_id id) const { return neurons[index(id)].name; }
  std::optional<neuron_id> find(std::string_view neuron_name) const;
  real_constant_ptr find_constant(std::string_view constant_name) const;
  // The id of `neuron_name`, adding a new neuron when it is not yet known.
  neuron_id intern(std::string_view neuron_name, text_location seen = {});
  // The equation of `id`, or nullptr for a neuron without one.
  const equation* equation_of(neuron_id id) const;
  // U: the neurons with an equation, in equation (file) order.
  std::vector<neuron_id> updatable() const;
  // The sequential order the rule means: the explicit one or U in file order.
  std::vector<neuron_id> sequential_order() const;

  // Builders used by the constructions and tests; they keep the invariants
  // the loader checks (no duplicate equation, init or input).
  neuron_id add_input(std::string_view neuron_name);
  void add_output(neuron_id id);
  void set_init(neuron_id id, rational value);
  equation& add_equation(neuron_id target, activation act);

 private:
  name_index by_name_;
};

// Two networks are the same network when they agree on everything the
// semantics depends on, compared by neuron name (ids may differ): name,
// inputs, outputs, init values, equations in the same order with the same
// terms, and the rule.
bool same_network(const network& a, const network& b);

// A number of the network written as an irrational constant, and where:
// the equation's target or the init value's neuron.
struct irrational_use {
  const constant_use* use = nullptr;
  text_location where;
};
// The first one in the file, or {nullptr} when every number is rational.
irrational_use first_irrational_use(const network& net);

// "x1, x2": the names of `ids`, in order, between `separator`s.
std::string join_neuron_names(const network& net, const std::vector<neuron_id>& ids,
                              std::string_view separator = ", ");

// The first equation that rational mode cannot compute exactly, or nullptr.
const equation* first_inexact_equation(const network& net);

// A network of one step neuron: the inputs `input_names` in order and the
// output `output_name` = step(bias + sum of weights[i] * input i), a term with
// a zero weight left out.
network single_neuron_network(const std::vector<std::string>& input_names, const std::string& output_name,
                              const std::vector<rational>& weights, const rational& bias);

// An input_error located at `where` in the network's source (with the source
// line for the caret when it is known).
input_error located_error(const network& net, text_location where, const std::string& message);

}  // namespace nnsim
