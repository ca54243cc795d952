#include "nnsim/languages/machine_code.hpp"

#include "languages/word_quoting.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace nnsim {

machine_code::machine_code(const turing_machine& machine) {
  for (std::uint32_t symbol : machine.input_alphabet()) symbols_.push_back(machine.symbols[symbol]);
  while ((std::size_t{1} << width_) < symbols_.size()) ++width_;
}

bool machine_code::is_plain() const {
  return width_ == 1 && symbols_.size() == 2 && symbols_[0] == '0' && symbols_[1] == '1';
}

std::string machine_code::encode(std::string_view tape_word) const {
  std::string binary;
  binary.reserve(tape_word.size() * width_);
  for (std::size_t i = 0; i < tape_word.size(); ++i) {
    std::size_t code = 0;
    while (code < symbols_.size() && symbols_[code] != tape_word[i]) ++code;
    if (code == symbols_.size()) {
      const std::string wanted = is_plain() ? "0 or 1" : fmt::format("an input symbol ({})", fmt::join(symbols_, " "));
      throw input_error(fmt::format("invalid word {}: {} at position {} is not {}", quoted_word(tape_word),
                                    quoted_character(tape_word, i), i + 1, wanted));
    }
    for (unsigned bit = width_; bit-- > 0;) binary.push_back(((code >> bit) & 1U) != 0 ? '1' : '0');
  }
  return binary;
}

std::string machine_code::decode(std::string_view binary_word) const {
  for (std::size_t i = 0; i < binary_word.size(); ++i) {
    if (binary_word[i] != '0' && binary_word[i] != '1') {
      throw input_error(fmt::format("invalid word {}: {} at position {} is not 0 or 1", quoted_word(binary_word),
                                    quoted_character(binary_word, i), i + 1));
    }
  }
  std::string tape_word;
  for (std::size_t start = 0; start + width_ <= binary_word.size(); start += width_) {
    std::size_t code = 0;
    for (unsigned bit = 0; bit < width_; ++bit) code = 2 * code + (binary_word[start + bit] == '1' ? 1 : 0);
    tape_word.push_back(code < symbols_.size() ? symbols_[code] : unassigned_cell);
  }
  return tape_word;
}

std::uint64_t machine_code::count_words_up_to(std::size_t max_length) const {
  constexpr std::uint64_t most = std::uint64_t{1} << 25;
  std::uint64_t total = 0;
  std::uint64_t of_length = 1;
  for (std::size_t length = 0; length <= max_length; ++length) {
    total += of_length;
    if (total > most) {
      throw input_error(fmt::format("too many words: the {} input symbols give more than {} words of length 0..{}",
                                    symbols_.size(), most, max_length));
    }
    of_length *= symbols_.size();
  }
  return total;
}

std::string machine_code::shortlex_word(std::uint64_t position) const {
  const std::uint64_t k = symbols_.size();
  std::size_t length = 0;
  std::uint64_t of_length = 1;
  while (position >= of_length) {
    position -= of_length;
    of_length *= k;
    ++length;
  }
  std::string word(length, symbols_.front());
  for (std::size_t i = length; i-- > 0;) {
    word[i] = symbols_[position % k];
    position /= k;
  }
  return word;
}

}  // namespace nnsim
