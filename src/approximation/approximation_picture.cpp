#include "nnsim/approximation/approximation_picture.hpp"

#include "nnsim/approximation/approximation_input.hpp"
#include "nnsim/support/error.hpp"

#include <fmt/format.h>
#include <mpfi.h>

#include <cmath>

namespace nnsim {
namespace {

constexpr int samples = 801;

double midpoint_of(const interval_number& v) {
  if (mpfi_nan_p(v.get()) != 0 || mpfi_bounded_p(v.get()) == 0) return std::nan("");
  mpfr_t m;
  mpfr_init2(m, 64);
  mpfi_mid(m, v.get());
  const double d = mpfr_get_d(m, MPFR_RNDN);
  mpfr_clear(m);
  return d;
}

double to_double(const rational& q) { return q.convert_to<double>(); }

}  // namespace

std::string function_picture(network_enclosure& network, const function_enclosure& f, const box& domain,
                             const rational& epsilon, const function_check_result& result, const std::string& title) {
  if (domain.dimension() != 1) {
    throw input_error(fmt::format("--plot draws a function of one input; this one has {}", domain.dimension()));
  }
  function_plot plot;
  plot.title = title;
  plot.x_low = to_double(domain.low[0]);
  plot.x_high = to_double(domain.high[0]);
  for (int i = 0; i < samples; ++i) {
    const rational x = domain.low[0] + (domain.high[0] - domain.low[0]) * rational(i, samples - 1);
    const box point{{x}, {x}};
    plot.xs.push_back(to_double(x));
    const std::optional<interval_number> fx = f.over(point);
    plot.f_values.push_back(fx ? midpoint_of(*fx) : std::nan(""));
    plot.network_values.push_back(midpoint_of(network.over(point).value));
  }
  plot.bound = to_double(result.bound);
  plot.epsilon = to_double(epsilon);
  if (!result.witness.empty()) plot.worst_x = to_double(result.witness[0]);
  return svg_of(plot);
}

std::string set_picture(network_enclosure& network, const box& domain, const set_check_result& result,
                        const std::string& title) {
  const std::string caption =
      fmt::format("misclassified measure proven between {} and {}", bound_text(result.misclassified, false),
                  bound_text(result.bound(), true));
  if (domain.dimension() == 1) {
    interval_plot plot;
    plot.title = title;
    plot.caption = caption;
    plot.x_low = to_double(domain.low[0]);
    plot.x_high = to_double(domain.high[0]);
    for (const classified_box& leaf : result.leaves) {
      const std::pair<double, double> span{to_double(leaf.region.low[0]), to_double(leaf.region.high[0])};
      switch (leaf.kind) {
        case region_kind::correct_inside: plot.inside.push_back(span); plot.network_positive.push_back(span); break;
        case region_kind::misclassified_inside: plot.inside.push_back(span); plot.misclassified.push_back(span); break;
        case region_kind::misclassified_outside:
          plot.network_positive.push_back(span);
          plot.misclassified.push_back(span);
          break;
        case region_kind::undecided: plot.undecided.push_back(span); break;
        case region_kind::correct_outside: break;
      }
    }
    for (int i = 0; i < samples; ++i) {
      const rational x = domain.low[0] + (domain.high[0] - domain.low[0]) * rational(i, samples - 1);
      plot.xs.push_back(to_double(x));
      plot.network_values.push_back(midpoint_of(network.over({{x}, {x}}).value));
    }
    return svg_of(plot);
  }
  if (domain.dimension() != 2) {
    throw input_error(fmt::format("--plot draws a set of one or two inputs; this one has {}", domain.dimension()));
  }
  set_plot plot;
  plot.title = title;
  plot.caption = caption;
  plot.x_low = to_double(domain.low[0]);
  plot.x_high = to_double(domain.high[0]);
  plot.y_low = to_double(domain.low[1]);
  plot.y_high = to_double(domain.high[1]);
  for (const classified_box& leaf : result.leaves) {
    const plot_rectangle r{to_double(leaf.region.low[0]), to_double(leaf.region.high[0]),
                           to_double(leaf.region.low[1]), to_double(leaf.region.high[1])};
    switch (leaf.kind) {
      case region_kind::correct_inside: plot.inside.push_back(r); plot.cubes.push_back(r); break;
      case region_kind::misclassified_inside: plot.inside.push_back(r); plot.misclassified.push_back(r); break;
      case region_kind::misclassified_outside: plot.cubes.push_back(r); plot.misclassified.push_back(r); break;
      case region_kind::undecided: plot.undecided.push_back(r); break;
      case region_kind::correct_outside: break;
    }
  }
  return svg_of(plot);
}

}  // namespace nnsim
