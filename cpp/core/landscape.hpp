// The loss landscape of a one-feature logistic model, p = σ(w·x + b), over labelled points
// {x_k, y_k}, y_k ∈ {0, 1}: the mean CE and the mean MSE as maps over (w, b), the Hessian and
// its smallest eigenvalue (where MSE stops being convex), and gradient descent paths.
//
// Every per-point loss depends on the signed logit ζ = (1 − 2y)·z alone, z = w·x + b:
//   CE:  softplus(ζ) = max(ζ, 0) + log1p(e^−|ζ|)     d/dζ = σ(ζ)      d²/dζ² = σ'(ζ)
//   MSE: (p − y)² = σ(ζ)²                            d/dζ = 2σσ'     d²/dζ² = 2σ'·σ(2 − 3σ)
// (for y = 1, p − y = −σ(−z); for y = 0, p − y = σ(z)). With ∂ζ/∂(w, b) = (1 − 2y)·(x, 1), each
// point adds ℓ''(ζ)·[x², x; x, 1] to the Hessian, whatever its label.
//
// The maps are fast because e^±ζ factors: e^±ζ = e^±(1−2y)w·x · e^±(1−2y)b. One exponential per
// (w column, point) and two per b row, then each (cell, point) costs a multiply or two and at
// most one divide. The limits (core/limits.hpp, "Loss landscape") keep every factor and product
// a normal double, so the factored forms are as accurate as exp of the rounded ζ.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/argument_checks.hpp"
#include "core/binary_losses.hpp"

namespace lossplay {

// The data: x_k in kLandscapeX, y_k exactly 0 or 1, the same length in kLandscapePoints.
struct LandscapeData {
  std::span<const double> x;
  std::span<const double> y;
};

// A map's window and resolution: nw columns w_i from w_min to w_max and nb rows b_j from b_min
// to b_max, both ends included (w_i = w_min + i·(w_max − w_min)/(nw − 1), ends exact).
struct LandscapeWindow {
  double w_min;
  double w_max;
  double b_min;
  double b_max;
  std::size_t nw;
  std::size_t nb;
};

// The mean loss at (w, b) and its gradient.
struct LandscapePoint {
  double loss;
  double dw;
  double db;
};

// The Hessian of the mean loss w.r.t. (w, b), a symmetric 2 × 2: [hww, hwb; hwb, hbb].
struct Hessian2 {
  double hww;
  double hwb;
  double hbb;
};

// A descent path: entry 0 is the start, entry s the point after s steps. When a step would
// leave the allowed window (kLandscapeW × kLandscapeB, which keeps every loss finite) the path
// stops before it: the arrays then hold steps + 1 < requested + 1 entries and stopped is set.
struct DescentPath {
  std::vector<double> w;
  std::vector<double> b;
  std::vector<double> loss;
  std::vector<double> grad_norm;  // |∇L| = sqrt((∂L/∂w)² + (∂L/∂b)²)
  std::size_t steps = 0;          // steps taken: w.size() − 1
  bool stopped = false;           // true when a step left the window before all were taken
};

// x and y as the JS API names them ("data.x", "data.y"): lengths, ranges, labels 0 or 1.
[[nodiscard]] ArgumentCheck check_landscape_data(LandscapeData data);
// A point (w, b) of the window; `w_name` and `b_name` are its names in messages ("w0", "b0").
[[nodiscard]] ArgumentCheck check_landscape_point(const char* w_name, double w, const char* b_name,
                                                  double b);
// wMin < wMax and bMin < bMax within the window, nw and nb integers in kLandscapeGridSide.
[[nodiscard]] ArgumentCheck check_landscape_window(double w_min, double w_max, double b_min,
                                                   double b_max, double nw, double nb);
// w0, b0 in the window, learningRate, steps and momentum within their limits.
[[nodiscard]] ArgumentCheck check_descent_path_args(double w0, double b0, double learning_rate,
                                                    double steps, double momentum);

// Mean loss over the window, row-major with w fastest: out[j·nw + i] at (w_i, b_j).
// Precondition: the checks pass, out.size() == nw·nb.
void landscape_grid(LandscapeData data, BinaryLoss loss, const LandscapeWindow& window,
                    std::span<double> out);

// The smallest eigenvalue of the Hessian over the window, laid out as landscape_grid's. Its
// determinant is formed from the points' weighted spread, not as hww·hbb − hwb²: CE's is ≥ 0
// by construction (0 exactly for one point or points at one x), and MSE's has the sign of the
// pairwise sum ½ Σ ℓ''_k ℓ''_l (x_k − x_l)² wherever rounding of the terms allows.
void landscape_curvature_grid(LandscapeData data, BinaryLoss loss, const LandscapeWindow& window,
                              std::span<double> out);

// Mean loss and gradient at one (w, b). Precondition: the checks pass.
[[nodiscard]] LandscapePoint landscape_point(LandscapeData data, BinaryLoss loss, double w,
                                             double b);

// The analytic Hessian at one (w, b): CE mean σ'(z)·[x², x; x, 1] (positive semi-definite);
// MSE mean 2σ'(z)[σ'(z) + (σ − y)(1 − 2σ)]·[x², x; x, 1], indefinite where σ'' outweighs σ'².
[[nodiscard]] Hessian2 landscape_hessian(LandscapeData data, BinaryLoss loss, double w, double b);

// The smallest eigenvalue of the Hessian at one (w, b), as the curvature map computes it.
[[nodiscard]] double landscape_smallest_eigenvalue(LandscapeData data, BinaryLoss loss, double w,
                                                   double b);

// λ_min of [hww, hwb; hwb, hbb] from its entries alone: (tr − √((a − c)² + 4b²))/2 when the
// trace is not positive, det/λ_max when it is; scaled first so no square over- or underflows.
// det = ac − b² of rounded entries may be a few ulps of either sign where the true one is 0
// (a rank-one Hessian): the curvature map and landscape_smallest_eigenvalue do not use it.
[[nodiscard]] double smallest_eigenvalue(const Hessian2& h);

// Heavy-ball descent from (w0, b0): v ← βv − η∇L, θ ← θ + v (β = 0 is plain descent), up to
// `steps` steps. Precondition: check_descent_path_args passes.
[[nodiscard]] DescentPath descent_path(LandscapeData data, BinaryLoss loss, double w0, double b0,
                                       double learning_rate, std::size_t steps, double momentum);

}  // namespace lossplay
