// Per-position cross-entropy of next-token predictions, its mean and the perplexity, built on
// the multi-class log-sum-exp (multiclass_losses.hpp).
#include "core/token_sequence.hpp"

#include <cmath>
#include <string>

#include "core/limits.hpp"
#include "core/multiclass_losses.hpp"

namespace lossplay {

namespace {

ArgumentError shape_error(std::size_t logit_count, std::size_t positions) {
  const auto fewest = static_cast<std::size_t>(kVocabularySize.min);
  const auto most = static_cast<std::size_t>(kVocabularySize.max);
  constexpr std::size_t kExampleVocabulary = 7;
  const std::string n = std::to_string(positions);
  return {ErrorKind::range,
          "logits must hold one row of V logits per position (targets.length = " + n +
              "), V an integer in [" + std::to_string(fewest) + ", " + std::to_string(most) +
              "]: a multiple of " + n + " from " + std::to_string(fewest * positions) + " to " +
              std::to_string(most * positions) + " entries, such as " +
              std::to_string(kExampleVocabulary * positions) + " for V = 7; got " +
              std::to_string(logit_count)};
}

// "logits[12] (position 1, word 5)": which row and column of the flat array broke the rule.
std::string logit_name(std::size_t index, std::size_t vocabulary) {
  return "logits[" + std::to_string(index) + "] (position " + std::to_string(index / vocabulary) +
         ", word " + std::to_string(index % vocabulary) + ")";
}

// −ln softmax(row)[target] = lse(row) − row[target], from the stable log-softmax.
double position_loss(std::span<const double> row, std::size_t target) {
  return -log_softmax(row)[target];
}

}  // namespace

ArgumentCheck check_token_sequence_args(std::span<const double> logits,
                                        std::span<const double> targets, double position) {
  const std::size_t positions = targets.size();
  if (auto failure = check_limit(kTokenPositions, static_cast<double>(positions))) {
    return failure;
  }
  const std::size_t vocabulary = logits.size() / positions;  // whole rows only, checked next
  if (logits.size() % positions != 0 ||
      check_limit(kVocabularySize, static_cast<double>(vocabulary))) {
    return shape_error(logits.size(), positions);
  }
  for (std::size_t i = 0; i < logits.size(); ++i) {
    if (auto failure = check_limit(logit_name(i, vocabulary), kTokenLogit, logits[i])) {
      return failure;
    }
  }
  for (std::size_t n = 0; n < positions; ++n) {
    const std::string name = "targets[" + std::to_string(n) + "] (a word index)";
    if (auto failure =
            check_integer_in(name, targets[n], 0.0, static_cast<double>(vocabulary) - 1.0)) {
      return failure;
    }
  }
  return check_integer_in("position", position, 0.0, static_cast<double>(positions) - 1.0);
}

TokenSequenceLosses token_sequence_losses(std::span<const double> logits,
                                          std::span<const std::size_t> targets,
                                          std::size_t position) {
  const std::size_t positions = targets.size();
  const std::size_t vocabulary = logits.size() / positions;
  const auto row = [&](std::size_t n) { return logits.subspan(n * vocabulary, vocabulary); };

  TokenSequenceLosses out{};
  out.losses.resize(positions);
  double others = 0.0;  // Σ over n ≠ c, summed directly: no cancellation against loss_c
  for (std::size_t n = 0; n < positions; ++n) {
    out.losses[n] = position_loss(row(n), targets[n]);
    if (n != position) {
      others += out.losses[n];
    }
  }
  const double count = static_cast<double>(positions);
  const double chosen = out.losses[position];
  out.mean_loss = (others + chosen) / count;
  out.perplexity = std::exp(out.mean_loss);

  // The same log-sum-exp gives softmax and softmax − one-hot (exact even where p rounds to 1).
  MulticlassLosses at = multiclass_losses(row(position), targets[position]);
  out.probs = std::move(at.probs);
  out.dloss_dlogits = std::move(at.dce_dlogits);

  out.contribution = chosen / count;
  out.mean_loss_without = others / (count - 1.0);
  out.perplexity_without = std::exp(out.mean_loss_without);
  // mean − mean_without = (loss_c − mean_without) / N.
  out.perplexity_factor = std::exp((chosen - out.mean_loss_without) / count);
  return out;
}

}  // namespace lossplay
