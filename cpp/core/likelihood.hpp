// Losses as negative log-likelihoods. Each common loss is, up to a positive scale and a
// constant, the negative log-likelihood (NLL) of the data under a noise model whose location is
// the prediction:
//
//   Bernoulli, p = σ(z), y ∈ {0, 1}:  −ln f(y) = y·softplus(−z) + (1 − y)·softplus(z)
//       mean NLL = mean cross-entropy, exactly                      (scale 1, constant 0)
//   Gaussian(μ, σ):  −ln f(x) = (x − μ)²/(2σ²) + ½ ln(2πσ²)
//       mean NLL = MSE/(2σ²) + ½ ln(2πσ²)
//   Laplace(μ, b):   −ln f(x) = |x − μ|/b + ln(2b)
//       mean NLL = MAE/b + ln(2b)
//
// The scale is positive and the constant does not depend on the location, so the NLL and the
// loss have the same minimiser whatever σ or b is: the mean (Gaussian), a median (Laplace) and
// the logit of the fraction of ones (Bernoulli). Bernoulli is parameterised by the logit z:
// p = σ(z) itself rounds to 1 in double from z ≈ 37 on (and 1 − p = σ(−z) underflows to 0
// from z ≈ 745 on), but each cost is softplus(∓z), worked out from z, so it keeps its digits
// and stays finite.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "core/argument_checks.hpp"

namespace lossplay {

enum class Distribution { bernoulli, gaussian, laplace };

// The distributions' names in the JS API and in URLs, in the enum's order.
inline constexpr std::array<std::string_view, 3> kDistributionNames{"bernoulli", "gaussian",
                                                                    "laplace"};

// The distribution a word names, or nothing for any other word (matching is exact).
[[nodiscard]] std::optional<Distribution> parse_distribution(std::string_view name);

struct LikelihoodModel {
  Distribution distribution;
  double location;  // μ, or the logit z for Bernoulli
  double scale;     // σ (Gaussian) or b (Laplace); not used by Bernoulli
};

// mean NLL = loss_scale · mean loss + offset.
struct LossRelation {
  double loss_scale;  // 1, 1/(2σ²), 1/b
  double offset;      // 0, ½ ln(2πσ²), ln(2b)
};

struct LikelihoodPoint {
  double total_nll;    // −Σ ln f(x_i), summed per datum from the density
  double mean_nll;     // total_nll / n
  double loss;         // the matching mean loss: CE, MSE or MAE
  double loss_scale;   // see LossRelation
  double offset;       // see LossRelation
  double mapped_loss;  // loss_scale · loss + offset, from the loss (equals mean_nll)
};

// The maximum-likelihood location.
struct LikelihoodFit {
  double best;            // mean; median (midpoint of the middle two when n is even); logit(k/n)
  double low;             // every location in [low, high] is a maximiser: the middle two of an even
  double high;            // Laplace sample; low == high == best otherwise
  bool attained;          // false when every Bernoulli label agrees: best is then ±∞
  double least_mean_nll;  // the mean NLL at best (its infimum 0 when not attained)
  std::size_t ones;       // Bernoulli: how many labels are 1 (0 otherwise)
  std::size_t zeros;      // Bernoulli: how many labels are 0 (0 otherwise)
  double share_of_ones;   // Bernoulli: ones / n, the maximum-likelihood p (0 otherwise)
  double share_of_zeros;  // Bernoulli: (n − ones) / n (0 otherwise)
};

struct LikelihoodCurveSpans {
  std::span<double> location, mean_nll, loss, mapped_loss;
};

struct DensitySpans {
  std::span<double> x, density;
};

// 1 to kMaxLikelihoodData entries; Gaussian and Laplace data in kLikelihoodValue, Bernoulli
// labels exactly 0 or 1.
[[nodiscard]] ArgumentCheck check_likelihood_data(Distribution distribution,
                                                  std::span<const double> data);
// Location in kLikelihoodLocation and scale in kLikelihoodScale (checked for Bernoulli too, so
// one rule covers every call).
[[nodiscard]] ArgumentCheck check_likelihood_model(const LikelihoodModel& model);
// lo < hi, both in kLikelihoodLocation; n an integer in kLikelihoodCurvePoints, and n × the
// number of data at most kLikelihoodCurveWork (the work of one curve).
[[nodiscard]] ArgumentCheck check_likelihood_curve_args(double lo, double hi, double n,
                                                        std::size_t data_count);
// x_min < x_max, both within ±kMaxEntryMagnitude; n an integer in kLikelihoodCurvePoints.
[[nodiscard]] ArgumentCheck check_density_grid_args(double x_min, double x_max, double n);

[[nodiscard]] LossRelation loss_relation(Distribution distribution, double scale);

// −ln f(x | model) for one datum. Precondition: the checks above pass.
[[nodiscard]] double negative_log_density(const LikelihoodModel& model, double x);

// f(x | model): the density (Gaussian, Laplace) or the pmf (Bernoulli: p at x = 1, 1 − p at
// x = 0, 0 anywhere else).
[[nodiscard]] double density(const LikelihoodModel& model, double x);

// Precondition: check_likelihood_data and check_likelihood_model pass.
[[nodiscard]] LikelihoodPoint likelihood_point(const LikelihoodModel& model,
                                               std::span<const double> data);

// Precondition: check_likelihood_data passes, scale in kLikelihoodScale.
[[nodiscard]] LikelihoodFit fit_likelihood(Distribution distribution, std::span<const double> data,
                                           double scale);

// Mean NLL, mean loss and loss_scale · loss + offset at n locations evenly spaced from lo to hi
// inclusive. Precondition: the checks pass, spans of length n.
void sample_likelihood_curve(Distribution distribution, std::span<const double> data, double scale,
                             double lo, double hi, const LikelihoodCurveSpans& out);

// f(x | model) at n points evenly spaced from x_min to x_max inclusive.
void sample_density(const LikelihoodModel& model, double x_min, double x_max,
                    const DensitySpans& out);

}  // namespace lossplay
