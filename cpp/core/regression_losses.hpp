// Regression losses with mean reduction, and their gradients w.r.t. the predictions.
//
// Notation: x ∈ R^n predictions, t ∈ R^n targets, d_i = x_i − t_i. Conventions follow
// torch.nn.functional.{mse_loss, l1_loss, huber_loss} with reduction='mean'.
#pragma once

#include <span>
#include <vector>

#include "core/argument_checks.hpp"

namespace lossplay {

struct RegressionLosses {
  double mse;    // (1/n) Σ d_i²;                         ∂/∂x_i = 2 d_i / n
  double mae;    // (1/n) Σ |d_i|;                        ∂/∂x_i = sign(d_i) / n (0 at d_i = 0)
  double huber;  // (1/n) Σ h_δ(d_i), h_δ(d) = d²/2 for |d| ≤ δ, else δ(|d| − δ/2);
                 //                                       ∂/∂x_i = clamp(d_i, −δ, δ) / n
  std::vector<double> dmse, dmae, dhuber;
};

// Same non-zero length, entries finite with |x| ≤ kMaxEntryMagnitude; 0 < δ ≤ kMaxEntryMagnitude.
[[nodiscard]] ArgumentCheck check_regression_args(std::span<const double> predictions,
                                                  std::span<const double> targets, double delta);

// Precondition: check_regression_args passes.
[[nodiscard]] RegressionLosses regression_losses(std::span<const double> predictions,
                                                 std::span<const double> targets, double delta);

}  // namespace lossplay
