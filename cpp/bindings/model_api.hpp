// The "your model" functions as JS sees them (core/model_scores.hpp, calibration.hpp,
// temperature_fit.hpp, proper_scores.hpp): each adapter reads its JS arguments, runs the core's
// checks, calls the core and returns a plain object with Float64Arrays, or an Error for
// core_api.mjs to throw. Registered by loss_bindings.cpp (both builds); the result objects by
// result_bindings.cpp.
//
// `settings` may be undefined (every field then takes its default). Arrays may be plain Arrays
// of numbers or typed arrays of numbers; a Float64Array is copied in one step, a plain Array
// entry by entry, so a page with ten million logits passes a Float64Array.
#pragma once

#include <optional>
#include <vector>

#include "bindings/js_types.hpp"
#include "core/model_data.hpp"
#include "core/temperature_fit.hpp"

namespace lossplay::js {

// scoreExamples(logits, classes, labels, settings): settings { labelKind: 'class' |
// 'probability', temperature }; the fields of ExampleScores.
JsResult score_examples(const JsValue& logits, const JsValue& classes, const JsValue& labels,
                        const JsValue& settings);

// reliability(confidence, outcome, settings): settings { bins, equalMass };
// { bins: [{ low, high, count, meanConfidence, meanOutcome }], ece, brier }.
JsResult reliability(const JsValue& confidence, const JsValue& outcome, const JsValue& settings);

// fitTemperature(logits, classes, labels, settings): settings { labelKind };
// { temperature, meanCrossEntropyBefore, meanCrossEntropyAfter, atLimit }.
JsResult fit_temperature(const JsValue& logits, const JsValue& classes, const JsValue& labels,
                         const JsValue& settings);

// histogram(values, settings): settings { bins, min, max, log }; { edges, counts, below, above }.
JsResult histogram(const JsValue& values, const JsValue& settings);

// expectedScore(q, r): { logScore, brier, absolute }.
JsResult expected_score(const JsValue& q, const JsValue& r);

// expectedScoreCurves(q, n): { r, logScore, brier, absolute }, Float64Arrays of n points.
JsResult expected_score_curves(const JsValue& q, const JsValue& n);

// What expectedScoreCurves returns (registered in result_bindings.cpp).
struct ExpectedScoreCurves {
  std::vector<double> r, log_score, brier, absolute;
};

// core.limits.model: kModelLimits by key, and labelKinds, labelSumTolerance, confidentlyWrong.
JsObject model_limits();

// The temperature fit in steps (wrapped as TemperatureFit by core_api.mjs): the constructor
// takes fitTemperature's arguments and keeps a copy of the data; a bad argument leaves the fit
// empty and error() non-null.
class RawTemperatureFit {
 public:
  RawTemperatureFit(const JsValue& logits, const JsValue& classes, const JsValue& labels,
                    const JsValue& settings);

  // null, or the Error that stopped the constructor.
  [[nodiscard]] JsResult error() const;
  // One pass over the data; true once the fit is done.
  bool step();
  // The fit, as fitTemperature returns it; finishes the search first if it is not done.
  JsResult result();

 private:
  std::vector<double> logits_, labels_;  // the fit's data: it keeps views into them
  std::optional<TemperatureFit> fit_;
  std::optional<ArgumentError> error_;
};

}  // namespace lossplay::js
