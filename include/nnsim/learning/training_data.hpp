// The training data of the learning rules (perceptron.hpp): labelled
// examples read from CSV with errors located as `FILE:LINE:COL: error: ...`.
#pragma once

#include "nnsim/boolean/linear_separability.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nnsim {

struct training_data {
  std::vector<std::string> input_names;  // from the header when it has usable names, else x1 ... xn
  std::string target_name = "y";         // likewise
  bool has_header = false;
  labelled_points examples;              // inputs and 0/1 targets, in file order
  std::vector<std::uint32_t> lines;      // the source line of each example
};

// Reads training data: one example per line, comma-separated numbers of the
// file format with an optional sign (`1`, `-1/3`, `0.25`), the last one the
// target 0 or 1; blank lines and `#` comments are skipped.  The first line
// that is not skipped is a header when none of its fields is a number.
// Throws input_error located at the offending field.
training_data parse_training_data(std::string_view text, const std::string& source_name);
// The same from a file ("-": standard input).
training_data read_training_file(const std::string& path);

}  // namespace nnsim
