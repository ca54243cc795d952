// The `.tm` loader (machine-format.md).  Any text either loads or is refused
// with an input_error.  A machine that loads also runs for a few steps on a
// short word, and its compiled network must be written in a canonical form
// that loads as the same network.
#include "fuzz_check.hpp"

#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/languages/machine_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nnsim;
  turing_machine machine;
  try {
    machine = parse_machine(fuzz::as_text(data, size), "fuzz.tm");
  } catch (const input_error& e) {
    fuzz::check_diagnostic(e);
    return 0;
  }
  const machine_run run = run_machine(machine, "0110", 64);
  fuzz::require(run.steps <= 64, "the machine ran past its step limit");
  fuzz::require(!describe_configuration(machine, run.final_configuration).empty(), "an empty configuration");

  const network net = compile_machine(machine);
  const std::string canonical = write_network(net);
  try {
    fuzz::require(same_network(net, parse_network(canonical, "compiled.nn")),
                  "the compiled network's canonical form loads as another network:\n" + canonical);
  } catch (const input_error& e) {
    fuzz::fail("the compiled network's canonical form does not load:\n" + e.diagnostic());
  }
  return 0;
}
