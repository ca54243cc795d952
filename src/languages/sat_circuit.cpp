#include "languages/sat_circuit.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <unordered_map>

namespace nnsim {

neuron_id sat_circuit::sat(const std::string& name, const affine& potential) {
  const neuron_id target = id(name);
  equation& e = net.add_equation(target, activation::sat);
  e.bias = potential.bias;
  // Merge repeated neurons; a hash table finds the term, since some sums
  // (over all states and transitions of a machine) have many terms.
  std::unordered_map<std::uint32_t, std::size_t> position;  // neuron -> its term in e.inputs
  position.reserve(potential.terms.size());
  for (const auto& term : potential.terms) {
    const auto [slot, added] = position.try_emplace(static_cast<std::uint32_t>(term.source), e.inputs.size());
    if (added) {
      e.inputs.push_back(term);
    } else {
      e.inputs[slot->second].weight += term.weight;
    }
  }
  e.comment = std::move(pending_);
  pending_.clear();
  return target;
}

void sat_circuit::init(neuron_id id, const rational& value) {
  if (value != 0) net.set_init(id, value);
}

std::vector<neuron_id> sat_circuit::delay_line(const std::string& prefix, neuron_id source, unsigned length) {
  std::vector<neuron_id> line;
  for (unsigned i = 1; i <= length; ++i) {
    line.push_back(sat(fmt::format("{}.{}", prefix, i), i == 1 ? affine(source) : affine(line.back())));
  }
  return line;
}

neuron_id sat_circuit::safe_register(const std::string& name, const rational& initial,
                                     const std::vector<write_port>& ports) {
  const neuron_id x = id(name);
  const neuron_id copy = id(name + ".c");
  affine value = affine(copy);
  for (std::size_t i = 0; i < ports.size(); ++i) {
    const auto& port = ports[i];
    const std::string suffix = ports.size() == 1 ? "" : fmt::format("{}", i + 1);
    const neuron_id up = sat(name + ".up" + suffix, port.target - affine(x) + affine(rational(-1)) + affine(port.enable));
    const neuron_id down =
        sat(name + ".dn" + suffix, affine(x) - port.target + affine(rational(-1)) + affine(port.enable));
    value.add(up, 1).add(down, -1);
  }
  sat(name, value);
  sat(name + ".c", affine(x));
  init(x, initial);
  init(copy, initial);
  return x;
}

}  // namespace nnsim
