// The loss functions as JS sees them (declared in loss_api.hpp), and core.limits.
#include "bindings/loss_api.hpp"

#include <emscripten/val.h>

#include <span>
#include <string>
#include <vector>

#include "bindings/landscape_api.hpp"
#include "bindings/likelihood_api.hpp"
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
JsResult unary(const char* signature, const char* name, const JsValue& input, Check check,
               Function function) {
  double x = 0.0;
  if (auto failure = read_number(name, input, x)) {
    return to_js_error(signature, *failure);
  }
  if (auto failure = check(name, x)) {
    return to_js_error(signature, *failure);
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

JsResult multiclass_result(const char* signature, const JsValue& logits_in,
                           const JsValue& target_in, MulticlassFunction function) {
  std::vector<double> logits;
  std::vector<double> target;
  if (auto failure = read_array("logits", logits_in, logits)) {
    return to_js_error(signature, *failure);
  }
  if (auto failure = lossplay::check_logits(logits)) {
    return to_js_error(signature, *failure);
  }
  if (auto failure = read_target(target_in, logits.size(), target)) {
    return to_js_error(signature, *failure);
  }
  const auto losses = function(logits, target);
  val out = val::object();
  out.set("probs", to_float64_array(losses.probs));
  out.set("ce", losses.ce);
  out.set("mse", losses.mse);
  out.set("dceDlogits", to_float64_array(losses.dce_dlogits));
  out.set("dmseDlogits", to_float64_array(losses.dmse_dlogits));
  return out;
}

JsObject soft_target_object(const lossplay::SoftTargetLosses& losses) {
  val out = val::object();
  out.set("p", losses.p);
  out.set("bce", losses.bce);
  out.set("mse", losses.mse);
  out.set("entropy", losses.entropy);
  out.set("kl", losses.kl);
  out.set("dbceDz", losses.dbce_dz);
  out.set("dmseDz", losses.dmse_dz);
  return out;
}

// {min, max, integer}, plus open: 'min' for a half-open interval (min excluded).
JsObject number_limit(const NumberLimit& limit) {
  val out = val::object();
  out.set("min", limit.min);
  out.set("max", limit.max);
  out.set("integer", limit.integer);
  if (limit.min_open) {
    out.set("open", std::string("min"));
  }
  return out;
}

}  // namespace

JsResult sigmoid(const JsValue& z) {
  return unary("sigmoid(z)", "z", z, lossplay::check_finite, lossplay::sigmoid);
}

JsResult logit(const JsValue& p) {
  return unary("logit(p)", "p", p, lossplay::check_open_probability, lossplay::logit);
}

JsResult binary_point(const JsValue& z_in, const JsValue& y_in) {
  constexpr const char* kSignature = "binaryPoint(z, y)";
  double z = 0.0;
  double y = 0.0;
  if (auto failure = read_binary_args(z_in, y_in, z, y)) {
    return to_js_error(kSignature, *failure);
  }
  const auto losses = lossplay::binary_losses(z, y);
  val out = val::object();
  out.set("p", losses.p);
  out.set("ce", losses.ce);
  out.set("mse", losses.mse);
  out.set("dceDz", losses.dce_dz);
  out.set("dmseDz", losses.dmse_dz);
  out.set("ratio", lossplay::gradient_ratio(z));
  return out;
}

JsResult clamped_binary_point(const JsValue& z_in, const JsValue& y_in, const JsValue& eps_in) {
  constexpr const char* kSignature = "clampedBinaryPoint(z, y, epsilon)";
  double z = 0.0;
  double y = 0.0;
  double epsilon = 0.0;
  if (auto failure = lossplay::first_failure(read_number("z", z_in, z), read_number("y", y_in, y),
                                             read_number("epsilon", eps_in, epsilon))) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = lossplay::check_clamped_args(z, y, epsilon)) {
    return to_js_error(kSignature, *failure);
  }
  const auto losses = lossplay::clamped_binary_ce(z, y, epsilon);
  val out = val::object();
  out.set("p", losses.p);
  out.set("ce", losses.ce);
  out.set("dceDz", losses.dce_dz);
  out.set("clamped", losses.clamped);
  return out;
}

JsResult binary_curve(const JsValue& y_in, const JsValue& z_min_in, const JsValue& z_max_in,
                      const JsValue& n_in) {
  constexpr const char* kSignature = "binaryCurve(y, zMin, zMax, n)";
  double y = 0.0;
  double z_min = 0.0;
  double z_max = 0.0;
  double n_points = 0.0;
  if (auto failure = lossplay::first_failure(
          read_number("y", y_in, y), read_number("zMin", z_min_in, z_min),
          read_number("zMax", z_max_in, z_max), read_number("n", n_in, n_points))) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = lossplay::check_binary_curve_args(y, z_min, z_max, n_points)) {
    return to_js_error(kSignature, *failure);
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
  val out = val::object();
  out.set("z", series(0));
  out.set("p", series(1));
  out.set("ce", series(2));
  out.set("mse", series(3));
  out.set("dceDz", series(4));
  out.set("dmseDz", series(5));
  return out;
}

JsResult softmax(const JsValue& logits_in) {
  constexpr const char* kSignature = "softmax(logits)";
  std::vector<double> logits;
  if (auto failure = read_array("logits", logits_in, logits)) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = lossplay::check_logits(logits)) {
    return to_js_error(kSignature, *failure);
  }
  return to_float64_array(lossplay::softmax(logits));
}

JsResult multiclass_point(const JsValue& logits, const JsValue& target) {
  return multiclass_result("multiclassPoint(logits, target)", logits, target,
                           &lossplay::multiclass_losses);
}

JsResult softmax_twice_point(const JsValue& logits, const JsValue& target) {
  return multiclass_result("softmaxTwicePoint(logits, target)", logits, target,
                           &lossplay::softmax_twice_losses);
}

JsResult naive_softmax(const JsValue& logits_in) {
  constexpr const char* kSignature = "naiveSoftmax(logits)";
  std::vector<double> logits;
  if (auto failure = read_array("logits", logits_in, logits)) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = lossplay::check_logits(logits)) {
    return to_js_error(kSignature, *failure);
  }
  const auto naive = lossplay::naive_softmax(logits);
  val out = val::object();
  out.set("exponentials", to_float64_array(naive.exponentials));
  out.set("sum", naive.sum);
  out.set("probs", to_float64_array(naive.probs));
  return out;
}

JsResult soft_target_point(const JsValue& z_in, const JsValue& t_in) {
  constexpr const char* kSignature = "softTargetPoint(z, t)";
  double z = 0.0;
  double t = 0.0;
  if (auto failure =
          lossplay::first_failure(read_number("z", z_in, z), read_number("t", t_in, t))) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = lossplay::check_soft_target_args(z, t)) {
    return to_js_error(kSignature, *failure);
  }
  return soft_target_object(lossplay::soft_target_losses(z, t));
}

JsResult soft_target_point_at_p(const JsValue& p_in, const JsValue& t_in) {
  constexpr const char* kSignature = "softTargetPointAtP(p, t)";
  double p = 0.0;
  double t = 0.0;
  if (auto failure =
          lossplay::first_failure(read_number("p", p_in, p), read_number("t", t_in, t))) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = lossplay::check_soft_target_p_args(p, t)) {
    return to_js_error(kSignature, *failure);
  }
  return soft_target_object(lossplay::soft_target_losses_at_p(p, t));
}

JsResult fit_constant(const JsValue& targets_in, const JsValue& delta_in) {
  constexpr const char* kSignature = "fitConstant(targets, delta)";
  std::vector<double> targets;
  double delta = 0.0;
  if (auto failure = lossplay::first_failure(read_array("targets", targets_in, targets),
                                             read_number("delta", delta_in, delta))) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = lossplay::check_constant_fit_args(targets, delta)) {
    return to_js_error(kSignature, *failure);
  }
  const auto fit = lossplay::fit_constant(targets, delta);
  const auto interval = [](const lossplay::MinimizerInterval& minimizers) {
    val out = val::object();
    out.set("low", minimizers.low);
    out.set("high", minimizers.high);
    return out;
  };
  val out = val::object();
  out.set("mean", fit.mean);
  out.set("median", fit.mae.midpoint());
  out.set("huber", fit.huber.midpoint());
  out.set("maeMinimizers", interval(fit.mae));
  out.set("huberMinimizers", interval(fit.huber));
  return out;
}

JsResult constant_loss_curve(const JsValue& targets_in, const JsValue& delta_in,
                             const JsValue& c_min_in, const JsValue& c_max_in,
                             const JsValue& n_in) {
  constexpr const char* kSignature = "constantLossCurve(targets, delta, cMin, cMax, n)";
  std::vector<double> targets;
  double delta = 0.0;
  double c_min = 0.0;
  double c_max = 0.0;
  double n_points = 0.0;
  if (auto failure = lossplay::first_failure(
          read_array("targets", targets_in, targets), read_number("delta", delta_in, delta),
          read_number("cMin", c_min_in, c_min), read_number("cMax", c_max_in, c_max),
          read_number("n", n_in, n_points))) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = lossplay::check_constant_curve_args(targets, delta, c_min, c_max, n_points)) {
    return to_js_error(kSignature, *failure);
  }
  const auto n = static_cast<std::size_t>(n_points);
  std::vector<double> c(n), mse(n), mae(n), huber(n);
  lossplay::sample_constant_losses(targets, delta, c_min, c_max, {c, mse, mae, huber});
  val out = val::object();
  out.set("c", to_float64_array(c));
  out.set("mse", to_float64_array(mse));
  out.set("mae", to_float64_array(mae));
  out.set("huber", to_float64_array(huber));
  return out;
}

JsResult regression_losses(const JsValue& pred_in, const JsValue& target_in,
                           const JsValue& delta_in) {
  constexpr const char* kSignature = "regressionLosses(pred, target, delta)";
  std::vector<double> pred;
  std::vector<double> target;
  double delta = 0.0;
  if (auto failure = lossplay::first_failure(read_array("pred", pred_in, pred),
                                             read_array("target", target_in, target),
                                             read_number("delta", delta_in, delta))) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = lossplay::check_regression_args(pred, target, delta)) {
    return to_js_error(kSignature, *failure);
  }
  const auto losses = lossplay::regression_losses(pred, target, delta);
  val out = val::object();
  out.set("mse", losses.mse);
  out.set("mae", losses.mae);
  out.set("huber", losses.huber);
  out.set("dmse", to_float64_array(losses.dmse));
  out.set("dmae", to_float64_array(losses.dmae));
  out.set("dhuber", to_float64_array(losses.dhuber));
  return out;
}

JsResult sigmoid_chain(const JsValue& z_in, const JsValue& y_in) {
  constexpr const char* kSignature = "sigmoidChain(z, y)";
  double z = 0.0;
  double y = 0.0;
  if (auto failure = read_binary_args(z_in, y_in, z, y)) {
    return to_js_error(kSignature, *failure);
  }
  const auto chain = lossplay::sigmoid_chain(z, y);
  val out = val::object();
  out.set("p", chain.p);
  out.set("dpDz", chain.dp_dz);
  out.set("dceDp", chain.dce_dp);
  out.set("dmseDp", chain.dmse_dp);
  out.set("dceDz", chain.dce_dz);
  out.set("dmseDz", chain.dmse_dz);
  return out;
}

JsResult count_descent_steps(const JsValue& z0_in, const JsValue& y_in, const JsValue& loss_in,
                             const JsValue& rate_in, const JsValue& target_in,
                             const JsValue& max_steps_in) {
  constexpr const char* kSignature =
      "countDescentSteps(z0, y, loss, learningRate, zTarget, maxSteps)";
  double z0 = 0.0;
  double y = 0.0;
  double rate = 0.0;
  double target = 0.0;
  double max_steps = 0.0;
  if (auto failure = lossplay::first_failure(
          read_number("z0", z0_in, z0), read_number("y", y_in, y),
          read_number("learningRate", rate_in, rate), read_number("zTarget", target_in, target),
          read_number("maxSteps", max_steps_in, max_steps))) {
    return to_js_error(kSignature, *failure);
  }
  const auto loss =
      loss_in.isString() ? lossplay::binary_loss_named(loss_in.as<std::string>()) : std::nullopt;
  if (!loss) {
    return to_js_error(kSignature,
                       ArgumentError{ErrorKind::type, "loss must be \"ce\" or \"mse\""});
  }
  if (auto failure = lossplay::check_descent_args(z0, y, rate, target, max_steps)) {
    return to_js_error(kSignature, *failure);
  }
  const auto count = lossplay::count_descent_steps(z0, y, *loss, rate, target, max_steps);
  val out = val::object();
  out.set("steps", count.steps);
  out.set("reached", count.reached);
  out.set("z", count.z);
  return out;
}

JsObject limits() {
  val race = val::object();
  for (const NumberLimit& limit : kRaceLimits) {
    race.set(limit.key, number_limit(limit));
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
  out.set(kCurvePoints.key, number_limit(kCurvePoints));
  out.set(kConstantCurvePoints.key, number_limit(kConstantCurvePoints));
  out.set(kDelta.key, number_limit(kDelta));
  out.set(kClampEpsilon.key, number_limit(kClampEpsilon));
  for (const NumberLimit& limit : {kTokenPositions, kVocabularySize, kTokenLogit}) {
    out.set(limit.key, number_limit(limit));
  }
  out.set(kDescentRate.key, number_limit(kDescentRate));
  out.set(kDescentSteps.key, number_limit(kDescentSteps));
  out.set("race", race);
  out.set("likelihood", likelihood_limits());
  out.set("landscape", landscape_limits());
  out.set("csv", csv);
  out.set("choices", choices);
  return out;
}

}  // namespace lossplay::js
