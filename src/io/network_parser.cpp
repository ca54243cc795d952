// The `.nn` loader: a recursive-descent parser without recursion (the grammar
// has no nesting beyond `ACT( NORM( ... ) )`), so no input can exhaust the
// stack.  Statements are checked as they are read where a check needs only
// what came before (duplicates, reserved words, syntax); the checks that
// allow forward references (undefined neurons, rule neurons without equation,
// init on an input, `rule layered` on a cycle) run once the whole file is
// read, and the one that comes first in the file is reported.
//
// Grammar corners, decided strictly (anything else is a located error that
// quotes the token where the text stops making sense):
// - A term of an affine sum is exactly one of `c`, `x`, `c x`, `c * x`,
//   `x / c` (c an unsigned number, `3/4` being one number).  So `2 * 3 x`,
//   `2 3`, `x * 2`, `2 x / 4`, `x / y` and `- - x` are errors, and so is
//   `x/4/2` (or `x / 3/4`): the divisor may not be a fraction, because the
//   lexer reads `4/2` as one number and x/(4/2) is not what it looks like.
// - A sign joins terms; only the first term may carry one more (`-x + 1`).
// - A distance potential is `[c ±] [s [*]] NORM(ARG, ...)` where the first
//   of the two may carry a sign, like any first term: `-2 dist(x)` has offset
//   0 and scale -2.  The constant must come before the norm; a norm cannot be
//   mixed with neuron terms, and there is one norm at most.
// - A norm argument is `x`, `x + c` or `x - c`; `x - 1/2` has centre 1/2.
// - `logistic[λ]` takes one signed number; `logistic` alone means λ = 1.
// - Every number stored keeps within max_number_digits (rational.hpp): a
//   literal (checked by the lexer), and the sums the loader forms, the bias
//   of several constant terms and the coefficient of a neuron named several
//   times, each checked at the term that makes it too large.  So the written
//   form of a loaded network always loads again.
// - `rule random seed S` takes S as plain decimal digits (no sign, fraction
//   or exponent) in 0 .. 2^64-1.
// - A schedule has at least one set; a set may be empty (`{}`) but may not
//   name a neuron twice.
// - The network name is any identifier, reserved words included (it is never
//   a neuron); neuron names may not be reserved words.
// - An empty list after `input`, `output` is an error (leave the statement
//   out instead); `rule sequential` without names means all equations in file
//   order.
#include "nnsim/io/network_parser.hpp"

#include "io/network_lexer.hpp"
#include "nnsim/io/text_file.hpp"
#include "nnsim/model/network_analysis.hpp"
#include "nnsim/model/rule_checks.hpp"
#include "nnsim/model/vocabulary.hpp"
#include "nnsim/numbers/real_rounding.hpp"
#include "support/spelling_suggestion.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace nnsim {
namespace {

bool is_sign(const token& t) { return t.kind == token_kind::plus || t.kind == token_kind::minus; }

// A number where the format takes one: a literal, or a constant's name.  For
// an irrational constant `value` is 0 and `use` is the value.
struct written_number {
  rational value;
  constant_use use;
  token where;

  void negate() {
    mpq_neg(value.backend().data(), value.backend().data());
    if (use) use.negated = !use.negated;
  }
};

// A violation found after the whole file is read.
struct deferred_error {
  text_location where;
  std::string message;
};

class parser {
 public:
  parser(std::string_view text, network& net) : lexer_(text, net), net_(net) { advance(); }

  void parse_file() {
    while (true) {
      if (tok_.kind == token_kind::end_of_line) {
        advance();
        continue;
      }
      if (tok_.kind == token_kind::end_of_file) break;
      if (tok_.kind != token_kind::identifier) {
        fail_at(tok_, fmt::format("expected a statement or an equation, found {}", describe(tok_)));
      }
      const token head = take();
      if (tok_.kind == token_kind::equals && is_reserved_word(head.text)) {
        fail_at(head, fmt::format("'{}' is a reserved word and cannot be a neuron name", head.text));
      }
      if (head.text == "network") {
        parse_network_statement(head);
      } else if (head.text == "input") {
        parse_input(head);
      } else if (head.text == "output") {
        parse_output(head);
      } else if (head.text == "rule") {
        parse_rule(head);
      } else if (head.text == "init") {
        parse_init();
      } else if (head.text == "const") {
        parse_const();
      } else {
        parse_equation(head);
      }
      any_statement_ = true;
    }
    check_whole_network();
  }

 private:
  // --- tokens -------------------------------------------------------------

  void advance() { tok_ = lexer_.next(); }

  token take() {
    token t = std::move(tok_);
    advance();
    return t;
  }

  [[noreturn]] void fail_at(text_location where, const std::string& message) const {
    throw located_error(net_, where, message);
  }
  [[noreturn]] void fail_at(const token& t, const std::string& message) const { fail_at(t.where, message); }

  // "expected WHAT, found TOKEN" at the current token; when the text ends
  // inside brackets, the open bracket is what is wrong and is pointed at.
  [[noreturn]] void fail_expected(std::string_view what, const token* open_bracket = nullptr) const {
    if (open_bracket != nullptr && tok_.kind == token_kind::end_of_file) {
      const char close = open_bracket->kind == token_kind::left_paren   ? ')'
                         : open_bracket->kind == token_kind::left_brace ? '}'
                                                                        : ']';
      fail_at(*open_bracket, fmt::format("missing '{}' to close this '{}'", close, open_bracket->text));
    }
    fail_at(tok_, fmt::format("expected {}, found {}", what, describe(tok_)));
  }

  token expect(token_kind kind, std::string_view what, const token* open_bracket = nullptr) {
    if (tok_.kind != kind) fail_expected(what, open_bracket);
    return take();
  }

  // The end of a statement: a line break (consumed) or the end of the file.
  void expect_end(std::string_view what = "end of line") {
    if (tok_.kind == token_kind::end_of_line) {
      advance();
    } else if (tok_.kind != token_kind::end_of_file) {
      fail_expected(what);
    }
  }

  // A neuron named by `t`: reserved words and constants refused, new names
  // get the next id.
  neuron_id neuron_named(const token& t) {
    if (is_reserved_word(t.text)) {
      fail_at(t, fmt::format("'{}' is a reserved word and cannot be a neuron name", t.text));
    }
    if (const real_constant_ptr c = net_.find_constant(t.text)) {
      fail_at(t, fmt::format("'{}' is a constant (line {}), not a neuron", shorten(t.text), c->line));
    }
    return net_.intern(t.text, t.where);
  }

  token expect_neuron_name(std::string_view what, const token* open_bracket = nullptr) {
    return expect(token_kind::identifier, what, open_bracket);
  }

  // --- statements ---------------------------------------------------------

  // The statement may come only once; `first_line` remembers where it was.
  void once(const token& head, std::optional<std::uint32_t>& first_line) {
    if (first_line) {
      fail_at(head, fmt::format("duplicate '{}' statement (the first is on line {})", head.text, *first_line));
    }
    first_line = head.where.line;
  }

  void parse_network_statement(const token& head) {
    once(head, network_line_);
    if (any_statement_) fail_at(head, "'network' must be the first statement");
    const token name = expect(token_kind::identifier, "a network name after 'network'");
    net_.name = std::string(name.text);
    expect_end();
  }

  // `A, B, ...` with at least one name; `check` sees each name.
  template <typename Check>
  void parse_name_list(const token& head, Check check) {
    token name = expect_neuron_name(fmt::format("a neuron name after '{}'", head.text));
    check(name, neuron_named(name));
    while (tok_.kind == token_kind::comma) {
      advance();
      name = expect_neuron_name("a neuron name after ','");
      check(name, neuron_named(name));
    }
    expect_end("',' or end of line");
  }

  void parse_input(const token& head) {
    once(head, input_line_);
    parse_name_list(head, [&](const token& name, neuron_id id) {
      if (net_.at(id).is_input) {
        fail_at(name, fmt::format("neuron '{}' is listed twice in 'input'", shorten(name.text)));
      }
      net_.at(id).is_input = true;
      net_.inputs.push_back(id);
    });
  }

  void parse_output(const token& head) {
    once(head, output_line_);
    std::unordered_set<std::size_t> listed;
    parse_name_list(head, [&](const token& name, neuron_id id) {
      if (!listed.insert(index(id)).second) {
        fail_at(name, fmt::format("neuron '{}' is listed twice in 'output'", shorten(name.text)));
      }
      net_.outputs.push_back(id);
    });
  }

  void parse_rule(const token& head) {
    once(head, rule_line_);
    net_.rule_given = true;
    net_.rule_location = head.where;
    if (tok_.kind != token_kind::identifier) {
      fail_expected(fmt::format("a rule after 'rule' ({})", rule_file_alternatives()));
    }
    const token kind = take();
    const rule_word* word = rule_named(kind.text, rule_syntax::file);
    if (word == nullptr) {
      const std::string hint = did_you_mean(kind.text, names_of(rule_words));
      fail_at(kind, hint.empty() ? fmt::format("unknown rule '{}' (expected {})", shorten(kind.text),
                                               rule_file_alternatives())
                                 : fmt::format("unknown rule '{}'{}", shorten(kind.text), hint));
    }
    rule_spec& rule = net_.rule;
    rule.kind = word->value;
    if (rule.kind == rule_kind::layered) {
      layered_location_ = kind.where;
    } else if (rule.kind == rule_kind::sequential) {
      if (tok_.kind != token_kind::end_of_line && tok_.kind != token_kind::end_of_file) {
        rule.explicit_order = true;
        sequential_order_check listed;
        parse_name_list(kind, [&](const token& name, neuron_id id) {
          if (!listed.add(id)) fail_at(name, sequential_order_check::repeated(name.text));
          rule.order.push_back(id);
          rule_neurons_.push_back({id, name.where});
        });
        return;
      }
    } else if (word->takes_seed) {
      if (tok_.kind == token_kind::identifier && tok_.text == seed_keyword) {
        advance();
        rule.seed = parse_seed_token();
      } else {
        expect_end(fmt::format("'{}' or end of line", seed_keyword));
        return;
      }
    } else if (rule.kind == rule_kind::schedule) {
      parse_schedule_sets();
      return;
    }
    expect_end();
  }

  std::uint64_t parse_seed_token() {
    const std::string what = fmt::format("the seed, {}", seed_range);
    if (tok_.kind != token_kind::number) fail_expected(what);
    const std::optional<std::uint64_t> seed = parse_seed(tok_.text);
    if (!seed) fail_expected(what);
    advance();
    return *seed;
  }

  // `{a, b}, {c}, {}`
  void parse_schedule_sets() {
    rule_spec& rule = net_.rule;
    token open = expect(token_kind::left_brace, "'{' after 'schedule'");
    while (true) {
      std::vector<neuron_id>& set = rule.sets.emplace_back();
      std::unordered_set<std::size_t> listed;
      if (tok_.kind == token_kind::right_brace) {
        advance();
      } else {
        token name = expect_neuron_name("a neuron name or '}'", &open);
        while (true) {
          const neuron_id id = neuron_named(name);
          if (!listed.insert(index(id)).second) {
            fail_at(name, fmt::format("neuron '{}' appears twice in the same schedule set", shorten(name.text)));
          }
          set.push_back(id);
          rule_neurons_.push_back({id, name.where});
          if (tok_.kind == token_kind::right_brace) {
            advance();
            break;
          }
          if (tok_.kind != token_kind::comma) fail_expected("',' or '}'", &open);
          advance();
          name = expect_neuron_name("a neuron name after ','", &open);
        }
      }
      if (tok_.kind != token_kind::comma) break;
      advance();
      open = expect(token_kind::left_brace, "'{' after ','");
    }
    expect_end("',' or end of line");
  }

  void parse_init() {
    const token name = expect_neuron_name("a neuron name after 'init'");
    const neuron_id id = neuron_named(name);
    neuron& n = net_.at(id);
    if (n.init) {
      fail_at(name,
              fmt::format("neuron '{}' already has an init value (line {})", shorten(name.text), n.init_location.line));
    }
    expect(token_kind::equals, fmt::format("'=' after 'init {}'", shorten(name.text)));
    written_number value = parse_signed_value("a value after '='");
    net_.at(id).init = std::move(value.value);
    net_.at(id).init_constant = std::move(value.use);
    net_.at(id).init_location = name.where;
    expect_end();
  }

  // Whether the current token is a number or a constant's name.
  bool at_number() const {
    return tok_.kind == token_kind::number ||
           (tok_.kind == token_kind::identifier && net_.find_constant(tok_.text) != nullptr);
  }

  // A number or a constant's name (the current token, which at_number()).
  written_number take_number() {
    written_number n;
    n.where = take();
    if (n.where.kind == token_kind::number) {
      n.value = std::move(*n.where.value);  // the token's text and place are what is kept of it
    } else {
      n.use.constant = net_.find_constant(n.where.text);
      if (n.use.constant->is_rational()) n.value = *n.use.constant->value();
    }
    return n;
  }

  // [+-] NUMBER or [+-] CONSTANT, for init values and the logistic parameter.
  written_number parse_signed_value(std::string_view what, const token* open_bracket = nullptr) {
    bool negative = false;
    if (is_sign(tok_)) {
      negative = tok_.kind == token_kind::minus;
      const token sign = take();
      if (!at_number()) fail_expected(fmt::format("a number after '{}'", sign.text), open_bracket);
    }
    if (!at_number()) fail_expected(what, open_bracket);
    written_number n = take_number();
    if (negative) n.negate();
    return n;
  }

  // `const NAME = EXPR`: the expression is the rest of the line.
  void parse_const() {
    const token name = expect(token_kind::identifier, "a constant name after 'const'");
    if (is_reserved_word(name.text)) {
      fail_at(name, fmt::format("'{}' is a reserved word and cannot be a constant name", name.text));
    }
    if (const real_constant_ptr c = net_.find_constant(name.text)) {
      fail_at(name, fmt::format("constant '{}' is already defined (line {})", shorten(name.text), c->line));
    }
    if (const auto id = net_.find(name.text)) {
      fail_at(name, fmt::format("'{}' is already a neuron (line {})", shorten(name.text), net_.at(*id).first_seen.line));
    }
    if (tok_.kind != token_kind::equals) fail_expected(fmt::format("'=' after 'const {}'", shorten(name.text)));
    text_location start;
    const std::string_view text = lexer_.rest_of_line(start);
    const auto at_offset = [&](std::size_t offset) {
      return text_location{start.line, static_cast<std::uint32_t>(start.column + offset)};
    };
    auto constant = std::make_shared<real_constant>();
    constant->name = std::string(name.text);
    constant->sequence = net_.constants.size();
    constant->line = name.where.line;
    constant->column = name.where.column;
    try {
      if (text.find_first_not_of(" \t") == std::string_view::npos) {
        throw expression_error("expected an expression after '='", text.size());
      }
      constant->expression = parse_real_expression(text, [&](std::string_view word, std::size_t offset) {
        if (const auto id = net_.find(word)) {
          throw expression_error(fmt::format("'{}' is a neuron; a constant is built from numbers and earlier constants",
                                             shorten(word)),
                                 offset);
        }
        return net_.find_constant(word);
      });
      check_enclosure(*constant->expression);
    } catch (const expression_error& error) {
      fail_at(at_offset(error.offset()), error.what());
    }
    net_.constants.push_back(std::move(constant));
    advance();
    expect_end();
  }

  void parse_equation(const token& target) {
    if (tok_.kind != token_kind::equals) {
      if (!is_reserved_word(target.text)) {
        const std::string hint = did_you_mean(target.text, statement_words());
        if (!hint.empty()) fail_at(target, fmt::format("unknown statement '{}'{}", shorten(target.text), hint));
      }
    }
    const neuron_id id = neuron_named(target);
    if (tok_.kind != token_kind::equals) fail_expected(fmt::format("'=' after '{}'", shorten(target.text)));
    if (const equation* existing = net_.equation_of(id)) {
      fail_at(target, fmt::format("neuron '{}' already has an equation (line {})", shorten(target.text),
                                  existing->location.line));
    }
    advance();

    equation e;
    e.target = id;
    e.location = target.where;
    if (tok_.kind != token_kind::identifier) fail_expected("an activation function after '='");
    const token act = take();
    if (auto a = activation_from_name(act.text)) {
      e.act = *a;
    } else if (norm_from_name(act.text)) {
      fail_at(act, fmt::format("'{}' is a norm, not an activation function", act.text));
    } else {
      fail_at(act, fmt::format("unknown activation '{}'{}", shorten(act.text), activation_suggestion(act.text)));
    }
    if (e.act == activation::logistic && tok_.kind == token_kind::left_bracket) {
      const token open = take();
      written_number lambda = parse_signed_value("a value after '['", &open);
      e.logistic_lambda = std::move(lambda.value);
      e.lambda_constant = std::move(lambda.use);
      expect(token_kind::right_bracket, "']'", &open);
    }
    const std::string after_act =
        e.act == activation::logistic ? "'(' or '[' after 'logistic'" : fmt::format("'(' after '{}'", act.text);
    const token open = expect(token_kind::left_paren, after_act);
    parse_potential(e, open);
    expect_end();

    net_.at(id).equation = net_.equations.size();
    net_.equations.push_back(std::move(e));
  }

  // --- potentials ---------------------------------------------------------

  // POTENTIAL ')' : an affine sum or a distance (see the grammar corners at
  // the top of the file).  Consumes the closing parenthesis.
  void parse_potential(equation& e, const token& open) {
    // Where a neuron's term is in e.inputs: found by a scan while the sum is
    // short (most are, and a scan allocates nothing), by a table once it is long.
    std::unordered_map<std::size_t, std::size_t> position;  // neuron index -> its term in e.inputs
    constexpr std::size_t longest_scanned_sum = 16;
    const auto term_of = [&](neuron_id source) -> std::optional<std::size_t> {
      if (e.inputs.size() <= longest_scanned_sum) {
        for (std::size_t k = 0; k < e.inputs.size(); ++k) {
          if (e.inputs[k].source == source) return k;
        }
        return std::nullopt;
      }
      if (position.empty()) {
        for (std::size_t k = 0; k < e.inputs.size(); ++k) position.emplace(index(e.inputs[k].source), k);
      }
      const auto found = position.find(index(source));
      if (found == position.end()) return std::nullopt;
      return found->second;
    };
    std::size_t constants = 0;
    bool has_neuron = false;
    std::optional<std::string> norm_name;  // the norm, once one was read

    bool negative = false;
    if (is_sign(tok_)) negative = take().kind == token_kind::minus;
    while (true) {
      // One term: c | x | c x | c * x | x / c | [c [*]] NORM(...), where c is
      // a number or a constant's name.
      std::optional<written_number> coefficient;
      if (at_number()) {
        coefficient = take_number();
        if (tok_.kind == token_kind::star) {
          advance();
          if (tok_.kind != token_kind::identifier) fail_expected("a neuron name after '*'", &open);
        }
      } else if (tok_.kind != token_kind::identifier) {
        fail_expected("a number or a neuron name", &open);
      }

      if (tok_.kind == token_kind::identifier) {
        const token name = take();
        written_number weight;
        if (coefficient) {
          weight = std::move(*coefficient);
        } else {
          weight.value = 1;
        }
        if (negative) weight.negate();
        if (auto norm = norm_from_name(name.text)) {
          if (norm_name) fail_at(name, "only one norm is allowed in a potential");
          if (has_neuron) {
            fail_at(name, fmt::format("cannot mix '{}(...)' with neuron terms in one potential", shorten(name.text)));
          }
          if (constants > 1) fail_at(name, "a distance potential has at most one constant, before the norm");
          e.kind = potential_kind::distance;
          e.norm = *norm;
          e.offset = e.bias;
          e.bias = 0;
          e.offset_constant = std::move(e.bias_constant);
          e.bias_constant = {};
          e.scale = std::move(weight.value);
          e.scale_constant = std::move(weight.use);
          norm_name = std::string(name.text);
          parse_norm_arguments(e, name);
        } else {
          if (activation_from_name(name.text)) {
            fail_at(name, fmt::format("activation '{}' cannot be used inside a potential", shorten(name.text)));
          }
          if (tok_.kind == token_kind::left_paren && (!is_reserved_word(name.text) || is_expression_word(name.text))) {
            // max(ξ, 0) is an activation, so it cannot be part of a potential.
            const std::string hint =
                name.text == "max" ? "; max(ξ, 0) is the activation relu(ξ), which applies to a whole potential: "
                                     "N = relu(ξ)"
                                   : did_you_mean(name.text, names_of(norm_words));
            fail_at(name, fmt::format("unknown norm '{}'{}", shorten(name.text), hint));
          }
          const neuron_id source = neuron_named(name);
          if (norm_name) {
            fail_at(name, fmt::format("cannot mix neuron '{}' with '{}(...)' in one potential", shorten(name.text),
                                      *norm_name));
          }
          if (!coefficient && tok_.kind == token_kind::slash) {
            advance();
            if (!at_number()) fail_expected("a number after '/'", &open);
            const written_number divisor = take_number();
            // `x/4/2` would read as x/(4/2), not as x/8; both readings are
            // plausible, so neither is taken.
            if (divisor.where.kind == token_kind::number && divisor.where.text.find('/') != std::string_view::npos) {
              fail_at(divisor.where,
                      fmt::format("cannot divide by the fraction '{}'; write a coefficient in front of '{}' instead",
                                  shorten(divisor.where.text), shorten(name.text)));
            }
            if (!divisor.use.is_irrational() && divisor.value == 0) {
              fail_at(divisor.where,
                      fmt::format("division by zero in '{}/{}'", shorten(name.text), shorten(divisor.where.text)));
            }
            if (divisor.use) {
              weight.use = divisor.use;
              weight.use.reciprocal = true;
              weight.use.negated = negative;
            }
            if (!divisor.use.is_irrational()) weight.value /= divisor.value;
          }
          has_neuron = true;
          if (const auto existing = term_of(source); !existing) {
            if (!position.empty()) position.emplace(index(source), e.inputs.size());
            e.inputs.push_back({source, std::move(weight.value), std::move(weight.use)});
          } else {
            weighted_input& term = e.inputs[*existing];
            if (term.weight_constant.is_irrational() || weight.use.is_irrational()) {
              fail_at(name, fmt::format("neuron '{}' is named twice in one potential with an irrational coefficient; "
                                        "define a constant for the sum of its coefficients",
                                        shorten(name.text)));
            }
            term.weight_constant = {};  // the sum is written as a number
            rational& sum = term.weight;
            sum += weight.value;
            if (auto too_large = number_size_problem(sum)) {
              fail_at(name, fmt::format("the coefficients of '{}' add up to a number that is too large: {}",
                                        shorten(name.text), *too_large));
            }
          }
        }
      } else {
        const token& number = coefficient->where;
        if (norm_name) {
          fail_at(number, fmt::format("the constant of a distance potential must come before '{}'", *norm_name));
        }
        ++constants;
        if (negative) coefficient->negate();
        if (constants > 1 && (e.bias_constant.is_irrational() || coefficient->use.is_irrational())) {
          fail_at(number, "an irrational constant cannot be added to another constant term; define a constant for "
                          "the sum");
        }
        if (constants == 1) {
          e.bias_constant = std::move(coefficient->use);
        } else {
          e.bias_constant = {};  // the sum is written as a number
        }
        e.bias += coefficient->value;
        if (auto too_large = number_size_problem(e.bias)) {
          fail_at(number, fmt::format("the constant terms add up to a number that is too large: {}", *too_large));
        }
      }

      if (tok_.kind == token_kind::right_paren) {
        advance();
        return;
      }
      if (!is_sign(tok_)) fail_expected("'+', '-' or ')'", &open);
      negative = take().kind == token_kind::minus;
    }
  }

  // '(' ARG, ... ')' after a norm name; ARG is `x`, `x + c` or `x - c`.
  void parse_norm_arguments(equation& e, const token& norm) {
    const token open = expect(token_kind::left_paren, fmt::format("'(' after '{}'", norm.text));
    while (true) {
      const token name = expect_neuron_name("a neuron name", &open);
      const neuron_id source = neuron_named(name);
      written_number centre;
      if (is_sign(tok_)) {
        const token sign = take();
        if (!at_number()) fail_expected(fmt::format("a number after '{}'", sign.text), &open);
        // y - c has centre c; y + c has centre -c.
        centre = take_number();
        if (sign.kind == token_kind::plus) centre.negate();
      }
      e.arguments.push_back({source, std::move(centre.value), std::move(centre.use)});
      if (tok_.kind == token_kind::right_paren) {
        advance();
        return;
      }
      if (tok_.kind != token_kind::comma) fail_expected("',' or ')'", &open);
      advance();
    }
  }

  // --- the checks that need the whole file --------------------------------

  void check_whole_network() {
    std::vector<deferred_error> errors;
    for (const neuron& n : net_.neurons) {
      if (!n.is_input && !n.equation && !n.init) {
        errors.push_back(
            {n.first_seen, fmt::format("undefined neuron '{}': it is not an input and has no equation or init value",
                                       shorten(n.name))});
      }
      if (n.is_input && n.init) {
        errors.push_back(
            {n.init_location, fmt::format("input neuron '{}' cannot have an init value", shorten(n.name))});
      }
    }
    for (const auto& [id, where] : rule_neurons_) {
      const neuron& n = net_.at(id);
      // An undefined neuron is reported as such, at its first use.
      if (!n.equation && (n.is_input || n.init)) {
        errors.push_back({where, fmt::format("rule names neuron '{}', which has no equation", shorten(n.name))});
      }
    }
    if (net_.rule.kind == rule_kind::layered) {
      if (auto problem = layered_rule_problem(net_)) errors.push_back({layered_location_, std::move(*problem)});
    }
    if (errors.empty()) return;
    const auto first =
        std::min_element(errors.begin(), errors.end(), [](const deferred_error& a, const deferred_error& b) {
          return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
        });
    fail_at(first->where, first->message);
  }

  network_lexer lexer_;
  network& net_;
  token tok_;  // the current token, not yet consumed
  bool any_statement_ = false;
  std::optional<std::uint32_t> network_line_, input_line_, output_line_, rule_line_;
  text_location layered_location_;
  std::vector<std::pair<neuron_id, text_location>> rule_neurons_;  // each neuron named by the rule, where
};

}  // namespace

network parse_network(std::string_view text, const std::string& source_name) {
  network net;
  net.source_name = source_name;
  net.source_lines = split_lines(text);
  parser(text, net).parse_file();
  return net;
}

network load_network_file(const std::string& path) {
  return parse_network(read_text_file(path), path == "-" ? std::string("<stdin>") : path);
}

}  // namespace nnsim
