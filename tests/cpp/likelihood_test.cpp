// Losses as negative log-likelihoods: NLLs against 40-digit mpmath values of −(1/n) Σ ln f(x_i)
// written from the textbook densities, the loss relations against their closed forms, the
// maximum-likelihood locations against the mean, the median and logit(k/n), and slopes by
// central differences.
//
// mpmath (mp.dps = 40), data 1, 2, 2.5, 4, 9 and labels 1, 1, 0, 1, 1, 1, 0, 1:
//   gauss(μ, σ)  = −mean(log(exp(−(x − μ)²/(2σ²)) / (σ·sqrt(2π))))
//   laplace(μ, b) = −mean(log(exp(−|x − μ|/b) / (2b)))
//   bernoulli(z) = −mean(log(p) if y == 1 else log(1 − p)), p = 1/(1 + exp(−z))
#include "core/likelihood.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "finite_difference.hpp"

namespace {

using lossplay::Distribution;
using lossplay::LikelihoodModel;

const std::vector<double> kData{1.0, 2.0, 2.5, 4.0, 9.0};
const std::vector<double> kLabels{1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0};

double mean_nll(Distribution distribution, const std::vector<double>& data, double location,
                double scale) {
  return lossplay::likelihood_point({distribution, location, scale}, data).mean_nll;
}

}  // namespace

TEST_CASE("mean NLLs match mpmath", "[likelihood]") {
  CHECK(mean_nll(Distribution::gaussian, kData, 3.0, 2.0) ==
        Approx(2.668335713764618051197561857863794207937).epsilon(1e-15));
  CHECK(mean_nll(Distribution::gaussian, kData, 3.7, 2.0) ==
        Approx(2.607085713764618051197561857863794207937).epsilon(1e-15));
  CHECK(mean_nll(Distribution::laplace, kData, 2.5, 2.0) ==
        Approx(2.386294361119890618834464242916353136151).epsilon(1e-15));
  CHECK(mean_nll(Distribution::laplace, kData, 3.0, 2.0) ==
        Approx(2.436294361119890618834464242916353136151).epsilon(1e-15));
  CHECK(mean_nll(Distribution::bernoulli, kLabels, 0.4, 1.0) ==
        Approx(0.6130152523999526236683719508459124932686).epsilon(1e-15));
  const auto point = lossplay::likelihood_point({Distribution::gaussian, 3.0, 2.0}, kData);
  CHECK(point.total_nll == Approx(5.0 * 2.668335713764618051197561857863794207937).epsilon(1e-15));
}

TEST_CASE("Bernoulli tails: computed from the logit, nothing rounds to 0 or 1", "[likelihood]") {
  const std::vector<double> one{1.0};
  const std::vector<double> zero{0.0};
  // mpmath: log(1 + exp(−40)) = 4.2483542552915889863e−18; log(1 + exp(40)) = 40 + that.
  CHECK(mean_nll(Distribution::bernoulli, one, 40.0, 1.0) ==
        Approx(4.2483542552915889863e-18).epsilon(1e-14));
  CHECK(mean_nll(Distribution::bernoulli, one, -40.0, 1.0) == 40.0);
  CHECK(mean_nll(Distribution::bernoulli, zero, -40.0, 1.0) ==
        Approx(4.2483542552915889863e-18).epsilon(1e-14));
  // σ(−40) = 4.2483542552915889773e−18 (mpmath): the pmf of the unlikely outcome.
  CHECK(lossplay::density({Distribution::bernoulli, 40.0, 1.0}, 0.0) ==
        Approx(4.2483542552915889773e-18).epsilon(1e-14));
  CHECK(mean_nll(Distribution::bernoulli, one, -1e6, 1.0) == 1e6);
}

TEST_CASE("NLL = scale · loss + constant, with the closed-form scale and constant",
          "[likelihood]") {
  const double half_log_two_pi = 0.5 * std::log(2.0 * std::numbers::pi);
  for (const double scale : {0.001, 0.5, 2.0, 7.25, 1e6}) {
    INFO("scale = " << scale);
    const auto gauss = lossplay::likelihood_point({Distribution::gaussian, 3.0, scale}, kData);
    // MSE at μ = 3: (4 + 1 + 0.25 + 1 + 36)/5 = 8.45; MAE at μ = 3: (2 + 1 + 0.5 + 1 + 6)/5 = 2.1.
    CHECK(gauss.loss == Approx(8.45).epsilon(1e-15));
    CHECK(gauss.loss_scale == Approx(1.0 / (2.0 * scale * scale)).epsilon(1e-15));
    CHECK(gauss.offset == Approx(0.5 * std::log(2.0 * std::numbers::pi * scale * scale))
                              .epsilon(1e-14)
                              .margin(1e-15));
    CHECK(gauss.mean_nll == Approx(gauss.mapped_loss).epsilon(1e-14));
    const auto laplace = lossplay::likelihood_point({Distribution::laplace, 3.0, scale}, kData);
    CHECK(laplace.loss == Approx(2.1).epsilon(1e-15));
    CHECK(laplace.loss_scale == Approx(1.0 / scale).epsilon(1e-15));
    CHECK(laplace.offset == Approx(std::log(2.0 * scale)).epsilon(1e-15).margin(1e-15));
    CHECK(laplace.mean_nll == Approx(laplace.mapped_loss).epsilon(1e-14));
  }
  CHECK(lossplay::loss_relation(Distribution::gaussian, 1.0).offset == Approx(half_log_two_pi));
  for (double z = -30.0; z <= 30.0; z += 1.5) {
    const auto bern = lossplay::likelihood_point({Distribution::bernoulli, z, 1.0}, kLabels);
    CHECK(bern.loss_scale == 1.0);
    CHECK(bern.offset == 0.0);
    CHECK(bern.mean_nll == Approx(bern.loss).epsilon(1e-15));
  }
}

TEST_CASE("maximum likelihood: mean, median, logit of the fraction of ones", "[likelihood]") {
  for (const double scale : {0.01, 2.0, 300.0}) {
    INFO("scale = " << scale);
    const auto gauss = lossplay::fit_likelihood(Distribution::gaussian, kData, scale);
    CHECK(gauss.best == Approx(3.7).epsilon(1e-15));
    CHECK(gauss.low == gauss.best);
    CHECK(gauss.attained);
    const auto laplace = lossplay::fit_likelihood(Distribution::laplace, kData, scale);
    CHECK(laplace.best == 2.5);
    CHECK(laplace.low == 2.5);
    CHECK(laplace.high == 2.5);
  }
  CHECK(lossplay::fit_likelihood(Distribution::gaussian, kData, 2.0).least_mean_nll ==
        Approx(2.607085713764618051197561857863794207937).epsilon(1e-15));
  const std::vector<double> even{9.0, 1.0, 4.0, 2.0};
  const auto interval = lossplay::fit_likelihood(Distribution::laplace, even, 1.0);
  CHECK(interval.low == 2.0);
  CHECK(interval.high == 4.0);
  CHECK(interval.best == 3.0);
  // Every point of [2, 4] has the same sum of absolute deviations, (9 − 1) + (4 − 2) = 10.
  for (const double mu : {2.0, 2.5, 3.9, 4.0}) {
    CHECK(lossplay::likelihood_point({Distribution::laplace, mu, 1.0}, even).loss == 2.5);
  }
  const auto bern = lossplay::fit_likelihood(Distribution::bernoulli, kLabels, 1.0);
  CHECK(bern.ones == 6);
  CHECK(bern.zeros == 2);
  CHECK(bern.share_of_ones == 0.75);
  CHECK(bern.share_of_zeros == 0.25);
  CHECK(bern.best == Approx(std::log(3.0)).epsilon(1e-15));  // logit(6/8)
  // mpmath: the entropy of 0.75, −(0.75 ln 0.75 + 0.25 ln 0.25).
  CHECK(bern.least_mean_nll == Approx(0.5623351446188083502880303152244588576654).epsilon(1e-15));
}

TEST_CASE("all labels agree: the best logit is infinite and the NLL only approaches 0",
          "[likelihood]") {
  const std::vector<double> ones(5, 1.0);
  const auto up = lossplay::fit_likelihood(Distribution::bernoulli, ones, 1.0);
  CHECK_FALSE(up.attained);
  CHECK(up.best == INFINITY);
  CHECK(up.least_mean_nll == 0.0);
  CHECK(up.ones == 5);
  CHECK(up.share_of_ones == 1.0);
  const std::vector<double> zeros(3, 0.0);
  CHECK(lossplay::fit_likelihood(Distribution::bernoulli, zeros, 1.0).best == -INFINITY);
  double previous = INFINITY;
  for (double z = 0.0; z <= 40.0; z += 5.0) {
    const double nll = mean_nll(Distribution::bernoulli, ones, z, 1.0);
    CHECK(nll > 0.0);
    CHECK(nll < previous);
    previous = nll;
  }
}

TEST_CASE("slopes: the NLL's is the scale times the loss's, zero at the best location",
          "[likelihood]") {
  using lossplay::test::central_difference;
  for (const double mu : {-1.0, 1.7, 3.7, 6.2}) {
    const auto nll = [](double m) { return mean_nll(Distribution::gaussian, kData, m, 1.5); };
    const auto mse = [](double m) {
      return lossplay::likelihood_point({Distribution::gaussian, m, 1.5}, kData).loss;
    };
    // d/dμ of MSE is 2(μ − mean) in closed form.
    CHECK(central_difference(mse, mu) == Approx(2.0 * (mu - 3.7)).margin(1e-8));
    CHECK(central_difference(nll, mu) ==
          Approx(central_difference(mse, mu) / (2.0 * 1.5 * 1.5)).margin(1e-8));
  }
  const auto bern = [](double z) { return mean_nll(Distribution::bernoulli, kLabels, z, 1.0); };
  // d/dz mean NLL = σ(z) − k/n in closed form.
  for (const double z : {-3.0, 0.0, 2.5}) {
    CHECK(central_difference(bern, z) == Approx(1.0 / (1.0 + std::exp(-z)) - 0.75).margin(1e-8));
  }
  CHECK(central_difference(bern, std::log(3.0)) == Approx(0.0).margin(1e-9));
  // Laplace at the median: the slope is −1/(nb) just left and +1/(nb) just right of 2.5.
  const auto lap = [](double m) { return mean_nll(Distribution::laplace, kData, m, 2.0); };
  CHECK((lap(2.5) - lap(2.5 - 1e-4)) / 1e-4 == Approx(-0.1).epsilon(1e-9));
  CHECK((lap(2.5 + 1e-4) - lap(2.5)) / 1e-4 == Approx(0.1).epsilon(1e-9));
}

TEST_CASE("densities: peaks, integrals, and the NLL is −ln of the density", "[likelihood]") {
  const LikelihoodModel gauss{Distribution::gaussian, 3.0, 2.0};
  const LikelihoodModel laplace{Distribution::laplace, 3.0, 2.0};
  CHECK(lossplay::density(gauss, 3.0) ==
        Approx(1.0 / (2.0 * std::sqrt(2.0 * std::numbers::pi))).epsilon(1e-15));
  CHECK(lossplay::density(laplace, 3.0) == Approx(0.25).epsilon(1e-15));
  CHECK(lossplay::density(laplace, 7.0) == Approx(0.25 * std::exp(-2.0)).epsilon(1e-15));
  for (const auto& model : {gauss, laplace}) {
    // Trapezoid rule over ±60 (30σ, 30b): the tails beyond are below 1e−13.
    const std::size_t n = 60'001;
    std::vector<double> x(n), f(n);
    lossplay::sample_density(model, -57.0, 63.0, {x, f});
    double area = 0.0;
    for (std::size_t k = 1; k < n; ++k) {
      area += 0.5 * (f[k] + f[k - 1]) * (x[k] - x[k - 1]);
    }
    CHECK(area == Approx(1.0).epsilon(1e-6));
    CHECK(x.front() == -57.0);
    CHECK(x.back() == 63.0);
    for (const double datum : kData) {
      CHECK(lossplay::negative_log_density(model, datum) ==
            Approx(-std::log(lossplay::density(model, datum))).epsilon(1e-14));
    }
  }
  const LikelihoodModel bern{Distribution::bernoulli, std::log(3.0), 1.0};
  std::vector<double> x(3), f(3);
  lossplay::sample_density(bern, 0.0, 1.0, {std::span(x).first(2), std::span(f).first(2)});
  CHECK(f[0] == Approx(0.25).epsilon(1e-15));
  CHECK(f[1] == Approx(0.75).epsilon(1e-15));
  CHECK(lossplay::density(bern, 0.5) == 0.0);
}

TEST_CASE("the curves sample the point function, and their lowest point is the fit",
          "[likelihood]") {
  const std::size_t n = 1001;
  std::vector<double> location(n), nll(n), loss(n), mapped(n);
  lossplay::sample_likelihood_curve(Distribution::gaussian, kData, 2.0, -1.0, 11.0,
                                    {location, nll, loss, mapped});
  CHECK(location.front() == -1.0);
  CHECK(location.back() == 11.0);
  std::size_t lowest = 0;
  for (std::size_t k = 0; k < n; ++k) {
    CHECK(mapped[k] == Approx(nll[k]).epsilon(1e-14));
    CHECK(nll[k] == mean_nll(Distribution::gaussian, kData, location[k], 2.0));
    if (nll[k] < nll[lowest]) {
      lowest = k;
    }
  }
  CHECK(location[lowest] == Approx(3.7).margin(0.012 / 2 + 1e-12));  // within half a step
}

TEST_CASE("likelihood argument checks", "[likelihood][checks]") {
  using lossplay::check_likelihood_data;
  CHECK(check_likelihood_data(Distribution::gaussian, std::vector<double>{})->message ==
        "data must have between 1 and 10000 entries, got 0");
  CHECK(check_likelihood_data(Distribution::laplace, std::vector<double>{1.0, 2e6})->message ==
        "data[1] must be a number in [-1e6, 1e6], got 2000000");
  CHECK(check_likelihood_data(Distribution::bernoulli, std::vector<double>{1.0, 0.5})->message ==
        "data[1] must be 0 or 1 for the Bernoulli distribution, got 0.5");
  CHECK(check_likelihood_data(Distribution::gaussian, std::vector<double>{NAN})->message ==
        "data[0] must be a number in [-1e6, 1e6], got NaN");
  CHECK_FALSE(check_likelihood_data(Distribution::bernoulli, kLabels));
  CHECK(lossplay::check_likelihood_model({Distribution::gaussian, 1.0, 0.0})->message ==
        "scale must be a number in [0.001, 1e6], got 0");
  CHECK(lossplay::check_likelihood_model({Distribution::bernoulli, -2e6, 1.0})->message ==
        "location must be a number in [-1e6, 1e6], got -2000000");
  CHECK(lossplay::check_likelihood_curve_args(2.0, 1.0, 10.0, 3)->message ==
        "lo must be below hi, got 2 and 1");
  CHECK(lossplay::check_likelihood_curve_args(0.0, 3e6, 10.0, 3)->message ==
        "hi must be a number in [-1e6, 1e6], got 3000000");
  CHECK(lossplay::check_likelihood_curve_args(0.0, 1.0, 1.0, 3)->message ==
        "n must be an integer in [2, 100000], got 1");
  // One curve's work is bounded: n × data at most 10^8.
  CHECK_FALSE(lossplay::check_likelihood_curve_args(0.0, 1.0, 10'000.0, 10'000));
  CHECK(lossplay::check_likelihood_curve_args(0.0, 1.0, 10'001.0, 10'000)->message ==
        "n must be at most 10000 for 10000 data (n × data at most 1e8), got 10001");
  CHECK(lossplay::check_density_grid_args(0.0, INFINITY, 10.0)->message ==
        "xMax must be a number in [-1e150, 1e150], got Infinity");
  CHECK_FALSE(lossplay::check_density_grid_args(-1e150, 1e150, 2.0));
  CHECK(lossplay::parse_distribution("laplace") == Distribution::laplace);
  CHECK_FALSE(lossplay::parse_distribution("Laplace"));
}
