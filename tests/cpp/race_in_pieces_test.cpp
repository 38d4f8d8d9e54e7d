// Training a race a piece at a time (TrainingRace::train): an epoch trained in pieces of any
// size ends exactly where a plain mini-batch epoch does (written out here with
// Network::loss_and_gradient, independently of the race's own loop), progress grows by the rows
// each piece was given, the start can be left to the first piece, and tracked layer norms are
// the ones a full pass computes.
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/binary_losses.hpp"
#include "core/synthetic_datasets.hpp"
#include "core/training_race.hpp"

using lossplay::LossKind;

namespace {

lossplay::TrainTestSplit spiral(std::size_t size = 90) {
  return lossplay::split_and_standardize(
      lossplay::make_synthetic(lossplay::SyntheticKind::spiral, size, 0.3, 4), 0.3, 4);
}

lossplay::RaceSettings small_deep(std::size_t batch) {
  lossplay::RaceSettings settings;
  settings.hidden = 5;
  settings.depth = 3;
  settings.activation = lossplay::Activation::sigmoid;
  settings.learning_rate = 0.8;
  settings.batch_size = batch;
  settings.seed = 11;
  return settings;
}

// One epoch as the race defines it: the rows shuffled with the epoch's own seed, then one
// mini-batch step per batch of that order.
void reference_epoch(lossplay::Network& network, const lossplay::Dataset& train,
                     const lossplay::RaceSettings& settings, std::size_t epoch, LossKind kind) {
  std::vector<std::size_t> order(train.rows());
  std::iota(order.begin(), order.end(), std::size_t{0});
  lossplay::Random random(settings.seed ^ (0x5851F42D4C957F2DULL * epoch));
  for (std::size_t i = order.size() - 1; i > 0; --i) {
    std::swap(order[i], order[random.below(i + 1)]);
  }
  std::vector<double> gradient;
  for (std::size_t start = 0; start < order.size(); start += settings.batch_size) {
    const std::size_t end = std::min(order.size(), start + settings.batch_size);
    network.loss_and_gradient(train, std::span(order.data() + start, end - start), kind, gradient);
    for (std::size_t i = 0; i < gradient.size(); ++i) {
      network.parameters()[i] -= settings.learning_rate * gradient[i];
    }
  }
}

double weights_of(const lossplay::TrainingRace& race) {
  return static_cast<double>(race.run(LossKind::cross_entropy).network.parameters().size());
}

}  // namespace

TEST_CASE("an epoch trained in pieces of any size is a plain mini-batch epoch", "[race]") {
  for (const std::size_t batch : {std::size_t{1}, std::size_t{7}, std::size_t{64}}) {
    const auto settings = small_deep(batch);
    lossplay::TrainingRace whole(spiral(), settings);
    lossplay::TrainingRace pieces(spiral(), settings, {.track_layer_norms = true});
    lossplay::Network reference_ce = whole.run(LossKind::cross_entropy).network;
    lossplay::Network reference_mse = reference_ce;
    const double weights = weights_of(whole);
    const double sizes[] = {1.0, 3.0 * weights, 0.5 * weights, 40.0 * weights, 1e9};
    for (std::size_t epoch = 1; epoch <= 5; ++epoch) {
      whole.step();
      std::size_t calls = 0;
      while (pieces.epoch() < epoch) {
        (void)pieces.train(sizes[calls++ % 5]);
      }
      reference_epoch(reference_ce, whole.data().train, settings, epoch, LossKind::cross_entropy);
      reference_epoch(reference_mse, whole.data().train, settings, epoch, LossKind::squared_error);
    }
    INFO("batch " << batch);
    CHECK(whole.run(LossKind::cross_entropy).network.parameters() == reference_ce.parameters());
    CHECK(whole.run(LossKind::squared_error).network.parameters() == reference_mse.parameters());
    for (const LossKind kind : {LossKind::cross_entropy, LossKind::squared_error}) {
      const auto& a = whole.run(kind);
      const auto& b = pieces.run(kind);
      CHECK(b.network.parameters() == a.network.parameters());  // to the bit
      REQUIRE(b.history.size() == 6);
      for (std::size_t e = 0; e < 6; ++e) {
        CHECK(b.history[e].loss == a.history[e].loss);
        CHECK(b.history[e].train_accuracy == a.history[e].train_accuracy);
        CHECK(b.history[e].test_accuracy == a.history[e].test_accuracy);
        CHECK(b.history[e].gradient_norm == a.history[e].gradient_norm);
      }
      // The recorded norms are those of a full pass at the epoch's weights.
      CHECK(pieces.layer_gradient_norms(kind) == whole.layer_gradient_norms(kind));
    }
    CHECK(whole.run(LossKind::cross_entropy).history.back().loss ==
          reference_ce.mean_loss(whole.data().train, LossKind::cross_entropy));
    CHECK(whole.run(LossKind::squared_error).history.back().loss ==
          reference_mse.mean_loss(whole.data().train, LossKind::squared_error));
  }
}

TEST_CASE("each piece does the rows it was given, and progress says how far", "[race]") {
  const auto settings = small_deep(8);
  lossplay::TrainingRace race(spiral(), settings, {.track_layer_norms = true});
  const auto train_rows = static_cast<double>(race.data().train.rows());
  const auto test_rows = static_cast<double>(race.data().test.rows());
  // Each run: train, evaluate the training and test rows, one pass for the layer norms.
  const double rows = 2.0 * (3.0 * train_rows + test_rows);
  const double weights = weights_of(race);
  double before = 0.0;
  for (int call = 1; call < 30; ++call) {
    const auto progress = race.train(4.0 * weights);
    REQUIRE(progress.epoch == 0);
    CHECK(progress.fraction == Approx(before + 4.0 / rows).epsilon(1e-12));
    before = progress.fraction;
  }
  // A piece stops where the epoch ends, however much work it was given.
  const auto end = race.train(1e12);
  CHECK(end.epoch == 1);
  CHECK(end.fraction == 0.0);
  CHECK(race.progress().epoch == 1);
  // At least one row per call, even for a work of 1.
  const auto one = race.train(1.0);
  CHECK(one.fraction == Approx(1.0 / rows).epsilon(1e-12));
}

TEST_CASE("a deferred start costs nothing until the first piece, then records epoch 0", "[race]") {
  lossplay::RaceSettings settings;
  settings.init = lossplay::InitPreset::from_logit;
  settings.init_logit = -3.0;
  lossplay::TrainingRace race(spiral(), settings, {.track_layer_norms = true, .defer_start = true});
  CHECK_FALSE(race.progress().started);
  CHECK(race.run(LossKind::cross_entropy).history.empty());
  CHECK(race.start_probabilities().empty());
  CHECK(race.layer_gradient_norms(LossKind::cross_entropy).empty());
  auto progress = race.train(1.0);
  CHECK_FALSE(progress.started);
  CHECK(progress.fraction > 0.0);
  while (!progress.started) progress = race.train(50.0);
  CHECK(progress.epoch == 0);
  CHECK(race.run(LossKind::squared_error).history.size() == 1);
  // Every example starts at the logit −3: p = σ(−3) for each, and the CE of the start is the
  // mean of softplus(±3) over the labels.
  const auto& p = race.start_probabilities();
  REQUIRE(p.size() == race.data().train.rows());
  for (const double value : p) CHECK(value == Approx(1.0 / (1.0 + std::exp(3.0))).epsilon(1e-15));
  double ce = 0.0;
  for (const int y : race.data().train.y) ce += lossplay::softplus(y == 1 ? 3.0 : -3.0);
  CHECK(race.run(LossKind::cross_entropy).history[0].loss ==
        Approx(ce / static_cast<double>(p.size())).epsilon(1e-14));
  // Logistic regression at p = σ(−3) everywhere: ∂CE/∂w = mean over rows of (p − y)·x.
  const auto& train = race.data().train;
  double g0 = 0.0;
  double g1 = 0.0;
  for (std::size_t row = 0; row < train.rows(); ++row) {
    const double error = p[row] - train.y[row];
    g0 += error * train.row(row)[0];
    g1 += error * train.row(row)[1];
  }
  const double n = static_cast<double>(train.rows());
  const auto norms = race.layer_gradient_norms(LossKind::cross_entropy);
  REQUIRE(norms.size() == 1);
  CHECK(norms[0] == Approx(std::hypot(g0 / n, g1 / n)).epsilon(1e-12));
  // step() on a deferred race records the start, then trains a whole epoch.
  lossplay::TrainingRace stepped(spiral(), settings, {.defer_start = true});
  stepped.step();
  CHECK(stepped.epoch() == 1);
  CHECK(stepped.run(LossKind::cross_entropy).history.size() == 2);
}

TEST_CASE("a run that diverges in pieces diverges at the same epoch", "[race]") {
  lossplay::RaceSettings settings;
  settings.hidden = 8;
  settings.activation = lossplay::Activation::relu;
  settings.learning_rate = 1e5;
  settings.batch_size = 4;
  const auto data = lossplay::split_and_standardize(
      lossplay::make_synthetic(lossplay::SyntheticKind::spiral, 200, 0.5, 3), 0.25, 3);
  lossplay::TrainingRace whole(data, settings);
  lossplay::TrainingRace pieces(data, settings);
  for (int epoch = 0; epoch < 20; ++epoch) whole.step();
  while (pieces.epoch() < 20) (void)pieces.train(7.0 * weights_of(pieces));
  for (const LossKind kind : {LossKind::cross_entropy, LossKind::squared_error}) {
    CHECK(pieces.run(kind).diverged == whole.run(kind).diverged);
    CHECK(pieces.run(kind).diverged_epoch == whole.run(kind).diverged_epoch);
    CHECK(pieces.run(kind).history.size() == whole.run(kind).history.size());
  }
  CHECK(whole.run(LossKind::cross_entropy).diverged);
}

TEST_CASE("tracked layer norms keep the start's beside the last epoch's", "[race]") {
  const auto settings = small_deep(16);
  lossplay::TrainingRace tracked(spiral(), settings, {.track_layer_norms = true});
  const lossplay::TrainingRace fresh(spiral(), settings);
  for (int epoch = 0; epoch < 3; ++epoch) tracked.step();
  for (const LossKind kind : {LossKind::cross_entropy, LossKind::squared_error}) {
    CHECK(tracked.run(kind).start_layer_norms == fresh.layer_gradient_norms(kind));
    CHECK(tracked.run(kind).start_layer_norms.size() == 4);
    CHECK(tracked.layer_gradient_norms(kind) != tracked.run(kind).start_layer_norms);
  }
}
