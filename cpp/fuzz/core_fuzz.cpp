// libFuzzer target for the loss core: arbitrary bytes become doubles and arrays, every public
// function is called with what passes its argument check, and the invariants a correct core
// keeps are asserted: finite results for valid input, losses ≥ 0, BCE ≥ its entropy floor,
// softmax summing to 1, and analytic gradients agreeing with central differences where the
// loss is smooth enough to tell; for the loss landscape, finite maps that agree with the
// point functions, CE's Hessian positive semi-definite, descent paths inside their window.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/binary_losses.hpp"
#include "core/constant_fit.hpp"
#include "core/landscape.hpp"
#include "core/multiclass_losses.hpp"
#include "core/regression_losses.hpp"
#include "core/soft_target_losses.hpp"

namespace {

class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  double number() {
    double value = 0.0;
    if (offset_ + sizeof value <= size_) {
      std::memcpy(&value, data_ + offset_, sizeof value);
      offset_ += sizeof value;
    }
    return value;
  }
  std::size_t count(std::size_t max) {
    if (offset_ >= size_) return 0;
    return data_[offset_++] % (max + 1);
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t offset_ = 0;
};

void require(bool condition) {
  if (!condition) std::abort();
}

// Squashes an arbitrary double into [lo, hi] (NaN and ±∞ included) so most inputs are valid.
double within(double v, double lo, double hi) {
  if (!std::isfinite(v)) return lo;
  return lo + (hi - lo) * (0.5 + std::atan(v) / M_PI);
}

void check_binary(double z, double y) {
  if (lossplay::check_binary_args(z, y)) return;
  const auto l = lossplay::binary_losses(z, y);
  require(std::isfinite(l.p) && l.p >= 0.0 && l.p <= 1.0);
  require(std::isfinite(l.ce) && l.ce >= 0.0);
  require(std::isfinite(l.mse) && l.mse >= 0.0 && l.mse <= 1.0);
  require(std::isfinite(l.dce_dz) && std::fabs(l.dce_dz) <= 1.0);
  require(std::isfinite(l.dmse_dz) && std::fabs(l.dmse_dz) <= 0.5);
  if (std::fabs(z) < 30.0) {
    const double h = 1e-5;
    const double numeric =
        (lossplay::binary_losses(z + h, y).ce - lossplay::binary_losses(z - h, y).ce) / (2 * h);
    require(std::fabs(numeric - l.dce_dz) < 1e-6);
  }
  const auto soft = lossplay::soft_target_losses(z, y);
  require(std::isfinite(soft.kl) && soft.kl >= -1e-15);
  require(soft.bce + 1e-12 * (1.0 + soft.bce) >= soft.entropy);
}

void check_multiclass(const std::vector<double>& logits, std::size_t index) {
  if (lossplay::check_logits(logits)) return;
  const auto out = lossplay::multiclass_losses(logits, index % logits.size());
  double sum = 0.0;
  for (const double s : out.probs) {
    require(s >= 0.0 && s <= 1.0);
    sum += s;
  }
  require(std::fabs(sum - 1.0) < 1e-12);
  require(std::isfinite(out.ce) && out.ce >= 0.0);
  require(std::isfinite(out.mse) && out.mse >= 0.0);
  for (std::size_t i = 0; i < logits.size(); ++i) {
    require(std::isfinite(out.dce_dlogits[i]) && std::isfinite(out.dmse_dlogits[i]));
  }
}

void check_regression(const std::vector<double>& pred, const std::vector<double>& target,
                      double delta) {
  if (lossplay::check_regression_args(pred, target, delta)) return;
  const auto out = lossplay::regression_losses(pred, target, delta);
  require(std::isfinite(out.mse) && out.mse >= 0.0);
  require(std::isfinite(out.mae) && out.mae >= 0.0);
  require(std::isfinite(out.huber) && out.huber >= 0.0);
  if (lossplay::check_constant_fit_args(target, delta)) return;
  const auto fit = lossplay::fit_constant(target, delta);
  require(std::isfinite(fit.mean));
  require(std::isfinite(fit.mae.low) && fit.mae.low <= fit.mae.high && std::isfinite(fit.mae.high));
  require(std::isfinite(fit.huber.low) && fit.huber.low <= fit.huber.high &&
          std::isfinite(fit.huber.high));
}

// A one-cell-wide corner of a map at (w, b): a 2 × 2 window with (w, b) as a corner, so the
// map's cell there must agree with the point functions.
void check_landscape(const std::vector<double>& x, const std::vector<double>& y, double w, double b,
                     double rate, double momentum, std::size_t steps) {
  const lossplay::LandscapeData data{x, y};
  if (lossplay::check_landscape_data(data) || lossplay::check_landscape_point("w", w, "b", b)) {
    return;
  }
  const bool w_low = w < 0.0;
  const bool b_low = b < 0.0;
  const lossplay::LandscapeWindow window{
      w_low ? w : w - 1.0, w_low ? w + 1.0 : w, b_low ? b : b - 1.0, b_low ? b + 1.0 : b, 2, 2};
  const std::size_t cell = (b_low ? 0 : 2) + (w_low ? 0 : 1);
  for (const auto loss : {lossplay::BinaryLoss::ce, lossplay::BinaryLoss::mse}) {
    const auto point = lossplay::landscape_point(data, loss, w, b);
    require(std::isfinite(point.loss) && point.loss >= 0.0);
    require(std::isfinite(point.dw) && std::isfinite(point.db));
    const auto h = lossplay::landscape_hessian(data, loss, w, b);
    const double scale = std::fabs(h.hww) + 2.0 * std::fabs(h.hwb) + std::fabs(h.hbb);
    const double lambda = lossplay::smallest_eigenvalue(h);
    require(std::isfinite(scale) && std::isfinite(lambda));
    if (loss == lossplay::BinaryLoss::ce) {
      require(lambda >= -1e-13 * scale);
    }
    std::vector<double> map(4);
    lossplay::landscape_grid(data, loss, window, map);
    require(std::fabs(map[cell] - point.loss) <= 1e-11 * point.loss + 1e-300);
    lossplay::landscape_curvature_grid(data, loss, window, map);
    require(std::fabs(map[cell] - lambda) <= 1e-11 * scale + 1e-300);
    if (lossplay::check_descent_path_args(w, b, rate, static_cast<double>(steps), momentum)) {
      continue;
    }
    const auto path = lossplay::descent_path(data, loss, w, b, rate, steps, momentum);
    require(path.w.size() == path.steps + 1 && path.loss.size() == path.steps + 1);
    require(path.stopped == (path.steps < steps));
    for (std::size_t s = 0; s < path.w.size(); ++s) {
      require(std::fabs(path.w[s]) <= 50.0 && std::fabs(path.b[s]) <= 50.0);
      require(std::isfinite(path.loss[s]) && std::isfinite(path.grad_norm[s]));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Input input(data, size);
  const double z = input.number();
  const double y = input.number();
  check_binary(z, y);                                   // raw: mostly rejected by the checks
  check_binary(within(z, -800, 800), within(y, 0, 1));  // squashed: always valid

  std::vector<double> logits(input.count(12));
  for (double& v : logits) v = input.number();
  const std::size_t index = input.count(255);
  check_multiclass(logits, index);
  for (double& v : logits) v = within(v, -1e6, 1e6);
  check_multiclass(logits, index);

  const std::size_t n = input.count(8);
  std::vector<double> pred(n);
  std::vector<double> target(n);
  for (std::size_t i = 0; i < n; ++i) {
    pred[i] = within(input.number(), -1e6, 1e6);
    target[i] = within(input.number(), -1e6, 1e6);
  }
  check_regression(pred, target, within(input.number(), 1e-6, 1e3));

  std::vector<double> xs(input.count(16));
  std::vector<double> labels(xs.size());
  for (std::size_t k = 0; k < xs.size(); ++k) {
    xs[k] = within(input.number(), -10, 10);
    labels[k] = static_cast<double>(input.count(1));
  }
  check_landscape(xs, labels, within(input.number(), -50, 50), within(input.number(), -50, 50),
                  within(input.number(), 1e-3, 100), within(input.number(), 0, 0.999),
                  input.count(20));
  return 0;
}
