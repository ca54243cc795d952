#include "cli/separability_report.hpp"

#include "cli/run_report.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/numbers/value_format.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace nnsim::cli {
namespace {

// "(0,1) and (1,0)", "(0,1), (1,0) and (1,1)".
std::string point_list(const convex_combination& c, const labelled_points& data) {
  std::string text;
  for (std::size_t k = 0; k < c.points.size(); ++k) {
    if (k > 0) text += k + 1 == c.points.size() ? " and " : ", ";
    text += format_point(data.points[c.points[k]]);
  }
  return text;
}

// "1/2·(0,1) + 1/2·(1,0)", or "(1,1)" for one point.
std::string combination_text(const convex_combination& c, const labelled_points& data) {
  if (c.points.size() == 1) return format_point(data.points[c.points[0]]);
  std::vector<std::string> terms;
  for (std::size_t k = 0; k < c.points.size(); ++k) {
    terms.push_back(fmt::format("{}·{}", format_value(c.coefficients[k]), format_point(data.points[c.points[k]])));
  }
  return fmt::format("{}", fmt::join(terms, " + "));
}

nlohmann::ordered_json coordinates(const std::vector<rational>& point, bool integer_points) {
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const rational& x : point) {
    if (integer_points) {
      json.push_back(numerator(x).convert_to<long>());
    } else {
      json.push_back(to_string(x));
    }
  }
  return json;
}

}  // namespace

std::string format_point(const std::vector<rational>& point) {
  std::vector<std::string> coordinates;
  for (const rational& x : point) coordinates.push_back(format_value(x));
  return fmt::format("({})", fmt::join(coordinates, ","));
}

std::string certificate_equation(const hull_certificate& certificate, const labelled_points& data) {
  // The meeting point is written between the two sums unless one side is
  // a single point, which then is the meeting point.
  std::string text = combination_text(certificate.ones, data);
  if (certificate.ones.points.size() > 1 && certificate.zeros.points.size() > 1) {
    text += " = " + format_point(certificate.meeting_point);
  }
  return text + " = " + combination_text(certificate.zeros, data);
}

std::string certificate_explanation(const hull_certificate& certificate, const labelled_points& data,
                                    std::string_view label) {
  const std::string meeting = format_point(certificate.meeting_point);
  const std::size_t ones = certificate.ones.points.size();
  const std::size_t zeros = certificate.zeros.points.size();
  const auto the_points = [](std::size_t count) { return count == 1 ? "the point" : "the points"; };
  const auto at_all = [](std::size_t count) { return count == 1 ? "there" : count == 2 ? "at both" : "at all of them"; };
  std::string text = fmt::format("{} {} {} {} 1, {} {} {} 0.\n", the_points(ones), point_list(certificate.ones, data),
                                 ones == 1 ? "has" : "have", label, the_points(zeros),
                                 point_list(certificate.zeros, data), label);
  text[0] = 'T';
  const std::string one_side =
      ones == 1 ? fmt::format("w·x + b >= 0 at {}", meeting)
                : fmt::format("w·x + b >= 0 {}, then also at their combination {} (its coefficients are >= 0 and "
                              "add up to 1)",
                              at_all(ones), meeting);
  const std::string zero_side =
      zeros == 1 ? fmt::format("w·x + b < 0 at {}", meeting)
                 : fmt::format("w·x + b < 0 {}, then also at {}", at_all(zeros), meeting);
  text += fmt::format("A step neuron with output 1 on the 1-points has {}; with output 0 on the 0-points it has "
                      "{}. Both cannot hold, so no weights w and bias b exist.\n",
                      one_side, zero_side);
  return text;
}

std::string neuron_formula(const std::vector<std::string>& input_names, const std::string& output_name,
                           const std::vector<rational>& weights, const rational& bias) {
  const network net = single_neuron_network(input_names, output_name, weights, bias);
  return fmt::format("{} = {}({})", output_name, name_of(activation::step),
                     write_potential(net, net.equations.front()));
}

nlohmann::ordered_json separability_json(const separability_result& result, const labelled_points& data,
                                         bool integer_points) {
  nlohmann::ordered_json json;
  json["separable"] = result.separable;
  if (result.separable) {
    nlohmann::ordered_json weights = nlohmann::ordered_json::array();
    for (const integer& w : result.neuron.weights) weights.push_back(w.str());
    json["weights"] = std::move(weights);
    json["bias"] = result.neuron.bias.str();
    return json;
  }
  nlohmann::ordered_json certificate;
  const auto side = [&](const convex_combination& c, const char* points_key, const char* coefficients_key) {
    nlohmann::ordered_json points = nlohmann::ordered_json::array();
    nlohmann::ordered_json coefficients = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < c.points.size(); ++k) {
      points.push_back(coordinates(data.points[c.points[k]], integer_points));
      coefficients.push_back(to_string(c.coefficients[k]));
    }
    certificate[points_key] = std::move(points);
    certificate[coefficients_key] = std::move(coefficients);
  };
  side(result.certificate.ones, "ones", "ones_coefficients");
  side(result.certificate.zeros, "zeros", "zeros_coefficients");
  json["certificate"] = std::move(certificate);
  return json;
}

std::string one_line_json(const nlohmann::ordered_json& json) {
  if (json.is_object()) {
    std::vector<std::string> members;
    for (const auto& [key, value] : json.items()) {
      members.push_back(dump_json(nlohmann::ordered_json(key)) + ": " + one_line_json(value));
    }
    return fmt::format("{{{}}}", fmt::join(members, ", "));
  }
  if (json.is_array()) {
    std::vector<std::string> elements;
    for (const auto& element : json) elements.push_back(one_line_json(element));
    return fmt::format("[{}]", fmt::join(elements, ", "));
  }
  return dump_json(json);
}

}  // namespace nnsim::cli
