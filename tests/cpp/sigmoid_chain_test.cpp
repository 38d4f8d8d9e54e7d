// The chain rule through the sigmoid, factor by factor, against central differences and
// closed forms; the descent-step count against the integral of the continuous-time flow.
#include "core/sigmoid_chain.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "finite_difference.hpp"

using lossplay::BinaryLoss;
using lossplay::count_descent_steps;
using lossplay::sigmoid_chain;
using lossplay::test::central_difference;

namespace {

// Cross-entropy and MSE as functions of p, written from their definitions.
double ce_of_p(double p, double y) { return -(y * std::log(p) + (1.0 - y) * std::log(1.0 - p)); }
double mse_of_p(double p, double y) { return (p - y) * (p - y); }
double sigma(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// A central difference in p with the step scaled to the distance from 0 and 1, where CE's
// curvature is large.
double ce_slope_in_p(double p, double y) {
  const double h = 1e-4 * std::fmin(p, 1.0 - p);
  return (ce_of_p(p + h, y) - ce_of_p(p - h, y)) / (2.0 * h);
}

}  // namespace

TEST_CASE("each factor matches its own derivative and the products are the gradients", "[chain]") {
  for (const double y : {0.0, 1.0, 0.3}) {
    for (const double z : {-6.0, -2.0, -0.5, 0.0, 0.7, 3.0, 6.0}) {
      INFO("z = " << z << ", y = " << y);
      const auto chain = sigmoid_chain(z, y);
      const double p = sigma(z);
      CHECK(chain.p == Approx(p).epsilon(1e-14));
      CHECK(chain.dp_dz == Approx(central_difference(sigma, z)).epsilon(1e-8));
      CHECK(chain.dce_dp == Approx(ce_slope_in_p(p, y)).epsilon(1e-6).margin(1e-9));
      CHECK(chain.dmse_dp == Approx(central_difference([y](double q) { return mse_of_p(q, y); }, p))
                                 .epsilon(1e-8)
                                 .margin(1e-12));
      // The chain rule: the products are dL/dz, and CE's is p − y.
      CHECK(chain.dce_dp * chain.dp_dz == Approx(p - y).epsilon(1e-13).margin(1e-15));
      CHECK(chain.dce_dz == Approx(p - y).epsilon(1e-13).margin(1e-15));
      CHECK(chain.dmse_dp * chain.dp_dz == Approx(chain.dmse_dz).epsilon(1e-13).margin(1e-300));
    }
  }
}

TEST_CASE("CE's 1/(p(1 - p)) grows like e^|z| and overflows past |z| = ln(DBL_MAX)", "[chain]") {
  // y = 1, z = −700: dCE/dp = −1/p = −(1 + e^700); e^700 = 1.0142320547350045e304.
  const auto at700 = sigmoid_chain(-700.0, 1.0);
  CHECK(at700.dce_dp == Approx(-1.0142320547350045e304).epsilon(1e-12));
  CHECK(at700.dce_dz == Approx(-1.0).epsilon(1e-15));
  // e^720 > 1.797e308: the true value is beyond a double, so it reads −Infinity, while the
  // gradient the core uses is still p − y = −1.
  const auto at720 = sigmoid_chain(-720.0, 1.0);
  CHECK(std::isinf(at720.dce_dp));
  CHECK(at720.dce_dp < 0.0);
  CHECK(at720.dce_dz == Approx(-1.0).epsilon(1e-15));
}

namespace {

// ∫ dp / (p²(1 − p)³) = −1/p + 3 ln p − 3 ln(1 − p) + 2/(1 − p) + 1/(2(1 − p)²)
// (partial fractions: 1/p² + 3/p + 3/(1 − p) + 2/(1 − p)² + 1/(1 − p)³).
double mse_flow_antiderivative(double p) {
  const double q = 1.0 - p;
  return -1.0 / p + 3.0 * std::log(p) - 3.0 * std::log(q) + 2.0 / q + 1.0 / (2.0 * q * q);
}

}  // namespace

TEST_CASE("MSE from z = -15 needs about e^15 steps, as the continuous flow predicts",
          "[chain][descent]") {
  // With y = 1, dz/dt = rate·2(1 − p)²p and dz = dp/(p(1 − p)), so the time from p0 to p1 is
  // ∫ dp / (2·rate·p²(1 − p)³). On p < 1/3 the step grows with z, so the step count is the
  // integral (rounded up) plus a few steps of discretisation.
  const double rate = 0.5;
  const double z0 = -15.0;
  const double z1 = -1.0;
  const double flow =
      (mse_flow_antiderivative(sigma(z1)) - mse_flow_antiderivative(sigma(z0))) / (2.0 * rate);
  const auto count = count_descent_steps(z0, 1.0, BinaryLoss::mse, rate, z1, 1e8);
  REQUIRE(count.reached);
  CHECK(count.steps >= std::floor(flow));
  CHECK(count.steps <= flow * 1.001 + 5.0);
  CHECK(count.steps > 3.0e6);  // e^15 = 3.27e6
  CHECK(count.z >= z1);
}

TEST_CASE("CE from z = -15 needs about 32 steps", "[chain][descent]") {
  // dz/dt = rate·(1 − p): time = ∫ (1 + e^z) dz / rate = (z1 − z0 + e^z1 − e^z0) / rate.
  const double rate = 0.5;
  const double flow = (15.0 + 1.0 - std::exp(-15.0)) / rate;  // to z = 0
  const auto count = count_descent_steps(-15.0, 1.0, BinaryLoss::ce, rate, 0.0, 1e8);
  REQUIRE(count.reached);
  CHECK(count.steps >= flow - 2.0);
  CHECK(count.steps <= flow + 1.0);
}

TEST_CASE("the step count stops at maxSteps and reports it", "[chain][descent]") {
  const auto count = count_descent_steps(-15.0, 1.0, BinaryLoss::mse, 0.5, 0.0, 1000.0);
  CHECK_FALSE(count.reached);
  CHECK(count.steps == 1000.0);
  CHECK(count.z < -14.99);
}

TEST_CASE("descent arguments are checked with their names", "[chain][descent]") {
  CHECK(lossplay::check_descent_args(0.0, 1.0, 0.5, 1.0, 10.0) == std::nullopt);
  const auto rate = lossplay::check_descent_args(0.0, 1.0, 0.0, 1.0, 10.0);
  REQUIRE(rate);
  CHECK_THAT(rate->message, Catch::Contains("learningRate"));
  const auto steps = lossplay::check_descent_args(0.0, 1.0, 0.5, 1.0, 1e9);
  REQUIRE(steps);
  CHECK_THAT(steps->message, Catch::Contains("maxSteps"));
  const auto label = lossplay::check_descent_args(0.0, 1.5, 0.5, 1.0, 10.0);
  REQUIRE(label);
  CHECK_THAT(label->message, Catch::Contains("y"));
}
