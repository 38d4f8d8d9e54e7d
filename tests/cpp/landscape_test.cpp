// The loss landscape of p = σ(w·x + b): the factored maps against the per-point sums written
// naively here and against mpmath where only the stable forms keep the digits; the analytic
// gradient and Hessian against central differences of the loss; CE's Hessian positive
// semi-definite everywhere, MSE's indefinite on the separable data's plateau; descent steps
// worked by hand; the argument checks.
//
// mpmath (mp.dps = 50), the textbook forms at that precision, p = 1/(1 + exp(−z)):
//   ce  = mean(−log(p) if y == 1 else −log(1 − p)),  mse = mean((p − y)²)
//   hess = mean(h·[x², x; x, 1]), h = p(1 − p) (CE) or 2p(1 − p)[p(1 − p) + (p − y)(1 − 2p)]
//   λ_min = (a + c)/2 − sqrt(((a − c)/2)² + b²)
#include "core/landscape.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "core/random.hpp"
#include "finite_difference.hpp"

namespace {

using lossplay::BinaryLoss;
using lossplay::LandscapeData;
using lossplay::LandscapeWindow;

// The panel's separable preset: one threshold separates the labels.
const std::vector<double> kSeparableX{-2.4, -1.9, -1.5, -1.1, -0.6, 0.5, 0.9, 1.4, 1.8, 2.3};
const std::vector<double> kSeparableY{0, 0, 0, 0, 0, 1, 1, 1, 1, 1};

// Four points, each on its right side for w, b > 0.
const std::vector<double> kMarginX{1.0, 2.0, -1.0, -3.0};
const std::vector<double> kMarginY{1.0, 1.0, 0.0, 0.0};

LandscapeData data_of(const std::vector<double>& x, const std::vector<double>& y) { return {x, y}; }

// A random problem for the property tests: 1 to `max_points` points with x uniform in
// [−x_half, x_half] and labels 0 or 1 at even odds, then (w, b) uniform in ±w_half, ±b_half.
struct RandomProblem {
  std::vector<double> x;
  std::vector<double> y;
  double w = 0.0;
  double b = 0.0;
  [[nodiscard]] LandscapeData data() const { return {x, y}; }
};

RandomProblem random_problem(lossplay::Random& random, std::size_t max_points, double x_half,
                             double w_half, double b_half) {
  RandomProblem problem;
  problem.x.resize(1 + random.below(max_points));
  problem.y.resize(problem.x.size());
  for (std::size_t k = 0; k < problem.x.size(); ++k) {
    problem.x[k] = 2.0 * x_half * random.uniform() - x_half;
    problem.y[k] = random.uniform() < 0.5 ? 0.0 : 1.0;
  }
  problem.w = 2.0 * w_half * random.uniform() - w_half;
  problem.b = 2.0 * b_half * random.uniform() - b_half;
  return problem;
}

double sigma(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// The mean losses as a textbook writes them: accurate only while p stays away from 0 and 1.
double naive_loss(BinaryLoss loss, LandscapeData data, double w, double b) {
  double total = 0.0;
  for (std::size_t k = 0; k < data.x.size(); ++k) {
    const double p = sigma(w * data.x[k] + b);
    const double y = data.y[k];
    total += loss == BinaryLoss::ce ? -(y * std::log(p) + (1.0 - y) * std::log(1.0 - p))
                                    : (p - y) * (p - y);
  }
  return total / static_cast<double>(data.x.size());
}

std::vector<double> grid(BinaryLoss loss, LandscapeData data, const LandscapeWindow& window) {
  std::vector<double> out(window.nw * window.nb);
  lossplay::landscape_grid(data, loss, window, out);
  return out;
}

std::vector<double> curvature_grid(BinaryLoss loss, LandscapeData data,
                                   const LandscapeWindow& window) {
  std::vector<double> out(window.nw * window.nb);
  lossplay::landscape_curvature_grid(data, loss, window, out);
  return out;
}

double loss_at(BinaryLoss loss, LandscapeData data, double w, double b) {
  return lossplay::landscape_point(data, loss, w, b).loss;
}

}  // namespace

TEST_CASE("maps equal the naive per-point sums where those are accurate", "[landscape]") {
  // |z| ≤ 3.5 over this window: p stays in [0.03, 0.97], where the naive forms keep 15 digits.
  const std::vector<double> x{-1.0, -0.7, -0.2, 0.1, 0.45, 0.8, 1.0};
  const std::vector<double> y{0, 1, 0, 0, 1, 1, 0};
  const LandscapeWindow window{-2.0, 2.0, -1.5, 1.5, 9, 7};
  for (const auto loss : {BinaryLoss::ce, BinaryLoss::mse}) {
    const auto map = grid(loss, data_of(x, y), window);
    for (std::size_t j = 0; j < window.nb; ++j) {
      for (std::size_t i = 0; i < window.nw; ++i) {
        // The grid's definition, w_i = wMin + i·(wMax − wMin)/(nw − 1).
        const double w = -2.0 + static_cast<double>(i) * 4.0 / 8.0;
        const double b = -1.5 + static_cast<double>(j) * 3.0 / 6.0;
        INFO("w = " << w << ", b = " << b);
        CHECK(map[j * window.nw + i] ==
              Approx(naive_loss(loss, data_of(x, y), w, b)).epsilon(1e-13));
      }
    }
  }
}

TEST_CASE("maps keep the digits where every point is right by a wide margin (mpmath)",
          "[landscape]") {
  // One point, x = 1, y = 1, at w = 44, b = 2: z = 46, CE = log1p(e^−46) ≈ e^−46 and
  // MSE = σ(−46)². Naively −log(σ(46)) is −log(1) = 0.
  const std::vector<double> one_x{1.0};
  const std::vector<double> one_y{1.0};
  const LandscapeWindow window{40.0, 48.0, -2.0, 2.0, 5, 5};  // w 40, 42, …; b −2, −1, …
  const std::size_t cell = 4 * 5 + 2;                         // w = 44, b = 2
  CHECK(grid(BinaryLoss::ce, data_of(one_x, one_y), window)[cell] ==
        Approx(1.053061735755381237870788e-20).epsilon(1e-14));
  CHECK(grid(BinaryLoss::mse, data_of(one_x, one_y), window)[cell] ==
        Approx(1.108939019312136379436242e-40).epsilon(1e-14));
  CHECK(-std::log(sigma(46.0)) == 0.0);
  // Four points at w = 44, b = 2: z = 46, 90, −42, −130 with labels 1, 1, 0, 0.
  const auto four = data_of(kMarginX, kMarginY);
  CHECK(grid(BinaryLoss::ce, four, window)[cell] ==
        Approx(1.463707109467274482201701e-19).epsilon(1e-14));
  CHECK(grid(BinaryLoss::mse, four, window)[cell] ==
        Approx(8.267023914450116077583232e-38).epsilon(1e-14));
  // w = 24, b = 2 on a window from 20: z = 26, 50, −22, −70.
  const LandscapeWindow lower{20.0, 28.0, -2.0, 2.0, 5, 5};
  CHECK(grid(BinaryLoss::ce, four, lower)[cell] ==
        Approx(7.101397456905749197079436e-11).epsilon(1e-14));
  CHECK(grid(BinaryLoss::mse, four, lower)[cell] ==
        Approx(1.945935628965598381857704e-20).epsilon(1e-14));
  CHECK(loss_at(BinaryLoss::ce, four, 24.0, 2.0) ==
        Approx(7.101397456905749197079436e-11).epsilon(1e-14));
  // All wrong by 46: CE = 46 + log1p(e^−46), which is 46 to the last bit.
  const LandscapeWindow wrong{-48.0, -40.0, -2.0, 2.0, 5, 5};
  CHECK(grid(BinaryLoss::ce, data_of(one_x, one_y), wrong)[4 * 5 + 0] == 46.0);  // w −48, b 2
  CHECK(grid(BinaryLoss::mse, data_of(one_x, one_y), wrong)[4 * 5 + 0] == 1.0);
}

TEST_CASE("the corners of the limits stay finite and positive", "[landscape]") {
  // |w·x| = 500 and |b| = 50: the largest factors the limits allow.
  const std::vector<double> x{-10.0, 10.0, 10.0};
  const std::vector<double> y{1.0, 0.0, 1.0};
  const LandscapeWindow window{-50.0, 50.0, -50.0, 50.0, 3, 3};
  for (const auto loss : {BinaryLoss::ce, BinaryLoss::mse}) {
    for (const double value : grid(loss, data_of(x, y), window)) {
      CHECK(std::isfinite(value));
      CHECK(value > 0.0);
    }
    for (const double value : curvature_grid(loss, data_of(x, y), window)) {
      CHECK(std::isfinite(value));
    }
  }
  // w = 50, b = 50: z = −450, 550, 550. CE = (450 + 550 + log1p(…))/3.
  CHECK(grid(BinaryLoss::ce, data_of(x, y), window)[8] == Approx(1000.0 / 3.0).epsilon(1e-15));
}

TEST_CASE("the point functions agree with the maps", "[landscape]") {
  const auto data = data_of(kSeparableX, kSeparableY);
  const LandscapeWindow window{-10.0, 10.0, -10.0, 10.0, 21, 11};
  for (const auto loss : {BinaryLoss::ce, BinaryLoss::mse}) {
    const auto map = grid(loss, data, window);
    const auto lambda = curvature_grid(loss, data, window);
    for (std::size_t j = 0; j < window.nb; ++j) {
      for (std::size_t i = 0; i < window.nw; ++i) {
        const double w = -10.0 + static_cast<double>(i);
        const double b = -10.0 + 2.0 * static_cast<double>(j);
        INFO("w = " << w << ", b = " << b);
        CHECK(map[j * window.nw + i] == Approx(loss_at(loss, data, w, b)).epsilon(1e-13));
        const auto h = lossplay::landscape_hessian(data, loss, w, b);
        const double scale = std::fabs(h.hww) + std::fabs(h.hwb) + std::fabs(h.hbb);
        CHECK(lambda[j * window.nw + i] ==
              Approx(lossplay::smallest_eigenvalue(h)).epsilon(1e-12).margin(1e-14 * scale));
      }
    }
  }
}

TEST_CASE("the gradient and the Hessian match central differences of the loss", "[landscape]") {
  using lossplay::test::central_difference;
  lossplay::Random random(7);
  for (int trial = 0; trial < 40; ++trial) {
    const auto problem = random_problem(random, 12, 3.0, 4.0, 3.0);
    const auto data = problem.data();
    const double w = problem.w;
    const double b = problem.b;
    for (const auto loss : {BinaryLoss::ce, BinaryLoss::mse}) {
      INFO("trial " << trial << ", w = " << w << ", b = " << b
                    << (loss == BinaryLoss::ce ? ", CE" : ", MSE"));
      const auto at = lossplay::landscape_point(data, loss, w, b);
      const auto f = [&](double wv, double bv) { return loss_at(loss, data, wv, bv); };
      CHECK(at.dw == Approx(central_difference([&](double v) { return f(v, b); }, w))
                         .epsilon(1e-7)
                         .margin(1e-9));
      CHECK(at.db == Approx(central_difference([&](double v) { return f(w, v); }, b))
                         .epsilon(1e-7)
                         .margin(1e-9));
      // Second differences of the loss itself: error O(h²) + O(ε/h²), about 1e−7 here.
      const double h = 1e-4;
      const double f0 = f(w, b);
      const double hww = (f(w + h, b) - 2.0 * f0 + f(w - h, b)) / (h * h);
      const double hbb = (f(w, b + h) - 2.0 * f0 + f(w, b - h)) / (h * h);
      const double hwb =
          (f(w + h, b + h) - f(w + h, b - h) - f(w - h, b + h) + f(w - h, b - h)) / (4.0 * h * h);
      const auto hessian = lossplay::landscape_hessian(data, loss, w, b);
      CHECK(hessian.hww == Approx(hww).epsilon(1e-5).margin(1e-6));
      CHECK(hessian.hwb == Approx(hwb).epsilon(1e-5).margin(1e-6));
      CHECK(hessian.hbb == Approx(hbb).epsilon(1e-5).margin(1e-6));
      // And central differences of the analytic gradient, which reach further.
      const auto dw_at = [&](double wv, double bv) {
        return lossplay::landscape_point(data, loss, wv, bv).dw;
      };
      const auto db_at = [&](double wv, double bv) {
        return lossplay::landscape_point(data, loss, wv, bv).db;
      };
      CHECK(hessian.hww == Approx(central_difference([&](double v) { return dw_at(v, b); }, w))
                               .epsilon(1e-7)
                               .margin(1e-8));
      CHECK(hessian.hwb == Approx(central_difference([&](double v) { return dw_at(w, v); }, b))
                               .epsilon(1e-7)
                               .margin(1e-8));
      CHECK(hessian.hbb == Approx(central_difference([&](double v) { return db_at(w, v); }, b))
                               .epsilon(1e-7)
                               .margin(1e-8));
    }
  }
}

TEST_CASE("the Hessian and λ_min keep their digits in the tails (mpmath)", "[landscape]") {
  const auto four = data_of(kMarginX, kMarginY);
  const auto ce = lossplay::landscape_hessian(four, BinaryLoss::ce, 24.0, 2.0);
  CHECK(ce.hww == Approx(7.101397454001311377389399e-11).epsilon(1e-14));
  CHECK(ce.hwb == Approx(-6.845943002571824172686236e-11).epsilon(1e-14));
  CHECK(ce.hbb == Approx(7.10139745398684575345016e-11).epsilon(1e-14));
  CHECK(lossplay::smallest_eigenvalue(ce) == Approx(2.554544514222543927335398e-12).epsilon(1e-13));
  const auto mse = lossplay::landscape_hessian(four, BinaryLoss::mse, 24.0, 2.0);
  CHECK(mse.hww == Approx(7.783742510436055164250482e-20).epsilon(1e-14));
  CHECK(mse.hwb == Approx(-7.778521952296839779974448e-20).epsilon(1e-14));
  CHECK(mse.hbb == Approx(7.783742510436055164250471e-20).epsilon(1e-14));
  // λ_min/λ_max ≈ 3e−4: det = ac − b² loses about 4 digits to the rounding of a, b, c.
  CHECK(lossplay::smallest_eigenvalue(mse) ==
        Approx(5.220558139215384276028563e-23).epsilon(1e-11));
  const auto far = lossplay::landscape_hessian(four, BinaryLoss::ce, 44.0, 2.0);
  CHECK(lossplay::smallest_eigenvalue(far) ==
        Approx(5.265308678776906190192595e-21).epsilon(1e-13));
  const auto far_mse = lossplay::landscape_hessian(four, BinaryLoss::mse, 44.0, 2.0);
  CHECK(far_mse.hbb == Approx(3.306809565780046426281714e-37).epsilon(1e-14));
  CHECK(lossplay::smallest_eigenvalue(far_mse) ==
        Approx(2.217878038624272758814095e-40).epsilon(1e-11));
}

TEST_CASE("smallest_eigenvalue: closed forms, no cancellation, no underflow", "[landscape]") {
  using lossplay::smallest_eigenvalue;
  CHECK(smallest_eigenvalue({1.0, 0.0, 1e-200}) == 1e-200);  // (tr − root)/2 would give 0
  CHECK(smallest_eigenvalue({1e-200, 0.0, 1.0}) == 1e-200);
  CHECK(smallest_eigenvalue({-1.0, 0.0, -2.0}) == -2.0);
  CHECK(smallest_eigenvalue({4.0, 2.0, 1.0}) == 0.0);  // rank one: det is exactly 0
  CHECK(smallest_eigenvalue({0.0, 0.0, 0.0}) == 0.0);
  // [2, 1; 1, 2] has eigenvalues 1 and 3; [0, 1; 1, 0] has −1 and 1.
  CHECK(smallest_eigenvalue({2.0, 1.0, 2.0}) == Approx(1.0).epsilon(1e-15));
  CHECK(smallest_eigenvalue({0.0, 1.0, 0.0}) == Approx(-1.0).epsilon(1e-15));
  // Scaled: entries of 1e−300 would square to 0 unscaled.
  CHECK(smallest_eigenvalue({2e-300, 1e-300, 2e-300}) == Approx(1e-300).epsilon(1e-15));
  CHECK(smallest_eigenvalue({0.0, 1e-300, 0.0}) == Approx(-1e-300).epsilon(1e-15));
  CHECK(smallest_eigenvalue({2e300, 1e300, 2e300}) == Approx(1e300).epsilon(1e-15));
}

TEST_CASE("CE's Hessian is positive semi-definite on any data, anywhere", "[landscape]") {
  lossplay::Random random(11);
  for (int trial = 0; trial < 200; ++trial) {
    const auto problem = random_problem(random, 30, 10.0, 50.0, 50.0);
    const auto data = problem.data();
    const double w = problem.w;
    const double b = problem.b;
    const auto h = lossplay::landscape_hessian(data, BinaryLoss::ce, w, b);
    INFO("trial " << trial << ", w = " << w << ", b = " << b);
    CHECK(h.hww >= 0.0);
    CHECK(h.hbb >= 0.0);
    // Rank one (one point, or all at one x) gives λ_min = 0 up to rounding of the entries.
    CHECK(lossplay::smallest_eigenvalue(h) >= -1e-15 * (h.hww + h.hbb));
  }
  const auto lambda = curvature_grid(BinaryLoss::ce, data_of(kSeparableX, kSeparableY),
                                     {-50.0, 50.0, -50.0, 50.0, 101, 101});
  CHECK(*std::min_element(lambda.begin(), lambda.end()) >= 0.0);
}

// The default window at the panel's resolution: w_i = −10 + 20·i/199, b_j likewise.
const LandscapeWindow kPanelWindow{-10.0, 10.0, -10.0, 10.0, 200, 200};

double panel_w(std::size_t i) {
  const double s = static_cast<double>(i) / 199.0;
  return (1.0 - s) * -10.0 + s * 10.0;
}

TEST_CASE("CE's curvature is never negative: one point's is 0 exactly", "[landscape][curvature]") {
  // One point adds ℓ''·[x², x; x, 1], rank one: λ_min = 0 exactly, wherever (w, b) is. The
  // entries' det hww·hbb − hwb² rounds to a few ulps of either sign (−2.8e−17 at x = 3).
  for (const double x : {3.0, 10.0, -7.5, 0.0}) {
    for (const double y : {0.0, 1.0}) {
      INFO("x = " << x << ", y = " << y);
      const std::vector<double> one_x{x};
      const std::vector<double> one_y{y};
      const auto lambda = curvature_grid(BinaryLoss::ce, data_of(one_x, one_y), kPanelWindow);
      CHECK(std::count(lambda.begin(), lambda.end(), 0.0) == static_cast<long>(lambda.size()));
      CHECK(lossplay::landscape_smallest_eigenvalue(data_of(one_x, one_y), BinaryLoss::ce, -6.0,
                                                    0.0) == 0.0);
    }
  }
  // Points that share one x (any labels) are rank one too.
  const std::vector<double> same_x{2.5, 2.5, 2.5};
  const std::vector<double> mixed_y{0.0, 1.0, 1.0};
  for (const auto loss : {BinaryLoss::ce, BinaryLoss::mse}) {
    const auto lambda = curvature_grid(loss, data_of(same_x, mixed_y), kPanelWindow);
    CHECK(*std::max_element(lambda.begin(), lambda.end()) == 0.0);
  }
  // On any data, anywhere: ≥ 0 with no tolerance.
  lossplay::Random random(13);
  for (int trial = 0; trial < 300; ++trial) {
    const auto problem = random_problem(random, 30, 10.0, 50.0, 50.0);
    INFO("trial " << trial << ", w = " << problem.w << ", b = " << problem.b);
    CHECK(lossplay::landscape_smallest_eigenvalue(problem.data(), BinaryLoss::ce, problem.w,
                                                  problem.b) >= 0.0);
  }
}

TEST_CASE("MSE's hatched cells for one or two points are the closed form",
          "[landscape][curvature]") {
  // ℓ''(ζ) = 2σ'σ(2 − 3σ) < 0 exactly where σ(ζ) > 2/3, ζ > ln 2. One point: the Hessian is
  // ℓ''·[x², x; x, 1], so λ_min = ℓ''·(1 + x²) < 0 there and 0 elsewhere. Two points at
  // different x: det = ℓ''_1·ℓ''_2·(x_1 − x_2)², so λ_min < 0 as soon as either ℓ'' is.
  const double ln2 = std::log(2.0);
  const auto check_map = [&](const std::vector<double>& x, const std::vector<double>& y) {
    const auto lambda = curvature_grid(BinaryLoss::mse, data_of(x, y), kPanelWindow);
    std::size_t wrong = 0;
    std::size_t concave = 0;
    for (std::size_t j = 0; j < 200; ++j) {
      for (std::size_t i = 0; i < 200; ++i) {
        bool any_below = false;
        bool near_zero = false;  // ζ within 1e−9 of ln 2: the rounding of ζ may decide
        for (std::size_t k = 0; k < x.size(); ++k) {
          const double zeta = (1.0 - 2.0 * y[k]) * (panel_w(i) * x[k] + panel_w(j));
          any_below = any_below || zeta > ln2;
          near_zero = near_zero || std::fabs(zeta - ln2) < 1e-9;
        }
        const double value = lambda[j * 200 + i];
        concave += value < 0.0 ? 1 : 0;
        if (!near_zero && (value < 0.0) != any_below) {
          ++wrong;
        }
        if (x.size() == 1 && !any_below) {
          CHECK(value == 0.0);
        }
      }
    }
    return std::pair{wrong, concave};
  };
  // The panel's figures for one point at x = 3 and at x = 10: 48.92 % and 49.65 % hatched.
  const auto three = check_map({3.0}, {0.0});
  CHECK(three.first == 0);
  CHECK(three.second == 19'567);  // 48.92 % of 40 000
  const auto ten = check_map({10.0}, {1.0});
  CHECK(ten.first == 0);
  CHECK(ten.second == 19'860);  // 49.65 %
  CHECK(check_map({0.0}, {1.0}).first == 0);
  CHECK(check_map({-2.0, 7.0}, {1.0, 0.0}).first == 0);
  CHECK(check_map({9.5, 10.0}, {0.0, 0.0}).first == 0);
  // Where ℓ'' < 0 the value is ℓ''·(1 + x²) (mpmath: σ(4) = 0.98201379003790845, x = 3).
  const double sigma4 = 0.98201379003790845;
  const double h = 2.0 * sigma4 * (1.0 - sigma4) * sigma4 * (2.0 - 3.0 * sigma4);
  CHECK(lossplay::landscape_smallest_eigenvalue(data_of({3.0}, {0.0}), BinaryLoss::mse, 1.0, 1.0) ==
        Approx(10.0 * h).epsilon(1e-12));
}

TEST_CASE("MSE is not convex on the separable data: the plateau at w = −6 curves down",
          "[landscape]") {
  const auto data = data_of(kSeparableX, kSeparableY);
  // At w = −6 every point sits on its wrong side, where σ > 2/3 makes ℓ'' < 0.
  const auto h = lossplay::landscape_hessian(data, BinaryLoss::mse, -6.0, 0.0);
  const double lambda = lossplay::smallest_eigenvalue(h);
  CHECK(lambda < 0.0);
  CHECK(lossplay::smallest_eigenvalue(
            lossplay::landscape_hessian(data, BinaryLoss::ce, -6.0, 0.0)) > 0.0);
  // The proof from losses alone: along λ_min's eigenvector u, the midpoint of a chord lies
  // above it, which no convex function allows.
  const double uw = h.hwb;
  const double ub = lambda - h.hww;
  const double length = std::hypot(uw, ub);
  const double step = 0.5;
  const double mid = loss_at(BinaryLoss::mse, data, -6.0, 0.0);
  const double ends =
      0.5 * (loss_at(BinaryLoss::mse, data, -6.0 + step * uw / length, step * ub / length) +
             loss_at(BinaryLoss::mse, data, -6.0 - step * uw / length, -step * ub / length));
  CHECK(mid > ends);
  // The map shows both: negative cells around w = −6, positive ones near a good fit.
  const LandscapeWindow window{-10.0, 10.0, -10.0, 10.0, 41, 41};  // steps of 0.5
  const auto mse_lambda = curvature_grid(BinaryLoss::mse, data, window);
  CHECK(mse_lambda[20 * 41 + 8] < 0.0);  // w = −6, b = 0
  CHECK(mse_lambda[20 * 41 + 8] == Approx(lambda).epsilon(1e-12));
  CHECK(mse_lambda[20 * 41 + 22] > 0.0);  // w = 1, b = 0
}

TEST_CASE("descent: the first step, worked by hand", "[landscape][descent]") {
  const std::vector<double> x{-1.0, 2.0};
  const std::vector<double> y{0.0, 1.0};
  const auto data = data_of(x, y);
  const double w0 = -1.5;
  const double b0 = 0.25;
  const double rate = 0.8;
  // z = w·x + b: 1.75 and −2.75. CE: ∂L/∂(w, b) = mean((p − y)·(x, 1)).
  const double p1 = sigma(1.75);
  const double p2 = sigma(-2.75);
  const double ce_dw = 0.5 * (p1 * -1.0 + (p2 - 1.0) * 2.0);
  const double ce_db = 0.5 * (p1 + (p2 - 1.0));
  const auto ce = lossplay::descent_path(data, BinaryLoss::ce, w0, b0, rate, 1, 0.0);
  REQUIRE(ce.w.size() == 2);
  CHECK(ce.steps == 1);
  CHECK_FALSE(ce.stopped);
  CHECK(ce.w[0] == w0);
  CHECK(ce.b[0] == b0);
  CHECK(ce.loss[0] == Approx(naive_loss(BinaryLoss::ce, data, w0, b0)).epsilon(1e-14));
  CHECK(ce.grad_norm[0] == Approx(std::hypot(ce_dw, ce_db)).epsilon(1e-14));
  CHECK(ce.w[1] == Approx(w0 - rate * ce_dw).epsilon(1e-14));
  CHECK(ce.b[1] == Approx(b0 - rate * ce_db).epsilon(1e-14));
  CHECK(ce.loss[1] == Approx(naive_loss(BinaryLoss::ce, data, ce.w[1], ce.b[1])).epsilon(1e-14));
  CHECK(ce.loss[1] < ce.loss[0]);
  // MSE: ∂L/∂(w, b) = mean(2(p − y)·p(1 − p)·(x, 1)).
  const double g1 = 2.0 * p1 * p1 * (1.0 - p1);
  const double g2 = 2.0 * (p2 - 1.0) * p2 * (1.0 - p2);
  const auto mse = lossplay::descent_path(data, BinaryLoss::mse, w0, b0, rate, 1, 0.0);
  CHECK(mse.w[1] == Approx(w0 - rate * 0.5 * (-g1 + 2.0 * g2)).epsilon(1e-14));
  CHECK(mse.b[1] == Approx(b0 - rate * 0.5 * (g1 + g2)).epsilon(1e-14));
  CHECK(mse.loss[0] == Approx(naive_loss(BinaryLoss::mse, data, w0, b0)).epsilon(1e-14));
}

TEST_CASE("descent with momentum: two steps of the heavy ball, by hand", "[landscape][descent]") {
  const auto data = data_of(kSeparableX, kSeparableY);
  const double rate = 0.5;
  const double beta = 0.9;
  const auto gradient = [&](double w, double b) {
    return lossplay::landscape_point(data, BinaryLoss::ce, w, b);
  };
  // v1 = −η∇L(θ0), θ1 = θ0 + v1; v2 = βv1 − η∇L(θ1), θ2 = θ1 + v2.
  const auto g0 = gradient(-6.0, 0.0);
  const double w1 = -6.0 - rate * g0.dw;
  const double b1 = 0.0 - rate * g0.db;
  const auto g1 = gradient(w1, b1);
  const double w2 = w1 + (beta * (-rate * g0.dw) - rate * g1.dw);
  const double b2 = b1 + (beta * (-rate * g0.db) - rate * g1.db);
  const auto path = lossplay::descent_path(data, BinaryLoss::ce, -6.0, 0.0, rate, 2, beta);
  REQUIRE(path.w.size() == 3);
  CHECK(path.w[1] == Approx(w1).epsilon(1e-15));
  CHECK(path.b[1] == Approx(b1).margin(1e-15));
  CHECK(path.w[2] == Approx(w2).epsilon(1e-15));
  CHECK(path.b[2] == Approx(b2).margin(1e-15));
  CHECK(path.loss[2] == Approx(gradient(w2, b2).loss).epsilon(1e-15));
  // Without momentum the second step is plain descent from θ1.
  const auto plain = lossplay::descent_path(data, BinaryLoss::ce, -6.0, 0.0, rate, 2, 0.0);
  CHECK(plain.w[2] == Approx(w1 - rate * g1.dw).epsilon(1e-15));
}

TEST_CASE("descent: CE escapes the plateau that MSE crawls across", "[landscape][descent]") {
  const auto data = data_of(kSeparableX, kSeparableY);
  const auto ce = lossplay::descent_path(data, BinaryLoss::ce, -6.0, 0.0, 1.0, 40, 0.0);
  const auto mse = lossplay::descent_path(data, BinaryLoss::mse, -6.0, 0.0, 1.0, 40, 0.0);
  REQUIRE(ce.w.size() == 41);
  REQUIRE(mse.w.size() == 41);
  for (std::size_t s = 1; s < ce.loss.size(); ++s) {
    CHECK(ce.loss[s] <= ce.loss[s - 1]);
  }
  CHECK(ce.w.back() > 0.0);    // every point now on its right side
  CHECK(mse.w.back() < -5.0);  // still on the plateau
  CHECK(mse.grad_norm[0] < 0.01 * ce.grad_norm[0]);
}

TEST_CASE("descent stops before a step leaves the window", "[landscape][descent]") {
  const auto data = data_of(kSeparableX, kSeparableY);
  const auto path = lossplay::descent_path(data, BinaryLoss::ce, -6.0, 0.0, 100.0, 500, 0.99);
  CHECK(path.stopped);
  CHECK(path.steps < 500);
  CHECK(path.w.size() == path.steps + 1);
  CHECK(path.b.size() == path.steps + 1);
  CHECK(path.loss.size() == path.steps + 1);
  CHECK(path.grad_norm.size() == path.steps + 1);
  for (std::size_t s = 0; s < path.w.size(); ++s) {
    CHECK(std::fabs(path.w[s]) <= 50.0);
    CHECK(std::fabs(path.b[s]) <= 50.0);
    CHECK(std::isfinite(path.loss[s]));
  }
  const auto none = lossplay::descent_path(data, BinaryLoss::mse, 1.0, 2.0, 1.0, 0, 0.0);
  CHECK(none.w.size() == 1);
  CHECK(none.steps == 0);
  CHECK_FALSE(none.stopped);
}

TEST_CASE("landscape argument checks", "[landscape][checks]") {
  using lossplay::check_descent_path_args;
  using lossplay::check_landscape_data;
  using lossplay::check_landscape_point;
  using lossplay::check_landscape_window;
  const std::vector<double> empty;
  const std::vector<double> two{0.5, 1.0};
  const std::vector<double> labels{0.0, 1.0};
  CHECK(check_landscape_data(data_of(empty, empty))->message ==
        "data.x must have between 1 and 1000 entries, got 0");
  const std::vector<double> many(1001, 0.0);
  CHECK(check_landscape_data(data_of(many, many))->message ==
        "data.x must have between 1 and 1000 entries, got 1001");
  CHECK(check_landscape_data(data_of(two, std::vector<double>{1.0}))->message ==
        "data.y must have one label per entry of data.x (2), got 1");
  CHECK(check_landscape_data(data_of(std::vector<double>{0.5, 10.5}, labels))->message ==
        "data.x[1] must be a number in [-10, 10], got 10.5. Use a value such as 1.5");
  CHECK(check_landscape_data(data_of(std::vector<double>{NAN, 0.0}, labels))->message ==
        "data.x[0] must be a number in [-10, 10], got NaN. Use a value such as 1.5");
  CHECK(check_landscape_data(data_of(two, std::vector<double>{1.0, 0.5}))->message ==
        "data.y[1] must be 0 or 1, got 0.5");
  CHECK_FALSE(check_landscape_data(data_of(kSeparableX, kSeparableY)));
  CHECK_FALSE(check_landscape_data(data_of(std::vector<double>{-10.0, 10.0}, labels)));
  CHECK(check_landscape_point("w", 50.5, "b", 0.0)->message ==
        "w must be a number in [-50, 50], got 50.5. Use a value such as -6");
  CHECK(check_landscape_point("w0", 0.0, "b0", -INFINITY)->message ==
        "b0 must be a number in [-50, 50], got -Infinity. Use a value such as 0");
  CHECK_FALSE(check_landscape_point("w", -50.0, "b", 50.0));
  CHECK(check_landscape_window(1.0, 1.0, -1.0, 1.0, 10.0, 10.0)->message ==
        "wMin must be below wMax, got 1 and 1");
  CHECK(check_landscape_window(-1.0, 1.0, -60.0, 1.0, 10.0, 10.0)->message ==
        "bMin must be a number in [-50, 50], got -60. Use a value such as -10");
  CHECK(check_landscape_window(-1.0, 1.0, -1.0, 1.0, 1.0, 10.0)->message ==
        "nw must be an integer in [2, 400], got 1. Use a value such as 200");
  CHECK(check_landscape_window(-1.0, 1.0, -1.0, 1.0, 10.0, 400.5)->message ==
        "nb must be an integer in [2, 400], got 400.5. Use a value such as 200");
  CHECK_FALSE(check_landscape_window(-50.0, 50.0, -50.0, 50.0, 400.0, 2.0));
  CHECK(check_descent_path_args(0.0, 0.0, 0.0, 10.0, 0.0)->message ==
        "learningRate must be a number in (0, 100], got 0. Use a value such as 1");
  CHECK(check_descent_path_args(0.0, 0.0, 1.0, 10001.0, 0.0)->message ==
        "steps must be an integer in [0, 10000], got 10001. Use a value such as 100");
  CHECK(check_descent_path_args(0.0, 0.0, 1.0, 10.0, 1.0)->message ==
        "momentum must be a number in [0, 0.999], got 1. Use a value such as 0.9");
  CHECK(check_descent_path_args(-51.0, 0.0, 1.0, 10.0, 0.0)->message ==
        "w0 must be a number in [-50, 50], got -51. Use a value such as -6");
  CHECK_FALSE(check_descent_path_args(-50.0, 50.0, 100.0, 0.0, 0.999));
}

TEST_CASE("the landscape limits are the documented numbers", "[landscape][limits]") {
  CHECK(lossplay::kLandscapeX.max == 10.0);
  CHECK(lossplay::kLandscapeW.max * lossplay::kLandscapeX.max + lossplay::kLandscapeB.max <
        700.0);                                    // e^|z| stays below the largest double
  CHECK(lossplay::kLandscapePoints.max < 1024.0);  // Π(1 + a_k) ≤ 2^n stays finite
  CHECK(lossplay::kLandscapeGridSide.max == 400.0);
  CHECK(lossplay::kLandscapeLearningRate.min_open);
  CHECK(lossplay::kLandscapeMomentum.max < 1.0);
  CHECK(lossplay::kLandscapeSteps.max == 10'000.0);
}
