// The "your model" adapters (declared in model_api.hpp).
#include "bindings/model_api.hpp"

#include <emscripten/val.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "bindings/result_types.hpp"
#include "core/argument_checks.hpp"
#include "core/calibration.hpp"
#include "core/limits.hpp"
#include "core/model_scores.hpp"
#include "core/proper_scores.hpp"

namespace lossplay::js {

using emscripten::val;

namespace {

// Typed arrays whose entries are numbers (BigInt64Array's are not): copied in one step.
constexpr std::array kNumberArrays{"Float64Array", "Float32Array",      "Int8Array",
                                   "Uint8Array",   "Uint8ClampedArray", "Int16Array",
                                   "Uint16Array",  "Int32Array",        "Uint32Array"};

ArgumentError type_error(std::string message) {
  return ArgumentError{ErrorKind::type, std::move(message)};
}

bool is_number_array(const JsValue& value) {
  for (const char* type : kNumberArrays) {
    if (value.instanceof (val::global(type))) {
      return true;
    }
  }
  return false;
}

// As read_array (conversions.cpp), up to kModelEntries entries rather than kMaxArrayLength:
// a model's logits can be ten million numbers.
ArgumentCheck read_numbers(const char* name, const JsValue& value, std::vector<double>& out) {
  const bool plain = value.isArray();
  if (!plain && !is_number_array(value)) {
    return type_error(std::string(name) + " must be an Array or a typed array of numbers, got " +
                      value.typeOf().as<std::string>());
  }
  const double length = value["length"].as<double>();
  if (length > kModelEntries.max) {
    return ArgumentError{ErrorKind::range, std::string(name) + " must have at most " +
                                               format_power_of_ten(kModelEntries.max) +
                                               " entries, got " + format_number(length)};
  }
  const auto n = static_cast<std::size_t>(length);
  for (std::size_t i = 0; plain && i < n; ++i) {
    if (!value[i].isNumber()) {
      return type_error(std::string(name) + "[" + std::to_string(i) + "] must be a number, got " +
                        value[i].typeOf().as<std::string>());
    }
  }
  out.resize(n);
  // TypedArray.prototype.set converts every entry to a double, from an Array or a typed array.
  val(emscripten::typed_memory_view(n, out.data())).call<void>("set", value);
  return std::nullopt;
}

// settings, or an empty object when it is undefined.
ArgumentCheck read_settings(const JsValue& settings, const char* example, JsObject& out) {
  if (settings.isUndefined()) {
    out = val::object();
    return std::nullopt;
  }
  if (!is_object(settings)) {
    return type_error("settings must be an object such as " + std::string(example) + ", got " +
                      settings.typeOf().as<std::string>());
  }
  out = settings;
  return std::nullopt;
}

ArgumentCheck read_label_kind(const JsObject& settings, LabelKind& out) {
  std::string word;
  if (auto failure = word_field(settings, "labelKind", "class", word)) {
    return failure;
  }
  const auto names = label_kind_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (word == names[i]) {
      out = static_cast<LabelKind>(i);
      return std::nullopt;
    }
  }
  return choice_error("labelKind", names, word);
}

// logits, classes, labels and the label kind: read, then checked by the core.
struct ModelInput {
  std::vector<double> logits, labels;
  double classes = 0.0;
  LabelKind label_kind = LabelKind::class_index;
  JsObject settings = JsObject::undefined();

  [[nodiscard]] ModelData data() const {
    return {logits, static_cast<std::size_t>(classes), labels, label_kind};
  }
};

// `example` is a settings object the function accepts, for the message when settings is not one.
ArgumentCheck read_model(const JsValue& logits, const JsValue& classes, const JsValue& labels,
                         const JsValue& settings, const char* example, ModelInput& in) {
  if (auto failure = first_failure(read_numbers("logits", logits, in.logits),
                                   read_number("classes", classes, in.classes),
                                   read_numbers("labels", labels, in.labels),
                                   read_settings(settings, example, in.settings))) {
    return failure;
  }
  if (auto failure = first_failure(read_label_kind(in.settings, in.label_kind),
                                   check_model_classes(in.classes))) {
    return failure;
  }
  return check_model_data(in.data());
}

}  // namespace

JsResult score_examples(const JsValue& logits, const JsValue& classes, const JsValue& labels,
                        const JsValue& settings) {
  ModelInput in;
  double temperature = 1.0;
  if (auto failure = read_model(logits, classes, labels, settings,
                                "{ labelKind: 'class', temperature: 1 }", in)) {
    return to_js_error(*failure);
  }
  if (auto failure = first_failure(number_field(in.settings, "temperature", 1.0, temperature),
                                   check_model_temperature(temperature))) {
    return to_js_error(*failure);
  }
  return val(lossplay::score_examples(in.data(), temperature));
}

JsResult fit_temperature(const JsValue& logits, const JsValue& classes, const JsValue& labels,
                         const JsValue& settings) {
  ModelInput in;
  if (auto failure = read_model(logits, classes, labels, settings, "{ labelKind: 'class' }", in)) {
    return to_js_error(*failure);
  }
  return val(lossplay::fit_temperature(in.data()));
}

JsResult reliability(const JsValue& confidence_in, const JsValue& outcome_in,
                     const JsValue& settings_in) {
  std::vector<double> confidence;
  std::vector<double> outcome;
  JsObject settings = val::undefined();
  double bins = 0.0;
  bool equal_mass = false;
  if (auto failure =
          first_failure(read_numbers("confidence", confidence_in, confidence),
                        read_numbers("outcome", outcome_in, outcome),
                        read_settings(settings_in, "{ bins: 10, equalMass: false }", settings))) {
    return to_js_error(*failure);
  }
  if (auto failure = first_failure(number_field(settings, "bins", 10.0, bins),
                                   flag_field(settings, "equalMass", false, equal_mass),
                                   check_reliability_args(confidence, outcome, bins))) {
    return to_js_error(*failure);
  }
  return val(
      lossplay::reliability(confidence, outcome, static_cast<std::size_t>(bins), equal_mass));
}

JsResult histogram(const JsValue& values_in, const JsValue& settings) {
  std::vector<double> values;
  if (auto failure = read_numbers("values", values_in, values)) {
    return to_js_error(*failure);
  }
  if (!is_object(settings) || settings["bins"].isUndefined()) {
    return to_js_error(type_error(
        "settings must be an object with bins, an integer in [1, 200], e.g. { bins: 40 }"));
  }
  HistogramRequest request{0.0, std::nullopt, std::nullopt, false};
  double min = 0.0;
  double max = 0.0;
  if (auto failure = first_failure(number_field(settings, "bins", 0.0, request.bins),
                                   number_field(settings, "min", 0.0, min),
                                   number_field(settings, "max", 0.0, max),
                                   flag_field(settings, "log", false, request.log))) {
    return to_js_error(*failure);
  }
  if (!settings["min"].isUndefined()) {
    request.min = min;
  }
  if (!settings["max"].isUndefined()) {
    request.max = max;
  }
  HistogramRange range{};
  if (auto failure = resolve_histogram(values, request, range)) {
    return to_js_error(*failure);
  }
  return val(lossplay::histogram(values, static_cast<std::size_t>(request.bins), range));
}

JsResult expected_score(const JsValue& q_in, const JsValue& r_in) {
  double q = 0.0;
  double r = 0.0;
  if (auto failure = first_failure(read_number("q", q_in, q), read_number("r", r_in, r),
                                   check_expected_score_args(q, r))) {
    return to_js_error(*failure);
  }
  return val(expected_scores(q, r));
}

JsResult expected_score_curves(const JsValue& q_in, const JsValue& n_in) {
  double q = 0.0;
  double n_points = 0.0;
  if (auto failure = first_failure(read_number("q", q_in, q), read_number("n", n_in, n_points),
                                   check_expected_score_curve_args(q, n_points))) {
    return to_js_error(*failure);
  }
  const auto n = static_cast<std::size_t>(n_points);
  ExpectedScoreCurves out{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n),
                          std::vector<double>(n)};
  sample_expected_scores(q, {out.r, out.log_score, out.brier, out.absolute});
  return val(out);
}

JsObject model_limits() {
  val out = val::object();
  for (const NumberLimit& limit : kModelLimits) {
    out.set(limit.key, to_js_limit(limit));
  }
  out.set("labelKinds", to_string_array(label_kind_names()));
  out.set("labelSumTolerance", kLabelSumTolerance);
  out.set("confidentlyWrong", kConfidentlyWrong);
  return out;
}

RawTemperatureFit::RawTemperatureFit(const JsValue& logits, const JsValue& classes,
                                     const JsValue& labels, const JsValue& settings) {
  ModelInput in;
  if (auto failure = read_model(logits, classes, labels, settings, "{ labelKind: 'class' }", in)) {
    error_ = std::move(failure);
    return;
  }
  logits_ = std::move(in.logits);
  labels_ = std::move(in.labels);
  fit_.emplace(ModelData{logits_, static_cast<std::size_t>(in.classes), labels_, in.label_kind});
}

JsResult RawTemperatureFit::error() const { return error_ ? to_js_error(*error_) : val::null(); }

bool RawTemperatureFit::step() { return !fit_ || fit_->step(); }

JsResult RawTemperatureFit::result() {
  if (!fit_) {
    return to_js_error(*error_);
  }
  while (!fit_->step()) {
  }
  return val(fit_->result());
}

}  // namespace lossplay::js
