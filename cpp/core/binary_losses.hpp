// Binary classification losses of a sigmoid output, computed from the logit.
//
// Notation: z is the logit, p = σ(z) the predicted probability of class 1, y ∈ [0, 1] the
// label (0/1, or a soft label). Every quantity is formed from exp(−|z|), which never
// overflows, so values stay relative-accurate in both tails: 1 − p is evaluated as σ(−z),
// never as 1 − σ(z), and ln p as −softplus(−z), never as log(σ(z)). Nothing is clamped.
#pragma once

#include <cmath>
#include <optional>
#include <string_view>

#include "core/argument_checks.hpp"

namespace lossplay {

// σ(z) = 1 / (1 + e^−z);  σ'(z) = σ(z)·σ(−z).
[[nodiscard]] double sigmoid(double z);

// logit(p) = ln p − ln(1 − p), the inverse of σ;  d/dp = 1 / (p(1 − p)).  Precondition: p ∈ (0, 1).
[[nodiscard]] double logit(double p);

// softplus(x) = ln(1 + e^x) = max(x, 0) + log1p(e^−|x|);  d/dx = σ(x).
// −ln σ(z) = softplus(−z) and −ln(1 − σ(z)) = softplus(z).
[[nodiscard]] double softplus(double x);

// Which binary loss a caller means: cross-entropy or squared error of p.
enum class BinaryLoss { ce, mse };

// "ce" or "mse"; nullopt otherwise.
[[nodiscard]] std::optional<BinaryLoss> binary_loss_named(std::string_view name);

// Losses and gradients at one (z, y) operating point.
struct BinaryLosses {
  double p;  // σ(z)
  double ce;  // CE = −[y ln p + (1 − y) ln(1 − p)] = y·softplus(−z) + (1 − y)·softplus(z)
  double mse;      // MSE = (p − y)²
  double dce_dz;   // dCE/dz = p − y  (the 1/p and 1/(1−p) of CE cancel σ'(z) = p(1 − p))
  double dmse_dz;  // dMSE/dz = 2(p − y)·p(1 − p)
};

// |dCE/dz| / |dMSE/dz| = 1 / (2p(1 − p)) = 1 + cosh z, defined also where p = y (both
// gradients 0). It overflows to +Infinity for |z| > ~710.5, where the true ratio exceeds the
// largest double; every other quantity here stays finite for every finite z.
[[nodiscard]] double gradient_ratio(double z);

// Checks z finite and y ∈ [0, 1].
[[nodiscard]] ArgumentCheck check_binary_args(double z, double y);

// Precondition: z finite, y ∈ [0, 1]. Inline so curve sampling can vectorise through it.
[[nodiscard]] inline BinaryLosses binary_losses(double z, double y) {
  const double a = std::fabs(z);
  const double e = std::exp(-a);           // in (0, 1]: cannot overflow
  const double sig_pos = 1.0 / (1.0 + e);  // σ(|z|)
  const double sig_neg = e / (1.0 + e);    // σ(−|z|), relative-accurate even when tiny
  const double soft_neg = std::log1p(e);   // softplus(−|z|)
  const double soft_pos = a + soft_neg;    // softplus(|z|)

  const bool nonnegative = z >= 0.0;
  const double p = nonnegative ? sig_pos : sig_neg;
  const double q = nonnegative ? sig_neg : sig_pos;  // 1 − p
  const double minus_log_p = nonnegative ? soft_neg : soft_pos;
  const double minus_log_q = nonnegative ? soft_pos : soft_neg;

  // p − y written as (1 − y)p − y(1 − p): for hard labels it reduces to p or −(1 − p), so it
  // keeps full relative accuracy with no 1 − p cancellation.
  const double residual = (1.0 - y) * p - y * q;
  return BinaryLosses{
      .p = p,
      .ce = y * minus_log_p + (1.0 - y) * minus_log_q,
      .mse = residual * residual,
      .dce_dz = residual,
      .dmse_dz = 2.0 * residual * p * q,
  };
}

}  // namespace lossplay
