// The limits table: the documented numbers (README, "Errors" and "The training race"), and the
// checks built on it accepting exactly its intervals.
#include "core/limits.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "core/argument_checks.hpp"

TEST_CASE("the limits are the documented numbers", "[limits]") {
  CHECK(lossplay::kMaxEntryMagnitude == 1e150);
  CHECK(lossplay::kMaxArrayLength == 4'000'000);
  CHECK(lossplay::kRaceSize.min == 20);
  CHECK(lossplay::kRaceSize.max == 5000);
  CHECK(lossplay::kRaceNoise.max == 2);
  CHECK(lossplay::kRaceHidden.max == 64);
  CHECK(lossplay::kRaceLearningRate.max == 1e6);
  CHECK(lossplay::kRaceLearningRate.min_open);
  CHECK(lossplay::kRaceBatchSize.max == 4096);
  CHECK(lossplay::kRaceSeed.max == 9007199254740992.0);  // 2^53
  CHECK(lossplay::kRaceInitLogit.min == -50);
  CHECK(lossplay::kRaceInitLogit.max == 50);
  CHECK(lossplay::kClampEpsilon.min == 1e-16);
  CHECK(lossplay::kClampEpsilon.max == 0.5);
}

TEST_CASE("check_limit accepts the interval and nothing else", "[limits][checks]") {
  using lossplay::check_limit;
  CHECK_FALSE(check_limit(lossplay::kRaceLearningRate, 1e6));
  CHECK_FALSE(check_limit(lossplay::kRaceLearningRate, 1e-300));
  CHECK(check_limit(lossplay::kRaceLearningRate, 0.0)->message ==
        "learning rate must be a number in (0, 1e6], got 0");
  CHECK(check_limit(lossplay::kRaceLearningRate, 1.5e6));
  CHECK_FALSE(check_limit(lossplay::kRaceInitLogit, -50.0));
  CHECK(check_limit(lossplay::kRaceInitLogit, 50.5)->message ==
        "the starting logit must be a number in [-50, 50], got 50.5");
  CHECK(check_limit(lossplay::kRaceHidden, 2.5)->message ==
        "hidden units must be an integer in [0, 64], got 2.5");
  CHECK(check_limit(lossplay::kRaceSeed, std::nan(""))->message ==
        "seed must be an integer in [0, 9007199254740992], got NaN");
  CHECK(check_limit(lossplay::kDelta, 0.0)->message ==
        "delta must be a number in (0, 1e150], got 0");
  CHECK(check_limit("ny", lossplay::kRaceGridSide, 401.0)->message ==
        "ny must be an integer in [2, 400], got 401");
  CHECK(check_limit(lossplay::kCurvePoints, 4e6 + 1)->message ==
        "n must be an integer in [2, 4000000], got 4000001");
}
