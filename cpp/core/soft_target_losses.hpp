// Binary cross-entropy against a soft target t ∈ [0, 1], split into the part no prediction
// can remove (the entropy of the target) and the part the model controls (the KL divergence).
//
//   BCE(t, p) = H(t) + KL(t ‖ p),  H(t) = −[t ln t + (1 − t) ln(1 − t)],
//   KL(t ‖ p) = t ln(t/p) + (1 − t) ln((1 − t)/(1 − p)) ≥ 0, zero exactly at p = t.
#pragma once

#include "core/argument_checks.hpp"

namespace lossplay {

struct SoftTargetLosses {
  double p;        // σ(z), or the p given
  double bce;      // H(t) + KL(t ‖ p)
  double mse;      // (p − t)²
  double entropy;  // H(t), the minimum of BCE over p
  double kl;       // KL(t ‖ p), computed directly (not as BCE − H, which cancels near p = t)
  double dbce_dz;  // p − t
  double dmse_dz;  // 2(p − t)p(1 − p)
};

// z finite, t ∈ [0, 1].
[[nodiscard]] ArgumentCheck check_soft_target_args(double z, double t);

// Precondition: check_soft_target_args passes.
[[nodiscard]] SoftTargetLosses soft_target_losses(double z, double t);

// p ∈ (0, 1), t ∈ [0, 1].
[[nodiscard]] ArgumentCheck check_soft_target_p_args(double p, double t);

// The same at the probability p itself rather than at σ(logit(p)), which can differ from p in
// the last bit and so leave (p − t)² ≈ 1e−34 and KL ≈ 1e−17 where p = t: here both are exactly
// 0 at p = t. Gradients are still with respect to the logit z = logit(p). ln(1 − p) is
// log1p(−p), and each log ratio of KL is log1p of the relative difference near p = t.
// Precondition: check_soft_target_p_args passes.
[[nodiscard]] SoftTargetLosses soft_target_losses_at_p(double p, double t);

}  // namespace lossplay
