// nnsim build boolean TABLE | --formula F: the lecture's proof that two-layer
// networks of unit-step neurons compute every F: {0,1}^n -> {0,1}, as a
// construction (two_layer_network.hpp), with its dual and a minimized
// form (minimum_cover.hpp).
#include "cli/boolean_options.hpp"
#include "cli/cli_options.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "nnsim/boolean/minimum_cover.hpp"
#include "nnsim/boolean/two_layer_network.hpp"
#include "nnsim/io/network_writer.hpp"

#include <fmt/format.h>

#include <memory>

namespace nnsim::cli {

command add_build_boolean_command(CLI::App& build) {
  struct boolean_options {
    boolean_function_options function;
    bool cnf = false;
    bool minimize = false;
    bool layered = false;
    std::string output;
  };
  auto options = std::make_shared<boolean_options>();
  CLI::App* sub = build.add_subcommand(
      "boolean", "Any Boolean function as a two-layer network: the lecture's construction, its dual, minimized");
  add_boolean_function_options(*sub, options->function);
  sub->add_flag("--cnf", options->cnf,
                "the dual construction: one hidden neuron per input with F = 0, firing on every other input, and "
                "an AND on top");
  sub->add_flag("--minimize", options->minimize,
                fmt::format("one hidden neuron per prime implicant of a minimum cover (exact: Quine-McCluskey and "
                            "a branch-and-bound cover search; at most {} inputs)",
                            max_minimize_arity));
  sub->add_flag("--layered", options->layered, "write `rule layered` (the lecture's MLP rule) instead of parallel");
  add_output_option(*sub, options->output);
  sub->footer(help_footer(
      fmt::format(
          "The lecture's theorem: two-layer networks of unit-step neurons compute every F: {{0,1}}^n -> {{0,1}}. "
          "The proof builds, for each input vector v with F(v) = 1, a hidden neuron N_v that fires exactly on v "
          "(weight +1 where v_i = 1, -1 where v_i = 0, bias minus the number of ones of v), and an OR neuron on "
          "top. A constant F needs no hidden neuron. Each hidden neuron's comment names its vector or implicant "
          "(1-0: x1 = 1, x2 free, x3 = 0). Inputs are x1 ... xn, the output is y. Without --minimize at most {} "
          "inputs.",
          max_two_layer_arity),
      {
      "nnsim build boolean 0110                       # XOR: N_(0,1), N_(1,0) and an OR",
      "nnsim build boolean --formula 'x1 & x2 | x3' --minimize",
      "nnsim build boolean 00010111 --cnf --layered   # majority of 3, AND of clauses",
      "nnsim build boolean 0110 -o xor.nn && nnsim truth xor.nn --expect 0110",
      }));

  command result;
  result.app = sub;
  result.execute = [options]() {
    const boolean_function f = read_boolean_function(options->function);
    two_layer_options construction;
    construction.form = options->cnf ? normal_form::cnf : normal_form::dnf;
    construction.minimize = options->minimize;
    construction.layered = options->layered;
    network net = build_two_layer(f, construction);

    const bool to_file = !options->output.empty() && options->output != "-";
    std::string command_line = "nnsim build boolean " + boolean_function_arguments(options->function);
    if (options->cnf) command_line += " --cnf";
    if (options->minimize) command_line += " --minimize";
    if (options->layered) command_line += " --layered";
    if (to_file) command_line += " -o " + options->output;
    std::string expectation = options->function.formula_option->count() > 0
                                  ? "--expect-formula " + quoted_formula(options->function.formula)
                                  : "--expect " + f.table();
    if (options->function.formula_option->count() > 0) {
      net.comment += "\nFormula: " + quoted_formula(options->function.formula).substr(1);
      net.comment.pop_back();
    }
    net.comment += fmt::format("\nBuilt with: {}\nCheck with: nnsim truth {} {}", command_line,
                               to_file ? options->output : "FILE", expectation);
    write_output(write_network(net), options->output);
    return 0;
  };
  return result;
}

}  // namespace nnsim::cli
