// Every public header of nnsim, layer by layer from the bottom (README.md,
// "Layout of the repository"; the API is described in docs/library.md).
// Including a layer's own headers instead is cheaper to compile.
#pragma once

#include "nnsim/version.hpp"

// support
#include "nnsim/support/error.hpp"

// numbers
#include "nnsim/numbers/number_mode.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_number.hpp"

// model
#include "nnsim/model/network.hpp"
#include "nnsim/model/network_analysis.hpp"
#include "nnsim/model/rule_checks.hpp"

// io
#include "nnsim/io/csv_reader.hpp"
#include "nnsim/io/dot_writer.hpp"
#include "nnsim/io/line_reader.hpp"
#include "nnsim/io/network_parser.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/io/text_file.hpp"

// run
#include "nnsim/run/input_grid.hpp"
#include "nnsim/run/run_limits.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/run/update_rule.hpp"

// languages
#include "nnsim/languages/delta_encoding.hpp"
#include "nnsim/languages/language_prefix.hpp"
#include "nnsim/languages/language_recognition.hpp"
#include "nnsim/languages/machine_check.hpp"
#include "nnsim/languages/machine_compiler.hpp"
#include "nnsim/languages/machine_parser.hpp"
#include "nnsim/languages/oracle_check.hpp"
#include "nnsim/languages/oracle_network.hpp"
#include "nnsim/languages/oracle_weight.hpp"
#include "nnsim/languages/turing_machine.hpp"
#include "nnsim/languages/word_pattern.hpp"

// boolean
#include "nnsim/boolean/boolean_check.hpp"
#include "nnsim/boolean/boolean_function.hpp"
#include "nnsim/boolean/exact_simplex.hpp"
#include "nnsim/boolean/linear_separability.hpp"
#include "nnsim/boolean/logic_gates.hpp"
#include "nnsim/boolean/minimum_cover.hpp"
#include "nnsim/boolean/neuron_network.hpp"
#include "nnsim/boolean/truth_table.hpp"
#include "nnsim/boolean/two_layer_network.hpp"

// learning
#include "nnsim/learning/perceptron.hpp"
#include "nnsim/learning/training_data.hpp"
#include "nnsim/approximation/approximation_check.hpp"
#include "nnsim/approximation/approximation_input.hpp"
#include "nnsim/approximation/approximation_picture.hpp"
#include "nnsim/approximation/approximation_plot.hpp"
#include "nnsim/approximation/box.hpp"
#include "nnsim/approximation/cube_approximation.hpp"
#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/approximation/function_sample.hpp"
#include "nnsim/approximation/function_variation.hpp"
#include "nnsim/approximation/network_enclosure.hpp"
#include "nnsim/approximation/polynomial_fit.hpp"
#include "nnsim/approximation/relu_approximation.hpp"
#include "nnsim/approximation/relu_set_approximation.hpp"
#include "nnsim/approximation/ridge_decomposition.hpp"
#include "nnsim/approximation/sigmoid_approximation.hpp"
#include "nnsim/approximation/sigmoid_staircase.hpp"

#include "nnsim/universal/binary_tape_machine.hpp"
#include "nnsim/universal/machine_to_tag.hpp"
#include "nnsim/universal/rogozhin_form.hpp"
#include "nnsim/universal/rogozhin_tape.hpp"
#include "nnsim/universal/tag_parser.hpp"
#include "nnsim/universal/tag_run.hpp"
#include "nnsim/universal/tag_system.hpp"
#include "nnsim/universal/universal_encoding.hpp"
#include "nnsim/universal/universal_machine.hpp"

// viewing
#include "nnsim/viewing/recorded_trace.hpp"
