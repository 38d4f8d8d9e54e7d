// Networks of several hidden layers: backpropagation against central differences for every
// activation, depth, loss and number of classes; the per-layer gradient norms; the variance of
// each weight initialisation; the one-hidden-layer race unchanged bit for bit; and the claims
// of the deep network lab, on fixed seeds.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <utility>
#include <vector>

#include "core/binary_losses.hpp"
#include "core/race_names.hpp"
#include "core/synthetic_datasets.hpp"
#include "core/training_race.hpp"
#include "finite_difference.hpp"

using lossplay::Activation;
using lossplay::InitPreset;
using lossplay::LossKind;
using lossplay::WeightInit;

namespace {

// `rows` examples with 3 features in `classes` classes: Gaussian noise plus 1.5 on the feature
// of the example's class (mod 3).
lossplay::Dataset gaussian_classes(std::size_t classes, std::size_t rows, std::uint64_t seed) {
  lossplay::Random random(seed);
  lossplay::Dataset data{3, classes, {}, {}};
  for (std::size_t i = 0; i < rows; ++i) {
    const auto label = static_cast<int>(i % classes);
    for (int j = 0; j < 3; ++j) data.x.push_back(random.normal() + (j == label % 3 ? 1.5 : 0.0));
    data.y.push_back(label);
  }
  return data;
}

std::vector<std::size_t> all_rows(const lossplay::Dataset& data) {
  std::vector<std::size_t> rows(data.rows());
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  return rows;
}

// Which hidden units are active (> 0), over every row: a ReLU network is smooth in a parameter
// between two points with the same pattern.
std::vector<bool> active_units(const lossplay::Network& network, const lossplay::Dataset& data) {
  std::vector<double> hidden(network.shape().hidden_units());
  std::vector<double> logits(network.shape().outputs());
  std::vector<bool> pattern;
  for (std::size_t row = 0; row < data.rows(); ++row) {
    network.forward(data.row(row), hidden, logits);
    for (const double h : hidden) pattern.push_back(h > 0.0);
  }
  return pattern;
}

struct GradientCheck {
  std::vector<double> analytic;
  std::vector<double> numeric;  // NaN where a ReLU kink lies between the two evaluations
};

// The gradient of the mean loss by backpropagation and by central differences (one per
// parameter, with the step of finite_difference.hpp).
GradientCheck check_gradient(lossplay::Network& network, const lossplay::Dataset& data,
                             LossKind kind) {
  GradientCheck result;
  network.loss_and_gradient(data, all_rows(data), kind, result.analytic);
  auto& p = network.parameters();
  const bool relu = network.shape().activation == Activation::relu;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double saved = p[i];
    const double numeric = lossplay::test::central_difference(
        [&](double v) {
          p[i] = v;
          return network.mean_loss(data, kind);
        },
        saved);
    bool smooth = true;
    if (relu) {
      const double h = 1e-5 * std::fmax(1.0, std::fabs(saved));  // as central_difference
      p[i] = saved + h;
      const auto above = active_units(network, data);
      p[i] = saved - h;
      smooth = above == active_units(network, data);
    }
    p[i] = saved;
    result.numeric.push_back(smooth ? numeric : std::nan(""));
  }
  return result;
}

// ‖analytic − numeric‖ and ‖numeric‖ over one layer's weights (kinks left out).
std::pair<double, double> layer_error(const GradientCheck& check,
                                      const lossplay::LayerSlice& layer) {
  double error = 0.0;
  double size = 0.0;
  for (std::size_t i = layer.offset; i < layer.offset + layer.weight_count(); ++i) {
    if (std::isnan(check.numeric[i])) continue;
    error += (check.analytic[i] - check.numeric[i]) * (check.analytic[i] - check.numeric[i]);
    size += check.numeric[i] * check.numeric[i];
  }
  return {std::sqrt(error), std::sqrt(size)};
}

lossplay::TrainTestSplit synthetic(std::string_view kind, std::uint64_t seed) {
  return lossplay::split_and_standardize(
      lossplay::make_synthetic(*lossplay::synthetic_kind_from_name(kind), 200, 0.2, seed), 0.3,
      seed);
}

// The deep network lab's networks: `depth` hidden layers of 16 units; the rest as the race's.
lossplay::RaceSettings lab_network(std::size_t depth, Activation activation) {
  lossplay::RaceSettings settings;
  settings.hidden = 16;
  settings.depth = depth;
  settings.activation = activation;
  return settings;
}

double largest_over_smallest(const std::vector<double>& values) {
  return *std::max_element(values.begin(), values.end()) /
         *std::min_element(values.begin(), values.end());
}

}  // namespace

TEST_CASE("backpropagation matches central differences at every depth", "[deep]") {
  const auto two = gaussian_classes(2, 24, 5);
  const auto three = gaussian_classes(3, 24, 6);
  for (const Activation activation : {Activation::tanh, Activation::relu, Activation::sigmoid}) {
    for (const std::size_t depth : {1, 2, 3, 6, 10}) {
      for (const auto* data : {&two, &three}) {
        for (const LossKind kind : {LossKind::cross_entropy, LossKind::squared_error}) {
          INFO("activation " << lossplay::kActivationNames[static_cast<std::size_t>(activation)]
                             << ", depth " << depth << ", classes " << data->classes << ", "
                             << lossplay::kLossKindNames[static_cast<std::size_t>(kind)]);
          lossplay::Network network({3, 5, data->classes, activation, depth});
          lossplay::Random random(depth * 7 + data->classes);
          network.initialize(random);
          const GradientCheck check = check_gradient(network, *data, kind);
          std::size_t compared = 0;
          for (std::size_t i = 0; i < check.analytic.size(); ++i) {
            if (std::isnan(check.numeric[i])) continue;
            ++compared;
            // The differences' rounding error is about 1e-11 (ε·loss/h).
            CHECK(check.analytic[i] == Approx(check.numeric[i]).epsilon(1e-4).margin(1e-10));
          }
          // Most parameters are compared, also for ReLU. (A bias in front of a unit whose inputs
          // are all 0 sits exactly on the kink: it starts at 0.)
          CHECK(compared >= check.analytic.size() * 8 / 10);
          // Every layer, down to a sigmoid network's vanishing first one (about 1e-7 at depth
          // 10), agrees as a whole; and the signal does reach the first layer.
          for (std::size_t l = 0; l < network.shape().layer_count(); ++l) {
            const auto [error, size] = layer_error(check, network.shape().layer(l));
            INFO("layer " << l << ": ‖error‖ " << error << ", ‖gradient‖ " << size);
            CHECK(size > 0.0);
            CHECK(error <= 1e-3 * size + 1e-10);
          }
        }
      }
    }
  }
}

TEST_CASE("layer gradient norms are the norms of the gradient's weight blocks", "[deep]") {
  const auto data = gaussian_classes(3, 30, 8);
  for (const std::size_t depth : {1, 3}) {
    lossplay::Network network({3, 5, 3, Activation::sigmoid, depth});
    lossplay::Random random(3);
    network.initialize(random, WeightInit::normal, 1.5);
    const auto norms = network.layer_gradient_norms(data, LossKind::squared_error);
    REQUIRE(norms.size() == depth + 1);
    const GradientCheck check = check_gradient(network, data, LossKind::squared_error);
    for (std::size_t l = 0; l < norms.size(); ++l) {
      const lossplay::LayerSlice layer = network.shape().layer(l);
      double analytic = 0.0;
      double numeric = 0.0;
      for (std::size_t i = layer.offset; i < layer.offset + layer.weight_count(); ++i) {
        analytic += check.analytic[i] * check.analytic[i];
        numeric += check.numeric[i] * check.numeric[i];
      }
      CHECK(norms[l] == Approx(std::sqrt(analytic)).epsilon(1e-12));
      CHECK(norms[l] == Approx(std::sqrt(numeric)).epsilon(1e-5));
    }
  }
  // Logistic regression has one weight matrix; depth means nothing without hidden units.
  lossplay::Network logistic({3, 0, 3, Activation::tanh, 4});
  CHECK(logistic.layer_gradient_norms(data, LossKind::cross_entropy).size() == 1);
  CHECK(logistic.parameters().size() == 3 * 3 + 3);
  // Scaled by the largest entry: 1e-200 squared would underflow to 0.
  const lossplay::NetworkShape tiny{2, 0, 2};
  CHECK(lossplay::layer_weight_norms(tiny, std::vector<double>{3e-200, 4e-200, 1.0})[0] ==
        Approx(5e-200).epsilon(1e-15));
  CHECK(std::isnan(
      lossplay::layer_weight_norms(tiny, std::vector<double>{0.0, std::nan(""), 0.0})[0]));
}

TEST_CASE("parameters are laid out layer after layer", "[deep]") {
  const lossplay::NetworkShape shape{3, 4, 3, Activation::tanh, 3};
  CHECK(shape.layer_count() == 4);
  CHECK(shape.hidden_units() == 12);
  const lossplay::LayerSlice expected[] = {{0, 3, 4}, {16, 4, 4}, {36, 4, 4}, {56, 4, 3}};
  for (std::size_t l = 0; l < 4; ++l) {
    CHECK(shape.layer(l).offset == expected[l].offset);
    CHECK(shape.layer(l).fan_in == expected[l].fan_in);
    CHECK(shape.layer(l).fan_out == expected[l].fan_out);
  }
  CHECK(shape.parameter_count() == 56 + 12 + 3);
}

TEST_CASE("each initialisation scheme draws weights of the stated variance", "[deep]") {
  struct Case {
    WeightInit scheme;
    Activation activation;
    double scale;
  };
  // Layers 300 → 500 → 500 → 10: 150 000 and 250 000 weights, then 5 000 in the output layer.
  for (const Case c : {Case{WeightInit::by_activation, Activation::tanh, 1.0},
                       Case{WeightInit::by_activation, Activation::sigmoid, 1.0},
                       Case{WeightInit::by_activation, Activation::relu, 1.0},
                       Case{WeightInit::normal, Activation::tanh, 0.7},
                       Case{WeightInit::xavier, Activation::sigmoid, 1.0},
                       Case{WeightInit::he, Activation::tanh, 1.0}}) {
    lossplay::Network network({300, 500, 10, c.activation, 2});
    lossplay::Random random(21);
    network.initialize(random, c.scheme, c.scale);
    for (std::size_t l = 0; l < 3; ++l) {
      const lossplay::LayerSlice layer = network.shape().layer(l);
      const auto fan_in = static_cast<double>(layer.fan_in);
      const auto fan_out = static_cast<double>(layer.fan_out);
      const double expected = c.scheme == WeightInit::normal   ? c.scale * c.scale
                              : c.scheme == WeightInit::xavier ? 2.0 / (fan_in + fan_out)
                              : c.scheme == WeightInit::he || c.activation == Activation::relu
                                  ? 2.0 / fan_in
                                  : 1.0 / fan_in;
      const auto* w = network.parameters().data() + layer.offset;
      const auto n = static_cast<double>(layer.weight_count());
      const double mean = std::accumulate(w, w + layer.weight_count(), 0.0) / n;
      double squares = 0.0;
      for (std::size_t i = 0; i < layer.weight_count(); ++i)
        squares += (w[i] - mean) * (w[i] - mean);
      INFO("scheme " << static_cast<int>(c.scheme) << ", layer " << l);
      // Sampling error of a variance from n draws: a relative sd of √(2/n), 2 % at n = 5 000.
      CHECK(squares / (n - 1) == Approx(expected).epsilon(l == 2 ? 0.08 : 0.03));
      CHECK(std::all_of(w + layer.weight_count(), w + layer.weight_count() + layer.fan_out,
                        [](double b) { return b == 0.0; }));
    }
  }
}

TEST_CASE("He and the ReLU default draw the same weights", "[deep]") {
  lossplay::Network by_activation({4, 8, 2, Activation::relu, 3});
  lossplay::Network he({4, 8, 2, Activation::relu, 3});
  lossplay::Random first(5);
  lossplay::Random second(5);
  by_activation.initialize(first);
  he.initialize(second, WeightInit::he);
  CHECK(by_activation.parameters() == he.parameters());  // exact: same draws, same sd
}

namespace {

struct Recorded {
  const char* data;  // a synthetic set, or "three" for gaussian_classes(3, 90, 7)
  std::size_t hidden;
  Activation activation;
  InitPreset init;
  double ce_loss, ce_norm, mse_loss, mse_norm;  // after 50 epochs
};

// Loss and mean batch-gradient norm after 50 epochs, printed with %a by the race as it was
// before it had several hidden layers (one hidden layer: W1, b1, W2, b2). Data: 200 rows at
// noise 0.3 with seed 5, a 30 % test split; learning rate 0.3, batches of 16, seed 11, a
// starting logit of −4.
constexpr Recorded kRecorded[] = {
    {"blobs", 0, Activation::tanh, InitPreset::standard, 0x1.8b933441b9b76p-6, 0x1.2344ee8e8a222p-6,
     0x1.1c86c786c72d3p-7, 0x1.45d2b539a5a86p-7},
    {"blobs", 8, Activation::tanh, InitPreset::standard, 0x1.4ca414d3e8e8ep-7, 0x1.c934e381b2dbcp-6,
     0x1.130061e1d4e28p-8, 0x1.7b5fa310b089ap-7},
    {"blobs", 8, Activation::relu, InitPreset::standard, 0x1.25e28c2093c8cp-7, 0x1.ed77dee952c3bp-6,
     0x1.eddfe850047d2p-9, 0x1.d395c3be312a5p-7},
    {"xor", 0, Activation::tanh, InitPreset::confidently_wrong, 0x1.6027064382459p-1,
     0x1.ea3a4809f7feep-3, 0x1.341202baecf08p-1, 0x1.caf05ff167052p-7},
    {"xor", 8, Activation::tanh, InitPreset::confidently_wrong, 0x1.91f4a3a504d17p-9,
     0x1.466dee18b6dbdp-5, 0x1.41d47d3cc7d18p-2, 0x1.041282fd402fcp-13},
    {"xor", 8, Activation::relu, InitPreset::confidently_wrong, 0x1.59ee6e4de3724p-5,
     0x1.5d16b743bf6bdp-3, 0x1.2ca8a2b7294dbp-2, 0x1.e4e7675097debp-5},
    {"circles", 8, Activation::tanh, InitPreset::from_logit, 0x1.0282e8ff0454cp-3,
     0x1.6f520683f2f5fp-3, 0x1.f8e41e257111bp-4, 0x1.a6ba0ee0e0c04p-4},
    {"spiral", 8, Activation::relu, InitPreset::standard, 0x1.5b875340a6c6ep-1,
     0x1.ad45a99749f7fp-2, 0x1.ef982de381e8dp-3, 0x1.a18e2366467b3p-3},
    {"three", 0, Activation::tanh, InitPreset::standard, 0x1.e11c190592a23p-2, 0x1.5ae7196dc01bbp-3,
     0x1.776e287284836p-4, 0x1.44ba73d242388p-5},
    {"three", 8, Activation::tanh, InitPreset::standard, 0x1.72c0bc0ef6493p-2, 0x1.ee4cfba223d08p-3,
     0x1.4f6da00571d61p-4, 0x1.976f05e545096p-5},
    {"three", 8, Activation::tanh, InitPreset::confidently_wrong, 0x1.de9da8b12523cp-3,
     0x1.10f1bab7db1fap-1, 0x1.8406252dbfb85p-2, 0x1.2f7aa25a15f38p-3},
    {"three", 8, Activation::relu, InitPreset::standard, 0x1.5404ba0d667f8p-2, 0x1.6acc2d7b2182bp-2,
     0x1.6c49262773fe6p-4, 0x1.a87213348eddcp-5},
};

lossplay::Dataset recorded_data(std::string_view name) {
  if (name != "three") {
    return lossplay::make_synthetic(*lossplay::synthetic_kind_from_name(name), 200, 0.3, 5);
  }
  lossplay::Random random(7);  // the 3-class set of the recording
  lossplay::Dataset data{3, 3, {}, {}};
  for (int i = 0; i < 90; ++i) {
    for (int j = 0; j < 3; ++j) data.x.push_back(random.normal() + (j == i % 3 ? 1.5 : 0.0));
    data.y.push_back(i % 3);
  }
  return data;
}

}  // namespace

TEST_CASE("with one hidden layer the race is what it was, bit for bit", "[deep][race]") {
  for (const Recorded& r : kRecorded) {
    INFO(r.data << ", hidden " << r.hidden << ", init " << static_cast<int>(r.init));
    lossplay::RaceSettings settings;
    settings.hidden = r.hidden;
    settings.depth = 1;
    settings.activation = r.activation;
    settings.weights = WeightInit::by_activation;
    settings.learning_rate = 0.3;
    settings.batch_size = 16;
    settings.seed = 11;
    settings.init = r.init;
    settings.init_logit = -4.0;
    lossplay::TrainingRace race(lossplay::split_and_standardize(recorded_data(r.data), 0.3, 5),
                                settings);
    for (int epoch = 0; epoch < 50; ++epoch) race.step();
    const auto& ce = race.run(LossKind::cross_entropy).history.back();
    const auto& mse = race.run(LossKind::squared_error).history.back();
    CHECK(ce.loss == r.ce_loss);  // exact
    CHECK(ce.gradient_norm == r.ce_norm);
    CHECK(mse.loss == r.mse_loss);
    CHECK(mse.gradient_norm == r.mse_norm);
  }
}

// The deep network lab's claims. Data: a race's synthetic set of 200 rows at noise 0.2, split
// 70/30 with the race's seed; 16 units per hidden layer. Values in the comments are what these
// seeds give; the bounds leave room.
TEST_CASE("lab: a sigmoid network's first layers learn orders of magnitude slower", "[deep][lab]") {
  // From the standard start, both runs' first-layer gradient is ≥ 100× smaller than the output
  // layer's (blobs, depth 6: 7.0e-5 against 0.33 for CE, 4 700×; depth 10: 2.3e6×).
  for (const auto kind : {"blobs", "xor", "circles", "spiral"}) {
    for (const std::size_t depth : {6, 10}) {
      INFO(kind << ", depth " << depth);
      auto settings = lab_network(depth, Activation::sigmoid);
      lossplay::TrainingRace race(synthetic(kind, 1), settings);
      for (const LossKind loss : {LossKind::cross_entropy, LossKind::squared_error}) {
        const auto norms = race.layer_gradient_norms(loss);
        REQUIRE(norms.size() == depth + 1);
        CHECK(norms.front() * 100.0 <= norms.back());
        // Each layer further from the output gets a smaller gradient.
        CHECK(std::is_sorted(norms.begin(), norms.end()));
      }
    }
  }
}

TEST_CASE("lab: CE keeps the output layer's gradient where MSE loses it", "[deep][lab]") {
  // The race's confidently-wrong start on a sigmoid network of depth 6, weights N(0, 1):
  // output-layer norms 0.23 (CE) and 0.0023 (MSE) on the spiral, seed 1 (99×; seeds 1–10 give
  // 11× to 2 100×).
  auto settings = lab_network(6, Activation::sigmoid);
  settings.weights = WeightInit::normal;
  settings.weight_scale = 1.0;
  settings.init = InitPreset::confidently_wrong;
  lossplay::TrainingRace race(synthetic("spiral", 1), settings);
  const auto ce = race.layer_gradient_norms(LossKind::cross_entropy);
  const auto mse = race.layer_gradient_norms(LossKind::squared_error);
  CHECK(ce.back() >= 10.0 * mse.back());
  // That preset fits the output layer to the last hidden layer's class means. A deep sigmoid
  // network at its default weights nearly maps both classes to one point there, so the fitted
  // output weights are huge: they undo the vanishing below (CE's first layer 7.5 against 0.0029
  // at the output on blobs) and the output gradients cancel (CE/MSE 0.77).
  settings.weights = WeightInit::by_activation;
  lossplay::TrainingRace collapsed(synthetic("blobs", 1), settings);
  const auto wrong = collapsed.layer_gradient_norms(LossKind::cross_entropy);
  CHECK(wrong.front() > 100.0 * wrong.back());
}

TEST_CASE("lab: a wrong start through the output bias shows both effects at once", "[deep][lab]") {
  // The lab's default: sigmoid layers, 16 wide, the race's output_bias start at z = −8 (random
  // weights kept, the output's bias at −8: every point starts near p = σ(−8), so the class-1
  // half is confidently wrong). With default or Xavier weights, over the four sets and seeds
  // 1–10: CE's output gradient ≥ 494× MSE's; the output layer ≥ 4 650× layer 1 at depth 6.
  for (const WeightInit weights : {WeightInit::by_activation, WeightInit::xavier}) {
    for (const auto kind : {"blobs", "xor", "circles", "spiral"}) {
      for (const std::uint64_t seed : {1U, 2U, 3U}) {
        INFO(kind << ", seed " << seed << ", weights " << static_cast<int>(weights));
        auto settings = lab_network(6, Activation::sigmoid);
        settings.weights = weights;
        settings.seed = seed;
        settings.init = InitPreset::output_bias;
        settings.init_logit = -8.0;
        lossplay::TrainingRace race(synthetic(kind, seed), settings);
        const auto ce = race.layer_gradient_norms(LossKind::cross_entropy);
        const auto mse = race.layer_gradient_norms(LossKind::squared_error);
        CHECK(ce.back() >= 100.0 * mse.back());
        CHECK(ce.front() * 1000.0 <= ce.back());
        CHECK(mse.front() * 1000.0 <= mse.back());
      }
    }
  }
}

TEST_CASE("lab: ReLU with He weights keeps every layer's gradient alike", "[deep][lab]") {
  // CE run, standard start, depth 6 and 10: largest / smallest layer norm 3.0–6.2 on the four
  // sets with seed 1 (seeds 1–10 at depth 6: at most 8.9); a sigmoid network of the same shape
  // spreads them over 4.7e3–4.6e7.
  for (const auto kind : {"blobs", "xor", "circles", "spiral"}) {
    for (const std::size_t depth : {6, 10}) {
      INFO(kind << ", depth " << depth);
      auto settings = lab_network(depth, Activation::relu);
      settings.weights = WeightInit::he;
      lossplay::TrainingRace race(synthetic(kind, 1), settings);
      CHECK(largest_over_smallest(race.layer_gradient_norms(LossKind::cross_entropy)) <= 10.0);
    }
  }
}

TEST_CASE("deep race: presets, training and checks", "[deep][race]") {
  lossplay::RaceSettings settings;
  settings.hidden = 8;
  settings.depth = 3;
  settings.activation = Activation::tanh;
  settings.init = InitPreset::confidently_wrong;
  settings.seed = 2;
  lossplay::TrainingRace wrong(synthetic("blobs", 2), settings);
  CHECK(wrong.run(LossKind::cross_entropy).history.front().train_accuracy < 0.1);
  settings.init = InitPreset::from_logit;
  settings.init_logit = -8.0;
  lossplay::TrainingRace logit(synthetic("blobs", 2), settings);
  const double expected = 0.5 * (lossplay::softplus(8.0) + lossplay::softplus(-8.0));
  CHECK(logit.run(LossKind::cross_entropy).history.front().loss == Approx(expected).epsilon(0.05));
  settings.init = InitPreset::standard;
  settings.learning_rate = 0.3;
  lossplay::TrainingRace race(synthetic("blobs", 2), settings);
  for (int epoch = 0; epoch < 30; ++epoch) race.step();
  CHECK(race.run(LossKind::cross_entropy).history.back().train_accuracy >= 0.95);
  CHECK(race.layer_gradient_norms(LossKind::cross_entropy) ==
        race.run(LossKind::cross_entropy)
            .network.layer_gradient_norms(race.data().train, LossKind::cross_entropy));

  CHECK(lossplay::check_layer_settings(0, 1)->message ==
        "depth must be an integer in [1, 10], got 0");
  CHECK(lossplay::check_layer_settings(2.5, 1)->message ==
        "depth must be an integer in [1, 10], got 2.5");
  CHECK(lossplay::check_layer_settings(11, 1)->message ==
        "depth must be an integer in [1, 10], got 11");
  CHECK(lossplay::check_layer_settings(3, 0)->message ==
        "weight scale must be a number in (0, 10], got 0");
  CHECK(lossplay::check_layer_settings(3, 10.5)->message ==
        "weight scale must be a number in (0, 10], got 10.5");
  CHECK_FALSE(lossplay::check_layer_settings(10, 10));
  CHECK(lossplay::parse_weight_init("default") == WeightInit::by_activation);
  CHECK(lossplay::parse_weight_init("xavier") == WeightInit::xavier);
  CHECK_FALSE(lossplay::parse_weight_init("glorot").has_value());
  CHECK(lossplay::parse_activation("sigmoid") == Activation::sigmoid);
}
