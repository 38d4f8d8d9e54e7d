// The likelihood adapters (declared in likelihood_api.hpp).
#include "bindings/likelihood_api.hpp"

#include <emscripten/val.h>

#include <cstddef>
#include <string>
#include <vector>

#include "core/argument_checks.hpp"
#include "core/likelihood.hpp"

namespace lossplay::js {

using emscripten::val;

namespace {

ArgumentCheck read_distribution(const JsValue& value, Distribution& out) {
  if (!value.isString()) {
    return ArgumentError{ErrorKind::type,
                         "dist must be a string, got " + value.typeOf().as<std::string>()};
  }
  const auto name = value.as<std::string>();
  const auto parsed = parse_distribution(name);
  if (!parsed) {
    return choice_error("dist", kDistributionNames, name);
  }
  out = *parsed;
  return std::nullopt;
}

// dist and data, read and checked together (the data's rule depends on the distribution).
ArgumentCheck read_data(const JsValue& dist_in, const JsValue& data_in, Distribution& dist,
                        std::vector<double>& data) {
  if (auto failure =
          first_failure(read_distribution(dist_in, dist), read_array("data", data_in, data))) {
    return failure;
  }
  return check_likelihood_data(dist, data);
}

// A range of core.limits, as the loss limits are exported: {min, max, integer}.
JsObject limit_object(const NumberLimit& limit) {
  val out = val::object();
  out.set("min", limit.min);
  out.set("max", limit.max);
  out.set("integer", limit.integer);
  return out;
}

}  // namespace

JsResult likelihood_point(const JsValue& dist_in, const JsValue& data_in,
                          const JsValue& location_in, const JsValue& scale_in) {
  constexpr const char* kSignature = "likelihoodPoint(dist, data, location, scale)";
  Distribution dist{};
  std::vector<double> data;
  LikelihoodModel model{};
  if (auto failure = first_failure(read_data(dist_in, data_in, dist, data),
                                   read_number("location", location_in, model.location),
                                   read_number("scale", scale_in, model.scale))) {
    return to_js_error(kSignature, *failure);
  }
  model.distribution = dist;
  if (auto failure = check_likelihood_model(model)) {
    return to_js_error(kSignature, *failure);
  }
  const auto point = lossplay::likelihood_point(model, data);
  std::vector<double> densities(data.size());
  std::vector<double> nlls(data.size());
  for (std::size_t i = 0; i < data.size(); ++i) {
    densities[i] = density(model, data[i]);
    nlls[i] = negative_log_density(model, data[i]);
  }
  val out = val::object();
  out.set("totalNll", point.total_nll);
  out.set("meanNll", point.mean_nll);
  out.set("loss", point.loss);
  out.set("lossScale", point.loss_scale);
  out.set("offset", point.offset);
  out.set("mappedLoss", point.mapped_loss);
  out.set("densities", to_float64_array(densities));
  out.set("nlls", to_float64_array(nlls));
  if (dist == Distribution::bernoulli) {
    out.set("p", density(model, 1.0));
  }
  return out;
}

JsResult likelihood_fit(const JsValue& dist_in, const JsValue& data_in, const JsValue& scale_in) {
  constexpr const char* kSignature = "likelihoodFit(dist, data, scale)";
  Distribution dist{};
  std::vector<double> data;
  double scale = 0.0;
  if (auto failure = first_failure(read_data(dist_in, data_in, dist, data),
                                   read_number("scale", scale_in, scale))) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = check_limit(kLikelihoodScale, scale)) {
    return to_js_error(kSignature, *failure);
  }
  const auto fit = fit_likelihood(dist, data, scale);
  val out = val::object();
  out.set("best", fit.best);
  out.set("low", fit.low);
  out.set("high", fit.high);
  out.set("attained", fit.attained);
  out.set("leastMeanNll", fit.least_mean_nll);
  if (dist == Distribution::bernoulli) {
    out.set("ones", static_cast<double>(fit.ones));
    out.set("zeros", static_cast<double>(fit.zeros));
    out.set("n", static_cast<double>(data.size()));
    out.set("shareOfOnes", fit.share_of_ones);
    out.set("shareOfZeros", fit.share_of_zeros);
  }
  return out;
}

JsResult likelihood_curve(const JsValue& dist_in, const JsValue& data_in, const JsValue& scale_in,
                          const JsValue& lo_in, const JsValue& hi_in, const JsValue& n_in) {
  constexpr const char* kSignature = "likelihoodCurve(dist, data, scale, lo, hi, n)";
  Distribution dist{};
  std::vector<double> data;
  double scale = 0.0;
  double lo = 0.0;
  double hi = 0.0;
  double n_points = 0.0;
  if (auto failure =
          first_failure(read_data(dist_in, data_in, dist, data),
                        read_number("scale", scale_in, scale), read_number("lo", lo_in, lo),
                        read_number("hi", hi_in, hi), read_number("n", n_in, n_points))) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = first_failure(check_limit(kLikelihoodScale, scale),
                                   check_likelihood_curve_args(lo, hi, n_points))) {
    return to_js_error(kSignature, *failure);
  }
  const auto n = static_cast<std::size_t>(n_points);
  std::vector<double> location(n), mean_nll(n), loss(n), mapped(n);
  sample_likelihood_curve(dist, data, scale, lo, hi, {location, mean_nll, loss, mapped});
  val out = val::object();
  out.set("location", to_float64_array(location));
  out.set("meanNll", to_float64_array(mean_nll));
  out.set("loss", to_float64_array(loss));
  out.set("mappedLoss", to_float64_array(mapped));
  return out;
}

JsResult likelihood_density(const JsValue& dist_in, const JsValue& location_in,
                            const JsValue& scale_in, const JsValue& x_min_in,
                            const JsValue& x_max_in, const JsValue& n_in) {
  constexpr const char* kSignature = "likelihoodDensity(dist, location, scale, xMin, xMax, n)";
  LikelihoodModel model{};
  double x_min = 0.0;
  double x_max = 0.0;
  double n_points = 0.0;
  if (auto failure = first_failure(
          read_distribution(dist_in, model.distribution),
          read_number("location", location_in, model.location),
          read_number("scale", scale_in, model.scale), read_number("xMin", x_min_in, x_min),
          read_number("xMax", x_max_in, x_max), read_number("n", n_in, n_points))) {
    return to_js_error(kSignature, *failure);
  }
  if (auto failure = first_failure(check_likelihood_model(model),
                                   check_density_grid_args(x_min, x_max, n_points))) {
    return to_js_error(kSignature, *failure);
  }
  const auto n = static_cast<std::size_t>(n_points);
  std::vector<double> x(n), values(n);
  sample_density(model, x_min, x_max, {x, values});
  val out = val::object();
  out.set("x", to_float64_array(x));
  out.set("density", to_float64_array(values));
  return out;
}

JsObject likelihood_limits() {
  val out = val::object();
  for (const NumberLimit& limit : kLikelihoodLimits) {
    out.set(limit.key, limit_object(limit));
  }
  out.set("maxData", static_cast<double>(kMaxLikelihoodData));
  out.set("distributions", to_string_array(kDistributionNames));
  return out;
}

}  // namespace lossplay::js
