// The `.nn` loader and the canonical writer (network-format.md).  Any text
// either loads or is refused with an input_error; a text that loads is
// written in canonical form, and that form must load as the same network and
// be written again as the same text (network_writer.hpp).
#include "fuzz_check.hpp"

#include "nnsim/io/dot_writer.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nnsim;
  network net;
  try {
    net = parse_network(fuzz::as_text(data, size), "fuzz.nn");
  } catch (const input_error& e) {
    fuzz::check_diagnostic(e);
    return 0;
  }
  const std::string canonical = write_network(net);
  network again;
  try {
    again = parse_network(canonical, "canonical.nn");
  } catch (const input_error& e) {
    fuzz::fail("the canonical form does not load:\n" + e.diagnostic() + "\ncanonical form:\n" + canonical);
  }
  fuzz::require(same_network(net, again), "the canonical form loads as another network:\n" + canonical);
  const std::string rewritten = write_network(again);
  fuzz::require(rewritten == canonical,
                "writing the canonical form again changes it:\n" + canonical + "\nbecomes:\n" + rewritten);
  fuzz::require(!write_dot(net).empty(), "an empty Graphviz text");
  return 0;
}
