#include "nnsim/run/run_limits.hpp"

#include <fmt/format.h>

namespace nnsim {

std::string_view name_of(run_status s) {
  switch (s) {
    case run_status::halted: return "halted";
    case run_status::diverges: return "diverges";
    case run_status::undecided: return "undecided";
  }
  return "?";
}

std::string_view name_of(repetition_method m) {
  switch (m) {
    case repetition_method::automatic: return "auto";
    case repetition_method::table: return "table";
    case repetition_method::brent: return "brent";
  }
  return "?";
}

std::string_view name_of(precision_shortfall::decision d) {
  switch (d) {
    case precision_shortfall::decision::activation_piece: return "the piece of an activation";
    case precision_shortfall::decision::fixed_point: return "a fixed point";
    case precision_shortfall::decision::output_sign: return "the sign of the output";
  }
  return "?";
}

std::string describe(const precision_shortfall& s) {
  switch (s.what) {
    case precision_shortfall::decision::activation_piece:
      return fmt::format("step {}, neuron '{}': the potential {} contains 0 and negative numbers, so the piece of "
                         "the activation is not known",
                         s.step, s.neuron, s.interval);
    case precision_shortfall::decision::fixed_point:
      return fmt::format("step {}, neuron '{}': its value {} and its next value {} may be equal, and no neuron is "
                         "proven to change, so whether y({}) is a fixed point is not known",
                         s.step, s.neuron, s.current, s.interval, s.step);
    case precision_shortfall::decision::output_sign:
      return fmt::format("step {}, neuron '{}': the output {} contains 0 and positive numbers, so whether it is > 0 is not "
                         "known",
                         s.step, s.neuron, s.interval);
  }
  return "?";
}

}  // namespace nnsim
