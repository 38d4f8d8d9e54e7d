// The chain rule through the sigmoid and a descent-step count (see sigmoid_chain.hpp).
#include "core/sigmoid_chain.hpp"

#include <cmath>

#include "core/binary_losses.hpp"

namespace lossplay {

SigmoidChain sigmoid_chain(double z, double y) {
  const auto losses = binary_losses(z, y);
  const double q = sigmoid(-z);  // 1 − p, relative-accurate in the right tail
  const double dp_dz = losses.p * q;
  const double residual = losses.dce_dz;  // p − y
  return SigmoidChain{
      .p = losses.p,
      .dp_dz = dp_dz,
      // Divided one factor at a time: residual / (p·q) would overflow as soon as p·q
      // underflows, long before the quotient itself exceeds the largest double.
      // A hard label drops the other term (−1/p for y = 1, 1/q for y = 0): far out, p − y and
      // σ'(z) both round to 0 and their quotient would be 0/0, while the true value is ∓1.
      .dce_dp = y == 1.0   ? -1.0 / losses.p
                : y == 0.0 ? 1.0 / q
                           : residual / losses.p / q,
      .dmse_dp = 2.0 * residual,
      .dce_dz = residual,
      .dmse_dz = losses.dmse_dz,
  };
}

ArgumentCheck check_descent_args(double z0, double y, double rate, double z_target,
                                 double max_steps) {
  return first_failure(check_finite("z0", z0), check_label("y", y), check_limit(kDescentRate, rate),
                       check_finite("zTarget", z_target), check_limit(kDescentSteps, max_steps));
}

DescentCount count_descent_steps(double z0, double y, BinaryLoss loss, double rate, double z_target,
                                 double max_steps) {
  const bool upward = z_target >= z0;
  const auto reached = [&](double z) { return upward ? z >= z_target : z <= z_target; };
  double z = z0;
  double steps = 0.0;
  while (!reached(z) && steps < max_steps) {
    // Only p, 1 − p and p − y are needed: the cheapest exact form of each gradient.
    const double e = std::exp(-std::fabs(z));
    const double p = z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    const double q = z >= 0.0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
    const double residual = (1.0 - y) * p - y * q;
    const double gradient = loss == BinaryLoss::ce ? residual : 2.0 * residual * p * q;
    z -= rate * gradient;
    steps += 1.0;
  }
  return {steps, reached(z), z};
}

}  // namespace lossplay
