// embind registration of the loss functions and core.limits, in both wasm builds. Registration
// only: the adapters live in loss_api.cpp, token_api.cpp, likelihood_api.cpp,
// landscape_api.cpp and model_api.cpp (with RawTemperatureFit, which core_api.mjs wraps as
// TemperatureFit), the conversions in conversions.cpp.
#include <emscripten/bind.h>

#include "bindings/landscape_api.hpp"
#include "bindings/likelihood_api.hpp"
#include "bindings/loss_api.hpp"
#include "bindings/model_api.hpp"
#include "bindings/token_api.hpp"

EMSCRIPTEN_BINDINGS(lossplay) {
  emscripten::function("sigmoid", &lossplay::js::sigmoid);
  emscripten::function("logit", &lossplay::js::logit);
  emscripten::function("binaryPoint", &lossplay::js::binary_point);
  emscripten::function("binaryCurve", &lossplay::js::binary_curve);
  emscripten::function("clampedBinaryPoint", &lossplay::js::clamped_binary_point);
  emscripten::function("sigmoidChain", &lossplay::js::sigmoid_chain);
  emscripten::function("countDescentSteps", &lossplay::js::count_descent_steps);
  emscripten::function("softmax", &lossplay::js::softmax);
  emscripten::function("multiclassPoint", &lossplay::js::multiclass_point);
  emscripten::function("regressionLosses", &lossplay::js::regression_losses);
  emscripten::function("softTargetPoint", &lossplay::js::soft_target_point);
  emscripten::function("softTargetPointAtP", &lossplay::js::soft_target_point_at_p);
  emscripten::function("softmaxTwicePoint", &lossplay::js::softmax_twice_point);
  emscripten::function("naiveSoftmax", &lossplay::js::naive_softmax);
  emscripten::function("fitConstant", &lossplay::js::fit_constant);
  emscripten::function("constantLossCurve", &lossplay::js::constant_loss_curve);
  emscripten::function("tokenSequencePoint", &lossplay::js::token_sequence_point);
  emscripten::function("likelihoodPoint", &lossplay::js::likelihood_point);
  emscripten::function("likelihoodFit", &lossplay::js::likelihood_fit);
  emscripten::function("likelihoodCurve", &lossplay::js::likelihood_curve);
  emscripten::function("likelihoodDensity", &lossplay::js::likelihood_density);
  emscripten::function("landscape", &lossplay::js::landscape);
  emscripten::function("landscapeCurvature", &lossplay::js::landscape_curvature);
  emscripten::function("landscapeHessian", &lossplay::js::landscape_hessian);
  emscripten::function("descentPath", &lossplay::js::descent_path);
  emscripten::function("scoreExamples", &lossplay::js::score_examples);
  emscripten::function("reliability", &lossplay::js::reliability);
  emscripten::function("fitTemperature", &lossplay::js::fit_temperature);
  emscripten::function("histogram", &lossplay::js::histogram);
  emscripten::function("expectedScore", &lossplay::js::expected_score);
  emscripten::function("expectedScoreCurves", &lossplay::js::expected_score_curves);
  using lossplay::js::JsValue;
  using lossplay::js::RawTemperatureFit;
  emscripten::class_<RawTemperatureFit>("RawTemperatureFit")
      .constructor<const JsValue&, const JsValue&, const JsValue&, const JsValue&>()
      .function("error", &RawTemperatureFit::error)
      .function("step", &RawTemperatureFit::step)
      .function("result", &RawTemperatureFit::result);
  emscripten::function("limits", &lossplay::js::limits);
}
