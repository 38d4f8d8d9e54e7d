// The results of the loss functions that are not a core struct as it is: a core struct plus
// what the binding computes beside it, or the series a sampler fills. Each leaves C++ through
// its value_object registration in result_bindings.cpp, which names its JS fields.
#pragma once

#include <vector>

#include "bindings/js_types.hpp"
#include "core/binary_losses.hpp"
#include "core/likelihood.hpp"
#include "core/limits.hpp"

namespace lossplay::js {

// binaryPoint: the losses and the gradient ratio 1 + cosh z.
struct BinaryPointResult : BinaryLosses {
  double ratio;
};

// binaryCurve: six Float64Arrays over one buffer (see binary_curve in loss_api.cpp). The
// initialisers make it default-constructible, which value_object requires.
struct BinaryCurveResult {
  Float64Array z = Float64Array::undefined();
  Float64Array p = Float64Array::undefined();
  Float64Array ce = Float64Array::undefined();
  Float64Array mse = Float64Array::undefined();
  Float64Array dce_dz = Float64Array::undefined();
  Float64Array dmse_dz = Float64Array::undefined();
};

// constantLossCurve.
struct ConstantCurveResult {
  std::vector<double> c, mse, mae, huber;
};

// likelihoodPoint: the point and f(x_i), −ln f(x_i) per datum; for Bernoulli also p = σ(z).
struct LikelihoodPointResult : LikelihoodPoint {
  std::vector<double> densities, nlls;
};
struct BernoulliPointResult : LikelihoodPointResult {
  double p;
};

// likelihoodFit for Bernoulli: the fit's counts and shares are shown, with n.
struct BernoulliFitResult : LikelihoodFit {
  double n;
};

// likelihoodCurve and likelihoodDensity.
struct LikelihoodCurveResult {
  std::vector<double> location, mean_nll, loss, mapped_loss;
};
struct DensityResult {
  std::vector<double> x, density;
};

// A range of core.limits with open: 'min' (min excluded); a closed one is a NumberLimit.
struct OpenMinLimit : NumberLimit {};

// {min, max, integer}, plus open: 'min' for a half-open interval.
[[nodiscard]] JsObject to_js_limit(const NumberLimit& limit);

}  // namespace lossplay::js
