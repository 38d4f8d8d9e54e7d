// Initialisation presets, the shared epoch loop, divergence detection and grid predictions.
#include "core/training_race.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/binary_losses.hpp"
#include "core/random.hpp"

namespace lossplay {
namespace {

constexpr double kWrongSideLogit = 6.0;  // where the class means land in the wrong-side preset

// Sets the output layer so that, on the training set, each class's mean feature vector (what
// the output layer sees: the last hidden layer's activations, or the inputs) maps to a logit of
// −6 for its own class (two classes: class 1 mean at z = −6, class 0 mean at +6).
void set_confidently_wrong(Network& network, const Dataset& train) {
  const NetworkShape& shape = network.shape();
  const LayerSlice output = shape.layer(shape.hidden_layers());
  const std::size_t width = output.fan_in;
  const std::size_t out = shape.outputs();
  std::vector<std::vector<double>> means(shape.classes, std::vector<double>(width, 0.0));
  std::vector<double> counts(shape.classes, 0.0);
  std::vector<double> f(width);
  for (std::size_t row = 0; row < train.rows(); ++row) {
    network.features(train.row(row), f);
    const auto c = static_cast<std::size_t>(train.y[row]);
    for (std::size_t j = 0; j < width; ++j) {
      means[c][j] += f[j];
    }
    counts[c] += 1.0;
  }
  for (std::size_t c = 0; c < shape.classes; ++c) {
    for (double& v : means[c]) {
      v /= std::max(counts[c], 1.0);
    }
  }
  double* w = network.parameters().data() + output.offset;
  double* b = w + out * width;
  auto squared_norm = [](const std::vector<double>& v) {
    return std::inner_product(v.begin(), v.end(), v.begin(), 0.0);
  };
  if (out == 1) {
    // w = −2·6·d/‖d‖², d = μ1 − μ0; b puts the midpoint at 0.
    std::vector<double> d(width);
    for (std::size_t j = 0; j < width; ++j) {
      d[j] = means[1][j] - means[0][j];
    }
    const double scale = -2.0 * kWrongSideLogit / std::max(squared_norm(d), 1e-12);
    double bias = 0.0;
    for (std::size_t j = 0; j < width; ++j) {
      w[j] = scale * d[j];
      bias -= w[j] * 0.5 * (means[0][j] + means[1][j]);
    }
    b[0] = bias;
    return;
  }
  // K classes: row k points away from class k's offset from the overall mean.
  std::vector<double> centre(width, 0.0);
  for (std::size_t c = 0; c < shape.classes; ++c) {
    for (std::size_t j = 0; j < width; ++j) {
      centre[j] += means[c][j] / static_cast<double>(out);
    }
  }
  for (std::size_t k = 0; k < out; ++k) {
    std::vector<double> d(width);
    for (std::size_t j = 0; j < width; ++j) {
      d[j] = means[k][j] - centre[j];
    }
    const double scale = -kWrongSideLogit / std::max(squared_norm(d), 1e-12);
    double bias = 0.0;
    for (std::size_t j = 0; j < width; ++j) {
      w[k * width + j] = scale * d[j];
      bias -= w[k * width + j] * centre[j];
    }
    b[k] = bias;
  }
}

void set_from_logit(Network& network, double z) {
  const LayerSlice output = network.shape().layer(network.shape().hidden_layers());
  const std::size_t width = output.fan_in;
  const std::size_t offset = output.offset;
  std::vector<double>& p = network.parameters();
  std::fill(p.begin() + static_cast<std::ptrdiff_t>(offset),
            p.begin() + static_cast<std::ptrdiff_t>(offset + width), 0.0);
  p[offset + width] = z;
}

void set_output_bias(Network& network, double z) {
  const LayerSlice output = network.shape().layer(network.shape().hidden_layers());
  network.parameters()[output.offset + output.fan_in] = z;
}

bool all_finite(const std::vector<double>& values) {
  return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

NetworkShape network_shape(const Dataset& train, const RaceSettings& settings) {
  return {train.features, settings.hidden, train.classes, settings.activation, settings.depth};
}

}  // namespace

ArgumentCheck check_race_settings(double hidden, double learning_rate, double batch_size,
                                  double seed, double init_logit, InitPreset init,
                                  std::size_t classes) {
  if (auto failure =
          first_failure(check_limit(kRaceHidden, hidden), check_limit(kRaceBatchSize, batch_size),
                        check_limit(kRaceSeed, seed), check_limit(kRaceLearningRate, learning_rate),
                        check_limit(kRaceInitLogit, init_logit))) {
    return failure;
  }
  if ((init == InitPreset::from_logit || init == InitPreset::output_bias) && classes != 2) {
    return ArgumentError{
        ErrorKind::range,
        "starting from a logit needs two classes; this data set has " + std::to_string(classes)};
  }
  return std::nullopt;
}

ArgumentCheck check_layer_settings(double depth, double weight_scale) {
  return first_failure(check_limit(kRaceDepth, depth), check_limit(kRaceWeightScale, weight_scale));
}

namespace {

// Training rows × weights: the work of one epoch, in the units of kRaceEpochWork.
double epoch_work(const Dataset& train, const NetworkShape& shape) {
  return static_cast<double>(train.rows()) * static_cast<double>(shape.parameter_count());
}

}  // namespace

ArgumentCheck check_race_work(const Dataset& train, const RaceSettings& settings) {
  const NetworkShape shape = network_shape(train, settings);
  if (epoch_work(train, shape) <= kRaceEpochWork) {
    return std::nullopt;
  }
  return ArgumentError{
      ErrorKind::range,
      "one epoch of this race would take too long: its training rows × weights must be at most " +
          format_power_of_ten(kRaceEpochWork) + ", got " + std::to_string(train.rows()) + " × " +
          std::to_string(shape.parameter_count()) +
          ". Use fewer points, fewer hidden layers or fewer units, such as 5000 points with "
          "ten layers of 64"};
}

ArgumentCheck TrainingRace::check_step_epochs(double epochs) const {
  const double work = epoch_work(data_.train, run(LossKind::cross_entropy).network.shape());
  const double most = std::clamp(std::floor(kRaceEpochWork / work), 1.0, kRaceStepEpochs.max);
  if (auto failure = check_integer_in("epochs", epochs, 1.0, most)) {
    failure->message += most < kRaceStepEpochs.max
                            ? " (this race's training rows × weights × epochs must be at most " +
                                  format_power_of_ten(kRaceEpochWork) +
                                  "; call step again to go on)"
                            : "";
    return failure;
  }
  return std::nullopt;
}

ArgumentCheck TrainingRace::check_grid_cells(double cells) const {
  const double weights =
      static_cast<double>(run(LossKind::cross_entropy).network.shape().parameter_count());
  if (cells * weights <= kRaceGridWork) {
    return std::nullopt;
  }
  return ArgumentError{ErrorKind::range, "nx × ny must be at most " +
                                             format_number(std::floor(kRaceGridWork / weights)) +
                                             " for this race (cells × weights at most " +
                                             format_power_of_ten(kRaceGridWork) + "), got " +
                                             format_number(cells)};
}

TrainingRace::TrainingRace(TrainTestSplit data, const RaceSettings& settings, RaceOptions options)
    : data_(std::move(data)),
      settings_(settings),
      options_(options),
      runs_{RaceRun{Network(network_shape(data_.train, settings)), {}, false, 0, {}, {}},
            RaceRun{Network(network_shape(data_.train, settings)), {}, false, 0, {}, {}}} {
  Random random(settings.seed);
  Network& first = runs_[0].network;
  first.initialize(random, settings.weights, settings.weight_scale);
  if (settings.init == InitPreset::confidently_wrong) {
    set_confidently_wrong(first, data_.train);
  }
  if (settings.init == InitPreset::from_logit) {
    set_from_logit(first, settings.init_logit);
  }
  if (settings.init == InitPreset::output_bias) {
    set_output_bias(first, settings.init_logit);
  }
  runs_[1].network.parameters() = first.parameters();  // identical starting points
  if (!options.defer_start) {
    finish_job();
  }
}

void TrainingRace::step() {
  if (!started_) {
    finish_job();
  }
  finish_job();
}

RaceProgress TrainingRace::train(double work) {
  const auto row_work = static_cast<double>(runs_[0].network.parameters().size());
  double done = 0.0;
  do {
    done += row_work;
  } while (!do_row() && done < work);
  return progress();
}

RaceProgress TrainingRace::progress() const {
  const double fraction = job_ && job_->rows_total > 0 ? static_cast<double>(job_->rows_done) /
                                                             static_cast<double>(job_->rows_total)
                                                       : 0.0;
  return {epoch_, fraction, started_};
}

void TrainingRace::finish_job() {
  while (!do_row()) {
  }
}

void TrainingRace::begin_job() {
  Job job;
  job.start = !started_;
  job.epoch = job.start ? 0 : epoch_ + 1;
  job.phase = job.start ? Phase::evaluate_train : Phase::train;
  if (!job.start) {
    // One batch order per epoch, shared by both runs.
    job.order.resize(data_.train.rows());
    std::iota(job.order.begin(), job.order.end(), std::size_t{0});
    Random random(settings_.seed ^ (0x5851F42D4C957F2DULL * job.epoch));
    for (std::size_t i = job.order.size() - 1; i > 0; --i) {
      std::swap(job.order[i], job.order[random.below(i + 1)]);
    }
  }
  for (std::size_t index = 0; index < 2; ++index) {
    if (runs_[index].diverged) {
      continue;
    }
    job.rows_total += (job.start ? 0 : phase_rows(Phase::train)) +
                      phase_rows(Phase::evaluate_train) + phase_rows(Phase::evaluate_test) +
                      phase_rows(Phase::layer_norms);
  }
  if (job.start && data_.train.classes == 2) {
    start_probabilities_.assign(data_.train.rows(), 0.0);
  }
  job.run = runs_[0].diverged ? 1 : 0;
  job_ = std::move(job);
}

std::size_t TrainingRace::phase_rows(Phase phase) const {
  switch (phase) {
    case Phase::train:
    case Phase::evaluate_train:
      return data_.train.rows();
    case Phase::evaluate_test:
      return data_.test.rows();
    case Phase::layer_norms:
      return options_.track_layer_norms ? data_.train.rows() : 0;
  }
  return 0;
}

bool TrainingRace::do_row() {
  if (!job_) {
    begin_job();
  }
  if (settle()) {
    Job& job = *job_;
    RaceRun& run = runs_[job.run];
    const LossKind kind = job.run == 0 ? LossKind::cross_entropy : LossKind::squared_error;
    switch (job.phase) {
      case Phase::train:
        train_row(run, kind);
        break;
      case Phase::evaluate_train:
      case Phase::evaluate_test:
        evaluate_row(run, kind);
        break;
      case Phase::layer_norms:
        job.loss_sum += run.network.add_row_gradient(data_.train, job.row, kind, job.gradient);
        break;
    }
    ++job.row;
    ++job.rows_done;
    if (settle()) {
      return false;
    }
  }
  if (job_->start) {
    started_ = true;
  } else {
    epoch_ = job_->epoch;
  }
  job_.reset();
  return true;
}

// One training row, in this epoch's order: a batch's gradient is summed row by row and applied
// at its last row, exactly as loss_and_gradient over the whole batch would.
void TrainingRace::train_row(RaceRun& run, LossKind kind) {
  Job& job = *job_;
  const std::size_t rows = job.order.size();
  const std::size_t position = job.row;
  const std::size_t batch_start = position - position % settings_.batch_size;
  const std::size_t batch_end = std::min(rows, batch_start + settings_.batch_size);
  if (position == batch_start) {
    job.gradient.assign(run.network.parameters().size(), 0.0);
  }
  (void)run.network.add_row_gradient(data_.train, job.order[position], kind, job.gradient);
  if (position + 1 < batch_end) {
    return;
  }
  const double inverse = 1.0 / static_cast<double>(batch_end - batch_start);
  std::vector<double>& parameters = run.network.parameters();
  double squared = 0.0;
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const double g = job.gradient[i] * inverse;
    parameters[i] -= settings_.learning_rate * g;
    squared += g * g;
  }
  job.norm_sum += std::sqrt(squared);
  ++job.batches;
}

void TrainingRace::evaluate_row(RaceRun& run, LossKind kind) {
  Job& job = *job_;
  const bool on_train = job.phase == Phase::evaluate_train;
  const auto result = run.network.evaluate_row(on_train ? data_.train : data_.test, job.row,
                                               on_train ? std::optional(kind) : std::nullopt);
  job.loss_sum += result.loss;
  job.correct += result.correct ? 1 : 0;
  if (job.start && on_train && job.run == 0 && !start_probabilities_.empty()) {
    start_probabilities_[job.row] = result.probability;
  }
}

bool TrainingRace::settle() {
  Job& job = *job_;
  while (job.run < 2) {
    if (!runs_[job.run].diverged && job.row < phase_rows(job.phase)) {
      return true;
    }
    const bool running = !runs_[job.run].diverged;
    if (running) {
      close_phase();
    }
    job.row = 0;
    job.loss_sum = 0.0;
    job.correct = 0;
    if (running && job.phase != last_phase()) {
      job.phase = static_cast<Phase>(static_cast<int>(job.phase) + 1);
      if (job.phase == Phase::layer_norms) {
        job.gradient.assign(runs_[job.run].network.parameters().size(), 0.0);
      }
      continue;
    }
    ++job.run;
    job.phase = job.start ? Phase::evaluate_train : Phase::train;
    job.norm_sum = 0.0;
    job.batches = 0;
  }
  return false;
}

void TrainingRace::close_phase() {
  Job& job = *job_;
  RaceRun& run = runs_[job.run];
  const auto rows = static_cast<double>(phase_rows(job.phase));
  switch (job.phase) {
    case Phase::train:
      job.record.gradient_norm = job.start ? 0.0 : job.norm_sum / static_cast<double>(job.batches);
      return;
    case Phase::evaluate_train:
      job.record.loss = job.loss_sum / rows;
      job.record.train_accuracy = static_cast<double>(job.correct) / rows;
      return;
    case Phase::evaluate_test:
      job.record.test_accuracy = static_cast<double>(job.correct) / rows;
      break;
    case Phase::layer_norms: {
      const double inverse = 1.0 / rows;  // as loss_and_gradient scales its sum
      for (double& g : job.gradient) {
        g *= inverse;
      }
      run.layer_norms = layer_weight_norms(run.network.shape(), job.gradient);
      break;
    }
  }
  if (job.phase == last_phase()) {
    finish_run(run);
  }
}

void TrainingRace::finish_run(RaceRun& run) {
  Job& job = *job_;
  run.history.push_back(job.record);
  job.record = EpochRecord{};
  if (job.start) {
    run.start_layer_norms = run.layer_norms;
    return;
  }
  const EpochRecord& last = run.history.back();
  if (!std::isfinite(last.loss) || !std::isfinite(last.gradient_norm) ||
      !all_finite(run.network.parameters())) {
    // Keep only finite history: the charts end at the last good epoch, and the epoch that
    // broke is reported instead of being drawn.
    run.history.pop_back();
    run.diverged = true;
    run.diverged_epoch = job.epoch;
  }
}

std::vector<double> TrainingRace::layer_gradient_norms(LossKind kind) const {
  if (options_.track_layer_norms) {
    return run(kind).layer_norms;
  }
  return run(kind).network.layer_gradient_norms(data_.train, kind);
}

void TrainingRace::predict_grid(LossKind kind, double x0, double x1, double y0, double y1,
                                std::size_t nx, std::size_t ny, std::span<double> out) const {
  const Network& network = run(kind).network;
  std::vector<double> hidden(network.shape().hidden_units());
  std::vector<double> logits(network.shape().outputs());
  for (std::size_t iy = 0; iy < ny; ++iy) {
    const double y = y0 + (y1 - y0) * static_cast<double>(iy) / static_cast<double>(ny - 1);
    for (std::size_t ix = 0; ix < nx; ++ix) {
      const double x = x0 + (x1 - x0) * static_cast<double>(ix) / static_cast<double>(nx - 1);
      const double point[2] = {x, y};
      network.forward(point, hidden, logits);
      out[iy * nx + ix] = logits.size() == 1
                              ? sigmoid(logits[0])
                              : static_cast<double>(std::max_element(logits.begin(), logits.end()) -
                                                    logits.begin());
    }
  }
}

}  // namespace lossplay
