// Softmax, log-softmax and the two multi-class losses with their logit gradients.
#include "core/multiclass_losses.hpp"

#include <algorithm>
#include <cmath>

namespace lossplay {

namespace {

// One pass over the logits that yields s, 1 − s and ln s, each to full relative accuracy.
// With m = max z at index a and r = Σ_{i ≠ a} e^{z_i − m}: s_i = e^{z_i − m} / (1 + r),
// ln s_i = (z_i − m) − log1p(r), and for the dominant class 1 − s_a = r / (1 + r). Every other
// class has s_i ≤ ½, so its 1 − s_i has no cancellation.
struct SoftmaxParts {
  std::size_t dominant;  // a
  double shift;          // m
  double log1p_rest;     // log1p(r)
  std::vector<double> probs, complements, log_probs;
};

SoftmaxParts softmax_parts(std::span<const double> logits) {
  const std::size_t k = logits.size();
  const auto dominant =
      static_cast<std::size_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
  const double m = logits[dominant];
  SoftmaxParts parts{
      dominant, m, 0.0, std::vector<double>(k), std::vector<double>(k), std::vector<double>(k)};
  double rest = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    parts.probs[i] = std::exp(logits[i] - m);  // every exponent ≤ 0: no overflow
    if (i != dominant) {
      rest += parts.probs[i];
    }
  }
  const double denominator = 1.0 + rest;
  parts.log1p_rest = std::log1p(rest);
  for (std::size_t i = 0; i < k; ++i) {
    parts.probs[i] /= denominator;
    parts.complements[i] = i == dominant ? rest / denominator : 1.0 - parts.probs[i];
    parts.log_probs[i] = (logits[i] - m) - parts.log1p_rest;
  }
  return parts;
}

// Back through the first softmax: ∂L/∂z_j = s_j (h_j − Σ_i s_i h_i) for h = ∂L/∂s. Written
// with D_k = h_k − h_a (a the dominant class) as ∂L/∂z_a = −s_a Σ_{i≠a} s_i D_i and
// ∂L/∂z_j = s_j (D_j − Σ_{i≠a} s_i D_i): no term of size h is subtracted from another, so the
// result keeps its relative accuracy when s_a ≈ 1 and the true gradient is tiny.
std::vector<double> through_first_softmax(std::span<const double> first, std::size_t dominant,
                                          std::span<const double> gaps) {
  double weighted = 0.0;  // Σ_{i≠a} s_i D_i
  for (std::size_t i = 0; i < first.size(); ++i) {
    if (i != dominant) {
      weighted += first[i] * gaps[i];
    }
  }
  std::vector<double> gradient(first.size());
  for (std::size_t j = 0; j < first.size(); ++j) {
    gradient[j] = j == dominant ? -first[j] * weighted : first[j] * (gaps[j] - weighted);
  }
  return gradient;
}

}  // namespace

double log_sum_exp(std::span<const double> logits) {
  const SoftmaxParts parts = softmax_parts(logits);
  return parts.shift + parts.log1p_rest;
}

std::vector<double> softmax(std::span<const double> logits) { return softmax_parts(logits).probs; }

std::vector<double> log_softmax(std::span<const double> logits) {
  return softmax_parts(logits).log_probs;
}

ArgumentCheck check_logits(std::span<const double> logits) {
  return check_entries("logits", logits, 2);
}

ArgumentCheck check_class_index(double index, std::size_t k) {
  return check_integer_in("target class index", index, 0.0, static_cast<double>(k) - 1.0);
}

MulticlassLosses multiclass_losses(std::span<const double> logits, std::span<const double> target) {
  const std::size_t k = logits.size();
  const double scale = 2.0 / static_cast<double>(k);
  SoftmaxParts parts = softmax_parts(logits);

  MulticlassLosses out{std::move(parts.probs), 0.0, 0.0, std::vector<double>(k),
                       std::vector<double>(k)};
  double squared_error = 0.0;
  for (std::size_t i = 0; i < k; ++i) {
    const double s = out.probs[i];
    const double t = target[i];
    // A class with zero target weight adds nothing (the limit t ln s → 0).
    if (t != 0.0) {
      out.ce -= t * parts.log_probs[i];
    }
    // s − t as (1 − t)s − t(1 − s): exact for one-hot targets even when s rounds to 1.
    const double error = (1.0 - t) * s - t * parts.complements[i];
    squared_error += error * error;
    out.dce_dlogits[i] = error;
  }
  out.mse = squared_error / static_cast<double>(k);

  // ∂MSE/∂z_j = s_j (g_j − Σ_i g_i s_i), g = (2/K)(s − t). For the dominant class write
  // g_a − Σ_i g_i s_i = g_a (1 − s_a) − Σ_{i≠a} g_i s_i, which avoids cancelling as s_a → 1.
  double others = 0.0;  // Σ_{i≠a} g_i s_i
  for (std::size_t i = 0; i < k; ++i) {
    if (i != parts.dominant) {
      others += scale * out.dce_dlogits[i] * out.probs[i];
    }
  }
  const double g_dominant = scale * out.dce_dlogits[parts.dominant];
  const double all = g_dominant * out.probs[parts.dominant] + others;
  for (std::size_t j = 0; j < k; ++j) {
    const double g = scale * out.dce_dlogits[j];
    out.dmse_dlogits[j] = j == parts.dominant ? out.probs[j] * (g * parts.complements[j] - others)
                                              : out.probs[j] * (g - all);
  }
  return out;
}

MulticlassLosses multiclass_losses(std::span<const double> logits, std::size_t class_index) {
  std::vector<double> one_hot(logits.size(), 0.0);
  one_hot[class_index] = 1.0;
  return multiclass_losses(logits, one_hot);
}

MulticlassLosses softmax_twice_losses(std::span<const double> logits,
                                      std::span<const double> target) {
  const std::size_t k = logits.size();
  const std::vector<double> first = softmax(logits);  // s
  MulticlassLosses out = multiclass_losses(first, target);
  const std::vector<double>& second = out.probs;  // u = softmax(s)
  // softmax is monotone, so the largest logit also gives the largest s and the largest u.
  const auto dominant =
      static_cast<std::size_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
  // Differences from the dominant class a, each from the step before and none by subtracting
  // two nearly equal probabilities: x_k = x_a e^{v_k − v_a} for x = softmax(v) gives
  // x_k − x_a = x_a · expm1(v_k − v_a) (argument ≤ 0: no overflow). So s_k − s_a comes from
  // the logits, u_k − u_a from s_k − s_a, and for CE (h = u − t) D_k = (u_k − u_a) − (t_k − t_a).
  std::vector<double> first_gaps(k, 0.0);
  std::vector<double> second_gaps(k, 0.0);
  std::vector<double> ce_gaps(k, 0.0);
  for (std::size_t i = 0; i < k; ++i) {
    if (i != dominant) {
      first_gaps[i] = first[dominant] * std::expm1(logits[i] - logits[dominant]);
      second_gaps[i] = second[dominant] * std::expm1(first_gaps[i]);
      ce_gaps[i] = second_gaps[i] - (target[i] - target[dominant]);
    }
  }
  // For MSE, h_k = (2/K) u_k (e_k − ē) with e = u − t and ē = Σ_m u_m e_m, so
  // h_k − h_a = (2/K) [u_k (e_k − e_a) − (u_k − u_a)(ē − e_a)], and ē − e_a = Σ_m u_m D_m.
  double mean_gap = 0.0;  // ē − e_a
  for (std::size_t m = 0; m < k; ++m) {
    mean_gap += second[m] * ce_gaps[m];
  }
  const double scale = 2.0 / static_cast<double>(k);
  std::vector<double> mse_gaps(k, 0.0);
  for (std::size_t i = 0; i < k; ++i) {
    if (i != dominant) {
      mse_gaps[i] = scale * (second[i] * ce_gaps[i] - second_gaps[i] * mean_gap);
    }
  }
  out.dce_dlogits = through_first_softmax(first, dominant, ce_gaps);
  out.dmse_dlogits = through_first_softmax(first, dominant, mse_gaps);
  return out;
}

}  // namespace lossplay
