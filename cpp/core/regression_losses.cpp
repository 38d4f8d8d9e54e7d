// MSE, MAE and Huber with their per-prediction gradients.
#include "core/regression_losses.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace lossplay {

ArgumentCheck check_regression_args(std::span<const double> predictions,
                                    std::span<const double> targets, double delta) {
  if (auto failure =
          first_failure(check_entries("pred", predictions), check_entries("target", targets))) {
    return failure;
  }
  if (predictions.size() != targets.size()) {
    return ArgumentError{ErrorKind::range, "pred and target must have the same length, got " +
                                               std::to_string(predictions.size()) + " and " +
                                               std::to_string(targets.size())};
  }
  return check_limit(kDelta, delta);
}

RegressionLosses regression_losses(std::span<const double> predictions,
                                   std::span<const double> targets, double delta) {
  const std::size_t n = predictions.size();
  const double inv_n = 1.0 / static_cast<double>(n);
  RegressionLosses out{
      0.0, 0.0, 0.0, std::vector<double>(n), std::vector<double>(n), std::vector<double>(n)};
  for (std::size_t i = 0; i < n; ++i) {
    const double d = predictions[i] - targets[i];
    const double abs_d = std::fabs(d);
    const double sign = static_cast<double>((d > 0.0) - (d < 0.0));
    out.mse += d * d;
    out.mae += abs_d;
    out.huber += abs_d <= delta ? 0.5 * d * d : delta * (abs_d - 0.5 * delta);
    out.dmse[i] = 2.0 * d * inv_n;
    out.dmae[i] = sign * inv_n;
    out.dhuber[i] = std::clamp(d, -delta, delta) * inv_n;
  }
  out.mse *= inv_n;
  out.mae *= inv_n;
  out.huber *= inv_n;
  return out;
}

}  // namespace lossplay
