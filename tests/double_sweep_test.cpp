// Double mode's sweep over the equations (src/run/double_sweep.hpp): a run
// on several threads is bit for bit the run on one, and both are the plain
// loop y(t + 1) = σ(ξ(y(t))) of semantics.md, section 3, written here
// independently, term by term in file order.  Tagged [simulator], so that
// CTest runs them again with a hash under which every state collides.
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/number_mode.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/support/error.hpp"
#include "run/sweep_thread_choice.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace nnsim;

namespace {

// n neurons, each with an equation reading `degree` random neurons: weighted
// sums under every activation, and now and then a distance under every
// norm.  Weights k/8 and initial values k/4 are exact in double.
network random_network(std::uint32_t seed, std::size_t n, std::size_t degree, bool bounded) {
  std::mt19937 random(seed);
  auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  network net;
  std::vector<neuron_id> ids;
  for (std::size_t v = 0; v < n; ++v) ids.push_back(net.intern(fmt::format("n{}", v)));
  const activation bounded_acts[] = {activation::step, activation::sign, activation::sat, activation::logistic,
                                     activation::tanh};
  const activation all_acts[] = {activation::step, activation::sign,     activation::sat, activation::relu,
                                 activation::id,   activation::logistic, activation::tanh};
  for (std::size_t v = 0; v < n; ++v) {
    net.neurons[index(ids[v])].init = rational(pick(-4, 4), 4);
    const activation act = bounded ? bounded_acts[pick(0, 4)] : all_acts[pick(0, 6)];
    equation& e = net.add_equation(ids[v], act);
    if (act == activation::logistic) e.logistic_lambda = rational(pick(1, 8), 4);
    if (pick(0, 9) == 0) {
      e.kind = potential_kind::distance;
      e.norm = static_cast<norm_kind>(pick(0, 3));
      e.offset = rational(pick(-8, 8), 8);
      e.scale = rational(pick(-8, 8), 8);
      for (std::size_t k = 0; k < degree; ++k) {
        e.arguments.push_back({ids[static_cast<std::size_t>(pick(0, static_cast<int>(n) - 1))], rational(pick(-4, 4), 4)});
      }
    } else {
      e.bias = rational(pick(-8, 8), 8);
      for (std::size_t k = 0; k < degree; ++k) {
        const neuron_id source = ids[static_cast<std::size_t>(pick(0, static_cast<int>(n) - 1))];
        bool merged = false;  // a neuron read twice is one term with the sum of the weights
        for (auto& term : e.inputs) {
          if (term.source == source) {
            term.weight += rational(pick(-16, 16), 8);
            merged = true;
          }
        }
        if (!merged) e.inputs.push_back({source, rational(pick(-16, 16), 8)});
      }
    }
  }
  return net;
}

// The weights and values here are exact in double, so any conversion is right.
double to_double(const rational& q) { return q.convert_to<double>(); }

// σ(ξ(y)) of one equation, operation by operation as semantics.md writes it.
double evaluate(const equation& e, const std::vector<double>& y) {
  double xi = 0;
  if (e.kind == potential_kind::weighted_sum) {
    xi = to_double(e.bias);
    for (const auto& term : e.inputs) xi = xi + to_double(term.weight) * y[index(term.source)];
  } else {
    double norm = 0;
    for (const auto& argument : e.arguments) {
      const double d = y[index(argument.source)] - to_double(argument.centre);
      switch (e.norm) {
        case norm_kind::dist1: norm = norm + std::fabs(d); break;
        case norm_kind::distmax: norm = std::fabs(d) > norm ? std::fabs(d) : norm; break;
        case norm_kind::dist:
        case norm_kind::sqdist: norm = norm + d * d; break;
      }
    }
    if (e.norm == norm_kind::dist) norm = std::sqrt(norm);
    xi = to_double(e.offset) + to_double(e.scale) * norm;
  }
  switch (e.act) {
    case activation::step: return xi >= 0 ? 1 : 0;
    case activation::sign: return xi >= 0 ? 1 : -1;
    case activation::sat: return xi < 0 ? 0 : xi > 1 ? 1 : xi;
    case activation::relu: return xi < 0 ? 0 : xi;
    case activation::id: return xi;
    case activation::logistic: return 1 / (1 + std::exp(-(to_double(e.logistic_lambda) * xi)));
    case activation::tanh: return std::tanh(xi);
  }
  return xi;
}

// y(t + 1) from y(t) under the parallel rule.
std::vector<double> plain_step(const network& net, const std::vector<double>& y) {
  std::vector<double> next = y;
  for (const equation& e : net.equations) next[index(e.target)] = evaluate(e, y);
  return next;
}

std::vector<double> plain_steps(const network& net, std::uint64_t steps) {
  std::vector<double> y(net.size());
  for (std::size_t v = 0; v < net.size(); ++v) y[v] = to_double(net.neurons[v].init.value_or(rational(0)));
  for (std::uint64_t t = 0; t < steps; ++t) y = plain_step(net, y);
  return y;
}

struct double_run {
  run_result result;
  std::optional<std::string> non_finite;  // the error's message, if the run stopped with one
};

double_run run_on(const network& net, unsigned threads, std::uint64_t max_steps) {
  run_request request;
  request.rule = rule_spec{};  // parallel
  request.numbers = number_mode::parse("double");
  request.limits.max_steps = max_steps;
  request.limits.threads = threads;
  double_run run;
  try {
    run.result = run_network(net, request);
  } catch (const non_finite_error& error) {
    run.non_finite = error.what();
  }
  return run;
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i])) return false;
  }
  return true;
}

// The same run, bit for bit: the same message if it left the finite
// numbers, else the same verdict, steps, cycle and final state.
void require_same_run(const double_run& run, const double_run& expected) {
  REQUIRE(run.non_finite == expected.non_finite);
  if (expected.non_finite) return;
  CHECK(run.result.status == expected.result.status);
  CHECK(run.result.steps == expected.result.steps);
  CHECK(run.result.cycle_start == expected.result.cycle_start);
  CHECK(run.result.cycle_period == expected.result.cycle_period);
  CHECK(same_bits(run.result.state.as<double>(), expected.result.state.as<double>()));
}

// Sanitizer builds run fewer networks (threads start slowly there), among
// them seed 11, whose run leaves the finite numbers.
#ifdef NNSIM_SANITIZED_TESTS
constexpr std::uint32_t network_count = 12;
#else
constexpr std::uint32_t network_count = 40;
#endif

}  // namespace

TEST_CASE("double sweeps: 2, 3 and 7 threads give the run of one thread, bit for bit", "[simulator][double_sweep]") {
  int non_finite_runs = 0;
  for (std::uint32_t seed = 1; seed <= network_count; ++seed) {
    const std::size_t n = seed % 4 == 0 ? 400 : seed % 4 == 1 ? 3 : 40;
    const network net = random_network(seed, n, 1 + seed % 6, seed % 2 == 0);
    const double_run one = run_on(net, 1, 1200);
    for (unsigned threads : {2u, 3u, 7u}) {
      INFO("seed " << seed << ", " << threads << " threads");
      const double_run many = run_on(net, threads, 1200);
      require_same_run(many, one);
    }
    non_finite_runs += one.non_finite ? 1 : 0;
  }
  // The unbounded activations (relu, id) leave the finite numbers in some of
  // these runs, and the message names the same neuron and step either way.
  CHECK(non_finite_runs > 0);
  CHECK(non_finite_runs < static_cast<int>(network_count) / 2);
}

TEST_CASE("double sweeps: one thread and several in turns, within one run, give the run of one thread",
          "[simulator][double_sweep]") {
  // The automatic choice may change the threads from one sweep to the next
  // (run/sweep_thread_choice.hpp); here every other sweep runs on one.
  struct alternating {
    alternating() { setenv("NNSIM_TEST_ALTERNATE_SWEEP_THREADS", "1", 1); }
    ~alternating() { unsetenv("NNSIM_TEST_ALTERNATE_SWEEP_THREADS"); }
  };
  for (std::uint32_t seed = 1; seed <= network_count; seed += 3) {
    const std::size_t n = seed % 4 == 0 ? 400 : seed % 4 == 1 ? 3 : 40;
    const network net = random_network(seed, n, 1 + seed % 6, seed % 2 == 0);
    const double_run one = run_on(net, 1, 1200);
    for (unsigned threads : {2u, 3u}) {
      INFO("seed " << seed << ", 1 and " << threads << " threads in turns");
      double_run turns;
      {
        const alternating in_turns;
        turns = run_on(net, threads, 1200);
      }
      require_same_run(turns, one);
    }
  }
}

TEST_CASE("sweep_thread_choice: the faster way, the other tried less and less often", "[double_sweep]") {
  using policy = sweep_thread_choice::policy;
  sweep_thread_choice fixed(2, policy::fixed);
  sweep_thread_choice single(1, policy::adaptive);
  sweep_thread_choice turns(4, policy::alternating);
  for (int i = 0; i < 40; ++i) {
    REQUIRE(fixed.next() == 2);
    fixed.record(2, 5.0);
    REQUIRE(single.next() == 1);
    REQUIRE(turns.next() == (i % 2 == 0 ? 1u : 4u));
  }
  // One thread takes 1 s a sweep, two take 2 s: two threads for the first
  // two sweeps, one thread tried at sweeps 2 and 3 and kept; two threads
  // tried again after 16, 32, 64, 128 sweeps and then every 256.
  sweep_thread_choice choice(2, policy::adaptive);
  std::vector<std::uint64_t> on_two;
  for (std::uint64_t sweep = 0; sweep < 1000; ++sweep) {
    const unsigned threads = choice.next();
    REQUIRE((threads == 1 || threads == 2));
    if (threads == 2) on_two.push_back(sweep);
    choice.record(threads, threads == 1 ? 1.0 : 2.0);
  }
  REQUIRE(on_two == std::vector<std::uint64_t>{0, 1, 20, 21, 54, 55, 120, 121, 250, 251, 508, 509, 766, 767});
  // Then the machine changes: one thread takes 3 s.  Once four sweeps on
  // one thread have shown it, two threads (2 s) are taken again.
  std::vector<unsigned> after;
  for (std::uint64_t sweep = 1000; sweep < 2000; ++sweep) {
    const unsigned threads = choice.next();
    after.push_back(threads);
    choice.record(threads, threads == 1 ? 3.0 : 2.0);
  }
  REQUIRE(std::vector<unsigned>(after.begin(), after.begin() + 5) == std::vector<unsigned>{1, 1, 1, 1, 2});
  REQUIRE(std::count(after.begin() + 5, after.end(), 1u) <= 2 * 10);  // the trials of one thread
  REQUIRE(after.back() == 2);
}

TEST_CASE("double sweeps: a run is the plain loop of the semantics", "[simulator][double_sweep]") {
  for (std::uint32_t seed = 100; seed < 100 + network_count; ++seed) {
    const network net = random_network(seed, seed % 3 == 0 ? 300 : 25, 2 + seed % 5, true);
    for (unsigned threads : {1u, 2u}) {
      for (std::uint64_t steps : {0u, 1u, 2u, 7u, 30u}) {
        INFO("seed " << seed << ", " << threads << " threads, " << steps << " steps");
        const double_run run = run_on(net, threads, steps);
        REQUIRE_FALSE(run.non_finite);
        const std::vector<double> expected = plain_steps(net, run.result.steps);
        CHECK(same_bits(run.result.state.as<double>(), expected));
        if (run.result.status == run_status::halted) {
          CHECK(same_bits(plain_steps(net, run.result.steps + 1), expected));
        } else if (run.result.status == run_status::undecided) {
          CHECK(run.result.steps == steps);
        } else {
          CHECK(same_bits(plain_steps(net, run.result.cycle_start), expected));
        }
      }
    }
  }
}

namespace {

// n neurons of `step`: the first `flippers` flip every step
// (f = step(1/2 - f)), the others read 3 random others and one in
// `flipper_odds` also a flipper.  Every value is 0 or 1, exact in every
// mode, so all modes must give the plain loop's states.
network flipping_network(std::uint32_t seed, int n = 4000, int flippers = 400, int flipper_odds = 4) {
  std::mt19937 random(seed);
  auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  network net;
  std::vector<neuron_id> ids;
  for (int v = 0; v < n; ++v) ids.push_back(net.intern(fmt::format("n{}", v)));
  for (int v = 0; v < n; ++v) {
    const std::size_t at = static_cast<std::size_t>(v);
    net.neurons[index(ids[at])].init = rational(pick(0, 1));
    equation& e = net.add_equation(ids[at], activation::step);
    if (v < flippers) {
      e.bias = rational(1, 2);
      e.inputs.push_back({ids[at], rational(-1)});
      continue;
    }
    e.bias = rational(pick(-8, 8), 8);
    std::vector<int> sources;
    for (int k = 0; k < 3; ++k) sources.push_back(pick(flippers, n - 1));
    if (pick(1, flipper_odds) == 1) sources.push_back(pick(0, flippers - 1));
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    for (int source : sources) e.inputs.push_back({ids[static_cast<std::size_t>(source)], rational(pick(-16, 16), 8)});
  }
  return net;
}

}  // namespace

namespace {

// The plain loop's states y(0) ... y(steps) of a flipping network, and the
// steps that take the path of the readers with more than 1,024 equations to
// evaluate again (src/run/simulator.cpp, recheck_fixed_points): the neurons
// that change are read by fewer than half of the terms (and, in double mode
// on `threads` threads, by fewer than a 1 / (2 + 2 threads) of the
// equations, below which the dense pass is taken), and by more than 1,024
// equations.  Counted here from the plain loop, so that the tests keep
// testing that path.
int reader_path_steps(const network& net, std::uint64_t steps, std::vector<std::vector<double>>& plain,
                      unsigned double_threads) {
  std::vector<std::vector<std::size_t>> readers(net.size());
  std::size_t all_terms = 0;
  for (std::size_t e = 0; e < net.equations.size(); ++e) {
    all_terms += net.equations[e].inputs.size() + 1;
    for (const auto& term : net.equations[e].inputs) readers[index(term.source)].push_back(e);
  }
  plain = {plain_steps(net, 0)};
  int reader_steps = 0;
  for (std::uint64_t t = 1; t <= steps; ++t) {
    plain.push_back(plain_step(net, plain.back()));
    std::vector<char> rechecked(net.equations.size(), 0);
    std::size_t read_by = 0;
    for (std::size_t v = 0; v < net.size(); ++v) {
      if (plain[t][v] == plain[t - 1][v]) continue;
      read_by += readers[v].size() + 1;
      rechecked[v] = 1;  // equation v updates neuron v
      for (std::size_t e : readers[v]) rechecked[e] = 1;
    }
    const auto count = static_cast<std::size_t>(std::count(rechecked.begin(), rechecked.end(), 1));
    const bool dense = double_threads > 0 && (2 + 2 * std::size_t{double_threads}) * read_by >= net.equations.size();
    if (2 * read_by < all_terms && !dense && count > 1024 && count > net.equations.size() / 64) ++reader_steps;
  }
  return reader_steps;
}

}  // namespace

TEST_CASE("many rechecked equations are evaluated in file order, in every mode", "[simulator][double_sweep]") {
  const network net = flipping_network(7);
  constexpr std::uint64_t steps = 20;  // y(24) = y(22): the run would end there
  // (In double mode these steps take the dense pass instead: the readers are
  // more than a quarter of the equations.  The next test covers double.)
  std::vector<std::vector<double>> plain;
  REQUIRE(reader_path_steps(net, steps, plain, 0) >= static_cast<int>(steps) / 2);

  for (const char* mode : {"double", "rational", "real:64", "interval:53"}) {
    for (unsigned threads : {1u, 2u}) {
      INFO(mode << ", " << threads << " threads");
      run_request request;
      request.rule = rule_spec{};  // parallel
      request.numbers = number_mode::parse(mode);
      request.limits.max_steps = steps;
      request.limits.threads = threads;
      const run_result result = run_network(net, request);
      REQUIRE(result.status == run_status::undecided);
      REQUIRE(result.steps == steps);
      for (std::size_t v = 0; v < net.size(); ++v) {
        INFO("neuron n" << v);
        REQUIRE(result.state.sign(v) == (plain[steps][v] == 1.0 ? 1 : 0));
      }
    }
  }
}

namespace {

// n neurons, each b + Σ w·y under the one activation `act`: the networks whose steps take the loop compiled for one
// activation (src/run/double_sweep.cpp, step_part_uniformly).
network one_activation_network(std::uint32_t seed, std::size_t n, activation act) {
  std::mt19937 random(seed);
  auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  network net;
  std::vector<neuron_id> ids;
  for (std::size_t v = 0; v < n; ++v) ids.push_back(net.intern(fmt::format("n{}", v)));
  for (std::size_t v = 0; v < n; ++v) {
    net.neurons[index(ids[v])].init = rational(pick(-4, 4), 4);
    equation& e = net.add_equation(ids[v], act);
    if (act == activation::logistic) e.logistic_lambda = rational(pick(1, 8), 4);
    e.bias = rational(pick(-8, 8), 8);
    std::vector<int> sources;
    for (int k = 0; k < 3; ++k) sources.push_back(pick(0, static_cast<int>(n) - 1));
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    for (int source : sources) {
      e.inputs.push_back({ids[static_cast<std::size_t>(source)], rational(pick(-32, 32), 8)});
    }
  }
  // Under relu and id, neurons n/4 and 3n/4 grow 16-fold in each step
  // (from 1) and leave the finite numbers together after some 256 steps, in
  // different parts of a step on two threads: the error names n/4.
  for (std::size_t v : {n / 4, 3 * n / 4}) {
    equation& grower = net.equations[v];
    grower.bias = rational(1);
    grower.inputs = {{ids[v], rational(16)}};
    net.neurons[index(ids[v])].init = rational(1);
  }
  return net;
}

// The plain loop's states y(0) ... y(steps), or up to the first step whose
// evaluation leaves the finite numbers, with the first such equation's
// neuron in file order.
struct plain_run {
  std::vector<std::vector<double>> states;
  std::optional<std::pair<std::uint64_t, std::string>> non_finite;
};

plain_run plain_trajectory(const network& net, std::uint64_t steps) {
  plain_run run{{plain_steps(net, 0)}, std::nullopt};
  for (std::uint64_t t = 0; t < steps; ++t) {
    const std::vector<double>& y = run.states.back();
    for (const equation& e : net.equations) {
      // A non-finite potential gives a finite step or sat, so σ's value
      // alone does not tell; the potential is σ's argument under id.
      equation potential = e;
      potential.act = activation::id;
      if (!std::isfinite(evaluate(potential, y)) || !std::isfinite(evaluate(e, y))) {
        run.non_finite = std::pair{t, net.name_of(e.target)};
        return run;
      }
    }
    run.states.push_back(plain_step(net, y));
  }
  return run;
}

// Whether two of the states are equal (as numbers: -0 = +0).
bool repeats(const std::vector<std::vector<double>>& states) {
  std::set<std::vector<double>> seen;
  for (const std::vector<double>& y : states) {
    std::vector<double> key = y;
    for (double& value : key) value = value == 0.0 ? 0.0 : value;
    if (!seen.insert(key).second) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("double sweeps: a network of one activation runs its own loop, and it is the plain loop",
          "[simulator][double_sweep]") {
  const activation acts[] = {activation::step, activation::sign,     activation::sat, activation::relu,
                             activation::id,   activation::logistic, activation::tanh};
  int non_finite_runs = 0;
  for (activation act : acts) {
    // The steps that take the dense pass on one thread (recheck_fixed_points:
    // the changed neurons' readers, plus one each, at least a quarter of the
    // equations), counted from the plain loop.
    int dense_steps = 0;
    for (std::uint32_t seed = 1; seed <= 3; ++seed) {
      const network net = one_activation_network(seed, seed == 3 ? 400 : 40, act);
      const std::uint64_t steps = 400;
      const plain_run plain = plain_trajectory(net, steps);
      std::vector<std::size_t> readers(net.size(), 0);
      for (const equation& e : net.equations) {
        for (const auto& term : e.inputs) ++readers[index(term.source)];
      }
      for (std::size_t t = 1; t < plain.states.size(); ++t) {
        std::size_t read_by = 0;
        for (std::size_t v = 0; v < net.size(); ++v) {
          if (plain.states[t][v] != plain.states[t - 1][v]) read_by += readers[v] + 1;
        }
        if (4 * read_by >= net.equations.size()) ++dense_steps;
      }
      for (unsigned threads : {1u, 2u}) {
        INFO("activation " << static_cast<int>(act) << ", seed " << seed << ", " << threads << " threads");
        run_request request;
        request.rule = rule_spec{};  // parallel
        request.numbers = number_mode::parse("double");
        request.limits.max_steps = steps;
        request.limits.threads = threads;
        try {
          const run_result result = run_network(net, request);
          REQUIRE(result.steps < plain.states.size());
          const std::vector<double>& reached = plain.states[result.steps];
          CHECK(same_bits(result.state.as<double>(), reached));
          if (result.status == run_status::halted) {
            CHECK(same_bits(plain_step(net, reached), reached));
          } else if (result.status == run_status::undecided) {
            CHECK(result.steps == steps);
            CHECK_FALSE(plain.non_finite);
            CHECK_FALSE(repeats(plain.states));
          } else {
            // y(t1) = y(t2), and no earlier pair of states repeats.
            const std::uint64_t t1 = result.cycle_start;
            CHECK(same_bits(plain.states[t1], reached));
            if (t1 > 0) CHECK_FALSE(same_bits(plain.states[t1 - 1], plain.states[result.steps - 1]));
          }
        } catch (const non_finite_error& error) {
          REQUIRE(plain.non_finite);
          CHECK(error.state_time() == plain.non_finite->first);
          CHECK(error.neuron() == plain.non_finite->second);
          CHECK(error.neuron() == fmt::format("n{}", net.size() / 4));
          ++non_finite_runs;
        }
      }
    }
    INFO("activation " << static_cast<int>(act));
    CHECK(dense_steps >= 50);
  }
  // relu and id leave the finite numbers in some of these runs.
  CHECK(non_finite_runs >= 4);
}

TEST_CASE("double sweeps: many rechecked equations, too few for the dense pass, in file order",
          "[simulator][double_sweep]") {
  // 60,000 neurons of which 300 flip, read by one neuron in 100.
  const network net = flipping_network(11, 60000, 300, 100);
  constexpr std::uint64_t steps = 14;
  for (unsigned threads : {1u, 2u}) {
    INFO(threads << " threads");
    std::vector<std::vector<double>> plain;
    // The first steps, where the random initial values settle, change too
    // many neurons and take the dense pass; from step 7 (one thread) or 9
    // (two) on, the readers are 3,700 to 12,000 equations.  So the run
    // changes from one path to the other as well.
    REQUIRE(reader_path_steps(net, steps, plain, threads) >= 4);
    run_request request;
    request.rule = rule_spec{};  // parallel
    request.numbers = number_mode::parse("double");
    request.limits.max_steps = steps;
    request.limits.threads = threads;
    const run_result result = run_network(net, request);
    REQUIRE(result.status == run_status::undecided);
    REQUIRE(result.steps == steps);
    CHECK(same_bits(result.state.as<double>(), plain[steps]));
  }
}
