// Curve sampling for the binary charts.
#include "core/binary_curve.hpp"

#include "core/binary_losses.hpp"

namespace lossplay {

ArgumentCheck check_binary_curve_args(double y, double z_min, double z_max, double n) {
  if (auto failure = first_failure(check_label("y", y), check_finite("zMin", z_min),
                                   check_finite("zMax", z_max), check_limit(kCurvePoints, n))) {
    return failure;
  }
  if (!(z_min < z_max)) {
    return ArgumentError{ErrorKind::range,
                         "zMin must be less than zMax, got zMin = " + format_number(z_min) +
                             " and zMax = " + format_number(z_max)};
  }
  return std::nullopt;
}

void sample_binary_curve(double y, double z_min, double z_max, const BinaryCurveSpans& out) {
  const std::size_t n = out.z.size();
  const double last = static_cast<double>(n - 1);
  for (std::size_t i = 0; i < n; ++i) {
    // Weighted form rather than z_min + i·step: hits both endpoints exactly and cannot
    // overflow when z_max − z_min exceeds the largest double.
    const double t = static_cast<double>(i) / last;
    const double z = (1.0 - t) * z_min + t * z_max;
    const BinaryLosses losses = binary_losses(z, y);
    out.z[i] = z;
    out.p[i] = losses.p;
    out.ce[i] = losses.ce;
    out.mse[i] = losses.mse;
    out.dce_dz[i] = losses.dce_dz;
    out.dmse_dz[i] = losses.dmse_dz;
  }
}

}  // namespace lossplay
