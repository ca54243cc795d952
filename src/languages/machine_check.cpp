#include "nnsim/languages/machine_check.hpp"

#include "nnsim/model/network_analysis.hpp"

namespace nnsim {

machine_check_report check_compiled_machine(const turing_machine& machine, std::size_t max_length,
                                            const recognition_options& options,
                                            const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
  machine_check_report report;
  report.states = machine.state_count();
  report.symbols = machine.symbol_count();
  report.max_length = max_length;
  const network net = compile_machine(machine);
  const network_summary summary = analyze(net);
  report.neurons = summary.neurons;
  report.edges = summary.edges;
  const language_expectation expectation = machine_expectation(machine, options.limits.max_steps);
  report.words = count_words_up_to(max_length);
  std::vector<recognized_word> mismatched;
  report.recognition = recognize_each(net, {report.words, shortlex_word}, options, &expectation,
                                      [&](std::uint64_t i, recognized_word&& entry) {
                                        if (entry.mismatch) mismatched.push_back(std::move(entry));
                                        if (progress) progress(i + 1, report.words);
                                      });
  report.recognition.words = std::move(mismatched);
  return report;
}

}  // namespace nnsim
