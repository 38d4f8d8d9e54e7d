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

TEST_CASE("at a given p: every part matches mpmath, tails and near-minimum included", "[soft]") {
  for (const auto& ref : lossplay::test::kSoftAtPReferences) {
    INFO("t = " << ref.t << ", p = " << ref.p);
    const auto out = lossplay::soft_target_losses_at_p(ref.p, ref.t);
    CHECK(out.p == ref.p);
    CHECK_REFERENCE(out.bce, ref.bce);
    CHECK_REFERENCE(out.mse, ref.mse);
    CHECK_REFERENCE(out.entropy, ref.entropy);
    // KL to 1e−14 even at 5e−23 (t = 0.9, p = t − 3e−12), where BCE − H keeps no digit.
    CHECK(lossplay::test::close_to_reference(out.kl, ref.kl, 1e-14));
    CHECK(out.dbce_dz == ref.p - ref.t);
    CHECK_REFERENCE(out.dmse_dz, ref.dmse_dz);
  }
}

TEST_CASE("at p = t, MSE and KL are exactly 0 and BCE is its floor", "[soft]") {
  // Through z = logit(p), σ(z) can miss p in the last bit: at t = p = 0.3 that left
  // (p − t)² = 7.7e−34. At p itself p − t is exactly 0.
  for (const double t : {0.3, 1e-9, 0.1, 0.5, 0.77, 0.999999}) {
    INFO("t = p = " << t);
    const auto out = lossplay::soft_target_losses_at_p(t, t);
    CHECK(out.mse == 0.0);
    CHECK(out.kl == 0.0);
    CHECK(out.dbce_dz == 0.0);
    CHECK(out.dmse_dz == 0.0);
    CHECK(out.bce == Approx(out.entropy).epsilon(1e-15));
  }
}

TEST_CASE("at p = σ(z), the p form agrees with the logit form", "[soft]") {
  // Up to z = 3 only: above it the double p = σ(z) holds 1 − p to fewer digits than the logit
  // does (relative error ε·e^z), so the two forms see different predictions.
  for (const double t : {0.0, 0.1, 0.6, 1.0}) {
    for (double z = -30.0; z <= 3.0; z += 0.7) {
      INFO("t = " << t << ", z = " << z);
      const auto from_z = soft_target_losses(z, t);
      const auto at_p = lossplay::soft_target_losses_at_p(from_z.p, t);
      CHECK(at_p.bce == Approx(from_z.bce).epsilon(1e-12));
      CHECK(at_p.entropy == Approx(from_z.entropy).epsilon(1e-15));
      CHECK(at_p.kl == Approx(from_z.kl).epsilon(1e-7).margin(1e-300));
      CHECK(at_p.dbce_dz == Approx(from_z.dbce_dz).epsilon(1e-12).margin(1e-16));
    }
  }
}

TEST_CASE("soft-target argument checks", "[soft][checks]") {
  CHECK(lossplay::check_soft_target_p_args(1.0, 0.5)->message ==
        "p must be a number in (0, 1), endpoints excluded, got 1");
  CHECK(lossplay::check_soft_target_p_args(0.5, -0.1)->message ==
        "t must be a number in [0, 1], got -0.1");
  CHECK_FALSE(lossplay::check_soft_target_p_args(5e-324, 1.0).has_value());
  CHECK(lossplay::check_soft_target_args(0.0, 1.2)->message ==
        "t must be a number in [0, 1], got 1.2");
  CHECK_FALSE(lossplay::check_soft_target_args(-700.0, 0.0).has_value());
}
