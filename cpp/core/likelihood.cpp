// Negative log-likelihoods of Bernoulli, Gaussian and Laplace models, the matching losses, the
// maximum-likelihood location and the curves the likelihood panel draws.
#include "core/likelihood.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/binary_losses.hpp"

namespace lossplay {
namespace {

// Value k of n evenly spaced points from lo to hi inclusive (the ends exactly).
double grid_point(double lo, double hi, std::size_t k, std::size_t n) {
  const double s = static_cast<double>(k) / static_cast<double>(n - 1);
  return (1.0 - s) * lo + s * hi;
}

// The per-datum loss the NLL is an affine function of: CE, squared or absolute error. CE comes
// from binary_losses, a separate code path from negative_log_density's softplus form.
double pointwise_loss(const LikelihoodModel& model, double x) {
  const double d = x - model.location;
  switch (model.distribution) {
    case Distribution::bernoulli:
      return binary_losses(model.location, x).ce;
    case Distribution::gaussian:
      return d * d;
    case Distribution::laplace:
      return std::fabs(d);
  }
  return 0.0;
}

// Grid ends of the density: anywhere a double stays far from overflow in (x − μ)².
constexpr NumberLimit kGridBound{"x", "x", -kMaxEntryMagnitude, kMaxEntryMagnitude};

// The Bernoulli fit: z = ln k − ln(n − k); ±∞ when all n labels agree (k = 0 or k = n), where
// the NLL only approaches its infimum 0 as z runs off to infinity.
LikelihoodFit fit_bernoulli(std::span<const double> labels) {
  const auto n = labels.size();
  const auto ones = static_cast<std::size_t>(std::count(labels.begin(), labels.end(), 1.0));
  const double share = static_cast<double>(ones) / static_cast<double>(n);
  const double zeros = static_cast<double>(n - ones) / static_cast<double>(n);
  if (ones == 0 || ones == n) {
    const double edge = ones == 0 ? -std::numeric_limits<double>::infinity()
                                  : std::numeric_limits<double>::infinity();
    return {edge, edge, edge, false, 0.0, ones, n - ones, share, zeros};
  }
  const double best = std::log(static_cast<double>(ones)) - std::log(static_cast<double>(n - ones));
  const double least = likelihood_point({Distribution::bernoulli, best, 1.0}, labels).mean_nll;
  return {best, best, best, true, least, ones, n - ones, share, zeros};
}

// The middle value, or the middle two of an even count (every point between them minimises the
// sum of absolute deviations).
std::pair<double, double> middle_values(std::span<const double> data) {
  std::vector<double> sorted(data.begin(), data.end());
  std::sort(sorted.begin(), sorted.end());
  const std::size_t middle = sorted.size() / 2;
  if (sorted.size() % 2 == 1) {
    return {sorted[middle], sorted[middle]};
  }
  return {sorted[middle - 1], sorted[middle]};
}

}  // namespace

std::optional<Distribution> parse_distribution(std::string_view name) {
  const auto* found = std::find(kDistributionNames.begin(), kDistributionNames.end(), name);
  if (found == kDistributionNames.end()) {
    return std::nullopt;
  }
  return static_cast<Distribution>(found - kDistributionNames.begin());
}

ArgumentCheck check_likelihood_data(Distribution distribution, std::span<const double> data) {
  if (data.empty() || data.size() > kMaxLikelihoodData) {
    return ArgumentError{ErrorKind::range, "data must have between 1 and " +
                                               std::to_string(kMaxLikelihoodData) +
                                               " entries, got " + std::to_string(data.size())};
  }
  for (std::size_t i = 0; i < data.size(); ++i) {
    const std::string name = "data[" + std::to_string(i) + "]";
    if (distribution != Distribution::bernoulli) {
      if (auto failure = check_limit(name, kLikelihoodValue, data[i])) {
        return failure;
      }
    } else if (data[i] != 0.0 && data[i] != 1.0) {
      return ArgumentError{ErrorKind::range, name +
                                                 " must be 0 or 1 for the Bernoulli "
                                                 "distribution, got " +
                                                 format_number(data[i])};
    }
  }
  return std::nullopt;
}

ArgumentCheck check_likelihood_model(const LikelihoodModel& model) {
  return first_failure(check_limit(kLikelihoodLocation, model.location),
                       check_limit(kLikelihoodScale, model.scale));
}

ArgumentCheck check_likelihood_curve_args(double lo, double hi, double n, std::size_t data_count) {
  if (auto failure = first_failure(check_interval("lo", "hi", lo, hi, kLikelihoodLocation),
                                   check_limit(kLikelihoodCurvePoints, n))) {
    return failure;
  }
  const double most = std::floor(kLikelihoodCurveWork / static_cast<double>(data_count));
  if (n > most) {
    return ArgumentError{ErrorKind::range, "n must be at most " + format_number(most) + " for " +
                                               std::to_string(data_count) +
                                               " data (n × data at most " +
                                               format_power_of_ten(kLikelihoodCurveWork) +
                                               "), got " + format_number(n)};
  }
  return std::nullopt;
}

ArgumentCheck check_density_grid_args(double x_min, double x_max, double n) {
  return first_failure(check_interval("xMin", "xMax", x_min, x_max, kGridBound),
                       check_limit(kLikelihoodCurvePoints, n));
}

LossRelation loss_relation(Distribution distribution, double scale) {
  switch (distribution) {
    case Distribution::bernoulli:
      return {1.0, 0.0};
    case Distribution::gaussian:
      // ½ ln(2πσ²) = ln σ + ½ ln 2π: no σ² that could overflow or underflow.
      return {0.5 / (scale * scale), std::log(scale) + 0.5 * std::log(2.0 * std::numbers::pi)};
    case Distribution::laplace:
      return {1.0 / scale, std::log(2.0 * scale)};
  }
  return {1.0, 0.0};
}

double negative_log_density(const LikelihoodModel& model, double x) {
  const double d = x - model.location;
  switch (model.distribution) {
    case Distribution::bernoulli:
      // −ln σ(z) = softplus(−z) for y = 1; −ln σ(−z) = softplus(z) for y = 0.
      return x == 1.0 ? softplus(-model.location) : softplus(model.location);
    case Distribution::gaussian: {
      const double u = d / model.scale;
      return 0.5 * u * u + std::log(model.scale) + 0.5 * std::log(2.0 * std::numbers::pi);
    }
    case Distribution::laplace:
      return std::fabs(d) / model.scale + std::log(2.0 * model.scale);
  }
  return 0.0;
}

double density(const LikelihoodModel& model, double x) {
  if (model.distribution == Distribution::bernoulli) {
    // σ(±z) directly: relative-accurate in both tails, where exp(−softplus) would not be.
    return x == 1.0 ? sigmoid(model.location) : x == 0.0 ? sigmoid(-model.location) : 0.0;
  }
  return std::exp(-negative_log_density(model, x));
}

LikelihoodPoint likelihood_point(const LikelihoodModel& model, std::span<const double> data) {
  double total = 0.0;
  double loss = 0.0;
  for (const double x : data) {
    total += negative_log_density(model, x);
    loss += pointwise_loss(model, x);
  }
  const double n = static_cast<double>(data.size());
  const auto relation = loss_relation(model.distribution, model.scale);
  const double mean_loss = loss / n;
  return {total,           total / n,
          mean_loss,       relation.loss_scale,
          relation.offset, relation.loss_scale * mean_loss + relation.offset};
}

LikelihoodFit fit_likelihood(Distribution distribution, std::span<const double> data,
                             double scale) {
  if (distribution == Distribution::bernoulli) {
    return fit_bernoulli(data);
  }
  double best = 0.0;
  double low = 0.0;
  double high = 0.0;
  if (distribution == Distribution::gaussian) {
    double sum = 0.0;
    for (const double x : data) {
      sum += x;
    }
    best = low = high = sum / static_cast<double>(data.size());
  } else {
    std::tie(low, high) = middle_values(data);
    best = 0.5 * low + 0.5 * high;
  }
  const double least = likelihood_point({distribution, best, scale}, data).mean_nll;
  return {best, low, high, true, least, 0, 0, 0.0, 0.0};
}

void sample_likelihood_curve(Distribution distribution, std::span<const double> data, double scale,
                             double lo, double hi, const LikelihoodCurveSpans& out) {
  const std::size_t n = out.location.size();
  for (std::size_t k = 0; k < n; ++k) {
    const double location = grid_point(lo, hi, k, n);
    const auto point = likelihood_point({distribution, location, scale}, data);
    out.location[k] = location;
    out.mean_nll[k] = point.mean_nll;
    out.loss[k] = point.loss;
    out.mapped_loss[k] = point.mapped_loss;
  }
}

void sample_density(const LikelihoodModel& model, double x_min, double x_max,
                    const DensitySpans& out) {
  const std::size_t n = out.x.size();
  for (std::size_t k = 0; k < n; ++k) {
    out.x[k] = grid_point(x_min, x_max, k, n);
    out.density[k] = density(model, out.x[k]);
  }
}

}  // namespace lossplay
