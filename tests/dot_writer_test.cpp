// Tests of dot_writer.hpp: the whole Graphviz text of small networks, worked
// out by hand, and the quoting of awkward names.
#include "nnsim/io/dot_writer.hpp"
#include "nnsim/io/network_parser.hpp"
#include "test_networks.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace nnsim;
using nnsim_test::xor_network;

TEST_CASE("the xor network as a layered digraph", "[dot]") {
  CHECK(write_dot(xor_network()) == R"(// network xor
digraph "xor" {
  rankdir=LR;
  "x1" [label="x1", shape=invtriangle];
  "x2" [label="x2", shape=invtriangle];
  "h1" [label="h1\nstep\nb=-1"];
  "h2" [label="h2\nstep\nb=3"];
  "y" [label="y\nstep\nb=-2", shape=doublecircle];
  "x1" -> "h1" [label="2"];
  "x2" -> "h1" [label="2"];
  "x1" -> "h2" [label="-2"];
  "x2" -> "h2" [label="-2"];
  "h1" -> "y" [label="1"];
  "h2" -> "y" [label="1"];
  {rank=same; "x1"; "x2";}
  {rank=same; "h1"; "h2";}
  {rank=same; "y";}
}
)");
}

TEST_CASE("a recurrent network with a distance, an init and an input that is an output", "[dot]") {
  // input in.x; output in.x, s
  // one = sat(1)
  // s = sat(1/4 s + 3/4 one); init s = 1/2
  // r = logistic[1/2](1 - 2 dist(in.x - 1/2, s + 3))
  network net;
  const neuron_id x = net.add_input("in.x");
  const neuron_id one = net.intern("one");
  const neuron_id s = net.intern("s");
  const neuron_id r = net.intern("r");
  net.add_output(x);
  net.add_output(s);
  {
    equation& e = net.add_equation(one, activation::sat);
    e.bias = 1;
  }
  {
    equation& e = net.add_equation(s, activation::sat);
    e.inputs = {{s, rational(1, 4)}, {one, rational(3, 4)}};
  }
  net.set_init(s, rational(1, 2));
  {
    equation& e = net.add_equation(r, activation::logistic);
    e.logistic_lambda = rational(1, 2);
    e.kind = potential_kind::distance;
    e.offset = 1;
    e.scale = -2;
    e.arguments = {{x, rational(1, 2)}, {s, -3}};
  }
  // Cyclic (s reads itself): no ranks and the default direction.
  CHECK(write_dot(net) == R"(// unnamed network
digraph {
  "in.x" [label="in.x", shape=invtriangle, peripheries=2];
  "one" [label="one\nsat\nb=1"];
  "s" [label="s\nsat\nb=0\ninit=1/2", shape=doublecircle];
  "r" [label="r\nlogistic[1/2]\ndist a=1 s=-2"];
  "s" -> "s" [label="1/4"];
  "one" -> "s" [label="3/4"];
  "in.x" -> "r" [label="c=1/2"];
  "s" -> "r" [label="c=-3"];
}
)");
}

TEST_CASE("neurons without equations and a logistic of slope 1", "[dot]") {
  // k has only an init value; y = logistic(k + 0 c) keeps its zero-weight edge.
  network net;
  net.name = "consts";
  const neuron_id k = net.intern("k");
  const neuron_id c = net.intern("c");
  const neuron_id y = net.intern("y");
  net.set_init(k, -6);
  {
    equation& e = net.add_equation(y, activation::logistic);
    e.inputs = {{k, 1}, {c, 0}};
  }
  CHECK(write_dot(net) == R"(// network consts
digraph "consts" {
  rankdir=LR;
  "k" [label="k\ninit=-6"];
  "c" [label="c"];
  "y" [label="y\nlogistic\nb=0"];
  "k" -> "y" [label="1"];
  "c" -> "y" [label="0"];
  {rank=same; "k"; "c";}
  {rank=same; "y";}
}
)");
}

TEST_CASE("names with quotes, backslashes and line breaks are escaped", "[dot]") {
  // Names from a file are identifiers, but the builders accept any string.
  network net;
  net.name = "odd \"one\"\nout";
  const neuron_id a = net.intern("a\"b\\c");
  const neuron_id b = net.intern("line\nbreak");
  {
    equation& e = net.add_equation(b, activation::id);
    e.inputs = {{a, rational(-7, 3)}};
  }
  CHECK(write_dot(net) == R"(// network odd "one" out
digraph "odd \"one\"\nout" {
  rankdir=LR;
  "a\"b\\c" [label="a\"b\\c"];
  "line\nbreak" [label="line\nbreak\nid\nb=0"];
  "a\"b\\c" -> "line\nbreak" [label="-7/3"];
  {rank=same; "a\"b\\c";}
  {rank=same; "line\nbreak";}
}
)");
}

TEST_CASE("numbers written as constants are drawn with the constants' names", "[dot][real_expression]") {
  // The rational field of an irrational constant is 0 (and 1 for x / r):
  // the drawing names the constant instead, as the file does.
  const network net = parse_network(
      "input x\noutput y, z, d\nconst r = sqrt(2)/2\nconst h = sqrt(9/4) - 1\ninit s = -r\n"
      "y = logistic[r](r + x / r - 2 s)\nz = id(h - x / h)\nd = id(1 + r dist(x - r))\n",
      "t.nn");
  CHECK(write_dot(net) == R"(// unnamed network
// const r = sqrt(2) / 2
// const h = sqrt(9/4) - 1
digraph {
  rankdir=LR;
  "x" [label="x", shape=invtriangle];
  "y" [label="y\nlogistic[r]\nb=r", shape=doublecircle];
  "z" [label="z\nid\nb=h", shape=doublecircle];
  "d" [label="d\nid\ndist a=1 s=r", shape=doublecircle];
  "s" [label="s\ninit=-r"];
  "x" -> "y" [label="1/r"];
  "s" -> "y" [label="-2"];
  "x" -> "z" [label="-1/h"];
  "x" -> "d" [label="c=r"];
  {rank=same; "x"; "s";}
  {rank=same; "y"; "z"; "d";}
}
)");
}
