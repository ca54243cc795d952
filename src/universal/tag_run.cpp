// The direct run of a 2-tag system, with Brent's cycle detection as in the
// direct run of a Turing machine (src/languages/turing_machine.cpp): a tag
// system is deterministic, so a word that comes back proves an infinite run.
#include "nnsim/universal/tag_run.hpp"

#include "support/polynomial_hash.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nnsim {

std::string_view name_of(tag_outcome outcome) {
  switch (outcome) {
    case tag_outcome::halted: return "halted";
    case tag_outcome::runs_forever: return "runs-forever";
    case tag_outcome::undecided: return "undecided";
  }
  return "?";
}

std::string_view name_of(tag_stop_reason reason) {
  switch (reason) {
    case tag_stop_reason::halting_letter: return "halting-letter";
    case tag_stop_reason::too_short: return "too-short";
    case tag_stop_reason::repeated_word: return "repeated-word";
    case tag_stop_reason::step_limit: return "step-limit";
    case tag_stop_reason::length_limit: return "length-limit";
  }
  return "?";
}

namespace {

// The word as a queue in a ring buffer (a power-of-two capacity that only
// grows), with the hash
//     H = sum over the letters x_k of (x_k + 1) b^k   (mod 2^61 - 1),
// where k counts every letter ever appended, so that deleting the first
// letter and appending one each change H by one term.  H b^-first, first
// the position of the first letter, depends on the word alone: two equal
// words have equal relative hashes wherever they stand in their queues.
class hashed_word {
 public:
  explicit hashed_word(const tag_word& word) {
    std::size_t capacity = 16;
    while (capacity < word.size()) capacity *= 2;
    ring_.resize(capacity);
    for (const tag_letter letter : word) push_back(letter);
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  tag_letter front() const { return ring_[first_]; }
  tag_letter operator[](std::size_t i) const { return ring_[(first_ + i) & (ring_.size() - 1)]; }
  std::uint64_t relative_hash() const { return multiply_mod(hash_, first_inverse_power_); }

  void push_back(tag_letter letter) {
    if (size_ == ring_.size()) grow();
    ring_[(first_ + size_) & (ring_.size() - 1)] = letter;
    ++size_;
    hash_ = add_mod(hash_, multiply_mod(letter + std::uint64_t{1}, end_power_));
    end_power_ = multiply_mod(end_power_, hash_base);
  }

  void pop_front() {
    hash_ = subtract_mod(hash_, multiply_mod(ring_[first_] + std::uint64_t{1}, first_power_));
    first_power_ = multiply_mod(first_power_, hash_base);
    first_inverse_power_ = multiply_mod(first_inverse_power_, hash_base_inverse);
    first_ = (first_ + 1) & (ring_.size() - 1);
    --size_;
  }

  // Copies the letters into `out`, reusing its memory.
  void copy_to(tag_word& out) const {
    out.resize(size_);
    for (std::size_t i = 0; i < size_; ++i) out[i] = (*this)[i];
  }

  template <class Word>
  bool same_letters(const Word& other) const {
    if (other.size() != size_) return false;
    for (std::size_t i = 0; i < size_; ++i) {
      if ((*this)[i] != other[i]) return false;
    }
    return true;
  }

 private:
  void grow() {
    std::vector<tag_letter> larger(ring_.size() * 2);
    for (std::size_t i = 0; i < size_; ++i) larger[i] = (*this)[i];
    ring_.swap(larger);
    first_ = 0;
  }

  std::vector<tag_letter> ring_;
  std::size_t first_ = 0;
  std::size_t size_ = 0;
  std::uint64_t hash_ = 0;
  std::uint64_t first_power_ = 1;          // b^first
  std::uint64_t first_inverse_power_ = 1;  // b^-first
  std::uint64_t end_power_ = 1;            // b^(first + size)
};

// One running copy of the system.
class tag_walker {
 public:
  tag_walker(const tag_system& system, const tag_word& word) : system_(&system), word_(word) {}

  const hashed_word& word() const { return word_; }

  // Why the system halts on the current word, if it does.
  std::optional<tag_stop_reason> halts() const {
    if (word_.empty()) return tag_stop_reason::too_short;
    if (system_->halts_on(word_.front())) return tag_stop_reason::halting_letter;
    if (word_.size() < 2) return tag_stop_reason::too_short;
    return std::nullopt;
  }
  // The length of the word after the next step (the system must not halt).
  std::uint64_t next_length() const { return word_.size() - 2 + system_->productions[word_.front()]->size(); }

  void step() {
    const tag_word& production = *system_->productions[word_.front()];
    word_.pop_front();
    word_.pop_front();
    for (const tag_letter letter : production) word_.push_back(letter);
  }

  // Equal words: by length and hash first, then letter by letter.
  bool same_word(const hashed_word& other, std::uint64_t& comparisons) const {
    if (word_.size() != other.size() || word_.relative_hash() != other.relative_hash()) return false;
    ++comparisons;
    return word_.same_letters(other);
  }

 private:
  const tag_system* system_;
  hashed_word word_;
};

}  // namespace

tag_run run_tag_system(const tag_system& system, const tag_word& word, const tag_run_limits& limits,
                       const tag_observer& observer) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] >= system.letter_count()) {
      throw input_error(fmt::format("letter {} of the word is letter number {}, but the tag system has {} letters",
                                    i + 1, word[i], system.letter_count()));
    }
  }
  tag_run run;
  tag_walker hare(system, word);
  tag_word seen;  // the observer's copy of the word, its memory reused
  auto observe = [&](std::uint64_t t) {
    if (!observer) return;
    hare.word().copy_to(seen);
    observer(t, seen);
  };
  auto finish = [&](tag_outcome outcome, tag_stop_reason reason, std::uint64_t t) {
    run.outcome = outcome;
    run.reason = reason;
    run.steps = t;
    hare.word().copy_to(run.final_word);
    return run;
  };
  run.longest_word = word.size();
  observe(0);
  if (word.size() > limits.max_length) return finish(tag_outcome::undecided, tag_stop_reason::length_limit, 0);

  // Brent's algorithm: the hare runs ahead; the tortoise, a copy of the word,
  // jumps to the hare at powers of two.  A word that repeats gives the
  // period; a second pass finds where the cycle starts.  The copies at the
  // powers of two cost O(steps · longest production) in all.
  hashed_word tortoise(word);
  std::uint64_t power = 1;
  std::uint64_t lambda = 0;
  for (std::uint64_t t = 0;; ++t) {
    if (const auto reason = hare.halts()) return finish(tag_outcome::halted, *reason, t);
    if (t == limits.max_steps) return finish(tag_outcome::undecided, tag_stop_reason::step_limit, t);
    const std::uint64_t next_length = hare.next_length();
    if (next_length > limits.max_length) return finish(tag_outcome::undecided, tag_stop_reason::length_limit, t);
    hare.step();
    run.longest_word = std::max(run.longest_word, next_length);
    observe(t + 1);
    ++lambda;
    if (hare.same_word(tortoise, run.word_comparisons)) {
      // Period lambda; the cycle starts at the first mu with w_mu = w_(mu+lambda).
      tag_walker first(system, word);
      tag_walker second(system, word);
      for (std::uint64_t i = 0; i < lambda; ++i) second.step();
      std::uint64_t mu = 0;
      while (!first.same_word(second.word(), run.word_comparisons)) {
        first.step();
        second.step();
        ++mu;
      }
      run.cycle_start = mu;
      run.cycle_period = lambda;
      return finish(tag_outcome::runs_forever, tag_stop_reason::repeated_word, t + 1);
    }
    if (lambda == power) {
      tortoise = hare.word();
      power *= 2;
      lambda = 0;
    }
  }
}

}  // namespace nnsim
