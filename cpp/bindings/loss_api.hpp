// The loss functions as JS sees them: each reads its JS arguments, runs the core's own argument
// checks, calls the core and wraps the result as plain objects and Float64Arrays (or returns
// an Error). Registered by loss_bindings.cpp.
#pragma once

#include "bindings/js_types.hpp"

namespace lossplay::js {

JsResult sigmoid(const JsValue& z);
JsResult logit(const JsValue& p);
JsResult binary_point(const JsValue& z, const JsValue& y);
JsResult clamped_binary_point(const JsValue& z, const JsValue& y, const JsValue& epsilon);
JsResult sigmoid_chain(const JsValue& z, const JsValue& y);
JsResult count_descent_steps(const JsValue& z0, const JsValue& y, const JsValue& loss,
                             const JsValue& learning_rate, const JsValue& z_target,
                             const JsValue& max_steps);
JsResult binary_curve(const JsValue& y, const JsValue& z_min, const JsValue& z_max,
                      const JsValue& n);
JsResult softmax(const JsValue& logits);
JsResult multiclass_point(const JsValue& logits, const JsValue& target);
JsResult softmax_twice_point(const JsValue& logits, const JsValue& target);
JsResult naive_softmax(const JsValue& logits);
JsResult soft_target_point(const JsValue& z, const JsValue& t);
JsResult soft_target_point_at_p(const JsValue& p, const JsValue& t);
JsResult fit_constant(const JsValue& targets, const JsValue& delta);
JsResult constant_loss_curve(const JsValue& targets, const JsValue& delta, const JsValue& c_min,
                             const JsValue& c_max, const JsValue& n);
JsResult regression_losses(const JsValue& pred, const JsValue& target, const JsValue& delta);

// core.limits: the core's limits (core/limits.hpp) and the race's setting names, as one
// plain object; lossplay_core.mjs freezes it.
JsObject limits();

}  // namespace lossplay::js
