// The same model trained twice, with cross-entropy and with squared error, from the same
// initial weights, on the same data, in the same batch order, with the same learning rate.
// Everything is a function of the settings and the seed, so a run can be reproduced exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/argument_checks.hpp"
#include "core/dataset.hpp"
#include "core/network.hpp"

namespace lossplay {

enum class InitPreset {
  standard,           // small random weights
  confidently_wrong,  // output layer set so that each class's mean (in the last hidden layer's
                      // features) lands deep on the wrong side
  from_logit,         // output weights 0 and bias z: every example starts at the logit z
  output_bias,        // random weights kept, the output's bias set to z: every example starts
                      // near the logit z while every layer still passes a gradient back (with
                      // zero output weights, as in from_logit, the hidden layers would get none)
};

struct RaceSettings {
  std::size_t hidden = 0;  // units per hidden layer
  std::size_t depth = 1;   // hidden layers (when hidden > 0)
  Activation activation = Activation::tanh;
  WeightInit weights = WeightInit::by_activation;
  double weight_scale = 1.0;  // the s of WeightInit::normal
  double learning_rate = 0.5;
  std::size_t batch_size = 32;
  std::uint64_t seed = 1;
  InitPreset init = InitPreset::standard;
  double init_logit = 0.0;  // for from_logit and output_bias
};

// hidden in [0, 64], learning rate in (0, 1e6] (high enough to watch a run diverge), batch size in
// [1, 4096], seed an integer in [0, 2^53], init logit finite with |z| ≤ 50; from_logit and
// output_bias need two classes.
[[nodiscard]] ArgumentCheck check_race_settings(double hidden, double learning_rate,
                                                double batch_size, double seed, double init_logit,
                                                InitPreset init, std::size_t classes);

// depth an integer in [1, 10], weight scale in (0, 10].
[[nodiscard]] ArgumentCheck check_layer_settings(double depth, double weight_scale);

// One epoch on `train` with `settings` is at most kRaceEpochWork (training rows × weights):
// checked before a race is built, so that no single epoch takes long.
[[nodiscard]] ArgumentCheck check_race_work(const Dataset& train, const RaceSettings& settings);

struct EpochRecord {
  double loss;  // the run's own loss, mean over the training set
  double train_accuracy;
  double test_accuracy;
  double gradient_norm;  // mean over the epoch's batches of ‖∂loss/∂θ‖ (0 before training)
};

struct RaceRun {
  Network network;
  std::vector<EpochRecord> history;  // history[0] is before training; finite values only
  bool diverged = false;
  std::size_t diverged_epoch = 0;  // the epoch whose updates made the loss non-finite
};

class TrainingRace {
 public:
  TrainingRace(TrainTestSplit data, const RaceSettings& settings);

  // One epoch for both runs (a run that diverged stays where it stopped).
  void step();

  [[nodiscard]] std::size_t epoch() const { return epoch_; }
  // epochs an integer from 1 to as many as fit in kRaceEpochWork (at least one): the bound on
  // the work of one step call.
  [[nodiscard]] ArgumentCheck check_step_epochs(double epochs) const;
  // A grid of `cells` predictions is at most kRaceGridWork (cells × weights).
  [[nodiscard]] ArgumentCheck check_grid_cells(double cells) const;
  [[nodiscard]] const RaceRun& run(LossKind kind) const {
    return kind == LossKind::cross_entropy ? runs_[0] : runs_[1];
  }
  [[nodiscard]] const TrainTestSplit& data() const { return data_; }
  [[nodiscard]] const RaceSettings& settings() const { return settings_; }

  // ‖∂L/∂W_l‖_F of each layer of one run at its current weights, L that run's own loss averaged
  // over the training set: layer 1 (at the input) first, the output layer last, so depth + 1
  // numbers (1 without a hidden layer). Not finite once the run has diverged.
  [[nodiscard]] std::vector<double> layer_gradient_norms(LossKind kind) const;

  // For two-feature data: over an nx × ny grid spanning [x0, x1] × [y0, y1] (row-major, y
  // from y0 upward), the probability of class 1 (two classes) or the predicted class index.
  void predict_grid(LossKind kind, double x0, double x1, double y0, double y1, std::size_t nx,
                    std::size_t ny, std::span<double> out) const;

 private:
  void record(RaceRun& run, double gradient_norm) const;

  TrainTestSplit data_;
  RaceSettings settings_;
  RaceRun runs_[2];
  std::size_t epoch_ = 0;
};

}  // namespace lossplay
