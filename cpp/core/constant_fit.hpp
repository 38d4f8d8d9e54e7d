// Fitting one constant c to a set of targets under MSE, MAE and Huber: the minimisers are the
// mean, the medians, and the point where the errors, each clipped to [−δ, δ], balance.
//
//   MSE(c) = (1/n) Σ (c − t_i)²          minimised at the mean, uniquely
//   MAE(c) = (1/n) Σ |c − t_i|           minimised at the middle value when n is odd, and at
//                                        every c between the two middle values when n is even
//   Huber(c) = (1/n) Σ h_δ(c − t_i)      minimised where Σ clamp(c − t_i, −δ, δ) = 0
//
// Huber's minimiser need not lie between the mean and the median. With the sorted targets
// split into I (|c − t_i| < δ), L (t_i ≤ c − δ) and R (t_i ≥ c + δ) it solves
//   c = (Σ_I t_i + δ(|R| − |L|)) / |I|,
// the mean of the near points shifted by δ per far point. The sum is flat (and the minimiser
// an interval) exactly where I is empty and |L| = |R|: n even and the two middle targets
// t_(n/2) < t_(n/2+1) more than 2δ apart, giving every c in [t_(n/2) + δ, t_(n/2+1) − δ].
#pragma once

#include <cstddef>
#include <span>

#include "core/argument_checks.hpp"

namespace lossplay {

// The closed interval [low, high] of the constants that minimise a loss; low == high when the
// minimiser is unique.
struct MinimizerInterval {
  double low;
  double high;

  [[nodiscard]] bool unique() const { return low == high; }
  // Halved before adding: the midpoint of two values near ±1e150 cannot overflow.
  [[nodiscard]] double midpoint() const { return 0.5 * low + 0.5 * high; }
};

struct ConstantFit {
  double mean;              // the MSE minimiser
  MinimizerInterval mae;    // the medians
  MinimizerInterval huber;  // the Huber(δ) minimisers
};

struct ConstantLossSpans {
  std::span<double> c, mse, mae, huber;
};

// Targets: 1 to kMaxArrayLength finite entries, |t| ≤ kMaxEntryMagnitude; 0 < δ ≤ 1e150.
[[nodiscard]] ArgumentCheck check_constant_fit_args(std::span<const double> targets, double delta);

// Also c_min < c_max, both within ±kMaxEntryMagnitude, and n an integer in [2, 100000].
[[nodiscard]] ArgumentCheck check_constant_curve_args(std::span<const double> targets, double delta,
                                                      double c_min, double c_max, double n);

// Each minimiser from a sum rounded once, so data whose minimiser is exactly 0 (symmetric
// targets, for one) gives exactly 0. Precondition: check_constant_fit_args passes.
[[nodiscard]] ConstantFit fit_constant(std::span<const double> targets, double delta);

// The three mean losses of predicting c for every target, at n points c evenly spaced from
// c_min to c_max inclusive. Precondition: check_constant_curve_args passes, spans of length n.
void sample_constant_losses(std::span<const double> targets, double delta, double c_min,
                            double c_max, const ConstantLossSpans& out);

}  // namespace lossplay
