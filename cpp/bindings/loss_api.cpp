// The loss functions as JS sees them (declared in loss_api.hpp), and core.limits.
#include "bindings/loss_api.hpp"

#include <emscripten/val.h>

#include <span>
#include <string>
#include <vector>

#include "bindings/landscape_api.hpp"
#include "bindings/likelihood_api.hpp"
#include "bindings/model_api.hpp"
#include "bindings/result_types.hpp"
#include "core/argument_checks.hpp"
#include "core/binary_curve.hpp"
#include "core/binary_losses.hpp"
#include "core/clamped_losses.hpp"
#include "core/constant_fit.hpp"
#include "core/limits.hpp"
#include "core/multiclass_losses.hpp"
#include "core/naive_softmax.hpp"
#include "core/race_names.hpp"
#include "core/regression_losses.hpp"
#include "core/sigmoid_chain.hpp"
#include "core/soft_target_losses.hpp"
#include "core/synthetic_datasets.hpp"

namespace lossplay::js {

using emscripten::val;

namespace {

// A function of one number: read it, run the core's check on it, apply the core function.
template <typename Check, typename Function>
JsResult unary(const char* name, const JsValue& input, Check check, Function function) {
  double x = 0.0;
  if (auto failure = read_number(name, input, x)) {
    return to_js_error(*failure);
  }
  if (auto failure = check(name, x)) {
    return to_js_error(*failure);
  }
  return val(function(x));
}

// Reads (z, y) and checks them as every binary function does: z finite, y in [0, 1].
ArgumentCheck read_binary_args(const JsValue& z_in, const JsValue& y_in, double& z, double& y) {
  if (auto failure =
          lossplay::first_failure(read_number("z", z_in, z), read_number("y", y_in, y))) {
    return failure;
  }
  return lossplay::check_binary_args(z, y);
}

// Reads a target given as a class index or as a probability vector, as a vector of length k.
ArgumentCheck read_target(const JsValue& target_in, std::size_t k, std::vector<double>& target) {
  if (target_in.isNumber()) {
    const auto index = target_in.as<double>();
    if (auto failure = lossplay::check_class_index(index, k)) {
      return failure;
    }
    target.assign(k, 0.0);
    target[static_cast<std::size_t>(index)] = 1.0;
    return std::nullopt;
  }
  if (read_array("target", target_in, target)) {
    return ArgumentError{ErrorKind::type,
                         "target must be a class index (number) or an Array or Float64Array "
                         "of probabilities"};
  }
  return lossplay::check_probability_vector("target", target, k);
}

using MulticlassFunction = lossplay::MulticlassLosses (*)(std::span<const double>,
                                                          std::span<const double>);

JsResult multiclass_result(const JsValue& logits_in, const JsValue& target_in,
                           MulticlassFunction function) {
  std::vector<double> logits;
  std::vector<double> target;
  if (auto failure = read_array("logits", logits_in, logits)) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_logits(logits)) {
    return to_js_error(*failure);
  }
  if (auto failure = read_target(target_in, logits.size(), target)) {
    return to_js_error(*failure);
  }
  return val(function(logits, target));
}

}  // namespace

JsResult sigmoid(const JsValue& z) {
  return unary("z", z, lossplay::check_finite, lossplay::sigmoid);
}

JsResult logit(const JsValue& p) {
  return unary("p", p, lossplay::check_open_probability, lossplay::logit);
}

JsResult binary_point(const JsValue& z_in, const JsValue& y_in) {
  double z = 0.0;
  double y = 0.0;
  if (auto failure = read_binary_args(z_in, y_in, z, y)) {
    return to_js_error(*failure);
  }
  return val(BinaryPointResult{lossplay::binary_losses(z, y), lossplay::gradient_ratio(z)});
}

JsResult clamped_binary_point(const JsValue& z_in, const JsValue& y_in, const JsValue& eps_in) {
  double z = 0.0;
  double y = 0.0;
  double epsilon = 0.0;
  if (auto failure = lossplay::first_failure(read_number("z", z_in, z), read_number("y", y_in, y),
                                             read_number("epsilon", eps_in, epsilon))) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_clamped_args(z, y, epsilon)) {
    return to_js_error(*failure);
  }
  return val(lossplay::clamped_binary_ce(z, y, epsilon));
}

JsResult binary_curve(const JsValue& y_in, const JsValue& z_min_in, const JsValue& z_max_in,
                      const JsValue& n_in) {
  double y = 0.0;
  double z_min = 0.0;
  double z_max = 0.0;
  double n_points = 0.0;
  if (auto failure = lossplay::first_failure(
          read_number("y", y_in, y), read_number("zMin", z_min_in, z_min),
          read_number("zMax", z_max_in, z_max), read_number("n", n_in, n_points))) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_binary_curve_args(y, z_min, z_max, n_points)) {
    return to_js_error(*failure);
  }
  const auto n = static_cast<std::size_t>(n_points);
  // One reused buffer holding the six series back to back: no allocation or zero-filling per
  // call, and a single copy out to JS. It grows to the largest curve requested.
  static std::vector<double> scratch;
  if (scratch.size() < 6 * n) {
    scratch.resize(6 * n);
  }
  const std::span<double> all(scratch.data(), 6 * n);
  lossplay::sample_binary_curve(
      y, z_min, z_max,
      {all.subspan(0, n), all.subspan(n, n), all.subspan(2 * n, n), all.subspan(3 * n, n),
       all.subspan(4 * n, n), all.subspan(5 * n, n)});
  const val copy = val(emscripten::typed_memory_view(6 * n, scratch.data())).call<val>("slice");
  const val buffer = copy["buffer"];
  const val float64_array = val::global("Float64Array");
  const auto series = [&](std::size_t index) {
    return float64_array.new_(buffer, static_cast<double>(index * n * sizeof(double)),
                              static_cast<double>(n));
  };
  return val(BinaryCurveResult{series(0), series(1), series(2), series(3), series(4), series(5)});
}

JsResult softmax(const JsValue& logits_in) {
  std::vector<double> logits;
  if (auto failure = read_array("logits", logits_in, logits)) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_logits(logits)) {
    return to_js_error(*failure);
  }
  return to_float64_array(lossplay::softmax(logits));
}

JsResult multiclass_point(const JsValue& logits, const JsValue& target) {
  return multiclass_result(logits, target, &lossplay::multiclass_losses);
}

JsResult softmax_twice_point(const JsValue& logits, const JsValue& target) {
  return multiclass_result(logits, target, &lossplay::softmax_twice_losses);
}

JsResult naive_softmax(const JsValue& logits_in) {
  std::vector<double> logits;
  if (auto failure = read_array("logits", logits_in, logits)) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_logits(logits)) {
    return to_js_error(*failure);
  }
  return val(lossplay::naive_softmax(logits));
}

JsResult soft_target_point(const JsValue& z_in, const JsValue& t_in) {
  double z = 0.0;
  double t = 0.0;
  if (auto failure =
          lossplay::first_failure(read_number("z", z_in, z), read_number("t", t_in, t))) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_soft_target_args(z, t)) {
    return to_js_error(*failure);
  }
  return val(lossplay::soft_target_losses(z, t));
}

JsResult soft_target_point_at_p(const JsValue& p_in, const JsValue& t_in) {
  double p = 0.0;
  double t = 0.0;
  if (auto failure =
          lossplay::first_failure(read_number("p", p_in, p), read_number("t", t_in, t))) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_soft_target_p_args(p, t)) {
    return to_js_error(*failure);
  }
  return val(lossplay::soft_target_losses_at_p(p, t));
}

JsResult fit_constant(const JsValue& targets_in, const JsValue& delta_in) {
  std::vector<double> targets;
  double delta = 0.0;
  if (auto failure = lossplay::first_failure(read_array("targets", targets_in, targets),
                                             read_number("delta", delta_in, delta))) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_constant_fit_args(targets, delta)) {
    return to_js_error(*failure);
  }
  return val(lossplay::fit_constant(targets, delta));
}

JsResult constant_loss_curve(const JsValue& targets_in, const JsValue& delta_in,
                             const JsValue& c_min_in, const JsValue& c_max_in,
                             const JsValue& n_in) {
  std::vector<double> targets;
  double delta = 0.0;
  double c_min = 0.0;
  double c_max = 0.0;
  double n_points = 0.0;
  if (auto failure = lossplay::first_failure(
          read_array("targets", targets_in, targets), read_number("delta", delta_in, delta),
          read_number("cMin", c_min_in, c_min), read_number("cMax", c_max_in, c_max),
          read_number("n", n_in, n_points))) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_constant_curve_args(targets, delta, c_min, c_max, n_points)) {
    return to_js_error(*failure);
  }
  const auto n = static_cast<std::size_t>(n_points);
  ConstantCurveResult out{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n),
                          std::vector<double>(n)};
  lossplay::sample_constant_losses(targets, delta, c_min, c_max,
                                   {out.c, out.mse, out.mae, out.huber});
  return val(out);
}

JsResult regression_losses(const JsValue& pred_in, const JsValue& target_in,
                           const JsValue& delta_in) {
  std::vector<double> pred;
  std::vector<double> target;
  double delta = 0.0;
  if (auto failure = lossplay::first_failure(read_array("pred", pred_in, pred),
                                             read_array("target", target_in, target),
                                             read_number("delta", delta_in, delta))) {
    return to_js_error(*failure);
  }
  if (auto failure = lossplay::check_regression_args(pred, target, delta)) {
    return to_js_error(*failure);
  }
  return val(lossplay::regression_losses(pred, target, delta));
}

JsResult sigmoid_chain(const JsValue& z_in, const JsValue& y_in) {
  double z = 0.0;
  double y = 0.0;
  if (auto failure = read_binary_args(z_in, y_in, z, y)) {
    return to_js_error(*failure);
  }
  return val(lossplay::sigmoid_chain(z, y));
}

JsResult count_descent_steps(const JsValue& z0_in, const JsValue& y_in, const JsValue& loss_in,
                             const JsValue& rate_in, const JsValue& target_in,
                             const JsValue& max_steps_in) {
  double z0 = 0.0;
  double y = 0.0;
  double rate = 0.0;
  double target = 0.0;
  double max_steps = 0.0;
  if (auto failure = lossplay::first_failure(
          read_number("z0", z0_in, z0), read_number("y", y_in, y),
          read_number("learningRate", rate_in, rate), read_number("zTarget", target_in, target),
          read_number("maxSteps", max_steps_in, max_steps))) {
    return to_js_error(*failure);
  }
  const auto loss =
      loss_in.isString() ? lossplay::binary_loss_named(loss_in.as<std::string>()) : std::nullopt;
  if (!loss) {
    return to_js_error(ArgumentError{ErrorKind::type, "loss must be \"ce\" or \"mse\""});
  }
  if (auto failure = lossplay::check_descent_args(z0, y, rate, target, max_steps)) {
    return to_js_error(*failure);
  }
  return val(lossplay::count_descent_steps(z0, y, *loss, rate, target, max_steps));
}

JsObject limits() {
  val race = val::object();
  for (const NumberLimit& limit : kRaceLimits) {
    race.set(limit.key, to_js_limit(limit));
  }
  val csv = val::object();
  csv.set("maxBytes", static_cast<double>(kMaxCsvBytes));
  csv.set("minRows", static_cast<double>(kMinCsvRows));
  csv.set("maxRows", static_cast<double>(kMaxCsvRows));
  csv.set("maxClasses", static_cast<double>(kMaxCsvClasses));
  val choices = val::object();
  choices.set("dataKind", to_string_array(kSyntheticKindNames));
  choices.set("activation", to_string_array(kActivationNames));
  choices.set("weights", to_string_array(kWeightInitNames));
  choices.set("init", to_string_array(kInitPresetNames));
  choices.set("loss", to_string_array(kLossKindNames));
  val out = val::object();
  out.set("maxEntryMagnitude", kMaxEntryMagnitude);
  out.set("maxArrayLength", static_cast<double>(kMaxArrayLength));
  out.set("probabilitySumTolerance", kProbabilitySumTolerance);
  out.set(kCurvePoints.key, to_js_limit(kCurvePoints));
  out.set(kConstantCurvePoints.key, to_js_limit(kConstantCurvePoints));
  out.set(kDelta.key, to_js_limit(kDelta));
  out.set(kClampEpsilon.key, to_js_limit(kClampEpsilon));
  for (const NumberLimit& limit : {kTokenPositions, kVocabularySize, kTokenLogit}) {
    out.set(limit.key, to_js_limit(limit));
  }
  out.set(kDescentRate.key, to_js_limit(kDescentRate));
  out.set(kDescentSteps.key, to_js_limit(kDescentSteps));
  out.set("race", race);
  out.set("likelihood", likelihood_limits());
  out.set("landscape", landscape_limits());
  out.set("model", model_limits());
  out.set("csv", csv);
  out.set("choices", choices);
  return out;
}

}  // namespace lossplay::js
