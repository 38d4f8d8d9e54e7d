// One example's softmax at a temperature (declared in softmax_row.hpp).
#include "core/softmax_row.hpp"

#include <algorithm>
#include <cmath>

namespace lossplay {

SoftmaxRow::SoftmaxRow(std::size_t classes) : gaps_(classes), probs_(classes) {}

void SoftmaxRow::compute(std::span<const double> logits, double temperature) {
  const std::size_t k = logits.size();
  // The first largest logit: dividing by T > 0 keeps the order, so it is x's argmax too.
  top_ = static_cast<std::size_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
  const double x_top = logits[top_] / temperature;
  double rest = 0.0;
  for (std::size_t j = 0; j < k; ++j) {
    gaps_[j] = logits[j] / temperature - x_top;  // exactly 0 for the top class
    probs_[j] = std::exp(gaps_[j]);              // ≤ 1: no overflow
    if (j != top_) {
      rest += probs_[j];
    }
  }
  const double denominator = 1.0 + rest;
  log1p_rest_ = std::log1p(rest);
  top_complement_ = rest / denominator;
  for (std::size_t j = 0; j < k; ++j) {
    probs_[j] /= denominator;
  }
}

double SoftmaxRow::cross_entropy(const RowLabel& label) const {
  if (label.probs.empty()) {
    return log1p_rest_ - gaps_[label.class_index];
  }
  double ce = 0.0;
  for (std::size_t j = 0; j < gaps_.size(); ++j) {
    if (label.probs[j] != 0.0) {
      ce += label.probs[j] * (log1p_rest_ - gaps_[j]);
    }
  }
  return ce;
}

void SoftmaxRow::residuals(const RowLabel& label, std::span<double> out) const {
  const bool hard = label.probs.empty();
  for (std::size_t j = 0; j < gaps_.size(); ++j) {
    const double y = hard ? (j == label.class_index ? 1.0 : 0.0) : label.probs[j];
    out[j] = j == top_ ? (1.0 - y) - top_complement_ : probs_[j] - y;
  }
}

double euclidean_norm(std::span<const double> values) {
  double largest = 0.0;
  for (const double v : values) {
    largest = std::fmax(largest, std::fabs(v));
  }
  if (largest == 0.0) {
    return 0.0;
  }
  double sum = 0.0;
  for (const double v : values) {
    const double scaled = v / largest;
    sum += scaled * scaled;
  }
  return largest * std::sqrt(sum);
}

}  // namespace lossplay
