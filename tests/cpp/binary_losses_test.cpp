// Binary losses against mpmath references, identities and central differences.
#include "core/binary_losses.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "finite_difference.hpp"
#include "reference_values.hpp"

using lossplay::binary_losses;
using lossplay::gradient_ratio;
using lossplay::logit;
using lossplay::sigmoid;
using lossplay::softplus;
using lossplay::test::central_difference;
using lossplay::test::kBinaryReferences;

TEST_CASE("binary losses match 60-digit mpmath values, tails included", "[binary]") {
  for (const auto& ref : kBinaryReferences) {
    INFO("z = " << ref.z << ", y = " << ref.y);
    const auto losses = binary_losses(ref.z, ref.y);
    CHECK_REFERENCE(losses.p, ref.p);
    CHECK_REFERENCE(sigmoid(ref.z), ref.p);
    CHECK_REFERENCE(losses.ce, ref.ce);
    if (ref.y == 0.0 || ref.y == 1.0) {
      CHECK_REFERENCE(losses.mse, ref.mse);
      CHECK_REFERENCE(losses.dce_dz, ref.dce_dz);
      CHECK_REFERENCE(losses.dmse_dz, ref.dmse_dz);
    } else {
      // With a soft label p − y cancels near p = y: the error is then bounded by the
      // rounding of p (a few 1e-17 here), not relative to the tiny difference.
      const double residual_error = 4e-16;
      const double reference_residual = std::strtod(ref.dce_dz, nullptr);
      CHECK(losses.dce_dz == Approx(reference_residual).margin(residual_error));
      CHECK(losses.mse == Approx(std::strtod(ref.mse, nullptr))
                              .margin(2.0 * std::fabs(reference_residual) * residual_error));
      CHECK(losses.dmse_dz == Approx(std::strtod(ref.dmse_dz, nullptr)).margin(residual_error));
    }
    CHECK_REFERENCE(gradient_ratio(ref.z), ref.ratio);
  }
}

TEST_CASE("the issue's tail values: CE(-700, 1) = 700 and CE(700, 1) = e^-700", "[binary]") {
  CHECK(binary_losses(-700.0, 1.0).ce == 700.0);
  const double tiny = binary_losses(700.0, 1.0).ce;
  CHECK(tiny > 0.0);
  // e^-700 = 9.859676543759770857e-305 (mpmath); log1p(x) = x to double precision here.
  CHECK(tiny == Approx(9.859676543759770857e-305).epsilon(1e-15));
  // Far beyond any slider: still finite and exact.
  CHECK(binary_losses(-1e300, 1.0).ce == 1e300);
  CHECK(binary_losses(1e300, 0.0).ce == 1e300);
}

TEST_CASE("CE(z, 1) = CE(-z, 0) and MSE likewise, for every z", "[binary]") {
  for (double z = -800.0; z <= 800.0; z += 0.37) {
    INFO("z = " << z);
    CHECK(binary_losses(z, 1.0).ce == binary_losses(-z, 0.0).ce);
    CHECK(binary_losses(z, 1.0).mse == binary_losses(-z, 0.0).mse);
    CHECK(binary_losses(z, 1.0).dce_dz == -binary_losses(-z, 0.0).dce_dz);
  }
}

TEST_CASE("1 - p is sigma(-z) to full relative accuracy", "[binary]") {
  for (double z = 1.0; z <= 700.0; z *= 1.7) {
    INFO("z = " << z);
    const double one_minus_p = -binary_losses(z, 1.0).dce_dz;  // y = 1: p − y = −(1 − p)
    // σ(−z) = e^−z / (1 + e^−z), evaluated independently with long double.
    const long double e = std::exp(-static_cast<long double>(z));
    const double expected = static_cast<double>(e / (1.0L + e));
    CHECK(one_minus_p == Approx(expected).epsilon(1e-15));
    CHECK(one_minus_p > 0.0);
  }
}

TEST_CASE("gradients equal central differences of the losses", "[binary][gradient]") {
  for (const double y : {0.0, 1.0, 0.3, 0.6, 0.9}) {
    for (double z = -12.0; z <= 12.0; z += 0.75) {
      INFO("z = " << z << ", y = " << y);
      const auto losses = binary_losses(z, y);
      const double dce = central_difference([y](double v) { return binary_losses(v, y).ce; }, z);
      const double dmse = central_difference([y](double v) { return binary_losses(v, y).mse; }, z);
      CHECK(losses.dce_dz == Approx(dce).epsilon(1e-7).margin(1e-10));
      CHECK(losses.dmse_dz == Approx(dmse).epsilon(1e-7).margin(1e-10));
      // dCE/dz = p − y, the chain-rule identity the playground is about.
      CHECK(losses.dce_dz == Approx(losses.p - y).margin(1e-15));
    }
  }
}

TEST_CASE("the ratio is |dCE/dz| / |dMSE/dz| = 1/(2p(1-p)), also where p = y", "[binary]") {
  for (double z = -30.0; z <= 30.0; z += 1.25) {
    const auto losses = binary_losses(z, 1.0);
    INFO("z = " << z);
    CHECK(gradient_ratio(z) ==
          Approx(std::fabs(losses.dce_dz) / std::fabs(losses.dmse_dz)).epsilon(1e-13));
  }
  // z = 0, y = 0.5: both gradients are 0 but the ratio is 1/(2·¼) = 2.
  CHECK(binary_losses(0.0, 0.5).dce_dz == 0.0);
  CHECK(gradient_ratio(0.0) == 2.0);
  // It overflows honestly only past |z| ≈ 710.5 (cosh overflows at ln(2·DBL_MAX)).
  CHECK(std::isfinite(gradient_ratio(710.0)));
  CHECK(gradient_ratio(711.0) == std::numeric_limits<double>::infinity());
}

TEST_CASE("soft labels: CE is minimised at p = y, where it equals the entropy H(y)", "[binary]") {
  for (const double y : {0.1, 0.25, 0.6, 0.9}) {
    const double z_star = logit(y);
    const double entropy = -(y * std::log(y) + (1.0 - y) * std::log(1.0 - y));
    INFO("y = " << y);
    CHECK(binary_losses(z_star, y).ce == Approx(entropy).epsilon(1e-14));
    CHECK(binary_losses(z_star, y).dce_dz == Approx(0.0).margin(1e-15));
    CHECK(binary_losses(z_star + 0.01, y).ce > binary_losses(z_star, y).ce);
    CHECK(binary_losses(z_star - 0.01, y).ce > binary_losses(z_star, y).ce);
  }
}

TEST_CASE("seed 000's soft-target table, recomputed", "[binary][seeds]") {
  // Seed 000 prints BCE 1.2764, 0.6931, 0.3975 (t = 0.9) and 0.6931, 0.6730, 0.6956 (t = 0.6);
  // those agree with mpmath to their four decimals. Compared here at full precision.
  for (const auto& ref : lossplay::test::kSoftTargetReferences) {
    INFO("t = " << ref.t << ", p = " << ref.p);
    const double z = logit(ref.p);
    CHECK(lossplay::test::close_to_reference(z, ref.logit, 1e-14));
    const auto losses = binary_losses(z, ref.t);
    CHECK(lossplay::test::close_to_reference(losses.ce, ref.bce, 1e-14));
    CHECK(lossplay::test::close_to_reference(losses.mse, ref.mse, 1e-13));
  }
}

TEST_CASE("seed 003's worked example, recomputed: its CE values are wrong", "[binary][seeds]") {
  // Seed 003 states, for y = 1: z = −2 → p ≈ 0.119, CE ≈ 2.207, dMSE/dz ≈ 0.211; z = −5 →
  // CE ≈ 5.303, dMSE/dz ≈ 0.013. Closed forms: CE = ln(1 + e^−z), so CE(−2) = ln(1 + e²) =
  // 2.12693 and CE(−5) = 5.00672; |dMSE/dz| = 2(1 − p)²p = 0.18496 at z = −2. p, MSE and the
  // z = −5 gradient in the seed are right; the three others are not repeated anywhere.
  CHECK(binary_losses(-2.0, 1.0).p == Approx(0.119).margin(5e-4));
  CHECK(binary_losses(-2.0, 1.0).ce == Approx(std::log1p(std::exp(2.0))).epsilon(1e-15));
  CHECK(binary_losses(-2.0, 1.0).ce != Approx(2.207).margin(1e-3));
  CHECK(binary_losses(-5.0, 1.0).ce == Approx(5.00672).margin(5e-6));
  CHECK(std::fabs(binary_losses(-5.0, 1.0).dmse_dz) == Approx(0.013).margin(5e-4));
}

TEST_CASE("sigmoid, logit and softplus", "[binary]") {
  CHECK(sigmoid(0.0) == 0.5);
  CHECK(sigmoid(-745.0) > 0.0);  // the smallest subnormal, not 0
  CHECK(sigmoid(800.0) == 1.0);
  CHECK(logit(0.5) == 0.0);
  // Round trip through p: exact to rounding for z ≤ 0, where p keeps full relative accuracy
  // (for large positive z, p rounds towards 1 and z can no longer be recovered from it).
  for (double z = -700.0; z <= 0.0; z += 3.5) {
    INFO("z = " << z);
    CHECK(logit(sigmoid(z)) == Approx(z).epsilon(1e-14).margin(1e-15));
  }
  // logit(p) for tiny p is ln p to full accuracy: logit(1e-300) = ln(1e-300) + 1e-300.
  CHECK(logit(1e-300) == Approx(std::log(1e-300)).epsilon(1e-15));
  CHECK(softplus(-700.0) > 0.0);
  CHECK(softplus(1000.0) == 1000.0);
  CHECK(softplus(0.0) == Approx(std::log(2.0)).epsilon(1e-15));
}

TEST_CASE("binary argument checks name the argument and the range", "[binary][checks]") {
  CHECK_FALSE(lossplay::check_binary_args(-700.0, 0.6).has_value());
  const auto nan_z = lossplay::check_binary_args(std::nan(""), 1.0);
  REQUIRE(nan_z.has_value());
  CHECK(nan_z->kind == lossplay::ErrorKind::range);
  CHECK(nan_z->message == "z must be a finite number, got NaN");
  const auto big_y = lossplay::check_binary_args(0.0, 1.5);
  REQUIRE(big_y.has_value());
  CHECK(big_y->message == "y must be a number in [0, 1], got 1.5");
  CHECK(lossplay::check_binary_args(std::numeric_limits<double>::infinity(), 0.0)->message ==
        "z must be a finite number, got Infinity");
  CHECK(lossplay::check_open_probability("p", 1.0)->message ==
        "p must be a number in (0, 1), endpoints excluded, got 1");
}
