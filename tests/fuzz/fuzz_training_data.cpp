// The training-data reader (training_data.hpp over csv_reader.hpp).  Any text
// either reads or is refused with an input_error; what it reads is
// consistent: one source line and one target per example, in file order,
// every example as long as the list of input names.
#include "fuzz_check.hpp"

#include "nnsim/learning/training_data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nnsim;
  training_data read;
  try {
    read = parse_training_data(fuzz::as_text(data, size), "fuzz.csv");
  } catch (const input_error& e) {
    fuzz::check_diagnostic(e);
    return 0;
  }
  fuzz::require(read.examples.dimension == read.input_names.size(), "a dimension other than the number of inputs");
  fuzz::require(read.lines.size() == read.examples.points.size(), "not one source line per example");
  fuzz::require(read.examples.labels.size() == read.examples.points.size(), "not one target per example");
  for (std::size_t i = 0; i < read.examples.points.size(); ++i) {
    fuzz::require(read.examples.points[i].size() == read.input_names.size(), "an example of another length");
    fuzz::require(i == 0 || read.lines[i - 1] < read.lines[i], "examples out of file order");
  }
  return 0;
}
