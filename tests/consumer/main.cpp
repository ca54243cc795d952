// Loads a network file, runs it on the input x1 = 1, x2 = 0 and checks the
// verdict and the output: for the lecture's XOR network (networks/lecture/
// xor.nn) the computation halts after 2 steps with y = 1.  Exits 0 when the
// result is exactly that, 1 when it is not, 2 when the file does not load.
#include "nnsim/nnsim.hpp"

#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: xor_consumer NETWORK.nn\n");
    return 2;
  }
  try {
    const nnsim::network net = nnsim::load_network_file(argv[1]);

    nnsim::run_request request;
    request.input = {nnsim::rational(1), nnsim::rational(0)};  // one value per input neuron
    // request.numbers, request.rule and request.limits keep their defaults:
    // exact rationals, the network's own rule, 100000 steps.
    const nnsim::run_result result = nnsim::run_network(net, request);

    std::printf("nnsim %s: %s after %llu steps, output", std::string(nnsim::version()).c_str(),
                std::string(nnsim::name_of(result.status)).c_str(),
                static_cast<unsigned long long>(result.steps));
    for (std::size_t k = 0; k < net.outputs.size(); ++k) {
      std::printf(" %s = %s", net.name_of(net.outputs[k]).c_str(), result.outputs.text(k).c_str());
    }
    std::printf("\n");

    // In rational mode the values are exact rationals, compared as numbers.
    const std::vector<nnsim::rational>& outputs = result.outputs.exact();
    const bool as_expected = result.status == nnsim::run_status::halted && result.steps == 2 &&
                             outputs.size() == 1 && outputs[0] == 1;
    return as_expected ? 0 : 1;
  } catch (const nnsim::input_error& error) {
    std::fprintf(stderr, "%s\n", error.diagnostic().c_str());  // FILE:LINE:COL: error: ...
    return 2;
  }
}
