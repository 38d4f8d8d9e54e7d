// The chain rule through the sigmoid, factor by factor, for the binary playground's "chain
// rule" card: dL/dz = dL/dp · dp/dz. Written out, CE's dL/dp = (p − y) / (p(1 − p)) carries the
// reciprocal of σ'(z) = p(1 − p), so the product is p − y; MSE's dL/dp = 2(p − y) does not, so
// its product keeps σ'(z) and vanishes in both tails.
//
// Also: how many steps of plain gradient descent one logit needs to travel from z0 to a
// target, which turns "MSE barely moves" into a count.
#pragma once

#include "core/argument_checks.hpp"
#include "core/binary_losses.hpp"
#include "core/limits.hpp"

namespace lossplay {

struct SigmoidChain {
  double p;        // σ(z)
  double dp_dz;    // σ'(z) = p(1 − p); underflows to 0 for |z| > ~745, as the true value is
                   // below the smallest double there
  double dce_dp;   // (p − y) / (p(1 − p)); ±Infinity where the true value exceeds the largest
                   // double (|z| > ~709): the reason the core never forms it
  double dmse_dp;  // 2(p − y)
  double dce_dz;   // p − y, computed without the two factors (they cancel on paper)
  double dmse_dz;  // 2(p − y)·p(1 − p)
};

// Precondition: check_binary_args(z, y) passes.
[[nodiscard]] SigmoidChain sigmoid_chain(double z, double y);

struct DescentCount {
  double steps;  // steps taken (all of max_steps when the target was not reached)
  bool reached;  // whether z reached z_target
  double z;      // where z ended
};

// Steps of z ← z − rate · dL/dz from z0 until z reaches z_target (moving either way), at most
// max_steps. z_target must lie on the side the gradient pushes toward (toward logit(y)), or it
// is never reached.
[[nodiscard]] ArgumentCheck check_descent_args(double z0, double y, double rate, double z_target,
                                               double max_steps);
[[nodiscard]] DescentCount count_descent_steps(double z0, double y, BinaryLoss loss, double rate,
                                               double z_target, double max_steps);

}  // namespace lossplay
