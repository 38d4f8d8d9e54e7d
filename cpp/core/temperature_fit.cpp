// The temperature search (declared in temperature_fit.hpp).
#include "core/temperature_fit.hpp"

#include <cmath>

#include "core/binary_losses.hpp"
#include "core/compensated_sum.hpp"
#include "core/limits.hpp"

namespace lossplay {
namespace {

constexpr double kLowest = kModelTemperature.min;
constexpr double kHighest = kModelTemperature.max;
// Relative change of T below which the search stops: 1e−12 is promised, this leaves a margin.
constexpr double kTolerance = 1e-13;
// Bisection alone narrows [1e−3, 1e3] to kTolerance in about 47 passes; Newton needs far fewer.
constexpr std::size_t kMostPasses = 100;

}  // namespace

TemperatureFit::TemperatureFit(const ModelData& data)
    : data_(data),
      row_(data.classes),
      low_(kLowest),
      high_(kHighest),
      last_step_(std::log(kHighest / kLowest)) {}

TemperatureFit::Terms TemperatureFit::binary_terms(std::size_t row, double temperature) const {
  const double z = data_.logits[row];
  const double x = z / temperature;
  const BinaryLosses losses = binary_losses(x, data_.labels[row]);  // as score_examples
  return Terms{losses.ce, losses.dce_dz * x, x * x * losses.p * sigmoid(-x), z != 0.0};
}

TemperatureFit::Terms TemperatureFit::softmax_terms(std::size_t row, double temperature) {
  row_.compute(data_.row_logits(row), temperature);
  RowLabel label;
  if (data_.label_kind == LabelKind::probability) {
    label.probs = data_.row_labels(row);
  } else {
    label.class_index = static_cast<std::size_t>(data_.labels[row]);
  }
  const auto p = row_.probs();
  const auto w = row_.gaps();  // x_k − x_a: the slope and the variance ignore a shift
  double mean = 0.0;           // E_p[w] = Σ_{k≠a} p_k w_k ≤ 0: terms of one sign
  bool varies = false;
  for (std::size_t k = 0; k < p.size(); ++k) {
    mean += p[k] * w[k];
    varies = varies || w[k] != 0.0;
  }
  double slope = 0.0;  // Σ_k y_k (E_p[w] − w_k): s times the s-derivative of −Σ_k y_k ln p_k
  double variance = 0.0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const double y = label.probs.empty() ? (k == label.class_index ? 1.0 : 0.0) : label.probs[k];
    slope += y * (mean - w[k]);
    variance += p[k] * (w[k] - mean) * (w[k] - mean);
  }
  return Terms{row_.cross_entropy(label), slope, variance, varies};
}

TemperatureFit::Terms TemperatureFit::evaluate(double temperature) {
  // Compensated: near the optimum G is a sum of terms of both signs that nearly cancel. The
  // loss is summed in the same order and way as score_examples' mean, so the two agree exactly.
  CompensatedSum loss;
  CompensatedSum slope;
  CompensatedSum curvature;
  bool varies = false;
  const std::size_t n = data_.rows();
  for (std::size_t i = 0; i < n; ++i) {
    const Terms one =
        data_.classes == 1 ? binary_terms(i, temperature) : softmax_terms(i, temperature);
    loss.add(one.loss);
    slope.add(one.slope);
    curvature.add(one.curvature);
    varies = varies || one.varies;
  }
  const auto count = static_cast<double>(n);
  return Terms{loss.value() / count, slope.value() / count, curvature.value() / count, varies};
}

bool TemperatureFit::step() {
  if (done_) {
    return true;
  }
  evaluated_ = next_;
  const Terms at = evaluate(evaluated_);
  ++passes_;
  evaluated_loss_ = at.loss;
  if (passes_ == 1) {
    before_ = at.loss;  // the first pass is at T = 1
    if (!at.varies) {
      finish(false);  // every row's logits are equal: no T changes anything, keep T = 1
      return true;
    }
  }
  if (!update_bracket(at)) {
    return true;
  }
  next_ = next_temperature(at);
  last_step_ = std::fabs(std::log(next_ / evaluated_));
  return false;
}

bool TemperatureFit::update_bracket(const Terms& at) {
  const double t = evaluated_;
  // G > 0: the loss falls as s falls, so the optimum has a larger T. G < 0, or a slope and a
  // curvature that both underflowed to 0 (every example right and saturated: the loss still
  // falls as T shrinks, by less than a double shows), puts it at a smaller T.
  if (at.slope > 0.0) {
    low_ = t;
    low_known_ = true;
  } else if (at.slope < 0.0 || at.curvature == 0.0) {
    high_ = t;
    high_known_ = true;
  } else {
    finish(t == kLowest || t == kHighest);  // G = 0 exactly, with curvature: the optimum
    return false;
  }
  const bool past_lowest = t == kLowest && at.slope <= 0.0;
  const bool past_highest = t == kHighest && at.slope > 0.0;
  const bool newton_done = at.curvature > 0.0 && std::fabs(at.slope / at.curvature) <= kTolerance;
  const bool bracket_done = low_known_ && high_known_ && high_ / low_ - 1.0 <= 2.0 * kTolerance;
  if (past_lowest || past_highest || newton_done || bracket_done || passes_ >= kMostPasses) {
    finish(past_lowest || past_highest);
    return false;
  }
  return true;
}

double TemperatureFit::next_temperature(const Terms& at) const {
  // Newton on f'(s): s ← s (1 − G/V), that is T ← T / (1 − G/V). NaN when V = 0.
  const double newton = evaluated_ / (1.0 - at.slope / at.curvature);
  const bool inside = newton > low_ && newton < high_;  // false for NaN and for T ≤ 0
  if (inside && std::fabs(std::log(newton / evaluated_)) <= 0.5 * last_step_) {
    return newton;
  }
  // Otherwise bracket the optimum first, at the end of the range on its side, then halve.
  if (at.slope > 0.0 && !high_known_) {
    return kHighest;
  }
  if (at.slope <= 0.0 && !low_known_) {
    return kLowest;
  }
  return std::sqrt(low_ * high_);  // the midpoint in log T
}

void TemperatureFit::finish(bool at_limit) {
  done_ = true;
  at_limit_ = at_limit;
}

TemperatureFitResult TemperatureFit::result() const {
  return TemperatureFitResult{evaluated_, before_, evaluated_loss_, at_limit_};
}

TemperatureFitResult fit_temperature(const ModelData& data) {
  TemperatureFit fit(data);
  while (!fit.step()) {
  }
  return fit.result();
}

}  // namespace lossplay
