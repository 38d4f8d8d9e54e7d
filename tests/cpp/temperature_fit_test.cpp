// The temperature fit (core/temperature_fit.hpp) against references that do not share its code:
// mpmath roots of the derivative of the textbook mean cross-entropy (tests/reference/,
// "temperatureFits", solved with findroot at 60 digits), closed forms (one soft-labelled example:
// σ(z/T) = y), a central difference of the mean cross-entropy at the fitted T (≈ 0), and the ends
// of the range where the optimum lies beyond them (separable data, every example wrong).
#include "core/temperature_fit.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/model_scores.hpp"
#include "finite_difference.hpp"
#include "reference_values.hpp"

using lossplay::fit_temperature;
using lossplay::LabelKind;
using lossplay::ModelData;

namespace {

ModelData classes_of(const std::vector<double>& logits, std::size_t k,
                     const std::vector<double>& labels) {
  return ModelData{logits, k, labels, LabelKind::class_index};
}

double mean_ce(const ModelData& data, double temperature) {
  return lossplay::score_examples(data, temperature).mean_cross_entropy;
}

// Three classes, 60 examples: logits from a fixed pattern, labels mostly the argmax but a
// quarter of them not, so the model is overconfident and T > 1.
struct Overconfident {
  std::vector<double> logits, labels;
  Overconfident() {
    for (int i = 0; i < 60; ++i) {
      const double a = std::sin(1.3 * i) * 6.0;
      const double b = std::cos(0.7 * i) * 6.0;
      logits.insert(logits.end(), {a, b, 0.5 * (a - b)});
      const double top = a >= b && a >= 0.5 * (a - b) ? 0 : (b >= 0.5 * (a - b) ? 1 : 2);
      labels.push_back(i % 4 == 0 ? std::fmod(top + 1.0, 3.0) : top);
    }
  }
};

}  // namespace

TEST_CASE("the fitted temperature matches mpmath's root of the derivative", "[temperature]") {
  for (const auto& ref : lossplay::test::kTemperatureFitReferences) {
    INFO("classes " << ref.classes << ", logits[0] = " << ref.logits[0]);
    const ModelData data{ref.logits, static_cast<std::size_t>(ref.classes), ref.labels,
                         ref.probability_rows ? LabelKind::probability : LabelKind::class_index};
    const auto fit = fit_temperature(data);
    CHECK_FALSE(fit.at_limit);
    CHECK(lossplay::test::close_to_reference(fit.temperature, ref.temperature, 1e-12));
    CHECK(lossplay::test::close_to_reference(fit.mean_cross_entropy_before, ref.before, 1e-14));
    CHECK(lossplay::test::close_to_reference(fit.mean_cross_entropy_after, ref.after, 1e-14));
  }
}

TEST_CASE("one soft-labelled example: σ(z/T) = y, so T = z / logit(y)", "[temperature]") {
  for (const double y : {0.7, 0.2, 0.95}) {
    for (const double z : {2.0, -3.0, 0.25}) {
      const auto fit = fit_temperature(classes_of({z}, 1, {y}));
      const double expected = z / std::log(y / (1.0 - y));
      if (expected >= 1e-3 && expected <= 1e3) {
        INFO("z = " << z << ", y = " << y);
        CHECK_FALSE(fit.at_limit);
        CHECK(fit.temperature == Approx(expected).epsilon(1e-12));
      } else {
        CHECK(fit.at_limit);  // z and logit(y) of opposite signs: T would have to be negative
      }
    }
  }
}

TEST_CASE("at the fit the mean cross-entropy is flat: a central difference ≈ 0", "[temperature]") {
  const Overconfident model;
  const ModelData data = classes_of(model.logits, 3, model.labels);
  const auto fit = fit_temperature(data);
  REQUIRE_FALSE(fit.at_limit);
  CHECK(fit.temperature > 1.0);
  const auto slope_at = [&](double t) {
    return lossplay::test::central_difference([&](double s) { return mean_ce(data, 1.0 / s); },
                                              1.0 / t);
  };
  // The slope in s = 1/T is 0 at the fit, and of a clear size either side of it.
  CHECK(std::fabs(slope_at(fit.temperature)) < 1e-8);
  CHECK(slope_at(fit.temperature * 1.1) < -1e-3);
  CHECK(slope_at(fit.temperature / 1.1) > 1e-3);
  CHECK(fit.mean_cross_entropy_after < fit.mean_cross_entropy_before);
  CHECK(fit.mean_cross_entropy_after <= mean_ce(data, fit.temperature * (1 + 1e-6)));
  CHECK(fit.mean_cross_entropy_after <= mean_ce(data, fit.temperature * (1 - 1e-6)));
  // The reported losses are scoreExamples' at T = 1 and at the fit, to the bit.
  CHECK(fit.mean_cross_entropy_before == mean_ce(data, 1.0));
  CHECK(fit.mean_cross_entropy_after == mean_ce(data, fit.temperature));
}

TEST_CASE("separable data wants T → 0: the fit stops at 1e−3, at its limit", "[temperature]") {
  const auto binary = fit_temperature(classes_of({2.0, -1.0, 0.5, -4.0}, 1, {1, 0, 1, 0}));
  CHECK(binary.at_limit);
  CHECK(binary.temperature == 1e-3);
  CHECK(binary.mean_cross_entropy_after < binary.mean_cross_entropy_before);
  const auto softmax =
      fit_temperature(classes_of({3.0, 0.0, -1.0, 0.0, 2.0, 1.0, -1e6, 1e6, 0.0}, 3, {0, 1, 1}));
  CHECK(softmax.at_limit);
  CHECK(softmax.temperature == 1e-3);
  // Already saturated at T = 1 (gaps of 1e3): every slope underflows to 0, still separable.
  const auto saturated = fit_temperature(classes_of({1e3, -1e3}, 1, {1, 0}));
  CHECK(saturated.at_limit);
  CHECK(saturated.temperature == 1e-3);
  CHECK(saturated.mean_cross_entropy_before == 0.0);
}

TEST_CASE("every example wrong wants T → ∞: the fit stops at 1e3", "[temperature]") {
  const auto fit = fit_temperature(classes_of({2.0, -1.0, 3.0}, 1, {0, 1, 0}));
  CHECK(fit.at_limit);
  CHECK(fit.temperature == 1e3);
  // One wrong logit of 1e6 among right ones: the optimum s = ln 2 / 1e6 is below 1e−3.
  const auto extreme = fit_temperature(classes_of({1e6, -1e6, 1e6}, 1, {1, 0, 0}));
  CHECK(extreme.at_limit);
  CHECK(extreme.temperature == 1e3);
  CHECK(std::isfinite(extreme.mean_cross_entropy_before));
  CHECK(extreme.mean_cross_entropy_before == Approx(1e6 / 3).epsilon(1e-15));
}

TEST_CASE("all-zero (or row-constant) logits: nothing depends on T, T = 1", "[temperature]") {
  const auto binary = fit_temperature(classes_of({0.0, 0.0, 0.0}, 1, {1, 0, 1}));
  CHECK(binary.temperature == 1.0);
  CHECK_FALSE(binary.at_limit);
  CHECK(binary.mean_cross_entropy_before == Approx(std::log(2.0)).epsilon(1e-15));
  CHECK(binary.mean_cross_entropy_after == binary.mean_cross_entropy_before);
  const auto ties = fit_temperature(classes_of({5.0, 5.0, 5.0, -2.0, -2.0, -2.0}, 3, {0, 2}));
  CHECK(ties.temperature == 1.0);
  CHECK_FALSE(ties.at_limit);
  CHECK(ties.mean_cross_entropy_after == Approx(std::log(3.0)).epsilon(1e-15));
}

TEST_CASE("in steps: the same fit, one pass a step, few passes", "[temperature]") {
  const Overconfident model;
  const ModelData data = classes_of(model.logits, 3, model.labels);
  lossplay::TemperatureFit stepped(data);
  CHECK_FALSE(stepped.done());
  std::size_t steps = 0;
  while (!stepped.step()) {
    ++steps;
    CHECK(stepped.passes() == steps);
  }
  CHECK(stepped.done());
  CHECK(stepped.step());  // a finished fit stays finished
  CHECK(stepped.passes() <= 12);
  const auto one_call = fit_temperature(data);
  CHECK(stepped.result().temperature == one_call.temperature);
  CHECK(stepped.result().mean_cross_entropy_after == one_call.mean_cross_entropy_after);
}
