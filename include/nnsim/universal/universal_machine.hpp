// Rogozhin's universal Turing machine UTM(4,6) (Y. Rogozhin, "Small universal
// Turing machines", Theoretical Computer Science 168(2), 1996) and the
// universal network: the machine compiled by compile_machine.  The machine is
// networks/universal/rogozhin-4-6.tm, built into the library; docs/universal.md
// explains what was added to the paper's 22 transitions and why.
#pragma once

#include "nnsim/languages/turing_machine.hpp"
#include "nnsim/model/network.hpp"

namespace nnsim {

// The machine, parsed from the built-in copy of networks/universal/rogozhin-4-6.tm.
turing_machine rogozhin_machine();

// compile_machine(rogozhin_machine()), named `universal`.
network build_universal_network();

}  // namespace nnsim
