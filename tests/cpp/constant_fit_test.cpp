// Constant fits: mean, median and the Huber minimiser against closed forms, and the loss
// curves against regression_losses evaluated at constant predictions.
#include "core/constant_fit.hpp"

#include <catch2/catch.hpp>
#include <vector>

#include "core/regression_losses.hpp"

namespace {

// A fit whose median and Huber minimiser are single points, each worked out by hand.
void check_point_fit(const lossplay::ConstantFit& fit, double mean, double median, double huber) {
  CHECK(fit.mean == Approx(mean).epsilon(1e-15));
  CHECK(fit.mae.low == median);
  CHECK(fit.mae.high == median);
  CHECK(fit.huber.low == huber);
  CHECK(fit.huber.high == huber);
}

}  // namespace

TEST_CASE("targets 3, 5, 2: mean 10/3, median 3, Huber(1) 3", "[fit]") {
  const std::vector<double> targets{3.0, 5.0, 2.0};
  // Huber: the slope Σ clamp(c − t, −1, 1) at c = 3 is 0 + (−1) + 1 = 0, and it rises through
  // c = 3.
  check_point_fit(lossplay::fit_constant(targets, 1.0), 10.0 / 3.0, 3.0, 3.0);
}

TEST_CASE("an outlier drags the mean, not the median", "[fit]") {
  const std::vector<double> targets{3.0, 5.0, 2.0, 30.0};
  const auto fit = lossplay::fit_constant(targets, 3.0);
  CHECK(fit.mean == 10.0);
  // Even n: every c between the middle two, 3 and 5, minimises the MAE.
  CHECK(fit.mae.low == 3.0);
  CHECK(fit.mae.high == 5.0);
  CHECK(fit.mae.midpoint() == 4.0);
  // The middle two are 2 < 2δ = 6 apart, so the minimiser is unique. Near c ∈ [2, 5]: 2, 3, 5;
  // 30 is far above: c = (2 + 3 + 5 + 3·(1 − 0)) / 3 = 13/3.
  CHECK(fit.huber.unique());
  CHECK(fit.huber.low == Approx(13.0 / 3.0).epsilon(1e-15));
  // A δ wider than every residual turns Huber into half the MSE: its minimiser is the mean.
  const auto wide = lossplay::fit_constant(targets, 100.0);
  CHECK(wide.huber.unique());
  CHECK(wide.huber.low == 10.0);
}

TEST_CASE("Huber's minimiser need not lie between the mean and the median", "[fit]") {
  // Targets 0, 0, 1, 1, 2 with δ = 1: mean 4/5, median 1. At c = 3/4 the near targets are
  // 0, 0, 1, 1 and 2 is far above: c = (0 + 0 + 1 + 1 + 1·(1 − 0)) / 4 = 3/4, below both.
  const std::vector<double> targets{0.0, 0.0, 1.0, 1.0, 2.0};
  check_point_fit(lossplay::fit_constant(targets, 1.0), 0.8, 1.0, 0.75);
}

TEST_CASE("Huber's minimisers form an interval when the middle two are over 2δ apart", "[fit]") {
  // 0, 10, 20, 30 with δ = 2: for c in [12, 18], 0 and 10 lie at least δ below c and 20 and 30
  // at least δ above, so the slope is 2δ − 2δ = 0 throughout: every c in [10 + 2, 20 − 2].
  const std::vector<double> targets{30.0, 0.0, 20.0, 10.0};
  const auto fit = lossplay::fit_constant(targets, 2.0);
  CHECK(fit.huber.low == 12.0);
  CHECK(fit.huber.high == 18.0);
  CHECK(fit.huber.midpoint() == 15.0);
  CHECK(fit.mae.low == 10.0);
  CHECK(fit.mae.high == 20.0);
  // The interval depends on the middle two alone: an outlier at 300 leaves it where it was.
  const auto outlier = lossplay::fit_constant(std::vector<double>{0.0, 10.0, 20.0, 300.0}, 2.0);
  CHECK(outlier.huber.low == 12.0);
  CHECK(outlier.huber.high == 18.0);
  // At 2δ = 10, exactly the gap, the interval closes to the point 15.
  const auto closed = lossplay::fit_constant(targets, 5.0);
  CHECK(closed.huber.low == 15.0);
  CHECK(closed.huber.high == 15.0);
  // Wider still, 10 and 20 are near: c = (10 + 20 + 6·(1 − 1)) / 2 = 15, unique.
  const auto wide = lossplay::fit_constant(targets, 6.0);
  CHECK(wide.huber.low == 15.0);
  CHECK(wide.huber.high == 15.0);
  // Symmetric data around 0: −5, −3, 3, 5 with δ = 1 gives [−3 + 1, 3 − 1].
  const auto symmetric = lossplay::fit_constant(std::vector<double>{-3.0, 5.0, 3.0, -5.0}, 1.0);
  CHECK(symmetric.huber.low == -2.0);
  CHECK(symmetric.huber.high == 2.0);
}

TEST_CASE("a minimiser that is exactly 0 comes out as exactly 0", "[fit]") {
  // Each set is symmetric about 0, so the mean, the medians and the Huber minimiser are 0.
  // Summing in order leaves a rounding error: 0.1 + 0.2 − 0.2 − 0.1 = 2.8e−17, and bisecting
  // the Huber slope of −2.2, 0.3, −0.3, 2.2 stopped at −2.8e−17.
  const std::vector<std::vector<double>> symmetric_sets{{0.1, 0.2, -0.2, -0.1},
                                                        {-2.2, 0.3, -0.3, 2.2},
                                                        {0.3, -0.7, 0.7, -0.3},
                                                        {0.6, -0.6, 0.1, -0.1}};
  for (const auto& targets : symmetric_sets) {
    for (const double delta : {0.5, 1.0, 2.0}) {
      INFO("targets " << targets[0] << ", " << targets[1] << ", ...; delta " << delta);
      const auto fit = lossplay::fit_constant(targets, delta);
      CHECK(fit.mean == 0.0);
      CHECK(fit.mae.midpoint() == 0.0);
      CHECK(fit.huber.low == 0.0);
      CHECK(fit.huber.high == 0.0);
    }
  }
}

TEST_CASE("the Huber minimiser is a minimum of the loss itself", "[fit]") {
  // Against the definition, not the slope: the mean Huber loss at the minimiser is no larger
  // than a little to either side (regression_losses evaluates it independently).
  const std::vector<std::vector<double>> sets{{3.0, 5.0, 2.0, 25.0},
                                              {-4.5, 0.25, 7.0},
                                              {1.0, 1.0, 1.0, 9.0, -3.0},
                                              {0.5, 0.51, 0.52, 0.9, 100.0, -100.0}};
  for (const auto& targets : sets) {
    for (const double delta : {0.01, 0.3, 1.0, 4.0, 50.0}) {
      const auto fit = lossplay::fit_constant(targets, delta);
      const auto loss_at = [&](double c) {
        return lossplay::regression_losses(std::vector<double>(targets.size(), c), targets, delta)
            .huber;
      };
      // Inside a flat stretch the two sides agree up to rounding, hence the 1e−14.
      const auto no_lower = [&](double c, double other) {
        INFO("delta " << delta << ", c " << c << ", compared with " << other);
        CHECK(loss_at(c) <= loss_at(other) * (1.0 + 1e-14));
      };
      for (const double c : {fit.huber.low, fit.huber.midpoint(), fit.huber.high}) {
        no_lower(c, c - 1e-3);
        no_lower(c, c + 1e-3);
      }
      // Beyond a flat stretch's ends the loss rises.
      CHECK(loss_at(fit.huber.low - 1e-3) > loss_at(fit.huber.low));
      CHECK(loss_at(fit.huber.high + 1e-3) > loss_at(fit.huber.high));
    }
  }
}

TEST_CASE("one target, tiny δ, and values near the largest accepted magnitude", "[fit]") {
  const std::vector<double> one{7.5};
  const auto fit = lossplay::fit_constant(one, 1.0);
  CHECK(fit.mean == 7.5);
  CHECK(fit.mae.low == 7.5);
  CHECK(fit.huber.low == 7.5);
  CHECK(fit.huber.high == 7.5);
  const std::vector<double> huge{1e150, 1e150};
  CHECK(lossplay::fit_constant(huge, 1.0).mae.midpoint() == 1e150);
  // ±1e150 with δ = 1e150: the middle two are exactly 2δ apart, so the minimiser is 0.
  const auto wide = lossplay::fit_constant(std::vector<double>{-1e150, 1e150}, 1e150);
  CHECK(wide.mean == 0.0);
  CHECK(wide.huber.low == 0.0);
  CHECK(wide.huber.high == 0.0);
  // δ below half an ulp of the targets: t ± δ rounds to t, and Huber is δ times the MAE,
  // whose minimiser for three targets is the middle one.
  const auto tiny = lossplay::fit_constant(std::vector<double>{3e6, 1e6, 2e6}, 1e-12);
  CHECK(tiny.huber.low == 2e6);
  CHECK(tiny.huber.high == 2e6);
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
