// The loss landscape of p = σ(w·x + b), as JS sees it (core/landscape.hpp): each adapter reads
// its JS arguments, runs the core's argument checks, calls the core and wraps the result as a
// Float64Array or a plain object (or returns an Error). Registered by loss_bindings.cpp.
//
// `data` is {x, y}: two arrays (plain, Float64Array or another numeric typed array) of the same
// length, x in [-10, 10] and y exactly 0 or 1. `loss` is "ce" or "mse".
#pragma once

#include "bindings/js_types.hpp"

namespace lossplay::js {

// landscape(data, loss, wMin, wMax, bMin, bMax, nw, nb): a Float64Array of nw·nb mean losses,
// row-major with w fastest (index j·nw + i at w_i, b_j; both ends of each side included).
JsResult landscape(const JsValue& data, const JsValue& loss, const JsValue& w_min,
                   const JsValue& w_max, const JsValue& b_min, const JsValue& b_max,
                   const JsValue& nw, const JsValue& nb);

// landscapeCurvature(...same arguments): the smallest eigenvalue of the Hessian per cell.
JsResult landscape_curvature(const JsValue& data, const JsValue& loss, const JsValue& w_min,
                             const JsValue& w_max, const JsValue& b_min, const JsValue& b_max,
                             const JsValue& nw, const JsValue& nb);

// landscapeHessian(data, loss, w, b): { hww, hwb, hbb }.
JsResult landscape_hessian(const JsValue& data, const JsValue& loss, const JsValue& w,
                           const JsValue& b);

// descentPath(data, loss, w0, b0, learningRate, steps, momentum): { w, b, loss, gradNorm }
// (Float64Arrays, entry 0 the start) and { steps, stopped }: the steps taken, and whether the
// path stopped early because its next step would have left the window [-50, 50]² (the arrays
// then hold steps + 1 entries, fewer than asked for).
JsResult descent_path(const JsValue& data, const JsValue& loss, const JsValue& w0,
                      const JsValue& b0, const JsValue& learning_rate, const JsValue& steps,
                      const JsValue& momentum);

// core.limits.landscape: x, w, b, points, gridSide, learningRate, momentum, steps.
JsObject landscape_limits();

}  // namespace lossplay::js
