// nnsim build approx relu|sigmoid|cubes: the lecture's approximation
// theorems as constructions (relu_approximation.hpp,
// relu_set_approximation.hpp, sigmoid_approximation.hpp,
// cube_approximation.hpp).  The network goes to standard output or -o FILE
// like every build command; a short report of its size and proven error goes
// to standard error, so that standard output stays a network file.
#include "approximation/construction_numbers.hpp"
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "nnsim/approximation/approximation_input.hpp"
#include "nnsim/approximation/approximation_check.hpp"
#include "nnsim/approximation/approximation_picture.hpp"
#include "nnsim/approximation/box.hpp"
#include "nnsim/approximation/cube_approximation.hpp"
#include "nnsim/approximation/function_enclosure.hpp"
#include "nnsim/approximation/relu_approximation.hpp"
#include "nnsim/approximation/relu_set_approximation.hpp"
#include "nnsim/approximation/sigmoid_approximation.hpp"
#include "nnsim/io/network_writer.hpp"
#include "nnsim/numbers/real_expression.hpp"
#include "nnsim/numbers/real_predicate.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <memory>

namespace nnsim::cli {
namespace {


// The most inputs a set of `build approx cubes` may have.
constexpr std::size_t most_cube_inputs = 16;

struct approx_options {
  std::string kind;
  std::string function, set, epsilon, lipschitz, inputs, cube_size, box_text, output, plot;
  std::size_t max_neurons = 100000;
  CLI::Option* function_option = nullptr;
  CLI::Option* set_option = nullptr;
  CLI::Option* epsilon_option = nullptr;
  CLI::Option* lipschitz_option = nullptr;
  CLI::Option* inputs_option = nullptr;
  CLI::Option* cube_size_option = nullptr;
  CLI::Option* box_option = nullptr;
  CLI::Option* max_neurons_option = nullptr;
};

// --plot: the network checked as `nnsim check approx` checks it, and the
// picture of that check written to `path`.
void plot_function(const network& net, const real_expression_ptr& f, const box& domain, const rational& epsilon,
                   const std::string& path) {
  network_enclosure enclosure(net);
  const function_enclosure f_enclosure(f, enclosure.dimension());
  const function_check_result r = check_function_approximation(enclosure, f_enclosure, {domain, epsilon});
  const std::string title = fmt::format("f(x) = {}: proven |f - F| <= {}", to_string(*f), bound_text(r.bound, true));
  write_output(function_picture(enclosure, f_enclosure, domain, epsilon, r, title), path);
}

void plot_set(const network& net, const real_predicate_ptr& set, const box& domain, const rational& epsilon,
              const std::string& path) {
  network_enclosure enclosure(net);
  const set_check_result r = check_set_approximation(enclosure, *set, {domain, epsilon});
  write_output(set_picture(enclosure, domain, r, fmt::format("A = {{ x : {} }}", to_string(*set))), path);
}

// Refused before anything is built: a picture of more than one input (a
// function) or two (a set).
void require_drawable(const approx_options& o, std::size_t inputs, std::size_t most) {
  if (!o.plot.empty() && inputs > most) {
    throw input_error(fmt::format("--plot draws {} of at most {} input{}; this one has {}",
                                  most == 1 ? "a function" : "a set", most, most == 1 ? "" : "s", inputs));
  }
}

// 'TEXT' for a command line shown in a comment (blanks collapsed).
std::string quoted(const std::string& text) {
  std::string out;
  bool blank = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
  }
  return "'" + out + "'";
}

// The largest k of a name xk in the text (1 when there is none): the number
// of inputs a function or set speaks of.
std::size_t variables_named(const std::string& text) {
  std::size_t k = 1;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalpha(c) == 0 && c != '_') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '_')) {
      ++end;
    }
    const std::string_view word(text.data() + i, end - i);
    if (word.size() >= 2 && word[0] == 'x' && word[1] != '0') {
      std::size_t n = 0;
      const auto [stop, error] = std::from_chars(word.data() + 1, word.data() + word.size(), n);
      if (error == std::errc() && stop == word.data() + word.size()) k = std::max(k, n);
    }
    i = end;
  }
  return k;
}

rational positive_value(const std::string& text, std::string_view option) {
  const rational value = parse_rational_value(text, option);
  if (value <= 0) throw input_error(fmt::format("invalid {} '{}': it must be positive", option, text));
  return value;
}

void refuse_option(const CLI::Option* option, std::string_view kind, std::string_view why) {
  if (option->count() > 0) {
    throw input_error(fmt::format("{} is not an option of build approx {} ({})", option->get_name(), kind, why));
  }
}

void require_option(const CLI::Option* option, std::string_view kind) {
  if (option->count() == 0) throw input_error(fmt::format("build approx {} needs {}", kind, option->get_name()));
}

// The number of inputs: --inputs, else the larger of the variables named and
// the items of --box.
std::size_t input_count(const approx_options& o, const std::string& text, std::size_t most) {
  std::size_t k = 0;
  if (o.inputs_option->count() > 0) {
    k = std::stoul(o.inputs);
  } else {
    k = variables_named(text);
    if (o.box_option->count() > 0) k = std::max(k, split_value_list(o.box_text).size());
  }
  if (k < 1 || k > most) {
    throw input_error(fmt::format("build approx {} is built for {} inputs, not {}", o.kind,
                                  most == 2 ? std::string("one or two") : fmt::format("1 to {}", most), k));
  }
  return k;
}

box domain_of(const approx_options& o, std::size_t k) {
  return o.box_option->count() > 0 ? parse_box(o.box_text, k) : unit_box(k);
}

// The options that repeat the construction, for the "Built with" and
// "Check with" lines.
std::string box_argument(const approx_options& o) {
  return o.box_option->count() > 0 ? " --box " + o.box_text : "";
}

void finish(network& net, const approx_options& o, const std::string& built_with, const std::string& check_with,
            const std::string& report) {
  const bool to_file = !o.output.empty() && o.output != "-";
  const std::string file = to_file ? o.output : "FILE";
  net.comment += fmt::format("\nBuilt with: nnsim build approx {}{}\nCheck with: nnsim check approx {} {}",
                             built_with, to_file ? " -o " + o.output : "", file, check_with);
  write_output(write_network(net), o.output);
  write_standard_error(report);
}

// The --epsilon of the suggested check of a cube network: its bound with a
// little room (the check adds the faces' thin shells and stops refining when
// what is left undecided is small, so it may prove a little more than the
// exact bound), rounded up to two significant digits.
rational with_room(const rational& bound, const rational& volume) { return bound + bound / 32 + volume / 1048576; }

std::string check_epsilon(const rational& bound, const rational& volume) {
  return bound_text(with_room(bound, volume), true, 2);
}

std::string runs_text(const std::vector<interval_run>& runs) {
  constexpr std::size_t shown = 6;
  std::string text;
  for (std::size_t i = 0; i < runs.size() && i < shown; ++i) {
    text += fmt::format("{}({}, {})", i > 0 ? ", " : "", to_string(runs[i].low), to_string(runs[i].high));
  }
  if (runs.size() > shown) text += fmt::format(", ... ({} in all)", runs.size());
  return text.empty() ? "none" : text;
}

int build_relu(const approx_options& o) {
  refuse_option(o.cube_size_option, "relu", "it is for cubes");
  require_option(o.epsilon_option, "relu");
  if (o.function_option->count() + o.set_option->count() != 1) {
    throw input_error("build approx relu needs either --function (a function of x) or --set (a set of x)");
  }
  if (o.inputs_option->count() > 0 && o.inputs != "1") {
    throw input_error("build approx relu is built for one input (the lecture's \"Power of ReLU\")");
  }
  const rational epsilon = positive_value(o.epsilon, "--epsilon");
  const box domain = domain_of(o, 1);
  const std::string common = fmt::format("--epsilon {}{}", o.epsilon, box_argument(o));
  if (o.set_option->count() > 0) {
    refuse_option(o.lipschitz_option, "relu --set", "it is for --function");
    const real_predicate_ptr set = parse_set_option(o.set, 1);
    relu_set_approximation built = build_relu_set_approximation(*set, {epsilon, domain, o.max_neurons});
    const std::string set_argument = "--set " + quoted(o.set);
    const std::string report = fmt::format(
        "relu --set: x in the set iff F(x) > 0, on {}, epsilon = {}\n"
        "runs where F > 0: {}\n"
        "hidden neurons: {} (relu), from {} cells: inside {}, outside {}, ambiguous {}\n"
        "proven: the misclassified points have measure <= {}\n",
        to_string(domain), to_string(epsilon), runs_text(built.runs), built.hidden, built.cells,
        bound_text(built.inside, false), bound_text(built.outside, false), bound_text(built.ambiguous, true),
        bound_text(built.bound(), true));
    if (!o.plot.empty()) plot_set(built.net, set, domain, epsilon, o.plot);
    finish(built.net, o, "relu " + set_argument + " " + common, set_argument + " " + common, report);
    return 0;
  }
  const real_expression_ptr f = parse_function_option(o.function, 1);
  relu_approximation_options options{epsilon, domain, std::nullopt, o.max_neurons};
  if (o.lipschitz_option->count() > 0) {
    options.lipschitz = parse_rational_value(o.lipschitz, "--lipschitz");
    if (*options.lipschitz < 0) throw input_error(fmt::format("invalid --lipschitz '{}': it must not be negative", o.lipschitz));
  }
  relu_approximation built = build_relu_approximation(function_enclosure(f, 1), options);
  std::string report = fmt::format("relu: f(x) = {} on {}, epsilon = {}\n", to_string(*f), to_string(domain),
                                   to_string(epsilon));
  report += fmt::format("hidden neurons: {} (relu), {} knots on {}\n", built.hidden, built.knots.size(),
                        options.lipschitz ? "a uniform grid" : "an adaptive dyadic grid");
  if (built.assumed_lipschitz) {
    report += fmt::format("assuming Lipschitz constant {}: |f - F| <= {}\n", to_string(*built.assumed_lipschitz),
                          bound_text(*built.assumed_bound, true));
  }
  report += fmt::format("proven: |f - F| <= {} on {} (largest on [{}, {}])\n", bound_text(built.bound, true),
                        to_string(domain), to_string(built.worst_low), to_string(built.worst_high));
  if (built.bound > epsilon) {
    report += fmt::format("note: the proven bound is larger than epsilon: is {} a Lipschitz constant of f on {}?\n",
                          to_string(*built.assumed_lipschitz), to_string(domain));
  }
  report += fmt::format("Lipschitz constant of f proven by interval arithmetic: {}\n",
                        built.lipschitz ? "<= " + bound_text(*built.lipschitz, true) : std::string("unbounded"));
  if (built.textbook_units) {
    report += fmt::format("textbook count ceil(L (b - a) / (2 epsilon)) with L = {}: {} units\n",
                          bound_text(built.assumed_lipschitz ? *built.assumed_lipschitz : *built.lipschitz, true),
                          built.textbook_units->str());
  }
  std::string built_with = "relu --function " + quoted(o.function) + " " + common;
  if (options.lipschitz) built_with += " --lipschitz " + o.lipschitz;
  if (!o.plot.empty()) plot_function(built.net, f, domain, epsilon, o.plot);
  finish(built.net, o, built_with, "--function " + quoted(o.function) + " " + common, report);
  return 0;
}

int build_sigmoid(const approx_options& o) {
  refuse_option(o.set_option, "sigmoid", "it approximates a function: give --function");
  refuse_option(o.cube_size_option, "sigmoid", "it is for cubes");
  refuse_option(o.lipschitz_option, "sigmoid", "the grid is chosen from bounds nnsim proves itself");
  require_option(o.function_option, "sigmoid");
  require_option(o.epsilon_option, "sigmoid");
  const rational epsilon = positive_value(o.epsilon, "--epsilon");
  const std::size_t n = input_count(o, o.function, 2);
  require_drawable(o, n, 1);
  const box domain = domain_of(o, n);
  const real_expression_ptr f = parse_function_option(o.function, n);
  sigmoid_approximation built = build_sigmoid_approximation(function_enclosure(f, n), {epsilon, domain, o.max_neurons});
  std::string report = fmt::format("sigmoid: f = {} on {}, epsilon = {}\n", to_string(*f), to_string(domain),
                                   to_string(epsilon));
  if (n == 1) {
    const sigmoid_staircase& s = built.staircase;
    report += fmt::format("hidden neurons: {} (logistic[{}]), {} cells of width {}\n", built.hidden,
                          to_string(s.lambda), s.cells, to_string(s.width));
    report += fmt::format("proven: |f - F| <= {} = {} (interpolation) + {} (tails of the steps)\n",
                          bound_text(built.bound, true), bound_text(s.interpolation_bound, true),
                          bound_text(s.tail_bound, true));
  } else {
    report += fmt::format("hidden neurons: {} (logistic), in {} ridge{} of a polynomial of degree {} with |f - p| <= {}\n",
                          built.hidden, built.ridges.size(), built.ridges.size() == 1 ? "" : "s", built.degree,
                          bound_text(built.polynomial_error, true));
    for (std::size_t k = 0; k < built.ridges.size(); ++k) {
      const sigmoid_ridge& r = built.ridges[k];
      report += fmt::format("  ridge {}: u = {} in [{}, {}]: {} steps, lambda = {}, error <= {}\n", k + 1,
                            construction::affine_text(r.weights, {"x1", "x2"}, r.offset), to_string(r.low),
                            to_string(r.high), r.staircase.steps.size(),
                            to_string(r.staircase.lambda), bound_text(r.staircase.bound(), true));
    }
    report += fmt::format("proven: |f - F| <= {} on {}\n", bound_text(built.bound, true), to_string(domain));
  }
  // check approx reads the number of inputs from the network: no --inputs.
  const std::string common = fmt::format("--function {} --epsilon {}", quoted(o.function), o.epsilon);
  const std::string dimension = n == 2 && o.inputs_option->count() > 0 ? " --inputs 2" : "";
  if (!o.plot.empty()) plot_function(built.net, f, domain, epsilon, o.plot);
  finish(built.net, o, "sigmoid " + common + dimension + box_argument(o), common + box_argument(o), report);
  return 0;
}

int build_cubes(const approx_options& o) {
  refuse_option(o.function_option, "cubes", "it covers a set: give --set");
  refuse_option(o.epsilon_option, "cubes", "the error follows from --cube-size and is reported");
  refuse_option(o.lipschitz_option, "cubes", "it is for relu --function");
  require_option(o.set_option, "cubes");
  require_option(o.cube_size_option, "cubes");
  const std::size_t k = input_count(o, o.set, most_cube_inputs);
  require_drawable(o, k, 2);
  const box domain = domain_of(o, k);
  const real_predicate_ptr set = parse_set_option(o.set, k);
  const rational side = positive_value(o.cube_size, "--cube-size");
  cube_approximation built = build_cube_approximation(*set, {side, domain, o.max_neurons, 0});
  const std::string report = fmt::format(
      "cubes: side {} on {}: {} cubes: {} inside the set, {} meeting it, {} ambiguous (kept), {} dropped\n"
      "neurons: {} half-spaces (layer 1), {} cubes (layer 2, AND), 1 OR (layer 3)\n"
      "proven: the misclassified points have measure <= {} (of {}){}\n",
      to_string(side), to_string(domain), built.cubes, built.inside, built.meeting, built.ambiguous, built.dropped,
      built.first_layer, built.second_layer, bound_text(built.bound, true), to_string(built.volume),
      built.proven_outside > 0 ? fmt::format(", and >= {}", bound_text(built.proven_outside, false)) : "");
  std::string dimension = o.inputs_option->count() > 0 ? " --inputs " + o.inputs : "";
  const std::string set_argument = "--set " + quoted(o.set);
  if (!o.plot.empty()) {
    // The misclassified measure asked for: the construction's bound, with room for the check's shells.
    plot_set(built.net, set, domain, with_room(built.bound, built.volume), o.plot);
  }
  finish(built.net, o,
         fmt::format("cubes {} --cube-size {}{}{}", set_argument, o.cube_size, dimension, box_argument(o)),
         fmt::format("{} --epsilon {}{}", set_argument, check_epsilon(built.bound, built.volume), box_argument(o)),
         report);
  return 0;
}

}  // namespace

command add_build_approx_command(CLI::App& build) {
  auto options = std::make_shared<approx_options>();
  CLI::App* sub = build.add_subcommand(
      "approx", "The approximation theorems: a function or a set as a ReLU, sigmoid or step network, with a proven "
                "error");
  sub->add_option("KIND", options->kind,
                  "relu (two layers, ReLU hidden neurons: --function or --set), sigmoid (Cybenko: logistic hidden "
                  "neurons, --function of 1 or 2 inputs), cubes (three layers of step neurons covering --set)")
      ->required()
      ->type_name("");
  options->function_option =
      sub->add_option("--function", options->function,
                      "f in the expression language (docs/reals.md): x for one input (also x1), x1, x2 for two, "
                      "e.g. 'sin(3*x)^2', 'sqrt(x)', 'x1*x2'")
          ->type_name("EXPR");
  options->set_option =
      sub->add_option("--set", options->set,
                      "a set as a predicate: comparisons joined by and, or, not, e.g. 'x1^2 + x2^2 <= 1/4 or x1 > 3/4'")
          ->type_name("PREDICATE");
  options->epsilon_option =
      sub->add_option("--epsilon", options->epsilon,
                      "the error allowed: sup |f - F| for --function, the measure of misclassified points for --set")
          ->type_name("E");
  options->lipschitz_option =
      sub->add_option("--lipschitz", options->lipschitz,
                      "relu --function: a Lipschitz constant L of f; builds the textbook's uniform grid of "
                      "ceil(L (b - a) / (2 (epsilon - delta))) cells instead of the adaptive one")
          ->type_name("L");
  options->inputs_option = sub->add_option("--inputs", options->inputs,
                                           "the number of inputs (default: the largest k of a variable xk used, or "
                                           "the coordinates of --box)")
                               ->type_name("N")
                               ->check(whole_number_check(1, 1000));
  options->cube_size_option =
      sub->add_option("--cube-size", options->cube_size, "cubes: the side h of the grid's cubes")->type_name("H");
  options->box_option = sub->add_option("--box", options->box_text,
                                        "the domain: lo:hi for every coordinate, or one for all (default 0:1)")
                            ->type_name("LO:HI,...");
  options->max_neurons_option =
      sub->add_option("--max-neurons", options->max_neurons,
                      "refuse to build a network with more neurons than this (default 100000)")
          ->type_name("N")
          ->check(whole_number_check(1, 100000000));
  add_output_option(*sub, options->output);
  sub->add_option("--plot", options->plot,
                  "also check the network as nnsim check approx does and draw the result as an SVG picture "
                  "(functions of one input, sets of one or two)")
      ->type_name("FILE.svg");
  sub->footer(help_footer(
      "The lecture's approximation theorems as constructions, each with a proven error bound reported on standard "
      "error (standard output is the network). relu --function: the piecewise-linear interpolation of f at knots "
      "chosen so that interval arithmetic proves |f - F| <= epsilon (or a uniform grid for --lipschitz L). relu "
      "--set: F > 0 exactly on runs of cells proven inside the set; the ambiguous cells' total length, the bound on "
      "the misclassified measure, is <= epsilon. sigmoid: steep logistic steps (two inputs: a polynomial written as "
      "ridge functions, each a staircase). cubes: the three-layer step network of cubes meeting the set. Check the "
      "result with the `Check with:` line in the file's comment.",
      {
      "nnsim build approx relu --function 'sin(3*x)^2' --epsilon 1/20 -o relu.nn",
      "nnsim build approx relu --set 'x < 1/3 or x > 1/2' --epsilon 1/100",
      "nnsim build approx sigmoid --function 'x1*x2' --epsilon 1/4 --inputs 2",
      "nnsim build approx cubes --set 'x1^2 + x2^2 <= 1/4' --cube-size 1/8 --box -1:1",
      }));

  command result;
  result.app = sub;
  result.execute = [options]() {
    const approx_options& o = *options;
    if (o.kind == "relu") return build_relu(o);
    if (o.kind == "sigmoid") return build_sigmoid(o);
    if (o.kind == "cubes") return build_cubes(o);
    throw input_error(fmt::format("unknown construction '{}' (relu, sigmoid or cubes)", o.kind));
  };
  return result;
}

}  // namespace nnsim::cli
