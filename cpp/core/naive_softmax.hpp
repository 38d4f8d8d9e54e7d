// The textbook softmax, e^{z_i} / Σ e^{z_j} with no shift, kept only to show next to the
// stable one what it does with large or very negative logits: e^{1000} overflows to +∞ and
// ∞/∞ is NaN; e^{−1000} underflows to 0, and when every term does, 0/0 is NaN.
#pragma once

#include <span>
#include <vector>

namespace lossplay {

struct NaiveSoftmax {
  std::vector<double> exponentials;  // e^{z_i} as computed: +∞ on overflow, 0 on underflow
  double sum;                 // Σ e^{z_i}: +∞ when it overflows, 0 when every term underflows
  std::vector<double> probs;  // e^{z_i} / sum, NaN for ∞/∞ and 0/0
};

// Precondition: logits non-empty and finite. May return ∞ or NaN entries by design.
[[nodiscard]] NaiveSoftmax naive_softmax(std::span<const double> logits);

}  // namespace lossplay
