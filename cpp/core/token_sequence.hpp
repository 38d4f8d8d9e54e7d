// Next-token prediction: cross-entropy over a sentence, the way a language model is trained.
//
// Notation: a sentence of N predictions (positions); at position n the model gives logits
// z_n ∈ R^V over a vocabulary of V words, and t_n is the index of the word that really comes
// next. The logits arrive as one row-major array of N rows of V.
//   loss_n     = −ln softmax(z_n)[t_n] = lse(z_n) − z_n[t_n]   (log-sum-exp, never ln of a
//                                                              rounded probability)
//   mean       = (1/N) Σ_n loss_n                               (what training minimises)
//   perplexity = exp(mean)                                      (uniform logits: exactly V)
//   ∂loss_n/∂z_n = softmax(z_n) − onehot(t_n)
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/argument_checks.hpp"

namespace lossplay {

struct TokenSequenceLosses {
  std::vector<double> losses;  // loss_n for every position
  double mean_loss;            // (1/N) Σ loss_n
  double perplexity;           // exp(mean_loss)
  // The chosen position c:
  std::vector<double> probs;          // softmax(z_c)
  std::vector<double> dloss_dlogits;  // ∂loss_c/∂z_c = softmax(z_c) − onehot(t_c)
  double contribution;                // loss_c / N: this position's share of the mean
  double mean_loss_without;           // the mean over the other N − 1 positions
  double perplexity_without;          // exp(mean_loss_without)
  // perplexity / perplexity_without = exp((loss_c − mean_loss_without) / N), computed from
  // the difference of the means rather than as a ratio of two exponentials.
  double perplexity_factor;
};

// targets: N entries, N in kTokenPositions; logits: N·V entries with V in kVocabularySize, each
// within kTokenLogit; every target an integer in [0, V − 1]; position an integer in [0, N − 1].
// The logit bound keeps every loss below 200 + ln V, so the perplexity is always finite.
[[nodiscard]] ArgumentCheck check_token_sequence_args(std::span<const double> logits,
                                                      std::span<const double> targets,
                                                      double position);

// Precondition: check_token_sequence_args passes (targets as the same integers).
[[nodiscard]] TokenSequenceLosses token_sequence_losses(std::span<const double> logits,
                                                        std::span<const std::size_t> targets,
                                                        std::size_t position);

}  // namespace lossplay
