// The reliability diagram and the histogram (core/calibration.hpp) against references that do
// not share their code: sums and means worked out by hand for small data, the Brier identity
// score = calibration + refinement + withinBin, counts that add up to n, the equal-mass sizes,
// and bins at their exact edges.
#include "core/calibration.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <vector>

using lossplay::histogram;
using lossplay::HistogramRange;
using lossplay::HistogramRequest;
using lossplay::reliability;

namespace {

double total_count(const lossplay::Reliability& r) {
  double n = 0.0;
  for (const auto& bin : r.bins) {
    n += bin.count;
  }
  return n;
}

// Forecasts spread over [0, 1] with outcomes that are sometimes soft: 997 of them (a prime, so
// no bin count divides it).
struct Forecasts {
  std::vector<double> confidence, outcome;
  explicit Forecasts(bool soft) {
    for (int i = 0; i < 997; ++i) {
      const double c = 0.5 + 0.5 * std::sin(0.37 * i);
      confidence.push_back(c);
      const double hard = std::fmod(i * 0.618, 1.0) < c * 0.8 ? 1.0 : 0.0;
      outcome.push_back(soft && i % 3 == 0 ? 0.25 : hard);
    }
  }
};

HistogramRange resolved(const std::vector<double>& values, const HistogramRequest& request) {
  HistogramRange range{};
  const auto failure = lossplay::resolve_histogram(values, request, range);
  INFO((failure ? failure->message : std::string("ok")));
  REQUIRE_FALSE(failure);
  return range;
}

}  // namespace

TEST_CASE("a small diagram worked out by hand", "[calibration]") {
  // Two equal-width bins: [0, 0.5) holds 0.1, 0.2 (outcomes 0, 1); [0.5, 1] holds 0.8, 0.9, 1
  // (outcomes 1, 1, 0).
  const std::vector<double> c{0.1, 0.8, 0.2, 0.9, 1.0};
  const std::vector<double> o{0.0, 1.0, 1.0, 1.0, 0.0};
  const auto r = reliability(c, o, 2, false);
  REQUIRE(r.bins.size() == 2);
  CHECK(r.bins[0].low == 0.0);
  CHECK(r.bins[0].high == 0.5);
  CHECK(r.bins[0].count == 2.0);
  CHECK(r.bins[0].mean_confidence == Approx(0.15).epsilon(1e-15));
  CHECK(r.bins[0].mean_outcome == 0.5);
  CHECK(r.bins[1].mean_confidence == Approx(0.9).epsilon(1e-15));
  CHECK(r.bins[1].mean_outcome == Approx(2.0 / 3.0).epsilon(1e-15));
  CHECK(r.ece == Approx(0.4 * 0.35 + 0.6 * (0.9 - 2.0 / 3.0)).epsilon(1e-14));
  const double score = (0.01 + 0.04 + 0.64 + 0.01 + 1.0) / 5.0;
  CHECK(r.brier.score == Approx(score).epsilon(1e-15));
  CHECK(r.brier.calibration ==
        Approx(0.4 * 0.35 * 0.35 + 0.6 * std::pow(0.9 - 2.0 / 3.0, 2)).epsilon(1e-14));
  CHECK(r.brier.refinement == Approx(0.4 * 0.25 + 0.6 * (2.0 / 9.0)).epsilon(1e-14));
}

TEST_CASE("Brier: calibration + refinement + withinBin = score, in both binnings",
          "[calibration]") {
  for (const bool soft : {false, true}) {
    const Forecasts f(soft);
    for (const bool equal_mass : {false, true}) {
      for (const std::size_t bins : {1U, 7U, 10U, 100U}) {
        INFO("soft " << soft << ", equal mass " << equal_mass << ", bins " << bins);
        const auto r = reliability(f.confidence, f.outcome, bins, equal_mass);
        const auto& b = r.brier;
        CHECK(b.calibration + b.refinement + b.within_bin == Approx(b.score).epsilon(1e-14));
        CHECK(total_count(r) == 997.0);
        CHECK(r.ece >= 0.0);
        // With gaps g_b = c̄_b − ō_b, |g_b| ≤ 1: ECE² = (Σ w|g|)² ≤ Σ w g² = calibration ≤ ECE.
        CHECK(b.calibration >= r.ece * r.ece * (1 - 1e-12));
        CHECK(b.calibration <= r.ece * (1 + 1e-12));
      }
    }
  }
}

TEST_CASE("withinBin is exactly 0 for constant forecasts per bin and hard outcomes",
          "[calibration]") {
  const std::vector<double> c{0.1, 0.1, 0.1, 0.7, 0.7, 0.95, 0.95, 0.95, 0.95};
  const std::vector<double> o{0, 1, 0, 1, 1, 1, 1, 0, 1};
  const auto r = reliability(c, o, 10, false);
  CHECK(r.brier.within_bin == 0.0);
  CHECK(r.bins.size() == 3);  // seven empty bins left out
  CHECK(r.bins[0].mean_confidence == 0.1);
  CHECK(r.bins[1].low == 0.7);  // the double 0.7 lands in [0.7, 0.8) although it is below 7/10
  CHECK(r.bins[2].low == 0.9);
  CHECK(r.brier.calibration + r.brier.refinement == Approx(r.brier.score).epsilon(1e-15));
}

TEST_CASE("equal mass: the n mod B larger bins first, in order of confidence", "[calibration]") {
  const std::vector<double> c{0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.6};
  const std::vector<double> o(7, 1.0);
  const auto r = reliability(c, o, 3, true);  // 7 = 3 + 2 + 2
  REQUIRE(r.bins.size() == 3);
  CHECK(r.bins[0].count == 3.0);
  CHECK(r.bins[0].low == 0.1);
  CHECK(r.bins[0].high == 0.3);
  CHECK(r.bins[1].count == 2.0);
  CHECK(r.bins[1].low == 0.5);
  CHECK(r.bins[1].high == 0.6);
  CHECK(r.bins[2].low == 0.7);
  CHECK(r.bins[2].high == 0.9);
  // Fewer examples than bins: one example a bin, no empty ones.
  const auto few = reliability(std::vector<double>{0.4, 0.2}, std::vector<double>{1, 0}, 10, true);
  CHECK(few.bins.size() == 2);
  CHECK(few.bins[0].low == 0.2);
}

TEST_CASE("equal width: 0 in the first bin, 1 in the last, edges exact", "[calibration]") {
  const std::vector<double> c{0.0, 1.0, 0.3, 0.6};
  const auto r = reliability(c, std::vector<double>{0, 1, 0, 1}, 10, false);
  REQUIRE(r.bins.size() == 4);
  CHECK(r.bins[0].low == 0.0);
  CHECK(r.bins[1].low == 0.3);
  CHECK(r.bins[2].low == 0.6);
  CHECK(r.bins[3].low == 0.9);
  CHECK(r.bins[3].high == 1.0);
  const auto one = reliability(c, std::vector<double>{0, 1, 0, 1}, 1, false);
  CHECK(one.bins.size() == 1);
  CHECK(one.ece == Approx(std::fabs(0.475 - 0.5)).epsilon(1e-14));
}

TEST_CASE("reliability checks name the entry, its row and an example", "[calibration][checks]") {
  using lossplay::check_reliability_args;
  CHECK(check_reliability_args(std::vector<double>{0.5, 1.2}, std::vector<double>{0, 1}, 10)
            ->message ==
        "confidence[1] (row 2) must be a probability in [0, 1], e.g. 0.8; got 1.2");
  CHECK(check_reliability_args(std::vector<double>{0.5}, std::vector<double>{0, 1}, 10)->message ==
        "outcome must have one entry per entry of confidence (1), got 2");
  CHECK(check_reliability_args(std::vector<double>{0.5}, std::vector<double>{1}, 0)->message ==
        "bins must be an integer in [1, 100], e.g. 10; got 0");
  CHECK(check_reliability_args(std::vector<double>{}, std::vector<double>{}, 10));
}

TEST_CASE("histogram: counts, below and above add up, the edges are exact", "[histogram]") {
  const std::vector<double> values{-1.0, 0.0, 0.25, 0.5, 0.5, 0.99, 1.0, 2.0};
  const HistogramRequest request{4, 0.0, 1.0, false};
  const auto h = histogram(values, 4, resolved(values, request));
  CHECK(h.edges == std::vector<double>{0.0, 0.25, 0.5, 0.75, 1.0});
  CHECK(h.counts == std::vector<double>{1, 1, 2, 2});  // 1.0 falls in the last, closed bin
  CHECK(h.below == 1.0);
  CHECK(h.above == 1.0);
  // Without a range: the data's own ends, so nothing is below or above.
  const auto own = histogram(values, 3, resolved(values, {3, {}, {}, false}));
  CHECK(own.edges.front() == -1.0);
  CHECK(own.edges.back() == 2.0);
  CHECK(own.below + own.above == 0.0);
  CHECK(std::accumulate(own.counts.begin(), own.counts.end(), 0.0) == 8.0);
}

TEST_CASE("log histogram: equal in log10, values ≤ 0 below", "[histogram]") {
  const std::vector<double> values{0.0, -3.0, 1e-3, 0.01, 0.5, 1.0, 10.0, 99.0};
  const auto range = resolved(values, {5, {}, {}, true});
  CHECK(range.min == 1e-3);
  CHECK(range.max == 99.0);
  const auto h = histogram(values, 5, {1e-3, 100.0, true});
  for (std::size_t k = 0; k <= 5; ++k) {
    CHECK(h.edges[k] == Approx(std::pow(10.0, -3.0 + static_cast<double>(k))).epsilon(1e-14));
  }
  CHECK(h.edges.front() == 1e-3);
  CHECK(h.edges.back() == 100.0);
  // 0.01, 1 and 10 sit on lower edges: [1e−3, 0.01) [0.01, 0.1) [0.1, 1) [1, 10) [10, 100].
  CHECK(h.counts == std::vector<double>{1, 1, 1, 1, 2});
  CHECK(h.below == 2.0);
  CHECK(h.above == 0.0);
}

TEST_CASE("histogram of one repeated value: a range around it", "[histogram]") {
  const std::vector<double> same{3.0, 3.0, 3.0};
  const auto range = resolved(same, {4, {}, {}, false});
  CHECK(range.min == 1.5);
  CHECK(range.max == 4.5);
  const auto h = histogram(same, 4, range);
  CHECK(h.counts == std::vector<double>{0, 0, 3, 0});
  const auto log_range = resolved(same, {4, {}, {}, true});
  CHECK(log_range.min == Approx(3.0 / std::sqrt(10.0)).epsilon(1e-15));
  CHECK(log_range.max == Approx(3.0 * std::sqrt(10.0)).epsilon(1e-15));
}

TEST_CASE("histogram checks", "[histogram][checks]") {
  HistogramRange range{};
  const std::vector<double> values{1.0, 2.0};
  CHECK(lossplay::resolve_histogram(values, {0, {}, {}, false}, range)->message ==
        "bins must be an integer in [1, 200], e.g. 40; got 0");
  CHECK(lossplay::resolve_histogram(values, {10, 3.0, {}, false}, range)->message ==
        "min must be below max (each is the data's own end when not given), got 3 and 2");
  CHECK(lossplay::resolve_histogram(values, {10, 0.0, 5.0, true}, range)->message ==
        "min must be a number in (0, 1e150], e.g. 0.001; got 0");
  CHECK(lossplay::resolve_histogram(std::vector<double>{-1.0, 0.0}, {10, {}, {}, true}, range)
            ->message ==
        "values must include a number above 0 for a log histogram, or give both min and max, "
        "e.g. min 0.001 and max 10");
  CHECK(lossplay::resolve_histogram(std::vector<double>{1.0, NAN}, {10, {}, {}, false}, range)
            ->message == "values[1] must be a finite number in [-1e150, 1e150], got NaN");
}
