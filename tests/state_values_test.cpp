// Typed run values (state_values.hpp), the text of a value
// (value_format.hpp) and the command line's aligned tables (text_table.hpp).
#include "cli/text_table.hpp"
#include "nnsim/run/simulation.hpp"
#include "nnsim/numbers/state_values.hpp"
#include "nnsim/numbers/value_format.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <stdexcept>

using namespace nnsim;

namespace {

real_number real(double value, mpfr_prec_t precision = 53) {
  real_number x(precision);
  mpfr_set_d(x.get(), value, MPFR_RNDN);
  return x;
}

}  // namespace

TEST_CASE("values are formatted as reduced fractions and shortest decimals", "[values]") {
  CHECK(format_value(rational(0)) == "0");
  CHECK(format_value(rational(-6, 4)) == "-3/2");
  CHECK(format_value(rational(51, 64)) == "51/64");
  CHECK(format_value(0.5) == "0.5");
  CHECK(format_value(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_value(-0.0) == "-0");
  CHECK(format_value(1e30) == "1e+30");
  CHECK(format_value(real(0.1 + 0.2)) == "0.30000000000000004");
  CHECK(format_value(real(5)) == "5");
  CHECK(format_value(real(-0.0)) == "-0");
  CHECK(format_value(real(0.125)) == "0.125");
  // Enough digits to read back at the precision (17 at 53 bits), not fewer.
  CHECK(format_value(real(1e-7)) == "9.9999999999999995e-8");
  CHECK(format_value(real(1e-7, 8)) == "1.001e-7");  // 4 digits at 8 bits
  CHECK(format_value(real(std::numeric_limits<double>::infinity())) == "inf");
}

TEST_CASE("state_values keep the mode's numbers", "[values]") {
  const state_values exact(std::vector<rational>{rational(1, 3), 0, -2});
  CHECK(exact.is_exact());
  CHECK(exact.size() == 3);
  CHECK(exact.exact()[0] == rational(1, 3));
  CHECK(exact.sign(0) == 1);
  CHECK(exact.sign(1) == 0);
  CHECK(exact.sign(2) == -1);
  CHECK(exact.text(0) == "1/3");
  CHECK(exact.texts() == std::vector<std::string>{"1/3", "0", "-2"});
  CHECK(exact.to_rational(2) == -2);
  CHECK_THROWS_AS(exact.text(3), std::out_of_range);
  CHECK_THROWS_AS(exact.as<double>(), std::logic_error);

  const state_values doubles(std::vector<double>{0.25, -0.0, std::numeric_limits<double>::infinity()});
  CHECK_FALSE(doubles.is_exact());
  CHECK_THROWS_AS(doubles.exact(), std::logic_error);
  CHECK(doubles.as<double>()[0] == 0.25);
  CHECK(doubles.sign(1) == 0);
  CHECK(doubles.to_rational(0) == rational(1, 4));
  CHECK_THROWS_AS(doubles.to_rational(2), std::domain_error);
  CHECK(doubles.texts() == std::vector<std::string>{"0.25", "-0", "inf"});

  std::vector<real_number> reals;
  reals.push_back(real(-0.75, 8));
  const state_values mpfr(std::move(reals));
  CHECK(mpfr.sign(0) == -1);
  CHECK(mpfr.to_rational(0) == rational(-3, 4));
  CHECK(mpfr.text(0) == "-0.75");

  // Copies, equality, views.
  const state_values copy = mpfr;
  CHECK(copy == mpfr);
  CHECK_FALSE(copy == doubles);
  CHECK(state_values(std::vector<double>{0.0}) == state_values(std::vector<double>{-0.0}));
  CHECK_FALSE(state_values(std::vector<double>{1.0}) == state_values(std::vector<rational>{1}));
  const state_view view = exact.view();
  CHECK(view.size() == 3);
  CHECK(view.exact()[0] == rational(1, 3));
  CHECK(view.text(2) == "-2");
  CHECK(view.copy() == exact);
  CHECK(state_values().empty());
  CHECK(state_values().is_exact());
}

TEST_CASE("values compared, copied and approximated one by one", "[values]") {
  const state_values a(std::vector<rational>{rational(1, 3), 0, rational(-7, 2)});
  const state_values b(std::vector<rational>{rational(2, 6), 1, rational(-7, 2)});
  CHECK(a.same_value(0, b, 0));     // 1/3 == 2/6
  CHECK_FALSE(a.same_value(1, b, 1));
  CHECK(a.same_value(2, b.view(), 2));
  CHECK(a.view().same_value(0, b, 0));
  CHECK_FALSE(a.same_value(1, b, 0));  // 0 against 1/3
  // Another number type is never the same value.
  const state_values d(std::vector<double>{1.0 / 3, 0.0, -3.5});
  CHECK_FALSE(a.same_value(2, d, 2));
  CHECK(d.same_value(1, state_values(std::vector<double>{-0.0}), 0));   // 0 == -0
  CHECK_THROWS_AS(a.same_value(3, b, 0), std::out_of_range);

  CHECK(a.approximation(2) == -3.5);
  CHECK(a.approximation(0) == Approx(1.0 / 3));
  CHECK(d.approximation(0) == 1.0 / 3);
  CHECK(state_values(std::vector<real_number>{real(0.25)}).approximation(0) == 0.25);

  state_values c = a;
  c.assign(1, b.view(), 1);
  CHECK(c.texts() == std::vector<std::string>{"1/3", "1", "-7/2"});
  CHECK(a.texts() == std::vector<std::string>{"1/3", "0", "-7/2"});   // a copy, not a view
  CHECK_THROWS_AS(c.assign(0, d.view(), 0), std::logic_error);
  CHECK_THROWS_AS(c.assign(3, b.view(), 0), std::out_of_range);
}

TEST_CASE("a run's values have the mode's type", "[values]") {
  // y = id(x / 3)
  network net;
  const neuron_id x = net.add_input("x");
  const neuron_id y = net.intern("y");
  net.add_equation(y, activation::id).inputs.push_back({x, rational(1, 3)});
  net.add_output(y);

  run_request request;
  request.input = {1};
  const run_result exact = run_network(net, request);
  CHECK(exact.outputs.exact() == std::vector<rational>{rational(1, 3)});
  CHECK(exact.state.exact() == std::vector<rational>{1, rational(1, 3)});

  request.numbers = number_mode::parse("double");
  const run_result approximate = run_network(net, request);
  CHECK(approximate.outputs.as<double>() == std::vector<double>{1.0 / 3.0});
  CHECK(approximate.outputs.text(0) == "0.3333333333333333");
  const run_result copied = approximate;
  CHECK(copied.state == approximate.state);

  request.numbers = number_mode::parse("real:100");
  const run_result precise = run_network(net, request);
  CHECK(precise.outputs.as<real_number>().size() == 1);
  CHECK(mpfr_get_prec(precise.outputs.as<real_number>()[0].get()) == 100);
  CHECK(precise.outputs.sign(0) == 1);

  // The trace observer reads the engine's values without text.
  std::vector<rational> seen;
  request.numbers = {};
  request.observer = [&](const trace_event& event) { seen.push_back(event.state.exact()[1]); };
  run_network(net, request);
  CHECK(seen == std::vector<rational>{0, rational(1, 3)});
}

TEST_CASE("text tables align UTF-8 cells by display width", "[values][table]") {
  using nnsim::cli::align;
  using nnsim::cli::display_width;
  using nnsim::cli::text_table;
  CHECK(display_width("abc") == 3);
  CHECK(display_width("δ(ω)") == 4);
  CHECK(display_width("≤…") == 2);
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute accent
  CHECK(display_width("\xE6\x97\xA5") == 2);  // a CJK ideograph
  CHECK(display_width("\xFF") == 1);  // not UTF-8: one column a byte
  CHECK(nnsim::cli::pad_left("ξ", 3) == "  ξ");
  CHECK(nnsim::cli::pad_right("ε", 2) == "ε ");

  text_table table({{align::left, "  "}, {align::right, "  "}, {align::left, " | "}});
  table.add_row({"word", "δ(ω)", "verdict"});
  table.add_rule();
  table.add_row({"ε", "0", "reject"});
  table.add_row({"101", "5/8", "accept"});
  table.add_row({"…"});
  CHECK(table.text() ==
        "  word  δ(ω) | verdict\n"
        "  ----  ---- | -------\n"
        "  ε        0 | reject\n"
        "  101    5/8 | accept\n"
        "  …\n");
  CHECK_THROWS_AS(table.add_row({"a", "b", "c", "d"}), std::logic_error);
}
