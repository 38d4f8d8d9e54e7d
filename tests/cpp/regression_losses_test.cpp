// Regression losses against hand-computed closed forms and central differences.
#include "core/regression_losses.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "finite_difference.hpp"

using lossplay::regression_losses;

TEST_CASE("the issue's data set: targets 3, 5, 2 and predictions 4, 2, 3", "[regression]") {
  // d = (1, −3, 1). MSE = (1 + 9 + 1)/3 = 11/3; MAE = 5/3; Huber(δ = 1) = (½ + 2.5 + ½)/3 = 7/6.
  const std::vector<double> pred{4.0, 2.0, 3.0};
  const std::vector<double> target{3.0, 5.0, 2.0};
  const auto out = regression_losses(pred, target, 1.0);
  CHECK(out.mse == Approx(11.0 / 3.0).epsilon(1e-15));
  CHECK(out.mae == Approx(5.0 / 3.0).epsilon(1e-15));
  CHECK(out.huber == Approx(7.0 / 6.0).epsilon(1e-15));
  CHECK(out.dmse == std::vector<double>{2.0 / 3.0, -2.0, 2.0 / 3.0});
  CHECK(out.dmae == std::vector<double>{1.0 / 3.0, -1.0 / 3.0, 1.0 / 3.0});
  CHECK(out.dhuber == std::vector<double>{1.0 / 3.0, -1.0 / 3.0, 1.0 / 3.0});
  // δ = 5 ≥ every |d|: Huber is half the MSE.
  CHECK(regression_losses(pred, target, 5.0).huber == Approx(11.0 / 6.0).epsilon(1e-15));
}

TEST_CASE("seed 001's regression example", "[regression][seeds]") {
  // pred (2.5, 0.0, 2.1), target (3.0, −0.5, 2.0): d = (−0.5, 0.5, 0.1).
  // MSE = (0.25 + 0.25 + 0.01)/3 = 0.17; MAE = 1.1/3; Huber(1) = MSE/2 = 0.085.
  const std::vector<double> pred{2.5, 0.0, 2.1};
  const std::vector<double> target{3.0, -0.5, 2.0};
  const auto out = regression_losses(pred, target, 1.0);
  CHECK(out.mse == Approx(0.17).epsilon(1e-14));
  CHECK(out.mae == Approx(1.1 / 3.0).epsilon(1e-14));
  CHECK(out.huber == Approx(0.085).epsilon(1e-14));
}

TEST_CASE("an outlier: MSE grows quadratically, MAE and Huber linearly", "[regression]") {
  const std::vector<double> target{0.0, 0.0};
  for (const double far : {10.0, 100.0, 1000.0}) {
    const auto out = regression_losses(std::vector<double>{0.0, far}, target, 1.0);
    CHECK(out.mse == Approx(far * far / 2.0));
    CHECK(out.mae == Approx(far / 2.0));
    CHECK(out.huber == Approx((far - 0.5) / 2.0));
    CHECK(out.dhuber[1] == 0.5);  // bounded influence: δ/n however far the point is
  }
}

TEST_CASE("gradients equal central differences away from the kinks", "[regression][gradient]") {
  const std::vector<double> pred{0.3, -1.7, 2.2, 5.0, -0.4};
  const std::vector<double> target{0.0, 0.5, 2.0, 1.0, -0.1};
  for (const double delta : {0.5, 1.0, 3.0}) {
    const auto out = regression_losses(pred, target, delta);
    const auto numeric = [&](auto member) {
      return lossplay::test::central_gradient(
          [&](const std::vector<double>& x) { return regression_losses(x, target, delta).*member; },
          pred);
    };
    const auto dmse = numeric(&lossplay::RegressionLosses::mse);
    const auto dmae = numeric(&lossplay::RegressionLosses::mae);
    const auto dhuber = numeric(&lossplay::RegressionLosses::huber);
    for (std::size_t i = 0; i < pred.size(); ++i) {
      INFO("delta = " << delta << ", i = " << i);
      CHECK(out.dmse[i] == Approx(dmse[i]).epsilon(1e-7));
      CHECK(out.dmae[i] == Approx(dmae[i]).epsilon(1e-7));
      CHECK(out.dhuber[i] == Approx(dhuber[i]).epsilon(1e-7));
    }
  }
}

TEST_CASE("Huber is continuous at |d| = delta, as torch.nn.functional.huber_loss", "[regression]") {
  const std::vector<double> target{0.0};
  const double delta = 1.5;
  const double below = regression_losses(std::vector<double>{delta - 1e-9}, target, delta).huber;
  const double above = regression_losses(std::vector<double>{delta + 1e-9}, target, delta).huber;
  CHECK(below == Approx(0.5 * delta * delta).epsilon(1e-8));
  CHECK(above == Approx(0.5 * delta * delta).epsilon(1e-8));
}

TEST_CASE("the largest accepted values give finite losses", "[regression]") {
  const std::vector<double> pred{1e150, -1e150};
  const std::vector<double> target{-1e150, 1e150};
  REQUIRE_FALSE(lossplay::check_regression_args(pred, target, 1e150).has_value());
  const auto out = regression_losses(pred, target, 1e150);
  CHECK(std::isfinite(out.mse));
  CHECK(out.mse == Approx(4e300));
  CHECK(std::isfinite(out.huber));
}

TEST_CASE("regression argument checks", "[regression][checks]") {
  const std::vector<double> one{1.0};
  const std::vector<double> two{1.0, 2.0};
  CHECK(lossplay::check_regression_args(one, two, 1.0)->message ==
        "pred and target must have the same length, got 1 and 2");
  CHECK(
      lossplay::check_regression_args(std::vector<double>{}, std::vector<double>{}, 1.0)->message ==
      "pred must have between 1 and 4000000 entries, got 0");
  CHECK(lossplay::check_regression_args(one, one, 0.0)->message ==
        "delta must be a number in (0, 1e150], got 0");
  CHECK(lossplay::check_regression_args(one, std::vector<double>{1e200}, 1.0)->message ==
        "target[0] must be a finite number in [-1e150, 1e150], got 1e+200");
}
