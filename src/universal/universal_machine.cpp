#include "nnsim/universal/universal_machine.hpp"

#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/languages/machine_parser.hpp"

#include "universal/rogozhin_machine_text.hpp"

namespace nnsim {

turing_machine rogozhin_machine() {
  return parse_machine(rogozhin_machine_text, "networks/universal/rogozhin-4-6.tm");
}

network build_universal_network() {
  network net = compile_machine(rogozhin_machine());
  net.name = "universal";
  return net;
}

}  // namespace nnsim
