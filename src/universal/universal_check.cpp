#include "nnsim/universal/universal_check.hpp"

#include "nnsim/languages/compiled_configuration.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/universal/machine_to_tag.hpp"
#include "nnsim/universal/rogozhin_tape.hpp"
#include "nnsim/universal/tag_run.hpp"
#include "nnsim/universal/universal_encoding.hpp"
#include "nnsim/universal/universal_machine.hpp"

#include "support/splitmix64.hpp"

#include <fmt/format.h>

#include <functional>

namespace nnsim {
namespace {

// What a level did, reduced to what is compared: whether it halted (true),
// provably runs forever (false) or was cut short (nothing), and the decoded
// result when it halted.
struct level_outcome {
  std::optional<bool> halts;
  std::string result;   // compared between levels
  std::string shown;    // printed
  std::uint64_t steps = 0;
  std::size_t bits = 0;
};

universal_level judged(std::string name, const level_outcome& reference, const level_outcome& level) {
  universal_level out{std::move(name), level_verdict::undecided, level.shown, level.steps, level.bits};
  if (!level.halts || !reference.halts) return out;
  const bool same = *level.halts == *reference.halts && (!*level.halts || level.result == reference.result);
  out.verdict = same ? level_verdict::agrees : level_verdict::disagrees;
  return out;
}

// Rogozhin's machine run directly on the tape; `decode` reads a halted
// configuration's result.
level_outcome run_rogozhin_directly(const universal_input& input, std::uint64_t max_steps,
                                    const std::function<std::string(const machine_configuration&)>& decode) {
  const machine_run run = run_machine(rogozhin_machine(), input.tape.cells, max_steps);
  level_outcome out;
  out.steps = run.steps;
  switch (run.outcome) {
    case machine_outcome::accepted:
      out.halts = true;
      out.result = decode(run.final_configuration);
      out.shown = fmt::format("halts after {} transitions: {}", run.steps, out.result);
      break;
    case machine_outcome::rejected:
      out.halts = true;
      out.result = "(rejected: no transition)";
      out.shown = fmt::format("stops without a transition after {} transitions", run.steps);
      break;
    case machine_outcome::runs_forever:
      out.halts = false;
      out.shown = fmt::format("runs forever: a configuration repeats (found after {} transitions)", run.steps);
      break;
    case machine_outcome::undecided:
      out.shown = fmt::format("undecided: still running after {} transitions", run.steps);
      break;
  }
  return out;
}

// The universal network run exactly on the tape's code.
level_outcome run_universal_network(const universal_input& input, const universal_check_options& options,
                                    const std::function<std::string(const machine_configuration&)>& decode) {
  static const network net = build_universal_network();
  static const turing_machine machine = rogozhin_machine();
  run_request request;
  request.input = {input.code};
  request.limits = options.network_limits;
  request.monitor = options.monitor;
  const run_result run = run_network(net, request);
  level_outcome out;
  out.steps = run.steps;
  out.bits = run.largest_value_bits;
  switch (run.status) {
    case run_status::halted:
      out.halts = true;
      if (run.outputs.exact()[0] != 1) {
        out.result = "(output 0)";
        out.shown = fmt::format("halts with output 0 after {} steps", run.steps);
      } else {
        out.result = decode(read_compiled_configuration(machine, net, run.state.exact()));
        out.shown = fmt::format("halts with output 1 after {} steps: {}", run.steps, out.result);
      }
      break;
    case run_status::diverges:
      out.halts = false;
      out.shown = fmt::format("runs forever: its state repeats from step {} with period {}", run.cycle_start,
                              run.cycle_period);
      break;
    case run_status::undecided:
      out.shown = run.interrupted ? fmt::format("interrupted after {} steps", run.steps)
                                  : fmt::format("undecided: still running after {} steps", run.steps);
      break;
  }
  return out;
}

std::string plural_steps(std::uint64_t steps) { return fmt::format("{} step{}", steps, steps == 1 ? "" : "s"); }

std::string word_shown(const tag_system& system, const tag_word& word) {
  return word.empty() ? std::string("ε") : system.word_text(word);
}

void add_universal_levels(universal_case_report& report, const level_outcome& reference,
                          const universal_input& input, const universal_check_options& options,
                          const std::function<std::string(const machine_configuration&)>& decode) {
  report.tape_cells = input.tape.cells.size();
  if (options.max_machine_steps > 0) {
    report.levels.push_back(judged("Rogozhin's machine", reference,
                                   run_rogozhin_directly(input, options.max_machine_steps, decode)));
  }
  if (options.run_network) {
    report.levels.push_back(judged("universal network", reference, run_universal_network(input, options, decode)));
  }
  for (const auto& level : report.levels) report.mismatch = report.mismatch || level.verdict == level_verdict::disagrees;
}

// A decoder that turns an input_error (a tape that holds no word) into a
// result that differs from every reference.
template <class Decode>
std::function<std::string(const machine_configuration&)> tolerant(Decode decode) {
  return [decode](const machine_configuration& c) {
    try {
      return decode(c);
    } catch (const input_error& e) {
      return fmt::format("(no result: {})", e.what());
    }
  };
}

}  // namespace

std::string_view name_of(level_verdict verdict) {
  switch (verdict) {
    case level_verdict::agrees: return "agrees";
    case level_verdict::disagrees: return "DISAGREES";
    case level_verdict::undecided: return "undecided";
    case level_verdict::skipped: return "skipped";
  }
  return "?";
}

universal_case_report check_universal_tag(const tag_system& system, const tag_word& word, const std::string& label,
                                          const universal_check_options& options) {
  universal_case_report report;
  report.label = label;
  const universal_tag_system simulated = prepare_for_universal(system);
  const universal_input input = universal_input_for(simulated, word, options.max_tape_cells);
  // The reference: the given system, run directly.  The machine simulates
  // its normal form, which reads the same letters but never stops on a word
  // shorter than 2 letters (rogozhin_form.hpp): such a stop cannot be
  // simulated, and the case has no verdict to compare.  When the given
  // system halts on a halting letter, so does its normal form, and the
  // machine's tape then holds the normal form's final word less its first
  // two letters, followed by the halting letter.
  const tag_run_limits limits{options.max_reference_steps, std::uint64_t{1} << 24};
  const tag_run given = run_tag_system(system, word, limits);
  level_outcome reference;
  reference.steps = given.steps;
  std::string name = "tag system";
  if (given.outcome == tag_outcome::halted && given.reason == tag_stop_reason::halting_letter) {
    const tag_run run = simulated.normalization ? run_tag_system(simulated.system, input.word, limits) : given;
    if (run.outcome == tag_outcome::halted && run.reason == tag_stop_reason::halting_letter) {
      reference.halts = true;
      const tag_word on_tape = rogozhin_final_word(simulated.system, run.final_word);
      reference.result = word_shown(simulated.system, on_tape);
      reference.shown = fmt::format("halts after {} on {}; the tape then holds {}", plural_steps(given.steps),
                                    word_shown(system, given.final_word), reference.result);
    } else {
      reference.shown = fmt::format("halts after {}, but its normal form did not halt within the limit",
                                    plural_steps(given.steps));
    }
  } else if (given.outcome == tag_outcome::halted) {
    reference.shown = fmt::format(
        "stops on a word shorter than 2 letters after {}: the normal form cannot simulate that (docs/tag-systems.md)",
        plural_steps(given.steps));
  } else if (given.outcome == tag_outcome::runs_forever) {
    // It never reads a halting letter and never stops on a short word, so
    // its normal form never halts either.
    reference.halts = false;
    reference.shown = fmt::format("runs forever: the word at step {} repeats with period {}", given.cycle_start,
                                  given.cycle_period);
  } else {
    reference.shown = fmt::format("undecided: {} after {}", name_of(given.reason), plural_steps(given.steps));
  }
  if (simulated.normalization) name += " (normalised)";
  report.levels.push_back({name, reference.halts ? level_verdict::agrees : level_verdict::undecided, reference.shown,
                           reference.steps, 0});
  add_universal_levels(report, reference, input, options, tolerant([&simulated](const machine_configuration& c) {
                         return word_shown(simulated.system, universal_final_word(simulated, c));
                       }));
  return report;
}

universal_case_report check_universal_machine(const turing_machine& machine, std::string_view word,
                                              const std::string& label, const universal_check_options& options) {
  universal_case_report report;
  report.label = label;
  const char blank = machine.symbols[machine.blank];
  const machine_run direct = run_machine(machine, word, options.max_reference_steps);
  level_outcome reference;
  reference.steps = direct.steps;
  const auto result_text = [&machine](machine_outcome outcome, const machine_configuration& c) {
    return fmt::format("{} {}", name_of(outcome), describe_configuration(machine, c));
  };
  if (direct.outcome == machine_outcome::accepted || direct.outcome == machine_outcome::rejected) {
    reference.halts = true;
    reference.result = result_text(direct.outcome, seen_from_head(direct.final_configuration, blank));
    reference.shown = fmt::format("halts after {}: {}", plural_steps(direct.steps), reference.result);
  } else if (direct.outcome == machine_outcome::runs_forever) {
    reference.halts = false;
    reference.shown = "runs forever: a configuration repeats";
  } else {
    reference.shown = fmt::format("undecided: still running after {} steps", direct.steps);
  }
  report.levels.push_back({"machine", reference.halts ? level_verdict::agrees : level_verdict::undecided,
                           reference.shown, reference.steps, 0});

  universal_machine_input encoded = machine_for_universal(machine);
  // Level 2: the Cocke–Minsky system run directly, counting the machine's steps.
  std::uint64_t step_letters = 0;
  const tag_run run = run_tag_system(encoded.conversion.system, initial_tag_word(encoded.conversion, word),
                                     {options.max_reference_steps, std::uint64_t{1} << 24},
                                     [&](std::uint64_t, const tag_word& w) {
                                       if (!w.empty() && begins_machine_step(encoded.conversion, w.front())) ++step_letters;
                                     });
  level_outcome tag_level;
  tag_level.steps = run.steps;
  if (run.outcome == tag_outcome::halted) {
    tag_level.halts = true;
    try {
      const machine_tag_result decoded = decode_tag_word(encoded.conversion, run.final_word, step_letters);
      tag_level.result = result_text(decoded.outcome, decoded.final_configuration);
      tag_level.shown = fmt::format("halts after {} ({} of the machine): {}", plural_steps(run.steps),
                                    decoded.steps ? *decoded.steps : 0, tag_level.result);
    } catch (const input_error& e) {
      tag_level.result = fmt::format("(no result: {})", e.what());
      tag_level.shown = tag_level.result;
    }
  } else if (run.outcome == tag_outcome::runs_forever) {
    tag_level.halts = false;
    tag_level.shown = "runs forever: a word repeats";
  } else {
    tag_level.shown = fmt::format("undecided: still running after {} steps", run.steps);
  }
  report.levels.push_back(judged("Cocke–Minsky system", reference, tag_level));
  if (options.max_machine_steps == 0 && !options.run_network) return report;
  set_machine_word(encoded, machine, word, options.max_tape_cells);
  add_universal_levels(report, reference, encoded.input, options,
                       tolerant([&encoded, &result_text](const machine_configuration& c) {
                         const machine_tag_result decoded = universal_machine_result(encoded, c);
                         return result_text(decoded.outcome, decoded.final_configuration);
                       }));
  return report;
}

std::pair<tag_system, tag_word> random_halting_tag_system(std::uint64_t seed, std::uint64_t max_steps,
                                                          std::uint64_t max_tape_cells) {
  splitmix64 random(seed);
  const auto below = [&random](std::uint64_t n) { return random.next() % n; };
  // Odd seeds: systems in Rogozhin's form (letters a1 ... an, P(ai) = an an
  // Bi, halting a(n+1)), simulated as they are; even seeds: any system,
  // simulated through its normalisation.
  const bool in_form = seed % 2 == 1;
  for (;;) {
    tag_system system;
    system.name = fmt::format("random_{}", seed);
    const std::size_t letters = in_form ? 1 + below(3) : 2 + below(2);
    for (std::size_t i = 0; i < letters; ++i) {
      system.intern_letter(in_form ? fmt::format("a{}", i + 1) : std::string(1, static_cast<char>('a' + i)));
    }
    system.intern_letter(in_form ? fmt::format("a{}", letters + 1) : std::string("h"));
    for (std::size_t i = 0; i < letters; ++i) {
      tag_word production;
      if (in_form) production = {static_cast<tag_letter>(letters - 1), static_cast<tag_letter>(letters - 1)};
      const std::size_t length = in_form ? (i + 1 == letters ? 0 : 1 + below(2)) : 1 + below(3);
      for (std::size_t k = 0; k < length; ++k) production.push_back(static_cast<tag_letter>(below(letters + 1)));
      system.productions[i] = production;
    }
    tag_word word;
    const std::size_t length = 2 + below(3);
    for (std::size_t k = 0; k < length; ++k) word.push_back(static_cast<tag_letter>(below(letters + 1)));
    const tag_run run = run_tag_system(system, word, {max_steps, 64});
    // At least one production applied, so the machine copies one.
    if (run.outcome != tag_outcome::halted || run.reason != tag_stop_reason::halting_letter || run.steps == 0) continue;
    try {
      const universal_tag_system simulated = prepare_for_universal(system);
      universal_input_for(simulated, word, max_tape_cells);
    } catch (const limit_error&) {
      continue;
    } catch (const input_error&) {
      continue;  // a word shorter than two letters in the normal form
    }
    return {system, word};
  }
}

}  // namespace nnsim
