// Loss maps, Hessians and descent paths of p = σ(w·x + b) (see landscape.hpp).
#include "core/landscape.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "core/binary_losses.hpp"

namespace lossplay {
namespace {

// Value k of n evenly spaced points from lo to hi inclusive (the ends exactly).
double grid_point(double lo, double hi, std::size_t k, std::size_t n) {
  const double s = static_cast<double>(k) / static_cast<double>(n - 1);
  return (1.0 - s) * lo + s * hi;
}

// A failed range check, with a value that passes it: the range alone does not say what is
// typical.
ArgumentCheck with_example(ArgumentCheck check, const char* example) {
  if (check) {
    check->message.append(". Use a value such as ").append(example);
  }
  return check;
}

// Per point, what turns z into the signed logit ζ = s·z, s = 1 − 2y (+1 for y = 0, −1 for
// y = 1): ζ = c·w + s·b with c = s·x. Sign flips are exact, so ζ is −z or z to the last bit.
struct SignedPoints {
  std::vector<double> c;  // s·x
  std::vector<double> s;  // 1 − 2y
  std::vector<double> x;
  std::vector<double> x2;  // x², for the Hessian's hww
};

SignedPoints signed_points(LandscapeData data) {
  const std::size_t n = data.x.size();
  SignedPoints out{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n),
                   std::vector<double>(n)};
  for (std::size_t k = 0; k < n; ++k) {
    out.s[k] = 1.0 - 2.0 * data.y[k];
    out.c[k] = out.s[k] * data.x[k];
    out.x[k] = data.x[k];
    out.x2[k] = data.x[k] * data.x[k];
  }
  return out;
}

// The per-point slopes and curvatures, from v = e^−ζ alone. With t = σ(ζ) = 1/(1 + v), also
// σ(−ζ) = v·t and σ'(ζ) = t·(v·t): no 1 − t, no (1 + v)² that could overflow, and every factor
// relative-accurate in both tails.
//   CE:  ℓ' = σ(ζ) = t                 ℓ'' = σ'(ζ)
//   MSE: ℓ' = 2σσ' = 2t·t·(v·t)         ℓ'' = 2σ'·σ(2 − 3σ) = 2(v·t)·t·t·((2v − 1)·t)
// (2 − 3σ as (2v − 1)/(1 + v): no cancellation but at its own zero, σ = 2/3, where ℓ'' changes
// sign.)
inline double loss_slope(BinaryLoss loss, double v) {
  const double t = 1.0 / (1.0 + v);
  return loss == BinaryLoss::ce ? t : 2.0 * t * (t * (v * t));
}

inline double ce_curvature(double v) {
  const double t = 1.0 / (1.0 + v);
  return t * (v * t);
}

inline double mse_curvature(double v) {
  const double t = 1.0 / (1.0 + v);
  return 2.0 * (v * t) * t * t * ((2.0 * v - 1.0) * t);
}

inline double curvature(BinaryLoss loss, double v) {
  return loss == BinaryLoss::ce ? ce_curvature(v) : mse_curvature(v);
}

std::vector<double> columns(const LandscapeWindow& window) {
  std::vector<double> w(window.nw);
  for (std::size_t i = 0; i < window.nw; ++i) {
    w[i] = grid_point(window.w_min, window.w_max, i, window.nw);
  }
  return w;
}

// e^(sign·w_i·c_k) for every column i and point k, column-major ([i·n + k]) so that one cell's
// pass over the points reads consecutive memory. nw·n exponentials for the whole map.
std::vector<double> column_factors(const std::vector<double>& w, const SignedPoints& points,
                                   double sign) {
  const std::size_t n = points.c.size();
  std::vector<double> out(w.size() * n);
  for (std::size_t i = 0; i < w.size(); ++i) {
    for (std::size_t k = 0; k < n; ++k) {
      out[i * n + k] = std::exp(sign * w[i] * points.c[k]);
    }
  }
  return out;
}

// What a cell needs of point k on row b_j: ζ = w·c + s·b, e^ζ = e^(w·c)·e^(s·b) and
// e^−ζ = e^(−w·c)·e^(−s·b).
struct RowPoint {
  double c;
  double sb;     // s·b
  double e_sb;   // e^(s·b)
  double e_msb;  // e^(−s·b)
  double x;
  double x2;
};

// The maps' per-cell work, one struct per map: State holds a cell's running sums, add() takes
// one point (w the cell's column, up = e^(w·c), down = e^(−w·c)), finish() gives the cell's
// value. Every step is a multiply, an add, a compare or at most one divide.

// Mean CE. Per point softplus(ζ) = max(ζ, 0) + log1p(a), a = e^−|ζ| (e^−ζ or e^ζ). The max
// parts are summed; the log1p parts are gathered as one log1p(S), S = Π(1 + a_k) − 1,
// accumulated as S ← S + a·(1 + S): every term is ≥ 0, so nothing cancels, and a·(1 + S) ≥ a
// cannot underflow. One log1p per cell instead of one per (cell, point).
struct CeLoss {
  static constexpr bool kUsesUp = true;
  struct State {
    double max_part = 0.0;
    double product = 0.0;  // S
  };
  static void add(State& state, double w, double up, double down, const RowPoint& p) {
    const double zeta = w * p.c + p.sb;
    const bool positive = zeta > 0.0;
    state.max_part += positive ? zeta : 0.0;
    const double a = positive ? down * p.e_msb : up * p.e_sb;  // e^−|ζ| ≤ 1
    state.product += a * (1.0 + state.product);
  }
  static double finish(const State& state, double n) {
    return (state.max_part + std::log1p(state.product)) / n;
  }
};

// Mean MSE: σ(ζ)² = (1/(1 + e^−ζ))², one divide per (cell, point).
struct MseLoss {
  static constexpr bool kUsesUp = false;
  struct State {
    double sum = 0.0;
  };
  static void add(State& state, double /*w*/, double /*up*/, double down, const RowPoint& p) {
    const double t = 1.0 / (1.0 + down * p.e_msb);
    state.sum += t * t;
  }
  static double finish(const State& state, double n) { return state.sum / n; }
};

// One sign's share of the Hessian's sums: the points' weights u = |ℓ''| > 0, their weighted
// mean of x and their weighted spread M = Σ u·(x − mean)², updated one point at a time
// (West's form: each update adds u·W/(W + u)·δ², a product of non-negative factors, so M ≥ 0
// and nothing cancels). A first point, or one at the mean's x, adds exactly 0.
struct Spread {
  double weight = 0.0;
  double mean = 0.0;
  double spread = 0.0;
  void add(double u, double x) {
    const double total = weight + u;
    const double share = u / total;  // in (0, 1]; 1 exactly for the first point
    const double delta = x - mean;
    mean += share * delta;
    spread += (weight * share) * (delta * delta);
    weight = total;
  }
};

// The Hessian times n, Σ ℓ''·[x², x; x, 1], kept so that its determinant needs no difference
// of nearly equal products. det = S0·S2 − S1² cancels whenever the Hessian is nearly rank one
// (one point, points near one x, one point outweighing the rest): it rounds to a few units of
// S0·S2 of either sign where the truth is 0 or tiny. Written over pairs of points,
//   det = ½ Σ_k Σ_l ℓ''_k ℓ''_l (x_k − x_l)²,
// and with the points split by the sign of ℓ'' into P (weights ℓ'') and N (weights −ℓ''), the
// pairs within P sum to W_P·M_P, those within N to W_N·M_N, and those across to
// −W_P·W_N·(μ_P − μ_N)² − W_N·M_P − W_P·M_N: five terms of known sign, whose sizes add up to
// that of the pairwise sum, in one pass. CE (ℓ'' ≥ 0) has no N, so det = W_P·M_P ≥ 0 by
// construction, and 0 exactly for one point or points that share one x.
struct CurvatureSums {
  Spread positive;
  Spread negative;
  double h1 = 0.0;  // Σ ℓ''·x
  double h2 = 0.0;  // Σ ℓ''·x²
  void add(double h, double x, double x2) {
    if (h > 0.0) {
      positive.add(h, x);
    } else if (h < 0.0) {
      negative.add(-h, x);
    }
    h1 += h * x;
    h2 += h * x2;
  }
  // λ_min of the mean Hessian (these sums / n). Scaled by s = max(W_P, W_N) first, so that the
  // products of two sums neither underflow (ℓ'' may be 1e−239) nor overflow; eigenvalues scale
  // linearly. With tr > 0, λ_min = det/λ_max: its sign is det's. With tr ≤ 0,
  // λ_min = (tr − √((a − c)² + 4b²))/2 adds two terms ≤ 0.
  [[nodiscard]] double smallest_eigenvalue(double n) const {
    const double s = std::max(positive.weight, negative.weight);
    if (s == 0.0) {
      return 0.0;  // every ℓ'' is 0: so is the Hessian
    }
    const double wp = positive.weight / s;
    const double wn = negative.weight / s;
    const double mp = positive.spread / s;
    const double mn = negative.spread / s;
    const double gap = positive.mean - negative.mean;
    const double det = (wp * mp + wn * mn) - (wp * wn * (gap * gap) + wn * mp + wp * mn);
    const double a = h2 / s;
    const double b = h1 / s;
    const double c = wp - wn;
    const double trace = a + c;
    const double root = std::hypot(a - c, 2.0 * b);
    const double lambda = trace > 0.0 ? det / (0.5 * (trace + root)) : 0.5 * (trace - root);
    return lambda * (s / n);
  }
};

// λ_min of the Hessian Σ ℓ''·[x², x; x, 1] / n, with ℓ'' from e^−ζ (CE or MSE).
template <double (*Curvature)(double)>
struct SmallestEigenvalue {
  static constexpr bool kUsesUp = false;
  using State = CurvatureSums;
  static void add(State& state, double /*w*/, double /*up*/, double down, const RowPoint& p) {
    state.add(Curvature(down * p.e_msb), p.x, p.x2);
  }
  static double finish(const State& state, double n) { return state.smallest_eigenvalue(n); }
};

// Neighbouring cells of one row, in one pass over the points: their sums stay in registers and
// each point's row data is read once for all of them.
constexpr std::size_t kLanes = 4;

template <typename Map>
std::array<double, kLanes> cell_block(const double* w, const double* up, const double* down,
                                      const std::vector<RowPoint>& row) {
  const std::size_t n = row.size();
  std::array<typename Map::State, kLanes> state{};
  for (std::size_t k = 0; k < n; ++k) {
    const RowPoint& p = row[k];
    for (std::size_t l = 0; l < kLanes; ++l) {
      Map::add(state[l], w[l], Map::kUsesUp ? up[l * n + k] : 0.0, down[l * n + k], p);
    }
  }
  std::array<double, kLanes> cells{};
  for (std::size_t l = 0; l < kLanes; ++l) {
    cells[l] = Map::finish(state[l], static_cast<double>(n));
  }
  return cells;
}

// Fills a map row by row, kLanes cells at a time. 2·nb exponentials for the rows, nw·n (or
// 2·nw·n) for the columns, none per (cell, point). The columns are padded to whole blocks with
// copies of w_max, whose cells are computed and dropped: one code path, no remainder loop.
template <typename Map>
void sweep(LandscapeData data, const LandscapeWindow& window, std::span<double> out) {
  const auto points = signed_points(data);
  const std::size_t n = points.c.size();
  auto w = columns(window);
  w.resize((window.nw + kLanes - 1) / kLanes * kLanes, window.w_max);
  const auto down = column_factors(w, points, -1.0);
  const auto up = Map::kUsesUp ? column_factors(w, points, 1.0) : std::vector<double>{};
  std::vector<RowPoint> row(n);
  for (std::size_t j = 0; j < window.nb; ++j) {
    const double b = grid_point(window.b_min, window.b_max, j, window.nb);
    const double e_plus = std::exp(b);
    const double e_minus = std::exp(-b);
    for (std::size_t k = 0; k < n; ++k) {
      const bool plus = points.s[k] > 0.0;
      row[k] = {points.c[k], points.s[k] * b, plus ? e_plus : e_minus, plus ? e_minus : e_plus,
                points.x[k], points.x2[k]};
    }
    for (std::size_t i = 0; i < window.nw; i += kLanes) {
      const auto cells =
          cell_block<Map>(&w[i], Map::kUsesUp ? &up[i * n] : nullptr, &down[i * n], row);
      std::copy_n(cells.begin(), std::min(kLanes, window.nw - i), &out[j * window.nw + i]);
    }
  }
}

}  // namespace

ArgumentCheck check_landscape_data(LandscapeData data) {
  const std::size_t n = data.x.size();
  if (check_limit(kLandscapePoints, static_cast<double>(n))) {
    return ArgumentError{ErrorKind::range, "data.x must have between " +
                                               format_number(kLandscapePoints.min) + " and " +
                                               format_number(kLandscapePoints.max) +
                                               " entries, got " + std::to_string(n)};
  }
  if (data.y.size() != n) {
    return ArgumentError{ErrorKind::range, "data.y must have one label per entry of data.x (" +
                                               std::to_string(n) + "), got " +
                                               std::to_string(data.y.size())};
  }
  for (std::size_t k = 0; k < n; ++k) {
    const std::string name = "data.x[" + std::to_string(k) + "]";
    if (auto failure = with_example(check_limit(name, kLandscapeX, data.x[k]), "1.5")) {
      return failure;
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (data.y[k] != 0.0 && data.y[k] != 1.0) {
      return ArgumentError{
          ErrorKind::range,
          "data.y[" + std::to_string(k) + "] must be 0 or 1, got " + format_number(data.y[k])};
    }
  }
  return std::nullopt;
}

ArgumentCheck check_landscape_point(const char* w_name, double w, const char* b_name, double b) {
  return first_failure(with_example(check_limit(w_name, kLandscapeW, w), "-6"),
                       with_example(check_limit(b_name, kLandscapeB, b), "0"));
}

ArgumentCheck check_landscape_window(double w_min, double w_max, double b_min, double b_max,
                                     double nw, double nb) {
  return first_failure(check_side("wMin", "wMax", w_min, w_max, kLandscapeW),
                       check_side("bMin", "bMax", b_min, b_max, kLandscapeB),
                       with_example(check_limit("nw", kLandscapeGridSide, nw), "200"),
                       with_example(check_limit("nb", kLandscapeGridSide, nb), "200"));
}

ArgumentCheck check_descent_path_args(double w0, double b0, double learning_rate, double steps,
                                      double momentum) {
  return first_failure(check_landscape_point("w0", w0, "b0", b0),
                       with_example(check_limit(kLandscapeLearningRate, learning_rate), "1"),
                       with_example(check_limit(kLandscapeSteps, steps), "100"),
                       with_example(check_limit(kLandscapeMomentum, momentum), "0.9"));
}

void landscape_grid(LandscapeData data, BinaryLoss loss, const LandscapeWindow& window,
                    std::span<double> out) {
  if (loss == BinaryLoss::ce) {
    sweep<CeLoss>(data, window, out);
  } else {
    sweep<MseLoss>(data, window, out);
  }
}

void landscape_curvature_grid(LandscapeData data, BinaryLoss loss, const LandscapeWindow& window,
                              std::span<double> out) {
  if (loss == BinaryLoss::ce) {
    sweep<SmallestEigenvalue<&ce_curvature>>(data, window, out);
  } else {
    sweep<SmallestEigenvalue<&mse_curvature>>(data, window, out);
  }
}

LandscapePoint landscape_point(LandscapeData data, BinaryLoss loss, double w, double b) {
  double total = 0.0;
  double dw = 0.0;
  double db = 0.0;
  for (std::size_t k = 0; k < data.x.size(); ++k) {
    const double s = 1.0 - 2.0 * data.y[k];
    const double zeta = s * (w * data.x[k] + b);
    const double v = std::exp(-zeta);  // |ζ| ≤ 550 within the limits: finite
    if (loss == BinaryLoss::ce) {
      total += softplus(zeta);
    } else {
      const double t = 1.0 / (1.0 + v);
      total += t * t;
    }
    const double slope = loss_slope(loss, v) * s;  // dℓ/dz = dℓ/dζ · s
    dw += slope * data.x[k];
    db += slope;
  }
  const double n = static_cast<double>(data.x.size());
  return {total / n, dw / n, db / n};
}

Hessian2 landscape_hessian(LandscapeData data, BinaryLoss loss, double w, double b) {
  double h0 = 0.0;
  double h1 = 0.0;
  double h2 = 0.0;
  for (std::size_t k = 0; k < data.x.size(); ++k) {
    const double zeta = (1.0 - 2.0 * data.y[k]) * (w * data.x[k] + b);
    const double h = curvature(loss, std::exp(-zeta));
    h0 += h;
    h1 += h * data.x[k];
    h2 += h * data.x[k] * data.x[k];
  }
  const double n = static_cast<double>(data.x.size());
  return {h2 / n, h1 / n, h0 / n};
}

double landscape_smallest_eigenvalue(LandscapeData data, BinaryLoss loss, double w, double b) {
  CurvatureSums sums;
  for (std::size_t k = 0; k < data.x.size(); ++k) {
    const double zeta = (1.0 - 2.0 * data.y[k]) * (w * data.x[k] + b);
    sums.add(curvature(loss, std::exp(-zeta)), data.x[k], data.x[k] * data.x[k]);
  }
  return sums.smallest_eigenvalue(static_cast<double>(data.x.size()));
}

double smallest_eigenvalue(const Hessian2& h) {
  // Scaled to entries in [−1, 1], so (a − c)², b² and a·c neither overflow nor underflow; the
  // eigenvalues scale back linearly.
  const double scale = std::max({std::fabs(h.hww), std::fabs(h.hwb), std::fabs(h.hbb)});
  if (scale == 0.0) {
    return 0.0;
  }
  const double a = h.hww / scale;
  const double b = h.hwb / scale;
  const double c = h.hbb / scale;
  const double trace = a + c;
  const double root = std::sqrt((a - c) * (a - c) + 4.0 * b * b);
  if (trace > 0.0) {
    // (trace − root)/2 would cancel when λ_min ≪ λ_max; λ_min·λ_max = det does not.
    const double largest = 0.5 * (trace + root);
    return (a * c - b * b) / largest * scale;
  }
  return 0.5 * (trace - root) * scale;  // both terms ≤ 0: no cancellation
}

DescentPath descent_path(LandscapeData data, BinaryLoss loss, double w0, double b0,
                         double learning_rate, std::size_t steps, double momentum) {
  DescentPath path;
  path.w.reserve(steps + 1);
  path.b.reserve(steps + 1);
  path.loss.reserve(steps + 1);
  path.grad_norm.reserve(steps + 1);
  double w = w0;
  double b = b0;
  double vw = 0.0;
  double vb = 0.0;
  auto point = landscape_point(data, loss, w, b);
  const auto record = [&] {
    path.w.push_back(w);
    path.b.push_back(b);
    path.loss.push_back(point.loss);
    path.grad_norm.push_back(std::hypot(point.dw, point.db));
  };
  record();
  for (std::size_t step = 0; step < steps; ++step) {
    vw = momentum * vw - learning_rate * point.dw;
    vb = momentum * vb - learning_rate * point.db;
    const double next_w = w + vw;
    const double next_b = b + vb;
    // Outside the window the limits no longer bound |z| (NaN fails the test too): stop here.
    if (!(next_w >= kLandscapeW.min && next_w <= kLandscapeW.max && next_b >= kLandscapeB.min &&
          next_b <= kLandscapeB.max)) {
      path.stopped = true;
      break;
    }
    w = next_w;
    b = next_b;
    point = landscape_point(data, loss, w, b);
    record();
  }
  path.steps = path.w.size() - 1;
  return path;
}

}  // namespace lossplay
