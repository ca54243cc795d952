#include "nnsim/io/network_parser.hpp"
#include "nnsim/viewing/neuron_groups.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

using namespace nnsim;

namespace {

// Each group's name -> the names of its direct items (groups as "[name]").
std::map<std::string, std::vector<std::string>> members(const network& net, const neuron_grouping& grouping) {
  std::map<std::string, std::vector<std::string>> out;
  for (const neuron_group& group : grouping.groups) {
    auto& list = out[group.name];
    for (const group_item& item : group.items) {
      list.push_back(item.is_group ? "[" + grouping.groups[item.index].name + "]" : net.neurons[item.index].name);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("names without dots make no groups", "[viewing]") {
  const network net = parse_network("input x1, x2\noutput y\nh = step(x1 + x2)\ny = step(h)\n", "t.nn");
  const neuron_grouping grouping = group_neurons(net);
  REQUIRE(grouping.groups.size() == 1);
  CHECK(grouping.groups[0].name.empty());
  CHECK(grouping.groups[0].neuron_count == 4);
  // In the order of first mention: `output y` names y before h.
  CHECK(members(net, grouping)[""] == std::vector<std::string>{"x1", "x2", "y", "h"});
  CHECK(grouping.group_of == std::vector<std::uint32_t>{0, 0, 0, 0});
}

TEST_CASE("dotted prefixes nest; a neuron named like a prefix joins its group", "[viewing]") {
  // in.rho is both a neuron and the prefix of in.rho.c and in.rho.up;
  // in.C alone under in.C would be a group of one: it stays in `in`.
  const network net = parse_network(
      "input x\noutput y\n"
      "in.rho = sat(x + in.rho.c)\nin.rho.c = sat(in.rho)\nin.rho.up = sat(x)\n"
      "in.C = sat(in.rho)\n"
      "tm.q0.read = sat(in.C)\ntm.q0.write = sat(tm.q0.read)\ntm.q1 = sat(tm.q0.write)\n"
      "y = sat(tm.q1)\n",
      "t.nn");
  const neuron_grouping grouping = group_neurons(net);
  const auto m = members(net, grouping);
  CHECK(m.size() == 5);
  CHECK(m.at("") == std::vector<std::string>{"x", "y", "[in]", "[tm]"});
  CHECK(m.at("in") == std::vector<std::string>{"[in.rho]", "in.C"});
  CHECK(m.at("in.rho") == std::vector<std::string>{"in.rho", "in.rho.c", "in.rho.up"});
  CHECK(m.at("tm") == std::vector<std::string>{"[tm.q0]", "tm.q1"});
  CHECK(m.at("tm.q0") == std::vector<std::string>{"tm.q0.read", "tm.q0.write"});
  // Counts at any depth, and parents before their subgroups.
  for (std::size_t g = 0; g < grouping.groups.size(); ++g) {
    const neuron_group& group = grouping.groups[g];
    if (group.parent) CHECK(*group.parent < g);
    if (group.name == "in") CHECK(group.neuron_count == 4);
    if (group.name == "tm") CHECK(group.neuron_count == 3);
  }
  CHECK(grouping.groups[0].neuron_count == 9);
  // group_of: the innermost group, by name.
  const auto group_name = [&](const char* neuron) {
    return grouping.groups[grouping.group_of[index(*net.find(neuron))]].name;
  };
  CHECK(group_name("in.rho") == "in.rho");
  CHECK(group_name("in.rho.up") == "in.rho");
  CHECK(group_name("in.C") == "in");
  CHECK(group_name("tm.q1") == "tm");
  CHECK(group_name("x").empty());
}

TEST_CASE("a chain of groups of one item collapses to the innermost", "[viewing]") {
  // a, a.b and a.b.c all hold the same two neurons: one group, a.b.c.
  const network net = parse_network("input x\noutput y\na.b.c.d = sat(x)\na.b.c.e = sat(x)\ny = sat(a.b.c.d)\n", "t.nn");
  const auto m = members(net, group_neurons(net));
  CHECK(m.size() == 2);
  CHECK(m.at("") == std::vector<std::string>{"x", "y", "[a.b.c]"});
  CHECK(m.at("a.b.c") == std::vector<std::string>{"a.b.c.d", "a.b.c.e"});
}

TEST_CASE("a network inside one group opens onto its parts", "[viewing]") {
  const network net = parse_network("input m.x\noutput m.y\nm.y = sat(m.x)\n", "t.nn");
  const auto m = members(net, group_neurons(net));
  CHECK(m.size() == 1);
  CHECK(m.at("") == std::vector<std::string>{"m.x", "m.y"});
}

TEST_CASE("a group of too many items is split into named runs", "[viewing]") {
  // 2,000 neurons without dots: the input x0 stays in view, and the other
  // 1,999 go into 40 runs (39 of 50 and one of 49), named by their ends.
  std::string text = "input x0\n";
  for (int i = 1; i < 2000; ++i) text += "x" + std::to_string(i) + " = step(x" + std::to_string(i - 1) + ")\n";
  const network net = parse_network(text, "t.nn");
  const neuron_grouping grouping = group_neurons(net);
  const auto m = members(net, grouping);
  REQUIRE(grouping.groups[0].items.size() == 41);
  CHECK(m.at("")[0] == "x0");
  CHECK(m.at("")[1] == "[x1 … x50]");
  CHECK(m.at("").back() == "[x1951 … x1999]");
  CHECK(m.at("x51 … x100").size() == 50);
  CHECK(m.at("x1951 … x1999").size() == 49);
  CHECK(grouping.groups[0].neuron_count == 2000);
  // Every neuron once, in a group of at most 60 items; parents first.
  std::vector<int> seen(2000, 0);
  for (std::size_t g = 0; g < grouping.groups.size(); ++g) {
    CHECK(grouping.groups[g].items.size() <= 60);
    if (grouping.groups[g].parent) CHECK(*grouping.groups[g].parent < g);
    for (const group_item& item : grouping.groups[g].items) {
      if (!item.is_group) {
        ++seen[item.index];
        CHECK(grouping.group_of[item.index] == g);
      }
    }
  }
  CHECK(std::count(seen.begin(), seen.end(), 1) == 2000);
}

TEST_CASE("runs of runs when even the runs are too many", "[viewing]") {
  std::string text = "input x0\n";
  for (int i = 1; i < 4000; ++i) text += "x" + std::to_string(i) + " = step(x" + std::to_string(i - 1) + ")\n";
  const neuron_grouping grouping = group_neurons(parse_network(text, "t.nn"));
  // x0, then the other 3,999 in 80 runs (79 of 50, one of 49), in 2 runs of 40.
  CHECK(grouping.groups[0].items.size() == 3);
  CHECK(grouping.groups[0].neuron_count == 4000);
  for (const neuron_group& group : grouping.groups) CHECK(group.items.size() <= 60);
}

TEST_CASE("the inputs and outputs stay out of the runs of a split group", "[viewing]") {
  // x, then y (named by `output y` before n0), then n0 … n129: x and y stay
  // direct items, the 130 others go into 3 runs of at most 44 in file order.
  std::string text = "input x\noutput y\nn0 = sat(x)\n";
  for (int i = 1; i < 130; ++i) text += "n" + std::to_string(i) + " = sat(n" + std::to_string(i - 1) + ")\n";
  text += "y = sat(n129)\n";
  const network net = parse_network(text, "t.nn");
  const auto m = members(net, group_neurons(net));
  CHECK(m.at("") == std::vector<std::string>{"x", "y", "[n0 … n43]", "[n44 … n87]", "[n88 … n129]"});
  CHECK(m.at("n88 … n129").size() == 42);
}

TEST_CASE("inputs too many for one view are split like the others", "[viewing]") {
  // 70 inputs and nothing else: more than half a view, so they go into runs.
  std::string text = "input ";
  for (int i = 0; i < 70; ++i) text += (i > 0 ? ", x" : "x") + std::to_string(i);
  const network net = parse_network(text + "\n", "t.nn");
  const auto m = members(net, group_neurons(net));
  CHECK(m.at("") == std::vector<std::string>{"[x0 … x34]", "[x35 … x69]"});
}
