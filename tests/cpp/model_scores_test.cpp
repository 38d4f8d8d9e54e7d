// Scoring a model's examples (core/model_scores.hpp) against references that do not share its
// code: 60- to 100-digit mpmath values of the textbook formulas (tests/reference/, "modelScores":
// the gradient norms there come from mpmath's own numerical differentiation), central
// differences of the per-example losses, closed forms at extreme logits, and identities
// (‖p − y‖₂ = √Brier for hard labels; a temperature is the same as dividing the logits).
#include "core/model_scores.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/limits.hpp"
#include "finite_difference.hpp"
#include "reference_values.hpp"

using lossplay::LabelKind;
using lossplay::ModelData;
using lossplay::score_examples;

namespace {

ModelData classes_of(const std::vector<double>& logits, std::size_t k,
                     const std::vector<double>& labels) {
  return ModelData{logits, k, labels, LabelKind::class_index};
}

ModelData rows_of(const std::vector<double>& logits, std::size_t k,
                  const std::vector<double>& labels) {
  return ModelData{logits, k, labels, LabelKind::probability};
}

// Euclidean norm by the plain formula, for the finite-difference gradients.
double norm(const std::vector<double>& v) {
  return std::sqrt(std::inner_product(v.begin(), v.end(), v.begin(), 0.0));
}

// The same logits and labels at T = 1 and one example: the functions the differences take.
double example_loss(const std::vector<double>& logits, const ModelData& data, bool brier) {
  const ModelData one{logits, data.classes, data.labels, data.label_kind};
  const auto scores = score_examples(one, 1.0);
  return brier ? scores.brier[0] : scores.cross_entropy[0];
}

}  // namespace

TEST_CASE("model scores match mpmath at 60 to 100 digits", "[model]") {
  for (const auto& ref : lossplay::test::kModelScoreReferences) {
    INFO("logits[0] = " << ref.logits[0] << ", label " << ref.label << ", T = " << ref.temperature);
    const std::vector<double> labels = ref.row.empty() ? std::vector<double>{ref.label} : ref.row;
    const auto kind = ref.row.empty() ? LabelKind::class_index : LabelKind::probability;
    const auto out = score_examples({ref.logits, ref.logits.size(), labels, kind}, ref.temperature);
    CHECK_REFERENCE(out.probability[0], ref.probability);
    CHECK_REFERENCE(out.confidence[0], ref.confidence);
    CHECK_REFERENCE(out.cross_entropy[0], ref.ce);
    CHECK_REFERENCE(out.brier[0], ref.brier);
    CHECK_REFERENCE(out.cross_entropy_gradient[0], ref.ce_gradient);
    CHECK_REFERENCE(out.brier_gradient[0], ref.brier_gradient);
  }
}

TEST_CASE("gradient norms match central differences of each example's losses", "[model]") {
  const std::vector<double> logits{0.3, -1.2, 2.0,  0.5, -0.7, 1.1, 0.0,  -2.5,
                                   1.5, 1.5,  -0.4, 0.9, 3.0,  0.2, -1.0, 0.6};
  const std::vector<double> classes{2, 0, 1, 3};
  const std::vector<double> soft{0.1, 0.2, 0.3, 0.4, 0.0,  0.5,  0.5,  0.0,
                                 1.0, 0.0, 0.0, 0.0, 0.25, 0.25, 0.25, 0.25};
  for (const auto& data : {classes_of(logits, 4, classes), rows_of(logits, 4, soft)}) {
    const auto scores = score_examples(data, 1.0);
    for (std::size_t i = 0; i < 4; ++i) {
      INFO("row " << i);
      const std::vector<double> row(logits.begin() + 4 * i, logits.begin() + 4 * i + 4);
      const std::vector<double> label =
          data.label_kind == LabelKind::probability
              ? std::vector<double>(soft.begin() + 4 * i, soft.begin() + 4 * i + 4)
              : std::vector<double>{classes[i]};
      const ModelData one{row, 4, label, data.label_kind};
      for (const bool brier : {false, true}) {
        const double fd = norm(lossplay::test::central_gradient(
            [&](const std::vector<double>& z) { return example_loss(z, one, brier); }, row));
        const double analytic = brier ? scores.brier_gradient[i] : scores.cross_entropy_gradient[i];
        CHECK(analytic == Approx(fd).epsilon(1e-8).margin(1e-10));
      }
    }
  }
  const std::vector<double> z{-3.0, -0.4, 0.0, 0.8, 5.0};
  const std::vector<double> y{1.0, 0.0, 0.3, 1.0, 0.9};
  const auto binary = score_examples(classes_of(z, 1, y), 1.0);
  for (std::size_t i = 0; i < z.size(); ++i) {
    for (const bool brier : {false, true}) {
      const double fd = lossplay::test::central_difference(
          [&](double zi) { return example_loss({zi}, classes_of({zi}, 1, {y[i]}), brier); }, z[i]);
      const double analytic = brier ? binary.brier_gradient[i] : binary.cross_entropy_gradient[i];
      CHECK(analytic == Approx(std::fabs(fd)).epsilon(1e-8).margin(1e-10));
    }
  }
}

TEST_CASE("identities: ‖p − y‖ = √Brier, p_label = e^−CE, a temperature divides the logits",
          "[model]") {
  const std::vector<double> logits{2.0, -1.0, 0.5, 0.0, 0.0, 0.0, -3.0, 4.0, 1.0, 7.5, 7.5, -2.0};
  const std::vector<double> labels{0, 2, 1, 1};
  const auto at_one = score_examples(classes_of(logits, 3, labels), 1.0);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    CHECK(at_one.cross_entropy_gradient[i] == Approx(std::sqrt(at_one.brier[i])).epsilon(1e-15));
    CHECK(at_one.probability[i] == Approx(std::exp(-at_one.cross_entropy[i])).epsilon(1e-15));
  }
  const double t = 1.7;
  std::vector<double> divided(logits);
  for (double& z : divided) {
    z /= t;
  }
  const auto scaled = score_examples(classes_of(logits, 3, labels), t);
  const auto plain = score_examples(classes_of(divided, 3, labels), 1.0);
  CHECK(scaled.cross_entropy == plain.cross_entropy);  // the same doubles, to the bit
  CHECK(scaled.brier_gradient == plain.brier_gradient);
  CHECK(scaled.mean_cross_entropy == plain.mean_cross_entropy);
}

TEST_CASE("predictions, confidence and correctness, ties to the lowest index", "[model]") {
  const std::vector<double> logits{1.0, 1.0, 1.0, 0.0, 2.0, 2.0};
  const auto out = score_examples(classes_of(logits, 3, {1, 2}), 1.0);
  CHECK(out.predicted == std::vector<double>{0, 1});
  CHECK(out.confidence[0] == Approx(1.0 / 3.0).epsilon(1e-15));
  CHECK(out.correct == std::vector<double>{0, 0});
  CHECK(out.accuracy == 0.0);
  CHECK(out.positive == out.confidence);

  // K = 1: z = 0 predicts class 0; a soft label's "correct" is its weight on the prediction.
  const auto binary = score_examples(classes_of({0.0, 2.0, -2.0}, 1, {1.0, 0.3, 0.3}), 1.0);
  CHECK(binary.predicted == std::vector<double>{0, 1, 0});
  CHECK(binary.correct[0] == 0.0);
  CHECK(binary.correct[1] == 0.3);
  CHECK(binary.correct[2] == 0.7);
  CHECK(binary.positive[1] == Approx(1.0 / (1.0 + std::exp(-2.0))).epsilon(1e-15));
  CHECK(binary.confidence[2] == binary.confidence[1]);
  const double p = 1.0 / (1.0 + std::exp(-2.0));
  CHECK(binary.probability[1] == Approx(0.3 * p + 0.7 * (1.0 - p)).epsilon(1e-15));
  CHECK(binary.accuracy == Approx((0.0 + 0.3 + 0.7) / 3.0).epsilon(1e-15));

  // Probability rows: correct is the label's weight on the predicted class.
  const auto soft = score_examples(rows_of({3.0, 0.0, 1.0}, 3, {0.6, 0.1, 0.3}), 1.0);
  CHECK(soft.correct[0] == 0.6);
}

TEST_CASE("confidently wrong: a wrong prediction with confidence of at least 0.9", "[model]") {
  // σ(3) = 0.953 and σ(2) = 0.881; the label 0.5 counts as class 0, 0.6 as class 1.
  const auto out =
      score_examples(classes_of({3.0, 2.0, -3.0, 3.0, 3.0}, 1, {0.0, 0.0, 1.0, 0.5, 0.6}), 1.0);
  CHECK(out.confidently_wrong == std::vector<double>{1, 0, 1, 1, 0});
  CHECK(out.confidently_wrong_count == 3.0);
  const double z = std::log(0.9 / 0.1) + 1e-9;  // just above the threshold
  CHECK(score_examples(classes_of({z}, 1, {0.0}), 1.0).confidently_wrong[0] == 1.0);
  CHECK(score_examples(classes_of({z - 2e-9}, 1, {0.0}), 1.0).confidently_wrong[0] == 0.0);
  // Soft rows: the label's argmax is the class (lowest index on ties).
  const auto rows = score_examples(rows_of({5.0, 0.0, 0.0, 5.0}, 2, {0.4, 0.6, 0.5, 0.5}), 1.0);
  CHECK(rows.confidently_wrong == std::vector<double>{1, 1});
}

TEST_CASE("extreme logits: finite, exact where the true value is a double", "[model]") {
  // CE of a wrong logit of ±1e6 is 1e6 (plus e^−1e6, far below an ulp); of a right one e^−1e6,
  // which underflows to 0. The Brier gradient 2(p − y)p(1 − p) underflows to 0 too.
  const auto binary = score_examples(classes_of({1e6, 1e6, -1e6}, 1, {0.0, 1.0, 0.0}), 1.0);
  CHECK(binary.cross_entropy == std::vector<double>{1e6, 0.0, 0.0});
  CHECK(binary.brier == std::vector<double>{1.0, 0.0, 0.0});
  CHECK(binary.cross_entropy_gradient == std::vector<double>{1.0, 0.0, 0.0});
  CHECK(binary.brier_gradient == std::vector<double>{0.0, 0.0, 0.0});
  CHECK(binary.probability == std::vector<double>{0.0, 1.0, 1.0});
  CHECK(binary.mean_cross_entropy == Approx(1e6 / 3).epsilon(1e-15));

  const auto softmax =
      score_examples(classes_of({1e6, -1e6, 0.0, 1e6, -1e6, 0.0}, 3, {1, 0}), 1e-3);
  CHECK(softmax.cross_entropy[0] == 2e9);  // (1e6 − (−1e6)) / 1e−3
  CHECK(softmax.cross_entropy[1] == 0.0);
  CHECK(softmax.cross_entropy_gradient[0] == Approx(std::sqrt(2.0)).epsilon(1e-15));
  CHECK(softmax.confidently_wrong == std::vector<double>{1, 0});

  // A gap of 40 at T = 1: 1 − p and the gradients are near e^−40 ≈ 4e−18, kept to full precision.
  const auto tail = score_examples(classes_of({40.0, 0.0}, 2, {0}), 1.0);
  CHECK(tail.cross_entropy[0] == Approx(std::log1p(std::exp(-40.0))).epsilon(1e-15));
  CHECK(tail.cross_entropy_gradient[0] ==
        Approx(std::sqrt(2.0) * std::exp(-40.0) / (1.0 + std::exp(-40.0))).epsilon(1e-14));
}

TEST_CASE("all-zero logits and one example", "[model]") {
  const auto zero = score_examples(classes_of(std::vector<double>(8, 0.0), 4, {0, 1}), 1.0);
  CHECK(zero.cross_entropy[0] == Approx(std::log(4.0)).epsilon(1e-15));
  CHECK(zero.confidence[0] == 0.25);
  CHECK(zero.brier[0] == Approx(0.75).epsilon(1e-15));  // (3/4)² + 3·(1/4)²

  const auto one = score_examples(classes_of({-2.0}, 1, {1.0}), 1.0);
  CHECK(one.worst_share.count == 1.0);
  CHECK(one.worst_share.cross_entropy == 1.0);
  CHECK(one.worst_share.brier == 1.0);
  // Every gradient is 0 (right at a logit of 1e6): the shares are 0, not 0/0.
  const auto saturated = score_examples(classes_of({1e6}, 1, {1.0}), 1.0);
  CHECK(saturated.worst_share.cross_entropy == 0.0);
  CHECK(saturated.worst_share.brier == 0.0);
}

TEST_CASE("worstShare: the ceil(n/100) largest CE, ties by row, against a full sort", "[model]") {
  const std::size_t n = 250;  // m = 3
  std::vector<double> ce(n);
  std::vector<double> g1(n);
  std::vector<double> g2(n);
  for (std::size_t i = 0; i < n; ++i) {
    ce[i] = static_cast<double>((i * 37) % 50);  // many ties at each value
    g1[i] = 1.0 + static_cast<double>(i % 7);
    g2[i] = 0.5 + static_cast<double>(i % 3);
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return ce[a] > ce[b]; });
  double top1 = 0.0;
  double top2 = 0.0;
  for (std::size_t r = 0; r < 3; ++r) {
    top1 += g1[order[r]];
    top2 += g2[order[r]];
  }
  const auto share = lossplay::worst_share(ce, g1, g2);
  CHECK(share.count == 3.0);
  CHECK(share.cross_entropy ==
        Approx(top1 / std::accumulate(g1.begin(), g1.end(), 0.0)).epsilon(1e-15));
  CHECK(share.brier == Approx(top2 / std::accumulate(g2.begin(), g2.end(), 0.0)).epsilon(1e-15));
  CHECK(lossplay::worst_share(std::vector<double>(100, 1.0), std::vector<double>(100, 1.0),
                              std::vector<double>(100, 1.0))
            .count == 1.0);
  CHECK(lossplay::worst_share(std::vector<double>(101, 1.0), std::vector<double>(101, 1.0),
                              std::vector<double>(101, 1.0))
            .count == 2.0);
}

TEST_CASE("means are means of the columns", "[model]") {
  const std::vector<double> logits{0.5, -1.5, 2.5, 0.0, 1.0};
  const std::vector<double> labels{1, 0, 0, 1, 0.25};
  const auto out = score_examples(classes_of(logits, 1, labels), 2.0);
  const auto mean = [](const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  };
  CHECK(out.mean_cross_entropy == Approx(mean(out.cross_entropy)).epsilon(1e-15));
  CHECK(out.mean_brier == Approx(mean(out.brier)).epsilon(1e-15));
  CHECK(out.accuracy == Approx(mean(out.correct)).epsilon(1e-15));
}

TEST_CASE("model data checks name the entry, its row, the range and an example",
          "[model][checks]") {
  using lossplay::check_model_data;
  std::vector<double> labels(12, 1.0);
  labels[11] = 1.5;
  CHECK(check_model_data(classes_of(std::vector<double>(12, 0.0), 1, labels))->message ==
        "labels[11] (row 12) must be 0 or 1 or a probability in [0, 1], e.g. 1; got 1.5");
  CHECK(check_model_data(classes_of({0.0, 1.0, 2.0, 3.0}, 2, {0, 2}))->message ==
        "labels[1] (row 2) must be a class, an integer in [0, 1], e.g. 0; got 2");
  CHECK(check_model_data(classes_of({0.0, 1.0, 2.0, NAN}, 2, {0, 1}))->message ==
        "logits[3] (row 2, column 2) must be a number in [-1e6, 1e6], e.g. 2.5; got NaN");
  CHECK(check_model_data(classes_of({2e6}, 1, {0}))->message ==
        "logits[0] (row 1) must be a number in [-1e6, 1e6], e.g. 2.5; got 2000000");
  CHECK(check_model_data(classes_of({0.0, 1.0, 2.0}, 2, {0}))->message ==
        "logits must have rows × classes entries: 3 is not a multiple of 2 classes");
  CHECK(check_model_data(classes_of({0.0, 1.0}, 2, {0, 1}))->message ==
        "labels must have one entry per row of logits (1 row), got 2");
  CHECK(check_model_data(rows_of({0.0, 1.0}, 2, {0.5, 0.6}))->message ==
        "the labels of row 1 (labels[0] to labels[1]) must sum to 1 within 1e-9, e.g. 1 for one "
        "class and 0 for the others; got a sum of 1.1");
  CHECK(check_model_data(rows_of({0.0, 1.0}, 2, {1.5, -0.5}))->message ==
        "labels[0] (row 1, column 1) must be a probability in [0, 1], e.g. 0.25; got 1.5");
  CHECK(check_model_data(rows_of({0.0}, 1, {1.0})));
  CHECK(check_model_data(classes_of({}, 1, {}))->message ==
        "logits must have between 1 and 1e7 entries (rows × classes), got 0");
  CHECK_FALSE(check_model_data(rows_of({0.0, 1.0}, 2, {0.3, 0.7 + 5e-10})));
  CHECK(lossplay::check_model_classes(0.0)->message ==
        "classes must be an integer in [1, 1000], e.g. 3; got 0");
  CHECK(lossplay::check_model_temperature(0.0)->message ==
        "temperature must be a number in [0.001, 1000], e.g. 1.5; got 0");
  CHECK_FALSE(lossplay::check_model_temperature(1e-3));
  CHECK_FALSE(lossplay::check_model_temperature(1e3));
}
