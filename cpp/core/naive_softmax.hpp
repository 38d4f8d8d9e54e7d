// The textbook softmax, e^{z_i} / Σ e^{z_j} with no shift, kept only to show next to the
// stable one what it does with large logits: e^{1000} overflows to +∞ and ∞/∞ is NaN.
#pragma once

#include <span>
#include <vector>

namespace lossplay {

// Precondition: logits non-empty and finite. May return ∞ or NaN entries by design.
[[nodiscard]] std::vector<double> naive_softmax(std::span<const double> logits);

}  // namespace lossplay
