// A model's examples scored one by one: the probability it gave the label, its prediction, the
// cross-entropy and Brier score of each example and the sizes of their gradients with respect
// to the logits, and which examples carry the gradient (issue 32, the "your model" lab).
//
// Everything is computed from the logits (model_data.hpp has the shapes), divided by the
// temperature T first. K = 1 goes through binary_losses (binary_losses.hpp): softplus forms,
// 1 − p as σ(−z). K ≥ 2 goes through SoftmaxRow (softmax_row.hpp): log-sum-exp with the top
// class's complement kept exact. No probability is clamped, so a logit of 1e6 gives a
// cross-entropy of 1e6 (or 0 when it is right), not ln 1e7 or NaN.
#pragma once

#include <span>
#include <vector>

#include "core/model_data.hpp"

namespace lossplay {

// The share of the total gradient that the worst examples carry.
struct WorstShare {
  double count;          // m = ceil(n / 100): the examples with the largest cross-entropy
  double cross_entropy;  // their share of Σ crossEntropyGradient, in [0, 1] (0 when the sum is 0)
  double brier;          // their share of Σ brierGradient, likewise
};

// One entry per example in each vector (as doubles, for JS); y is the label (one-hot for a
// class), p = softmax(z / T) (K = 1: p = σ(z / T), the probability of class 1).
struct ExampleScores {
  // The model's probability of the label: K = 1: y·p + (1 − y)(1 − p), which is p for y = 1 and
  // 1 − p for y = 0; K ≥ 2: p_c for a class c, Σ_k y_k p_k for a probability row.
  std::vector<double> probability;
  // K = 1: p = σ(z / T), the probability of class 1. K ≥ 2: the top probability (= confidence).
  std::vector<double> positive;
  // The probability of the predicted class: K = 1: max(p, 1 − p); K ≥ 2: max_k p_k.
  std::vector<double> confidence;
  // K = 1: 1 if z > 0, else 0; K ≥ 2: the argmax of the logits. Ties go to the lowest index.
  std::vector<double> predicted;
  // The label's weight on the predicted class: 1 or 0 for hard labels, y_predicted for soft.
  std::vector<double> correct;
  // CE = −Σ_k y_k ln p_k (K = 1: y·softplus(−x) + (1 − y)·softplus(x), x = z / T).
  std::vector<double> cross_entropy;
  // Brier = Σ_k (p_k − y_k)² (K = 1: (p − y)², the binary Brier score).
  std::vector<double> brier;
  // ‖∂CE/∂x‖₂ with respect to the scaled logits x = z / T: ‖p − y‖₂ (K = 1: |p − y|).
  std::vector<double> cross_entropy_gradient;
  // ‖∂Brier/∂x‖₂: g_j = 2 p_j [(p_j − y_j) − Σ_k (p_k − y_k) p_k] (K = 1: |2(p − y) p (1 − p)|).
  std::vector<double> brier_gradient;
  // 1 when the predicted class is not the label's (for a soft label, its argmax, the lowest
  // index on ties, so y = 0.5 counts as class 0) and confidence ≥ kConfidentlyWrong, else 0.
  std::vector<double> confidently_wrong;
  double mean_cross_entropy;
  double mean_brier;
  double accuracy;  // the mean of correct
  double confidently_wrong_count;
  WorstShare worst_share;
};

// Precondition: check_model_data(data) and check_model_temperature(temperature) pass.
[[nodiscard]] ExampleScores score_examples(const ModelData& data, double temperature);

// The worst examples are the m = ceil(n / 100) with the largest cross_entropy (ties: the earlier
// row first); the shares are of the gradient sums over all n (all 0 when n = 0). Precondition:
// three spans of the same length, with finite non-negative gradients.
[[nodiscard]] WorstShare worst_share(std::span<const double> cross_entropy,
                                     std::span<const double> cross_entropy_gradient,
                                     std::span<const double> brier_gradient);

}  // namespace lossplay
