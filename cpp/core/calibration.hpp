// How well a model's probabilities match what happens: the reliability diagram, the expected
// calibration error and the Murphy split of the Brier score; and a histogram for the page's
// distributions of per-example scores.
//
// Reliability takes n forecasts c_i ∈ [0, 1] of an event and its outcomes o_i ∈ [0, 1] (0/1, or
// soft). For a binary model the page passes c = p (the probability of class 1) and o = y; for
// K classes, c = the top probability and o = whether the top class is right. Forecasts are
// grouped into bins b of n_b examples with means c̄_b and ō_b, and
//   ECE         = Σ_b (n_b/n) |ō_b − c̄_b|
//   score       = (1/n) Σ_i (c_i − o_i)²             (the Brier score of the event)
//   calibration = Σ_b (n_b/n) (c̄_b − ō_b)²           (how far each bin's forecast is off)
//   refinement  = Σ_b (n_b/n) ō_b (1 − ō_b)          (how mixed each bin's outcomes are)
//   withinBin   = score − calibration − refinement,
// where withinBin = Σ_b (n_b/n) [Var_b(c) − 2 Cov_b(c, o) + mean_b(o (o − 1))] is computed in
// that form, not as the difference: it is then exactly 0 when the forecasts in each bin are
// equal and the outcomes are 0 or 1, and the three parts add up to the score to rounding.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/argument_checks.hpp"

namespace lossplay {

// One non-empty bin. Equal width: [low, high) = [k/B, (k + 1)/B) (the last bin also holds
// c = 1). Equal mass: low and high are the smallest and largest forecast in the bin.
struct ReliabilityBin {
  double low, high, count, mean_confidence, mean_outcome;
};

struct BrierSplit {
  double score, calibration, refinement, within_bin;
};

struct Reliability {
  std::vector<ReliabilityBin> bins;  // empty bins are left out
  double ece;
  BrierSplit brier;
};

// confidence and outcome: the same length n within kModelRows, each entry in [0, 1]; bins an
// integer within kReliabilityBins.
[[nodiscard]] ArgumentCheck check_reliability_args(std::span<const double> confidence,
                                                   std::span<const double> outcome, double bins);

// Equal width: c is in bin k when k/B ≤ c < (k + 1)/B, comparing with the doubles k/B, so a
// forecast written 0.7 lands in [0.7, 0.8) although the double 0.7 is a hair below 7/10.
// Equal mass: the forecasts in ascending order (ties by row) cut into B runs of consecutive
// examples, the n mod B runs of ⌈n/B⌉ first, then those of ⌊n/B⌋ (fewer than B runs when n < B).
// Equal forecasts can fall on both sides of a cut.
// Precondition: check_reliability_args passes.
[[nodiscard]] Reliability reliability(std::span<const double> confidence,
                                      std::span<const double> outcome, std::size_t bins,
                                      bool equal_mass);

// What a histogram is asked for: bins (an integer within kHistogramBins), an optional range and
// whether the bins are equally wide in log10 of the value.
struct HistogramRequest {
  double bins;
  std::optional<double> min, max;
  bool log = false;
};

// The range the bins cover: the request's, each end the data's own where it is not given (with
// log: the smallest positive value and the largest). When neither end is given and every value
// is the same v, the range is v ± max(1, |v|)/2 (with log, v/√10 to v·√10), so the one value
// sits in the middle.
struct HistogramRange {
  double min, max;
  bool log;
};

// Checks the request against the data (1 to kMaxArrayLength finite values within
// ±kMaxEntryMagnitude) and works out the range into `range`.
[[nodiscard]] ArgumentCheck resolve_histogram(std::span<const double> values,
                                              const HistogramRequest& request,
                                              HistogramRange& range);

struct Histogram {
  std::vector<double> edges;   // bins + 1 edges from min to max, both exact
  std::vector<double> counts;  // values in [edges[k], edges[k + 1]); the last bin also holds max
  double below;                // values below min (with log, also every value ≤ 0)
  double above;                // values above max
};

// Precondition: resolve_histogram passed and gave `range`.
[[nodiscard]] Histogram histogram(std::span<const double> values, std::size_t bins,
                                  const HistogramRange& range);

}  // namespace lossplay
