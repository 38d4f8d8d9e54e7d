// The expected scores of a report (declared in proper_scores.hpp).
#include "core/proper_scores.hpp"

#include <cmath>

#include "core/limits.hpp"
#include "core/model_data.hpp"

namespace lossplay {

ArgumentCheck check_expected_score_args(double q, double r) {
  if (auto failure = with_accepted_example(check_label("q", q), "0.7")) {
    return failure;
  }
  if (!(r > 0.0 && r < 1.0)) {
    return ArgumentError{ErrorKind::range,
                         "r must be a probability in (0, 1), 0 and 1 excluded (there the log "
                         "score is infinite), e.g. 0.3; got " +
                             format_number(r)};
  }
  return std::nullopt;
}

ArgumentCheck check_expected_score_curve_args(double q, double n) {
  return first_failure(with_accepted_example(check_label("q", q), "0.7"),
                       with_accepted_example(check_limit("n", kScoreCurvePoints, n), "200"));
}

ExpectedScores expected_scores(double q, double r) {
  // ln(1 − r) as log1p(−r): accurate for small r, and for r ≥ ½ the same value (1 − r is exact).
  const double log_score =
      (q > 0.0 ? -q * std::log(r) : 0.0) + (q < 1.0 ? -(1.0 - q) * std::log1p(-r) : 0.0);
  const double miss = 1.0 - r;
  return ExpectedScores{log_score, q * miss * miss + (1.0 - q) * r * r, q * miss + (1.0 - q) * r};
}

void sample_expected_scores(double q, ExpectedScoreSpans out) {
  const auto n = static_cast<double>(out.r.size());
  for (std::size_t i = 0; i < out.r.size(); ++i) {
    const double r = (static_cast<double>(i) + 0.5) / n;
    const ExpectedScores scores = expected_scores(q, r);
    out.r[i] = r;
    out.log_score[i] = scores.log_score;
    out.brier[i] = scores.brier;
    out.absolute[i] = scores.absolute;
  }
}

}  // namespace lossplay
