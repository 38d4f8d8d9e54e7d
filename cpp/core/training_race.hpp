// The same model trained twice, with cross-entropy and with squared error, from the same
// initial weights, on the same data, in the same batch order, with the same learning rate.
// Everything is a function of the settings and the seed, so a run can be reproduced exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
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
  // With layer norms tracked: layer_weight_norms of the gradient of the mean training loss at
  // the weights of the last epoch completed (layer 1 first).
  std::vector<double> layer_norms;
  std::vector<double> start_layer_norms;  // the same at the start (epoch 0)
};

// How far the race is: epochs completed, and the share of the next one done (0 between
// epochs). Before the start is recorded, epoch is 0 and `started` false.
struct RaceProgress {
  std::size_t epoch;
  double fraction;
  bool started;
};

// Extra work a race can be asked to do with every epoch's record.
struct RaceOptions {
  // Each record also takes the layer gradient norms (one more pass over the training rows, as
  // layer_gradient_norms makes), so that reading them costs nothing.
  bool track_layer_norms = false;
  // Leave the start (epoch 0's record) to the first train() or step() call, so that building
  // a race is cheap whatever its size.
  bool defer_start = false;
};

class TrainingRace {
 public:
  TrainingRace(TrainTestSplit data, const RaceSettings& settings, RaceOptions options = {});

  // One epoch for both runs (a run that diverged stays where it stopped): the rest of the epoch
  // in progress, or a whole one; a start not yet recorded is recorded first.
  void step();

  // Goes on with the work pending (the start's record, or the epoch in progress) for about
  // `work` units of rows × weights (at least one row) and stops there or where the epoch ends,
  // whichever comes first. An epoch trained in pieces ends exactly as one step() would. Returns
  // how far the race is.
  RaceProgress train(double work);
  [[nodiscard]] RaceProgress progress() const;

  // For two classes, each training row's class-1 probability at the start (both runs start
  // from the same weights); empty for more classes or before the start is recorded.
  [[nodiscard]] const std::vector<double>& start_probabilities() const {
    return start_probabilities_;
  }

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
  // numbers (1 without a hidden layer). Not finite once the run has diverged. With layer norms
  // tracked, those of the last epoch's record (no pass over the data; empty before the start).
  [[nodiscard]] std::vector<double> layer_gradient_norms(LossKind kind) const;

  // For two-feature data: over an nx × ny grid spanning [x0, x1] × [y0, y1] (row-major, y
  // from y0 upward), the probability of class 1 (two classes) or the predicted class index.
  void predict_grid(LossKind kind, double x0, double x1, double y0, double y1, std::size_t nx,
                    std::size_t ny, std::span<double> out) const;

 private:
  // What one pass over rows is for. A run's epoch goes train → evaluate_train → evaluate_test
  // (→ layer_norms), the start's without train.
  enum class Phase { train, evaluate_train, evaluate_test, layer_norms };
  // The epoch (or start) in progress: where each piece of it stopped.
  struct Job {
    bool start = false;              // epoch 0's record: no training
    std::size_t epoch = 0;           // the epoch this job completes
    std::vector<std::size_t> order;  // this epoch's row order, shared by both runs
    std::size_t run = 0;             // 0 cross-entropy, 1 squared error
    Phase phase = Phase::train;
    std::size_t row = 0;  // the next row of the phase
    std::vector<double> gradient;
    double norm_sum = 0.0;  // Σ over batches of ‖gradient‖
    std::size_t batches = 0;
    double loss_sum = 0.0;
    std::size_t correct = 0;
    EpochRecord record{};
    std::size_t rows_done = 0;
    std::size_t rows_total = 0;
  };

  void begin_job();
  // One row of the job in progress (begun if there is none); true when that completed it.
  bool do_row();
  void finish_job();
  void train_row(RaceRun& run, LossKind kind);
  void evaluate_row(RaceRun& run, LossKind kind);
  // Moves past phases whose rows are all done (closing each) and past runs that take no part;
  // false when the job has nothing left.
  bool settle();
  void close_phase();
  void finish_run(RaceRun& run);
  [[nodiscard]] std::size_t phase_rows(Phase phase) const;
  [[nodiscard]] Phase last_phase() const {
    return options_.track_layer_norms ? Phase::layer_norms : Phase::evaluate_test;
  }

  TrainTestSplit data_;
  RaceSettings settings_;
  RaceOptions options_;
  RaceRun runs_[2];
  std::size_t epoch_ = 0;
  bool started_ = false;
  std::optional<Job> job_;
  std::vector<double> start_probabilities_;
};

}  // namespace lossplay
