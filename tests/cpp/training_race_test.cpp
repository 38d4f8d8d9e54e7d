// The training race: backpropagation against central differences for both models and both
// losses, repeatability, learning on separable data, divergence, and the central claim: from a
// confidently wrong start, cross-entropy reaches 95 % training accuracy in fewer epochs than MSE.
#include "core/training_race.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/binary_losses.hpp"
#include "core/multiclass_losses.hpp"
#include "core/synthetic_datasets.hpp"

using lossplay::Activation;
using lossplay::LossKind;

namespace {

lossplay::Dataset three_class_data() {
  lossplay::Random random(7);
  lossplay::Dataset data{3, 3, {}, {}};
  for (int i = 0; i < 24; ++i) {
    for (int j = 0; j < 3; ++j) data.x.push_back(random.normal() + (j == i % 3 ? 1.5 : 0.0));
    data.y.push_back(i % 3);
  }
  return data;
}

lossplay::TrainTestSplit blobs(double noise, std::uint64_t seed = 3) {
  return lossplay::split_and_standardize(
      lossplay::make_synthetic(lossplay::SyntheticKind::blobs, 200, noise, seed), 0.25, seed);
}

}  // namespace

TEST_CASE("output_loss agrees with binary_losses and multiclass_losses", "[race]") {
  std::vector<double> g(1);
  for (const double z : {-30.0, -2.0, 0.5, 8.0}) {
    const auto reference = lossplay::binary_losses(z, 1.0);
    CHECK(lossplay::output_loss(std::vector<double>{z}, 1, LossKind::cross_entropy, g) ==
          reference.ce);
    CHECK(g[0] == reference.dce_dz);
    CHECK(lossplay::output_loss(std::vector<double>{z}, 1, LossKind::squared_error, g) ==
          reference.mse);
    CHECK(g[0] == reference.dmse_dz);
  }
  const std::vector<double> logits{1.0, -0.5, 2.5};
  std::vector<double> gk(3);
  const auto reference = lossplay::multiclass_losses(logits, std::size_t{1});
  CHECK(lossplay::output_loss(logits, 1, LossKind::cross_entropy, gk) ==
        Approx(reference.ce).epsilon(1e-15));
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(gk[i] == Approx(reference.dce_dlogits[i]).margin(1e-16));
  CHECK(lossplay::output_loss(logits, 1, LossKind::squared_error, gk) ==
        Approx(reference.mse).epsilon(1e-15));
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(gk[i] == Approx(reference.dmse_dlogits[i]).margin(1e-16));
}

TEST_CASE("backpropagation matches central differences for every model and loss", "[race]") {
  const auto binary = blobs(1.0).train;
  const auto three = three_class_data();
  for (const auto* data : {&binary, &three}) {
    for (const std::size_t hidden : {std::size_t{0}, std::size_t{5}}) {
      for (const Activation activation : {Activation::tanh, Activation::relu}) {
        if (hidden == 0 && activation == Activation::relu) continue;
        for (const LossKind kind : {LossKind::cross_entropy, LossKind::squared_error}) {
          INFO("classes " << data->classes << ", hidden " << hidden << ", relu "
                          << (activation == Activation::relu) << ", mse "
                          << (kind == LossKind::squared_error));
          lossplay::Network network({data->features, hidden, data->classes, activation});
          lossplay::Random random(11);
          network.initialize(random);
          std::vector<std::size_t> rows(data->rows());
          for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
          std::vector<double> gradient;
          network.loss_and_gradient(*data, rows, kind, gradient);
          std::vector<double> ignored;
          auto& p = network.parameters();
          for (std::size_t i = 0; i < p.size(); ++i) {
            const double saved = p[i];
            const double h = 1e-6;
            p[i] = saved + h;
            const double up = network.loss_and_gradient(*data, rows, kind, ignored);
            p[i] = saved - h;
            const double down = network.loss_and_gradient(*data, rows, kind, ignored);
            p[i] = saved;
            CHECK(gradient[i] == Approx((up - down) / (2 * h)).epsilon(1e-5).margin(1e-8));
          }
        }
      }
    }
  }
}

TEST_CASE("both runs learn separable data, and a run is bit-for-bit repeatable", "[race]") {
  lossplay::RaceSettings settings;
  settings.hidden = 4;
  settings.learning_rate = 0.3;
  settings.batch_size = 16;
  settings.seed = 42;
  lossplay::TrainingRace first(blobs(0.2), settings);
  lossplay::TrainingRace second(blobs(0.2), settings);
  for (int epoch = 0; epoch < 30; ++epoch) {
    first.step();
    second.step();
  }
  for (const LossKind kind : {LossKind::cross_entropy, LossKind::squared_error}) {
    const auto& run = first.run(kind);
    CHECK(run.history.back().loss < 0.5 * run.history.front().loss);
    CHECK(run.history.back().train_accuracy >= 0.95);
    CHECK_FALSE(run.diverged);
    CHECK(run.network.parameters() == second.run(kind).network.parameters());  // exact
    for (std::size_t e = 0; e < run.history.size(); ++e) {
      CHECK(run.history[e].loss == second.run(kind).history[e].loss);
    }
  }
  // Both runs start from the same weights.
  lossplay::TrainingRace fresh(blobs(0.2), settings);
  CHECK(fresh.run(LossKind::cross_entropy).network.parameters() ==
        fresh.run(LossKind::squared_error).network.parameters());
}

TEST_CASE("from a confidently wrong start, CE reaches 95 % accuracy before MSE", "[race]") {
  lossplay::RaceSettings settings;
  settings.hidden = 0;  // logistic regression
  settings.learning_rate = 0.5;
  settings.batch_size = 32;
  settings.seed = 5;
  settings.init = lossplay::InitPreset::confidently_wrong;
  lossplay::TrainingRace race(blobs(0.0, 9), settings);
  const auto& ce = race.run(LossKind::cross_entropy);
  const auto& mse = race.run(LossKind::squared_error);
  CHECK(ce.history.front().train_accuracy < 0.05);  // it really starts on the wrong side
  CHECK(ce.history.front().loss > 4.0);
  const std::size_t limit = 400;
  std::size_t ce_epochs = 0;
  std::size_t mse_epochs = 0;
  while (race.epoch() < limit && (ce_epochs == 0 || mse_epochs == 0)) {
    race.step();
    if (ce_epochs == 0 && ce.history.back().train_accuracy >= 0.95) ce_epochs = race.epoch();
    if (mse_epochs == 0 && mse.history.back().train_accuracy >= 0.95) mse_epochs = race.epoch();
  }
  INFO("CE: " << ce_epochs << " epochs, MSE: " << mse_epochs << " (0 = not within " << limit
              << ")");
  REQUIRE(ce_epochs > 0);
  CHECK((mse_epochs == 0 || ce_epochs < mse_epochs));
  // The stall is visible in the gradient norm of the first epoch.
  CHECK(mse.history[1].gradient_norm < 0.1 * ce.history[1].gradient_norm);
}

TEST_CASE("the from-logit preset puts every example at that logit", "[race]") {
  lossplay::RaceSettings settings;
  settings.init = lossplay::InitPreset::from_logit;
  settings.init_logit = -8.0;
  lossplay::TrainingRace race(blobs(0.5), settings);
  const auto& run = race.run(LossKind::cross_entropy);
  // Half the examples are class 1 at z = −8 (CE = softplus(8)), half class 0 (CE = softplus(−8)).
  const double expected = 0.5 * (lossplay::softplus(8.0) + lossplay::softplus(-8.0));
  CHECK(run.history.front().loss == Approx(expected).epsilon(0.05));
  CHECK(lossplay::check_race_settings(0, 0.5, 32, 1, -8, lossplay::InitPreset::from_logit, 3)
            ->message == "starting from a logit needs two classes; this data set has 3");
}

TEST_CASE("a learning rate far too high is caught as divergence, with its epoch", "[race]") {
  lossplay::RaceSettings settings;
  settings.hidden = 8;
  settings.activation = Activation::relu;
  settings.learning_rate = 1e5;
  settings.batch_size = 4;
  lossplay::TrainingRace race(
      lossplay::split_and_standardize(
          lossplay::make_synthetic(lossplay::SyntheticKind::spiral, 200, 0.5, 3), 0.25, 3),
      settings);
  for (int epoch = 0; epoch < 20; ++epoch) race.step();
  const auto& run = race.run(LossKind::cross_entropy);
  REQUIRE(run.diverged);
  CHECK(run.diverged_epoch >= 1);
  CHECK(run.history.size() == run.diverged_epoch);  // epochs 0 … diverged − 1, all finite
  for (const auto& record : run.history) CHECK(std::isfinite(record.loss));
  // The stable cross-entropy itself never overflows: at a learning rate of 100 the same model
  // oscillates but stays finite.
  settings.learning_rate = 100.0;
  lossplay::TrainingRace calmer(blobs(2.0), settings);
  for (int epoch = 0; epoch < 20; ++epoch) calmer.step();
  CHECK_FALSE(calmer.run(LossKind::cross_entropy).diverged);
}

TEST_CASE("race settings are checked", "[race][checks]") {
  using lossplay::InitPreset;
  CHECK(lossplay::check_race_settings(65, 0.5, 32, 1, 0, InitPreset::standard, 2)->message ==
        "hidden units must be an integer in [0, 64], got 65");
  CHECK(lossplay::check_race_settings(4, 0, 32, 1, 0, InitPreset::standard, 2)->message ==
        "learning rate must be a number in (0, 1e6], got 0");
  CHECK(lossplay::check_race_settings(4, 0.5, 0, 1, 0, InitPreset::standard, 2)->message ==
        "batch size must be an integer in [1, 4096], got 0");
  CHECK_FALSE(lossplay::check_race_settings(4, 0.5, 32, 1, 0, InitPreset::standard, 2));
}

TEST_CASE("split and standardise", "[race][data]") {
  const auto data = lossplay::make_synthetic(lossplay::SyntheticKind::circles, 100, 0.1, 1);
  const auto split = lossplay::split_and_standardize(data, 0.3, 2);
  CHECK(split.test.rows() == 30);
  CHECK(split.train.rows() == 70);
  for (std::size_t j = 0; j < 2; ++j) {
    double mean = 0.0;
    double squares = 0.0;
    for (std::size_t i = 0; i < 70; ++i) {
      mean += split.train.x[i * 2 + j] / 70.0;
      squares += split.train.x[i * 2 + j] * split.train.x[i * 2 + j] / 70.0;
    }
    CHECK(mean == Approx(0.0).margin(1e-12));
    CHECK(squares == Approx(1.0).epsilon(1e-12));
  }
}

TEST_CASE("synthetic data sets are balanced, seeded and checked", "[race][data]") {
  for (const auto* name : {"blobs", "xor", "circles", "spiral"}) {
    const auto kind = lossplay::synthetic_kind_from_name(name);
    REQUIRE(kind.has_value());
    const auto a = lossplay::make_synthetic(*kind, 101, 0.2, 8);
    const auto b = lossplay::make_synthetic(*kind, 101, 0.2, 8);
    CHECK(a.x == b.x);
    CHECK(a.rows() == 101);
    CHECK(std::count(a.y.begin(), a.y.end(), 1) == 50);
  }
  CHECK_FALSE(lossplay::synthetic_kind_from_name("moons").has_value());
  CHECK(lossplay::check_synthetic_args(10, 0.1)->message ==
        "size must be an integer in [20, 5000], got 10");
  CHECK(lossplay::check_synthetic_args(100, 3)->message ==
        "noise must be a number in [0, 2], got 3");
}

namespace {

// Ten hidden layers of 64 on two features, one output: 2·64 + 64 weights and biases into the
// first layer, 9 · (64·64 + 64) between hidden layers, 64 + 1 into the output.
constexpr std::size_t kDeepWeights = (2 * 64 + 64) + 9 * (64 * 64 + 64) + (64 + 1);

lossplay::RaceSettings deep_settings() {
  lossplay::RaceSettings settings;
  settings.hidden = 64;
  settings.depth = 10;
  return settings;
}

lossplay::Dataset two_feature_rows(std::size_t rows) {
  lossplay::Dataset data{2, 2, std::vector<double>(2 * rows, 0.5), std::vector<int>(rows, 0)};
  for (std::size_t i = 0; i < rows; i += 2) data.y[i] = 1;
  return data;
}

}  // namespace

TEST_CASE("the work of one race call is bounded", "[race][checks]") {
  static_assert(kDeepWeights == 37'697);
  // Creation: one epoch is at most 1.6e8 training rows × weights.
  CHECK_FALSE(lossplay::check_race_work(two_feature_rows(4244), deep_settings()));
  const auto refused = lossplay::check_race_work(two_feature_rows(4245), deep_settings());
  REQUIRE(refused);
  CHECK(refused->message.find("at most 1.6e8, got 4245 × 37697") != std::string::npos);

  // step(epochs): as many epochs as fit in the same work, at least one.
  const auto split = lossplay::split_and_standardize(
      lossplay::make_synthetic(lossplay::SyntheticKind::blobs, 2800, 0.5, 1), 0.25, 1);
  const double rows = static_cast<double>(split.train.rows());
  const lossplay::TrainingRace deep(split, deep_settings());
  const double most = std::floor(1.6e8 / (rows * kDeepWeights));
  REQUIRE(most >= 1);
  CHECK_FALSE(deep.check_step_epochs(most));
  const auto too_many = deep.check_step_epochs(most + 1);
  REQUIRE(too_many);
  CHECK(too_many->message.find("call step again to go on") != std::string::npos);
  const lossplay::TrainingRace small(blobs(0.2), lossplay::RaceSettings{});
  CHECK_FALSE(small.check_step_epochs(10'000));
  CHECK(small.check_step_epochs(10'001)->message ==
        "epochs must be an integer in [1, 10000], got 10001");

  // grid: cells × weights at most 1e8, so 2652 cells of the deep network.
  CHECK_FALSE(deep.check_grid_cells(51 * 51));
  CHECK(deep.check_grid_cells(52 * 52)->message ==
        "nx × ny must be at most 2652 for this race (cells × weights at most 1e8), got 2704");
  CHECK_FALSE(small.check_grid_cells(400 * 400));
}
