// A recognizer network's verdict on one binary word, for the tests of the
// compiled machines.
#pragma once

#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/run/simulation.hpp"

#include <string>

// "accept", "reject" (halted with output <= 0), "diverges" or "undecided".
inline std::string network_verdict(const nnsim::network& net, const std::string& word,
                                   std::uint64_t max_steps = 100000) {
  nnsim::run_request request;
  request.input = {nnsim::delta_encode(word)};
  request.limits.max_steps = max_steps;
  const nnsim::run_result result = nnsim::run_network(net, request);
  switch (result.status) {
    case nnsim::run_status::halted: return result.outputs.sign(0) > 0 ? "accept" : "reject";
    case nnsim::run_status::diverges: return "diverges";
    case nnsim::run_status::undecided: return "undecided";
  }
  return "?";
}
