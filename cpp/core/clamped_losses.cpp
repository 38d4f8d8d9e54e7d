// The clamped, naive cross-entropy: deliberately the textbook code, not the stable form.
#include "core/clamped_losses.hpp"

#include <algorithm>
#include <cmath>

namespace lossplay {

ArgumentCheck check_clamped_args(double z, double y, double epsilon) {
  if (auto failure = first_failure(check_finite("z", z), check_label("y", y))) {
    return failure;
  }
  if (auto failure = check_limit(kClampEpsilon, epsilon)) {
    // Say why there is a floor (the range alone looks arbitrary) and a value that works.
    if (epsilon < kClampEpsilon.min) {
      failure->message.append(": below ")
          .append(format_number(kClampEpsilon.min))
          .append(", 1 - epsilon rounds to 1, so the clamp cannot keep ln(1 - p) finite");
    }
    failure->message.append(". Use a value such as 1e-12");
    return failure;
  }
  return std::nullopt;
}

ClampedBinaryLosses clamped_binary_ce(double z, double y, double epsilon) {
  const double naive_p = 1.0 / (1.0 + std::exp(-z));  // rounds to 0 or 1 in the tails
  const double p = std::clamp(naive_p, epsilon, 1.0 - epsilon);
  const bool clamped = p != naive_p;
  // y = 0 or 1 drops the other term, as frameworks do, so 0·ln(·) never matters.
  double ce = 0.0;
  if (y != 0.0) {
    ce -= y * std::log(p);
  }
  if (y != 1.0) {
    ce -= (1.0 - y) * std::log(1.0 - p);
  }
  return {p, ce, clamped ? 0.0 : naive_p - y, clamped};
}

}  // namespace lossplay
