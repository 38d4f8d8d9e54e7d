// Scalar sigmoid, logit and softplus in their overflow-free forms.
#include "core/binary_losses.hpp"

namespace lossplay {

double sigmoid(double z) {
  if (z >= 0.0) {
    return 1.0 / (1.0 + std::exp(-z));
  }
  const double e = std::exp(z);
  return e / (1.0 + e);
}

double logit(double p) {
  // log1p(−p) keeps ln(1 − p) accurate for small p; for p ≥ 0.5, 1 − p is exact anyway.
  return std::log(p) - std::log1p(-p);
}

ArgumentCheck check_binary_args(double z, double y) {
  return first_failure(check_finite("z", z), check_label("y", y));
}

double gradient_ratio(double z) { return 1.0 + std::cosh(z); }

double softplus(double x) { return std::fmax(x, 0.0) + std::log1p(std::exp(-std::fabs(x))); }

std::optional<BinaryLoss> binary_loss_named(std::string_view name) {
  if (name == "ce") {
    return BinaryLoss::ce;
  }
  if (name == "mse") {
    return BinaryLoss::mse;
  }
  return std::nullopt;
}

}  // namespace lossplay
