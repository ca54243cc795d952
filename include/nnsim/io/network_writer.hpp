// Writes a network in the canonical form of the file format: loading what it
// writes gives the same network (same_network), and writing that again gives
// the same text.
#pragma once

#include "nnsim/model/network.hpp"

#include <string>

namespace nnsim {

// Throws std::invalid_argument for a network the loader would refuse to read
// back: a name that is not a valid identifier, or a number with more than
// max_number_digits digits in its numerator or denominator (rational.hpp).
std::string write_network(const network& net);

// The potential of one equation as written in a file, e.g. "-1 + 2 x1 + 2 x2".
std::string write_potential(const network& net, const equation& e);

// One number of an equation or an init value as text: the literal (`-2`,
// `1/3`) or, where the file writes a constant's name, that name with its
// sign and reciprocal (`r`, `-r`, `1/r`, `-1/r`), never the rational field,
// which means nothing for an irrational constant.  For drawings and
// summaries; a file writes `x / r` where this says `1/r`.
std::string write_value(const rational& value, const constant_use& use);

// The activation of one equation as written in a file: "step", "logistic[2]"
// (the parameter only when it is not 1).
std::string write_activation(const equation& e);

}  // namespace nnsim
