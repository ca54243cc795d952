// The exact-arithmetic floor: the plainest loop on raw GMP `mpq_t` that runs a
// `.nn` network under the parallel rule, to measure nnsim's rational mode
// against (docs/performance.md, "Against the floor").  It shares no code with
// nnsim: its own small reader, its own arrays, every equation evaluated in
// every step from y(t) into y(t+1), one mpq_mul and one mpq_add per edge --
// except the two shortcuts anyone writing this loop by hand takes on a `sat`
// network, where most values are 0 or 1: a term whose source is 0 is skipped,
// and for a source 1 the weight is added without a product.  `--plain` turns
// them off.
//
//   build/bench/nnsim_gmp_floor FILE --steps S [--input V1,...] [--state OUT] [--plain]
//
// It reads only what the benchmark generators and `nnsim build machine` write:
// `network`, `input`, `output`, `rule parallel`, `init N = VALUE` and equations
// `N = sat(AFFINE SUM)` whose terms are `c`, `c x`, `c*x`, `x` or `x/c`, with
// integer, fraction or decimal literals.  Anything else is rejected as
// FILE:LINE:COL: error: ... with exit code 2.  Loading and stepping are timed
// apart, in CPU time of the process (the machine may be shared).

#include <gmp.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

struct located_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// An mpq_t that frees itself; the arrays below hold these.
struct rational {
  mpq_t value;
  rational() { mpq_init(value); }
  rational(const rational& other) {
    mpq_init(value);
    mpq_set(value, other.value);
  }
  rational& operator=(const rational& other) {
    mpq_set(value, other.value);
    return *this;
  }
  ~rational() { mpq_clear(value); }
};

// The network as flat arrays: equation e sets neuron target[e] to
// sat(bias[e] + sum of weight[k] * y[source[k]] for k in first_term[e] .. first_term[e + 1]).
struct flat_network {
  std::vector<std::string> names;
  std::vector<bool> defined;
  std::vector<int> inputs;
  std::vector<std::pair<int, rational>> inits;
  std::vector<int> target;
  std::vector<rational> bias;
  std::vector<std::size_t> first_term{0};
  std::vector<int> source;
  std::vector<rational> weight;
};

// A reader of the subset above.  Line breaks inside ( ) are white space, as in
// the format; `#` starts a comment.
class reader {
 public:
  reader(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}

  flat_network read() {
    std::vector<int> has_equation;
    std::vector<std::pair<std::size_t, std::pair<int, int>>> first_use;  // neuron, line, column
    while (true) {
      skip_blank(false);
      if (at_end()) break;
      if (peek() == '\n') {
        advance();
        continue;
      }
      const int line = line_, column = column_;
      const std::string word = identifier("a statement");
      if (word == "network") {
        identifier("a network name");
      } else if (word == "input" || word == "output") {
        do {
          skip_blank(false);
          const int name_line = line_, name_column = column_;
          const int neuron = neuron_index(identifier("a neuron name"));
          if (word == "input") {
            net_.inputs.push_back(neuron);
            net_.defined[static_cast<std::size_t>(neuron)] = true;
          } else {
            note_use(neuron, name_line, name_column);
          }
          skip_blank(false);
        } while (accept(','));
      } else if (word == "rule") {
        skip_blank(false);
        const int rule_line = line_, rule_column = column_;
        if (identifier("a rule") != "parallel")
          fail(rule_line, rule_column, "only 'rule parallel' is read by this floor");
      } else if (word == "init") {
        const int neuron = neuron_index(identifier("a neuron name"));
        expect('=');
        rational value;
        signed_number(value.value);
        net_.defined[static_cast<std::size_t>(neuron)] = true;
        net_.inits.emplace_back(neuron, value);
      } else {
        const int neuron = neuron_index(word);
        if (has_equation.size() < net_.names.size()) has_equation.resize(net_.names.size(), 0);
        if (has_equation[static_cast<std::size_t>(neuron)]) fail(line, column, "second equation for '" + word + "'");
        has_equation[static_cast<std::size_t>(neuron)] = 1;
        net_.defined[static_cast<std::size_t>(neuron)] = true;
        expect('=');
        skip_blank(false);
        const int activation_line = line_, activation_column = column_;
        if (identifier("an activation") != "sat")
          fail(activation_line, activation_column, "only 'sat' equations are read by this floor");
        expect('(');
        ++depth_;
        equation(neuron);
        expect(')');
        --depth_;
      }
      skip_blank(false);
      if (!at_end() && peek() != '\n') fail(line_, column_, std::string("unexpected '") + peek() + "'");
    }
    for (const auto& [neuron, place] : uses_)
      if (!net_.defined[neuron]) fail(place.first, place.second, "neuron '" + net_.names[neuron] + "' is not defined");
    return std::move(net_);
  }

 private:
  [[noreturn]] void fail(int line, int column, const std::string& message) const {
    throw located_error(path_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message);
  }
  bool at_end() const { return position_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[position_]; }
  void advance() {
    if (text_[position_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++position_;
  }
  // Spaces and comments; line breaks too inside parentheses.
  void skip_blank(bool newlines) {
    while (!at_end()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\r' || ((newlines || depth_ > 0) && c == '\n')) {
        advance();
      } else if (c == '#') {
        while (!at_end() && peek() != '\n') advance();
      } else {
        break;
      }
    }
  }
  bool accept(char c) {
    skip_blank(false);
    if (peek() != c) return false;
    advance();
    return true;
  }
  void expect(char c) {
    if (!accept(c)) fail(line_, column_, std::string("expected '") + c + "'");
  }
  static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  std::string identifier(const char* what) {
    skip_blank(false);
    if (!is_letter(peek())) fail(line_, column_, std::string("expected ") + what);
    const std::size_t start = position_;
    while (!at_end() && (is_letter(peek()) || is_digit(peek()) || peek() == '.')) advance();
    std::string name = text_.substr(start, position_ - start);
    if (name.back() == '.') fail(line_, column_ - static_cast<int>(name.size()), "identifier '" + name + "' ends in '.'");
    return name;
  }
  int neuron_index(const std::string& name) {
    const auto [it, inserted] = index_.try_emplace(name, static_cast<int>(net_.names.size()));
    if (inserted) {
      net_.names.push_back(name);
      net_.defined.push_back(false);
    }
    return it->second;
  }
  void note_use(int neuron, int line, int column) { uses_.try_emplace(static_cast<std::size_t>(neuron), line, column); }

  // An unsigned literal: 12, 3/4, 0.125, 1e-3, 2.5E+2.
  void number(mpq_t result) {
    skip_blank(false);
    const int line = line_, column = column_;
    if (!is_digit(peek())) fail(line, column, "expected a number");
    std::string digits;
    while (is_digit(peek())) {
      digits += peek();
      advance();
    }
    long exponent = 0;
    if (peek() == '.') {
      advance();
      if (!is_digit(peek())) fail(line_, column_, "digits required after '.'");
      while (is_digit(peek())) {
        digits += peek();
        --exponent;
        advance();
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      advance();
      bool negative = false;
      if (peek() == '+' || peek() == '-') {
        negative = peek() == '-';
        advance();
      }
      if (!is_digit(peek())) fail(line_, column_, "digits required in the exponent");
      long value = 0;
      while (is_digit(peek())) {
        if (value > 100000) fail(line, column, "exponent beyond 100000 (this floor reads only the benchmarks' literals)");
        value = value * 10 + (peek() - '0');
        advance();
      }
      exponent += negative ? -value : value;
    }
    if (is_letter(peek())) fail(line_, column_, "a number directly followed by a letter");
    mpz_t scale;
    mpz_init(scale);
    mpz_set_str(mpq_numref(result), digits.c_str(), 10);
    mpz_ui_pow_ui(scale, 10, static_cast<unsigned long>(exponent < 0 ? -exponent : exponent));
    if (exponent < 0) {
      mpz_set(mpq_denref(result), scale);
    } else {
      mpz_mul(mpq_numref(result), mpq_numref(result), scale);
      mpz_set_ui(mpq_denref(result), 1);
    }
    mpz_clear(scale);
    // A fraction 3/4: a '/' right after an integer literal followed by digits.
    if (exponent == 0 && peek() == '/') {
      const std::size_t saved_position = position_;
      const int saved_line = line_, saved_column = column_;
      advance();
      skip_blank(false);
      if (is_digit(peek())) {
        mpq_t denominator;
        mpq_init(denominator);
        number(denominator);
        if (mpq_sgn(denominator) == 0) fail(saved_line, saved_column, "denominator 0");
        mpq_div(result, result, denominator);
        mpq_clear(denominator);
      } else {
        position_ = saved_position;
        line_ = saved_line;
        column_ = saved_column;
      }
    }
    mpq_canonicalize(result);
  }
  void signed_number(mpq_t result) {
    skip_blank(false);
    bool negative = false;
    if (peek() == '+' || peek() == '-') {
      negative = peek() == '-';
      advance();
    }
    number(result);
    if (negative) mpq_neg(result, result);
  }

  // The affine sum of an equation, merged per source neuron (repeated terms
  // add up) and without zero weights, as nnsim counts its edges.
  void equation(int neuron) {
    rational bias;
    std::vector<std::pair<int, rational>> terms;
    mpq_t coefficient;
    mpq_init(coefficient);
    bool first = true;
    while (true) {
      skip_blank(false);
      bool negative = false;
      if (peek() == '+' || peek() == '-') {
        negative = peek() == '-';
        advance();
      } else if (!first) {
        break;
      }
      first = false;
      skip_blank(false);
      const int line = line_, column = column_;
      if (is_digit(peek())) {
        number(coefficient);
        skip_blank(false);
        const bool times = accept('*');
        skip_blank(false);
        if (is_letter(peek())) {
          const int use_line = line_, use_column = column_;
          const int source = neuron_index(identifier("a neuron name"));
          note_use(source, use_line, use_column);
          if (negative) mpq_neg(coefficient, coefficient);
          terms.emplace_back(source, rational());
          mpq_set(terms.back().second.value, coefficient);
        } else {
          if (times) fail(line_, column_, "expected a neuron name after '*'");
          if (negative) mpq_neg(coefficient, coefficient);
          mpq_add(bias.value, bias.value, coefficient);
        }
      } else if (is_letter(peek())) {
        const int source = neuron_index(identifier("a neuron name"));
        note_use(source, line, column);
        mpq_set_si(coefficient, negative ? -1 : 1, 1);
        if (accept('/')) {
          mpq_t divisor;
          mpq_init(divisor);
          skip_blank(false);
          const int divisor_line = line_, divisor_column = column_;
          number(divisor);
          if (mpq_sgn(divisor) == 0) fail(divisor_line, divisor_column, "division by 0");
          mpq_div(coefficient, coefficient, divisor);
          mpq_clear(divisor);
        }
        terms.emplace_back(source, rational());
        mpq_set(terms.back().second.value, coefficient);
      } else {
        fail(line, column, "expected a number or a neuron name (only affine sums are read by this floor)");
      }
    }
    mpq_clear(coefficient);
    std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    net_.target.push_back(neuron);
    net_.bias.push_back(bias);
    for (std::size_t k = 0; k < terms.size();) {
      std::size_t next = k + 1;
      while (next < terms.size() && terms[next].first == terms[k].first) {
        mpq_add(terms[k].second.value, terms[k].second.value, terms[next].second.value);
        ++next;
      }
      if (mpq_sgn(terms[k].second.value) != 0) {
        net_.source.push_back(terms[k].first);
        net_.weight.push_back(terms[k].second);
      }
      k = next;
    }
    net_.first_term.push_back(net_.source.size());
  }

  std::string path_;
  std::string text_;
  std::size_t position_ = 0;
  int line_ = 1, column_ = 1, depth_ = 0;
  flat_network net_;
  std::unordered_map<std::string, int> index_;
  std::unordered_map<std::size_t, std::pair<int, int>> uses_;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::fprintf(stderr, "nnsim_gmp_floor: error: %s\n"
                       "usage: nnsim_gmp_floor FILE --steps S [--input V1,...] [--state OUT] [--plain]\n",
               message.c_str());
  std::exit(2);
}

// A value given on the command line: [+-]p, [+-]p/q (p, q decimal integers).
void parse_input_value(const std::string& text, mpq_t result) {
  if (text.empty() || mpq_set_str(result, text.c_str() + (text[0] == '+' ? 1 : 0), 10) != 0 ||
      mpz_sgn(mpq_denref(result)) == 0)
    usage_error("--input: '" + text + "' is not an integer or a fraction p/q");
  mpq_canonicalize(result);
}

std::size_t bits_of(const mpq_t value) {
  return mpz_sizeinbase(mpq_numref(value), 2) + mpz_sizeinbase(mpq_denref(value), 2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path, input_text, state_path;
  long steps = -1;
  bool have_input = false;
  bool plain = false;
  for (int k = 1; k < argc; ++k) {
    const std::string argument = argv[k];
    auto value = [&]() -> std::string {
      if (k + 1 >= argc) usage_error(argument + " needs a value");
      return argv[++k];
    };
    if (argument == "--steps") {
      const std::string text = value();
      char* end = nullptr;
      steps = std::strtol(text.c_str(), &end, 10);
      if (text.empty() || *end != '\0' || steps < 0) usage_error("--steps: '" + text + "' is not a count");
    } else if (argument == "--input") {
      input_text = value();
      have_input = true;
    } else if (argument == "--plain") {
      plain = true;
    } else if (argument == "--state") {
      state_path = value();
    } else if (!argument.empty() && argument[0] == '-') {
      usage_error("unknown option '" + argument + "'");
    } else if (path.empty()) {
      path = argument;
    } else {
      usage_error("more than one file");
    }
  }
  if (path.empty()) usage_error("no file");
  if (steps < 0) usage_error("--steps is required");

  const double load_start = cpu_seconds();
  std::ifstream file(path, std::ios::binary);
  if (!file) usage_error("cannot read '" + path + "'");
  std::ostringstream contents;
  contents << file.rdbuf();
  flat_network net;
  try {
    net = reader(path, contents.str()).read();
  } catch (const located_error& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 2;
  }
  const std::size_t neurons = net.names.size();
  std::vector<rational> current(neurons), next(neurons);
  std::vector<std::string> input_values;
  if (have_input) {
    std::string item;
    std::istringstream items(input_text);
    while (std::getline(items, item, ',')) input_values.push_back(item);
  }
  if (input_values.size() != net.inputs.size())
    usage_error(std::to_string(net.inputs.size()) + " input values expected, " + std::to_string(input_values.size()) + " given");
  for (std::size_t k = 0; k < net.inputs.size(); ++k)
    parse_input_value(input_values[k], current[static_cast<std::size_t>(net.inputs[k])].value);
  for (const auto& [neuron, value] : net.inits) current[static_cast<std::size_t>(neuron)] = value;
  for (std::size_t v = 0; v < neurons; ++v) next[v] = current[v];
  const double load_seconds = cpu_seconds() - load_start;

  // The parallel rule: every equation on y(t), written into y(t+1).  A neuron
  // without an equation holds the same value in both arrays, so only the
  // targets are written; the finished sum is swapped in, not copied.
  const double step_start = cpu_seconds();
  mpq_t sum, product;
  mpq_init(sum);
  mpq_init(product);
  rational* old_values = current.data();
  rational* new_values = next.data();
  const std::size_t equations = net.target.size();
  for (long step = 0; step < steps; ++step) {
    for (std::size_t e = 0; e < equations; ++e) {
      mpq_set(sum, net.bias[e].value);
      for (std::size_t k = net.first_term[e]; k < net.first_term[e + 1]; ++k) {
        const mpq_srcptr value = old_values[net.source[k]].value;
        if (!plain) {
          // sat networks hold many 0s and 1s: no term for a 0, the weight itself for a 1.
          if (mpq_sgn(value) == 0) continue;
          if (mpz_cmp_ui(mpq_denref(value), 1) == 0 && mpz_cmp_ui(mpq_numref(value), 1) == 0) {
            mpq_add(sum, sum, net.weight[k].value);
            continue;
          }
        }
        mpq_mul(product, net.weight[k].value, value);
        mpq_add(sum, sum, product);
      }
      if (mpq_sgn(sum) < 0)
        mpq_set_ui(sum, 0, 1);
      else if (mpq_cmp_ui(sum, 1, 1) > 0)
        mpq_set_ui(sum, 1, 1);
      mpq_swap(new_values[net.target[e]].value, sum);
    }
    std::swap(old_values, new_values);
  }
  const double step_seconds = cpu_seconds() - step_start;
  mpq_clear(sum);
  mpq_clear(product);

  std::size_t largest_bits = 0;
  for (std::size_t v = 0; v < neurons; ++v) largest_bits = std::max(largest_bits, bits_of(old_values[v].value));
  const std::size_t edges = net.source.size();
  const double edge_updates = static_cast<double>(steps) * static_cast<double>(edges);
  std::printf("gmp_floor: neurons %zu edges %zu steps %ld load_cpu_s %.6f step_cpu_s %.6f ns_per_edge_update %.3f largest_bits %zu\n",
              neurons, edges, steps, load_seconds, step_seconds, edge_updates > 0 ? step_seconds * 1e9 / edge_updates : 0.0,
              largest_bits);
  if (!state_path.empty()) {
    std::FILE* out = std::fopen(state_path.c_str(), "w");
    if (!out) usage_error("cannot write '" + state_path + "'");
    for (std::size_t v = 0; v < neurons; ++v) {
      std::fputs(net.names[v].c_str(), out);
      std::fputc(' ', out);
      mpq_out_str(out, 10, old_values[v].value);
      std::fputc('\n', out);
    }
    std::fclose(out);
  }
  return 0;
}
