// Scoring a model's examples (declared in model_scores.hpp).
#include "core/model_scores.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/binary_losses.hpp"
#include "core/compensated_sum.hpp"
#include "core/limits.hpp"
#include "core/softmax_row.hpp"

namespace lossplay {
namespace {

// One example's scores, in the order of ExampleScores' vectors.
struct ExampleScore {
  double probability, positive, confidence, predicted, correct, cross_entropy, brier,
      cross_entropy_gradient, brier_gradient, confidently_wrong;
};

double confidently_wrong(double predicted, double label_class, double confidence) {
  return predicted != label_class && confidence >= kConfidentlyWrong ? 1.0 : 0.0;
}

// K = 1: binary_losses at x = z / T gives p, CE, (p − y)² and both logit gradients.
ExampleScore binary_example(double z, double y, double temperature) {
  const double x = z / temperature;
  const BinaryLosses losses = binary_losses(x, y);
  const double q = sigmoid(-x);  // 1 − p, without the cancellation of 1 − p
  const double predicted = x > 0.0 ? 1.0 : 0.0;
  const double confidence = x > 0.0 ? losses.p : q;
  return ExampleScore{
      .probability = y * losses.p + (1.0 - y) * q,
      .positive = losses.p,
      .confidence = confidence,
      .predicted = predicted,
      .correct = predicted == 1.0 ? y : 1.0 - y,
      .cross_entropy = losses.ce,
      .brier = losses.mse,
      .cross_entropy_gradient = std::fabs(losses.dce_dz),
      .brier_gradient = std::fabs(losses.dmse_dz),
      .confidently_wrong = confidently_wrong(predicted, y > 0.5 ? 1.0 : 0.0, confidence),
  };
}

// Scratch for one softmax row: the residuals p − y and the Brier gradient.
struct RowScratch {
  std::vector<double> residual, gradient;
};

// The Brier gradient g_j = p_j (h_j − Σ_i p_i h_i), h = 2(p − y), written with the gaps to the
// top class D_k = h_k − h_a as g_a = −p_a W and g_j = p_j (D_j − W), W = Σ_{i≠a} p_i D_i: no
// two terms of size h cancel, so a saturated softmax gets its tiny gradient to full precision.
void brier_gradient(const SoftmaxRow& row, std::span<const double> residual,
                    std::span<double> out) {
  const std::size_t a = row.top();
  const auto p = row.probs();
  double weighted = 0.0;  // W
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (i != a) {
      weighted += p[i] * 2.0 * (residual[i] - residual[a]);
    }
  }
  for (std::size_t j = 0; j < p.size(); ++j) {
    out[j] = j == a ? -p[j] * weighted : p[j] * (2.0 * (residual[j] - residual[a]) - weighted);
  }
}

// K ≥ 2, for the softmax already computed in `row`.
ExampleScore softmax_example(const SoftmaxRow& row, const RowLabel& label, RowScratch& scratch) {
  const std::size_t a = row.top();
  const auto p = row.probs();
  const bool hard = label.probs.empty();
  row.residuals(label, scratch.residual);
  brier_gradient(row, scratch.residual, scratch.gradient);
  double brier = 0.0;
  for (const double d : scratch.residual) {
    brier += d * d;
  }
  const auto label_class =
      hard ? label.class_index
           : static_cast<std::size_t>(std::max_element(label.probs.begin(), label.probs.end()) -
                                      label.probs.begin());
  const auto predicted = static_cast<double>(a);
  return ExampleScore{
      .probability = hard ? p[label.class_index]
                          : std::inner_product(p.begin(), p.end(), label.probs.begin(), 0.0),
      .positive = p[a],
      .confidence = p[a],
      .predicted = predicted,
      .correct = hard ? (a == label.class_index ? 1.0 : 0.0) : label.probs[a],
      .cross_entropy = row.cross_entropy(label),
      .brier = brier,
      .cross_entropy_gradient = euclidean_norm(scratch.residual),
      .brier_gradient = euclidean_norm(scratch.gradient),
      .confidently_wrong = confidently_wrong(predicted, static_cast<double>(label_class), p[a]),
  };
}

void store(ExampleScores& out, std::size_t i, const ExampleScore& s) {
  out.probability[i] = s.probability;
  out.positive[i] = s.positive;
  out.confidence[i] = s.confidence;
  out.predicted[i] = s.predicted;
  out.correct[i] = s.correct;
  out.cross_entropy[i] = s.cross_entropy;
  out.brier[i] = s.brier;
  out.cross_entropy_gradient[i] = s.cross_entropy_gradient;
  out.brier_gradient[i] = s.brier_gradient;
  out.confidently_wrong[i] = s.confidently_wrong;
}

ExampleScores sized(std::size_t n) {
  const std::vector<double> column(n);
  return ExampleScores{column, column, column, column, column, column, column,      column,
                       column, column, 0.0,    0.0,    0.0,    0.0,    WorstShare{}};
}

double mean(std::span<const double> values) {
  CompensatedSum sum;
  for (const double v : values) {
    sum.add(v);
  }
  return sum.value() / static_cast<double>(values.size());
}

}  // namespace

ExampleScores score_examples(const ModelData& data, double temperature) {
  const std::size_t n = data.rows();
  const std::size_t k = data.classes;
  ExampleScores out = sized(n);
  SoftmaxRow row(k);
  RowScratch scratch{std::vector<double>(k), std::vector<double>(k)};
  for (std::size_t i = 0; i < n; ++i) {
    if (k == 1) {
      store(out, i, binary_example(data.logits[i], data.labels[i], temperature));
      continue;
    }
    RowLabel label;
    if (data.label_kind == LabelKind::probability) {
      label.probs = data.row_labels(i);
    } else {
      label.class_index = static_cast<std::size_t>(data.labels[i]);
    }
    row.compute(data.row_logits(i), temperature);
    store(out, i, softmax_example(row, label, scratch));
  }
  out.mean_cross_entropy = mean(out.cross_entropy);
  out.mean_brier = mean(out.brier);
  out.accuracy = mean(out.correct);
  out.confidently_wrong_count =
      std::accumulate(out.confidently_wrong.begin(), out.confidently_wrong.end(), 0.0);
  out.worst_share = worst_share(out.cross_entropy, out.cross_entropy_gradient, out.brier_gradient);
  return out;
}

WorstShare worst_share(std::span<const double> cross_entropy,
                       std::span<const double> cross_entropy_gradient,
                       std::span<const double> brier_gradient) {
  const std::size_t n = cross_entropy.size();
  if (n == 0) {
    return WorstShare{0.0, 0.0, 0.0};  // no examples, no worst ones
  }
  const std::size_t m = (n + kWorstShareDivisor - 1) / kWorstShareDivisor;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // A strict total order (larger CE first, then the earlier row), so the m chosen are the same
  // whatever order nth_element leaves them in.
  std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(m - 1), order.end(),
                   [&](std::size_t i, std::size_t j) {
                     return cross_entropy[i] > cross_entropy[j] ||
                            (cross_entropy[i] == cross_entropy[j] && i < j);
                   });
  const auto share = [&](std::span<const double> gradient) {
    CompensatedSum worst;
    CompensatedSum total;
    for (std::size_t r = 0; r < n; ++r) {
      total.add(gradient[r]);
      if (r < m) {
        worst.add(gradient[order[r]]);
      }
    }
    return total.value() > 0.0 ? std::fmin(worst.value() / total.value(), 1.0) : 0.0;
  };
  return WorstShare{static_cast<double>(m), share(cross_entropy_gradient), share(brier_gradient)};
}

}  // namespace lossplay
