// Tests of network_analysis.hpp: hand-worked architectures (the lecture's XOR
// network, self-loops, named cycles, components of joined cycles, weight
// kinds) and properties on random networks checked against an independent
// acyclicity test (repeatedly removing sources, Kahn's algorithm).
#include "nnsim/io/network_parser.hpp"
#include "nnsim/model/network_analysis.hpp"
#include "test_networks.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace nnsim;
using nnsim_test::xor_network;

namespace {

// target = id(sum of the sources, weight 1 each)
void add_sum(network& net, neuron_id target, const std::vector<neuron_id>& sources) {
  equation& e = net.add_equation(target, activation::id);
  for (neuron_id s : sources) e.inputs.push_back({s, 1});
}

std::vector<neuron_id> ids(const network& net, const std::vector<std::string>& names) {
  std::vector<neuron_id> result;
  for (const auto& name : names) result.push_back(*net.find(name));
  return result;
}

bool has_edge(const network& net, neuron_id from, neuron_id to) {
  const equation* e = net.equation_of(to);
  if (e == nullptr) return false;
  const auto preds = e->predecessors();
  return std::find(preds.begin(), preds.end(), from) != preds.end();
}

// Independent acyclicity test: remove neurons with no remaining predecessor
// until none is left (acyclic) or none can be removed (a cycle remains).
// Optionally self-loops are left out of the graph first.
bool acyclic_by_kahn(const network& net, bool ignore_self_loops = false) {
  std::vector<std::size_t> pending(net.size(), 0);
  std::vector<std::vector<std::size_t>> successors(net.size());
  for (const equation& e : net.equations) {
    for (neuron_id u : e.predecessors()) {
      if (ignore_self_loops && u == e.target) continue;
      successors[index(u)].push_back(index(e.target));
      ++pending[index(e.target)];
    }
  }
  std::vector<std::size_t> ready;
  for (std::size_t v = 0; v < net.size(); ++v) {
    if (pending[v] == 0) ready.push_back(v);
  }
  std::size_t removed = 0;
  while (!ready.empty()) {
    const std::size_t v = ready.back();
    ready.pop_back();
    ++removed;
    for (std::size_t w : successors[v]) {
      if (--pending[w] == 0) ready.push_back(w);
    }
  }
  return removed == net.size();
}

rational random_coefficient(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> numerator(-8, 8);
  std::uniform_int_distribution<int> denominator_choice(0, 3);
  static constexpr int denominators[] = {1, 2, 3, 8};
  return rational(numerator(rng), denominators[denominator_choice(rng)]);
}

// A random network of up to 12 neurons: the first few are inputs, most others
// get an equation (weighted sum or distance) reading random neurons, self
// included; sparse and dense ones both occur because the edge probability is
// drawn per network.
network random_network(std::mt19937_64& rng) {
  network net;
  const std::size_t n = std::uniform_int_distribution<std::size_t>(1, 12)(rng);
  const std::size_t input_count = std::uniform_int_distribution<std::size_t>(0, std::min<std::size_t>(n, 3))(rng);
  const double edge_probability = std::uniform_real_distribution<double>(0.02, 0.4)(rng);
  std::bernoulli_distribution has_equation(0.85);
  std::bernoulli_distribution is_distance(0.2);
  std::bernoulli_distribution has_edge_to(edge_probability);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string name = "n" + std::to_string(i);
    if (i < input_count) {
      net.add_input(name);
    } else {
      net.intern(name);
    }
  }
  for (std::size_t i = input_count; i < n; ++i) {
    if (!has_equation(rng)) continue;
    equation& e = net.add_equation(make_neuron_id(i), activation::sat);
    e.kind = is_distance(rng) ? potential_kind::distance : potential_kind::weighted_sum;
    e.bias = random_coefficient(rng);
    e.offset = random_coefficient(rng);
    e.scale = random_coefficient(rng);
    for (std::size_t j = 0; j < n; ++j) {
      if (!has_edge_to(rng)) continue;
      if (e.kind == potential_kind::weighted_sum) {
        e.inputs.push_back({make_neuron_id(j), random_coefficient(rng)});
      } else {
        e.arguments.push_back({make_neuron_id(j), random_coefficient(rng)});
      }
    }
  }
  return net;
}

}  // namespace

TEST_CASE("the xor network has layers 0, 1, 2 and six edges", "[analysis]") {
  const network net = xor_network();
  CHECK_FALSE(find_cycle(net));
  const auto layers = compute_layers(net);
  REQUIRE(layers);
  CHECK(*layers == std::vector<std::size_t>{0, 0, 1, 1, 2});  // x1 x2 h1 h2 y

  const network_summary summary = analyze(net);
  CHECK(summary.neurons == 5);
  CHECK(summary.inputs == 2);
  CHECK(summary.outputs == 1);
  CHECK(summary.updatable == 3);
  CHECK(summary.edges == 6);
  CHECK(summary.acyclic);
  CHECK_FALSE(summary.cycle);
  REQUIRE(summary.layers);
  CHECK(*summary.layers == *layers);
  CHECK(summary.layer_count == 2);
  // Acyclic, no self-loops: every neuron is its own component, here in id
  // order because the ids already run sources first.
  const auto expected = ids(net, {"x1", "x2", "h1", "h2", "y"});
  REQUIRE(summary.components.size() == 5);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(summary.components[i] == std::vector<neuron_id>{expected[i]});
  }
  // Three biases and six weights, all integers.
  CHECK(summary.weights.integer == 9);
  CHECK(summary.weights.dyadic == 0);
  CHECK(summary.weights.rational == 0);
  CHECK(summary.weights.widest() == weight_kind::integer);
}

TEST_CASE("a self-loop is a cycle of length one", "[analysis]") {
  // one = sat(1); s = sat(1/4 s + 3/4 one); init s = 1/2
  network net;
  const neuron_id one = net.intern("one");
  const neuron_id s = net.intern("s");
  {
    equation& e = net.add_equation(one, activation::sat);
    e.bias = 1;
  }
  {
    equation& e = net.add_equation(s, activation::sat);
    e.inputs = {{s, rational(1, 4)}, {one, rational(3, 4)}};
  }
  net.set_init(s, rational(1, 2));

  const auto cycle = find_cycle(net);
  REQUIRE(cycle);
  CHECK(*cycle == std::vector<neuron_id>{s});
  CHECK_FALSE(compute_layers(net));
  CHECK(strongly_connected_components(net) == std::vector<std::vector<neuron_id>>{{one}, {s}});

  const network_summary summary = analyze(net);
  CHECK_FALSE(summary.acyclic);
  CHECK(summary.cycle == cycle);
  CHECK_FALSE(summary.layers);
  CHECK(summary.layer_count == 0);
  CHECK(summary.edges == 2);
  // Biases 1 and 0 are integers, 1/4 and 3/4 dyadic; the init value is not a
  // coefficient.
  CHECK(summary.weights.integer == 2);
  CHECK(summary.weights.dyadic == 2);
  CHECK(summary.weights.rational == 0);
  CHECK(summary.weights.widest() == weight_kind::dyadic);
}

TEST_CASE("a three-cycle is named in edge order from its smallest id", "[analysis]") {
  // x -> a -> b -> c -> a, with ids x=0, c=1, b=2, a=3; the edge c -> a has
  // weight 0 and is still an edge.
  network net;
  const neuron_id x = net.add_input("x");
  const neuron_id c = net.intern("c");
  const neuron_id b = net.intern("b");
  const neuron_id a = net.intern("a");
  {
    equation& e = net.add_equation(a, activation::id);
    e.inputs = {{x, 1}, {c, 0}};
  }
  add_sum(net, b, {a});
  add_sum(net, c, {b});

  const auto cycle = find_cycle(net);
  REQUIRE(cycle);
  CHECK(*cycle == std::vector<neuron_id>{c, a, b});
  CHECK_FALSE(compute_layers(net));
  CHECK(strongly_connected_components(net) == std::vector<std::vector<neuron_id>>{{x}, {c, b, a}});
  CHECK(analyze(net).edges == 4);
}

TEST_CASE("components of two cycles joined by an edge come in topological order", "[analysis]") {
  // in -> {p <-> q} -> {r <-> s} -> out.  The downstream cycle gets the
  // smaller ids, so id order and topological order disagree.
  network net;
  const neuron_id r = net.intern("r");
  const neuron_id s = net.intern("s");
  const neuron_id p = net.intern("p");
  const neuron_id q = net.intern("q");
  const neuron_id in = net.add_input("in");
  const neuron_id out = net.intern("out");
  net.add_output(out);
  add_sum(net, r, {s, q});
  add_sum(net, s, {r});
  add_sum(net, p, {q, in});
  add_sum(net, q, {p});
  add_sum(net, out, {s});

  const std::vector<std::vector<neuron_id>> expected{{in}, {p, q}, {r, s}, {out}};
  CHECK(strongly_connected_components(net) == expected);
  const network_summary summary = analyze(net);
  CHECK(summary.components == expected);
  CHECK(summary.edges == 7);
  REQUIRE(summary.cycle);
  CHECK(summary.cycle->size() == 2);
}

TEST_CASE("independent components are ordered by their smallest id", "[analysis]") {
  // Two separate chains b -> a and d -> c: a is first by id but must wait for b.
  network net;
  const neuron_id a = net.intern("a");
  const neuron_id b = net.intern("b");
  const neuron_id c = net.intern("c");
  const neuron_id d = net.intern("d");
  add_sum(net, a, {b});
  add_sum(net, c, {d});
  CHECK(strongly_connected_components(net) == std::vector<std::vector<neuron_id>>{{b}, {a}, {d}, {c}});
  CHECK(compute_layers(net) == std::vector<std::size_t>{1, 0, 1, 0});  // b, d have no equation
}

TEST_CASE("layers of constant units and neurons without equations", "[analysis]") {
  // c = sat(1) has an equation and no predecessors: layer 1.  k has only an
  // init value: layer 0.  y reads both: layer 2.
  network net;
  const neuron_id c = net.intern("c");
  const neuron_id k = net.intern("k");
  const neuron_id y = net.intern("y");
  net.set_init(k, 5);
  {
    equation& e = net.add_equation(c, activation::sat);
    e.bias = 1;
  }
  add_sum(net, y, {c, k});
  const auto layers = compute_layers(net);
  CHECK(layers == std::vector<std::size_t>{1, 0, 2});
  CHECK(analyze(net).layer_count == 2);
}

TEST_CASE("a distance argument repeated is one edge", "[analysis]") {
  // r = step(1 - 2 dist(x - 1, x + 1))
  network net;
  const neuron_id x = net.add_input("x");
  const neuron_id r = net.intern("r");
  equation& e = net.add_equation(r, activation::step);
  e.kind = potential_kind::distance;
  e.offset = 1;
  e.scale = -2;
  e.arguments = {{x, 1}, {x, -1}};
  const network_summary summary = analyze(net);
  CHECK(summary.edges == 1);
  CHECK(summary.layers == std::vector<std::size_t>{0, 1});
  CHECK(summary.weights.integer == 4);  // offset, scale, two centres
}

TEST_CASE("weight kinds: integer, dyadic and other rationals", "[analysis]") {
  network net;
  const neuron_id x1 = net.add_input("x1");
  const neuron_id x2 = net.add_input("x2");
  const neuron_id h = net.intern("h");
  const neuron_id r = net.intern("r");
  {
    // h = sat(5/4 + 3 x1 + 1/2 x2 - 3/8 r + 1/3 h): the bias and four weights
    equation& e = net.add_equation(h, activation::sat);
    e.bias = rational(5, 4);
    e.inputs = {{x1, 3}, {x2, rational(1, 2)}, {r, rational(-3, 8)}, {h, rational(1, 3)}};
  }
  {
    // r = step(1 - 2 dist(x1 - 1/2, x2 + 3)): offset, scale, two centres
    equation& e = net.add_equation(r, activation::step);
    e.kind = potential_kind::distance;
    e.offset = 1;
    e.scale = -2;
    e.arguments = {{x1, rational(1, 2)}, {x2, -3}};
  }
  const weight_summary weights = summarize_weights(net);
  CHECK(weights.integer == 4);   // 3; 1, -2, -3
  CHECK(weights.dyadic == 4);    // 5/4, 1/2, -3/8; 1/2
  CHECK(weights.rational == 1);  // 1/3
  CHECK(weights.widest() == weight_kind::rational);

  CHECK(weight_summary{}.widest() == weight_kind::integer);
  CHECK(weight_summary{3, 1, 0}.widest() == weight_kind::dyadic);
}

TEST_CASE("weight kinds: an irrational constant is counted as irrational, a rational one as its value",
          "[analysis][real_expression]") {
  // Its rational field is 0, which must not count as an integer.
  const network net = parse_network(
      "input x, u, v\noutput y, d\nconst r = sqrt(2) / 2\nconst h = sqrt(9/4) - 1\n"
      "y = step(r + x / r - u / h + 3 v)\nd = id(h + r dist(x - r))\n",
      "t.nn");
  const weight_summary weights = summarize_weights(net);
  CHECK(weights.integer == 2);     // -1/h = -2, 3
  CHECK(weights.dyadic == 1);      // h
  CHECK(weights.rational == 0);
  CHECK(weights.irrational == 4);  // r, 1/r; r, r
  CHECK(weights.widest() == weight_kind::real);
  CHECK(weight_summary{3, 1, 2, 0}.widest() == weight_kind::rational);
}

TEST_CASE("the empty network", "[analysis]") {
  const network net;
  CHECK_FALSE(find_cycle(net));
  CHECK(compute_layers(net) == std::vector<std::size_t>{});
  CHECK(strongly_connected_components(net).empty());
  const network_summary summary = analyze(net);
  CHECK(summary.acyclic);
  CHECK(summary.edges == 0);
  CHECK(summary.layer_count == 0);
}

TEST_CASE("random networks: cycles, layers and components agree", "[analysis]") {
  std::mt19937_64 rng(20240521);
  std::size_t acyclic_seen = 0, cyclic_seen = 0, only_self_loops_seen = 0;
  for (int round = 0; round < 2000; ++round) {
    const network net = random_network(rng);
    CAPTURE(round);
    const std::size_t n = net.size();
    const auto cycle = find_cycle(net);
    const auto layers = compute_layers(net);
    const bool acyclic = acyclic_by_kahn(net);
    (acyclic ? acyclic_seen : cyclic_seen)++;

    REQUIRE(cycle.has_value() != acyclic);
    REQUIRE(layers.has_value() == acyclic);

    if (cycle) {
      // Distinct neurons, each an edge to the next, the last back to the first.
      REQUIRE_FALSE(cycle->empty());
      auto sorted = *cycle;
      std::sort(sorted.begin(), sorted.end());
      CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
      for (std::size_t i = 0; i < cycle->size(); ++i) {
        CHECK(has_edge(net, (*cycle)[i], (*cycle)[(i + 1) % cycle->size()]));
      }
    }

    std::size_t edges = 0;
    for (const equation& e : net.equations) edges += e.predecessors().size();

    if (layers) {
      // The definition itself, and so layer(v) > layer(u) on every edge.
      REQUIRE(layers->size() == n);
      for (std::size_t v = 0; v < n; ++v) {
        const equation* e = net.equation_of(make_neuron_id(v));
        if (e == nullptr) {
          CHECK((*layers)[v] == 0);
          continue;
        }
        std::size_t highest = 0;
        for (neuron_id u : e->predecessors()) {
          CHECK((*layers)[v] > (*layers)[index(u)]);
          highest = std::max(highest, (*layers)[index(u)]);
        }
        CHECK((*layers)[v] == highest + 1);
      }
    }

    // Components: a partition, each sorted, in topological order (no edge
    // goes back to an earlier component); every neuron is alone iff acyclic.
    const auto components = strongly_connected_components(net);
    std::vector<std::size_t> component_of(n, n);
    for (std::size_t c = 0; c < components.size(); ++c) {
      REQUIRE_FALSE(components[c].empty());
      CHECK(std::is_sorted(components[c].begin(), components[c].end()));
      for (neuron_id v : components[c]) {
        REQUIRE(component_of[index(v)] == n);
        component_of[index(v)] = c;
      }
    }
    CHECK(std::count(component_of.begin(), component_of.end(), n) == 0);
    for (const equation& e : net.equations) {
      for (neuron_id u : e.predecessors()) CHECK(component_of[index(u)] <= component_of[index(e.target)]);
    }
    bool self_loop = false;
    for (std::size_t v = 0; v < n; ++v) self_loop = self_loop || has_edge(net, make_neuron_id(v), make_neuron_id(v));
    // One component per neuron iff no cycle of length two or more; with no
    // self-loop either, that is being acyclic.
    if (!acyclic && acyclic_by_kahn(net, true)) ++only_self_loops_seen;
    CHECK((components.size() == n) == acyclic_by_kahn(net, true));
    CHECK((components.size() == n && !self_loop) == acyclic);
    if (cycle) {
      for (neuron_id v : *cycle) CHECK(component_of[index(v)] == component_of[index(cycle->front())]);
    }

    const network_summary summary = analyze(net);
    CHECK(summary.acyclic == acyclic);
    CHECK(summary.cycle == cycle);
    CHECK(summary.layers == layers);
    CHECK(summary.components == components);
    CHECK(summary.edges == edges);
    const weight_summary weights = summary.weights;
    CHECK(weights.integer + weights.dyadic + weights.rational ==
          [&] {
            std::size_t coefficients = 0;
            for (const equation& e : net.equations) {
              coefficients += e.kind == potential_kind::weighted_sum ? 1 + e.inputs.size() : 2 + e.arguments.size();
            }
            return coefficients;
          }());
  }
  // The generator must exercise both sides.
  CHECK(acyclic_seen > 200);
  CHECK(cyclic_seen > 200);
  CHECK(only_self_loops_seen > 50);
}

TEST_CASE("a long chain and a long ring", "[analysis]") {
  // 100000 neurons deep: nothing may recurse once per neuron.
  constexpr std::size_t length = 100000;
  network net;
  net.add_input("n0");
  for (std::size_t i = 1; i < length; ++i) net.intern("n" + std::to_string(i));
  for (std::size_t i = 1; i < length; ++i) add_sum(net, make_neuron_id(i), {make_neuron_id(i - 1)});

  const auto layers = compute_layers(net);
  REQUIRE(layers);
  CHECK(layers->back() == length - 1);
  CHECK(strongly_connected_components(net).size() == length);

  // The same neurons closed into a ring, n0 reading the last one.
  network ring;
  for (std::size_t i = 0; i < length; ++i) ring.intern("n" + std::to_string(i));
  for (std::size_t i = 0; i < length; ++i) add_sum(ring, make_neuron_id(i), {make_neuron_id((i + length - 1) % length)});
  const auto cycle = find_cycle(ring);
  REQUIRE(cycle);
  CHECK(cycle->size() == length);
  CHECK(cycle->front() == make_neuron_id(0));
  CHECK((*cycle)[1] == make_neuron_id(1));
  CHECK_FALSE(compute_layers(ring));
  const auto components = strongly_connected_components(ring);
  REQUIRE(components.size() == 1);
  CHECK(components.front().size() == length);
}

TEST_CASE("predecessors list each neuron once, in the order of first occurrence", "[analysis]") {
  network net;
  const neuron_id a = net.add_input("a");
  const neuron_id b = net.add_input("b");
  const neuron_id c = net.add_input("c");
  const neuron_id y = net.intern("y");
  // Built through the model, an equation may name a neuron several times.
  add_sum(net, y, {c, a, c, y, a, b, y, c});
  CHECK(net.equation_of(y)->predecessors() == std::vector<neuron_id>{c, a, y, b});
  // A distance potential with a repeated coordinate.
  const neuron_id r = net.intern("r");
  equation& d = net.add_equation(r, activation::id);
  d.kind = potential_kind::distance;
  for (neuron_id s : {b, b, r, a, r}) d.arguments.push_back({s, 0});
  CHECK(d.predecessors() == std::vector<neuron_id>{b, r, a});
  CHECK(net.equation_of(net.intern("a")) == nullptr);
  // A long equation with every neuron three times: the distinct neurons once each.
  network wide;
  std::vector<neuron_id> inputs;
  for (int i = 0; i < 50000; ++i) inputs.push_back(wide.add_input("x" + std::to_string(i)));
  const neuron_id z = wide.intern("z");
  std::vector<neuron_id> sources;
  for (int round = 0; round < 3; ++round) sources.insert(sources.end(), inputs.rbegin(), inputs.rend());
  add_sum(wide, z, sources);
  CHECK(wide.equation_of(z)->predecessors() == std::vector<neuron_id>(inputs.rbegin(), inputs.rend()));
  CHECK(analyze(wide).edges == 50000);
}
