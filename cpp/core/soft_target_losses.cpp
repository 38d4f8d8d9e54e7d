// Soft-target BCE with its entropy and KL parts.
#include "core/soft_target_losses.hpp"

#include <cmath>

#include "core/binary_losses.hpp"

namespace lossplay {
namespace {

// softplus(a) − softplus(b) = ln(1 + σ(b)(e^{a−b} − 1)). Near a = b the direct difference
// cancels; this form keeps relative accuracy through expm1 and log1p.
double softplus_difference(double a, double b) {
  if (std::fabs(a - b) < 1.0) {
    return std::log1p(sigmoid(b) * std::expm1(a - b));
  }
  return softplus(a) - softplus(b);
}

}  // namespace

ArgumentCheck check_soft_target_args(double z, double t) {
  return first_failure(check_finite("z", z), check_label("t", t));
}

SoftTargetLosses soft_target_losses(double z, double t) {
  const BinaryLosses losses = binary_losses(z, t);
  double entropy = 0.0;
  double kl = losses.ce;  // for t = 0 or 1, H(t) = 0 and BCE is all divergence
  if (t > 0.0 && t < 1.0) {
    const double z_t = logit(t);
    entropy = binary_losses(z_t, t).ce;
    // KL = t[softplus(−z) − softplus(−z_t)] + (1 − t)[softplus(z) − softplus(z_t)].
    kl = t * softplus_difference(-z, -z_t) + (1.0 - t) * softplus_difference(z, z_t);
  }
  return {losses.p, losses.ce, losses.mse, entropy, kl, losses.dce_dz, losses.dmse_dz};
}

}  // namespace lossplay
