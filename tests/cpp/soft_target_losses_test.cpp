// Soft-target BCE, entropy and KL against 60-digit mpmath values, including points a hair
// from the minimum where BCE − H(t) would lose every digit.
#include "core/soft_target_losses.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>

#include "core/binary_losses.hpp"
#include "reference_values.hpp"

using lossplay::soft_target_losses;

TEST_CASE("entropy, KL and BCE match mpmath", "[soft]") {
  for (const auto& ref : lossplay::test::kSoftKlReferences) {
    INFO("t = " << ref.t << ", z = " << ref.z);
    const auto out = soft_target_losses(ref.z, ref.t);
    CHECK_REFERENCE(out.entropy, ref.entropy);
    CHECK(lossplay::test::close_to_reference(out.bce, ref.bce, 1e-14));
    // KL keeps 8+ digits even at 4e−15 (the limit is the rounding of logit(t), ~1e−16,
    // against an offset of 3e−7), where BCE − H would have almost none left.
    CHECK(lossplay::test::close_to_reference(out.kl, ref.kl, 1e-8));
  }
}

TEST_CASE("near the minimum, BCE - H(t) would lose the KL; the direct form does not", "[soft]") {
  const auto& ref = lossplay::test::kSoftKlReferences.back();  // KL ≈ 4.05e−15
  const auto out = soft_target_losses(ref.z, ref.t);
  const double kl = std::strtod(ref.kl, nullptr);
  CHECK(std::fabs(out.kl - kl) / kl < 1e-8);
  CHECK(std::fabs((out.bce - out.entropy) - kl) / kl > 1e-3);
}

TEST_CASE("BCE = H(t) + KL, KL >= 0 and zero exactly at p = t", "[soft]") {
  for (const double t : {0.1, 0.6, 0.9}) {
    for (double z = -12.0; z <= 12.0; z += 0.7) {
      INFO("t = " << t << ", z = " << z);
      const auto out = soft_target_losses(z, t);
      CHECK(out.kl >= 0.0);
      CHECK(out.bce == Approx(out.entropy + out.kl).epsilon(1e-13));
    }
    CHECK(soft_target_losses(lossplay::logit(t), t).kl == Approx(0.0).margin(1e-16));
  }
}

TEST_CASE("hard targets have zero entropy: all of BCE is divergence", "[soft]") {
  const auto out = soft_target_losses(-3.0, 1.0);
  CHECK(out.entropy == 0.0);
  CHECK(out.kl == out.bce);
  CHECK(out.bce == Approx(std::log1p(std::exp(3.0))).epsilon(1e-15));
}

TEST_CASE("BCE is asymmetric around t, MSE symmetric", "[soft]") {
  // Seed 000's observation for t = 0.6: p = 0.5 and p = 0.7 have equal MSE but BCE 0.6931
  // and 0.6956 (mpmath: ln 2 and 0.69559408809).
  const auto below = soft_target_losses(lossplay::logit(0.5), 0.6);
  const auto above = soft_target_losses(lossplay::logit(0.7), 0.6);
  CHECK(below.mse == Approx(above.mse).epsilon(1e-12));
  CHECK(below.bce == Approx(std::log(2.0)).epsilon(1e-14));
  CHECK(above.bce == Approx(0.69559408809361382206).epsilon(1e-13));
  CHECK(above.bce > below.bce);
}

TEST_CASE("soft-target argument checks", "[soft][checks]") {
  CHECK(lossplay::check_soft_target_args(0.0, 1.2)->message ==
        "t must be a number in [0, 1], got 1.2");
  CHECK_FALSE(lossplay::check_soft_target_args(-700.0, 0.0).has_value());
}
