#include "nnsim/languages/machine_check.hpp"

#include "nnsim/languages/machine_code.hpp"
#include "nnsim/model/network_analysis.hpp"

namespace nnsim {

machine_check_report check_compiled_machine(const turing_machine& machine, std::size_t max_length,
                                            const recognition_options& options,
                                            const std::function<void(std::uint64_t, std::uint64_t)>& progress,
                                            const shard& part) {
  machine_check_report report;
  report.states = machine.state_count();
  report.symbols = machine.symbol_count();
  report.max_length = max_length;
  const network net = compile_machine(machine);
  const network_summary summary = analyze(net);
  report.neurons = summary.neurons;
  report.edges = summary.edges;
  const language_expectation expectation = machine_expectation(machine, options.limits.max_steps);
  const machine_code code(machine);
  report.words = code.is_plain() ? count_words_up_to(max_length) : code.count_words_up_to(max_length);
  const std::function<std::string(std::uint64_t)> word_at =
      code.is_plain() ? std::function<std::string(std::uint64_t)>(shortlex_word)
                      : [&code](std::uint64_t i) { return code.encode(code.shortlex_word(i)); };
  const std::uint64_t shard_words = part.items_of(report.words);
  const word_source words{shard_words, [&](std::uint64_t j) { return word_at(part.item_at(j)); }};
  std::vector<recognized_word> mismatched;
  report.recognition = recognize_each(net, words, options, &expectation,
                                      [&](std::uint64_t j, recognized_word&& entry) {
                                        if (entry.mismatch) {
                                          mismatched.push_back(std::move(entry));
                                          report.mismatched_items.push_back(part.item_at(j));
                                        }
                                        if (progress) progress(j + 1, shard_words);
                                      });
  report.recognition.words = std::move(mismatched);
  return report;
}

}  // namespace nnsim
