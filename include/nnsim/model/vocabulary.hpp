// The words of the `.nn` format and of the command-line options, each concept
// in one table: activations (and the names other texts give them), norms,
// update rules, number modes and the keywords.  The lexer's reserved words,
// the parser's suggestions, the writer, `info` and the help texts all read
// these tables, so a word is added or renamed in one place.  The tables list
// the words in the order the messages name them.
#pragma once

#include "nnsim/model/network.hpp"
#include "nnsim/numbers/number_mode.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

// An activation function or a norm of the format.
template <class Value>
struct function_word {
  Value value;
  std::string_view name;        // as written in a file: "step", "dist1"
  bool reserved;                // a reserved word: never a neuron name
  bool exact_in_rational_mode;  // computed exactly on rationals (semantics.md, section 2)
  std::string_view help;        // one line: what it computes
};

inline constexpr std::array<function_word<activation>, 7> activation_words{{
    {activation::step, "step", true, true, "1 if ξ ≥ 0, else 0"},
    {activation::sign, "sign", true, true, "1 if ξ ≥ 0, else −1"},
    {activation::sat, "sat", true, true, "0 below 0, ξ between 0 and 1, 1 above 1"},
    {activation::relu, "relu", true, true, "max(ξ, 0)"},
    {activation::id, "id", true, true, "ξ"},
    {activation::logistic, "logistic", true, false, "1 / (1 + e^(−λξ)), λ = 1 when omitted"},
    {activation::tanh, "tanh", true, false, "the hyperbolic tangent"},
}};

// The names other texts and tools give the activations (ASCII case ignored):
// an unknown activation written so is answered with the format's name and a
// remark on what it computes.
struct activation_alias {
  std::string_view alias;
  activation meant;
  std::string_view remark;
};

inline constexpr std::string_view sigmoid_remark = "the lecture's sigmoid is logistic";
inline constexpr std::string_view step_remark = "step(ξ) is 1 if ξ ≥ 0, else 0";
inline constexpr std::string_view sign_remark = "sign(ξ) is 1 if ξ ≥ 0, else −1";
inline constexpr std::string_view relu_remark = "relu(ξ) is max(ξ, 0)";
inline constexpr std::string_view id_remark = "id(ξ) is ξ";
inline constexpr std::string_view sat_remark = "sat(ξ) is 0 below 0, ξ between 0 and 1, 1 above 1";
inline constexpr std::string_view tanh_remark = "the lecture's hyperbolic tangens is tanh(ξ/2)";

inline constexpr std::array<activation_alias, 22> activation_aliases{{
    {"sigmoid", activation::logistic, sigmoid_remark},
    {"sigm", activation::logistic, sigmoid_remark},
    {"logsig", activation::logistic, sigmoid_remark},
    {"heaviside", activation::step, step_remark},
    {"threshold", activation::step, step_remark},
    {"unit_step", activation::step, step_remark},
    {"hardlim", activation::step, step_remark},
    {"sgn", activation::sign, sign_remark},
    {"signum", activation::sign, sign_remark},
    {"hardlims", activation::sign, sign_remark},
    {"max", activation::relu, "max(ξ, 0) is written relu(ξ)"},
    {"rectifier", activation::relu, relu_remark},
    {"ramp", activation::relu, relu_remark},
    {"poslin", activation::relu, relu_remark},
    {"identity", activation::id, id_remark},
    {"linear", activation::id, id_remark},
    {"lin", activation::id, id_remark},
    {"purelin", activation::id, id_remark},
    {"satlin", activation::sat, sat_remark},
    {"saturated", activation::sat, sat_remark},
    {"tgh", activation::tanh, tanh_remark},
    {"tansig", activation::tanh, tanh_remark},
}};

// The alias `word` is (ASCII case ignored), or nullptr.
const activation_alias* activation_alias_named(std::string_view word);

// What follows "unknown activation 'W'": for an alias "; did you mean
// 'logistic'? (the lecture's sigmoid is logistic)", else the closest
// activation name, "; did you mean 'step'?", or "".
std::string activation_suggestion(std::string_view word);

inline constexpr std::array<function_word<norm_kind>, 4> norm_words{{
    {norm_kind::dist, "dist", true, false, "the Euclidean norm"},
    {norm_kind::dist1, "dist1", true, true, "the ℓ1 norm"},
    {norm_kind::distmax, "distmax", true, true, "the maximum norm"},
    {norm_kind::sqdist, "sqdist", true, true, "the squared Euclidean norm"},
}};

// An update rule (semantics.md, section 3).
struct rule_word {
  rule_kind value;
  std::string_view name;   // "parallel", ...
  bool reserved;
  bool on_command_line;    // --rule accepts it (a schedule needs neuron names)
  bool takes_seed;         // `random:SEED` on the command line, `random seed SEED` in a file
  std::string_view help;
};

inline constexpr std::array<rule_word, 5> rule_words{{
    {rule_kind::parallel, "parallel", true, true, false, "every updatable neuron in every step"},
    {rule_kind::sequential, "sequential", true, true, false, "one neuron per step, going round a fixed order"},
    {rule_kind::layered, "layered", true, true, false, "step i evaluates layer i + 1 of an acyclic network"},
    {rule_kind::random, "random", true, true, true, "one neuron per step, drawn with SplitMix64 from a seed"},
    {rule_kind::schedule, "schedule", true, false, false, "a fixed cycle of sets of neurons"},
}};

// The other reserved words: the statements and the `seed` of a random rule.
inline constexpr std::string_view seed_keyword = "seed";

struct keyword {
  std::string_view name;
  bool starts_statement;
  std::string_view help;
};

inline constexpr std::array<keyword, 7> keywords{{
    {"network", true, "network NAME: the network's name"},
    {"input", true, "input A, B: the input neurons, in order"},
    {"output", true, "output Y: the output neurons, in order"},
    {"rule", true, "rule RULE: the update rule"},
    {"init", true, "init N = VALUE: the value of N at time 0"},
    {"const", true, "const NAME = EXPR: a real constant, usable wherever a number stands"},
    {seed_keyword, false, "rule random seed S: the seed of the random rule"},
}};

// The names of a table's entries, in table order (the candidates of a
// "did you mean" suggestion).
template <class Table>
std::vector<std::string_view> names_of(const Table& table) {
  std::vector<std::string_view> names;
  for (const auto& entry : table) names.push_back(entry.name);
  return names;
}

// The statement keywords: "network", "input", "output", "rule", "init".
std::vector<std::string_view> statement_words();

// Where a rule is written: the `rule` statement of a file, or --rule.
enum class rule_syntax { file, command_line };

// The rule named `name` where `syntax` writes it (the command line has no
// schedule), or nullptr.  Both the file parser and parse_rule_option look a
// rule up here.
const rule_word* rule_named(std::string_view name, rule_syntax syntax);

// The rules a file can state: "parallel, sequential, layered, random or
// schedule".
std::string rule_file_alternatives();
// The forms of --rule: "parallel, sequential, layered, random or random:SEED".
std::string rule_option_alternatives();

// A seed written as decimal digits only, from 0 to 2^64-1; nothing for any
// other text (empty, signed, a fraction, too large).
std::optional<std::uint64_t> parse_seed(std::string_view digits);
inline constexpr std::string_view seed_range = "an integer from 0 to 18446744073709551615";

// The rule as a file states it: "parallel", "sequential h1, h2",
// "random seed 42", "schedule {h1, h2}, {y}".  A sequential rule without an
// explicit order is written "sequential".
std::string describe_rule(const network& net, const rule_spec& rule);

}  // namespace nnsim
