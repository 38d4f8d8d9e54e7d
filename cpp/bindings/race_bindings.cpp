// embind registration of the training race: a RawRace class (wrapped by lossplay_core.mjs)
// and parseCsvDataset. Like the loss bindings, errors are returned as JS Error objects.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <optional>
#include <string>

#include "core/argument_checks.hpp"
#include "core/csv_dataset.hpp"
#include "core/synthetic_datasets.hpp"
#include "core/training_race.hpp"

namespace {

using emscripten::val;
using lossplay::ArgumentError;
using lossplay::ErrorKind;
using lossplay::LossKind;

using JsValue = val;
using JsResult = val;

constexpr double kTestFraction = 0.3;
constexpr double kMaxGridSide = 400;

JsResult js_error(const char* signature, ErrorKind kind, const std::string& message) {
  const char* constructor = kind == ErrorKind::type ? "TypeError" : "RangeError";
  return val::global(constructor).new_(std::string(signature) + ": " + message);
}

val float64_array(const std::vector<double>& values) {
  return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}

bool is_object(const val& value) {
  return !value.isNull() && value.typeOf().as<std::string>() == "object";
}

// A number field of the settings object, with the field's default when it is absent.
std::optional<ArgumentError> number_field(const val& settings, const char* key, double fallback,
                                          double& out) {
  const val value = settings[key];
  if (value.isUndefined()) {
    out = fallback;
    return std::nullopt;
  }
  if (!value.isNumber()) {
    return ArgumentError{ErrorKind::type, std::string(key) + " must be a number"};
  }
  out = value.as<double>();
  return std::nullopt;
}

std::optional<ArgumentError> word_field(const val& settings, const char* key, const char* fallback,
                                        std::string& out) {
  const val value = settings[key];
  if (value.isUndefined()) {
    out = fallback;
    return std::nullopt;
  }
  if (!value.isString()) {
    return ArgumentError{ErrorKind::type, std::string(key) + " must be a string"};
  }
  out = value.as<std::string>();
  return std::nullopt;
}

class RawRace {
 public:
  explicit RawRace(const JsValue& settings) {
    if (!is_object(settings)) {
      fail(ErrorKind::type, "settings must be an object");
      return;
    }
    std::optional<lossplay::TrainTestSplit> split = read_data(settings);
    if (!split) {
      return;
    }
    double hidden = 0;
    double learning_rate = 0;
    double batch_size = 0;
    double seed = 0;
    double init_logit = 0;
    std::string activation;
    std::string init;
    if (auto failure =
            lossplay::first_failure(number_field(settings, "hidden", 0, hidden),
                                    number_field(settings, "learningRate", 0.5, learning_rate),
                                    number_field(settings, "batchSize", 32, batch_size),
                                    number_field(settings, "seed", 1, seed),
                                    number_field(settings, "initLogit", 0, init_logit),
                                    word_field(settings, "activation", "tanh", activation),
                                    word_field(settings, "init", "standard", init))) {
      fail(failure->kind, failure->message);
      return;
    }
    lossplay::RaceSettings race;
    if (activation == "tanh" || activation == "relu") {
      race.activation =
          activation == "tanh" ? lossplay::Activation::tanh : lossplay::Activation::relu;
    } else {
      fail(ErrorKind::range, "activation must be \"tanh\" or \"relu\", got \"" + activation + "\"");
      return;
    }
    if (init == "standard") {
      race.init = lossplay::InitPreset::standard;
    } else if (init == "wrong") {
      race.init = lossplay::InitPreset::confidently_wrong;
    } else if (init == "logit") {
      race.init = lossplay::InitPreset::from_logit;
    } else {
      fail(ErrorKind::range,
           "init must be \"standard\", \"wrong\" or \"logit\", got \"" + init + "\"");
      return;
    }
    if (auto failure = lossplay::check_race_settings(hidden, learning_rate, batch_size, seed,
                                                     init_logit, race.init, split->train.classes)) {
      fail(failure->kind, failure->message);
      return;
    }
    race.hidden = static_cast<std::size_t>(hidden);
    race.learning_rate = learning_rate;
    race.batch_size = static_cast<std::size_t>(batch_size);
    race.seed = static_cast<std::uint64_t>(seed);
    race.init_logit = init_logit;
    race_ = std::make_unique<lossplay::TrainingRace>(std::move(*split), race);
  }

  [[nodiscard]] JsResult error() const {
    return error_.empty() ? val::null() : js_error("createRace(settings)", error_kind_, error_);
  }

  JsResult step(const JsValue& epochs_in) {
    constexpr const char* kSignature = "race.step(epochs)";
    if (!epochs_in.isNumber()) {
      return js_error(kSignature, ErrorKind::type, "epochs must be a number");
    }
    const auto epochs = epochs_in.as<double>();
    if (auto failure = lossplay::check_integer_in("epochs", epochs, 1.0, 10000.0)) {
      return js_error(kSignature, failure->kind, failure->message);
    }
    for (int i = 0; i < static_cast<int>(epochs); ++i) {
      race_->step();
    }
    return val(static_cast<double>(race_->epoch()));
  }

  [[nodiscard]] JsResult history() const {
    val out = val::object();
    out.set("epoch", static_cast<double>(race_->epoch()));
    out.set("ce", run_history(race_->run(LossKind::cross_entropy)));
    out.set("mse", run_history(race_->run(LossKind::squared_error)));
    return out;
  }

  [[nodiscard]] JsResult info() const {
    const auto& data = race_->data();
    val out = val::object();
    out.set("trainRows", static_cast<double>(data.train.rows()));
    out.set("testRows", static_cast<double>(data.test.rows()));
    out.set("features", static_cast<double>(data.train.features));
    out.set("classes", static_cast<double>(data.train.classes));
    return out;
  }

  // Standardised coordinates and labels of the training and test points (two features only).
  [[nodiscard]] JsResult points() const {
    const auto& data = race_->data();
    if (data.train.features != 2) {
      return js_error("race.points()", ErrorKind::range, "points are drawn for two features only");
    }
    val out = val::object();
    for (const auto& [name, part] :
         {std::pair{"train", &data.train}, std::pair{"test", &data.test}}) {
      val set = val::object();
      set.set("x", float64_array(part->x));
      std::vector<double> labels(part->y.begin(), part->y.end());
      set.set("y", float64_array(labels));
      out.set(name, set);
    }
    return out;
  }

  [[nodiscard]] JsResult grid(const JsValue& which, const JsValue& x0, const JsValue& x1,
                              const JsValue& y0, const JsValue& y1, const JsValue& nx,
                              const JsValue& ny) const {
    constexpr const char* kSignature = "race.grid(loss, x0, x1, y0, y1, nx, ny)";
    if (race_->data().train.features != 2) {
      return js_error(kSignature, ErrorKind::range, "a decision boundary needs two features");
    }
    if (!which.isString() ||
        (which.as<std::string>() != "ce" && which.as<std::string>() != "mse")) {
      return js_error(kSignature, ErrorKind::range, "loss must be \"ce\" or \"mse\"");
    }
    double bounds[4] = {};
    const val* inputs[4] = {&x0, &x1, &y0, &y1};
    for (int i = 0; i < 4; ++i) {
      if (!inputs[i]->isNumber() || !std::isfinite(inputs[i]->as<double>())) {
        return js_error(kSignature, ErrorKind::range, "the grid bounds must be finite numbers");
      }
      bounds[i] = inputs[i]->as<double>();
    }
    if (!nx.isNumber() || !ny.isNumber()) {
      return js_error(kSignature, ErrorKind::type, "nx and ny must be numbers");
    }
    if (auto failure = lossplay::first_failure(
            lossplay::check_integer_in("nx", nx.as<double>(), 2.0, kMaxGridSide),
            lossplay::check_integer_in("ny", ny.as<double>(), 2.0, kMaxGridSide))) {
      return js_error(kSignature, failure->kind, failure->message);
    }
    const auto columns = static_cast<std::size_t>(nx.as<double>());
    const auto rows = static_cast<std::size_t>(ny.as<double>());
    std::vector<double> out(columns * rows);
    race_->predict_grid(
        which.as<std::string>() == "ce" ? LossKind::cross_entropy : LossKind::squared_error,
        bounds[0], bounds[1], bounds[2], bounds[3], columns, rows, out);
    return float64_array(out);
  }

 private:
  void fail(ErrorKind kind, std::string message) {
    error_kind_ = kind;
    error_ = std::move(message);
  }

  std::optional<lossplay::TrainTestSplit> read_data(const val& settings) {
    const val data = settings["data"];
    if (!is_object(data)) {
      fail(ErrorKind::type, "data must be an object: {kind, size, noise} or {csv}");
      return std::nullopt;
    }
    double seed = 1;
    if (auto failure = number_field(settings, "seed", 1, seed)) {
      fail(failure->kind, failure->message);
      return std::nullopt;
    }
    if (auto failure = lossplay::check_integer_in("seed", seed, 0.0, 9007199254740992.0)) {
      fail(failure->kind, failure->message);
      return std::nullopt;
    }
    const auto data_seed = static_cast<std::uint64_t>(seed);
    if (data["csv"].isString()) {
      const auto parsed = lossplay::parse_csv_dataset(data["csv"].as<std::string>());
      if (!parsed.ok) {
        fail(ErrorKind::range, parsed.error);
        return std::nullopt;
      }
      return lossplay::split_and_standardize(parsed.data, kTestFraction, data_seed);
    }
    std::string kind;
    double size = 0;
    double noise = 0;
    if (auto failure = lossplay::first_failure(word_field(data, "kind", "blobs", kind),
                                               number_field(data, "size", 200, size),
                                               number_field(data, "noise", 0.2, noise))) {
      fail(failure->kind, failure->message);
      return std::nullopt;
    }
    const auto synthetic = lossplay::synthetic_kind_from_name(kind);
    if (!synthetic) {
      fail(ErrorKind::range,
           "data.kind must be \"blobs\", \"xor\", \"circles\" or \"spiral\", got \"" + kind + "\"");
      return std::nullopt;
    }
    if (auto failure = lossplay::check_synthetic_args(size, noise)) {
      fail(failure->kind, failure->message);
      return std::nullopt;
    }
    return lossplay::split_and_standardize(
        lossplay::make_synthetic(*synthetic, static_cast<std::size_t>(size), noise, data_seed),
        kTestFraction, data_seed);
  }

  static val run_history(const lossplay::RaceRun& run) {
    std::vector<double> loss;
    std::vector<double> train;
    std::vector<double> test;
    std::vector<double> norm;
    for (const auto& record : run.history) {
      loss.push_back(record.loss);
      train.push_back(record.train_accuracy);
      test.push_back(record.test_accuracy);
      norm.push_back(record.gradient_norm);
    }
    val out = val::object();
    out.set("loss", float64_array(loss));
    out.set("trainAccuracy", float64_array(train));
    out.set("testAccuracy", float64_array(test));
    out.set("gradientNorm", float64_array(norm));
    out.set("diverged", run.diverged);
    out.set("divergedEpoch", static_cast<double>(run.diverged_epoch));
    return out;
  }

  std::unique_ptr<lossplay::TrainingRace> race_;
  ErrorKind error_kind_ = ErrorKind::range;
  std::string error_;
};

JsResult parse_csv_dataset(const JsValue& text) {
  constexpr const char* kSignature = "parseCsvDataset(text)";
  if (!text.isString()) {
    return js_error(kSignature, ErrorKind::type, "text must be a string");
  }
  const auto parsed = lossplay::parse_csv_dataset(text.as<std::string>());
  if (!parsed.ok) {
    return js_error(kSignature, ErrorKind::range, parsed.error);
  }
  val out = val::object();
  out.set("rows", static_cast<double>(parsed.data.rows()));
  out.set("features", static_cast<double>(parsed.data.features));
  out.set("classes", static_cast<double>(parsed.data.classes));
  val names = val::array();
  for (const auto& name : parsed.class_names) {
    names.call<void>("push", val(name));
  }
  out.set("classNames", names);
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(lossplay_race) {
  emscripten::class_<RawRace>("RawRace")
      .constructor<const JsValue&>()
      .function("error", &RawRace::error)
      .function("step", &RawRace::step)
      .function("history", &RawRace::history)
      .function("info", &RawRace::info)
      .function("points", &RawRace::points)
      .function("grid", &RawRace::grid);
  emscripten::function("parseCsvDataset", &parse_csv_dataset);
}
