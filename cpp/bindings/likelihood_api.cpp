// The likelihood adapters (declared in likelihood_api.hpp).
#include "bindings/likelihood_api.hpp"

#include <emscripten/val.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "bindings/result_types.hpp"
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

}  // namespace

JsResult likelihood_point(const JsValue& dist_in, const JsValue& data_in,
                          const JsValue& location_in, const JsValue& scale_in) {
  Distribution dist{};
  std::vector<double> data;
  LikelihoodModel model{};
  if (auto failure = first_failure(read_data(dist_in, data_in, dist, data),
                                   read_number("location", location_in, model.location),
                                   read_number("scale", scale_in, model.scale))) {
    return to_js_error(*failure);
  }
  model.distribution = dist;
  if (auto failure = check_likelihood_model(model)) {
    return to_js_error(*failure);
  }
  LikelihoodPointResult out{lossplay::likelihood_point(model, data),
                            std::vector<double>(data.size()), std::vector<double>(data.size())};
  for (std::size_t i = 0; i < data.size(); ++i) {
    out.densities[i] = density(model, data[i]);
    out.nlls[i] = negative_log_density(model, data[i]);
  }
  if (dist == Distribution::bernoulli) {
    return val(BernoulliPointResult{std::move(out), density(model, 1.0)});
  }
  return val(out);
}

JsResult likelihood_fit(const JsValue& dist_in, const JsValue& data_in, const JsValue& scale_in) {
  Distribution dist{};
  std::vector<double> data;
  double scale = 0.0;
  if (auto failure = first_failure(read_data(dist_in, data_in, dist, data),
                                   read_number("scale", scale_in, scale))) {
    return to_js_error(*failure);
  }
  if (auto failure = check_limit(kLikelihoodScale, scale)) {
    return to_js_error(*failure);
  }
  const auto fit = fit_likelihood(dist, data, scale);
  if (dist == Distribution::bernoulli) {
    return val(BernoulliFitResult{fit, static_cast<double>(data.size())});
  }
  return val(fit);
}

JsResult likelihood_curve(const JsValue& dist_in, const JsValue& data_in, const JsValue& scale_in,
                          const JsValue& lo_in, const JsValue& hi_in, const JsValue& n_in) {
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
    return to_js_error(*failure);
  }
  if (auto failure = first_failure(check_limit(kLikelihoodScale, scale),
                                   check_likelihood_curve_args(lo, hi, n_points, data.size()))) {
    return to_js_error(*failure);
  }
  const auto n = static_cast<std::size_t>(n_points);
  LikelihoodCurveResult out{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n),
                            std::vector<double>(n)};
  sample_likelihood_curve(dist, data, scale, lo, hi,
                          {out.location, out.mean_nll, out.loss, out.mapped_loss});
  return val(out);
}

JsResult likelihood_density(const JsValue& dist_in, const JsValue& location_in,
                            const JsValue& scale_in, const JsValue& x_min_in,
                            const JsValue& x_max_in, const JsValue& n_in) {
  LikelihoodModel model{};
  double x_min = 0.0;
  double x_max = 0.0;
  double n_points = 0.0;
  if (auto failure = first_failure(
          read_distribution(dist_in, model.distribution),
          read_number("location", location_in, model.location),
          read_number("scale", scale_in, model.scale), read_number("xMin", x_min_in, x_min),
          read_number("xMax", x_max_in, x_max), read_number("n", n_in, n_points))) {
    return to_js_error(*failure);
  }
  if (auto failure = first_failure(check_likelihood_model(model),
                                   check_density_grid_args(x_min, x_max, n_points))) {
    return to_js_error(*failure);
  }
  const auto n = static_cast<std::size_t>(n_points);
  DensityResult out{std::vector<double>(n), std::vector<double>(n)};
  sample_density(model, x_min, x_max, {out.x, out.density});
  return val(out);
}

JsObject likelihood_limits() {
  val out = val::object();
  for (const NumberLimit& limit : kLikelihoodLimits) {
    out.set(limit.key, to_js_limit(limit));
  }
  out.set("maxData", static_cast<double>(kMaxLikelihoodData));
  out.set("distributions", to_string_array(kDistributionNames));
  return out;
}

}  // namespace lossplay::js
