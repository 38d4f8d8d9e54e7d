// Constant fits and their loss curves.
#include "core/constant_fit.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lossplay {
namespace {

// Mean slope of the Huber loss at c: (1/n) Σ clamp(c − t_i, −δ, δ), non-decreasing in c.
double huber_slope(std::span<const double> targets, double delta, double c) {
  double sum = 0.0;
  for (const double t : targets) {
    sum += std::clamp(c - t, -delta, delta);
  }
  return sum;
}

}  // namespace

ArgumentCheck check_constant_fit_args(std::span<const double> targets, double delta) {
  if (auto failure = check_entries("targets", targets)) {
    return failure;
  }
  return check_limit(kDelta, delta);
}

ArgumentCheck check_constant_curve_args(std::span<const double> targets, double delta, double c_min,
                                        double c_max, double n) {
  if (auto failure = first_failure(check_constant_fit_args(targets, delta),
                                   check_limit(kConstantCurvePoints, n))) {
    return failure;
  }
  if (!(std::fabs(c_min) <= kMaxEntryMagnitude && std::fabs(c_max) <= kMaxEntryMagnitude &&
        c_min < c_max)) {
    return ArgumentError{ErrorKind::range,
                         "cMin and cMax must be finite numbers in [-1e150, 1e150] with cMin < "
                         "cMax, got cMin = " +
                             format_number(c_min) + " and cMax = " + format_number(c_max)};
  }
  return std::nullopt;
}

ConstantFit fit_constant(std::span<const double> targets, double delta) {
  const auto n = static_cast<double>(targets.size());
  double sum = 0.0;
  for (const double t : targets) {
    sum += t;
  }

  std::vector<double> sorted(targets.begin(), targets.end());
  std::sort(sorted.begin(), sorted.end());
  const std::size_t middle = sorted.size() / 2;
  // Halve before adding: the midpoint of two values near ±1e150 cannot overflow.
  const double median =
      sorted.size() % 2 == 1 ? sorted[middle] : 0.5 * sorted[middle - 1] + 0.5 * sorted[middle];

  // The Huber slope is non-decreasing and changes sign within [min t, max t]: bisect until
  // the bracket stops shrinking, which pins the root to the last representable digit.
  double low = sorted.front();
  double high = sorted.back();
  while (true) {
    const double mid = 0.5 * low + 0.5 * high;
    if (mid <= low || mid >= high) {
      break;
    }
    (huber_slope(targets, delta, mid) < 0.0 ? low : high) = mid;
  }
  return {sum / n, median, 0.5 * low + 0.5 * high};
}

void sample_constant_losses(std::span<const double> targets, double delta, double c_min,
                            double c_max, const ConstantLossSpans& out) {
  const std::size_t points = out.c.size();
  const double last = static_cast<double>(points - 1);
  const double inv_n = 1.0 / static_cast<double>(targets.size());
  for (std::size_t k = 0; k < points; ++k) {
    const double s = static_cast<double>(k) / last;
    const double c = (1.0 - s) * c_min + s * c_max;
    double mse = 0.0;
    double mae = 0.0;
    double huber = 0.0;
    for (const double t : targets) {
      const double d = c - t;
      const double abs_d = std::fabs(d);
      mse += d * d;
      mae += abs_d;
      huber += abs_d <= delta ? 0.5 * d * d : delta * (abs_d - 0.5 * delta);
    }
    out.c[k] = c;
    out.mse[k] = mse * inv_n;
    out.mae[k] = mae * inv_n;
    out.huber[k] = huber * inv_n;
  }
}

}  // namespace lossplay
