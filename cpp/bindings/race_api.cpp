// RawRace and parseCsvDataset (declared in race_api.hpp).
#include "bindings/race_api.hpp"

#include <emscripten/val.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/argument_checks.hpp"
#include "core/csv_dataset.hpp"
#include "core/limits.hpp"
#include "core/race_names.hpp"
#include "core/synthetic_datasets.hpp"

namespace lossplay::js {

using emscripten::val;

namespace {

constexpr double kTestFraction = 0.3;

ArgumentError type_error(std::string message) { return {ErrorKind::type, std::move(message)}; }
ArgumentError range_error(std::string message) { return {ErrorKind::range, std::move(message)}; }

// One run's history rows from `first` on.
RunHistoryResult run_history(const RaceRun& run, std::size_t first) {
  const std::size_t begin = std::min(first, run.history.size());
  const std::size_t n = run.history.size() - begin;
  RunHistoryResult out{std::vector<double>(n), std::vector<double>(n),
                       std::vector<double>(n), std::vector<double>(n),
                       run.diverged,           static_cast<double>(run.diverged_epoch)};
  for (std::size_t i = 0; i < n; ++i) {
    const EpochRecord& record = run.history[begin + i];
    out.loss[i] = record.loss;
    out.train_accuracy[i] = record.train_accuracy;
    out.test_accuracy[i] = record.test_accuracy;
    out.gradient_norm[i] = record.gradient_norm;
  }
  return out;
}

// data.dataset, {features, classes, x, y} as parseCsvDataset and csvReader.finish() return it.
ArgumentCheck read_dataset(const JsValue& dataset, Dataset& out) {
  if (!is_object(dataset)) {
    return type_error(
        "data.dataset must be an object {features, classes, x, y}, as "
        "parseCsvDataset(text) returns");
  }
  double features = 0;
  double classes = 0;
  std::vector<double> x;
  std::vector<double> y;
  if (auto failure =
          first_failure(read_number("data.dataset.features", dataset["features"], features),
                        read_number("data.dataset.classes", dataset["classes"], classes),
                        read_array("data.dataset.x", dataset["x"], x),
                        read_array("data.dataset.y", dataset["y"], y))) {
    return failure;
  }
  if (auto failure = check_dataset_arrays("data.dataset", features, classes, x, y)) {
    return failure;
  }
  out.features = static_cast<std::size_t>(features);
  out.classes = static_cast<std::size_t>(classes);
  out.x = std::move(x);
  out.y.assign(y.begin(), y.end());  // integers, checked above
  return std::nullopt;
}

JsObject dataset_result(const CsvDataset& parsed) {
  return val(CsvDatasetResult{
      static_cast<double>(parsed.data.rows()), static_cast<double>(parsed.data.features),
      static_cast<double>(parsed.data.classes), parsed.class_names, parsed.data.x,
      std::vector<double>(parsed.data.y.begin(), parsed.data.y.end())});
}

// A word setting that names one of `names`, parsed by `parse`.
template <typename Enum, std::size_t N, typename Parse>
ArgumentCheck read_choice(const JsObject& settings, const char* key, const char* fallback,
                          const std::array<std::string_view, N>& names, Parse parse, Enum& out) {
  std::string word;
  if (auto failure = word_field(settings, key, fallback, word)) {
    return failure;
  }
  const std::optional<Enum> parsed = parse(word);
  if (!parsed) {
    return choice_error(key, names, word);
  }
  out = *parsed;
  return std::nullopt;
}

// Everything but the data: the model, its start and the training settings, each checked.
ArgumentCheck read_race_settings(const JsObject& settings, std::size_t classes, RaceSettings& out) {
  double hidden = 0;
  double depth = 1;
  double learning_rate = 0;
  double batch_size = 0;
  double seed = 0;
  double init_logit = 0;
  double weight_scale = 1;
  if (auto failure = first_failure(number_field(settings, "hidden", 0, hidden),
                                   number_field(settings, "depth", 1, depth),
                                   number_field(settings, "learningRate", 0.5, learning_rate),
                                   number_field(settings, "batchSize", 32, batch_size),
                                   number_field(settings, "seed", 1, seed),
                                   number_field(settings, "initLogit", 0, init_logit),
                                   number_field(settings, "weightScale", 1, weight_scale),
                                   read_choice(settings, "activation", "tanh", kActivationNames,
                                               parse_activation, out.activation),
                                   read_choice(settings, "weights", "default", kWeightInitNames,
                                               parse_weight_init, out.weights),
                                   read_choice(settings, "init", "standard", kInitPresetNames,
                                               parse_init_preset, out.init))) {
    return failure;
  }
  if (auto failure = first_failure(check_race_settings(hidden, learning_rate, batch_size, seed,
                                                       init_logit, out.init, classes),
                                   check_layer_settings(depth, weight_scale))) {
    return failure;
  }
  out.hidden = static_cast<std::size_t>(hidden);
  out.depth = static_cast<std::size_t>(depth);
  out.learning_rate = learning_rate;
  out.batch_size = static_cast<std::size_t>(batch_size);
  out.seed = static_cast<std::uint64_t>(seed);
  out.init_logit = init_logit;
  out.weight_scale = weight_scale;
  return std::nullopt;
}

}  // namespace

RawRace::RawRace(const JsObject& settings) {
  if (!is_object(settings)) {
    fail(type_error("settings must be an object"));
    return;
  }
  std::optional<TrainTestSplit> split = read_data(settings);
  if (!split) {
    return;
  }
  RaceSettings race;
  RaceOptions options;
  if (auto failure =
          first_failure(read_race_settings(settings, split->train.classes, race),
                        flag_field(settings, "layerNorms", false, options.track_layer_norms),
                        flag_field(settings, "deferStart", false, options.defer_start),
                        check_race_work(split->train, race))) {
    fail(*failure);
    return;
  }
  race_ = std::make_unique<TrainingRace>(std::move(*split), race, options);
}

JsResult RawRace::error() const { return error_ ? to_js_error(*error_) : val::null(); }

JsResult RawRace::step(const JsValue& epochs_in) {
  double epochs = 0;
  if (auto failure = first_failure(read_number("epochs", epochs_in, epochs),
                                   race_->check_step_epochs(epochs))) {
    return to_js_error(*failure);
  }
  for (int i = 0; i < static_cast<int>(epochs); ++i) {
    race_->step();
  }
  return val(static_cast<double>(race_->epoch()));
}

JsResult RawRace::train(const JsValue& work_in) {
  double work = 0;
  if (auto failure =
          first_failure(read_number("work", work_in, work), check_limit(kRaceTrainWork, work))) {
    return to_js_error(*failure);
  }
  (void)race_->train(work);
  return progress();
}

JsObject RawRace::progress() const {
  const RaceProgress now = race_->progress();
  return val(ProgressResult{static_cast<double>(now.epoch), now.fraction, now.started});
}

Float64Array RawRace::start_probabilities() const {
  return to_float64_array(race_->start_probabilities());
}

double RawRace::epoch() const { return static_cast<double>(race_->epoch()); }

JsObject RawRace::diverged() const {
  return val(DivergedResult{race_->run(LossKind::cross_entropy).diverged,
                            race_->run(LossKind::squared_error).diverged});
}

JsObject RawRace::history() const { return history_from(0); }

JsResult RawRace::history_since(const JsValue& from_in) const {
  double from = 0;
  if (auto failure = read_number("fromEpoch", from_in, from)) {
    return to_js_error(*failure);
  }
  const double last = static_cast<double>(race_->epoch()) + 1.0;
  if (auto failure = check_integer_in("fromEpoch", from, 0.0, last)) {
    return to_js_error(*failure);
  }
  return history_from(static_cast<std::size_t>(from));
}

JsObject RawRace::history_from(std::size_t first) const {
  return val(RaceHistoryResult{static_cast<double>(race_->epoch()),
                               run_history(race_->run(LossKind::cross_entropy), first),
                               run_history(race_->run(LossKind::squared_error), first)});
}

JsObject RawRace::info() const {
  const auto& data = race_->data();
  const RaceSettings& settings = race_->settings();
  const NetworkShape& shape = race_->run(LossKind::cross_entropy).network.shape();
  return val(RaceInfoResult{
      static_cast<double>(data.train.rows()), static_cast<double>(data.test.rows()),
      static_cast<double>(data.train.features), static_cast<double>(data.train.classes),
      static_cast<double>(shape.hidden_layers()),
      std::string(kWeightInitNames[static_cast<std::size_t>(settings.weights)]),
      settings.weight_scale});
}

JsObject RawRace::layer_gradient_norms() const {
  return val(LayerNormsResult{race_->layer_gradient_norms(LossKind::cross_entropy),
                              race_->layer_gradient_norms(LossKind::squared_error)});
}

JsObject RawRace::start_layer_norms() const {
  return val(LayerNormsResult{race_->run(LossKind::cross_entropy).start_layer_norms,
                              race_->run(LossKind::squared_error).start_layer_norms});
}

JsResult RawRace::points() const {
  const auto& data = race_->data();
  if (data.train.features != 2) {
    return to_js_error(range_error("points are drawn for two features only"));
  }
  const auto labelled = [](const Dataset& part) {
    return LabelledPoints{part.x, std::vector<double>(part.y.begin(), part.y.end())};
  };
  return val(RacePointsResult{labelled(data.train), labelled(data.test)});
}

JsResult RawRace::grid(const JsValue& which, const JsValue& x0, const JsValue& x1,
                       const JsValue& y0, const JsValue& y1, const JsValue& nx,
                       const JsValue& ny) const {
  if (race_->data().train.features != 2) {
    return to_js_error(range_error("a decision boundary needs two features"));
  }
  const std::optional<LossKind> loss =
      which.isString() ? parse_loss_kind(which.as<std::string>()) : std::nullopt;
  if (!loss) {
    return to_js_error(range_error("loss must be \"ce\" or \"mse\""));
  }
  double bounds[4] = {};
  const val* inputs[4] = {&x0, &x1, &y0, &y1};
  for (int i = 0; i < 4; ++i) {
    if (!inputs[i]->isNumber() || !std::isfinite(inputs[i]->as<double>())) {
      return to_js_error(range_error("the grid bounds must be finite numbers"));
    }
    bounds[i] = inputs[i]->as<double>();
  }
  if (!nx.isNumber() || !ny.isNumber()) {
    return to_js_error(type_error("nx and ny must be numbers"));
  }
  if (auto failure = first_failure(check_limit("nx", kRaceGridSide, nx.as<double>()),
                                   check_limit("ny", kRaceGridSide, ny.as<double>()),
                                   race_->check_grid_cells(nx.as<double>() * ny.as<double>()))) {
    return to_js_error(*failure);
  }
  const auto columns = static_cast<std::size_t>(nx.as<double>());
  const auto rows = static_cast<std::size_t>(ny.as<double>());
  std::vector<double> out(columns * rows);
  race_->predict_grid(*loss, bounds[0], bounds[1], bounds[2], bounds[3], columns, rows, out);
  return to_float64_array(out);
}

void RawRace::fail(const ArgumentError& error) { error_ = error; }

std::optional<TrainTestSplit> RawRace::read_data(const JsObject& settings) {
  const val data = settings["data"];
  if (!is_object(data)) {
    fail(type_error("data must be an object: {kind, size, noise}, {csv} or {dataset}"));
    return std::nullopt;
  }
  double seed = 1;
  if (auto failure =
          first_failure(number_field(settings, "seed", 1, seed), check_limit(kRaceSeed, seed))) {
    fail(*failure);
    return std::nullopt;
  }
  const auto data_seed = static_cast<std::uint64_t>(seed);
  // A csv or dataset field that is there but of the wrong kind is an error, never a silent
  // fall-back to the generated sets.
  if (const val csv = data["csv"]; !csv.isUndefined()) {
    if (!csv.isString()) {
      fail(type_error("data.csv must be a string (the CSV text), got " +
                      csv.typeOf().as<std::string>()));
      return std::nullopt;
    }
    const auto parsed = lossplay::parse_csv_dataset(csv.as<std::string>());
    if (!parsed.ok) {
      fail(range_error(parsed.error));
      return std::nullopt;
    }
    return split_and_standardize(parsed.data, kTestFraction, data_seed);
  }
  if (const val dataset = data["dataset"]; !dataset.isUndefined()) {
    Dataset arrays;
    if (auto failure = read_dataset(dataset, arrays)) {
      fail(*failure);
      return std::nullopt;
    }
    return split_and_standardize(arrays, kTestFraction, data_seed);
  }
  std::string kind;
  double size = 0;
  double noise = 0;
  if (auto failure = first_failure(word_field(data, "kind", "blobs", kind),
                                   number_field(data, "size", 200, size),
                                   number_field(data, "noise", 0.2, noise))) {
    fail(*failure);
    return std::nullopt;
  }
  const auto synthetic = synthetic_kind_from_name(kind);
  if (!synthetic) {
    fail(choice_error("data.kind", kSyntheticKindNames, kind));
    return std::nullopt;
  }
  if (auto failure = check_synthetic_args(size, noise)) {
    fail(*failure);
    return std::nullopt;
  }
  return split_and_standardize(
      make_synthetic(*synthetic, static_cast<std::size_t>(size), noise, data_seed), kTestFraction,
      data_seed);
}

JsResult parse_csv_dataset(const JsValue& text) {
  if (!text.isString()) {
    return to_js_error(type_error("text must be a string"));
  }
  const auto parsed = lossplay::parse_csv_dataset(text.as<std::string>());
  if (!parsed.ok) {
    return to_js_error(range_error(parsed.error));
  }
  return dataset_result(parsed);
}

JsResult RawCsvReader::read(const JsValue& piece) {
  if (!piece.isString()) {
    return to_js_error(
        type_error("piece must be a string, got " + piece.typeOf().as<std::string>()));
  }
  if (!reader_.read(piece.as<std::string>())) {
    return to_js_error(range_error(reader_.finish().error));
  }
  return val::null();
}

JsResult RawCsvReader::finish() {
  const auto parsed = reader_.finish();
  if (!parsed.ok) {
    return to_js_error(range_error(parsed.error));
  }
  return dataset_result(parsed);
}

}  // namespace lossplay::js
