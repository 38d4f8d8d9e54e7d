// Constant fits: mean, median and the Huber minimiser against closed forms, and the loss
// curves against regression_losses evaluated at constant predictions.
#include "core/constant_fit.hpp"

#include <catch2/catch.hpp>
#include <vector>

#include "core/regression_losses.hpp"

TEST_CASE("targets 3, 5, 2: mean 10/3, median 3, Huber(1) 3", "[fit]") {
  const std::vector<double> targets{3.0, 5.0, 2.0};
  const auto fit = lossplay::fit_constant(targets, 1.0);
  CHECK(fit.mean == Approx(10.0 / 3.0).epsilon(1e-15));
  CHECK(fit.median == 3.0);
  // Slope Σ clamp(c − t, −1, 1) at c = 3 is 0 + (−1) + 1 = 0.
  CHECK(fit.huber == Approx(3.0).epsilon(1e-14));
}

TEST_CASE("an outlier drags the mean, not the median; Huber lies between", "[fit]") {
  const std::vector<double> targets{3.0, 5.0, 2.0, 30.0};
  const auto fit = lossplay::fit_constant(targets, 3.0);
  CHECK(fit.mean == 10.0);
  CHECK(fit.median == 4.0);  // midpoint of 3 and 5
  // For c in [2, 5]: (c − 2) + (c − 3) + (c − 5) − 3 = 3c − 13 = 0.
  CHECK(fit.huber == Approx(13.0 / 3.0).epsilon(1e-14));
  CHECK(fit.median < fit.huber);
  CHECK(fit.huber < fit.mean);
  // A large δ turns Huber into half the MSE: its minimiser becomes the mean.
  CHECK(lossplay::fit_constant(targets, 100.0).huber == Approx(10.0).epsilon(1e-14));
}

TEST_CASE("one target, and values near the largest accepted magnitude", "[fit]") {
  const std::vector<double> one{7.5};
  const auto fit = lossplay::fit_constant(one, 1.0);
  CHECK(fit.mean == 7.5);
  CHECK(fit.median == 7.5);
  CHECK(fit.huber == 7.5);
  const std::vector<double> huge{1e150, 1e150};
  CHECK(lossplay::fit_constant(huge, 1.0).median == 1e150);
}

TEST_CASE("loss curves equal the regression losses of a constant prediction", "[fit]") {
  const std::vector<double> targets{3.0, 5.0, 2.0, 30.0};
  const std::size_t n = 51;
  std::vector<double> c(n), mse(n), mae(n), huber(n);
  lossplay::sample_constant_losses(targets, 2.0, -5.0, 35.0, {c, mse, mae, huber});
  CHECK(c.front() == -5.0);
  CHECK(c.back() == 35.0);
  for (std::size_t k = 0; k < n; ++k) {
    INFO("c = " << c[k]);
    const std::vector<double> predictions(targets.size(), c[k]);
    const auto losses = lossplay::regression_losses(predictions, targets, 2.0);
    CHECK(mse[k] == Approx(losses.mse).epsilon(1e-14));
    CHECK(mae[k] == Approx(losses.mae).epsilon(1e-14));
    CHECK(huber[k] == Approx(losses.huber).epsilon(1e-14));
  }
}

TEST_CASE("constant-fit argument checks", "[fit][checks]") {
  const std::vector<double> targets{1.0};
  CHECK(lossplay::check_constant_fit_args(std::vector<double>{}, 1.0)->message ==
        "targets must have between 1 and 4000000 entries, got 0");
  CHECK(lossplay::check_constant_fit_args(targets, -1.0)->message ==
        "delta must be a number in (0, 1e150], got -1");
  CHECK(lossplay::check_constant_curve_args(targets, 1.0, 2.0, 1.0, 10.0)->message ==
        "cMin and cMax must be finite numbers in [-1e150, 1e150] with cMin < cMax, got cMin = 2 "
        "and cMax = 1");
  CHECK(lossplay::check_constant_curve_args(targets, 1.0, 0.0, 1.0, 1e6)->message ==
        "n must be an integer in [2, 100000], got 1000000");
}
