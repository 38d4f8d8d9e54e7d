// The naive clamped cross-entropy against closed forms: it saturates at −ln ε and its
// gradient is exactly 0 once the clamp is active.
#include "core/clamped_losses.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "core/binary_losses.hpp"

using lossplay::clamped_binary_ce;

TEST_CASE("with y = 1 the clamp caps CE at -ln(eps) below z = logit(eps)", "[clamped]") {
  const double eps = 1e-12;
  const double cap = 12.0 * std::log(10.0);  // −ln 1e−12 = 27.631021115928547
  for (const double z : {-28.0, -40.0, -100.0, -800.0}) {
    INFO("z = " << z);
    const auto naive = clamped_binary_ce(z, 1.0, eps);
    CHECK(naive.clamped);
    CHECK(naive.ce == Approx(cap).epsilon(1e-12));
    CHECK(naive.dce_dz == 0.0);
    CHECK(lossplay::binary_losses(z, 1.0).ce == Approx(-z).epsilon(1e-12));  // the exact value
  }
  // logit(1e−12) = ln(1e−12) − ln(1 − 1e−12) ≈ −27.631: just above it nothing is clamped.
  CHECK_FALSE(clamped_binary_ce(-27.6, 1.0, eps).clamped);
  CHECK(clamped_binary_ce(-27.7, 1.0, eps).clamped);
}

TEST_CASE("without the clamp active it agrees with the stable CE", "[clamped]") {
  for (const double y : {0.0, 1.0, 0.3}) {
    for (double z = -20.0; z <= 20.0; z += 0.5) {
      INFO("z = " << z << ", y = " << y);
      const auto naive = clamped_binary_ce(z, y, 1e-12);
      const auto exact = lossplay::binary_losses(z, y);
      CHECK_FALSE(naive.clamped);
      // Naive 1 − p loses digits as p → 1; 1e−6 relative is what survives at z = 20.
      CHECK(naive.ce == Approx(exact.ce).epsilon(1e-6));
      CHECK(naive.dce_dz == Approx(exact.dce_dz).margin(1e-15));
    }
  }
}

TEST_CASE("with y = 0 and a large z the naive 1 - p is 0, and the clamp hides it", "[clamped]") {
  const auto naive = clamped_binary_ce(40.0, 0.0, 1e-12);
  CHECK(naive.clamped);
  CHECK(naive.ce == Approx(12.0 * std::log(10.0)).epsilon(1e-6));
  CHECK(naive.dce_dz == 0.0);
}

TEST_CASE("clamped argument checks", "[clamped][checks]") {
  CHECK_FALSE(lossplay::check_clamped_args(-40.0, 1.0, 1e-12).has_value());
  CHECK(lossplay::check_clamped_args(0.0, 1.0, 0.6)->message ==
        "epsilon must be a number in [1e-16, 0.5], got 0.6. Use a value such as 1e-12");
  CHECK_FALSE(lossplay::check_clamped_args(0.0, 1.0, 0.5).has_value());
  CHECK(lossplay::check_clamped_args(0.0, 2.0, 1e-7)->message ==
        "y must be a number in [0, 1], got 2");
}

TEST_CASE("an epsilon so small that 1 - epsilon rounds to 1 is refused", "[clamped][checks]") {
  // 1 − 1e−17 is within half an ulp of 1 (2^−54 ≈ 5.6e−17), so it rounds to 1: the clamp would
  // leave p = σ(40) = 1 (rounded) where it is, and ln(1 − p) would be ln 0.
  REQUIRE(1.0 - 1e-17 == 1.0);
  CHECK(lossplay::check_clamped_args(40.0, 0.0, 1e-17)->message ==
        "epsilon must be a number in [1e-16, 0.5], got 1e-17: below 1e-16, 1 - epsilon rounds "
        "to 1, so the clamp cannot keep ln(1 - p) finite. Use a value such as 1e-12");
  CHECK(lossplay::check_clamped_args(40.0, 0.0, 0.0)->kind == lossplay::ErrorKind::range);
  // At the limit 1 − ε is the double just below 1, 1 − 2^−53, so the clamped CE is finite:
  // −ln(1 − (1 − 2^−53)) = 53 ln 2.
  REQUIRE(1.0 - 1e-16 < 1.0);
  const auto at_limit = clamped_binary_ce(40.0, 0.0, 1e-16);
  CHECK(at_limit.ce == Approx(53.0 * std::log(2.0)).epsilon(1e-15));
}
