// One example's softmax at a temperature, the piece that scoring (model_scores.hpp) and the
// temperature fit (temperature_fit.hpp) share, so that the fit's mean cross-entropy at T is the
// one scoreExamples reports at T, to the bit.
//
// With x = z / T, a = argmax x (the lowest index on ties), the gaps w_k = x_k − x_a ≤ 0 and
// r = Σ_{k≠a} e^{w_k}:
//   p_k = e^{w_k} / (1 + r),   ln p_k = w_k − log1p(r),   1 − p_a = r / (1 + r).
// Every exponent is ≤ 0, so nothing overflows, and the top class's complement 1 − p_a is formed
// from r, never as 1 − p_a, so it keeps its digits when p_a rounds to 1. Each other class has
// p_k ≤ ½, so its own 1 − p_k has no cancellation.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace lossplay {

// An example's label: a class index, or (when `probs` is not empty) a probability row.
struct RowLabel {
  std::size_t class_index = 0;
  std::span<const double> probs;
};

class SoftmaxRow {
 public:
  // Holds the scratch for K classes, reused from row to row.
  explicit SoftmaxRow(std::size_t classes);

  // The softmax of logits / temperature (K logits, all finite; temperature > 0).
  void compute(std::span<const double> logits, double temperature);

  [[nodiscard]] std::size_t top() const { return top_; }                   // a
  [[nodiscard]] double top_complement() const { return top_complement_; }  // 1 − p_a
  [[nodiscard]] std::span<const double> gaps() const { return gaps_; }     // w
  [[nodiscard]] std::span<const double> probs() const { return probs_; }   // p
  [[nodiscard]] double log1p_rest() const { return log1p_rest_; }          // log1p(r)
  [[nodiscard]] double log_prob(std::size_t k) const { return gaps_[k] - log1p_rest_; }

  // CE = −Σ_k y_k ln p_k = Σ_k y_k (log1p(r) − w_k); for a class c, log1p(r) − w_c. Terms with
  // y_k = 0 add nothing, however small p_k is.
  [[nodiscard]] double cross_entropy(const RowLabel& label) const;

  // p_k − y_k into `out` (K entries). For the top class it is (1 − y_a) − (1 − p_a), both
  // parts exact or nearly so, rather than p_a − y_a, which cancels when both are near 1.
  void residuals(const RowLabel& label, std::span<double> out) const;

 private:
  std::size_t top_ = 0;
  double log1p_rest_ = 0.0;
  double top_complement_ = 0.0;
  std::vector<double> gaps_, probs_;
};

// √(Σ v_k²), scaled by the largest |v_k| first so that neither the squares of tiny entries
// underflow nor those of large ones overflow (a gradient of 1e−200 has a norm of about 1e−200,
// not 0).
[[nodiscard]] double euclidean_norm(std::span<const double> values);

}  // namespace lossplay
