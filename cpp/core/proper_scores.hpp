// Proper scoring rules, seen from the forecaster: someone who believes the event has
// probability q and reports r expects to score
//   log score:  −[q ln r + (1 − q) ln(1 − r)]    (the cross-entropy; its expectation is least at r
//   = q) Brier:      q (1 − r)² + (1 − q) r²          (least at r = q as well) absolute:   q (1 −
//   r) + (1 − q) r            (linear in r: least at r = 0 or 1, not at q)
// The first two are proper, honesty pays; the absolute error is not, it rewards exaggerating.
// r is kept inside (0, 1): at r = 0 or 1 the log score of a q strictly between is infinite.
#pragma once

#include <cstddef>
#include <span>

#include "core/argument_checks.hpp"

namespace lossplay {

struct ExpectedScores {
  double log_score, brier, absolute;
};

// q ∈ [0, 1], r ∈ (0, 1).
[[nodiscard]] ArgumentCheck check_expected_score_args(double q, double r);
// q ∈ [0, 1], n an integer within kScoreCurvePoints.
[[nodiscard]] ArgumentCheck check_expected_score_curve_args(double q, double n);

// Precondition: check_expected_score_args passes. A zero weight drops its term (0 · ln 0 = 0).
[[nodiscard]] ExpectedScores expected_scores(double q, double r);

// The three scores at the n reports r_i = (i + 0.5)/n, midpoints of n equal cells of (0, 1), so
// no report is 0 or 1. Precondition: check_expected_score_curve_args passes; each span has n
// entries.
struct ExpectedScoreSpans {
  std::span<double> r, log_score, brier, absolute;
};
void sample_expected_scores(double q, ExpectedScoreSpans out);

}  // namespace lossplay
