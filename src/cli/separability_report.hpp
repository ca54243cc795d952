// How a separability answer (linear_separability.hpp) is shown, shared by
// `separable` and `learn perceptron`: the certificate as an equation a
// student can check by hand, the reason it rules out every neuron, and the
// JSON object of cli.md.
#pragma once

#include "nnsim/boolean/linear_separability.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace nnsim::cli {

// "(1/2,1/2)"; "()" for a point of dimension 0.
std::string format_point(const std::vector<rational>& point);

// "1/2·(0,1) + 1/2·(1,0) = (1/2,1/2) = 1/2·(0,0) + 1/2·(1,1)"; a single
// point appears as "(1,1)" with no coefficient.
std::string certificate_equation(const hull_certificate& certificate, const labelled_points& data);

// The lines after the equation: why it rules out every step neuron.
// `label` names the value of a point: "F =" gives "have F = 1", "target"
// gives "have target 1".
std::string certificate_explanation(const hull_certificate& certificate, const labelled_points& data,
                                    std::string_view label);

// "y = step(-2 + x1 + x2)" for integer weights; zero weights left out.
std::string neuron_formula(const std::vector<std::string>& input_names, const std::string& output_name,
                           const std::vector<rational>& weights, const rational& bias);

// {"separable": true, "weights": [...], "bias": "..."} or {"separable":
// false, "certificate": {"ones": [...], "ones_coefficients": [...], "zeros":
// [...], "zeros_coefficients": [...]}}.  Coordinates are JSON integers when
// `integer_points` (0/1 vectors of a Boolean function), else strings.
nlohmann::ordered_json separability_json(const separability_result& result, const labelled_points& data,
                                         bool integer_points);

// A JSON value on one line with ", " and ": " between items, as the
// examples of the issues and docs are written:
// {"separable": true, "weights": ["1", "-2"], "bias": "1"}.
std::string one_line_json(const nlohmann::ordered_json& json);

}  // namespace nnsim::cli
