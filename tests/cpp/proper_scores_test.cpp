// Expected scores of a report r under a belief q (core/proper_scores.hpp): the textbook closed
// forms, propriety (the log and Brier scores are least at r = q, found both on the sampled curve
// and by a central difference), the absolute error's preference for an end, and the entropy
// that the log score reaches at r = q.
#include "core/proper_scores.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "finite_difference.hpp"

using lossplay::expected_scores;

TEST_CASE("expected scores are the textbook formulas", "[proper]") {
  const double q = 0.7;
  const double r = 0.4;
  const auto s = expected_scores(q, r);
  CHECK(s.log_score == Approx(-(0.7 * std::log(0.4) + 0.3 * std::log(0.6))).epsilon(1e-15));
  CHECK(s.brier == Approx(0.7 * 0.36 + 0.3 * 0.16).epsilon(1e-15));
  CHECK(s.absolute == Approx(0.7 * 0.6 + 0.3 * 0.4).epsilon(1e-15));
  // At r = q the log score is the entropy of q.
  CHECK(expected_scores(q, q).log_score ==
        Approx(-(0.7 * std::log(0.7) + 0.3 * std::log(0.3))).epsilon(1e-15));
  // q = 0 or 1: the other term is dropped (0 · ln 0 never arises), and a tiny r stays finite.
  CHECK(expected_scores(0.0, 1e-300).log_score == Approx(1e-300).epsilon(1e-15));
  CHECK(expected_scores(1.0, 1e-300).log_score == Approx(300.0 * std::log(10.0)).epsilon(1e-15));
}

TEST_CASE("log and Brier scores are proper: least at r = q; absolute error is not", "[proper]") {
  for (const double q : {0.05, 0.3, 0.5, 0.83}) {
    INFO("q = " << q);
    for (const bool log : {true, false}) {
      const double slope = lossplay::test::central_difference(
          [&](double r) {
            const auto s = expected_scores(q, r);
            return log ? s.log_score : s.brier;
          },
          q);
      CHECK(std::fabs(slope) < 1e-6);  // the difference's own error is about h²·f'''/6 ≈ 1e−8
    }
    const std::size_t n = 1000;
    std::vector<double> r(n);
    std::vector<double> log_score(n);
    std::vector<double> brier(n);
    std::vector<double> absolute(n);
    lossplay::sample_expected_scores(q, {r, log_score, brier, absolute});
    const auto at_least = [&](const std::vector<double>& v) {
      return r[static_cast<std::size_t>(std::min_element(v.begin(), v.end()) - v.begin())];
    };
    // The sampled r nearest q: q may lie halfway between two midpoints (0.05 with n = 1000).
    CHECK(std::fabs(at_least(log_score) - q) <= 0.5 / n + 1e-12);
    CHECK(std::fabs(at_least(brier) - q) <= 0.5 / n + 1e-12);
    CHECK(at_least(absolute) == (q > 0.5 ? r.back() : r.front()));
  }
}

TEST_CASE("the curves sample cell midpoints and match the point function", "[proper]") {
  std::vector<double> r(4);
  std::vector<double> log_score(4);
  std::vector<double> brier(4);
  std::vector<double> absolute(4);
  lossplay::sample_expected_scores(0.6, {r, log_score, brier, absolute});
  CHECK(r == std::vector<double>{0.125, 0.375, 0.625, 0.875});
  for (std::size_t i = 0; i < 4; ++i) {
    const auto s = expected_scores(0.6, r[i]);
    CHECK(log_score[i] == s.log_score);
    CHECK(brier[i] == s.brier);
    CHECK(absolute[i] == s.absolute);
  }
}

TEST_CASE("expected score checks: r strictly inside (0, 1)", "[proper][checks]") {
  CHECK(lossplay::check_expected_score_args(0.5, 1.0)->message ==
        "r must be a probability in (0, 1), 0 and 1 excluded (there the log score is infinite), "
        "e.g. 0.3; got 1");
  CHECK(lossplay::check_expected_score_args(1.5, 0.5)->message ==
        "q must be a number in [0, 1], e.g. 0.7; got 1.5");
  CHECK_FALSE(lossplay::check_expected_score_args(0.0, 1e-300));
  CHECK(lossplay::check_expected_score_curve_args(0.5, 0.0)->message ==
        "n must be an integer in [1, 100000], e.g. 200; got 0");
}
