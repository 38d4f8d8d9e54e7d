// Constant fits and their loss curves.
#include "core/constant_fit.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace lossplay {
namespace {

// Σ clamp(c − t_i, −δ, δ): n times the slope of the mean Huber loss at c. Every term is a
// rounded, non-decreasing function of c, so the computed sum is non-decreasing in c too.
double huber_slope(std::span<const double> targets, double delta, double c) {
  double sum = 0.0;
  for (const double t : targets) {
    sum += std::clamp(c - t, -delta, delta);
  }
  return sum;
}

// The exact sum held as non-overlapping partials (Shewchuk's algorithm, as Python's fsum),
// added back from the largest with the tie correction, so it is the exact sum rounded once.
// A sum that is exactly 0 comes out as 0, not as the −2.2e−16 that summing in order can leave.
// With |values| ≤ 1e150 and at most 4e6 + 2 of them, no partial overflows.
double correctly_rounded_sum(std::span<const double> values) {
  std::vector<double> partials;
  for (double x : values) {
    std::size_t kept = 0;
    for (double y : std::span(partials)) {
      if (std::fabs(x) < std::fabs(y)) {
        std::swap(x, y);
      }
      const double high = x + y;
      const double low = y - (high - x);  // exact: x + y = high + low
      if (low != 0.0) {
        partials[kept++] = low;
      }
      x = high;
    }
    partials.resize(kept);
    partials.push_back(x);
  }
  std::size_t remaining = partials.size();
  if (remaining == 0) {
    return 0.0;
  }
  double high = partials[--remaining];
  double low = 0.0;
  while (remaining > 0) {
    const double x = high;
    const double y = partials[--remaining];
    high = x + y;
    low = y - (high - x);
    if (low != 0.0) {
      break;
    }
  }
  // Round half to even across partials: when the rest of the sum lies on the same side as
  // `low`, the exact sum is past the halfway point that `high + low` rounded to even.
  if (remaining > 0 && ((low < 0.0 && partials[remaining - 1] < 0.0) ||
                        (low > 0.0 && partials[remaining - 1] > 0.0))) {
    const double twice = low * 2.0;
    const double rounded = high + twice;
    if (twice == rounded - high) {
      high = rounded;
    }
  }
  return high;
}

// The MAE minimisers of sorted targets: the middle value, or every c between the middle two.
MinimizerInterval median_interval(std::span<const double> sorted) {
  const std::size_t middle = sorted.size() / 2;
  return sorted.size() % 2 == 1 ? MinimizerInterval{sorted[middle], sorted[middle]}
                                : MinimizerInterval{sorted[middle - 1], sorted[middle]};
}

// The root of Σ clamp(c − t_i, −δ, δ) on the stretch [left, right] between two consecutive
// breakpoints, where the same targets are near (|c − t| < δ) throughout:
// c = (Σ_near t + δ(far above − far below)) / near count. The product δk enters the sum as its
// rounded value and its exact error (fma), so the sum is rounded once.
double huber_root_between(std::span<const double> targets, double delta, double left,
                          double right) {
  const double probe = 0.5 * left + 0.5 * right;
  std::vector<double> terms;
  double below = 0.0;  // targets at or under c − δ: each adds +δ to the slope
  double above = 0.0;  // targets at or over c + δ: each adds −δ
  for (const double t : targets) {
    const double d = probe - t;
    if (d >= delta) {
      below += 1.0;
    } else if (d <= -delta) {
      above += 1.0;
    } else {
      terms.push_back(t);
    }
  }
  if (terms.empty()) {
    // The slope is constant here, so the root is where it stops being negative. This only
    // happens when t ± δ rounds to t (δ below half an ulp of the targets), which merges the
    // stretch on which the slope rises into a single point.
    return right;
  }
  const auto near = static_cast<double>(terms.size());
  const double shift = delta * (above - below);
  terms.push_back(shift);
  terms.push_back(std::fma(delta, above - below, -shift));
  return correctly_rounded_sum(terms) / near;
}

// The Huber minimisers of sorted targets (see constant_fit.hpp for the derivation).
MinimizerInterval huber_interval(std::span<const double> sorted, double delta) {
  const std::size_t n = sorted.size();
  if (n % 2 == 0) {
    // Flat bottom: with the middle two at least 2δ apart, no target is near any c in
    // [lower middle + δ, upper middle − δ] (a single point when they are exactly 2δ apart).
    const double low = sorted[n / 2 - 1] + delta;
    const double high = sorted[n / 2] - delta;
    if (low <= high) {
      return {low, high};
    }
  }
  // Otherwise the slope rises through 0 once, on one stretch between consecutive breakpoints
  // t_i ± δ (where a target enters or leaves the near set). The slope is −nδ below the first
  // breakpoint and +nδ above the last; find the first breakpoint where it is no longer
  // negative, and solve exactly on the stretch that ends there.
  std::vector<double> breakpoints;
  breakpoints.reserve(2 * n);
  for (const double t : sorted) {
    breakpoints.push_back(t - delta);
    breakpoints.push_back(t + delta);
  }
  std::sort(breakpoints.begin(), breakpoints.end());
  const auto first_not_negative =
      std::partition_point(breakpoints.begin() + 1, breakpoints.end() - 1,
                           [&](double c) { return huber_slope(sorted, delta, c) < 0.0; });
  const double root =
      huber_root_between(sorted, delta, *(first_not_negative - 1), *first_not_negative);
  return {root, root};
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
  std::vector<double> sorted(targets.begin(), targets.end());
  std::sort(sorted.begin(), sorted.end());
  return {correctly_rounded_sum(targets) / static_cast<double>(targets.size()),
          median_interval(sorted), huber_interval(sorted, delta)};
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
