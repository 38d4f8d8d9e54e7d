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

// H(t) = −[t ln t + (1 − t) ln(1 − t)], with 0·ln 0 = 0 at t = 0 and t = 1.
double binary_entropy(double t) {
  if (t == 0.0 || t == 1.0) {
    return 0.0;
  }
  return -(t * std::log(t) + (1.0 - t) * std::log1p(-t));
}

// ln(1 + x) − x for |x| ≤ 1/2, without the cancellation of subtracting x from log1p(x):
// with u = x / (2 + x), ln(1 + x) = 2 artanh u = 2(u + u³/3 + u⁵/5 + …) and 2u − x = −xu, so
// ln(1 + x) − x = −xu + 2u³ Σ_k u^(2k) / (2k + 3). |u| ≤ 1/3, so 18 terms reach 1e−17.
double log1p_minus_x(double x) {
  const double u = x / (2.0 + x);
  const double u2 = u * u;
  double series = 0.0;
  for (int k = 17; k >= 0; --k) {
    series = 1.0 / (2.0 * k + 3.0) + u2 * series;
  }
  return -x * u + 2.0 * u * u2 * series;
}

// KL(t ‖ p) = t ln(t/p) + (1 − t) ln((1 − t)/(1 − p)) at p, with q = 1 − p and r = p − t.
// Near p = t the two terms are ±O(r) and cancel to O(r²); writing ln(1 + x) = x + (ln(1 + x) − x)
// with x = −r/p and r/q, the first-order parts sum to exactly r²/(pq), leaving
//   KL = r²/(pq) + t·(ln(1 + x_p) − x_p) + (1 − t)·(ln(1 + x_q) − x_q),
// accurate to a few ulps and exactly 0 at r = 0. Farther out the direct form is accurate.
double kl_at_p(double p, double q, double t, double r) {
  const double x_p = -r / p;  // t/p − 1
  const double x_q = r / q;   // (1 − t)/(1 − p) − 1
  if (std::fabs(x_p) <= 0.5 && std::fabs(x_q) <= 0.5) {
    // r²/(pq) as (r/p)(r/q) = −x_p·x_q: r² underflows for p and t below about 10⁻¹⁵⁴.
    return -x_p * x_q + t * log1p_minus_x(x_p) + (1.0 - t) * log1p_minus_x(x_q);
  }
  // A term whose weight is 0 is 0 (t ln t → 0), even where its log is −∞.
  const double below = t > 0.0 ? t * (std::log(t) - std::log(p)) : 0.0;
  const double above = t < 1.0 ? (1.0 - t) * (std::log1p(-t) - std::log1p(-p)) : 0.0;
  return below + above;
}

}  // namespace

ArgumentCheck check_soft_target_args(double z, double t) {
  return first_failure(check_finite("z", z), check_label("t", t));
}

SoftTargetLosses soft_target_losses(double z, double t) {
  const BinaryLosses losses = binary_losses(z, t);
  const double entropy = binary_entropy(t);
  double kl = losses.ce;  // for t = 0 or 1, H(t) = 0 and BCE is all divergence
  if (t > 0.0 && t < 1.0) {
    const double z_t = logit(t);
    // KL = t[softplus(−z) − softplus(−z_t)] + (1 − t)[softplus(z) − softplus(z_t)].
    kl = t * softplus_difference(-z, -z_t) + (1.0 - t) * softplus_difference(z, z_t);
  }
  return {losses.p, losses.ce, losses.mse, entropy, kl, losses.dce_dz, losses.dmse_dz};
}

ArgumentCheck check_soft_target_p_args(double p, double t) {
  return first_failure(check_open_probability("p", p), check_label("t", t));
}

SoftTargetLosses soft_target_losses_at_p(double p, double t) {
  const double q = 1.0 - p;  // exact for p ≥ 1/2, else within half an ulp of a number ≥ 1/2
  const double log_p = std::log(p);
  const double log_q = std::log1p(-p);
  const double residual = p - t;  // exact near p = t (Sterbenz), else rounded once
  return {.p = p,
          .bce = -(t * log_p + (1.0 - t) * log_q),
          .mse = residual * residual,
          .entropy = binary_entropy(t),
          .kl = kl_at_p(p, q, t, residual),
          .dbce_dz = residual,
          .dmse_dz = 2.0 * residual * p * q};
}

}  // namespace lossplay
