// Curve sampling: spacing, exact endpoints and agreement with the point-wise losses.
#include "core/binary_curve.hpp"

#include <catch2/catch.hpp>
#include <vector>

#include "core/binary_losses.hpp"

TEST_CASE("samples n evenly spaced points with exact endpoints", "[curve]") {
  const std::size_t n = 401;
  std::vector<double> z(n), p(n), ce(n), mse(n), dce(n), dmse(n);
  lossplay::sample_binary_curve(1.0, -10.0, 10.0, {z, p, ce, mse, dce, dmse});
  CHECK(z.front() == -10.0);
  CHECK(z.back() == 10.0);
  CHECK(z[200] == 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    INFO("i = " << i);
    CHECK(z[i] == Approx(-10.0 + 0.05 * static_cast<double>(i)).margin(1e-13));
    const auto point = lossplay::binary_losses(z[i], 1.0);
    CHECK(p[i] == point.p);
    CHECK(ce[i] == point.ce);
    CHECK(mse[i] == point.mse);
    CHECK(dce[i] == point.dce_dz);
    CHECK(dmse[i] == point.dmse_dz);
  }
}

TEST_CASE("a range wider than the largest double does not overflow", "[curve]") {
  std::vector<double> z(3), p(3), ce(3), mse(3), dce(3), dmse(3);
  lossplay::sample_binary_curve(0.0, -1.5e308, 1.5e308, {z, p, ce, mse, dce, dmse});
  CHECK(z == std::vector<double>{-1.5e308, 0.0, 1.5e308});
  CHECK(ce[2] == 1.5e308);
}

TEST_CASE("curve argument checks", "[curve][checks]") {
  CHECK_FALSE(lossplay::check_binary_curve_args(0.3, -8.0, 8.0, 2.0).has_value());
  CHECK(lossplay::check_binary_curve_args(1.0, 1.0, 1.0, 10.0)->message ==
        "zMin must be less than zMax, got zMin = 1 and zMax = 1");
  CHECK(lossplay::check_binary_curve_args(1.0, -1.0, 1.0, 1.0)->message ==
        "n must be an integer in [2, 4000000], got 1");
  CHECK(lossplay::check_binary_curve_args(1.0, -1.0, 1.0, 2.5).has_value());
  CHECK(lossplay::check_binary_curve_args(2.0, -1.0, 1.0, 10.0)->message ==
        "y must be a number in [0, 1], got 2");
}
