// Multi-class losses of a softmax output, computed from the logits by log-sum-exp.
//
// Notation: z ∈ R^K logits (K ≥ 2), s = softmax(z), t ∈ R^K a target distribution (one-hot
// for a class index). Shifting by max(z) before exponentiating keeps every exponent ≤ 0, so
// logits such as [1000, 0, −1000] give finite results, accurate to rounding.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/argument_checks.hpp"

namespace lossplay {

// lse(z) = ln Σ e^{z_i} = m + ln Σ e^{z_i − m}, m = max z;  ∂lse/∂z_i = s_i.
[[nodiscard]] double log_sum_exp(std::span<const double> logits);

// s_i = e^{z_i − m} / Σ_j e^{z_j − m};  ∂s_i/∂z_j = s_i(δ_ij − s_j).
[[nodiscard]] std::vector<double> softmax(std::span<const double> logits);

// ln s_i = z_i − lse(z), finite whenever the logits are.
[[nodiscard]] std::vector<double> log_softmax(std::span<const double> logits);

struct MulticlassLosses {
  std::vector<double> probs;  // s = softmax(z)
  // CE = −Σ t_i ln s_i;  ∂CE/∂z = s − t (for any t that sums to 1).
  double ce;
  // MSE = (1/K) Σ (s_i − t_i)², as torch.nn.functional.mse_loss(softmax(z), t);
  // ∂MSE/∂z_j = s_j (g_j − Σ_i g_i s_i) with g = (2/K)(s − t): the softmax Jacobian again
  // multiplies the error by probabilities, so it fades as the softmax saturates.
  double mse;
  std::vector<double> dce_dlogits;
  std::vector<double> dmse_dlogits;
};

// Logits: K ≥ 2 entries, each finite with |z| ≤ kMaxEntryMagnitude.
[[nodiscard]] ArgumentCheck check_logits(std::span<const double> logits);
// Class index: an integer in [0, K − 1].
[[nodiscard]] ArgumentCheck check_class_index(double index, std::size_t k);

// Precondition: check_logits passes; target passes check_probability_vector for K.
[[nodiscard]] MulticlassLosses multiclass_losses(std::span<const double> logits,
                                                 std::span<const double> target);
// Precondition: check_logits and check_class_index pass.
[[nodiscard]] MulticlassLosses multiclass_losses(std::span<const double> logits,
                                                 std::size_t class_index);

// The "softmax twice" mistake: a model whose last layer already applies softmax, trained with
// a loss that applies softmax again. Losses are those of softmax(softmax(z)) against the
// target; gradients are w.r.t. the original logits z, through both softmaxes:
// ∂L/∂z_j = s_j (g_j − Σ_i s_i g_i), with s = softmax(z) and g the gradient w.r.t. s. They are
// computed from differences to the dominant class (expm1 of logit gaps), never by subtracting
// nearly equal terms, so they keep their relative accuracy where they are tiny (the gradient
// on a dominant logit of 40 is about 1e−17).
// Precondition as for multiclass_losses.
[[nodiscard]] MulticlassLosses softmax_twice_losses(std::span<const double> logits,
                                                    std::span<const double> target);

}  // namespace lossplay
