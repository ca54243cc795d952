// The pictures of a check (`--plot FILE.svg`): f, F and the proven error
// band for a function of one input; the set A, the region where the
// network says "in A" and the misclassified region for a set of one or two
// inputs.  The data comes from the check's own boxes and from sampling f and
// F (midpoints of point enclosures, for drawing only).
#pragma once

#include "nnsim/approximation/approximation_check.hpp"
#include "nnsim/approximation/approximation_plot.hpp"

#include <string>

namespace nnsim {

// SVG text; throws input_error for a dimension it cannot draw.
std::string function_picture(network_enclosure& network, const function_enclosure& f, const box& domain,
                             const rational& epsilon, const function_check_result& result, const std::string& title);
std::string set_picture(network_enclosure& network, const box& domain, const set_check_result& result,
                        const std::string& title);

}  // namespace nnsim
