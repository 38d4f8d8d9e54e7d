// Whole chart series in one call, so a page never loops point by point across the JS/WASM
// boundary.
#pragma once

#include <cstddef>
#include <span>

#include "core/argument_checks.hpp"

namespace lossplay {

// Destination arrays, each of the same length n (the number of points).
struct BinaryCurveSpans {
  std::span<double> z, p, ce, mse, dce_dz, dmse_dz;
};

// Checks y ∈ [0, 1], finite z_min < z_max and an integer n in [2, kMaxArrayLength].
[[nodiscard]] ArgumentCheck check_binary_curve_args(double y, double z_min, double z_max, double n);

// Fills out with binary_losses(z_i, y) at n points z_i evenly spaced from z_min to z_max
// inclusive (both endpoints exact). Precondition: the checks above pass and every span has
// n elements.
void sample_binary_curve(double y, double z_min, double z_max, const BinaryCurveSpans& out);

}  // namespace lossplay
