// Temperature scaling: the one number T that, dividing every logit, makes a model's mean
// cross-entropy on its examples smallest. T > 1 softens an overconfident model, T < 1 sharpens
// an underconfident one; the predicted classes never change.
//
// With s = 1/T the mean cross-entropy f(s) = (1/n) Σ_i CE_i(s·z_i) is convex in s (each CE is a
// log-sum-exp, which is convex, less a term linear in s·z), so its minimum is where the slope
// f'(s) crosses zero. With x = s·z the scaled logits, p = softmax(x) and y the label:
//   s·f'(s)   = (1/n) Σ_i Σ_k (p_k − y_k) x_k   =: G   (K = 1: (p − y)·x)
//   s²·f''(s) = (1/n) Σ_i Var_p(x)              =: V   (K = 1: x² p (1 − p)), never negative,
// and a Newton step on f' is s ← s (1 − G/V). The search keeps a bracket of T in
// [kModelTemperature.min, kModelTemperature.max] = [1e−3, 1e3], takes the Newton step when it
// stays inside the bracket and at least halves the step before it, and otherwise halves the
// bracket in log T (or first tries the end of the range not yet bracketed). It stops when the
// Newton step changes T by at most 1e−13 relative, or the bracket is that narrow.
//
// Each step of the search is one pass over the data (about 0.1 s of wasm for 10^7 logits), so a
// page can run it a step per frame: TemperatureFit is the search in steps, fit_temperature all
// of it at once.
#pragma once

#include <cstddef>

#include "core/model_data.hpp"
#include "core/softmax_row.hpp"

namespace lossplay {

struct TemperatureFitResult {
  double temperature;
  double mean_cross_entropy_before;  // at T = 1
  double mean_cross_entropy_after;   // at `temperature`, exactly as score_examples gives it
  // The optimum is an end of [1e−3, 1e3]: the mean cross-entropy still falls beyond it. On
  // separable data it falls all the way to T → 0 and the fit stops at 1e−3.
  bool at_limit;
};

class TemperatureFit {
 public:
  // Keeps views into data's arrays: they must outlive the fit. Precondition: check_model_data.
  explicit TemperatureFit(const ModelData& data);

  // One pass over the data; true once the search is over (then further steps do nothing).
  bool step();
  [[nodiscard]] bool done() const { return done_; }
  // Passes made so far.
  [[nodiscard]] std::size_t passes() const { return passes_; }
  // The fit. Precondition: done().
  [[nodiscard]] TemperatureFitResult result() const;

 private:
  // One row's cross-entropy and its terms of G and V (the means of a pass, in evaluate's
  // result); `varies` is false when the row's logits are all equal (then it ignores T).
  struct Terms {
    double loss, slope, curvature;
    bool varies;
  };

  [[nodiscard]] Terms evaluate(double temperature);
  [[nodiscard]] Terms binary_terms(std::size_t row, double temperature) const;
  [[nodiscard]] Terms softmax_terms(std::size_t row, double temperature);
  // Narrows the bracket with the pass at `evaluated_`; false when the search is over.
  bool update_bracket(const Terms& at);
  [[nodiscard]] double next_temperature(const Terms& at) const;
  void finish(bool at_limit);

  ModelData data_;
  SoftmaxRow row_;
  std::size_t passes_ = 0;
  bool done_ = false;
  bool at_limit_ = false;
  double before_ = 0.0;
  double next_ = 1.0;       // the temperature the next pass evaluates
  double evaluated_ = 1.0;  // the temperature the last pass evaluated, and its mean loss
  double evaluated_loss_ = 0.0;
  // The bracket: the optimum lies in (low_, high_). An end not yet evaluated is the range's.
  double low_, high_;
  bool low_known_ = false, high_known_ = false;
  double last_step_;  // |ln| of the last change of T, for the Newton-or-bisect test
};

// The whole search in one call. Precondition: check_model_data(data) passes.
[[nodiscard]] TemperatureFitResult fit_temperature(const ModelData& data);

}  // namespace lossplay
