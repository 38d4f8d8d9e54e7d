// Next-token cross-entropy against closed forms (uniform logits, two-word vocabularies),
// 50-digit mpmath values, central differences for the gradient, and the argument checks.
#include "core/token_sequence.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "finite_difference.hpp"

using lossplay::token_sequence_losses;

namespace {

std::vector<double> as_doubles(const std::vector<std::size_t>& values) {
  return {values.begin(), values.end()};
}

bool accepted(const std::vector<double>& logits, const std::vector<std::size_t>& targets,
              double position) {
  return !lossplay::check_token_sequence_args(logits, as_doubles(targets), position).has_value();
}

std::string message_of(const std::vector<double>& logits, const std::vector<double>& targets,
                       double position) {
  auto failure = lossplay::check_token_sequence_args(logits, targets, position);
  REQUIRE(failure.has_value());
  CHECK(failure->kind == lossplay::ErrorKind::range);
  return failure->message;
}

}  // namespace

TEST_CASE("uniform logits: every loss is ln V and the perplexity is V", "[tokens]") {
  // softmax of equal logits is 1/V whatever their value, so −ln p = ln V and e^{ln V} = V.
  for (const std::size_t vocabulary : {2U, 7U, 50U, 4096U}) {
    for (const double level : {-100.0, -3.5, 0.0, 42.0, 100.0}) {
      INFO("V = " << vocabulary << ", logits all " << level);
      const std::vector<std::size_t> targets{0, vocabulary - 1, vocabulary / 2, 1, 0};
      const std::vector<double> logits(targets.size() * vocabulary, level);
      REQUIRE(accepted(logits, targets, 4.0));
      const auto out = token_sequence_losses(logits, targets, 4);
      const double log_v = std::log(static_cast<double>(vocabulary));
      for (const double loss : out.losses) {
        CHECK(loss == Approx(log_v).epsilon(1e-15));
      }
      CHECK(out.mean_loss == Approx(log_v).epsilon(1e-15));
      CHECK(out.perplexity == Approx(static_cast<double>(vocabulary)).epsilon(1e-14));
      CHECK(out.perplexity_without == Approx(static_cast<double>(vocabulary)).epsilon(1e-14));
      CHECK(out.perplexity_factor == Approx(1.0).epsilon(1e-15));
      CHECK(out.contribution == Approx(log_v / 5.0).epsilon(1e-15));
      for (const double p : out.probs) {
        CHECK(p == Approx(1.0 / static_cast<double>(vocabulary)).epsilon(1e-15));
      }
    }
  }
}

TEST_CASE("a two-word vocabulary gives softplus of the logit gap", "[tokens]") {
  // With V = 2, −ln p(t) = ln(1 + e^{z_other − z_t}) = softplus(d), written here with log1p.
  const auto softplus = [](double d) {
    return std::fmax(d, 0.0) + std::log1p(std::exp(-std::fabs(d)));
  };
  const std::vector<double> logits{3.0, -1.0, 0.5, 0.5, -100.0, 100.0, 7.25, -2.0};
  const std::vector<std::size_t> targets{0, 1, 0, 1};
  const std::vector<double> gaps{-4.0, 0.0, 200.0, 9.25};  // z_other − z_t per position
  for (std::size_t c = 0; c < targets.size(); ++c) {
    const auto out = token_sequence_losses(logits, targets, c);
    for (std::size_t n = 0; n < gaps.size(); ++n) {
      CHECK(out.losses[n] == Approx(softplus(gaps[n])).epsilon(1e-15));
    }
  }
  // A confidently wrong position: e^{−200} vanishes beside 1, so the loss is exactly 200.
  CHECK(token_sequence_losses(logits, targets, 2).losses[2] == 200.0);
}

TEST_CASE("losses, mean and perplexity match 50-digit mpmath values", "[tokens]") {
  // mpmath 1.3.0, mp.dps = 50, from the textbook definitions: p = e^{z_i} / Σ_j e^{z_j} per
  // row, loss_n = −log p[t_n], mean = (Σ loss_n) / 3, perplexity = exp(mean); "without" is
  // the mean of positions 0 and 1, and the factor exp(mean) / exp(without).
  const std::vector<double> logits{2.0, 0.5, -1.0, 0.25, 0.25, -3.0, 1.5, 0.0, -1.0, 4.0, 0.5, 2.0};
  const std::vector<std::size_t> targets{0, 2, 3};
  const auto out = token_sequence_losses(logits, targets, 2);
  const auto ref = [](const char* digits) { return std::strtod(digits, nullptr); };
  constexpr double kTolerance = 4e-15;
  CHECK(out.losses[0] == Approx(ref("0.3692789984482534295606686")).epsilon(kTolerance));
  CHECK(out.losses[1] == Approx(ref("0.4191996582429038451904226")).epsilon(kTolerance));
  CHECK(out.losses[2] == Approx(ref("2.158942563527355043752024")).epsilon(kTolerance));
  CHECK(out.mean_loss == Approx(ref("0.9824737400728374395010384")).epsilon(kTolerance));
  CHECK(out.perplexity == Approx(ref("2.671055573257256449498873")).epsilon(kTolerance));
  CHECK(out.mean_loss_without == Approx(ref("0.3942393283455786373755456")).epsilon(kTolerance));
  CHECK(out.perplexity_without == Approx(ref("1.483255491281944341318458")).epsilon(kTolerance));
  CHECK(out.perplexity_factor == Approx(ref("1.800806124741681035729491")).epsilon(kTolerance));
  const std::vector<const char*> probs{
      "0.005747774379552186043342384", "0.8530453534781921091335274",
      "0.02575973761560818401103406", "0.1154471345266475208120962"};
  for (std::size_t i = 0; i < probs.size(); ++i) {
    CHECK(out.probs[i] == Approx(ref(probs[i])).epsilon(kTolerance));
  }
  CHECK(out.contribution == Approx(out.losses[2] / 3.0).epsilon(1e-15));
}

TEST_CASE("the gradient is softmax minus one-hot and matches central differences",
          "[tokens][gradient]") {
  const std::vector<double> logits{0.3, -1.2, 2.0, 0.0, 4.0, 4.0, -4.0, 0.5, -2.0, 7.5, 1.0, 1.0};
  const std::vector<std::size_t> targets{2, 0, 1};
  constexpr std::size_t kVocabulary = 4;
  for (std::size_t c = 0; c < targets.size(); ++c) {
    INFO("position " << c);
    const auto out = token_sequence_losses(logits, targets, c);
    const auto loss_of_row = [&](const std::vector<double>& row) {
      std::vector<double> shifted = logits;
      std::copy(row.begin(), row.end(),
                shifted.begin() + static_cast<std::ptrdiff_t>(c * kVocabulary));
      return token_sequence_losses(shifted, targets, c).losses[c];
    };
    const std::vector<double> row(
        logits.begin() + static_cast<std::ptrdiff_t>(c * kVocabulary),
        logits.begin() + static_cast<std::ptrdiff_t>((c + 1) * kVocabulary));
    const auto numeric = lossplay::test::central_gradient(loss_of_row, row);
    double sum = 0.0;
    for (std::size_t j = 0; j < kVocabulary; ++j) {
      INFO("word " << j);
      CHECK(out.dloss_dlogits[j] == Approx(numeric[j]).margin(1e-9));
      const double one_hot = j == targets[c] ? 1.0 : 0.0;
      CHECK(out.dloss_dlogits[j] == Approx(out.probs[j] - one_hot).margin(1e-16));
      sum += out.dloss_dlogits[j];
    }
    CHECK(sum == Approx(0.0).margin(1e-15));
  }
}

TEST_CASE("a confidently wrong position dominates the mean and multiplies perplexity", "[tokens]") {
  // Four positions at the uniform loss ln 3; the fifth puts logit 10 on a wrong word.
  std::vector<double> logits(15, 0.0);
  logits[13] = 10.0;  // position 4, word 1; its true word is 0
  const std::vector<std::size_t> targets{0, 1, 2, 0, 0};
  const auto out = token_sequence_losses(logits, targets, 4);
  const double wrong = std::log(2.0 + std::exp(10.0));  // −ln(1 / (1 + e^10 + 1))
  CHECK(out.losses[4] == Approx(wrong).epsilon(1e-15));
  CHECK(out.contribution == Approx(wrong / 5.0).epsilon(1e-15));
  CHECK(out.mean_loss_without == Approx(std::log(3.0)).epsilon(1e-15));
  CHECK(out.perplexity_without == Approx(3.0).epsilon(1e-14));
  CHECK(out.mean_loss == Approx((4.0 * std::log(3.0) + wrong) / 5.0).epsilon(1e-15));
  CHECK(out.perplexity_factor == Approx(std::exp((wrong - std::log(3.0)) / 5.0)).epsilon(1e-14));
  CHECK(out.perplexity == Approx(out.perplexity_without * out.perplexity_factor).epsilon(1e-14));
}

TEST_CASE("adding a constant to one position's logits changes nothing", "[tokens]") {
  const std::vector<double> logits{1.0, -2.0, 0.5, 3.0, 0.0, -1.0};
  const std::vector<std::size_t> targets{2, 0};
  const auto base = token_sequence_losses(logits, targets, 0);
  std::vector<double> shifted = logits;
  for (std::size_t i = 0; i < 3; ++i) {
    shifted[i] += 60.0;
  }
  const auto moved = token_sequence_losses(shifted, targets, 0);
  CHECK(moved.losses[0] == Approx(base.losses[0]).epsilon(1e-13));
  CHECK(moved.perplexity == Approx(base.perplexity).epsilon(1e-13));
}

TEST_CASE("the largest logits keep every result finite", "[tokens]") {
  const std::size_t vocabulary = 4096;
  const std::vector<std::size_t> targets{0, 1};
  std::vector<double> logits(2 * vocabulary, -100.0);
  logits[1] = 100.0;               // position 0: a wrong word at +100, the true word at −100
  logits[vocabulary + 0] = 100.0;  // position 1: the same
  REQUIRE(accepted(logits, targets, 1.0));
  const auto out = token_sequence_losses(logits, targets, 1);
  CHECK(out.losses[0] == Approx(200.0).epsilon(1e-15));
  CHECK(std::isfinite(out.perplexity));
  CHECK(out.perplexity == Approx(std::exp(200.0)).epsilon(1e-13));
  CHECK(std::isfinite(out.perplexity_factor));
}

TEST_CASE("argument checks name the argument, its range and the value", "[tokens][checks]") {
  const std::vector<double> logits(10, 0.0);
  const std::vector<double> targets{0, 4};
  CHECK_FALSE(lossplay::check_token_sequence_args(logits, targets, 1.0));
  CHECK(message_of(logits, {0}, 0.0) == "targets.length must be an integer in [2, 4096], got 1");
  CHECK(message_of(std::vector<double>(9, 0.0), targets, 0.0) ==
        "logits must hold one row of V logits per position (targets.length = 2), V an integer "
        "in [2, 4096]: a multiple of 2 from 4 to 8192 entries, such as 14 for V = 7; got 9");
  CHECK(message_of(std::vector<double>(2, 0.0), targets, 0.0).starts_with("logits must hold"));
  std::vector<double> too_big = logits;
  too_big[7] = 100.5;
  CHECK(message_of(too_big, targets, 0.0) ==
        "logits[7] (position 1, word 2) must be a number in [-100, 100], got 100.5");
  too_big[7] = std::nan("");
  CHECK(message_of(too_big, targets, 0.0).ends_with("got NaN"));
  CHECK(message_of(logits, {0, 5}, 0.0) ==
        "targets[1] (a word index) must be an integer in [0, 4], got 5");
  CHECK(message_of(logits, {0.5, 1}, 0.0) ==
        "targets[0] (a word index) must be an integer in [0, 4], got 0.5");
  CHECK(message_of(logits, targets, 2.0) == "position must be an integer in [0, 1], got 2");
  CHECK(message_of(logits, targets, -1.0) == "position must be an integer in [0, 1], got -1");
}

TEST_CASE("the next-token limits are the documented numbers", "[tokens][limits]") {
  CHECK(lossplay::kTokenLogit.min == -100.0);
  CHECK(lossplay::kTokenLogit.max == 100.0);
  CHECK(lossplay::kTokenPositions.min == 2.0);
  CHECK(lossplay::kTokenPositions.max == 4096.0);
  CHECK(lossplay::kTokenPositions.integer);
  CHECK(lossplay::kVocabularySize.min == 2.0);
  CHECK(lossplay::kVocabularySize.max == 4096.0);
  // The bound that keeps perplexity finite: the largest loss, 200 + ln V, is far below the
  // log of the largest double.
  CHECK(2.0 * lossplay::kTokenLogit.max + std::log(lossplay::kVocabularySize.max) <
        std::log(std::numeric_limits<double>::max()));
}
