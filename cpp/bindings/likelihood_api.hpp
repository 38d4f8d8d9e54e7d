// Losses as negative log-likelihoods, as JS sees them (core/likelihood.hpp): each adapter reads
// its JS arguments, runs the core's argument checks, calls the core and wraps the result as a
// plain object with Float64Arrays (or returns an Error). Registered by loss_bindings.cpp.
//
// `dist` is "bernoulli", "gaussian" or "laplace"; `location` is μ, or the logit z for
// Bernoulli; `scale` is σ or b (checked, and ignored, for Bernoulli).
#pragma once

#include "bindings/js_types.hpp"

namespace lossplay::js {

// likelihoodPoint(dist, data, location, scale): { totalNll, meanNll, loss, lossScale, offset,
// mappedLoss, densities, nlls } (f(x_i) and −ln f(x_i) per datum) and, for Bernoulli, p = σ(z).
JsResult likelihood_point(const JsValue& dist, const JsValue& data, const JsValue& location,
                          const JsValue& scale);

// likelihoodFit(dist, data, scale): { best, low, high, attained, leastMeanNll } and, for
// Bernoulli, ones, zeros, n, shareOfOnes (ones / n, the best p) and shareOfZeros. best is ±Infinity
// when every Bernoulli label agrees.
JsResult likelihood_fit(const JsValue& dist, const JsValue& data, const JsValue& scale);

// likelihoodCurve(dist, data, scale, lo, hi, n): { location, meanNll, loss, mappedLoss }.
JsResult likelihood_curve(const JsValue& dist, const JsValue& data, const JsValue& scale,
                          const JsValue& lo, const JsValue& hi, const JsValue& n);

// likelihoodDensity(dist, location, scale, xMin, xMax, n): { x, density }.
JsResult likelihood_density(const JsValue& dist, const JsValue& location, const JsValue& scale,
                            const JsValue& x_min, const JsValue& x_max, const JsValue& n);

// core.limits.likelihood: value, location, scale, curvePoints, maxData and distributions.
JsObject likelihood_limits();

}  // namespace lossplay::js
