// The training race as JS sees it: RawRace (wrapped by the Race class of lossplay_core.mjs),
// parseCsvDataset and RawCsvReader (wrapped as CsvReader). Like the loss functions, errors are
// returned as JS Error objects. Registered by race_bindings.cpp; full build only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bindings/js_types.hpp"
#include "core/csv_dataset.hpp"
#include "core/dataset.hpp"
#include "core/training_race.hpp"

namespace lossplay::js {

// What the race's methods return, registered as value_objects in race_bindings.cpp.
struct RunHistoryResult {
  std::vector<double> loss, train_accuracy, test_accuracy, gradient_norm;
  bool diverged;
  double diverged_epoch;
};
struct RaceHistoryResult {
  double epoch;
  RunHistoryResult ce, mse;
};
struct ProgressResult {
  double epoch, fraction;
  bool started;
};
struct DivergedResult {
  bool ce, mse;
};
struct LayerNormsResult {
  std::vector<double> ce, mse;
};
struct RaceInfoResult {
  double train_rows, test_rows, features, classes, depth;
  std::string weights;
  double weight_scale;
};
struct LabelledPoints {
  std::vector<double> x, y;
};
struct RacePointsResult {
  LabelledPoints train, test;
};
// {rows, features, classes, classNames, x, y}: what createRace takes as data.dataset.
struct CsvDatasetResult {
  double rows, features, classes;
  std::vector<std::string> class_names;
  std::vector<double> x, y;
};

class RawRace {
 public:
  // settings: {data: {kind, size, noise} | {csv} | {dataset}, hidden, depth, activation, weights,
  // weightScale, learningRate, batchSize, seed, init, initLogit, layerNorms, deferStart}. A bad
  // setting leaves the race empty and error() non-null.
  explicit RawRace(const JsObject& settings);

  // null, or the Error that stopped the constructor.
  [[nodiscard]] JsResult error() const;
  // Trains `epochs` epochs; returns the epoch reached.
  JsResult step(const JsValue& epochs);
  // Goes on with the pending work for about `work` rows × weights, stopping where an epoch
  // ends; returns progress().
  JsResult train(const JsValue& work);
  // {epoch, fraction, started}: epochs completed, the share of the next one done, and whether
  // the start (epoch 0's record) is.
  [[nodiscard]] JsObject progress() const;
  // Each training point's class-1 probability at the start (two classes; empty otherwise).
  [[nodiscard]] Float64Array start_probabilities() const;
  // The number of epochs trained (no copy of anything).
  [[nodiscard]] double epoch() const;
  // {ce, mse}: whether each run has diverged (no copy of the history).
  [[nodiscard]] JsObject diverged() const;
  // {epoch, ce, mse}, each run's whole history as Float64Arrays.
  [[nodiscard]] JsObject history() const;
  // As history(), only the rows of epochs from `from_epoch` on (an integer in [0, epoch + 1]).
  [[nodiscard]] JsResult history_since(const JsValue& from_epoch) const;
  // {trainRows, testRows, features, classes, depth (hidden layers in use: 0 without hidden
  // units), weights, weightScale}.
  [[nodiscard]] JsObject info() const;
  // {ce, mse}: each run's ‖∂L/∂W‖ per layer at its current weights, input layer first, as
  // Float64Arrays of depth + 1 numbers (one for logistic regression).
  [[nodiscard]] JsObject layer_gradient_norms() const;
  // {ce, mse}: the same at the start, recorded with layerNorms: true (empty otherwise).
  [[nodiscard]] JsObject start_layer_norms() const;
  // Standardised coordinates and labels of the training and test points (two features only).
  [[nodiscard]] JsResult points() const;
  [[nodiscard]] JsResult grid(const JsValue& loss, const JsValue& x0, const JsValue& x1,
                              const JsValue& y0, const JsValue& y1, const JsValue& nx,
                              const JsValue& ny) const;

 private:
  void fail(const ArgumentError& error);
  std::optional<TrainTestSplit> read_data(const JsObject& settings);
  [[nodiscard]] JsObject history_from(std::size_t first) const;

  std::unique_ptr<TrainingRace> race_;
  std::optional<ArgumentError> error_;
};

// {rows, features, classes, classNames, x, y}, or a RangeError naming the line and column.
JsResult parse_csv_dataset(const JsValue& text);

// CSV text read in pieces (wrapped as CsvReader by lossplay_core.mjs), so that a page can read
// a large file a slice at a time and keep drawing in between.
class RawCsvReader {
 public:
  // null, or the Error of the first problem in the text so far.
  JsResult read(const JsValue& piece);
  // As parse_csv_dataset for the whole text read.
  JsResult finish();

 private:
  CsvDatasetReader reader_;
};

}  // namespace lossplay::js
