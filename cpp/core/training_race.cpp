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

TrainingRace::TrainingRace(TrainTestSplit data, const RaceSettings& settings)
    : data_(std::move(data)),
      settings_(settings),
      runs_{RaceRun{Network(network_shape(data_.train, settings)), {}, false, 0},
            RaceRun{Network(network_shape(data_.train, settings)), {}, false, 0}} {
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
  for (RaceRun& run : runs_) {
    record(run, 0.0);
  }
}

void TrainingRace::record(RaceRun& run, double gradient_norm) const {
  const LossKind kind = &run == &runs_[0] ? LossKind::cross_entropy : LossKind::squared_error;
  const auto train = run.network.evaluate(data_.train, kind);
  run.history.push_back(
      {train.mean_loss, train.accuracy, run.network.accuracy(data_.test), gradient_norm});
}

void TrainingRace::step() {
  ++epoch_;
  // One batch order per epoch, shared by both runs.
  std::vector<std::size_t> order(data_.train.rows());
  std::iota(order.begin(), order.end(), std::size_t{0});
  Random random(settings_.seed ^ (0x5851F42D4C957F2DULL * epoch_));
  for (std::size_t i = order.size() - 1; i > 0; --i) {
    std::swap(order[i], order[random.below(i + 1)]);
  }

  std::vector<double> gradient;
  for (RaceRun& run : runs_) {
    if (run.diverged) {
      continue;
    }
    const LossKind kind = &run == &runs_[0] ? LossKind::cross_entropy : LossKind::squared_error;
    std::vector<double>& parameters = run.network.parameters();
    double norm_sum = 0.0;
    std::size_t batches = 0;
    for (std::size_t start = 0; start < order.size(); start += settings_.batch_size) {
      const std::size_t end = std::min(order.size(), start + settings_.batch_size);
      const std::span<const std::size_t> batch(order.data() + start, end - start);
      run.network.loss_and_gradient(data_.train, batch, kind, gradient);
      double squared = 0.0;
      for (std::size_t i = 0; i < parameters.size(); ++i) {
        parameters[i] -= settings_.learning_rate * gradient[i];
        squared += gradient[i] * gradient[i];
      }
      norm_sum += std::sqrt(squared);
      ++batches;
    }
    record(run, norm_sum / static_cast<double>(batches));
    const EpochRecord& last = run.history.back();
    if (!std::isfinite(last.loss) || !std::isfinite(last.gradient_norm) ||
        !all_finite(parameters)) {
      // Keep only finite history: the charts end at the last good epoch, and the epoch that
      // broke is reported instead of being drawn.
      run.history.pop_back();
      run.diverged = true;
      run.diverged_epoch = epoch_;
    }
  }
}

std::vector<double> TrainingRace::layer_gradient_norms(LossKind kind) const {
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
