// Neuron names of a compiled machine (machine_compiler.cpp), shared with the
// reader of its configurations (compiled_configuration.cpp).
#pragma once

#include "nnsim/languages/turing_machine.hpp"

#include <fmt/format.h>

#include <cctype>
#include <string>

namespace nnsim {

// Name fragments that cannot collide: a state's own name when it has no
// '.', else "s.INDEX" (which has one); a symbol's character when it is a
// letter or digit, "blank" for the blank, else "x" and its code.
inline std::string state_label(const turing_machine& machine, std::uint32_t q) {
  const std::string& name = machine.states[q];
  return name.find('.') == std::string::npos ? name : fmt::format("s.{}", q);
}

inline std::string symbol_label(const turing_machine& machine, std::uint32_t symbol) {
  const char c = machine.symbols[symbol];
  if (symbol == machine.blank) return "blank";
  if (std::isalnum(static_cast<unsigned char>(c))) return std::string(1, c);
  return fmt::format("x{:02x}", static_cast<unsigned char>(c));
}

}  // namespace nnsim
