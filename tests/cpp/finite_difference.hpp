// Central differences, the independent check on every analytic gradient.
#pragma once

#include <cmath>
#include <functional>
#include <vector>

namespace lossplay::test {

// (f(x + h) − f(x − h)) / 2h with h scaled to x; truncation error O(h²), rounding O(ε/h).
inline double central_difference(const std::function<double(double)>& f, double x) {
  const double h = 1e-5 * std::fmax(1.0, std::fabs(x));
  return (f(x + h) - f(x - h)) / (2.0 * h);
}

// Gradient of f: R^n → R, one central difference per coordinate.
inline std::vector<double> central_gradient(
    const std::function<double(const std::vector<double>&)>& f, std::vector<double> x) {
  std::vector<double> gradient(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double xi = x[i];
    gradient[i] = central_difference(
        [&](double v) {
          x[i] = v;
          return f(x);
        },
        xi);
    x[i] = xi;
  }
  return gradient;
}

}  // namespace lossplay::test
