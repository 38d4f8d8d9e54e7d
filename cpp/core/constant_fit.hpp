// Fitting one constant c to a set of targets under MSE, MAE and Huber: the minimisers are the
// mean, a median, and a point between them that Huber's bounded slope pulls toward the bulk.
//
//   MSE(c) = (1/n) Σ (c − t_i)²          minimised at the mean
//   MAE(c) = (1/n) Σ |c − t_i|           minimised at a median (midpoint of the middle two
//                                        when n is even; every point between them is optimal)
//   Huber(c) = (1/n) Σ h_δ(c − t_i)      minimised where Σ clamp(c − t_i, −δ, δ) = 0
#pragma once

#include <cstddef>
#include <span>

#include "core/argument_checks.hpp"

namespace lossplay {

struct ConstantFit {
  double mean;
  double median;
  double huber;
};

struct ConstantLossSpans {
  std::span<double> c, mse, mae, huber;
};

// Targets: 1 to kMaxArrayLength finite entries, |t| ≤ kMaxEntryMagnitude; 0 < δ ≤ 1e150.
[[nodiscard]] ArgumentCheck check_constant_fit_args(std::span<const double> targets, double delta);

// Also c_min < c_max, both within ±kMaxEntryMagnitude, and n an integer in [2, 100000].
[[nodiscard]] ArgumentCheck check_constant_curve_args(std::span<const double> targets, double delta,
                                                      double c_min, double c_max, double n);

// Precondition: check_constant_fit_args passes.
[[nodiscard]] ConstantFit fit_constant(std::span<const double> targets, double delta);

// The three mean losses of predicting c for every target, at n points c evenly spaced from
// c_min to c_max inclusive. Precondition: check_constant_curve_args passes, spans of length n.
void sample_constant_losses(std::span<const double> targets, double delta, double c_min,
                            double c_max, const ConstantLossSpans& out);

}  // namespace lossplay
